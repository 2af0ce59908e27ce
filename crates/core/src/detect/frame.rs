//! The table's frame: title rows, header rows, body, footer; the header labels of each
//! column (merged group titles spread over their sub-columns); the title that names the
//! table.

use super::words::{is_role, FOOTER, ORDINAL, UNIT};
use super::{kind, nonempty, ImportOptions, Kind};
use crate::read::grid::{Cell, Grid};
use crate::text::{clean, find_year, fold};

#[derive(Clone)]
pub(super) struct Frame {
    pub(super) titles: Vec<(usize, String)>,
    pub(super) header_rows: Vec<usize>,
    pub(super) body_start: usize,
    pub(super) body_end: usize,
}

fn is_data_row(row: &[Cell]) -> bool {
    let kinds: Vec<Kind> = row.iter().map(kind).collect();
    let labels = kinds.iter().filter(|k| **k == Kind::Label).count();
    let numbers = kinds.iter().filter(|k| **k == Kind::Number).count();
    let years = kinds.iter().filter(|k| **k == Kind::Year).count();
    let missing = kinds.iter().filter(|k| **k == Kind::Missing).count();
    if labels == 0 {
        return false;
    }
    if numbers > 0 {
        return true;
    }
    // A long-form row "Hà Nội | 2019 | - " or a row of missing values after its unit.
    (years == 1 && numbers == 0 && labels >= 1 && missing > 0) || (years == 1 && labels >= 2)
}

pub(super) fn frame(grid: &Grid, options: &ImportOptions) -> Option<Frame> {
    let row_count = grid.rows.len();
    if let Some(header) = options.header_row.filter(|header| *header >= 1 && *header < row_count) {
        let titles = (0..header - 1)
            .filter_map(|row| {
                let text: Vec<String> = nonempty(&grid.rows[row]).map(|(_, cell)| cell.text()).collect();
                (!text.is_empty()).then(|| (row, text.join(" ")))
            })
            .collect();
        let body_end = footer_start(grid, header);
        return Some(Frame { titles, header_rows: vec![header - 1], body_start: header, body_end });
    }
    // The first data row that another data row follows (within two rows), so that a
    // header holding years as numbers is not taken for data.
    let mut body_start = None;
    for row in 0..row_count {
        if !is_data_row(&grid.rows[row]) || is_header_like(&grid.rows[row]) {
            continue;
        }
        let next = (row + 1..row_count.min(row + 4)).find(|&below| nonempty(&grid.rows[below]).count() > 0);
        if next.is_none_or(|below| is_data_row(&grid.rows[below])) {
            body_start = Some(row);
            break;
        }
    }
    let mut body_start = body_start?;
    // A lone heading right under the header ("I. KHỐI SỞ") opens the body as a group.
    if body_start >= 2 {
        let above: Vec<(usize, &Cell)> = nonempty(&grid.rows[body_start - 1]).collect();
        let header = nonempty(&grid.rows[body_start - 2]).count();
        if above.len() == 1 && above[0].0 <= 1 && header >= 2 && kind(above[0].1) == Kind::Label {
            body_start -= 1;
        }
    }
    // Header rows: the non-empty rows right above the body, at most three, that are not
    // a lone title.
    let mut header_rows = Vec::new();
    let mut top = body_start;
    while top > 0 && header_rows.len() < 3 {
        let row = &grid.rows[top - 1];
        let cells: Vec<(usize, &Cell)> = nonempty(row).collect();
        if cells.is_empty() {
            break;
        }
        if cells.len() == 1 && is_title_cell(grid, top - 1, cells[0].0) {
            break;
        }
        header_rows.insert(0, top - 1);
        top -= 1;
    }
    let mut titles = Vec::new();
    for (index, row) in grid.rows.iter().enumerate().take(top) {
        let text: Vec<String> = nonempty(row).map(|(_, cell)| cell.text()).collect();
        if !text.is_empty() {
            titles.push((index, text.join(" ")));
        }
    }
    let body_end = footer_start(grid, body_start);
    Some(Frame { titles, header_rows, body_start, body_end })
}

/// The footer starts at the first row that opens with a note word ("Ghi chú", "Nguồn").
fn footer_start(grid: &Grid, body_start: usize) -> usize {
    for (index, row) in grid.rows.iter().enumerate().skip(body_start) {
        if let Some((_, cell)) = nonempty(row).next() {
            // Note words start with g, n, c, l, s (or are marked with *); most rows are not notes.
            let Cell::Text(text) = cell else { continue };
            if !text.starts_with(['G', 'g', 'N', 'n', 'C', 'c', 'L', 'l', 'S', 's', '*', '(']) {
                continue;
            }
            let folded = fold(text);
            let opens_note = FOOTER.iter().any(|word| folded.starts_with(word))
                || cell.text().starts_with('*')
                || cell.text().starts_with("(*)");
            if opens_note && !row.iter().any(|cell| kind(cell) == Kind::Number) {
                return index;
            }
        }
    }
    grid.rows.len()
}

/// A row of column headers that holds years as numbers: "STT | Tỉnh | 2019 | 2020".
fn is_header_like(row: &[Cell]) -> bool {
    let kinds: Vec<Kind> = row.iter().map(kind).collect();
    let years = kinds.iter().filter(|k| **k == Kind::Year).count();
    let numbers = kinds.iter().filter(|k| **k == Kind::Number).count();
    if numbers > 0 || years == 0 {
        return false;
    }
    years >= 2
        || row.iter().any(|c| matches!(c, Cell::Text(s) if is_role(&fold(s), UNIT) || is_role(&fold(s), ORDINAL)))
}

/// A lone cell is a title when it starts the row or a merge spans (nearly) the width.
fn is_title_cell(g: &Grid, r: usize, c: usize) -> bool {
    if c == 0 {
        return true;
    }
    let width = g.width();
    g.merges.iter().any(|&(r0, c0, r1, c1)| r0 <= r && r <= r1 && c0 == c && c1 + 2 >= width)
}

/// Header labels per column: merged cells spread over their region, group titles of upper
/// rows carried right over their sub-columns, parts joined with " / ".
pub(super) fn header_labels(g: &Grid, rows: &[usize], width: usize) -> Vec<Vec<String>> {
    let mut labels = vec![Vec::new(); width];
    let last = rows.last().copied();
    for &r in rows {
        let mut carry: Option<String> = None;
        for (c, label) in labels.iter_mut().enumerate() {
            let mut text = g.get(r, c).text();
            if text.is_empty() {
                if let Some(m) = g.merges.iter().find(|&&(r0, c0, r1, c1)| r0 <= r && r <= r1 && c0 <= c && c <= c1) {
                    text = g.get(m.0, m.1).text();
                }
            }
            let below_has_label = last.is_some_and(|l| l != r && !g.get(l, c).is_empty());
            if text.is_empty() && Some(r) != last && below_has_label {
                if let Some(c0) = &carry {
                    text = c0.clone();
                }
            } else if !text.is_empty() {
                carry = Some(text.clone());
            } else {
                carry = None;
            }
            let text = clean(&text);
            if !text.is_empty() && label.last() != Some(&text) {
                label.push(text);
            }
        }
    }
    labels
}

/// The title that names the table: the first title row that is not a letterhead.
pub(super) fn pick_title(titles: &[(usize, String)]) -> Option<String> {
    titles.iter().map(|(_, t)| t).find(|t| !is_letterhead(t)).cloned()
}

/// A line of an official letterhead, not a table's title: the issuing body ("BỘ NỘI VỤ",
/// "UBND TỈNH ĐỒNG NAI", "SỞ NỘI VỤ"), the national motto, a document number, a date line.
pub fn is_letterhead(line: &str) -> bool {
    let folded = fold(line);
    if folded.contains("cong hoa xa hoi chu nghia") || folded.contains("doc lap tu do hanh phuc") {
        return true;
    }
    let words: Vec<&str> = folded.split(' ').collect();
    let has = |w: &str| words.contains(&w);
    if has("ngay") && has("thang") && words.len() <= 12 {
        return true;
    }
    let first = words.first().copied().unwrap_or_default();
    let second = words.get(1).copied().unwrap_or_default();
    // "Phụ lục I", "Biểu số 02", "Mẫu số 1" alone on a line: the appendix's label.
    let label = ["phu luc", "bieu so", "bieu", "mau so", "mau"].iter().any(|l| folded.starts_with(l));
    if label && words.len() <= 4 {
        return true;
    }
    if first == "so" && line.contains('/') && words.len() <= 8 {
        return true;
    }
    const BODIES: &[&str] = &[
        "bo",
        "ubnd",
        "uy",
        "so",
        "van",
        "tinh",
        "ban",
        "hoi",
        "chinh",
        "phong",
        "ministry",
        "vcci",
        "undp",
        "people",
        "department",
        "thanh",
    ];
    const TITLE_WORDS: &[&str] =
        &["chi", "ket", "xep", "bang", "lieu", "diem", "index", "danh", "tong", "muc", "results", "ranking"];
    BODIES.contains(&first)
        && !(first == "so" && second == "lieu")
        && !(first == "tinh" && second == "hinh")
        && !(first == "thanh" && second != "uy")
        && words.len() <= 8
        && find_year(line).is_none()
        && !words.iter().any(|w| TITLE_WORDS.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::tests::ranking;
    use crate::model::{Observation, OVERALL};

    #[test]
    fn title_header_and_stt() {
        let g = Grid::from_text(
            "PAR 2022",
            &[
                &["KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022"],
                &[],
                &["STT", "Tỉnh, thành phố", "Điểm", "Xếp hạng"],
                &["1", "Hà Nội", "85,43", "2/63"],
                &["2", "Hải Phòng", "88,1", "1/63"],
                &["3", "Cả nước", "80", ""],
                &["Ghi chú: số liệu minh họa"],
            ],
        );
        let t = ranking(&g);
        assert_eq!(t.records.len(), 2);
        assert_eq!(
            t.records[0],
            Observation {
                group: "".into(),
                unit: "Hà Nội".into(),
                period: "2022".into(),
                indicator: OVERALL.into(),
                value: Some(85.43),
                rank: Some(2),
            }
        );
    }

    #[test]
    fn two_row_header_years_as_groups() {
        let g = Grid::from_text(
            "Sheet1",
            &[
                &["STT", "Đơn vị", "Năm 2021", "", "Năm 2022", ""],
                &["", "", "Điểm", "Xếp hạng", "Điểm", "Xếp hạng"],
                &["1", "Sở Tư pháp", "80,5", "3", "-", ""],
                &["2", "Sở Y tế", "82", "1", "84", "1"],
            ],
        );
        let t = ranking(&g);
        let got: Vec<(String, String, Option<f64>, Option<u32>)> =
            t.records.iter().map(|r| (r.unit.to_string(), r.period.to_string(), r.value, r.rank)).collect();
        assert_eq!(
            got,
            vec![
                ("Sở Tư pháp".into(), "2021".into(), Some(80.5), Some(3)),
                ("Sở Tư pháp".into(), "2022".into(), None, None),
                ("Sở Y tế".into(), "2021".into(), Some(82.0), Some(1)),
                ("Sở Y tế".into(), "2022".into(), Some(84.0), Some(1)),
            ]
        );
    }

    #[test]
    fn years_as_number_headers() {
        let mut g = Grid::from_text(
            "x",
            &[&["STT", "Tỉnh", "", ""], &["1", "Huế", "80,1", "81,5"], &["2", "Hà Nội", "82", "-"]],
        );
        g.rows[0][2] = Cell::Number(2019.0);
        g.rows[0][3] = Cell::Number(2020.0);
        let t = ranking(&g);
        let got: Vec<(String, Option<f64>)> = t.records.iter().map(|r| (r.period.to_string(), r.value)).collect();
        assert_eq!(got[..2], [("2019".to_string(), Some(80.1)), ("2020".to_string(), Some(81.5))]);
        assert_eq!(t.records[3].value, None);
    }

    #[test]
    fn letterheads_and_appendix_labels_are_not_titles() {
        for t in [
            "BỘ NỘI VỤ",
            "UBND TỈNH ĐỒNG NAI",
            "SỞ NỘI VỤ",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Phụ lục I",
            "Biểu số 02",
            "Số: 123/QĐ-BNV",
            "Hà Nội, ngày 10 tháng 5 năm 2024",
        ] {
            assert!(is_letterhead(t), "{t}");
        }
        for t in [
            "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023",
            "Số liệu PAR INDEX dạng dọc",
            "BẢNG XẾP HẠNG DDCI",
            "Phụ lục I: KẾT QUẢ CHỈ SỐ SIPAS NĂM 2023 CỦA CÁC TỈNH",
        ] {
            assert!(!is_letterhead(t), "{t}");
        }
    }
}
