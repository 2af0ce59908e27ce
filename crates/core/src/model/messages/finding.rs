//! What the import found: data sets, target sheets, maps, layouts, and what it joined.

use serde::{Deserialize, Serialize};

use super::{JoinWhy, Lang, Legacy, SameWhy, TableLayout};

/// Something the import read, or did with what it read (a report's `found`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Finding {
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
    /// The same table on two sheets (another language, another order): one was used.
    SameTable {
        used: String,
        other: String,
        why: SameWhy,
    },
    /// A data set of this file joined with another: another release of the same index,
    /// the same overall index, or by hand.
    Joined {
        name: String,
        into: String,
        why: JoinWhy,
    },
}

impl Finding {
    pub fn text(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Finding::DataSet { name, from, units, periods, indicators, values } => {
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
            Finding::MapUsed { name, p63, p34 } => map_used(vi, name, p63, p34),
            Finding::Targets { name, count } => {
                if vi {
                    format!("Bảng chỉ tiêu «{name}»: {count} chỉ tiêu")
                } else {
                    format!("Target sheet “{name}”: {count} targets")
                }
            }
            Finding::Layout { sheet, layout } => {
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
            Finding::LegacyText { sheet, encoding } => {
                if vi {
                    format!("Trang «{sheet}»: chữ gõ bằng bảng mã cũ {}, đã chuyển sang Unicode", encoding.name())
                } else {
                    format!("Sheet “{sheet}”: text in the old {} encoding, converted to Unicode", encoding.name())
                }
            }
            Finding::SameTable { used, other, why } => {
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
            Finding::Joined { name, into, why } => {
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
        }
    }
}

/// Which map of provinces a data set's periods are on, in words.
fn map_used(vi: bool, name: &str, p63: &[String], p34: &[String]) -> String {
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
        (false, _, _) => {
            format!("“{name}”: periods {} on the 63 provinces; {} on the 34 (from 1 July 2025)", list(p63), list(p34))
        }
    }
}
