//! What the import read but doubts: cells that are not numbers, sheets without a year,
//! ranks that disagree.

use serde::{Deserialize, Serialize};

use super::{at_cell, Lang};

/// Something read that the user should check (a report's `warnings`; any makes its status
/// a warning). Rows are 1-based as the spreadsheet shows them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Warning {
    UnreadCell {
        sheet: String,
        row: usize,
        col: usize,
        text: String,
    },
    NoPeriod {
        sheet: String,
    },
    /// Two files give different ranks in one slice (the same rank to different values):
    /// both kept, as the files say.
    RankConflict {
        dataset: String,
        period: String,
        indicator: String,
    },
}

impl Warning {
    pub fn text(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Warning::UnreadCell { sheet, row, col, text } => at_cell(
                vi,
                sheet,
                (*row, *col),
                &format!("«{text}» không phải số, coi là thiếu"),
                &format!("“{text}” is not a number, read as missing"),
            ),
            Warning::NoPeriod { sheet } => {
                if vi {
                    format!("«{sheet}»: không thấy năm, để trống kỳ")
                } else {
                    format!("“{sheet}”: no year found, period left empty")
                }
            }
            Warning::RankConflict { dataset, period, indicator } => {
                if vi {
                    format!("«{dataset}», {indicator}, kỳ {period}: các tệp cho thứ hạng khác nhau; giữ như trong tệp")
                } else {
                    format!("“{dataset}”, {indicator}, {period}: the files give conflicting ranks; kept as they are")
                }
            }
        }
    }
}
