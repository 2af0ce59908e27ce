//! Detection: a sheet of cells → the table it holds, and what each row and column means.
//!
//! Officials' sheets have title rows, one- or two-row headers with merged group titles,
//! an "STT" column, notes below, years as columns or as sheets, components beside the
//! overall score, peer-group headings inside the body, or one value per row (long form).
//! Nothing here is tuned to one file: rows and columns are classified by what they hold.

use rustc_hash::FxHashMap as FxMap;
use rustc_hash::FxHashSet as FxSet;

use crate::model::messages::{Note, RowWhy, TableLayout};
use crate::model::{Interner, Observation, Target, OVERALL};
use crate::read::grid::{Cell, Grid};
use crate::text::units::{is_aggregate, unit_key, Registry};
use crate::text::value::{parse_num, parse_target, Num};
use crate::text::{clean, find_quarter, find_year, fold, has_phrase};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RankingTable {
    pub sheet: String,
    pub title: Option<String>,
    pub layout: TableLayout,
    /// Values as read, units still in the file's spelling.
    pub records: Vec<Observation>,
    /// Indicators whose header or title says lower is better.
    pub lower_is_better: Vec<String>,
    /// For each record, the number of its (group, period, indicator): the slice it is
    /// ranked within, so ranks need not compare texts again.
    pub slice_of: Vec<u32>,
    /// Indicators named in both languages by the header: (Vietnamese, English).
    pub names_en: Vec<(String, String)>,
    /// Each indicator's scale, from a "Thang điểm" / "Điểm tối đa" row.
    pub max_possible: Vec<(String, f64)>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TargetTable {
    pub sheet: String,
    pub title: Option<String>,
    pub targets: Vec<Target>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    Ranking(RankingTable),
    Targets(TargetTable),
    Nothing,
}

/// Notes collected while reading one file; per-cell notes are capped so a report stays
/// readable, with a count of the rest.
#[derive(Debug, Default)]
pub struct Notes {
    pub skipped: Vec<Note>,
    pub warnings: Vec<Note>,
    pub more_skipped: usize,
    pub more_warnings: usize,
}

const MAX_CELL_NOTES: usize = 40;

impl Notes {
    fn skip(&mut self, n: Note) {
        self.skipped.push(n);
    }

    fn skip_cell(&mut self, n: Note) {
        if self.skipped.len() < MAX_CELL_NOTES {
            self.skipped.push(n);
        } else {
            self.more_skipped += 1;
        }
    }

    fn warn_cell(&mut self, n: Note) {
        if self.warnings.len() < MAX_CELL_NOTES {
            self.warnings.push(n);
        } else {
            self.more_warnings += 1;
        }
    }

    pub fn warn(&mut self, n: Note) {
        self.warnings.push(n);
    }
}

/// What the surroundings tell about a sheet: a year in the file name, and the user's
/// corrections where detection went wrong.
#[derive(Clone, Debug, Default)]
pub struct Context {
    pub file_year: Option<u16>,
    pub options: ImportOptions,
    /// The sheet was turned (provinces across became provinces down): not turned again.
    pub transposed: bool,
}

/// Corrections the user makes in the page when detection fails or is wrong.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// The (last) header row, 1-based as the spreadsheet shows it.
    pub header_row: Option<usize>,
    /// The column of unit names, 0-based (A = 0).
    pub unit_col: Option<usize>,
    /// The period of every value whose header names none (a year: "2023").
    pub period: Option<String>,
    /// Columns of scores, 0-based; when given, other number columns are left out.
    pub value_cols: Vec<usize>,
    /// Columns of ranks, 0-based.
    pub rank_cols: Vec<usize>,
    /// Of two sheets holding the same table, the one to use.
    pub sheet: Option<String>,
}

// ---------------------------------------------------------------------------------------
// Cells

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Empty,
    Missing,
    Number,
    Year,
    Label,
}

fn kind(c: &Cell) -> Kind {
    match c {
        Cell::Empty => Kind::Empty,
        Cell::Number(v) => year_like(*v),
        Cell::Bool(_) => Kind::Label,
        Cell::Error(_) => Kind::Missing,
        Cell::Text(s) => match parse_num(s) {
            Num::Value(v) if !s.contains(['%', ',', '.']) => year_like(v),
            Num::Value(_) | Num::Ratio(..) => Kind::Number,
            Num::Missing => Kind::Missing,
            Num::NotNumber => Kind::Label,
        },
    }
}

fn year_like(v: f64) -> Kind {
    if v.fract() == 0.0 && (1990.0..2100.0).contains(&v) {
        Kind::Year
    } else {
        Kind::Number
    }
}

fn num(c: &Cell) -> Num {
    match c {
        Cell::Number(v) => Num::Value(*v),
        Cell::Text(s) => parse_num(s),
        Cell::Empty | Cell::Error(_) => Num::Missing,
        Cell::Bool(_) => Num::NotNumber,
    }
}

fn nonempty(row: &[Cell]) -> impl Iterator<Item = (usize, &Cell)> {
    row.iter().enumerate().filter(|(_, c)| !c.is_empty())
}

// ---------------------------------------------------------------------------------------
// Words that name a column's role (folded)

const ORDINAL: &[&str] = &["stt", "tt", "so tt", "so thu tu", "no", "ttt", "thu tu"];
/// Columns of identifiers: codes of provinces or units, not indicators.
const IDENTIFIER: &[&str] = &[
    "id",
    "ma",
    "ma tinh",
    "ma so",
    "ma don vi",
    "ma dvhc",
    "ma hanh chinh",
    "ma huyen",
    "ma xa",
    "code",
    "province code",
    "province id",
    "pci id",
    "papi id",
    "tinhid",
    "provinceid",
    "huyenid",
    "xaid",
    "unit id",
    "ma tinh thanh pho",
];
const RANK: &[&str] = &["xep hang", "hang", "thu hang", "rank", "ranking", "xh", "vi tri", "thu bac", "xep thu"];
const GROUP: &[&str] = &["khoi", "nhom", "group", "peer group", "nhom don vi"];
const PERIOD: &[&str] = &["nam", "year", "ky", "period", "thoi gian", "nam danh gia", "ky danh gia"];
const INDICATOR: &[&str] = &[
    "chi so",
    "chi so thanh phan",
    "linh vuc",
    "indicator",
    "component",
    "tieu chi",
    "noi dung",
    "ten chi tieu",
    "chi tieu",
    "ten chi so",
    "noi dung chi tieu",
];
const UNIT: &[&str] = &[
    "tinh",
    "thanh pho",
    "tinh thanh pho",
    "tinh tp",
    "dia phuong",
    "don vi",
    "ten don vi",
    "ten",
    "province",
    "unit",
    "so nganh",
    "co quan",
    "huyen",
    "quan huyen",
    "xa",
    "phuong",
    "ten tinh",
    "ten dia phuong",
    "ten co quan",
    "co quan don vi",
    "so ban nganh",
    "tinh thanh",
    "ten huyen",
    "ten xa",
    "district",
    "department",
    "commune",
];
const NOTES: &[&str] = &["don vi tinh", "dvt", "ghi chu", "note", "notes", "nguon", "source", "chu thich", "nhan xet"];
const FOOTER: &[&str] = &["ghi chu", "nguon", "chu thich", "note", "notes", "source", "luu y"];
const TARGET_COL: &[&str] = &["chi tieu", "ke hoach", "muc tieu", "target", "chi tieu nam", "chi tieu ke hoach"];
const LOWER_BETTER: &[&str] = &["ty le tre han", "ty le qua han", "tre han", "qua han", "ty le loi", "so ngay"];
/// Words in a header that say what kind of number a column holds, not which indicator.
const ROLE_WORDS: &[&str] = &[
    "xep hang",
    "thu hang",
    "hang",
    "diem so",
    "tong diem",
    "diem",
    "score",
    "rank",
    "ranking",
    "ket qua",
    "gia tri",
    "value",
    "xh",
    "nam",
    "year",
    "thuc hien",
    "actual",
];
/// Group titles over component columns that name no component themselves.
const GENERIC_GROUPS: &[&str] = &[
    "chi so thanh phan",
    "cac chi so thanh phan",
    "linh vuc",
    "cac linh vuc",
    "components",
    "component",
    "chi so thanh phan diem",
    "tieu chi thanh phan",
    "noi dung danh gia",
    "linh vuc danh gia",
];
/// Generic names of an overall score, which name no index: shown as [`OVERALL`]. A name
/// of the index itself ("PCI", "PAR INDEX", "Weighted PCI") is kept as the file writes it.
const OVERALL_NAMES: &[&str] = &[
    "chi so",
    "chi so tong hop",
    "tong hop",
    "index",
    "overall",
    "overall index",
    "overall score",
    "tong",
    "diem tong hop",
    "chi so chung",
    "diem chung",
    "ket qua chung",
];

fn is_role(folded_header: &str, words: &[&str]) -> bool {
    has_phrase(folded_header, words)
}

// ---------------------------------------------------------------------------------------
// The table's frame: title rows, header rows, body, footer

struct Frame {
    titles: Vec<(usize, String)>,
    header_rows: Vec<usize>,
    body_start: usize,
    body_end: usize,
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

fn frame(g: &Grid, options: &ImportOptions) -> Option<Frame> {
    let n = g.rows.len();
    if let Some(h) = options.header_row.filter(|h| *h >= 1 && *h < n) {
        let titles = (0..h - 1)
            .filter_map(|q| {
                let text: Vec<String> = nonempty(&g.rows[q]).map(|(_, c)| c.text()).collect();
                (!text.is_empty()).then(|| (q, text.join(" ")))
            })
            .collect();
        return Some(Frame { titles, header_rows: vec![h - 1], body_start: h, body_end: footer_start(g, h) });
    }
    // The first data row that another data row follows (within two rows), so that a
    // header holding years as numbers is not taken for data.
    let mut body_start = None;
    for r in 0..n {
        if !is_data_row(&g.rows[r]) || is_header_like(&g.rows[r]) {
            continue;
        }
        let next = (r + 1..n.min(r + 4)).find(|&q| nonempty(&g.rows[q]).count() > 0);
        if next.is_none_or(|q| is_data_row(&g.rows[q])) {
            body_start = Some(r);
            break;
        }
    }
    let mut body_start = body_start?;
    // A lone heading right under the header ("I. KHỐI SỞ") opens the body as a group.
    if body_start >= 2 {
        let above: Vec<(usize, &Cell)> = nonempty(&g.rows[body_start - 1]).collect();
        let header = nonempty(&g.rows[body_start - 2]).count();
        if above.len() == 1 && above[0].0 <= 1 && header >= 2 && kind(above[0].1) == Kind::Label {
            body_start -= 1;
        }
    }
    // Header rows: the non-empty rows right above the body, at most three, that are not
    // a lone title.
    let mut header_rows = Vec::new();
    let mut r = body_start;
    while r > 0 && header_rows.len() < 3 {
        let row = &g.rows[r - 1];
        let cells: Vec<(usize, &Cell)> = nonempty(row).collect();
        if cells.is_empty() {
            break;
        }
        if cells.len() == 1 && is_title_cell(g, r - 1, cells[0].0) {
            break;
        }
        header_rows.insert(0, r - 1);
        r -= 1;
    }
    let mut titles = Vec::new();
    for (q, row) in g.rows.iter().enumerate().take(r) {
        let text: Vec<String> = nonempty(row).map(|(_, c)| c.text()).collect();
        if !text.is_empty() {
            titles.push((q, text.join(" ")));
        }
    }
    let body_end = footer_start(g, body_start);
    Some(Frame { titles, header_rows, body_start, body_end })
}

/// The footer starts at the first row that opens with a note word ("Ghi chú", "Nguồn").
fn footer_start(g: &Grid, body_start: usize) -> usize {
    for (q, row) in g.rows.iter().enumerate().skip(body_start) {
        if let Some((_, c)) = nonempty(row).next() {
            // Note words start with g, n, c, l, s (or are marked with *); most rows are not notes.
            let Cell::Text(t) = c else { continue };
            if !t.starts_with(['G', 'g', 'N', 'n', 'C', 'c', 'L', 'l', 'S', 's', '*', '(']) {
                continue;
            }
            let f = fold(t);
            let opens_note =
                FOOTER.iter().any(|w| f.starts_with(w)) || c.text().starts_with('*') || c.text().starts_with("(*)");
            if opens_note && !row.iter().any(|c| kind(c) == Kind::Number) {
                return q;
            }
        }
    }
    g.rows.len()
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
fn header_labels(g: &Grid, rows: &[usize], width: usize) -> Vec<Vec<String>> {
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

// ---------------------------------------------------------------------------------------
// Columns

#[derive(Clone, Debug, PartialEq)]
enum Role {
    Ordinal,
    /// Codes of the units ("Mã tỉnh", "tinhid", "PCI ID").
    Identifier,
    Unit,
    /// Units again, for the value columns to its right: ranked lists side by side, each
    /// (unit, score) pair in its own order.
    UnitAgain,
    /// The same unit as the unit column on each row, in another spelling or language.
    Alias,
    Group,
    Period,
    Indicator,
    Value,
    Rank,
    TargetText,
    Notes,
    Unused,
}

struct Stats {
    numbers: usize,
    years: usize,
    labels: usize,
    nonempty: usize,
}

fn column_stats(g: &Grid, f: &Frame, c: usize) -> Stats {
    let mut s = Stats { numbers: 0, years: 0, labels: 0, nonempty: 0 };
    for r in f.body_start..f.body_end {
        match kind(g.get(r, c)) {
            Kind::Empty => continue,
            Kind::Number => s.numbers += 1,
            Kind::Year => s.years += 1,
            Kind::Label => s.labels += 1,
            Kind::Missing => {}
        }
        s.nonempty += 1;
    }
    s
}

fn is_sequence(g: &Grid, f: &Frame, c: usize) -> bool {
    let mut expect = 1.0;
    let mut seen = 0;
    for r in f.body_start..f.body_end {
        match num(g.get(r, c)) {
            Num::Value(v) if v == expect => {
                expect += 1.0;
                seen += 1;
            }
            Num::Missing => {}
            _ => return false,
        }
    }
    seen >= 3
}

fn target_share(g: &Grid, f: &Frame, c: usize) -> (usize, usize) {
    let (mut hits, mut worded, mut total) = (0, 0, 0);
    // A target sheet has tens of rows: the first few hundred decide.
    for r in f.body_start..f.body_end.min(f.body_start + 300) {
        if let Cell::Text(s) = g.get(r, c) {
            total += 1;
            if parse_target(s).is_some() {
                hits += 1;
                if parse_num(s) == Num::NotNumber {
                    worded += 1;
                }
            }
        } else if !g.get(r, c).is_empty() {
            total += 1;
        }
    }
    (hits + worded, total * 2)
}

fn roles(g: &Grid, f: &Frame, labels: &[Vec<String>], options: &ImportOptions) -> Vec<Role> {
    let unit_col = options.unit_col;
    let width = labels.len();
    let mut roles = vec![Role::Unused; width];
    let headers: Vec<String> = labels.iter().map(|l| fold(&l.join(" "))).collect();
    let stats: Vec<Stats> = (0..width).map(|c| column_stats(g, f, c)).collect();
    for c in 0..width {
        let h = &headers[c];
        let s = &stats[c];
        if s.nonempty == 0 {
            continue;
        }
        let numeric = s.numbers + s.years >= s.labels && s.numbers + s.years > 0;
        let last = labels[c].last().map(|l| fold(l)).unwrap_or_default();
        roles[c] = if ORDINAL.contains(&h.as_str()) || (h.is_empty() && c == 0 && is_sequence(g, f, c)) {
            Role::Ordinal
        } else if labels[c].iter().any(|p| IDENTIFIER.contains(&fold(p).as_str())) {
            Role::Identifier
        } else if numeric && (is_role(&last, RANK) || (labels[c].len() == 1 && is_role(h, RANK))) {
            Role::Rank
        } else if !numeric && is_role(h, GROUP) && !is_role(h, UNIT) && !is_role(h, RANK) {
            Role::Group
        } else if s.years > 0 && s.numbers == 0 && PERIOD.contains(&h.as_str()) {
            Role::Period
        } else if !numeric && is_role(h, TARGET_COL) && {
            let (hits, total) = target_share(g, f, c);
            hits * 2 >= total && hits > 0
        } {
            Role::TargetText
        } else if !numeric && INDICATOR.contains(&h.as_str()) {
            Role::Indicator
        } else if numeric {
            Role::Value
        } else if is_role(h, NOTES) {
            Role::Notes
        } else if is_role(h, UNIT) {
            Role::Unit
        } else {
            Role::Notes
        };
    }
    // Target sheets without a keyword in the header: a column of worded targets.
    if !roles.contains(&Role::TargetText) {
        let worded = (0..width).find(|&c| {
            let (hits, total) = target_share(g, f, c);
            matches!(roles[c], Role::Notes | Role::Indicator) && total > 0 && hits * 10 >= total * 7
        });
        if let Some(c) = worded {
            roles[c] = Role::TargetText;
        }
    }
    // The user's choice of score and rank columns wins.
    if !options.value_cols.is_empty() || !options.rank_cols.is_empty() {
        for (c, r) in roles.iter_mut().enumerate() {
            if options.rank_cols.contains(&c) {
                *r = Role::Rank;
            } else if options.value_cols.contains(&c) {
                *r = Role::Value;
            } else if !options.value_cols.is_empty() && matches!(r, Role::Value | Role::Rank) {
                *r = Role::Notes;
            }
        }
    }
    // The user's choice of unit column wins.
    if let Some(u) = unit_col.filter(|u| *u < width) {
        for r in roles.iter_mut().filter(|r| **r == Role::Unit) {
            *r = Role::Notes;
        }
        roles[u] = Role::Unit;
    }
    // A province column beside the units (communes, wards, departments of several
    // provinces): the province repeats down its rows, the units do not. It is their group.
    let units: Vec<usize> = (0..width).filter(|&c| roles[c] == Role::Unit).collect();
    if units.len() >= 2 && unit_col.is_none() && !roles.contains(&Role::Group) {
        // Judged on the first rows of the body: every count over the same rows.
        let window = f.body_start..f.body_end.min(f.body_start + 2000);
        let distinct = |c: usize| {
            let texts: FxSet<String> = window.clone().map(|r| g.get(r, c).text()).filter(|t| !t.is_empty()).collect();
            texts.len()
        };
        let filled = |c: usize| window.clone().filter(|&r| kind(g.get(r, c)) == Kind::Label).count();
        let registry = Registry::default();
        let provinces = |c: usize| {
            window.clone().filter(|&r| matches!(g.get(r, c), Cell::Text(t) if registry.province(t).is_some())).count()
        };
        let repeating = units
            .iter()
            .copied()
            .find(|&c| filled(c) >= 4 && distinct(c) * 3 <= filled(c) && provinces(c) * 10 >= filled(c) * 8);
        let distinct_other = units.iter().copied().find(|&c| Some(c) != repeating && distinct(c) * 10 >= filled(c) * 9);
        if let (Some(p), Some(_)) = (repeating, distinct_other) {
            roles[p] = Role::Group;
        }
    }
    // Exactly one unit column: the named one, else the first column of labels.
    let units: Vec<usize> = (0..width).filter(|&c| roles[c] == Role::Unit).collect();
    if units.len() > 1 {
        for &c in &units[1..] {
            roles[c] = Role::Notes;
        }
    }
    if units.is_empty() && !roles.contains(&Role::TargetText) {
        if let Some(c) = (0..width)
            .find(|&c| roles[c] == Role::Notes || roles[c] == Role::Indicator && !roles.contains(&Role::Period))
        {
            roles[c] = Role::Unit;
        }
    }
    if !roles.contains(&Role::TargetText) {
        unit_columns(g, f, &mut roles);
    }
    if roles.contains(&Role::TargetText) {
        // The indicator is the first label column that is not the target itself.
        for r in roles.iter_mut() {
            if *r == Role::Unit {
                *r = Role::Indicator;
            }
        }
        if !roles.contains(&Role::Indicator) {
            if let Some(c) = (0..width).find(|&c| roles[c] == Role::Notes) {
                roles[c] = Role::Indicator;
            }
        }
    }
    roles
}

/// Other columns of unit names beside the unit column: ranked lists side by side (the same
/// units in another order: [`Role::UnitAgain`]) or the same unit on each row in another
/// spelling or language ([`Role::Alias`]; the column with Vietnamese letters is kept as the
/// unit column). Judged on the first rows of the body, by canonical unit keys.
fn unit_columns(g: &Grid, f: &Frame, roles: &mut [Role]) {
    let Some(mut main) = roles.iter().position(|r| *r == Role::Unit) else { return };
    let end = f.body_end.min(f.body_start + 2000);
    let registry = Registry::default();
    let key = |c: &Cell| -> Option<String> {
        let Cell::Text(t) = c else { return None };
        if kind(c) != Kind::Label || is_aggregate(t) {
            return None;
        }
        Some(unit_key(&registry.canonical(t)))
    };
    let keys = |c: usize| -> Vec<Option<String>> { (f.body_start..end).map(|r| key(g.get(r, c))).collect() };
    let main_keys = keys(main);
    let set: FxSet<&str> = main_keys.iter().flatten().map(String::as_str).collect();
    if set.len() < 3 {
        return;
    }
    let candidates: Vec<usize> =
        (0..roles.len()).filter(|&c| c != main && matches!(roles[c], Role::Notes | Role::Unit)).collect();
    for c in candidates {
        let ck = keys(c);
        let filled = ck.iter().flatten().count();
        if filled < 3 {
            continue;
        }
        let in_set = ck.iter().flatten().filter(|k| set.contains(k.as_str())).count();
        let both = main_keys.iter().zip(&ck).filter(|(a, b)| a.is_some() && b.is_some()).count();
        let same_row = main_keys.iter().zip(&ck).filter(|(a, b)| a.is_some() && a == b).count();
        if both > 0 && same_row * 10 >= both * 8 {
            // The same units row by row: keep the column written in Vietnamese letters.
            if vietnamese_letters(g, f, c) > vietnamese_letters(g, f, main) {
                roles[main] = Role::Alias;
                roles[c] = Role::Unit;
                main = c;
            } else {
                roles[c] = Role::Alias;
            }
        } else if in_set * 10 >= filled * 8 {
            roles[c] = Role::UnitAgain;
        }
    }
}

/// A sheet with provinces across and indicators down (a code row over a name row, a
/// scale column "Thang điểm"), turned so that provinces run down: title rows, a header of
/// the indicators, one row per column of the sheet (a column that names no province, such
/// as the scale, becomes a row that is not a unit). `None` when the columns do not name
/// provinces, or the rows already do.
fn transposed(g: &Grid, f: &Frame, roles: &[Role], labels: &[Vec<String>]) -> Option<Grid> {
    let registry = Registry::default();
    let unit_col = roles.iter().position(|r| *r == Role::Unit)?;
    let value_cols: Vec<usize> = (0..roles.len()).filter(|&c| matches!(roles[c], Role::Value | Role::Rank)).collect();
    let province = |c: usize| labels[c].iter().rev().find(|p| registry.province(p).is_some()).cloned();
    let named: Vec<Option<String>> = value_cols.iter().map(|&c| province(c)).collect();
    let n = named.iter().flatten().count();
    if n < 3 || n * 10 < value_cols.len() * 6 {
        return None;
    }
    let body: Vec<usize> = (f.body_start..f.body_end).filter(|&r| !g.get(r, unit_col).is_empty()).collect();
    // Indicators down run to tens of rows; a sheet of thousands of rows is not turned.
    if body.len() > 2_000 {
        return None;
    }
    let provinces_down =
        body.iter().filter(|&&r| matches!(g.get(r, unit_col), Cell::Text(t) if registry.province(t).is_some())).count();
    if provinces_down * 5 > body.len() {
        return None;
    }
    let mut rows: Vec<Vec<Cell>> =
        f.titles.iter().map(|(_, t)| vec![Cell::Text(crate::model::Text::from(t.as_str()))]).collect();
    rows.push(Vec::new());
    let mut header = vec![Cell::Text("Tỉnh, thành phố".into())];
    header.extend(body.iter().map(|&r| g.get(r, unit_col).clone()));
    rows.push(header);
    for (k, &c) in value_cols.iter().enumerate() {
        let name = named[k].clone().unwrap_or_else(|| labels[c].join(" / "));
        let mut row = vec![Cell::Text(name.into())];
        row.extend(body.iter().map(|&r| g.get(r, c).clone()));
        rows.push(row);
    }
    Some(Grid { name: g.name.clone(), rows, merges: Vec::new() })
}

/// How many cells of a column hold letters beyond ASCII (Vietnamese names do).
fn vietnamese_letters(g: &Grid, f: &Frame, c: usize) -> usize {
    (f.body_start..f.body_end.min(f.body_start + 2000))
        .filter(|&r| matches!(g.get(r, c), Cell::Text(t) if !t.is_ascii()))
        .count()
}

// ---------------------------------------------------------------------------------------
// Headers → period and indicator

/// Splits a header into (period, indicator) given the sheet's own period.
fn header_meaning(parts: &[String], sheet_year: Option<u16>) -> (Option<String>, String) {
    (header_period(parts, sheet_year), indicator_name(parts))
}

/// The period a header names (a year, a quarter), else the sheet's own.
fn header_period(parts: &[String], sheet_year: Option<u16>) -> Option<String> {
    let joined = parts.join(" ");
    let year = find_year(&joined).or(sheet_year);
    match (year, find_quarter(&joined)) {
        (Some(y), Some(q)) => Some(format!("{y}-Q{q}")),
        (Some(y), None) => Some(y.to_string()),
        (None, Some(q)) => Some(format!("Q{q}")),
        (None, None) => None,
    }
}

/// The indicator a header names, as the file writes it: years and role words ("Điểm",
/// "Xếp hạng") dropped, a generic group title ("Chỉ số thành phần") left out, the generic
/// [`OVERALL`] only when nothing else is named.
fn indicator_name(parts: &[String]) -> String {
    let mut kept: Vec<String> = parts.iter().map(|p| strip_role_words(p)).filter(|s| !s.is_empty()).collect();
    if kept.len() > 1 {
        kept.retain(|k| !GENERIC_GROUPS.contains(&fold(k).as_str()));
    }
    let name = kept.join(" / ");
    let f = fold(&name);
    if f.is_empty() || OVERALL_NAMES.contains(&f.as_str()) || GENERIC_GROUPS.contains(&f.as_str()) {
        OVERALL.to_string()
    } else {
        name
    }
}

/// What one value or rank column's header says.
#[derive(Clone, Debug, PartialEq)]
struct ColumnName {
    period: Option<String>,
    indicator: String,
    /// The English name, where the header names the indicator in both languages.
    en: Option<String>,
}

/// Each value and rank column's period and indicator, judged over the whole header:
/// - a short label under the long one it abbreviates ("Chỉ số 1: Chi phí gia nhập thị
///   trường" over "Chỉ số 1") gives way to the long one;
/// - a group title over several components ("Điểm đạt được theo từng lĩnh vực") is not
///   glued to each component's name (the period it holds still counts);
/// - an English row over a Vietnamese one (or under it) names each indicator in both
///   languages: one indicator, named in Vietnamese, the English name kept beside it.
fn column_names(labels: &[Vec<String>], roles: &[Role], sheet_year: Option<u16>) -> Vec<Option<ColumnName>> {
    let width = labels.len();
    let numeric = |c: usize| matches!(roles[c], Role::Value | Role::Rank);
    let mut parts: Vec<Vec<String>> =
        (0..width).map(|c| if numeric(c) { drop_abbreviations(&labels[c]) } else { Vec::new() }).collect();
    // Group titles: the first part shared by columns whose other parts name different things.
    let mut firsts: Vec<&str> = Vec::new();
    for p in parts.iter().filter(|p| p.len() >= 2) {
        if !firsts.contains(&p[0].as_str()) {
            firsts.push(p[0].as_str());
        }
    }
    let firsts: Vec<String> = firsts.into_iter().map(str::to_string).collect();
    for t in &firsts {
        let cols: Vec<usize> = (0..width).filter(|&c| parts[c].len() >= 2 && parts[c][0] == *t).collect();
        let lower: Vec<String> = cols.iter().map(|&c| strip_role_words(&parts[c][1..].join(" "))).collect();
        let mut names: Vec<&String> = lower.iter().filter(|n| !n.is_empty()).collect();
        names.sort();
        names.dedup();
        if names.len() >= 2 {
            for (&c, l) in cols.iter().zip(&lower) {
                if !l.is_empty() {
                    parts[c].remove(0);
                }
            }
        }
    }
    // Both languages: some parts in plain ASCII letters, the others in Vietnamese letters.
    let split = |p: &[String]| -> Option<(Vec<String>, Vec<String>)> {
        let (en, vi): (Vec<String>, Vec<String>) = p
            .iter()
            .filter(|s| !strip_role_words(s).is_empty() && !GENERIC_GROUPS.contains(&fold(s).as_str()))
            .cloned()
            .partition(|s| s.is_ascii());
        (!en.is_empty() && !vi.is_empty()).then_some((en, vi))
    };
    let bilingual_cols = (0..width).filter(|&c| roles[c] == Role::Value && split(&parts[c]).is_some()).count();
    let value_cols = (0..width).filter(|&c| roles[c] == Role::Value).count();
    let bilingual = bilingual_cols >= 2 || (bilingual_cols == 1 && value_cols == 1);
    (0..width)
        .map(|c| {
            if !numeric(c) {
                return None;
            }
            let period = header_period(&labels[c], sheet_year);
            let (indicator, en) = match split(&parts[c]).filter(|_| bilingual) {
                Some((en, vi)) => {
                    let en = indicator_name(&en);
                    (indicator_name(&vi), (en != OVERALL).then_some(en))
                }
                None => (indicator_name(&parts[c]), None),
            };
            Some(ColumnName { period, indicator, en })
        })
        .collect()
}

/// A header's parts without a short one that only abbreviates its neighbour ("Chỉ số 1"
/// under "Chỉ số 1: Chi phí gia nhập thị trường").
fn drop_abbreviations(parts: &[String]) -> Vec<String> {
    let folded: Vec<String> = parts.iter().map(|p| fold(p)).collect();
    let mut keep = vec![true; parts.len()];
    for i in 0..parts.len() {
        for j in 0..parts.len() {
            let (a, b) = (&folded[i], &folded[j]);
            if i != j
                && keep[j]
                && !a.is_empty()
                && a.len() < b.len()
                && b.starts_with(a.as_str())
                && b.as_bytes()[a.len()] == b' '
            {
                keep[i] = false;
            }
        }
    }
    parts.iter().zip(keep).filter(|(_, k)| *k).map(|(p, _)| p.clone()).collect()
}

/// Drops years, quarters and role words ("Điểm", "Xếp hạng", "Năm") from the edges of a
/// header part; words inside a name stay ("tổ chức thực hiện văn bản").
fn strip_role_words(part: &str) -> String {
    let words: Vec<&str> = part.split_whitespace().collect();
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    let (mut lo, mut hi) = (0, words.len());
    // How many words of a role phrase (or a year, or "Quý I") start at i / end at j.
    let at_start = |i: usize, hi: usize| -> usize {
        if find_year(words[i]).is_some() && folded[i].len() <= 9 {
            return 1;
        }
        if (folded[i] == "quy" || folded[i] == "quarter") && i + 1 < hi {
            return 2;
        }
        if folded[i].is_empty() {
            return 1;
        }
        (1..=3).filter(|&n| i + n <= hi && ROLE_WORDS.contains(&folded[i..i + n].join(" ").as_str())).max().unwrap_or(0)
    };
    let at_end = |lo: usize, j: usize| -> usize {
        if find_year(words[j - 1]).is_some() && folded[j - 1].len() <= 9 {
            return 1;
        }
        if folded[j - 1].is_empty() {
            return 1;
        }
        if j >= lo + 2 && (folded[j - 2] == "quy" || folded[j - 2] == "quarter") {
            return 2;
        }
        (1..=3).filter(|&n| j >= lo + n && ROLE_WORDS.contains(&folded[j - n..j].join(" ").as_str())).max().unwrap_or(0)
    };
    loop {
        let before = (lo, hi);
        while lo < hi {
            let n = at_start(lo, hi);
            if n == 0 {
                break;
            }
            lo += n;
        }
        while lo < hi {
            let n = at_end(lo, hi);
            if n == 0 {
                break;
            }
            hi -= n;
        }
        if (lo, hi) == before {
            break;
        }
    }
    let s = words[lo.min(hi)..hi].join(" ");
    s.trim_matches(|c: char| c.is_whitespace() || "/-–:;,()[].".contains(c)).to_string()
}

// ---------------------------------------------------------------------------------------
// The sheet

/// Reads one sheet. Returns what it holds and records skipped rows and columns in `notes`.
pub fn detect(g: &Grid, ctx: &Context, notes: &mut Notes) -> Found {
    let sheet = g.name.clone();
    if g.rows.iter().all(|r| nonempty(r).count() == 0) {
        notes.skip(Note::EmptySheet { sheet });
        return Found::Nothing;
    }
    let Some(f) = frame(g, &ctx.options) else {
        notes.skip(Note::NoTableInSheet { sheet });
        return Found::Nothing;
    };
    let width = g.width();
    let labels = header_labels(g, &f.header_rows, width);
    let roles = roles(g, &f, &labels, &ctx.options);
    if !ctx.transposed && ctx.options.unit_col.is_none() {
        if let Some(t) = transposed(g, &f, &roles, &labels) {
            return detect(&t, &Context { transposed: true, ..ctx.clone() }, notes);
        }
    }
    let title = pick_title(&f.titles);
    let sheet_year = sheet_year(g, &f, &roles, &labels, ctx);
    note_frame(g, &f, &roles, &labels, notes);
    if roles.contains(&Role::TargetText) {
        return targets(g, &f, &roles, &labels, sheet_year, title, notes);
    }
    let Some(unit_col) = roles.iter().position(|r| *r == Role::Unit) else {
        notes.skip(Note::NoTableInSheet { sheet });
        return Found::Nothing;
    };
    let period_col = roles.iter().position(|r| *r == Role::Period);
    let indicator_col = roles.iter().position(|r| *r == Role::Indicator);
    let layout = if period_col.is_some() || indicator_col.is_some() { TableLayout::Long } else { TableLayout::Wide };
    let m = meanings(&labels, &roles, sheet_year);
    if layout == TableLayout::Wide && m.meaning.iter().flatten().all(|(p, _)| p.is_none()) {
        notes.warn(Note::NoPeriod { sheet: sheet.clone() });
    }
    let read =
        read_records(&Body { g, f: &f, roles: &roles, labels: &labels, meaning: &m.meaning, unit_col, layout }, notes);
    Found::Ranking(RankingTable {
        sheet,
        title,
        layout,
        records: read.records,
        lower_is_better: m.lower,
        slice_of: read.slice_of,
        names_en: m.names_en,
        max_possible: read.max_possible,
    })
}

/// The sheet's period: the user's, the sheet name's, a title's, else one year that all the
/// headers naming a year agree on ("PCI 2016" over the overall column), else the file
/// name's ("PCI 2019.xlsx").
fn sheet_year(g: &Grid, f: &Frame, roles: &[Role], labels: &[Vec<String>], ctx: &Context) -> Option<u16> {
    let header_years: Vec<u16> = (0..roles.len())
        .filter(|&c| matches!(roles[c], Role::Value | Role::Rank))
        .filter_map(|c| find_year(&labels[c].join(" ")))
        .collect();
    let one_header_year = header_years.first().copied().filter(|y| header_years.iter().all(|h| h == y));
    ctx.options
        .period
        .as_deref()
        .and_then(find_year)
        .or_else(|| find_year(&g.name))
        .or_else(|| f.titles.iter().find_map(|(_, t)| find_year(t)))
        .or(one_header_year)
        .or(ctx.file_year)
}

/// The report's notes on the frame: title and footer rows, columns left out.
fn note_frame(g: &Grid, f: &Frame, roles: &[Role], labels: &[Vec<String>], notes: &mut Notes) {
    let sheet = &g.name;
    for (r, t) in &f.titles {
        notes.skip(Note::TitleRow { sheet: sheet.clone(), row: r + 1, text: t.clone() });
    }
    for r in f.body_end..g.rows.len() {
        let text: Vec<String> = nonempty(&g.rows[r]).map(|(_, c)| c.text()).collect();
        if !text.is_empty() {
            notes.skip(Note::FooterRow { sheet: sheet.clone(), row: r + 1, text: text.join(" ") });
        }
    }
    for (c, role) in roles.iter().enumerate() {
        let header = || labels[c].join(" / ");
        match role {
            Role::Ordinal => notes.skip(Note::OrdinalColumn { sheet: sheet.clone(), col: c }),
            Role::Identifier => notes.skip(Note::IdentifierColumn { sheet: sheet.clone(), col: c, header: header() }),
            Role::Alias => notes.skip(Note::AliasColumn { sheet: sheet.clone(), col: c }),
            Role::Notes => notes.skip(Note::NotesColumn { sheet: sheet.clone(), col: c, header: header() }),
            _ => {}
        }
    }
}

/// What the value and rank columns mean.
struct Meanings {
    /// Each column's (period, indicator), for value and rank columns.
    meaning: Vec<Option<(Option<String>, String)>>,
    /// Indicators named in both languages: (Vietnamese, English).
    names_en: Vec<(String, String)>,
    /// Indicators whose header says lower is better.
    lower: Vec<String>,
}

/// Each value or rank column's (period, indicator), from the header as a whole. A rank
/// column that matches no score column ranks the nearest score column on its left (the
/// file's own ranks: "PCI 2016 | Xếp hạng"), else the nearest on its right.
fn meanings(labels: &[Vec<String>], roles: &[Role], sheet_year: Option<u16>) -> Meanings {
    let width = roles.len();
    let names_of = column_names(labels, roles, sheet_year);
    let mut names_en: Vec<(String, String)> = Vec::new();
    for n in names_of.iter().flatten() {
        if let Some(en) = &n.en {
            if !names_en.iter().any(|(vi, _)| *vi == n.indicator) {
                names_en.push((n.indicator.clone(), en.clone()));
            }
        }
    }
    let mut meaning: Vec<Option<(Option<String>, String)>> =
        names_of.into_iter().map(|n| n.map(|n| (n.period, n.indicator))).collect();
    for c in 0..width {
        if roles[c] != Role::Rank {
            continue;
        }
        let matched = (0..width).any(|v| roles[v] == Role::Value && meaning[v] == meaning[c]);
        if !matched {
            let left = (0..c).rev().find(|&v| roles[v] == Role::Value);
            if let Some(v) = left.or_else(|| (c + 1..width).find(|&v| roles[v] == Role::Value)) {
                meaning[c] = meaning[v].clone();
            }
        }
    }
    let lower: Vec<String> = (0..width)
        .filter_map(|c| {
            let m = meaning[c].as_ref()?;
            has_phrase(&fold(&labels[c].join(" ")), LOWER_BETTER).then(|| m.1.clone())
        })
        .collect();
    Meanings { meaning, names_en, lower }
}

/// The body of a ranking table and what its columns mean.
struct Body<'a> {
    g: &'a Grid,
    f: &'a Frame,
    roles: &'a [Role],
    labels: &'a [Vec<String>],
    meaning: &'a [Option<(Option<String>, String)>],
    unit_col: usize,
    layout: TableLayout,
}

/// The records of a body, each numbered by the slice it is ranked within, and the scale
/// of each indicator where a row gives it.
struct Read {
    records: Vec<Observation>,
    slice_of: Vec<u32>,
    max_possible: Vec<(String, f64)>,
}

/// The unit columns: the unit column, and others holding the same units in another order
/// (ranked lists side by side); each value column takes the nearest on its left.
struct UnitColumns {
    cols: Vec<usize>,
    /// The position of the unit column among them.
    main: usize,
    /// For each column, the position of its unit column.
    of: Vec<usize>,
}

impl UnitColumns {
    fn of(roles: &[Role], unit_col: usize) -> UnitColumns {
        let cols: Vec<usize> = (0..roles.len()).filter(|&c| matches!(roles[c], Role::Unit | Role::UnitAgain)).collect();
        let main = cols.iter().position(|&c| c == unit_col).unwrap_or(0);
        let of = (0..roles.len()).map(|c| cols.iter().rposition(|&u| u <= c).unwrap_or(main)).collect();
        UnitColumns { cols, main, of }
    }
}

/// Reads every row of the body into records: (group, unit, period, indicator) → (value,
/// rank), in first-seen order, found by names interned to numbers (no string is cloned or
/// hashed per cell).
fn read_records(b: &Body<'_>, notes: &mut Notes) -> Read {
    let (g, f, roles) = (b.g, b.f, b.roles);
    let width = roles.len();
    let sheet = &g.name;
    let period_col = roles.iter().position(|r| *r == Role::Period);
    let indicator_col = roles.iter().position(|r| *r == Role::Indicator);
    let group_col = roles.iter().position(|r| *r == Role::Group);
    let mut keys = RowKeys::default();
    // What each column means, interned once (not per cell).
    let col_ids: Vec<Option<(u32, u32)>> = b
        .meaning
        .iter()
        .map(|m| m.as_ref().map(|(p, i)| (keys.names.id(p.as_deref().unwrap_or_default()), keys.names.id(i))))
        .collect();
    let units = UnitColumns::of(roles, b.unit_col);
    let side_by_side = units.cols.len() > 1;
    let by_columns = (period_col.is_none() && indicator_col.is_none() && !side_by_side).then(|| column_slots(&col_ids));
    let mut out = Read { records: Vec::new(), slice_of: Vec::new(), max_possible: Vec::new() };
    let expected = (f.body_end - f.body_start) * col_ids.iter().flatten().count();
    out.records.reserve(expected);
    out.slice_of.reserve(expected);
    let mut index: FxMap<(u32, u32, u32, u32), usize> = FxMap::default();
    index.reserve(expected);
    let mut slices: FxMap<(u32, u32, u32), u32> = FxMap::default();
    let mut blocks: FxMap<(u32, u32), usize> = FxMap::default();
    let mut group = String::new();
    let mut cells = UnitCells::new(b, &units);
    // A unit met again after a blank row (a detail block under the table) is not read twice.
    let mut seen_units: FxSet<(u32, u32)> = FxSet::default();
    let mut blank_above = false;
    for r in f.body_start..f.body_end {
        let row = &g.rows[r];
        let filled: Vec<(usize, &Cell)> = nonempty(row).collect();
        if filled.is_empty() {
            blank_above = !seen_units.is_empty();
            continue;
        }
        if period_col.is_none() && is_heading(g, f, r, &filled) {
            group = strip_heading_number(&filled[0].1.text());
            blank_above = false;
            continue;
        }
        let row_units = cells.read(r, &mut keys.names, &mut out.max_possible, notes);
        if !row_units.iter().any(Option::is_some) || (!side_by_side && row_units[units.main].is_none()) {
            continue;
        }
        // A group column merged down its rows holds the name in the first row only.
        if let Some(t) = group_col.map(|c| g.get(r, c).text()).filter(|t| !t.is_empty()) {
            group = t;
        }
        let group_id = keys.names.id(&group);
        if b.layout == TableLayout::Wide {
            if let Some(u) = row_units[units.main] {
                if !seen_units.insert((group_id, u)) && blank_above {
                    let text = keys.names.text(u).to_string();
                    notes.skip_cell(Note::NotUnitRow { sheet: sheet.clone(), row: r + 1, text, why: RowWhy::Repeat });
                    continue;
                }
            }
        }
        let row_period_id = period_col.map(|c| keys.period(g.get(r, c)));
        let row_indicator_id = indicator_col.and_then(|c| keys.indicator(g.get(r, c)));
        let names = &keys.names;
        let mut new_record = |out: &mut Read, unit_id: u32, period_id: u32, indicator_id: u32| {
            let n = slices.len() as u32;
            out.slice_of.push(*slices.entry((group_id, period_id, indicator_id)).or_insert(n));
            out.records.push(Observation {
                group: names.text(group_id),
                unit: names.text(unit_id),
                period: names.text(period_id),
                indicator: names.text(indicator_id),
                value: None,
                rank: None,
            });
            out.records.len() - 1
        };
        // Years and indicators in the columns only: a (group, unit) seen for the first time
        // gets its records for all columns at once, in column order; found again, by block.
        let block = by_columns.as_ref().and_then(|(_, slots)| {
            let unit_id = row_units[units.main]?;
            Some(*blocks.entry((group_id, unit_id)).or_insert_with(|| {
                let start = out.records.len();
                for &(p, i) in slots {
                    new_record(&mut out, unit_id, p, i);
                }
                start
            }))
        });
        for c in 0..width {
            let (Some((col_period_id, col_indicator_id)), Some(unit_id)) = (col_ids[c], row_units[units.of[c]]) else {
                continue;
            };
            let period_id = row_period_id.unwrap_or(col_period_id);
            let indicator_id = row_indicator_id.unwrap_or(col_indicator_id);
            let at = match (block, &by_columns) {
                (Some(start), Some((slot_of, _))) => start + slot_of[c] as usize,
                _ => *index
                    .entry((group_id, unit_id, period_id, indicator_id))
                    .or_insert_with(|| new_record(&mut out, unit_id, period_id, indicator_id)),
            };
            read_cell(g, r, c, &roles[c], &mut out.records[at], notes);
        }
        blank_above = false;
    }
    out
}

/// Each column's slot among the distinct (period, indicator) of the columns, and the slots:
/// without a period or indicator column every row has the same keys.
fn column_slots(col_ids: &[Option<(u32, u32)>]) -> ColumnSlots {
    let mut slots: Vec<(u32, u32)> = Vec::new();
    let slot_of = col_ids
        .iter()
        .map(|k| match k {
            Some(k) => slots.iter().position(|s| s == k).unwrap_or_else(|| {
                slots.push(*k);
                slots.len() - 1
            }) as u32,
            None => u32::MAX,
        })
        .collect();
    (slot_of, slots)
}

/// A heading inside the body ("Khối Sở, ban, ngành"): a lone label with numbers on the
/// rows after it (a lone name with nothing after it is a unit without values).
fn is_heading(g: &Grid, f: &Frame, r: usize, filled: &[(usize, &Cell)]) -> bool {
    filled.len() == 1
        && kind(filled[0].1) == Kind::Label
        && !g.rows[r].iter().any(|c| kind(c) == Kind::Number)
        && (r + 1..f.body_end)
            .find(|&q| nonempty(&g.rows[q]).count() > 0)
            .is_some_and(|q| g.rows[q].iter().any(|c| kind(c) == Kind::Number))
}

/// One cell into its record: a value or a rank, the first one kept; a missing or unread
/// cell noted.
fn read_cell(g: &Grid, r: usize, c: usize, role: &Role, entry: &mut Observation, notes: &mut Notes) {
    let cell = g.get(r, c);
    match (num(cell), role) {
        (Num::Missing, _) => {
            if !cell.is_empty() {
                let text = cell.text();
                notes.skip_cell(Note::MissingCell { sheet: g.name.clone(), row: r + 1, col: c, text });
            }
        }
        (Num::NotNumber, _) => {
            notes.warn_cell(Note::UnreadCell { sheet: g.name.clone(), row: r + 1, col: c, text: cell.text() })
        }
        (n, Role::Rank) => entry.rank = entry.rank.or(n.as_rank()),
        (n, _) => entry.value = entry.value.or(n.as_value()),
    }
}

/// A row's period and indicator from its own columns (long form), worked out once per
/// distinct cell, and the interned names.
#[derive(Default)]
struct RowKeys {
    names: Interner,
    periods: FxMap<PeriodKey<'static>, u32>,
    indicators: FxMap<String, u32>,
}

impl RowKeys {
    /// The period a cell names: a number as written, a year, a year and quarter.
    fn period(&mut self, cell: &Cell) -> u32 {
        let key = match cell {
            Cell::Number(v) => PeriodKey::Number(v.to_bits()),
            other => PeriodKey::Text(other.text_ref()),
        };
        if let Some(id) = self.periods.get(&key) {
            return *id;
        }
        let name = match cell {
            Cell::Number(v) => format!("{v}"),
            other => {
                let t = other.text();
                match (find_year(&t), find_quarter(&t)) {
                    (Some(y), Some(q)) => format!("{y}-Q{q}"),
                    (Some(y), None) => y.to_string(),
                    _ => t,
                }
            }
        };
        let id = self.names.id(&name);
        let key = match key {
            PeriodKey::Text(t) => PeriodKey::Text(std::borrow::Cow::Owned(t.into_owned())),
            PeriodKey::Number(b) => PeriodKey::Number(b),
        };
        self.periods.insert(key, id);
        id
    }

    /// The indicator a cell names (the generic overall for a generic name); none if empty.
    fn indicator(&mut self, cell: &Cell) -> Option<u32> {
        let i = cell.text_ref();
        if i.is_empty() {
            return None;
        }
        if let Some(id) = self.indicators.get(&*i) {
            return Some(*id);
        }
        let name = if OVERALL_NAMES.contains(&fold(&i).as_str()) { OVERALL.to_string() } else { clean(&i) };
        let id = self.names.id(&name);
        self.indicators.insert(i.into_owned(), id);
        Some(id)
    }
}

/// What the unit columns hold, row by row: units, or rows that are not units (statistics,
/// a scale, a repeated header), judged once per distinct text.
struct UnitCells<'a> {
    b: &'a Body<'a>,
    units: &'a UnitColumns,
    kinds: FxMap<String, UnitCell>,
    header_words: Vec<String>,
    row: Vec<Option<u32>>,
}

impl<'a> UnitCells<'a> {
    fn new(b: &'a Body<'a>, units: &'a UnitColumns) -> Self {
        let header_words = units.cols.iter().map(|&c| fold(&b.labels[c].join(" "))).collect();
        UnitCells { b, units, kinds: FxMap::default(), header_words, row: vec![None; units.cols.len()] }
    }

    /// The unit (interned) in each unit column of row `r`; a statistic, scale or header in
    /// the unit column is noted (a scale row gives each indicator's maximum).
    fn read(
        &mut self,
        r: usize,
        names: &mut Interner,
        max_possible: &mut Vec<(String, f64)>,
        notes: &mut Notes,
    ) -> Vec<Option<u32>> {
        let g = self.b.g;
        let sheet = &g.name;
        for (k, &uc) in self.units.cols.iter().enumerate() {
            let cell = g.get(r, uc);
            let text = cell.text_ref();
            self.row[k] = None;
            if text.is_empty() || kind(cell) != Kind::Label {
                continue;
            }
            let what = match self.kinds.get(&*text) {
                Some(w) => *w,
                None => {
                    let w = unit_cell_kind(&text, &self.header_words);
                    *self.kinds.entry(text.to_string()).or_insert(w)
                }
            };
            let main = k == self.units.main;
            match what {
                UnitCell::Unit => self.row[k] = Some(names.id(&text)),
                UnitCell::Aggregate if main => {
                    if crate::text::units::is_scale(&text) {
                        self.scale_row(r, max_possible);
                    }
                    let text = text.into_owned();
                    notes.skip_cell(Note::AggregateRow { sheet: sheet.clone(), row: r + 1, text })
                }
                UnitCell::Header if main => {
                    let text = text.into_owned();
                    notes.skip_cell(Note::NotUnitRow { sheet: sheet.clone(), row: r + 1, text, why: RowWhy::Header })
                }
                _ => {}
            }
        }
        self.row.clone()
    }

    /// A scale row ("Thang điểm"): the most each indicator can score.
    fn scale_row(&self, r: usize, max_possible: &mut Vec<(String, f64)>) {
        for c in 0..self.b.roles.len() {
            let (Some((_, ind)), Num::Value(v)) = (&self.b.meaning[c], num(self.b.g.get(r, c))) else { continue };
            if self.b.roles[c] == Role::Value && !max_possible.iter().any(|(i, _)| i == ind) {
                max_possible.push((ind.clone(), v));
            }
        }
    }
}

/// Each value column's slot among the distinct (period, indicator) of the columns, and the
/// slots.
type ColumnSlots = (Vec<u32>, Vec<(u32, u32)>);

/// What a cell of a unit column holds.
#[derive(Clone, Copy, Debug, PartialEq)]
enum UnitCell {
    Unit,
    /// A statistic over the units: "Min", "Trung bình", "Cả nước", "Điểm cao nhất".
    Aggregate,
    /// A header word: a repeated header row, or the rank row of a detail block.
    Header,
}

fn unit_cell_kind(text: &str, header_words: &[String]) -> UnitCell {
    if is_aggregate(text) {
        return UnitCell::Aggregate;
    }
    let f = fold(text);
    let header = header_words.iter().any(|h| !h.is_empty() && *h == f)
        || [UNIT, RANK, ORDINAL, IDENTIFIER].iter().any(|words| words.contains(&f.as_str()))
        || ["tinh thanh pho", "province", "provinces", "xep hang", "rank", "thu tu", "ten tinh thanh pho"]
            .contains(&f.as_str());
    if header {
        UnitCell::Header
    } else {
        UnitCell::Unit
    }
}

/// The title that names the table: the first title row that is not a letterhead.
fn pick_title(titles: &[(usize, String)]) -> Option<String> {
    titles.iter().map(|(_, t)| t).find(|t| !is_letterhead(t)).cloned()
}

/// A line of an official letterhead, not a table's title: the issuing body ("BỘ NỘI VỤ",
/// "UBND TỈNH ĐỒNG NAI", "SỞ NỘI VỤ"), the national motto, a document number, a date line.
pub fn is_letterhead(t: &str) -> bool {
    let f = fold(t);
    if f.contains("cong hoa xa hoi chu nghia") || f.contains("doc lap tu do hanh phuc") {
        return true;
    }
    let words: Vec<&str> = f.split(' ').collect();
    let has = |w: &str| words.contains(&w);
    if has("ngay") && has("thang") && words.len() <= 12 {
        return true;
    }
    let first = words.first().copied().unwrap_or_default();
    let second = words.get(1).copied().unwrap_or_default();
    // "Phụ lục I", "Biểu số 02", "Mẫu số 1" alone on a line: the appendix's label.
    let label = ["phu luc", "bieu so", "bieu", "mau so", "mau"].iter().any(|l| f.starts_with(l));
    if label && words.len() <= 4 {
        return true;
    }
    if first == "so" && t.contains('/') && words.len() <= 8 {
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
        && find_year(t).is_none()
        && !words.iter().any(|w| TITLE_WORDS.contains(w))
}

/// A period cell as a map key: a number by its bits, a text by its letters.
#[derive(PartialEq, Eq, Hash)]
enum PeriodKey<'a> {
    Number(u64),
    Text(std::borrow::Cow<'a, str>),
}

/// "I. KHỐI SỞ, BAN, NGÀNH" → "KHỐI SỞ, BAN, NGÀNH"; "A - Khối huyện" → "Khối huyện".
fn strip_heading_number(s: &str) -> String {
    let s = clean(s);
    if let Some((head, rest)) = s.split_once(['.', '-', ')']) {
        let h = head.trim();
        let roman = !h.is_empty() && h.chars().all(|c| "IVXLivxl".contains(c));
        let short = h.chars().count() <= 2 && h.chars().all(|c| c.is_alphanumeric());
        if roman || short {
            return rest.trim().to_string();
        }
    }
    s
}

fn targets(
    g: &Grid,
    f: &Frame,
    roles: &[Role],
    labels: &[Vec<String>],
    sheet_year: Option<u16>,
    title: Option<String>,
    notes: &mut Notes,
) -> Found {
    let sheet = g.name.clone();
    let Some(tc) = roles.iter().position(|r| *r == Role::TargetText) else {
        return Found::Nothing;
    };
    let ic = roles.iter().position(|r| *r == Role::Indicator);
    let actual_cols: Vec<(usize, String)> = (0..roles.len())
        .filter(|&c| roles[c] == Role::Value || roles[c] == Role::Rank)
        .map(|c| {
            let (p, _) = header_meaning(&labels[c], sheet_year);
            let p = match p {
                Some(p) if p.starts_with('Q') => sheet_year.map_or(p.clone(), |y| format!("{y}-{p}")),
                Some(p) => p,
                None => labels[c].join(" / "),
            };
            (c, p)
        })
        .collect();
    let mut out = Vec::new();
    for r in f.body_start..f.body_end {
        let text = g.get(r, tc).text();
        let Some(spec) = parse_target(&text) else {
            if !text.is_empty() {
                notes.warn_cell(Note::UnreadCell { sheet: sheet.clone(), row: r + 1, col: tc, text });
            }
            continue;
        };
        let indicator = ic.map(|c| g.get(r, c).text()).unwrap_or_else(|| format!("{}", r + 1));
        let actuals = actual_cols.iter().map(|(c, p)| (p.clone(), num(g.get(r, *c)).as_value())).collect();
        out.push(Target { indicator, text: clean(&text), op: spec.op, threshold: spec.threshold, actuals });
    }
    if out.is_empty() {
        notes.skip(Note::NoTableInSheet { sheet });
        return Found::Nothing;
    }
    Found::Targets(TargetTable { sheet, title, targets: out })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranking(g: &Grid) -> RankingTable {
        match detect(g, &Context::default(), &mut Notes::default()) {
            Found::Ranking(t) => t,
            other => panic!("not a ranking: {other:?}"),
        }
    }

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

    /// Years in the columns, a unit repeated lower down, a score and a rank per year: the
    /// records come in first-seen order, one per (unit, year), the first value kept.
    #[test]
    fn wide_rows_repeated_unit() {
        let g = Grid::from_text(
            "Sheet1",
            &[
                &["Đơn vị", "Điểm 2022", "Xếp hạng 2022", "Điểm 2023"],
                &["Sở Tư pháp", "-", "3", "81"],
                &["Sở Y tế", "82", "1", "84"],
                &["Sở Tư pháp", "80,5", "2", "90"],
            ],
        );
        let t = ranking(&g);
        let got: Vec<(String, String, Option<f64>, Option<u32>)> =
            t.records.iter().map(|r| (r.unit.to_string(), r.period.to_string(), r.value, r.rank)).collect();
        let want = [
            ("Sở Tư pháp", "2022", Some(80.5), Some(3)),
            ("Sở Tư pháp", "2023", Some(81.0), None),
            ("Sở Y tế", "2022", Some(82.0), Some(1)),
            ("Sở Y tế", "2023", Some(84.0), None),
        ];
        let want: Vec<(String, String, Option<f64>, Option<u32>)> =
            want.iter().map(|(u, p, v, r)| (u.to_string(), p.to_string(), *v, *r)).collect();
        assert_eq!(got, want);
        // Records of one (period, indicator) share a slice number; others differ.
        assert_eq!(t.slice_of[0], t.slice_of[2]);
        assert_eq!(t.slice_of[1], t.slice_of[3]);
        assert_ne!(t.slice_of[0], t.slice_of[1]);
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
    fn long_form() {
        let g = Grid::from_text(
            "data",
            &[
                &["Tỉnh", "Năm", "Chỉ số", "Giá trị"],
                &["Huế", "2020", "Chỉ số tổng hợp", "81,2"],
                &["Huế", "2019", "Cải cách thể chế", "9,1"],
            ],
        );
        let t = ranking(&g);
        assert_eq!(t.layout, TableLayout::Long);
        assert_eq!(t.records[1].period, "2019");
        assert_eq!(t.records[1].indicator, "Cải cách thể chế");
        assert_eq!(t.records[0].indicator, OVERALL);
    }

    #[test]
    fn headings_inside_body_are_groups() {
        let g = Grid::from_text(
            "DDCI 2023",
            &[
                &["STT", "Đơn vị", "Điểm"],
                &["I. KHỐI SỞ, BAN, NGÀNH"],
                &["1", "Sở Tài chính", "70"],
                &["2", "Sở Xây dựng", "72"],
                &["II. KHỐI ĐỊA PHƯƠNG"],
                &["1", "Huyện A", "65"],
            ],
        );
        let t = ranking(&g);
        assert_eq!(t.records[0].group, "KHỐI SỞ, BAN, NGÀNH");
        assert_eq!(t.records[2].group, "KHỐI ĐỊA PHƯƠNG");
        assert_eq!(t.records[2].period, "2023");
    }

    #[test]
    fn a_group_column_merged_down_fills_its_rows() {
        let g = Grid::from_text(
            "DDCI",
            &[
                &["Khối", "Đơn vị", "Điểm 2023"],
                &["Sở, ngành", "Sở Y tế", "70"],
                &["", "Sở Tư pháp", "72"],
                &["Địa phương", "Huyện A", "65"],
            ],
        );
        let groups: Vec<String> = ranking(&g).records.iter().map(|r| r.group.to_string()).collect();
        assert_eq!(groups, vec!["Sở, ngành", "Sở, ngành", "Địa phương"]);
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

    /// Communes, wards and special zones since 1 July 2025, with their province beside them:
    /// the communes are the units, the province their group.
    #[test]
    fn communes_with_a_province_column() {
        let g = Grid::from_text(
            "DDCI xã 2025",
            &[
                &["STT", "Tỉnh, thành phố", "Xã, phường, đặc khu", "Điểm"],
                &["1", "Thành phố Hà Nội", "Phường Ba Đình", "81,5"],
                &["2", "Thành phố Hà Nội", "Phường Hoàn Kiếm", "79"],
                &["3", "Thành phố Hà Nội", "Xã Sóc Sơn", "75,2"],
                &["4", "Tỉnh An Giang", "Đặc khu Phú Quốc", "80"],
                &["5", "Tỉnh An Giang", "Phường Long Xuyên", "77"],
                &["6", "Tỉnh An Giang", "Xã Mỹ Hòa Hưng", "70"],
            ],
        );
        let t = ranking(&g);
        let got: Vec<(&str, &str, Option<f64>)> =
            t.records.iter().map(|r| (r.group.as_str(), r.unit.as_str(), r.value)).collect();
        assert_eq!(got[0], ("Thành phố Hà Nội", "Phường Ba Đình", Some(81.5)));
        assert_eq!(got[3], ("Tỉnh An Giang", "Đặc khu Phú Quốc", Some(80.0)));
        assert_eq!(got.len(), 6);
        assert_eq!(t.records[0].period, "2025");
    }

    /// Sheets of random cells drawn from what published tables hold (names, statistics,
    /// header words, numbers in several forms, blanks): detection never panics, and every
    /// record it returns has a unit that is not a statistic or a header word.
    #[test]
    fn random_published_like_sheets_never_panic() {
        use proptest::prelude::*;
        const WORDS: &[&str] = &[
            "",
            "",
            "",
            "Tỉnh",
            "Thứ tự",
            "Xếp hạng",
            "Rank",
            "PCI 2016",
            "Min",
            "Max",
            "Trung bình",
            "Cả nước",
            "Hà Nội",
            "HCMC",
            "TT-Huế",
            "Đà Nẵng",
            "Cần Thơ",
            "Hải Phòng",
            "Participation",
            "Tham gia",
            "Thang điểm",
            "tinhid",
            "85,43",
            "7.5",
            "2/63",
            "-",
            "12",
            "2019",
            "Năm 2020",
            "Chỉ số 1: Gia nhập",
            "Chỉ số 1",
            "BỘ NỘI VỤ",
            "Ghi chú: x",
            "(Kèm theo Quyết định số 1)",
            "Xã A",
            "Phường B",
            "Tỉnh An Giang",
        ];
        let mut runner =
            proptest::test_runner::TestRunner::new(proptest::test_runner::Config { cases: 1000, ..Default::default() });
        let sheet = proptest::collection::vec(proptest::collection::vec(0..WORDS.len(), 0..9), 0..14);
        runner
            .run(&sheet, |rows| {
                let text: Vec<Vec<&str>> = rows.iter().map(|r| r.iter().map(|i| WORDS[*i]).collect()).collect();
                let refs: Vec<&[&str]> = text.iter().map(|r| r.as_slice()).collect();
                let g = Grid::from_text("PCI 2016", &refs);
                if let Found::Ranking(t) = detect(&g, &Context::default(), &mut Notes::default()) {
                    for r in &t.records {
                        prop_assert!(!is_aggregate(&r.unit), "{:?}", r);
                        prop_assert!(!r.unit.is_empty());
                    }
                }
                Ok(())
            })
            .unwrap();
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

    /// Thousands of communes (more than the rows judged): still the communes are the units.
    #[test]
    fn many_communes_with_a_province_column() {
        let provinces = ["Thành phố Hà Nội", "Tỉnh An Giang", "Tỉnh Lào Cai"];
        let names: Vec<String> = (0..3000).map(|i| format!("Xã số {i:04}")).collect();
        let mut rows: Vec<Vec<String>> = vec![vec!["Tỉnh, thành phố".into(), "Xã, phường".into(), "Điểm 2025".into()]];
        for (i, n) in names.iter().enumerate() {
            rows.push(vec![provinces[i % 3].into(), n.clone(), format!("{}", 50 + i % 40)]);
        }
        let refs: Vec<Vec<&str>> = rows.iter().map(|r| r.iter().map(String::as_str).collect()).collect();
        let refs: Vec<&[&str]> = refs.iter().map(|r| r.as_slice()).collect();
        let t = ranking(&Grid::from_text("DDCI", &refs));
        assert_eq!(t.records.len(), 3000);
        assert_eq!((t.records[4].group.as_str(), t.records[4].unit.as_str()), ("Tỉnh An Giang", "Xã số 0004"));
    }

    #[test]
    fn header_words() {
        assert_eq!(strip_role_words("Năm 2022"), "");
        assert_eq!(strip_role_words("Xếp hạng"), "");
        assert_eq!(strip_role_words("Cải cách TTHC (điểm)"), "Cải cách TTHC");
        assert_eq!(header_meaning(&["Quý I".into()], Some(2023)).0.as_deref(), Some("2023-Q1"));
        // An index's own name is kept as the file writes it; a generic score is the overall.
        assert_eq!(
            header_meaning(&["PAR INDEX 2022".into(), "Điểm".into()], None),
            (Some("2022".into()), "PAR INDEX".into())
        );
        assert_eq!(
            header_meaning(&["Năm 2022".into(), "Tổng điểm".into()], None),
            (Some("2022".into()), OVERALL.into())
        );
        assert_eq!(header_meaning(&["PCI 2016".into()], None), (Some("2016".into()), "PCI".into()));
        assert_eq!(
            strip_role_words("Xây dựng và tổ chức thực hiện văn bản QPPL"),
            "Xây dựng và tổ chức thực hiện văn bản QPPL"
        );
        assert_eq!(strip_role_words("Điểm Cải cách TTHC năm 2021"), "Cải cách TTHC");
    }

    #[test]
    fn the_users_corrections_win() {
        // A code column beside the names: detection takes the codes for units.
        let g = Grid::from_text(
            "x",
            &[
                &["Mã", "Cơ quan", "Kết quả", "TT", "Dân số"],
                &["A01", "Văn phòng", "80", "2", "5"],
                &["A02", "Thanh tra", "82", "1", "7"],
            ],
        );
        let opts = ImportOptions {
            header_row: Some(1),
            unit_col: Some(1),
            period: Some("2024".into()),
            value_cols: vec![2],
            rank_cols: vec![3],
            sheet: None,
        };
        let ctx = Context { file_year: None, options: opts, transposed: false };
        match detect(&g, &ctx, &mut Notes::default()) {
            Found::Ranking(t) => {
                let got: Vec<(&str, &str, Option<f64>, Option<u32>)> =
                    t.records.iter().map(|r| (r.unit.as_str(), r.period.as_str(), r.value, r.rank)).collect();
                assert_eq!(
                    got,
                    vec![("Văn phòng", "2024", Some(80.0), Some(2)), ("Thanh tra", "2024", Some(82.0), Some(1))]
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn target_sheet() {
        let g = Grid::from_text(
            "Chỉ tiêu 2023",
            &[
                &["STT", "Chỉ tiêu", "Kế hoạch năm 2023", "Quý I", "Quý II"],
                &["1", "Tỷ lệ hồ sơ trực tuyến", "Trên 80%", "75,5%", "82%"],
                &["2", "Tỷ lệ hồ sơ trễ hạn", "Dưới 2%", "1,2%", "-"],
            ],
        );
        match detect(&g, &Context::default(), &mut Notes::default()) {
            Found::Targets(t) => {
                assert_eq!(t.targets.len(), 2);
                assert_eq!(t.targets[0].indicator, "Tỷ lệ hồ sơ trực tuyến");
                assert_eq!(t.targets[0].actuals, vec![("2023-Q1".into(), Some(75.5)), ("2023-Q2".into(), Some(82.0))]);
                assert_eq!(t.targets[1].met(), Some(true));
            }
            other => panic!("{other:?}"),
        }
    }
}
