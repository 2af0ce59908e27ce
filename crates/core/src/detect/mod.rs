//! Detection: a sheet of cells → the table it holds, and what each row and column means.
//!
//! Officials' sheets have title rows, one- or two-row headers with merged group titles,
//! an "STT" column, notes below, years as columns or as sheets, components beside the
//! overall score, peer-group headings inside the body, or one value per row (long form).
//! Nothing here is tuned to one file: rows and columns are classified by what they hold.
//!
//! By phase, each in its file: `frame` finds the title, header and footer rows and each
//! column's header labels; `roles` says what each column holds; `names` reads period and
//! indicator from the headers; `records` reads the body's rows into observations;
//! `targets` reads a sheet of targets. The words they look for are in `words`.

mod frame;
mod ledger;
mod names;
#[cfg(test)]
mod par_two_row_test;
mod records;
mod roles;
mod targets;
mod words;

pub use frame::is_letterhead;

use crate::model::messages::{Skip, TableLayout, Warning};
use crate::model::{CellCounts, Observation, Target};
use crate::read::grid::{Cell, Grid};
use crate::text::find_year;
use crate::text::value::{parse_num, Num};
use frame::{frame, header_labels, pick_title, Frame};
use ledger::{column_mark, Ledger, Mark};
use names::meanings;
use records::{read_records, Body};
use roles::{roles, transposed, Role, Turned};
use targets::targets;

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
    /// Where the sheet's non-empty cells went.
    pub cells: CellCounts,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TargetTable {
    pub sheet: String,
    pub title: Option<String>,
    pub targets: Vec<Target>,
    /// Where the sheet's non-empty cells went.
    pub cells: CellCounts,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    Ranking(RankingTable),
    Targets(TargetTable),
    Nothing,
}

/// Notes collected while reading one file; per-cell notes are capped so a report stays
/// readable (the cells themselves are all counted in `cells`).
#[derive(Debug, Default)]
pub struct Notes {
    pub skipped: Vec<Skip>,
    pub warnings: Vec<Warning>,
    /// Where the non-empty cells of the sheets read so far went.
    pub cells: CellCounts,
}

const MAX_CELL_NOTES: usize = 40;

impl Notes {
    fn skip(&mut self, n: Skip) {
        self.skipped.push(n);
    }

    fn skip_cell(&mut self, n: Skip) {
        if self.skipped.len() < MAX_CELL_NOTES {
            self.skipped.push(n);
        }
    }

    fn warn_cell(&mut self, n: Warning) {
        if self.warnings.len() < MAX_CELL_NOTES {
            self.warnings.push(n);
        }
    }

    pub fn warn(&mut self, n: Warning) {
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
// The sheet

/// Reads one sheet. Returns what it holds and records skipped rows and columns in `notes`,
/// and where each of its non-empty cells went in `notes.cells` (and the table's `cells`).
pub fn detect(g: &Grid, ctx: &Context, notes: &mut Notes) -> Found {
    let mut ledger = Ledger::new(g);
    let mut found = detect_in(g, ctx, notes, &mut ledger);
    let mut counts = ledger.counts(g);
    // Rows the reader left out (a Word table's header rows given again): skipped, its notes say why.
    for (note, cells) in &g.prepared.left_out {
        notes.skip(note.clone());
        counts.skipped += cells;
    }
    notes.cells.add(counts);
    match &mut found {
        Found::Ranking(t) => t.cells = counts,
        Found::Targets(t) => t.cells = counts,
        Found::Nothing => {}
    }
    found
}

/// [`detect`], marking each cell it consumes in `ledger`.
fn detect_in(g: &Grid, ctx: &Context, notes: &mut Notes, ledger: &mut Ledger) -> Found {
    let sheet = g.name.clone();
    // A table the reader knows holds no data (a Word letterhead or signature).
    if let Some(why) = &g.prepared.not_data {
        notes.skip(why.clone());
        ledger.rest(Mark::Skipped);
        return Found::Nothing;
    }
    if g.rows.iter().all(|r| nonempty(r).count() == 0) {
        notes.skip(Skip::EmptySheet { sheet });
        return Found::Nothing;
    }
    let Some(f) = frame(g, &ctx.options) else {
        notes.skip(Skip::NoTableInSheet { sheet });
        ledger.rest(Mark::Skipped);
        return Found::Nothing;
    };
    let width = g.width();
    let labels = header_labels(g, &f.header_rows, width);
    let roles = roles(g, &f, &labels, &ctx.options);
    if !ctx.transposed && ctx.options.unit_col.is_none() {
        if let Some(turned) = transposed(g, &f, &roles, &labels) {
            return detect_turned(g, &f, (&roles, &labels), turned, ctx, notes, ledger);
        }
    }
    let title = pick_title(&f.titles);
    let sheet_year = sheet_year(g, &f, &roles, &labels, ctx);
    note_rows(g, &f, notes);
    note_columns(g, &f, &roles, &labels, notes);
    if roles.contains(&Role::TargetText) {
        let found = targets(g, &f, (&roles, &labels), (sheet_year, title), notes, ledger);
        ledger.frame(g, &f, &roles);
        if found == Found::Nothing {
            ledger.rest(Mark::Skipped);
        }
        return found;
    }
    let Some(unit_col) = roles.iter().position(|r| *r == Role::Unit) else {
        notes.skip(Skip::NoTableInSheet { sheet });
        ledger.rest(Mark::Skipped);
        return Found::Nothing;
    };
    let period_col = roles.iter().position(|r| *r == Role::Period);
    let indicator_col = roles.iter().position(|r| *r == Role::Indicator);
    let layout = if period_col.is_some() || indicator_col.is_some() { TableLayout::Long } else { TableLayout::Wide };
    let meant = meanings(&labels, &roles, sheet_year);
    if layout == TableLayout::Wide && meant.meaning.iter().flatten().all(|(p, _)| p.is_none()) {
        notes.warn(Warning::NoPeriod { sheet: sheet.clone() });
    }
    let body = Body { grid: g, frame: &f, roles: &roles, labels: &labels, meaning: &meant.meaning, unit_col, layout };
    let read = read_records(&body, notes, ledger);
    ledger.frame(g, &f, &roles);
    Found::Ranking(RankingTable {
        sheet,
        title,
        layout,
        records: read.records,
        lower_is_better: meant.lower,
        slice_of: read.slice_of,
        names_en: meant.names_en,
        max_possible: read.max_possible,
        cells: CellCounts::default(),
    })
}

/// A sheet with provinces across, read turned: each cell carried into the turned sheet is
/// marked as the turned sheet's reading marked it; the rest by the frame and the columns.
fn detect_turned(
    g: &Grid,
    f: &Frame,
    (roles, labels): (&[Role], &[Vec<String>]),
    turned: (Grid, Turned),
    ctx: &Context,
    notes: &mut Notes,
    ledger: &mut Ledger,
) -> Found {
    let (t, map) = turned;
    let mut inner = Ledger::new(&t);
    let found = detect_in(&t, &Context { transposed: true, ..ctx.clone() }, notes, &mut inner);
    for (k, &r) in map.body.iter().enumerate() {
        ledger.mark(r, map.unit_col, inner.get(map.header_row, k + 1));
        for (j, &c) in map.value_cols.iter().enumerate() {
            ledger.mark(r, c, inner.get(map.header_row + 1 + j, k + 1));
        }
    }
    for r in f.body_start..f.body_end {
        let cells: Vec<usize> = nonempty(&g.rows[r]).map(|(c, _)| c).collect();
        if cells.is_empty() {
            continue;
        }
        // The turned body's rows, in order.
        if map.body.binary_search(&r).is_err() {
            notes.skip_cell(Skip::NoUnitRow { sheet: g.name.clone(), row: r + 1 });
            ledger.rest_of_row(r, Mark::Skipped);
            continue;
        }
        for c in cells {
            if ledger.get(r, c) == Mark::None {
                ledger.mark(r, c, roles.get(c).map_or(Mark::Skipped, column_mark));
            }
        }
    }
    // The turned sheet notes its titles; the footer and the columns are the original's.
    let no_titles = Frame { titles: Vec::new(), ..f.clone() };
    note_rows(g, &no_titles, notes);
    note_columns(g, f, roles, labels, notes);
    ledger.frame(g, f, roles);
    found
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

/// The report's notes on the frame's rows: titles and footers.
fn note_rows(g: &Grid, f: &Frame, notes: &mut Notes) {
    let sheet = &g.name;
    for (r, t) in &f.titles {
        notes.skip(Skip::TitleRow { sheet: sheet.clone(), row: r + 1, text: t.clone() });
    }
    for r in f.body_end..g.rows.len() {
        let text: Vec<String> = nonempty(&g.rows[r]).map(|(_, c)| c.text()).collect();
        if !text.is_empty() {
            notes.skip(Skip::FooterRow { sheet: sheet.clone(), row: r + 1, text: text.join(" ") });
        }
    }
}

/// The report's notes on columns left out: numbering, identifiers, other spellings,
/// notes, and headers over nothing.
fn note_columns(g: &Grid, f: &Frame, roles: &[Role], labels: &[Vec<String>], notes: &mut Notes) {
    let sheet = &g.name;
    for (c, role) in roles.iter().enumerate() {
        let header = || labels[c].join(" / ");
        match role {
            Role::Ordinal => notes.skip(Skip::OrdinalColumn { sheet: sheet.clone(), col: c }),
            Role::Identifier => notes.skip(Skip::IdentifierColumn { sheet: sheet.clone(), col: c, header: header() }),
            Role::Alias => notes.skip(Skip::AliasColumn { sheet: sheet.clone(), col: c }),
            Role::Notes => notes.skip(Skip::NotesColumn { sheet: sheet.clone(), col: c, header: header() }),
            Role::Unused if f.header_rows.iter().any(|&r| !g.get(r, c).is_empty()) => {
                notes.skip(Skip::EmptyColumn { sheet: sheet.clone(), col: c, header: header() })
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::units::is_aggregate;

    /// The ranking table a sheet holds (the tests of each phase read sheets through it).
    pub(super) fn ranking(g: &Grid) -> RankingTable {
        match detect(g, &Context::default(), &mut Notes::default()) {
            Found::Ranking(t) => t,
            other => panic!("not a ranking: {other:?}"),
        }
    }

    /// Sheets of random cells drawn from what published tables hold (names, statistics,
    /// header words, numbers in several forms, blanks): detection never panics, and every
    /// record it returns has a unit that is not a statistic or a header word, and every
    /// non-empty cell is accounted for.
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
                let mut notes = Notes::default();
                let found = detect(&g, &Context::default(), &mut notes);
                // Every non-empty cell is read, used or skipped with a reason.
                let filled = g.rows.iter().flatten().filter(|c| !c.is_empty()).count() as u64;
                prop_assert_eq!(notes.cells.total(), filled);
                prop_assert_eq!(notes.cells.unaccounted, 0, "{:?}\n{:?}", notes.cells, text);
                if let Found::Ranking(t) = found {
                    for r in &t.records {
                        prop_assert!(!is_aggregate(&r.unit), "{:?}", r);
                        prop_assert!(!r.unit.is_empty());
                    }
                }
                Ok(())
            })
            .unwrap();
    }
}
