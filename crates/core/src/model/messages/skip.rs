//! What detection and the import set aside, and why: rows, columns, cells and sheets that
//! are not data.

use serde::{Deserialize, Serialize};

use super::{at_cell, at_column, at_row, Lang, NotDataWhy, RowWhy};

/// Something of the file not read as data (a report's `skipped`). Rows are 1-based as the
/// spreadsheet shows them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Skip {
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
}

impl Skip {
    pub fn text(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Skip::TitleRow { sheet, row, text } => {
                at_row(vi, sheet, *row, &format!("tiêu đề «{text}»"), &format!("title “{text}”"))
            }
            Skip::FooterRow { sheet, row, text } => {
                at_row(vi, sheet, *row, &format!("ghi chú «{text}»"), &format!("note “{text}”"))
            }
            Skip::AggregateRow { sheet, row, text } => at_row(
                vi,
                sheet,
                *row,
                &format!("dòng tổng hợp «{text}», không phải đơn vị"),
                &format!("summary row “{text}”, not a unit"),
            ),
            Skip::NotUnitRow { sheet, row, text, why: RowWhy::Header } => at_row(
                vi,
                sheet,
                *row,
                &format!("«{text}» là dòng tiêu đề lặp lại, không phải đơn vị"),
                &format!("“{text}” repeats the header, not a unit"),
            ),
            Skip::NotUnitRow { sheet, row, text, why: RowWhy::Repeat } => at_row(
                vi,
                sheet,
                *row,
                &format!("«{text}» đã có trong bảng, dòng sau dòng trống này không đọc lại"),
                &format!("“{text}” is already in the table; this row after a blank row is not read again"),
            ),
            Skip::NoUnitRow { sheet, row } => at_row(
                vi,
                sheet,
                *row,
                "có số nhưng không có tên đơn vị, bỏ qua",
                "numbers without a unit's name, skipped",
            ),
            Skip::NoTargetRow { sheet, row } => {
                at_row(vi, sheet, *row, "không có chỉ tiêu, bỏ qua", "no target, skipped")
            }
            Skip::OrdinalColumn { sheet, col } => at_column(vi, sheet, *col, "số thứ tự", "ordinal numbers"),
            Skip::IdentifierColumn { sheet, col, header } => at_column(
                vi,
                sheet,
                *col,
                &format!("«{header}» là mã đơn vị, không phải chỉ số"),
                &format!("“{header}” holds unit codes, not an indicator"),
            ),
            Skip::AliasColumn { sheet, col } => at_column(
                vi,
                sheet,
                *col,
                "tên đơn vị viết cách khác (cùng đơn vị trên mỗi dòng)",
                "the units' names written another way (the same unit on each row)",
            ),
            Skip::NotesColumn { sheet, col, header } if header.is_empty() => {
                at_column(vi, sheet, *col, "không phải số liệu", "not data")
            }
            Skip::NotesColumn { sheet, col, header } => {
                at_column(vi, sheet, *col, &format!("«{header}», không phải số liệu"), &format!("“{header}”, not data"))
            }
            Skip::EmptyColumn { sheet, col, header } => at_column(
                vi,
                sheet,
                *col,
                &format!("«{header}» không có số liệu"),
                &format!("“{header}” holds no data"),
            ),
            Skip::MissingCell { sheet, row, col, text } => at_cell(
                vi,
                sheet,
                (*row, *col),
                &format!("«{text}» là thiếu số liệu"),
                &format!("“{text}” read as missing"),
            ),
            Skip::SameCell { sheet, row, col, indicator } => at_cell(
                vi,
                sheet,
                (*row, *col),
                &format!("«{indicator}» đã có giá trị ở ô khác, bỏ qua"),
                &format!("“{indicator}” already has a value from another cell, skipped"),
            ),
            Skip::EmptySheet { sheet } => {
                if vi {
                    format!("Trang «{sheet}» trống")
                } else {
                    format!("Sheet “{sheet}” is empty")
                }
            }
            Skip::NoTableInSheet { sheet } => {
                if vi {
                    format!("Trang «{sheet}»: không thấy bảng số liệu")
                } else {
                    format!("Sheet “{sheet}”: no data table found")
                }
            }
            Skip::NotDataTable { sheet, why } => not_data_table(vi, sheet, *why),
            Skip::RepeatedHeader { sheet, rows } => {
                if vi {
                    format!("«{sheet}»: {rows} dòng tiêu đề cột lặp lại (đầu mỗi trang, hoặc giữa các phần của bảng), chỉ đọc một lần")
                } else {
                    format!("“{sheet}”: {rows} header rows repeated (at the top of each page, or between parts of the table), read once")
                }
            }
            Skip::Duplicates { name, count } => {
                if vi {
                    format!("«{name}»: {count} giá trị lặp lại ở trang khác, giữ giá trị sau")
                } else {
                    format!("“{name}”: {count} values given again on another sheet, the later kept")
                }
            }
        }
    }
}

/// A Word table that is a letterhead or a signature, in words.
fn not_data_table(vi: bool, sheet: &str, why: NotDataWhy) -> String {
    let (w_vi, w_en) = match why {
        NotDataWhy::Letterhead => ("tiêu đề văn bản (cơ quan, số, ngày)", "the letterhead (issuer, number, date)"),
        NotDataWhy::Signature => ("chữ ký văn bản (nơi nhận, người ký)", "the signature (recipients, signer)"),
    };
    if vi {
        format!("«{sheet}»: {w_vi}, không phải bảng số liệu")
    } else {
        format!("“{sheet}”: {w_en}, not a data table")
    }
}
