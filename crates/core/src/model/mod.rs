//! Core data types: what an import produces and what the views read.

mod intern;
pub mod lang;
pub mod map2025;
pub mod messages;
pub mod prepare;
mod ranks;
pub mod rows;
pub mod summary;

pub use intern::{ByObject, Interner};
use serde::{Deserialize, Serialize};

use crate::model::messages::{Finding, Note, ReadError, Skip, Warning};
use crate::text::value::TargetOp;

/// The indicator name used for an overall score column that names no component.
pub const OVERALL: &str = "Chỉ số tổng hợp";

/// Is this the name of an overall index: the generic one, or an index's own name as
/// files write it over its overall column ("PCI", "Weighted PCI", "PAR INDEX", "PAPI")?
pub fn is_overall(name: &str) -> bool {
    if name == OVERALL {
        return true;
    }
    let f = crate::text::fold(name);
    let f = f.strip_prefix("chi so ").unwrap_or(&f);
    const INDEXES: &[&str] = &[
        "pci",
        "papi",
        "par index",
        "par",
        "sipas",
        "ddci",
        "dci",
        "weighted pci",
        "pci co trong so",
        "cai cach hanh chinh",
        "cchc",
        "hai long",
        "sipas tong hop",
        "hai long cua nguoi dan",
    ];
    INDEXES.contains(&f)
}

/// Which map a period of data is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Map {
    /// The 63 provinces (to 30 June 2025).
    P63,
    /// The 34 provincial units (from 1 July 2025).
    P34,
}

/// A name shared by many observations: cloning it counts a reference, it copies nothing.
/// Detection and the wire decoder give every observation of a text the same one. It reads
/// and compares as the `str` it holds.
///
/// A thin pointer (an `Rc` of a boxed `str`, 4 bytes in wasm32, where `Rc<str>` takes 8):
/// an observation holds four, and a commune-level data set 2.1 million observations, so
/// this keeps 34 MB out of the page and twice that out of the worker while it imports.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Text(std::rc::Rc<Box<str>>);

impl Text {
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// Where the text is kept: equal for clones of one text.
    pub fn addr(&self) -> usize {
        std::rc::Rc::as_ptr(&self.0) as usize
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}
impl std::borrow::Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.0
    }
}
impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}
impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}
impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text(std::rc::Rc::new(s.into()))
    }
}
impl From<String> for Text {
    fn from(s: String) -> Self {
        Text(std::rc::Rc::new(s.into_boxed_str()))
    }
}
impl From<&String> for Text {
    fn from(s: &String) -> Self {
        Text::from(s.as_str())
    }
}
impl From<Text> for String {
    fn from(t: Text) -> Self {
        t.0.to_string()
    }
}
impl PartialEq<str> for Text {
    fn eq(&self, o: &str) -> bool {
        self.as_str() == o
    }
}
impl PartialEq<&str> for Text {
    fn eq(&self, o: &&str) -> bool {
        self.as_str() == *o
    }
}
impl PartialEq<String> for Text {
    fn eq(&self, o: &String) -> bool {
        self.as_str() == o.as_str()
    }
}
impl PartialEq<&String> for Text {
    fn eq(&self, o: &&String) -> bool {
        self.as_str() == o.as_str()
    }
}
impl PartialEq<Text> for str {
    fn eq(&self, o: &Text) -> bool {
        self == o.as_str()
    }
}
impl PartialEq<Text> for &str {
    fn eq(&self, o: &Text) -> bool {
        *self == o.as_str()
    }
}
impl PartialEq<Text> for String {
    fn eq(&self, o: &Text) -> bool {
        self.as_str() == o.as_str()
    }
}

/// One observation: a unit's value (and rank) for one indicator in one period.
#[derive(Clone, Debug, PartialEq)]
pub struct Observation {
    pub group: Text,
    pub unit: Text,
    pub period: Text,
    pub indicator: Text,
    pub value: Option<f64>,
    pub rank: Option<u32>,
}

/// A ranking data set: observations of units over periods and indicators.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DataSet {
    pub name: String,
    /// The file it came from.
    pub source: String,
    /// On the wire, columnar: each distinct text once, rows of numbers into that list.
    #[serde(with = "rows")]
    pub observations: Vec<Observation>,
    /// Indicators for which a lower value is better (error rates, days late...).
    pub lower_is_better: Vec<String>,
    /// Indicators the file names in both languages: (name as shown in Vietnamese, English).
    pub names_en: Vec<(String, String)>,
    /// Pre-2025 province data regrouped onto the 34 (every period on one map).
    pub regrouped: bool,
    /// The most an indicator can score, where the file gives it (a "Thang điểm" or "Điểm
    /// tối đa" row or column).
    pub max_possible: Vec<(String, f64)>,
    /// The slices (group, period, indicator) whose ranks the file gives: the ranks of
    /// every other slice are computed, and computed again over a data set joined from
    /// several files.
    #[serde(default)]
    pub given_ranks: Vec<SliceKey>,
    /// Its periods, indicators, groups, units and slices, made once (see [`summary`]).
    #[serde(skip)]
    pub summary: summary::SummaryCell,
}

/// A slice a rank is counted within: (group, period, indicator).
pub type SliceKey = (String, String, String);

/// Where the non-empty cells of a file went: read into observations (values, ranks),
/// used (units, groups, identifiers, headers, titles and notes of the sheet), skipped and
/// listed in the report with a reason, or none of these (a defect: always 0).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellCounts {
    pub read: u64,
    pub used: u64,
    pub skipped: u64,
    pub unaccounted: u64,
}

impl CellCounts {
    /// Every non-empty cell counted.
    pub fn total(&self) -> u64 {
        self.read + self.used + self.skipped + self.unaccounted
    }

    pub fn add(&mut self, o: CellCounts) {
        self.read += o.read;
        self.used += o.used;
        self.skipped += o.skipped;
        self.unaccounted += o.unaccounted;
    }

    /// Cells read or used that are skipped after all (a copy of a table that was dropped).
    pub fn drop_all(&mut self, o: CellCounts) {
        self.read -= o.read.min(self.read);
        self.used -= o.used.min(self.used);
        self.skipped += o.read + o.used;
    }
}

/// The index a data set's name or overall indicator names, as officials call it.
pub fn known_index(name: &str, overall: Option<&str>) -> Option<&'static str> {
    const INDEXES: &[(&str, &[&str])] = &[
        ("DDCI", &["ddci", "dci", "nang luc canh tranh cap so", "nang luc canh tranh cap huyen"]),
        ("PCI", &["pci", "nang luc canh tranh cap tinh", "weighted pci"]),
        ("PAPI", &["papi", "hieu qua quan tri va hanh chinh cong"]),
        ("SIPAS", &["sipas", "hai long", "muc do hai long"]),
        ("PAR INDEX", &["par index", "par", "cai cach hanh chinh", "cchc"]),
    ];
    let texts = [Some(name), overall];
    for text in texts.into_iter().flatten() {
        let f = crate::text::fold(text);
        for (index, words) in INDEXES {
            if crate::text::has_phrase(&f, words) {
                return Some(index);
            }
        }
    }
    None
}

/// The years a list of periods spans: «2024», «2024–2025».
pub fn year_span(periods: &[String]) -> Option<String> {
    let years: Vec<u16> = periods.iter().filter_map(|p| crate::text::find_year(p)).collect();
    let (lo, hi) = (years.iter().min()?, years.iter().max()?);
    Some(if lo == hi { lo.to_string() } else { format!("{lo}–{hi}") })
}

/// How much of a data set's name its label shows (the full name shows on hover).
const LABEL_NAME_CHARS: usize = 48;

impl DataSet {
    /// A data set of this name, read from `source`, with nothing in it yet: the one way a
    /// data set is made (the import's, a link's), the rest added by the `with_` methods.
    pub fn new(name: impl Into<String>, source: impl Into<String>) -> DataSet {
        DataSet { name: name.into(), source: source.into(), ..Default::default() }
    }

    pub fn with_observations(mut self, observations: Vec<Observation>) -> DataSet {
        self.observations = observations;
        self
    }

    pub fn with_lower_is_better(mut self, indicators: Vec<String>) -> DataSet {
        self.lower_is_better = indicators;
        self
    }

    /// A copy of everything but the observations (and its summary).
    pub fn clone_without_observations(&self) -> DataSet {
        DataSet {
            name: self.name.clone(),
            source: self.source.clone(),
            observations: Vec::new(),
            lower_is_better: self.lower_is_better.clone(),
            names_en: self.names_en.clone(),
            regrouped: self.regrouped,
            max_possible: self.max_possible.clone(),
            given_ranks: self.given_ranks.clone(),
            summary: Default::default(),
        }
    }

    /// Takes in another data set's observations, and what it knows of its indicators and
    /// ranks that this one does not (first seen first).
    pub fn absorb(&mut self, d: DataSet) {
        self.observations.extend(d.observations);
        self.join_metadata(d.lower_is_better, d.names_en, d.max_possible);
        for k in d.given_ranks {
            if !self.given_ranks.contains(&k) {
                self.given_ranks.push(k);
            }
        }
    }

    /// Adds lower-is-better indicators, English names and top scores not known yet.
    pub fn join_metadata(&mut self, lower: Vec<String>, names_en: Vec<(String, String)>, max: Vec<(String, f64)>) {
        for l in lower {
            if !self.lower_is_better.contains(&l) {
                self.lower_is_better.push(l);
            }
        }
        for (vi, en) in names_en {
            if !self.names_en.iter().any(|(v, _)| *v == vi) {
                self.names_en.push((vi, en));
            }
        }
        for (i, v) in max {
            if !self.max_possible.iter().any(|(x, _)| *x == i) {
                self.max_possible.push((i, v));
            }
        }
    }

    /// The data set as lists name it: the index it is and its years first where the index
    /// is known («PAR INDEX 2024–2025 — KẾT QUẢ CHỈ SỐ…»), then its name, cut after a word;
    /// else its name.
    pub fn label(&self) -> String {
        let overall = self.overall();
        let Some(index) = known_index(&self.name, overall.as_deref()) else { return self.name.clone() };
        let head = match year_span(&self.periods()) {
            Some(y) => format!("{index} {y}"),
            None => index.to_string(),
        };
        if crate::text::fold(&self.name) == crate::text::fold(index) || self.name.is_empty() {
            return head;
        }
        let name = if self.name.chars().count() <= LABEL_NAME_CHARS {
            self.name.clone()
        } else {
            let cut: String = self.name.chars().take(LABEL_NAME_CHARS).collect();
            let cut = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
            format!("{}…", cut.trim_end_matches(|c: char| c.is_whitespace() || ",:;-–(".contains(c)))
        };
        format!("{head} — {name}")
    }

    /// The data set's summary (made on first use, kept while the observations stay).
    pub fn summary(&self) -> std::rc::Rc<summary::Summary> {
        self.summary.get(&self.observations)
    }

    /// Periods, sorted (`2019` < `2019-Q1` < `2020`).
    pub fn periods(&self) -> Vec<String> {
        self.summary().periods.clone()
    }

    /// Indicators in first-seen order (the overall index first when present).
    pub fn indicators(&self) -> Vec<String> {
        self.summary().indicators.clone()
    }

    pub fn groups(&self) -> Vec<String> {
        self.summary().groups.clone()
    }

    pub fn units(&self) -> Vec<String> {
        self.summary().units.clone()
    }

    /// The observations of one period and indicator, in file order.
    pub fn slice<'a>(&'a self, period: &str, indicator: &str) -> impl Iterator<Item = &'a Observation> + 'a {
        let s = self.summary();
        let rows: Vec<u32> = s.slice(period, indicator).to_vec();
        rows.into_iter().map(move |i| &self.observations[i as usize])
    }

    /// The most the indicator can score, where the file gives it.
    pub fn max_of(&self, indicator: &str) -> Option<f64> {
        self.max_possible.iter().find(|(i, _)| i == indicator).map(|(_, v)| *v)
    }

    /// The indicator's English name, where the file gives one.
    pub fn name_en(&self, indicator: &str) -> Option<&str> {
        self.names_en.iter().find(|(vi, _)| vi == indicator).map(|(_, en)| en.as_str())
    }

    /// The overall index of the data set: the generic [`OVERALL`], else the one named
    /// after an index ("PCI", "PAR INDEX"), else none.
    pub fn overall(&self) -> Option<String> {
        self.indicators().into_iter().next().filter(|i| is_overall(i))
    }

    pub fn is_lower_better(&self, indicator: &str) -> bool {
        self.lower_is_better.iter().any(|s| s == indicator)
    }
}

/// A target sheet ("chỉ tiêu"): one row per indicator with its target and actuals.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TargetSheet {
    pub name: String,
    pub source: String,
    pub targets: Vec<Target>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub indicator: String,
    /// The target as written (`Trên 80%`).
    pub text: String,
    pub op: TargetOp,
    /// The number the target resolves to (`Tăng 30% so với năm 2018 (120)` → 156).
    pub threshold: f64,
    /// Actual values by period, in the sheet's column order (`2023`, `2023-Q1`...).
    pub actuals: Vec<(String, Option<f64>)>,
}

impl Target {
    /// The most recent period with a value, and that value.
    pub fn latest(&self) -> Option<(&str, f64)> {
        let mut best: Option<(&str, f64)> = None;
        for (p, v) in &self.actuals {
            if let Some(v) = v {
                if best.is_none_or(|(bp, _)| p.as_str() >= bp) {
                    best = Some((p.as_str(), *v));
                }
            }
        }
        best
    }

    /// Whether the latest value meets the target; `None` without data.
    pub fn met(&self) -> Option<bool> {
        self.latest().map(|(_, v)| self.op.holds(v, self.threshold))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportStatus {
    Ok,
    Warning,
    Error,
}

impl ImportStatus {
    /// The value of the page hook `data-import-status`.
    pub fn as_str(self) -> &'static str {
        match self {
            ImportStatus::Ok => "ok",
            ImportStatus::Warning => "warning",
            ImportStatus::Error => "error",
        }
    }
}

/// What an import found, skipped, merged and doubted, for one file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportReport {
    pub file: String,
    pub status: ImportStatus,
    pub found: Vec<Finding>,
    pub skipped: Vec<Skip>,
    pub merges: Vec<(String, String)>,
    pub warnings: Vec<Warning>,
    pub error: Option<ReadError>,
    /// Where the file's non-empty cells went.
    #[serde(default)]
    pub cells: CellCounts,
}

impl ImportReport {
    pub fn new(file: &str) -> Self {
        ImportReport {
            file: file.to_string(),
            status: ImportStatus::Ok,
            found: Vec::new(),
            skipped: Vec::new(),
            merges: Vec::new(),
            warnings: Vec::new(),
            error: None,
            cells: CellCounts::default(),
        }
    }

    pub fn failed(file: &str, error: ReadError) -> Self {
        let mut r = Self::new(file);
        r.status = ImportStatus::Error;
        r.error = Some(error);
        r
    }

    /// The notes of its lists, in order: found, skipped, warnings (the error aside).
    pub fn notes(&self) -> impl Iterator<Item = Note<'_>> {
        let found = self.found.iter().map(Note::from);
        found.chain(self.skipped.iter().map(Note::from)).chain(self.warnings.iter().map(Note::from))
    }
}

/// Positions `0..keys.len()` grouped by key (each key below `count`), in their order within
/// a key: a counting sort, no comparisons. Key `k`'s positions are
/// `order[start[k]..start[k + 1]]`; returns `(start, order)`.
pub(crate) fn buckets(keys: &[u32], count: usize) -> (Vec<usize>, Vec<u32>) {
    let mut start = vec![0usize; count + 1];
    for &k in keys {
        start[k as usize + 1] += 1;
    }
    for i in 1..start.len() {
        start[i] += start[i - 1];
    }
    let mut order = vec![0u32; keys.len()];
    let mut fill = start.clone();
    for (i, &k) in keys.iter().enumerate() {
        order[fill[k as usize]] = i as u32;
        fill[k as usize] += 1;
    }
    (start, order)
}

/// Standard competition ranking (1, 2, 2, 4) of the observations at `members` by value,
/// higher first unless `lower` (lower is better); observations without a value get no
/// rank. The one ranking of the crate: the import's, the catalog's over joined files and
/// the regrouping's.
pub fn competition_rank(obs: &mut [Observation], members: &[u32], lower: bool) {
    let mut vals: Vec<(usize, f64)> =
        members.iter().filter_map(|&i| obs[i as usize].value.map(|v| (i as usize, v))).collect();
    vals.sort_by(|a, b| if lower { a.1.total_cmp(&b.1) } else { b.1.total_cmp(&a.1) });
    let mut rank = 0;
    for (pos, &(i, v)) in vals.iter().enumerate() {
        if pos == 0 || v != vals[pos - 1].1 {
            rank = pos as u32 + 1;
        }
        obs[i].rank = Some(rank);
    }
}

/// An observation with a value and no group or rank, for tests.
#[cfg(test)]
pub(crate) fn test_obs(unit: &str, period: &str, indicator: &str, value: f64) -> Observation {
    Observation {
        group: "".into(),
        unit: unit.into(),
        period: period.into(),
        indicator: indicator.into(),
        value: Some(value),
        rank: None,
    }
}

#[cfg(test)]
mod tests {
    use super::{Observation, Text};
    use std::mem::size_of;

    #[test]
    fn texts_and_observations_stay_small() {
        // A text is one pointer; an observation four of them, a value and a rank (56 bytes
        // natively, 40 in wasm32): 2.1 million of them make a commune-level data set.
        assert_eq!(size_of::<Text>(), size_of::<usize>());
        assert_eq!(size_of::<Observation>(), 4 * size_of::<usize>() + 24);
        let a = Text::from("Huế");
        assert_eq!(a.addr(), a.clone().addr());
        assert_ne!(a.addr(), Text::from("Huế").addr());
        assert_eq!(a, Text::from("Huế"));
    }
}
