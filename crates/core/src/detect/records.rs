//! Reading the records: every row of a ranking table's body into observations.

use super::frame::Frame;
use super::ledger::{column_mark, Ledger, Mark};
use super::roles::Role;
use super::words::{IDENTIFIER, ORDINAL, OVERALL_NAMES, RANK, UNIT};
use super::{kind, nonempty, num, Kind, Notes};
use crate::model::messages::{RowWhy, Skip, TableLayout, Warning};
use crate::model::{Interner, Observation, OVERALL};
use crate::read::grid::{Cell, Grid};
use crate::text::units::is_aggregate;
use crate::text::value::Num;
use crate::text::{clean, find_quarter, find_year, fold};
use rustc_hash::{FxHashMap as FxMap, FxHashSet as FxSet};

/// The body of a ranking table and what its columns mean.
pub(super) struct Body<'a> {
    pub(super) grid: &'a Grid,
    pub(super) frame: &'a Frame,
    pub(super) roles: &'a [Role],
    pub(super) labels: &'a [Vec<String>],
    pub(super) meaning: &'a [Option<(Option<String>, String)>],
    pub(super) unit_col: usize,
    pub(super) layout: TableLayout,
}

/// The records of a body, each numbered by the slice it is ranked within, and the scale
/// of each indicator where a row gives it.
pub(super) struct Read {
    pub(super) records: Vec<Observation>,
    pub(super) slice_of: Vec<u32>,
    pub(super) max_possible: Vec<(String, f64)>,
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
pub(super) fn read_records(body: &Body<'_>, notes: &mut Notes, ledger: &mut Ledger) -> Read {
    let (grid, frame, roles) = (body.grid, body.frame, body.roles);
    let width = roles.len();
    let sheet = &grid.name;
    let period_col = roles.iter().position(|r| *r == Role::Period);
    let indicator_col = roles.iter().position(|r| *r == Role::Indicator);
    let group_col = roles.iter().position(|r| *r == Role::Group);
    let mut keys = RowKeys::default();
    // What each column means, interned once (not per cell).
    let col_ids: Vec<Option<(u32, u32)>> = body
        .meaning
        .iter()
        .map(|m| m.as_ref().map(|(p, i)| (keys.names.id(p.as_deref().unwrap_or_default()), keys.names.id(i))))
        .collect();
    let units = UnitColumns::of(roles, body.unit_col);
    let side_by_side = units.cols.len() > 1;
    let by_columns = (period_col.is_none() && indicator_col.is_none() && !side_by_side).then(|| column_slots(&col_ids));
    let mut out = Read { records: Vec::new(), slice_of: Vec::new(), max_possible: Vec::new() };
    let expected = (frame.body_end - frame.body_start) * col_ids.iter().flatten().count();
    out.records.reserve(expected);
    out.slice_of.reserve(expected);
    let mut index: FxMap<(u32, u32, u32, u32), usize> = FxMap::default();
    index.reserve(expected);
    let mut slices: FxMap<(u32, u32, u32), u32> = FxMap::default();
    let mut blocks: FxMap<(u32, u32), usize> = FxMap::default();
    let mut group = String::new();
    let mut cells = UnitCells::new(body, &units);
    // A unit met again after a blank row (a detail block under the table) is not read twice.
    let mut seen_units: FxSet<(u32, u32)> = FxSet::default();
    let mut blank_above = false;
    for r in frame.body_start..frame.body_end {
        let row = &grid.rows[r];
        let filled: Vec<(usize, &Cell)> = nonempty(row).collect();
        if filled.is_empty() {
            blank_above = !seen_units.is_empty();
            continue;
        }
        if period_col.is_none() && is_heading(grid, frame, r, &filled) {
            group = strip_heading_number(&filled[0].1.text());
            ledger.mark(r, filled[0].0, Mark::Used);
            blank_above = false;
            continue;
        }
        let (row_units, noted) = cells.read(r, &mut keys.names, &mut out.max_possible, notes, ledger);
        if !row_units.iter().any(Option::is_some) || (!side_by_side && row_units[units.main].is_none()) {
            if !noted {
                notes.skip_cell(Skip::NoUnitRow { sheet: sheet.clone(), row: r + 1 });
            }
            ledger.rest_of_row(r, Mark::Skipped);
            continue;
        }
        // A group column merged down its rows holds the name in the first row only.
        if let Some(t) = group_col.map(|c| grid.get(r, c).text()).filter(|t| !t.is_empty()) {
            group = t;
        }
        let group_id = keys.names.id(&group);
        if body.layout == TableLayout::Wide {
            if let Some(u) = row_units[units.main] {
                if !seen_units.insert((group_id, u)) && blank_above {
                    let text = keys.names.text(u).to_string();
                    notes.skip_cell(Skip::NotUnitRow { sheet: sheet.clone(), row: r + 1, text, why: RowWhy::Repeat });
                    ledger.rest_of_row(r, Mark::Skipped);
                    continue;
                }
            }
        }
        let row_period_id = period_col.map(|c| keys.period(grid.get(r, c)));
        let row_indicator_id = indicator_col.and_then(|c| keys.indicator(grid.get(r, c)));
        let names = &keys.names;
        let mut new_record = |out: &mut Read, unit_id: u32, period_id: u32, indicator_id: u32| {
            let next_slice = slices.len() as u32;
            out.slice_of.push(*slices.entry((group_id, period_id, indicator_id)).or_insert(next_slice));
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
            let mark = read_cell(grid, r, c, &roles[c], &mut out.records[at], notes);
            ledger.mark(r, c, mark);
        }
        rest_of_row(body, r, noted, notes, ledger);
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

/// The cells of a row read into records that no step marked: by their column's role; a
/// value beside no unit (a list side by side that ends early) is skipped and noted.
fn rest_of_row(body: &Body<'_>, r: usize, noted: bool, notes: &mut Notes, ledger: &mut Ledger) {
    let mut unitless = false;
    for (c, _) in nonempty(&body.grid.rows[r]) {
        if ledger.get(r, c) != Mark::None {
            continue;
        }
        let role = &body.roles[c];
        let mark = column_mark(role);
        unitless |= matches!(role, Role::Value | Role::Rank | Role::Unit | Role::UnitAgain);
        ledger.mark(r, c, if matches!(role, Role::Value | Role::Rank) { Mark::Skipped } else { mark });
    }
    if unitless && !noted {
        notes.skip_cell(Skip::NoUnitRow { sheet: body.grid.name.clone(), row: r + 1 });
        ledger.rest_of_row(r, Mark::Skipped);
    }
}

/// One cell into its record: a value or a rank, the first one kept (another is skipped and
/// noted); a missing or unread cell noted. Says what became of the cell.
fn read_cell(g: &Grid, r: usize, c: usize, role: &Role, entry: &mut Observation, notes: &mut Notes) -> Mark {
    let cell = g.get(r, c);
    let unread = |notes: &mut Notes| {
        notes.warn_cell(Warning::UnreadCell { sheet: g.name.clone(), row: r + 1, col: c, text: cell.text() });
        Mark::Skipped
    };
    let again = |notes: &mut Notes, entry: &Observation| {
        let indicator = entry.indicator.to_string();
        notes.skip_cell(Skip::SameCell { sheet: g.name.clone(), row: r + 1, col: c, indicator });
        Mark::Skipped
    };
    match (num(cell), role) {
        (Num::Missing, _) => {
            if cell.is_empty() {
                return Mark::None;
            }
            let text = cell.text();
            notes.skip_cell(Skip::MissingCell { sheet: g.name.clone(), row: r + 1, col: c, text });
            Mark::Skipped
        }
        (Num::NotNumber, _) => unread(notes),
        (n, Role::Rank) => match n.as_rank() {
            None => unread(notes),
            Some(_) if entry.rank.is_some() => again(notes, entry),
            rank => {
                entry.rank = rank;
                Mark::Read
            }
        },
        (n, _) => match n.as_value() {
            None => unread(notes),
            Some(_) if entry.value.is_some() => again(notes, entry),
            value => {
                entry.value = value;
                Mark::Read
            }
        },
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
                let text = other.text();
                match (find_year(&text), find_quarter(&text)) {
                    (Some(year), Some(quarter)) => format!("{year}-Q{quarter}"),
                    (Some(year), None) => year.to_string(),
                    _ => text,
                }
            }
        };
        let id = self.names.id(&name);
        let key = match key {
            PeriodKey::Text(t) => PeriodKey::Text(std::borrow::Cow::Owned(t.into_owned())),
            PeriodKey::Number(bits) => PeriodKey::Number(bits),
        };
        self.periods.insert(key, id);
        id
    }

    /// The indicator a cell names (the generic overall for a generic name); none if empty.
    fn indicator(&mut self, cell: &Cell) -> Option<u32> {
        let written = cell.text_ref();
        if written.is_empty() {
            return None;
        }
        if let Some(id) = self.indicators.get(&*written) {
            return Some(*id);
        }
        let name = if OVERALL_NAMES.contains(&fold(&written).as_str()) { OVERALL.to_string() } else { clean(&written) };
        let id = self.names.id(&name);
        self.indicators.insert(written.into_owned(), id);
        Some(id)
    }
}

/// What the unit columns hold, row by row: units, or rows that are not units (statistics,
/// a scale, a repeated header), judged once per distinct text.
struct UnitCells<'a> {
    body: &'a Body<'a>,
    units: &'a UnitColumns,
    kinds: FxMap<String, UnitCell>,
    header_words: Vec<String>,
    row: Vec<Option<u32>>,
}

impl<'a> UnitCells<'a> {
    fn new(body: &'a Body<'a>, units: &'a UnitColumns) -> Self {
        let header_words = units.cols.iter().map(|&c| fold(&body.labels[c].join(" "))).collect();
        UnitCells { body, units, kinds: FxMap::default(), header_words, row: vec![None; units.cols.len()] }
    }

    /// The unit (interned) in each unit column of row `r`, and whether the report notes
    /// the row; a statistic, scale or header in a unit column is noted (a scale row gives
    /// each indicator's maximum). Unit cells are marked used, the others skipped.
    fn read(
        &mut self,
        at: usize,
        names: &mut Interner,
        max_possible: &mut Vec<(String, f64)>,
        notes: &mut Notes,
        ledger: &mut Ledger,
    ) -> (Vec<Option<u32>>, bool) {
        let grid = self.body.grid;
        let sheet = &grid.name;
        let mut noted = false;
        for (k, &uc) in self.units.cols.iter().enumerate() {
            let cell = grid.get(at, uc);
            let text = cell.text_ref();
            self.row[k] = None;
            if text.is_empty() || kind(cell) != Kind::Label {
                continue;
            }
            let what = match self.kinds.get(&*text) {
                Some(known) => *known,
                None => {
                    let found = unit_cell_kind(&text, &self.header_words);
                    *self.kinds.entry(text.to_string()).or_insert(found)
                }
            };
            if what == UnitCell::Unit {
                self.row[k] = Some(names.id(&text));
                ledger.mark(at, uc, Mark::Used);
                continue;
            }
            ledger.mark(at, uc, Mark::Skipped);
            if noted {
                continue;
            }
            noted = true;
            let text = text.into_owned();
            if what == UnitCell::Header {
                notes.skip_cell(Skip::NotUnitRow { sheet: sheet.clone(), row: at + 1, text, why: RowWhy::Header });
                continue;
            }
            if k == self.units.main && crate::text::units::is_scale(&text) {
                self.scale_row(at, max_possible, ledger);
            }
            notes.skip_cell(Skip::AggregateRow { sheet: sheet.clone(), row: at + 1, text });
        }
        (self.row.clone(), noted)
    }

    /// A scale row ("Thang điểm"): the most each indicator can score.
    fn scale_row(&self, r: usize, max_possible: &mut Vec<(String, f64)>, ledger: &mut Ledger) {
        for c in 0..self.body.roles.len() {
            let (Some((_, ind)), Num::Value(v)) = (&self.body.meaning[c], num(self.body.grid.get(r, c))) else {
                continue;
            };
            if self.body.roles[c] == Role::Value && !max_possible.iter().any(|(i, _)| i == ind) {
                max_possible.push((ind.clone(), v));
                ledger.mark(r, c, Mark::Used);
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
    let folded = fold(text);
    let header = header_words.iter().any(|word| !word.is_empty() && *word == folded)
        || [UNIT, RANK, ORDINAL, IDENTIFIER].iter().any(|words| words.contains(&folded.as_str()))
        || ["tinh thanh pho", "province", "provinces", "xep hang", "rank", "thu tu", "ten tinh thanh pho"]
            .contains(&folded.as_str());
    if header {
        UnitCell::Header
    } else {
        UnitCell::Unit
    }
}

/// A period cell as a map key: a number by its bits, a text by its letters.
#[derive(PartialEq, Eq, Hash)]
enum PeriodKey<'a> {
    Number(u64),
    Text(std::borrow::Cow<'a, str>),
}

/// "I. KHỐI SỞ, BAN, NGÀNH" → "KHỐI SỞ, BAN, NGÀNH"; "A - Khối huyện" → "Khối huyện".
fn strip_heading_number(heading: &str) -> String {
    let heading = clean(heading);
    if let Some((head, rest)) = heading.split_once(['.', '-', ')']) {
        let number = head.trim();
        let roman = !number.is_empty() && number.chars().all(|c| "IVXLivxl".contains(c));
        let short = number.chars().count() <= 2 && number.chars().all(|c| c.is_alphanumeric());
        if roman || short {
            return rest.trim().to_string();
        }
    }
    heading
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::tests::ranking;

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
}
