//! The import: bytes and a file name → data sets, target sheets and a report.
//! The same function runs natively in tests and in the browser.

pub mod catalog;
mod names;

pub use catalog::rerank;

use std::collections::BTreeSet;

pub use crate::detect::ImportOptions;
use crate::detect::{detect, Context, Found, Notes, RankingTable};
use crate::model::messages::{Finding, ReadError, SameWhy, Skip, TableLayout};
use crate::model::{is_overall, DataSet, ImportReport, ImportStatus, Interner, TargetSheet, Text};
use crate::read::grid::{self, Cell, Grid};
use crate::text::legacy::{self, Legacy};
use crate::text::units::Registry;
use crate::text::{clean, find_year, fold};
use names::{title_name, untitled_name};
use rustc_hash::{FxHashMap, FxHashSet};

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ImportOutcome {
    pub datasets: Vec<DataSet>,
    pub targets: Vec<TargetSheet>,
    pub report: ImportReport,
}

impl ImportOutcome {
    /// No data, and a report that says why.
    pub fn failed(file_name: &str, note: ReadError) -> Self {
        ImportOutcome { datasets: Vec::new(), targets: Vec::new(), report: ImportReport::failed(file_name, note) }
    }
}

/// Reads one file. Never panics on bad input: a file that cannot be read gives an
/// outcome with no data and a report whose status is `Error` and which says why.
pub fn import_file(bytes: &[u8], file_name: &str) -> ImportOutcome {
    import_file_with(bytes, file_name, &ImportOptions::default())
}

/// [`import_file`] with the user's corrections (header row, unit column, period).
pub fn import_file_with(bytes: &[u8], file_name: &str, options: &ImportOptions) -> ImportOutcome {
    import_file_progress(bytes, file_name, options, &mut |_| {})
}

/// The share of an import's time spent reading cells and finding the tables in each sheet
/// (the rest: putting the data sets together).
const READ_SHARE: f64 = 0.9;

/// [`import_file_with`], telling `progress` how far it has come (0 to 1) now and then, so
/// that the page can show a progress bar.
pub fn import_file_progress(
    bytes: &[u8],
    file_name: &str,
    options: &ImportOptions,
    progress: &mut dyn FnMut(f64),
) -> ImportOutcome {
    import_bytes(std::borrow::Cow::Borrowed(bytes), file_name, options, progress)
}

/// [`import_file_progress`] of bytes it may free once the sheets are read (the worker's
/// copy of a 14 MB workbook is not held while its data sets are put together).
pub fn import_file_owned(
    bytes: Vec<u8>,
    file_name: &str,
    options: &ImportOptions,
    progress: &mut dyn FnMut(f64),
) -> ImportOutcome {
    import_bytes(std::borrow::Cow::Owned(bytes), file_name, options, progress)
}

fn import_bytes(
    bytes: std::borrow::Cow<[u8]>,
    file_name: &str,
    options: &ImportOptions,
    progress: &mut dyn FnMut(f64),
) -> ImportOutcome {
    // Freed as soon as the sheets are read.
    let mut bytes = Some(bytes);
    import_from(
        &mut |progress, sheet| match bytes.take() {
            Some(b) => grid::read_each(&b, file_name, progress, sheet),
            None => Ok(()),
        },
        file_name,
        options,
        progress,
    )
}

/// [`import_file_progress`] of tables already read from a file by a reader outside the
/// core (the PDF reader, a module of its own that the page loads only for PDFs).
pub fn import_grids(
    grids: Vec<Grid>,
    file_name: &str,
    options: &ImportOptions,
    progress: &mut dyn FnMut(f64),
) -> ImportOutcome {
    let mut grids = Some(grids);
    import_from(
        &mut |_, sheet| {
            grids.take().into_iter().flatten().for_each(&mut *sheet);
            Ok(())
        },
        file_name,
        options,
        progress,
    )
}

/// Reads a file's sheets: tells a progress callback how far it has come and gives each
/// sheet to a callback as soon as it is read.
type ReadSheets<'a> = dyn FnMut(&mut dyn FnMut(f64), &mut dyn FnMut(Grid)) -> Result<(), ReadError> + 'a;

fn import_from(
    read_sheets: &mut ReadSheets<'_>,
    file_name: &str,
    options: &ImportOptions,
    progress: &mut dyn FnMut(f64),
) -> ImportOutcome {
    let ctx = Context { file_year: find_year(file_name), options: options.clone(), transposed: false };
    let mut notes = Notes::default();
    let mut report = ImportReport::new(file_name);
    let mut rankings = Vec::new();
    let mut targets = Vec::new();
    // Each sheet is looked at as soon as it is read, and freed: a commune-level workbook's
    // ten sheets (2.3 million cells) are never all held at once.
    let read = read_sheets(&mut |f| progress(f * READ_SHARE), &mut |mut g| {
        // Text a reader already turned into Unicode (a Word run's legacy font) is not looked at again.
        if let Some(enc) = g.prepared.decoded.or_else(|| legacy_text(&mut g)) {
            report.found.push(Finding::LegacyText { sheet: g.name.clone(), encoding: enc });
        }
        match detect(&g, &ctx, &mut notes) {
            Found::Ranking(t) => {
                report.found.push(Finding::Layout { sheet: t.sheet.clone(), layout: t.layout });
                rankings.push(t);
            }
            Found::Targets(t) => {
                report.found.push(Finding::Layout { sheet: t.sheet.clone(), layout: TableLayout::Targets });
                let name =
                    t.title.as_deref().map(title_name).filter(|s| !s.is_empty()).unwrap_or_else(|| t.sheet.clone());
                report.found.push(Finding::Targets { name: name.clone(), count: t.targets.len() });
                targets.push(TargetSheet { name, source: file_name.to_string(), targets: t.targets });
            }
            Found::Nothing => {}
        }
    });
    if let Err(note) = read {
        return ImportOutcome::failed(file_name, note);
    }
    progress(READ_SHARE);
    report.cells = notes.cells;
    let registry = Registry::shared();
    let rankings = one_of_each_table(rankings, options.sheet.as_deref(), registry, &mut report);
    let (datasets, places) = assemble(rankings, file_name, registry, &mut report);
    progress(1.0);
    for (d, from) in datasets.iter().zip(places) {
        report.found.push(Finding::DataSet {
            name: d.name.clone(),
            from,
            units: d
                .units()
                .iter()
                .map(|u| crate::text::units::unit_key(&registry.canonical(u)))
                .collect::<BTreeSet<_>>()
                .len(),
            periods: d.periods(),
            indicators: d.indicators().len(),
            values: d.observations.iter().filter(|o| o.value.is_some()).count(),
        });
    }
    // Which map of provinces each data set is on, where it holds provinces.
    let map = crate::model::map2025::Map2025::shared();
    for d in &datasets {
        // A name is looked up once per text object (observations share them).
        let mut seen = FxHashSet::default();
        if !d.observations.iter().any(|o| seen.insert(o.unit.addr()) && map.province_2025(&o.unit).is_some()) {
            continue;
        }
        let maps = map.maps(d);
        let (mut p63, mut p34): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
        for p in d.periods() {
            match maps.get(&p) {
                Some(crate::model::map2025::Map::P34) => p34.push(p),
                _ => p63.push(p),
            }
        }
        report.found.push(Finding::MapUsed { name: d.name.clone(), p63, p34 });
    }
    // Detection's notes first, then the assembly's.
    report.skipped.splice(0..0, notes.skipped);
    report.warnings.splice(0..0, notes.warnings);
    if datasets.is_empty() && targets.is_empty() {
        let mut r = ImportReport::failed(file_name, ReadError::NoTable);
        r.skipped = report.skipped;
        r.cells = report.cells;
        return ImportOutcome { datasets, targets, report: r };
    }
    if !report.warnings.is_empty() {
        report.status = ImportStatus::Warning;
    }
    ImportOutcome { datasets, targets, report }
}

/// Turns a sheet typed in TCVN3 or VNI into Unicode; says which encoding it was.
fn legacy_text(g: &mut Grid) -> Option<Legacy> {
    let texts = g.rows.iter().flatten().filter_map(|c| match c {
        Cell::Text(s) => Some(s.as_str()),
        _ => None,
    });
    let enc = legacy::detect(texts)?;
    for c in g.rows.iter_mut().flatten() {
        if let Cell::Text(s) = c {
            *s = enc.decode(s).into();
        }
    }
    g.name = enc.decode(&g.name);
    Some(enc)
}

/// What gathers tables of one file into a data set: a sheet of its own, or the file (its
/// sheets named by a year or a peer group, or its one table).
#[derive(PartialEq)]
enum SetKey {
    Sheet(String),
    File,
}

/// Sheets of one file → data sets. Sheets named by a year, or by a peer group ("Khối ...")
/// belong to one data set; other sheets each make their own.
fn assemble(
    mut tables: Vec<RankingTable>,
    file_name: &str,
    registry: &Registry,
    report: &mut ImportReport,
) -> (Vec<DataSet>, Vec<Vec<String>>) {
    let mut sets: Vec<DataSet> = Vec::new();
    // What gathers each data set's tables.
    let mut keys: Vec<SetKey> = Vec::new();
    // Where in a document each data set's tables are («trang 2–5, bảng 1»).
    let mut places: Vec<Vec<String>> = Vec::new();
    let standalone: Vec<bool> = tables
        .iter()
        .map(|t| {
            find_year(&t.sheet).is_none()
                && !is_group_sheet(&t.sheet)
                && t.title.as_deref().and_then(find_year).is_none()
        })
        .collect();
    let several_standalone = standalone.iter().filter(|s| **s).count() > 1;
    let one_table = tables.len() == 1;
    // How many sheets went into each data set: one sheet's records are already one per
    // (group, unit, period, indicator), as detection builds them.
    let mut tables_in: Vec<usize> = Vec::new();
    // The slices of a data set read from one sheet, as detection numbered them.
    let mut slices_of: Vec<Vec<u32>> = Vec::new();
    // Each table's data set.
    let mut set_of: Vec<usize> = Vec::new();
    for (t, alone) in tables.iter_mut().zip(standalone) {
        let titled = t.title.as_deref().map(title_name).filter(|s| !s.is_empty());
        let name = if alone && several_standalone {
            titled.unwrap_or_else(|| t.sheet.clone())
        } else {
            titled.unwrap_or_else(|| untitled_name(if one_table { &t.sheet } else { "" }, file_name))
        };
        let key = if alone && several_standalone { SetKey::Sheet(t.sheet.clone()) } else { SetKey::File };
        let idx = match keys.iter().position(|k| *k == key) {
            Some(i) => i,
            None => {
                keys.push(key);
                sets.push(DataSet::new(name, file_name));
                places.push(Vec::new());
                tables_in.push(0);
                slices_of.push(Vec::new());
                sets.len() - 1
            }
        };
        set_of.push(idx);
        if names::is_place(&t.sheet) {
            places[idx].push(t.sheet.clone());
        }
        tables_in[idx] += 1;
        // A group sheet renames empty groups below: its slices are counted again by text.
        if tables_in[idx] == 1 && !is_group_sheet(&t.sheet) {
            slices_of[idx] = std::mem::take(&mut t.slice_of);
        }
        join_names(&mut sets[idx], t);
    }
    let mut cleaner = Cleaner::new(registry);
    for (i, set) in sets.iter_mut().enumerate() {
        let mine: Vec<&mut RankingTable> =
            tables.iter_mut().zip(&set_of).filter(|(_, s)| **s == i).map(|(t, _)| t).collect();
        set.observations = join_records(mine, &mut cleaner);
    }
    drop(tables);
    for ((s, tables), slices) in sets.iter_mut().zip(tables_in).zip(slices_of) {
        if tables > 1 {
            let count = s.dedupe();
            if count > 0 {
                // The cells of the values and ranks given again are set aside.
                report.cells.read -= count.min(report.cells.read as usize) as u64;
                report.cells.skipped += count as u64;
                report.skipped.push(Skip::Duplicates { name: s.name.clone(), count });
            }
        }
        if tables == 1 && slices.len() == s.observations.len() {
            s.rank_slices(&slices);
        } else {
            s.fill_ranks();
        }
    }
    report.merges = cleaner.merges.into_iter().collect();
    sets.into_iter().zip(places).filter(|(s, _)| !s.observations.is_empty()).unzip()
}

/// A table's lower-is-better indicators, English names and top scores, added to its data
/// set's (first seen first).
fn join_names(set: &mut DataSet, t: &mut RankingTable) {
    set.join_metadata(
        std::mem::take(&mut t.lower_is_better),
        std::mem::take(&mut t.names_en),
        std::mem::take(&mut t.max_possible),
    );
}

/// The records of a data set's tables, in order, as one list, its units cleaned. A set of
/// one table keeps that table's list (no copy); the rows of several are moved into one
/// list reserved exactly.
fn join_records(mut tables: Vec<&mut RankingTable>, cleaner: &mut Cleaner) -> Vec<crate::model::Observation> {
    let group = |t: &RankingTable| is_group_sheet(&t.sheet).then(|| Text::from(t.sheet.as_str()));
    if let [only] = tables.as_mut_slice() {
        let mut all = std::mem::take(&mut only.records);
        all.shrink_to_fit();
        let g = group(only);
        for r in &mut all {
            cleaner.fix(r, g.as_ref());
        }
        return all;
    }
    let mut all = Vec::with_capacity(tables.iter().map(|t| t.records.len()).sum());
    for t in tables {
        let g = group(t);
        for mut r in std::mem::take(&mut t.records) {
            cleaner.fix(&mut r, g.as_ref());
            all.push(r);
        }
    }
    all
}

/// Units cleaned as the file spells them, the merges with canonical names listed.
struct Cleaner<'a> {
    registry: &'a Registry,
    /// Each unit's cleaned name and each group, one text object for all the tables of the
    /// file (each table's reading gave its own): a unit's observations of every period then
    /// share it, and a ranking finds a unit's previous rank by the text's address.
    units: OneText,
    groups: OneText,
    merges: BTreeSet<(String, String)>,
}

/// One text object per distinct text (the [`Interner`]'s), the last one asked for at hand
/// (a unit's rows, a group's, come together).
#[derive(Default)]
struct OneText {
    all: Interner,
    /// The last text as written and its shared object.
    last: Option<(Text, Text)>,
}

impl OneText {
    /// The shared object of `raw` made into `made(raw)` (`None`: as it is); `new` hears of
    /// each text the first time.
    fn of(&mut self, raw: &Text, made: impl FnOnce(&str) -> Option<String>, new: impl FnOnce(&Text)) -> Text {
        if let Some((last, shared)) = &self.last {
            if last == raw {
                return shared.clone();
            }
        }
        let count = self.all.len();
        let id = match made(raw) {
            Some(made) => self.all.id(&made),
            None => self.all.id_of(raw),
        };
        let shared = self.all.text(id);
        if id as usize == count {
            new(&shared);
        }
        self.last = Some((raw.clone(), shared.clone()));
        shared
    }
}

impl<'a> Cleaner<'a> {
    fn new(registry: &'a Registry) -> Self {
        Cleaner { registry, units: OneText::default(), groups: OneText::default(), merges: BTreeSet::new() }
    }

    /// Observations keep the spelling of the file; the catalog gives each its canonical
    /// name, so that a merge can be undone. The report lists the merges. A group sheet's
    /// name is the group of its rows that have none.
    fn fix(&mut self, r: &mut crate::model::Observation, sheet_group: Option<&Text>) {
        let (registry, merges) = (self.registry, &mut self.merges);
        r.unit = self.units.of(
            &r.unit,
            |u| Some(clean(u)).filter(|c| c != u),
            |cleaned| {
                let canonical = registry.canonical(cleaned);
                if *cleaned != canonical {
                    merges.insert((cleaned.to_string(), canonical));
                }
            },
        );
        if let Some(g) = sheet_group.filter(|_| r.group.is_empty()) {
            r.group = g.clone();
        }
        r.group = self.groups.of(&r.group, |_| None, |_| {});
    }
}

/// Sheets holding the same table (a Vietnamese and an English summary, the same table
/// sorted two ways) give one data set: the copies are dropped and the report says which
/// sheet was used and why. Copies hold the same units and as many indicators; they are
/// the same values, or the indicators are named in different languages. Of copies that
/// differ, the user's choice wins, else the later year, else the Vietnamese one.
fn one_of_each_table(
    tables: Vec<RankingTable>,
    chosen: Option<&str>,
    registry: &Registry,
    report: &mut ImportReport,
) -> Vec<RankingTable> {
    if tables.len() < 2 {
        return tables;
    }
    let shapes: Vec<Shape> = tables.iter().map(|t| Shape::of(t, registry)).collect();
    let mut dropped = vec![false; tables.len()];
    for a in 0..tables.len() {
        for b in a + 1..tables.len() {
            if dropped[a] || dropped[b] {
                continue;
            }
            let (sa, sb) = (&shapes[a], &shapes[b]);
            if sa.units != sb.units || sa.indicators.len() != sb.indicators.len() || sa.units.len() < 3 {
                continue;
            }
            let identical = sa.values == sb.values;
            let languages_differ = sa.english != sb.english;
            if !identical && !languages_differ {
                continue;
            }
            let (keep, why) = if let Some(c) = chosen.filter(|c| *c == tables[a].sheet || *c == tables[b].sheet) {
                (if tables[a].sheet == c { a } else { b }, SameWhy::Chosen)
            } else if identical {
                (a, SameWhy::Identical)
            } else if sa.latest != sb.latest {
                (if sa.latest > sb.latest { a } else { b }, SameWhy::Newer)
            } else {
                (if sa.english { b } else { a }, SameWhy::Vietnamese)
            };
            let other = if keep == a { b } else { a };
            dropped[other] = true;
            // The copy's cells are set aside with it.
            report.cells.drop_all(tables[other].cells);
            report.found.push(Finding::SameTable {
                used: tables[keep].sheet.clone(),
                other: tables[other].sheet.clone(),
                why,
            });
        }
    }
    tables.into_iter().zip(dropped).filter(|(_, d)| !d).map(|(t, _)| t).collect()
}

/// What tells two copies of a table apart, or not.
struct Shape {
    /// Unit keys, sorted.
    units: Vec<String>,
    /// Indicators in first-seen order.
    indicators: Vec<String>,
    /// Per unit key (sorted), the values in the order of the indicators and periods.
    values: Vec<(String, Vec<Option<u64>>)>,
    /// Every indicator named in plain ASCII (an English table).
    english: bool,
    latest: String,
}

impl Shape {
    fn of(t: &RankingTable, registry: &Registry) -> Shape {
        let mut indicators: Vec<String> = Vec::new();
        let mut by_unit: std::collections::BTreeMap<String, Vec<Option<u64>>> = Default::default();
        // Each name's key once per text object (records share them).
        let mut keys: FxHashMap<usize, String> = FxHashMap::default();
        for o in &t.records {
            if !indicators.iter().any(|i| *i == o.indicator) {
                indicators.push(o.indicator.to_string());
            }
            let key = keys
                .entry(o.unit.addr())
                .or_insert_with(|| crate::text::units::unit_key(&registry.canonical(&o.unit)))
                .clone();
            by_unit.entry(key).or_default().push(o.value.map(|v| (v * 1000.0).round() as i64 as u64));
        }
        let english = indicators.iter().all(|i| i.is_ascii()) && indicators.iter().any(|i| !is_overall(i));
        let latest = t.records.iter().map(|o| o.period.to_string()).max().unwrap_or_default();
        Shape {
            units: by_unit.keys().cloned().collect(),
            indicators,
            values: by_unit.into_iter().collect(),
            english,
            latest,
        }
    }
}

fn is_group_sheet(name: &str) -> bool {
    let f = fold(name);
    ["khoi", "nhom", "group"].iter().any(|w| f == *w || f.starts_with(&format!("{w} ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Observation;

    #[test]
    fn ranks_by_detections_slices_equal_ranks_by_text() {
        use crate::detect::{detect, Context, Found, Notes};
        let grids = [
            Grid::from_text(
                "S",
                &[
                    &["Đơn vị", "Điểm 2021", "Điểm 2022"],
                    &["I. Khối Sở"],
                    &["Sở A", "80", "81"],
                    &["Sở B", "70", "90"],
                    &["Sở E", "70", "-"],
                    &["II. Khối Huyện"],
                    &["Huyện C", "60", "61"],
                    &["Huyện D", "65", "59"],
                ],
            ),
            Grid::from_text(
                "Dữ liệu",
                &[
                    &["Đơn vị", "Năm", "Chỉ số", "Giá trị"],
                    &["Xã A", "2021", "Tổng hợp", "50,5"],
                    &["Xã B", "2021", "Tổng hợp", "60"],
                    &["Xã A", "2022", "Tổng hợp", "55"],
                    &["Xã B", "2022", "Tổng hợp", "55"],
                    &["Xã C", "2022", "Tổng hợp", "40"],
                    &["Xã A", "2022", "Tỷ lệ trễ hạn", "3"],
                    &["Xã B", "2022", "Tỷ lệ trễ hạn", "1"],
                ],
            ),
        ];
        for g in grids {
            let Found::Ranking(t) = detect(&g, &Context::default(), &mut Notes::default()) else {
                panic!("{}: no table", g.name)
            };
            let mut by_text = DataSet {
                observations: t.records.clone(),
                lower_is_better: t.lower_is_better.clone(),
                ..Default::default()
            };
            by_text.fill_ranks();
            let (sets, _) = assemble(vec![t], "x.csv", &Registry::default(), &mut ImportReport::new("x.csv"));
            let ranks = |d: &DataSet| -> Vec<(String, String, String, String, Option<u32>)> {
                d.observations
                    .iter()
                    .map(|o| {
                        (o.group.to_string(), o.unit.to_string(), o.period.to_string(), o.indicator.to_string(), o.rank)
                    })
                    .collect()
            };
            assert_eq!(ranks(&sets[0]), ranks(&by_text), "{}", g.name);
            assert!(sets[0].observations.iter().filter(|o| o.rank.is_some()).count() >= 5);
        }
    }

    #[test]
    fn competition_ranks() {
        let mut s = DataSet::default();
        for (u, v) in [("A", Some(90.0)), ("B", Some(95.0)), ("C", Some(90.0)), ("D", Some(80.0)), ("E", None)] {
            s.observations.push(Observation {
                group: "".into(),
                unit: u.into(),
                period: "2020".into(),
                indicator: "X".into(),
                value: v,
                rank: None,
            });
        }
        s.fill_ranks();
        let ranks: Vec<Option<u32>> = s.observations.iter().map(|o| o.rank).collect();
        assert_eq!(ranks, vec![Some(2), Some(1), Some(2), Some(4), None]);
        s.lower_is_better.push("X".into());
        s.observations.iter_mut().for_each(|o| o.rank = None);
        s.fill_ranks();
        assert_eq!(s.observations[3].rank, Some(1));
    }

    #[test]
    fn untitled_tables_are_named_by_sheet_or_file() {
        assert_eq!(untitled_name("Sheet1", "PAR_INDEX_2024.xlsx"), "PAR INDEX");
        assert_eq!(untitled_name("Sheet1", "PAR INDEX 2025.xlsx"), "PAR INDEX");
        assert_eq!(untitled_name("Sheet1", "PCI-2019.xlsx"), "PCI");
        assert_eq!(untitled_name("PCI 2016", "ket-qua.xls"), "PCI");
        assert_eq!(untitled_name("Trang tính1", "ten-tinh.csv"), "ten-tinh");
    }

    #[test]
    fn titles_lose_years() {
        assert_eq!(title_name("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022"), "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH");
        assert_eq!(title_name("PAR INDEX 2019"), "PAR INDEX");
        assert_eq!(title_name("PHỤ LỤC I: KẾT QUẢ CHỈ SỐ SIPAS NĂM 2023"), "KẾT QUẢ CHỈ SỐ SIPAS");
        assert_eq!(title_name("Biểu số 02 - Kết quả DDCI năm 2024"), "Kết quả DDCI");
        assert_eq!(title_name("CHỈ SỐ CCHC GIAI ĐOẠN 2017 - 2022"), "CHỈ SỐ CCHC");
        assert_eq!(title_name("Kết quả từ năm 2017 đến năm 2022"), "Kết quả");
    }

    #[test]
    fn legacy_encodings_become_unicode() {
        // TCVN3 (.VnTime) and VNI text as old files hold it.
        let tcvn = "T\u{d8}nh,\u{a7}i\u{ab}m 2020\nQu\u{b6}ng Ninh,90\nH\u{b5} N\u{e9}i,85\n";
        let o = import_file(tcvn.as_bytes(), "cu.csv");
        assert!(
            o.report.found.iter().any(|n| matches!(n, Finding::LegacyText { encoding: Legacy::Tcvn3, .. })),
            "{:?}",
            o.report
        );
        assert_eq!(o.datasets[0].units(), vec!["Quảng Ninh", "Hà Nội"]);
        let vni = "Tænh,Ñieåm 2020\nQuaûng Ninh,90\nHaø Noäi,85\n";
        let o = import_file(vni.as_bytes(), "vni.csv");
        assert!(o.report.found.iter().any(|n| matches!(n, Finding::LegacyText { encoding: Legacy::Vni, .. })));
        assert_eq!(o.datasets[0].units(), vec!["Quảng Ninh", "Hà Nội"]);
    }

    #[test]
    fn broken_files_give_errors_not_panics() {
        for (bytes, name) in [
            (&b""[..], "a.xlsx"),
            (b"PK\x03\x04\x14\x00", "b.xlsx"),
            (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", "c.xls"),
        ] {
            let o = import_file(bytes, name);
            assert_eq!(o.report.status, ImportStatus::Error, "{name}");
            assert!(o.report.error.is_some());
            assert_eq!(o.report.file, name);
        }
    }
}
