//! Why a file gave nothing: it could not be read (its format, damage, a password, a limit),
//! it holds no table, or the reading was stopped.

use serde::{Deserialize, Serialize};

use super::{group_thousands, Depth, DocKind, Lang, Limit};

/// Why a file could not be read (a report's `error`; a reader's `Err`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ReadError {
    UnknownFormat,
    /// Another kind of document with a spreadsheet's name.
    NotSpreadsheet {
        kind: DocKind,
    },
    /// The file ends early (a download or copy that did not finish).
    TruncatedFile,
    Corrupt {
        detail: String,
    },
    Encrypted,
    /// A PDF with no text layer: a scan.
    ScannedPdf,
    /// A PDF that ends early (a download or copy that did not finish).
    TruncatedPdf,
    /// A PDF that needs a password to open (not an empty one).
    PdfPassword,
    /// The on-demand document reader could not be loaded (offline without it, say).
    ReaderUnavailable {
        detail: String,
    },
    /// Tables in tables, or the XML, nested deeper than a document needs.
    TooDeep {
        what: Depth,
        limit: usize,
    },
    EmptyFile,
    /// The file was read, and holds no table of data.
    NoTable,
    TooLarge {
        what: Limit,
        limit: u64,
    },
    /// The user stopped the reading.
    Cancelled,
    /// The reader stopped on something in the file it could not handle (in the page, the
    /// import worker died; the page itself goes on).
    ReaderFailed,
}

impl ReadError {
    pub fn text(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        let say = |v: &str, e: &str| if vi { v.to_string() } else { e.to_string() };
        match self {
            ReadError::UnknownFormat => say(
                "không phải tệp bảng tính hay tài liệu được hỗ trợ (xlsx, xlsm, xlsb, xls, ods, csv, docx, pdf)",
                "not a supported spreadsheet or document (xlsx, xlsm, xlsb, xls, ods, csv, docx, pdf)",
            ),
            ReadError::NotSpreadsheet { kind } => {
                if vi {
                    format!("đây là tài liệu {} mang tên bảng tính, không phải tệp Excel; hãy mở bằng Excel rồi lưu lại dạng .xlsx", kind.word())
                } else {
                    format!("this is a {} document named like a spreadsheet, not an Excel file; open it in Excel and save it as .xlsx", kind.word())
                }
            }
            ReadError::TruncatedFile => say(
                "tệp bị cắt cụt (có thể tải về hoặc sao chép chưa xong); hãy lấy lại tệp",
                "the file is cut short (perhaps a download or copy did not finish); get the file again",
            ),
            ReadError::Corrupt { detail } => {
                if vi {
                    format!("tệp bị hỏng hoặc không đọc được ({detail})")
                } else {
                    format!("the file is damaged or unreadable ({detail})")
                }
            }
            ReadError::Encrypted => say(
                "tệp có mật khẩu; hãy mở bằng Excel, bỏ mật khẩu rồi thử lại",
                "the file is password-protected; remove the password in Excel and try again",
            ),
            ReadError::ScannedPdf => say(
                "Tệp PDF này là ảnh quét, không có chữ để đọc — hãy dùng bản PDF gốc hoặc tệp Excel",
                "This PDF is a scan, with no text to read — use the original PDF or the Excel file",
            ),
            ReadError::TruncatedPdf => say(
                "tài liệu PDF bị cắt cụt (có thể tải về hoặc sao chép chưa xong); hãy lấy lại tệp",
                "the PDF document is cut short (perhaps a download or copy did not finish); get the file again",
            ),
            ReadError::PdfPassword => say(
                "Tệp PDF này cần mật khẩu để mở; hãy mở bằng trình đọc PDF, lưu lại bản không mật khẩu rồi thả lại",
                "This PDF needs a password to open; open it in a PDF reader, save a copy without the password and drop that",
            ),
            ReadError::ReaderUnavailable { detail } => {
                if vi {
                    format!("không tải được bộ đọc tài liệu PDF ({detail}); hãy tải lại trang rồi thử lại")
                } else {
                    format!("the PDF reader could not be loaded ({detail}); reload the page and try again")
                }
            }
            ReadError::TooDeep { what, limit } => too_deep(vi, *what, *limit),
            ReadError::EmptyFile => say("tệp trống", "the file is empty"),
            ReadError::NoTable => say(
                "không tìm thấy bảng số liệu nào (cần một cột tên đơn vị và các cột số)",
                "no data table found (a column of unit names and columns of numbers are needed)",
            ),
            ReadError::TooLarge { what, limit } => too_large(vi, *what, *limit),
            ReadError::Cancelled => say(
                "đã huỷ đọc tệp theo yêu cầu; có thể thả lại tệp bất cứ lúc nào",
                "reading was cancelled as asked; drop the file again at any time",
            ),
            ReadError::ReaderFailed => say(
                "bộ đọc gặp lỗi với nội dung tệp này (tệp có thể bị hỏng); dữ liệu đã nạp vẫn giữ nguyên",
                "the reader failed on this file's content (the file may be damaged); data already loaded is kept",
            ),
        }
    }
}

/// A document nested too deep, in words.
fn too_deep(vi: bool, what: Depth, limit: usize) -> String {
    let (w_vi, w_en) = match what {
        Depth::Tables => ("bảng lồng trong bảng", "tables nested in tables"),
        Depth::Xml => ("các phần XML lồng nhau", "XML elements nested"),
    };
    if vi {
        format!("tài liệu có {w_vi} quá {limit} tầng; tệp có thể bị hỏng hoặc được tạo để gây lỗi")
    } else {
        format!("the document has {w_en} more than {limit} deep; the file may be damaged or made to break readers")
    }
}

/// A file over one of the limits, in words.
fn too_large(vi: bool, what: Limit, limit: u64) -> String {
    let (w_vi, w_en, unit_vi, unit_en) = match what {
        Limit::FileBytes => ("dung lượng tệp", "its size", " byte", " bytes"),
        Limit::ZipEntryBytes => {
            ("một phần nén bên trong khi giải nén", "one compressed part, unpacked,", " byte", " bytes")
        }
        Limit::UncompressedBytes => ("dung lượng sau giải nén", "its unpacked size", " byte", " bytes"),
        Limit::CellsInSheet => ("số ô của một trang", "the cells of one sheet", " ô", " cells"),
    };
    let n = group_thousands(limit, if vi { '.' } else { ',' });
    if vi {
        format!("tệp quá lớn: {w_vi} vượt giới hạn {n}{unit_vi}; hãy tách tệp hoặc bỏ bớt trang không cần")
    } else {
        format!("the file is too large: {w_en} exceeds the limit of {n}{unit_en}; split the file or remove sheets you do not need")
    }
}
