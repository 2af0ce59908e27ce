//! Everything the import says to the user, in Vietnamese (first) and English.
//! The core produces structured notes; they become words only here.

pub use crate::text::legacy::Legacy;
use serde::{Deserialize, Serialize};

/// How a sheet's table is laid out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TableLayout {
    #[default]
    Wide,
    Long,
    Targets,
}

/// Another kind of document with a spreadsheet's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DocKind {
    Pdf,
    Html,
    Xml,
}

impl DocKind {
    /// How the report names it.
    pub fn word(self) -> &'static str {
        match self {
            DocKind::Pdf => "PDF",
            DocKind::Html => "HTML",
            DocKind::Xml => "XML",
        }
    }
}

/// Which limit a file is over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Limit {
    FileBytes,
    CellsInSheet,
    ZipEntryBytes,
    UncompressedBytes,
}

pub use super::lang::{col_index, col_name, group_thousands, Lang};

/// Why a row of the table is not read as a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowWhy {
    /// The header's words again ("Tỉnh", "Xếp hạng", "Thứ tự").
    Header,
    /// A unit already read, again after a blank row.
    Repeat,
}

/// Why a Word table holds no data: before the first table of data, the letterhead (issuer,
/// motto, number, date); after it, the signature (recipients, signer).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NotDataWhy {
    Letterhead,
    Signature,
}

/// What is nested too deep to read: tables in tables' cells, or a document's XML elements.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Depth {
    Tables,
    Xml,
}

/// Why two data sets became one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum JoinWhy {
    /// Titles that differ only in the year, the number of provinces and such words.
    Release,
    /// The same overall index («Chỉ số CCHC»).
    Overall,
    /// The user joined them.
    ByHand,
}

/// Why one of two copies of a table was used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SameWhy {
    /// The copies hold the same values (the same table sorted another way, say).
    Identical,
    /// The copies differ; the one used names a later year.
    Newer,
    /// The copies differ; the one used is in Vietnamese.
    Vietnamese,
    /// The user chose it.
    Chosen,
}

/// One thing the import has to say. Rows are 1-based as the spreadsheet shows them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Note {
    // found
    DataSet {
        name: String,
        /// Where its tables are in a document («trang 2–5, bảng 1»); empty for a workbook.
        from: Vec<String>,
        units: usize,
        periods: Vec<String>,
        indicators: usize,
        values: usize,
    },
    Targets {
        name: String,
        count: usize,
    },
    /// Which map of provinces a data set's periods are on: the 63 (to 30 June 2025) or the
    /// 34 (from 1 July 2025).
    MapUsed {
        name: String,
        p63: Vec<String>,
        p34: Vec<String>,
    },
    Layout {
        sheet: String,
        layout: TableLayout,
    },
    LegacyText {
        sheet: String,
        encoding: Legacy,
    },
    // skipped
    TitleRow {
        sheet: String,
        row: usize,
        text: String,
    },
    FooterRow {
        sheet: String,
        row: usize,
        text: String,
    },
    AggregateRow {
        sheet: String,
        row: usize,
        text: String,
    },
    OrdinalColumn {
        sheet: String,
        col: usize,
    },
    /// A row of the table that is not a unit: a repeated header, or a unit again after a
    /// blank row (a detail block under the table).
    NotUnitRow {
        sheet: String,
        row: usize,
        text: String,
        why: RowWhy,
    },
    /// Codes of the units ("Mã tỉnh", "tinhid").
    IdentifierColumn {
        sheet: String,
        col: usize,
        header: String,
    },
    /// The units' names again, in another spelling or language.
    AliasColumn {
        sheet: String,
        col: usize,
    },
    /// The same table on two sheets (another language, another order): one was used.
    SameTable {
        used: String,
        other: String,
        why: SameWhy,
    },
    NotesColumn {
        sheet: String,
        col: usize,
        header: String,
    },
    MissingCell {
        sheet: String,
        row: usize,
        col: usize,
        text: String,
    },
    EmptySheet {
        sheet: String,
    },
    NoTableInSheet {
        sheet: String,
    },
    /// A Word table drawn without lines, of two columns and no numbers: a letterhead or a
    /// signature, not data; its cells are skipped.
    NotDataTable {
        sheet: String,
        why: NotDataWhy,
    },
    /// Header rows given again inside a Word table (parts pasted together, each with its
    /// header): read once, the repeats left out.
    RepeatedHeader {
        sheet: String,
        rows: usize,
    },
    // warnings
    UnreadCell {
        sheet: String,
        row: usize,
        col: usize,
        text: String,
    },
    NoPeriod {
        sheet: String,
    },
    Truncated {
        sheet: String,
        rows: usize,
    },
    // errors
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
    NoTable,
    TooLarge {
        what: Limit,
        limit: u64,
    },
    /// The user stopped the reading.
    Cancelled,
    /// A data set of this file joined with another: another release of the same index,
    /// the same overall index, or by hand.
    Joined {
        name: String,
        into: String,
        why: JoinWhy,
    },
    /// Two files give different ranks in one slice (the same rank to different values):
    /// both kept, as the files say.
    RankConflict {
        dataset: String,
        period: String,
        indicator: String,
    },
    /// A row with numbers but no unit's name.
    NoUnitRow {
        sheet: String,
        row: usize,
    },
    /// A row of a target sheet without a target.
    NoTargetRow {
        sheet: String,
        row: usize,
    },
    /// A column with a header and nothing under it.
    EmptyColumn {
        sheet: String,
        col: usize,
        header: String,
    },
    /// A cell whose (unit, period, indicator) another column already gave.
    SameCell {
        sheet: String,
        row: usize,
        col: usize,
        indicator: String,
    },
    /// Values read twice (a unit, period and indicator on two sheets): the later kept.
    Duplicates {
        name: String,
        count: usize,
    },
    /// The reader stopped on something in the file it could not handle (in the page, the
    /// import worker died; the page itself goes on).
    ReaderFailed,
}

impl Note {
    pub fn text(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        self.about_data(vi)
            .or_else(|| self.about_cells(vi))
            .or_else(|| self.about_file(vi))
            .or_else(|| self.about_documents(vi))
            .or_else(|| self.about_joins(vi))
            .unwrap_or_default()
    }

    /// Data sets joined across files, ranks that disagree, cells set aside.
    fn about_joins(&self, vi: bool) -> Option<String> {
        Some(match self {
            Note::Joined { name, into, why } => {
                let (wv, we) = match why {
                    JoinWhy::Release => ("cùng chỉ số, năm khác", "the same index, another year"),
                    JoinWhy::Overall => ("cùng chỉ số tổng hợp", "the same overall index"),
                    JoinWhy::ByHand => ("theo lựa chọn của người dùng", "as you chose"),
                };
                if vi {
                    format!("«{name}» được gộp vào bộ dữ liệu «{into}» ({wv})")
                } else {
                    format!("“{name}” joined into the data set “{into}” ({we})")
                }
            }
            Note::RankConflict { dataset, period, indicator } => {
                if vi {
                    format!("«{dataset}», {indicator}, kỳ {period}: các tệp cho thứ hạng khác nhau; giữ như trong tệp")
                } else {
                    format!("“{dataset}”, {indicator}, {period}: the files give conflicting ranks; kept as they are")
                }
            }
            Note::NoUnitRow { sheet, row } => {
                if vi {
                    format!("«{sheet}» dòng {row}: có số nhưng không có tên đơn vị, bỏ qua")
                } else {
                    format!("“{sheet}” row {row}: numbers without a unit's name, skipped")
                }
            }
            Note::NoTargetRow { sheet, row } => {
                if vi {
                    format!("«{sheet}» dòng {row}: không có chỉ tiêu, bỏ qua")
                } else {
                    format!("“{sheet}” row {row}: no target, skipped")
                }
            }
            Note::EmptyColumn { sheet, col, header } => {
                let c = col_name(*col);
                if vi {
                    format!("«{sheet}» cột {c}: «{header}» không có số liệu")
                } else {
                    format!("“{sheet}” column {c}: “{header}” holds no data")
                }
            }
            Note::SameCell { sheet, row, col, indicator } => {
                let c = format!("{}{row}", col_name(*col));
                if vi {
                    format!("«{sheet}» ô {c}: «{indicator}» đã có giá trị ở ô khác, bỏ qua")
                } else {
                    format!("“{sheet}” cell {c}: “{indicator}” already has a value from another cell, skipped")
                }
            }
            Note::NotDataTable { sheet, why } => {
                let (w_vi, w_en) = match why {
                    NotDataWhy::Letterhead => {
                        ("tiêu đề văn bản (cơ quan, số, ngày)", "the letterhead (issuer, number, date)")
                    }
                    NotDataWhy::Signature => {
                        ("chữ ký văn bản (nơi nhận, người ký)", "the signature (recipients, signer)")
                    }
                };
                if vi {
                    format!("«{sheet}»: {w_vi}, không phải bảng số liệu")
                } else {
                    format!("“{sheet}”: {w_en}, not a data table")
                }
            }
            Note::RepeatedHeader { sheet, rows } => {
                if vi {
                    format!("«{sheet}»: {rows} dòng tiêu đề cột lặp lại (đầu mỗi trang, hoặc giữa các phần của bảng), chỉ đọc một lần")
                } else {
                    format!("“{sheet}”: {rows} header rows repeated (at the top of each page, or between parts of the table), read once")
                }
            }
            Note::Duplicates { name, count } => {
                if vi {
                    format!("«{name}»: {count} giá trị lặp lại ở trang khác, giữ giá trị sau")
                } else {
                    format!("“{name}”: {count} values given again on another sheet, the later kept")
                }
            }
            _ => return None,
        })
    }

    /// What was read: data sets, maps, layouts, rows and columns set aside.
    fn about_data(&self, vi: bool) -> Option<String> {
        Some(match self {
            Note::DataSet { name, from, units, periods, indicators, values } => {
                let p = periods.join(", ");
                let at = if from.is_empty() { String::new() } else { format!(" ({})", from.join("; ")) };
                if vi {
                    format!("Bộ dữ liệu «{name}»{at}: {units} đơn vị, kỳ {p}, {indicators} chỉ số, {values} giá trị")
                } else {
                    format!(
                        "Data set “{name}”{at}: {units} units, periods {p}, {indicators} indicators, {values} values"
                    )
                }
            }
            Note::MapUsed { name, p63, p34 } => {
                let list = |v: &[String]| v.join(", ");
                match (vi, p63.is_empty(), p34.is_empty()) {
                    (true, false, true) => format!("«{name}»: theo 63 tỉnh, thành phố (trước 1/7/2025)"),
                    (true, true, false) => format!("«{name}»: theo 34 tỉnh, thành phố (từ 1/7/2025)"),
                    (true, _, _) => format!(
                        "«{name}»: kỳ {} theo 63 tỉnh, thành phố; kỳ {} theo 34 tỉnh, thành phố (từ 1/7/2025)",
                        list(p63),
                        list(p34)
                    ),
                    (false, false, true) => format!("“{name}”: the 63 provinces (before 1 July 2025)"),
                    (false, true, false) => format!("“{name}”: the 34 provinces (from 1 July 2025)"),
                    (false, _, _) => format!(
                        "“{name}”: periods {} on the 63 provinces; {} on the 34 (from 1 July 2025)",
                        list(p63),
                        list(p34)
                    ),
                }
            }
            Note::Targets { name, count } => {
                if vi {
                    format!("Bảng chỉ tiêu «{name}»: {count} chỉ tiêu")
                } else {
                    format!("Target sheet “{name}”: {count} targets")
                }
            }
            Note::Layout { sheet, layout } => {
                let l = match (vi, layout) {
                    (true, TableLayout::Wide) => "bảng ngang (kỳ hoặc chỉ số theo cột)",
                    (true, TableLayout::Long) => "bảng dọc (mỗi dòng một giá trị)",
                    (true, TableLayout::Targets) => "bảng chỉ tiêu",
                    (false, TableLayout::Wide) => "wide table (periods or indicators as columns)",
                    (false, TableLayout::Long) => "long table (one value per row)",
                    (false, TableLayout::Targets) => "target sheet",
                };
                if vi {
                    format!("Trang «{sheet}»: {l}")
                } else {
                    format!("Sheet “{sheet}”: {l}")
                }
            }
            Note::LegacyText { sheet, encoding } => {
                if vi {
                    format!("Trang «{sheet}»: chữ gõ bằng bảng mã cũ {}, đã chuyển sang Unicode", encoding.name())
                } else {
                    format!("Sheet “{sheet}”: text in the old {} encoding, converted to Unicode", encoding.name())
                }
            }
            Note::TitleRow { sheet, row, text } => {
                if vi {
                    format!("«{sheet}» dòng {row}: tiêu đề «{text}»")
                } else {
                    format!("“{sheet}” row {row}: title “{text}”")
                }
            }
            Note::FooterRow { sheet, row, text } => {
                if vi {
                    format!("«{sheet}» dòng {row}: ghi chú «{text}»")
                } else {
                    format!("“{sheet}” row {row}: note “{text}”")
                }
            }
            Note::AggregateRow { sheet, row, text } => {
                if vi {
                    format!("«{sheet}» dòng {row}: dòng tổng hợp «{text}», không phải đơn vị")
                } else {
                    format!("“{sheet}” row {row}: summary row “{text}”, not a unit")
                }
            }
            _ => return None,
        })
    }

    /// Rows, columns and cells read differently, and sheets with nothing to read.
    fn about_cells(&self, vi: bool) -> Option<String> {
        let cell = |row: &usize, col: &usize| format!("{}{}", col_name(*col), row);
        Some(match self {
            Note::NotUnitRow { sheet, row, text, why } => match (vi, why) {
                (true, RowWhy::Header) => {
                    format!("«{sheet}» dòng {row}: «{text}» là dòng tiêu đề lặp lại, không phải đơn vị")
                }
                (true, RowWhy::Repeat) => {
                    format!("«{sheet}» dòng {row}: «{text}» đã có trong bảng, dòng sau dòng trống này không đọc lại")
                }
                (false, RowWhy::Header) => format!("“{sheet}” row {row}: “{text}” repeats the header, not a unit"),
                (false, RowWhy::Repeat) => {
                    format!("“{sheet}” row {row}: “{text}” is already in the table; this row after a blank row is not read again")
                }
            },
            Note::IdentifierColumn { sheet, col, header } => {
                let c = col_name(*col);
                if vi {
                    format!("«{sheet}» cột {c}: «{header}» là mã đơn vị, không phải chỉ số")
                } else {
                    format!("“{sheet}” column {c}: “{header}” holds unit codes, not an indicator")
                }
            }
            Note::AliasColumn { sheet, col } => {
                let c = col_name(*col);
                if vi {
                    format!("«{sheet}» cột {c}: tên đơn vị viết cách khác (cùng đơn vị trên mỗi dòng)")
                } else {
                    format!("“{sheet}” column {c}: the units' names written another way (the same unit on each row)")
                }
            }
            Note::SameTable { used, other, why } => {
                let (r_vi, r_en) = match why {
                    SameWhy::Identical => ("hai trang cùng số liệu", "both hold the same values"),
                    SameWhy::Newer => (
                        "số liệu khác nhau; dùng trang có năm mới hơn",
                        "their values differ; the one with the later year is used",
                    ),
                    SameWhy::Vietnamese => {
                        ("số liệu khác nhau; dùng trang tiếng Việt", "their values differ; the Vietnamese one is used")
                    }
                    SameWhy::Chosen => ("theo lựa chọn của người dùng", "as you chose"),
                };
                if vi {
                    format!("Trang «{other}» lặp lại bảng của trang «{used}» ({r_vi}): dùng «{used}»")
                } else {
                    format!("Sheet “{other}” repeats the table of sheet “{used}” ({r_en}): “{used}” is used")
                }
            }
            Note::OrdinalColumn { sheet, col } => {
                let c = col_name(*col);
                if vi {
                    format!("«{sheet}» cột {c}: số thứ tự")
                } else {
                    format!("“{sheet}” column {c}: ordinal numbers")
                }
            }
            Note::NotesColumn { sheet, col, header } => {
                let c = col_name(*col);
                match (vi, header.is_empty()) {
                    (true, true) => format!("«{sheet}» cột {c}: không phải số liệu"),
                    (true, false) => format!("«{sheet}» cột {c}: «{header}», không phải số liệu"),
                    (false, true) => format!("“{sheet}” column {c}: not data"),
                    (false, false) => format!("“{sheet}” column {c}: “{header}”, not data"),
                }
            }
            Note::MissingCell { sheet, row, col, text } => {
                let c = cell(row, col);
                if vi {
                    format!("«{sheet}» ô {c}: «{text}» là thiếu số liệu")
                } else {
                    format!("“{sheet}” cell {c}: “{text}” read as missing")
                }
            }
            Note::EmptySheet { sheet } => {
                if vi {
                    format!("Trang «{sheet}» trống")
                } else {
                    format!("Sheet “{sheet}” is empty")
                }
            }
            Note::NoTableInSheet { sheet } => {
                if vi {
                    format!("Trang «{sheet}»: không thấy bảng số liệu")
                } else {
                    format!("Sheet “{sheet}”: no data table found")
                }
            }
            Note::UnreadCell { sheet, row, col, text } => {
                let c = cell(row, col);
                if vi {
                    format!("«{sheet}» ô {c}: «{text}» không phải số, coi là thiếu")
                } else {
                    format!("“{sheet}” cell {c}: “{text}” is not a number, read as missing")
                }
            }
            Note::NoPeriod { sheet } => {
                if vi {
                    format!("«{sheet}»: không thấy năm, để trống kỳ")
                } else {
                    format!("“{sheet}”: no year found, period left empty")
                }
            }
            Note::Truncated { sheet, rows } => {
                if vi {
                    format!("«{sheet}»: chỉ đọc {rows} dòng đầu")
                } else {
                    format!("“{sheet}”: only the first {rows} rows were read")
                }
            }
            _ => return None,
        })
    }

    /// Why a PDF could not be read.
    fn about_documents(&self, vi: bool) -> Option<String> {
        Some(match self {
            Note::TruncatedPdf => {
                if vi {
                    "tài liệu PDF bị cắt cụt (có thể tải về hoặc sao chép chưa xong); hãy lấy lại tệp".into()
                } else {
                    "the PDF document is cut short (perhaps a download or copy did not finish); get the file again"
                        .into()
                }
            }
            Note::ScannedPdf => {
                if vi {
                    "Tệp PDF này là ảnh quét, không có chữ để đọc — hãy dùng bản PDF gốc hoặc tệp Excel".into()
                } else {
                    "This PDF is a scan, with no text to read — use the original PDF or the Excel file".into()
                }
            }
            Note::PdfPassword => {
                if vi {
                    "Tệp PDF này cần mật khẩu để mở; hãy mở bằng trình đọc PDF, lưu lại bản không mật khẩu rồi thả lại"
                        .into()
                } else {
                    "This PDF needs a password to open; open it in a PDF reader, save a copy without the password and drop that".into()
                }
            }
            Note::ReaderUnavailable { detail } => {
                if vi {
                    format!("không tải được bộ đọc tài liệu PDF ({detail}); hãy tải lại trang rồi thử lại")
                } else {
                    format!("the PDF reader could not be loaded ({detail}); reload the page and try again")
                }
            }
            Note::TooDeep { what, limit } => {
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
            _ => return None,
        })
    }

    /// Why a file could not be read at all.
    fn about_file(&self, vi: bool) -> Option<String> {
        Some(match self {
            Note::UnknownFormat => {
                if vi {
                    "không phải tệp bảng tính hay tài liệu được hỗ trợ (xlsx, xlsm, xlsb, xls, ods, csv, docx, pdf)"
                        .into()
                } else {
                    "not a supported spreadsheet or document (xlsx, xlsm, xlsb, xls, ods, csv, docx, pdf)".into()
                }
            }
            Note::NotSpreadsheet { kind } => {
                if vi {
                    format!("đây là tài liệu {} mang tên bảng tính, không phải tệp Excel; hãy mở bằng Excel rồi lưu lại dạng .xlsx", kind.word())
                } else {
                    format!("this is a {} document named like a spreadsheet, not an Excel file; open it in Excel and save it as .xlsx", kind.word())
                }
            }
            Note::TruncatedFile => {
                if vi {
                    "tệp bị cắt cụt (có thể tải về hoặc sao chép chưa xong); hãy lấy lại tệp".into()
                } else {
                    "the file is cut short (perhaps a download or copy did not finish); get the file again".into()
                }
            }
            Note::Corrupt { detail } => {
                if vi {
                    format!("tệp bị hỏng hoặc không đọc được ({detail})")
                } else {
                    format!("the file is damaged or unreadable ({detail})")
                }
            }
            Note::Encrypted => {
                if vi {
                    "tệp có mật khẩu; hãy mở bằng Excel, bỏ mật khẩu rồi thử lại".into()
                } else {
                    "the file is password-protected; remove the password in Excel and try again".into()
                }
            }
            Note::EmptyFile => {
                if vi {
                    "tệp trống".into()
                } else {
                    "the file is empty".into()
                }
            }
            Note::NoTable => {
                if vi {
                    "không tìm thấy bảng số liệu nào (cần một cột tên đơn vị và các cột số)".into()
                } else {
                    "no data table found (a column of unit names and columns of numbers are needed)".into()
                }
            }
            Note::Cancelled => {
                if vi {
                    "đã huỷ đọc tệp theo yêu cầu; có thể thả lại tệp bất cứ lúc nào".into()
                } else {
                    "reading was cancelled as asked; drop the file again at any time".into()
                }
            }
            Note::ReaderFailed => {
                if vi {
                    "bộ đọc gặp lỗi với nội dung tệp này (tệp có thể bị hỏng); dữ liệu đã nạp vẫn giữ nguyên".into()
                } else {
                    "the reader failed on this file's content (the file may be damaged); data already loaded is kept"
                        .into()
                }
            }
            Note::TooLarge { what, limit } => {
                let (w_vi, w_en, unit_vi, unit_en) = match what {
                    Limit::FileBytes => ("dung lượng tệp", "its size", " byte", " bytes"),
                    Limit::ZipEntryBytes => {
                        ("một phần nén bên trong khi giải nén", "one compressed part, unpacked,", " byte", " bytes")
                    }
                    Limit::UncompressedBytes => ("dung lượng sau giải nén", "its unpacked size", " byte", " bytes"),
                    Limit::CellsInSheet => ("số ô của một trang", "the cells of one sheet", " ô", " cells"),
                };
                let n = group_thousands(*limit, if vi { '.' } else { ',' });
                if vi {
                    format!("tệp quá lớn: {w_vi} vượt giới hạn {n}{unit_vi}; hãy tách tệp hoặc bỏ bớt trang không cần")
                } else {
                    format!("the file is too large: {w_en} exceeds the limit of {n}{unit_en}; split the file or remove sheets you do not need")
                }
            }
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_differ() {
        let n = Note::Encrypted;
        assert_ne!(n.text(Lang::Vi), n.text(Lang::En));
        assert!(n.text(Lang::Vi).contains("mật khẩu"));
    }
}
