//! The one reducer of the app: every change of state is an [`Action`] applied here.
//! Pure Rust (no yew, no web-sys), so it is tested natively.

use std::collections::HashMap;
use std::rc::Rc;

use chiso_core::analyse::regroup::{regroup, Derived};
use chiso_core::analyse::SortKey;
use chiso_core::link::{CodecError, Embedded, EmbeddedTargets, ViewState};
use chiso_core::model::map2025::{Map, Map2025};
use chiso_core::{Catalog, DataSet, ImportOptions, ImportOutcome, ImportReport, Lang};

/// The name under which data carried by a link is listed in the import report.
pub const LINK_FILE: &str = "(liên kết / link)";

pub use chiso_core::link::View;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct AppState {
    pub catalog: Rc<Catalog>,
    pub lang: Lang,
    /// What the view shows: the view, the data set and the choices on it.
    pub sel: Selection,
    /// The files being read, their bytes and corrections, and the link being restored.
    pub import: ImportBook,
    /// Worked out from the catalog and the selection, kept until their source changes.
    pub cache: Caches,
}

/// What the view shows: the view, the data set and the choices on it (all in the link).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    pub view: View,
    pub dataset: usize,
    pub period: Option<String>,
    pub indicator: Option<String>,
    pub group: Option<String>,
    pub my_unit: Option<String>,
    pub sort: SortKey,
    pub descending: bool,
    pub search: String,
    /// Units picked for comparison and trend; empty means "my unit and the leaders".
    pub selected: Vec<String>,
    pub target_sheet: usize,
    /// Pre-2025 province data shown regrouped onto the 34 provinces.
    pub regroup: bool,
}

/// The import's bookkeeping: files being read, their bytes and corrections, a link that
/// waits for its data.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportBook {
    /// Files being read, in the order they were dropped.
    pub loading: Rc<Vec<String>>,
    /// The bytes of each file read, kept so that a file can be read again with corrections.
    pub sources: Rc<HashMap<String, Rc<Vec<u8>>>>,
    /// The corrections the user gave for a file.
    pub options: Rc<HashMap<String, ImportOptions>>,
    /// A view from a link that waits for its data to be loaded.
    pub pending: Option<ViewState>,
    /// Why the address could not be read, if it could not.
    pub link_error: Option<CodecError>,
    /// The drop zone and import report shown in full once data is in (else one line).
    pub report_open: bool,
}

/// Values worked out from the catalog and the selection, kept until their source changes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Caches {
    /// Whether the chosen data set holds province data on the old map, worked out when the
    /// data set changes (not on every render): (the data set it is for, the answer).
    pub regroup_possible: Option<(ByPtr<DataSet>, bool)>,
    /// The current data set regrouped (while `regroup` is on): the data set it was made
    /// from, the result, and which values are means of former provinces.
    pub regrouped: Option<Regrouped>,
}

/// Does a data set hold province data on the old map: a period on the 63 and provinces
/// among its units (looked up once per unit of the set, not per observation)?
fn regroup_possible(d: &DataSet) -> bool {
    let m = Map2025::shared();
    m.maps(d).values().any(|map| *map == Map::P63) && d.summary().units.iter().any(|u| m.province_2025(u).is_some())
}

/// A data set regrouped onto the 34, kept until its source changes.
#[derive(Clone, Debug, PartialEq)]
pub struct Regrouped {
    pub source: ByPtr<DataSet>,
    pub data: Rc<DataSet>,
    pub derived: Rc<Vec<Derived>>,
}

/// A shared value compared by identity (for memo keys: a catalog is replaced, never
/// changed in place, when the state changes).
#[derive(Debug, Default)]
pub struct ByPtr<T>(pub Rc<T>);

impl<T> Clone for ByPtr<T> {
    fn clone(&self) -> Self {
        ByPtr(self.0.clone())
    }
}

impl<T> PartialEq for ByPtr<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The state as components receive it: equal only when it is the same state (a pointer
/// comparison; every change makes a new one), so that a view whose state did not change is
/// not rendered again and nothing compares whole catalogs.
#[derive(Clone, Debug, Default)]
pub struct Shared(pub Rc<AppState>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Shared {
    type Target = AppState;
    fn deref(&self) -> &AppState {
        &self.0
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Loading(String),
    Loaded(Box<ImportOutcome>),
    SetLang(Lang),
    SetDataset(usize),
    SetPeriod(String),
    SetIndicator(String),
    SetGroup(Option<String>),
    SetMyUnit(Option<String>),
    Sort(SortKey),
    Search(String),
    Source(String, Rc<Vec<u8>>),
    SetOptions(String, ImportOptions),
    /// Shows a spelling as a unit (itself, to undo a merge).
    SetUnit(String, String),
    ClearUnit(String),
    /// Joins two data sets shown (by their names) into one.
    JoinDatasets(String, String),
    /// Splits a data set shown (by its name) back into its files' data sets.
    SplitDataset(String),
    SetView(View),
    ToggleUnit(String),
    SetTargetSheet(usize),
    /// Shows pre-2025 province data regrouped onto the 34 provinces, or not.
    SetRegroup(bool),
    /// Opens or collapses the drop zone and the import report.
    SetReportOpen(bool),
    /// Shows the view a link describes (loading the data it carries, if any).
    Restore(Box<ViewState>),
    LinkError(CodecError),
}

impl AppState {
    pub fn apply(&mut self, action: Action) {
        self.apply_action(action);
        self.refresh_regrouped();
    }

    /// Regroups the current data set when the toggle is on and its source changed.
    fn refresh_regrouped(&mut self) {
        let source = self.catalog.datasets.get(self.sel.dataset).cloned();
        if let Some(d) = &source {
            if !self.cache.regroup_possible.as_ref().is_some_and(|(p, _)| Rc::ptr_eq(&p.0, d)) {
                self.cache.regroup_possible = Some((ByPtr(d.clone()), regroup_possible(d)));
            }
        }
        match (self.sel.regroup, source) {
            (true, Some(d)) => {
                if self.cache.regrouped.as_ref().is_some_and(|r| Rc::ptr_eq(&r.source.0, &d)) {
                    return;
                }
                let (data, derived) = regroup(&d, Map2025::shared());
                self.cache.regrouped =
                    Some(Regrouped { source: ByPtr(d), data: Rc::new(data), derived: Rc::new(derived) });
            }
            _ => self.cache.regrouped = None,
        }
    }

    /// Does the current data set hold province data on the old map (so that regrouping
    /// onto the 34 has something to do)?
    pub fn can_regroup(&self) -> bool {
        let Some(d) = self.catalog.datasets.get(self.sel.dataset) else { return false };
        match &self.cache.regroup_possible {
            Some((p, answer)) if Rc::ptr_eq(&p.0, d) => *answer,
            _ => regroup_possible(d),
        }
    }

    /// What a regrouped value was made from: (former provinces with a value, of how many).
    pub fn derived_of(&self, unit: &str, period: &str, indicator: &str) -> Option<(usize, usize)> {
        derived_of(&self.cache.regrouped.as_ref()?.derived, unit, period, indicator)
    }

    fn apply_action(&mut self, action: Action) {
        match action {
            Action::Loading(name) => {
                if !self.import.loading.contains(&name) {
                    Rc::make_mut(&mut self.import.loading).push(name);
                }
            }
            Action::Loaded(outcome) => {
                // A file that could not be read keeps the report open, so its reason is seen.
                if outcome.report.status == chiso_core::ImportStatus::Error {
                    self.import.report_open = true;
                }
                let file = outcome.report.file.clone();
                Rc::make_mut(&mut self.import.loading).retain(|n| *n != file);
                let had = self.catalog.datasets.len();
                Rc::make_mut(&mut self.catalog).add(*outcome);
                // A newly added data set becomes the one shown.
                if self.catalog.datasets.len() > had {
                    self.sel.dataset = had;
                    self.sel.period = None;
                    self.sel.indicator = None;
                    self.sel.group = None;
                }
                // A link waiting for this data can now be shown.
                if let Some(p) = self.import.pending.take() {
                    self.restore(p);
                }
            }
            Action::Restore(v) => {
                self.import.link_error = None;
                self.restore(*v);
            }
            Action::LinkError(e) => self.import.link_error = Some(e),
            Action::SetLang(l) => self.lang = l,
            Action::SetDataset(i) => {
                if i < self.catalog.datasets.len() {
                    self.sel.dataset = i;
                    self.sel.period = None;
                    self.sel.indicator = None;
                    self.sel.group = None;
                }
            }
            Action::SetPeriod(p) => self.sel.period = Some(p),
            Action::SetIndicator(i) => self.sel.indicator = Some(i),
            Action::SetGroup(g) => self.sel.group = g,
            Action::SetMyUnit(u) => self.sel.my_unit = u,
            Action::Sort(k) => {
                if self.sel.sort == k {
                    self.sel.descending = !self.sel.descending;
                } else {
                    self.sel.sort = k;
                    self.sel.descending = false;
                }
            }
            Action::Search(q) => self.sel.search = q,
            Action::Source(name, bytes) => {
                Rc::make_mut(&mut self.import.sources).insert(name, bytes);
            }
            Action::SetOptions(name, o) => {
                Rc::make_mut(&mut self.import.options).insert(name, o);
            }
            Action::SetUnit(spelling, unit) => Rc::make_mut(&mut self.catalog).set_unit(&spelling, &unit),
            Action::ClearUnit(spelling) => Rc::make_mut(&mut self.catalog).clear_unit(&spelling),
            Action::JoinDatasets(a, b) => self.keep_dataset(|c| c.join_datasets(&a, &b)),
            Action::SplitDataset(name) => self.keep_dataset(|c| c.split_dataset(&name)),
            Action::SetView(v) => self.sel.view = v,
            Action::ToggleUnit(u) => {
                if self.sel.selected.is_empty() {
                    self.sel.selected = self.chosen_units();
                }
                match self.sel.selected.iter().position(|x| *x == u) {
                    Some(i) => {
                        self.sel.selected.remove(i);
                    }
                    None => self.sel.selected.push(u),
                }
            }
            Action::SetTargetSheet(i) => self.sel.target_sheet = i,
            Action::SetRegroup(on) => self.sel.regroup = on,
            Action::SetReportOpen(open) => self.import.report_open = open,
        }
    }

    /// Where a data set is shown: the one of that name, else the one it was joined into.
    pub fn dataset_position(&self, name: &str) -> Option<usize> {
        let c = &self.catalog;
        c.datasets
            .iter()
            .position(|d| d.name == name)
            .or_else(|| c.parts.iter().position(|p| p.iter().any(|x| x == name)))
    }

    /// Changes the catalog's data sets, keeping the one shown (by its name: its place may
    /// change, or it may have been joined into another); else the first.
    fn keep_dataset(&mut self, change: impl FnOnce(&mut Catalog)) {
        let name = self.catalog.datasets.get(self.sel.dataset).map(|d| d.name.clone());
        change(Rc::make_mut(&mut self.catalog));
        match name.and_then(|n| self.dataset_position(&n)) {
            Some(i) => self.sel.dataset = i,
            None => {
                self.sel.dataset = 0;
                self.sel.period = None;
                self.sel.indicator = None;
                self.sel.group = None;
            }
        }
    }

    /// Applies a view from a link; without its data loaded, keeps it pending.
    fn restore(&mut self, v: ViewState) {
        if let Some(data) = &v.data {
            let datasets = if data.rows.is_empty() { Vec::new() } else { vec![data.to_dataset(LINK_FILE)] };
            let targets = data.targets.iter().map(|t| t.to_sheet(LINK_FILE)).collect();
            let outcome = ImportOutcome { datasets, targets, report: ImportReport::new(LINK_FILE) };
            Rc::make_mut(&mut self.catalog).add(outcome);
        }
        if let Some(l) = v.lang {
            self.lang = l;
        }
        // The link's joins and splits by hand, before its data set is looked for (it may
        // be one part of a split, or a join).
        if self.catalog.dataset_joins != v.join || self.catalog.dataset_splits != v.split {
            self.keep_dataset(|c| c.set_dataset_choices(v.join.clone(), v.split.clone()));
        }
        let found = v.ds.as_deref().and_then(|name| self.dataset_position(name));
        match (found, &v.ds) {
            (Some(i), _) => self.sel.dataset = i,
            (None, Some(_)) => {
                self.import.pending = Some(ViewState { data: None, ..v });
                return;
            }
            (None, None) => {}
        }
        if let Some(view) = v.view {
            self.sel.view = view;
        }
        self.sel.selected = v.units;
        self.sel.my_unit = v.my;
        self.sel.indicator = v.ind;
        self.sel.period = v.per;
        self.sel.group = v.grp;
        self.sel.sort = v.sort.unwrap_or_default();
        self.sel.descending = v.desc;
        self.sel.regroup = v.r34;
        if let Some(ts) = v.ts {
            self.sel.target_sheet = self.catalog.targets.iter().position(|t| t.name == ts).unwrap_or(0);
        }
    }

    /// The view as a link describes it; with `with_data`, the rows it needs go along.
    pub fn view_state(&self, with_data: bool) -> ViewState {
        let d = self.current();
        let mut v = ViewState {
            ds: d.map(|d| d.name.clone()),
            files: self.files_of_current(),
            view: Some(self.sel.view),
            units: self.sel.selected.clone(),
            my: self.sel.my_unit.clone(),
            ind: self.sel.indicator.clone(),
            per: self.sel.period.clone(),
            grp: self.sel.group.clone(),
            lang: Some(self.lang),
            sort: Some(self.sel.sort),
            desc: self.sel.descending,
            ts: self.catalog.targets.get(self.sel.target_sheet).map(|t| t.name.clone()),
            r34: self.sel.regroup,
            join: self.catalog.dataset_joins.clone(),
            split: self.catalog.dataset_splits.clone(),
            data: None,
        };
        if with_data {
            let period = self.current_period();
            let indicator = self.current_indicator();
            let previous = d.and_then(|d| {
                let ps = d.periods();
                let i = ps.iter().position(|p| Some(p) == period.as_ref())?;
                i.checked_sub(1).map(|j| ps[j].clone())
            });
            let mut e = match d {
                Some(d) => Embedded::from_dataset(d, |o| match self.sel.view {
                    View::Ranking => {
                        indicator.as_deref() == Some(&*o.indicator)
                            && (period.as_deref() == Some(&*o.period) || previous.as_deref() == Some(&*o.period))
                    }
                    View::Comparison => period.as_deref() == Some(&*o.period),
                    View::Trend => indicator.as_deref() == Some(&*o.indicator),
                    View::Targets => false,
                    // The brief: every indicator of the period shown and the one before.
                    View::Brief => period.as_deref() == Some(&*o.period) || previous.as_deref() == Some(&*o.period),
                }),
                None => Embedded::default(),
            };
            if self.sel.view == View::Targets {
                e.targets = self
                    .catalog
                    .targets
                    .get(self.sel.target_sheet)
                    .map(EmbeddedTargets::from_sheet)
                    .into_iter()
                    .collect();
            }
            v.data = Some(e);
        }
        v
    }

    /// The files the current data set was read from (each part's, for a join).
    fn files_of_current(&self) -> Vec<String> {
        let Some(parts) = self.catalog.parts.get(self.sel.dataset) else { return Vec::new() };
        self.catalog
            .files
            .iter()
            .filter(|f| f.datasets.iter().any(|x| parts.contains(&x.name)))
            .map(|f| f.report.file.clone())
            .collect()
    }

    /// The data set shown: the chosen one, regrouped onto the 34 when that is on.
    pub fn current(&self) -> Option<&DataSet> {
        self.current_rc().map(|d| &**d)
    }

    /// [`Self::current`] as the shared value (for memo keys).
    pub fn current_rc(&self) -> Option<&Rc<DataSet>> {
        match &self.cache.regrouped {
            Some(r) => Some(&r.data),
            None => self.catalog.datasets.get(self.sel.dataset),
        }
    }

    /// The chosen period, else the data set's latest.
    pub fn current_period(&self) -> Option<String> {
        let d = self.current()?;
        let periods = d.periods();
        match &self.sel.period {
            Some(p) if periods.contains(p) => Some(p.clone()),
            _ => periods.last().cloned(),
        }
    }

    /// Units for comparison and trend: the picked ones, else my unit and the top of the
    /// current ranking (five in all).
    pub fn chosen_units(&self) -> Vec<String> {
        let Some(d) = self.current() else { return Vec::new() };
        let (p, i) = (self.current_period(), self.current_indicator());
        let sel = &self.sel;
        chosen_units(d, &sel.selected, sel.my_unit.as_deref(), p.as_deref(), i.as_deref(), sel.group.as_deref())
    }

    /// An indicator's name as shown (see [`indicator_label`]).
    pub fn indicator_label(&self, name: &str) -> String {
        indicator_label(self.lang, self.current(), name)
    }

    /// Shown in full: before any data, while files are read, or when asked (or after an
    /// error); else collapsed to one line.
    pub fn import_open(&self) -> bool {
        let has_any = !self.catalog.datasets.is_empty() || !self.catalog.targets.is_empty();
        !has_any || !self.import.loading.is_empty() || self.import.report_open
    }

    /// The chosen indicator, else the overall index (or the first indicator).
    pub fn current_indicator(&self) -> Option<String> {
        let d = self.current()?;
        let all = d.indicators();
        match &self.sel.indicator {
            Some(i) if all.contains(i) => Some(i.clone()),
            _ => all.first().cloned(),
        }
    }
}

/// Units for comparison and trend: the picked ones (of `d`), else my unit and the top of
/// the ranking of `period` and `indicator` (five in all).
pub fn chosen_units(
    d: &DataSet,
    selected: &[String],
    my_unit: Option<&str>,
    period: Option<&str>,
    indicator: Option<&str>,
    group: Option<&str>,
) -> Vec<String> {
    let units = d.units();
    let picked: Vec<String> = selected.iter().filter(|u| units.contains(u)).cloned().collect();
    if !picked.is_empty() {
        return picked;
    }
    let mut out: Vec<String> =
        my_unit.iter().filter(|u| units.iter().any(|x| x == *u)).map(|u| u.to_string()).collect();
    if let (Some(p), Some(i)) = (period, indicator) {
        let view = chiso_core::analyse::ranking(d, p, i, group);
        for r in view.rows {
            if out.len() >= 5 {
                break;
            }
            if !out.iter().any(|u| *u == r.unit) {
                out.push(r.unit.to_string());
            }
        }
    }
    out
}

/// An indicator's name as shown: in English the file's English name where the data set
/// shown gives one (a bilingual header), else the name as written (the generic overall
/// translated).
pub fn indicator_label(lang: Lang, current: Option<&DataSet>, name: &str) -> String {
    let en = (lang == Lang::En).then(|| current.and_then(|d| d.name_en(name))).flatten();
    en.map_or_else(|| crate::ui::i18n::indicator_name(lang, name), str::to_string)
}

/// What a regrouped value was made from: (former provinces with a value, of how many).
pub fn derived_of(derived: &[Derived], unit: &str, period: &str, indicator: &str) -> Option<(usize, usize)> {
    derived
        .iter()
        .find(|x| x.unit == unit && x.period == period && x.indicator == indicator)
        .map(|x| (x.from.len(), x.of))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chiso_core::import_file;

    fn csv_outcome(name: &str, body: &str) -> ImportOutcome {
        import_file(body.as_bytes(), name)
    }

    #[test]
    fn a_failed_file_keeps_what_was_loaded() {
        let mut s = AppState::default();
        s.apply(Action::Loading("a.csv".into()));
        assert_eq!(*s.import.loading, vec!["a.csv".to_string()]);
        s.apply(Action::Loaded(Box::new(csv_outcome("a.csv", "Tỉnh,Điểm 2022\nHà Nội,85\nHuế,80\n"))));
        assert!(s.import.loading.is_empty());
        assert_eq!(s.catalog.datasets.len(), 1);
        s.apply(Action::Loaded(Box::new(import_file(b"\x00\x01garbage", "b.xlsx"))));
        assert_eq!(s.catalog.datasets.len(), 1);
        assert_eq!(s.catalog.reports.len(), 2);
        assert_eq!(s.current_period().as_deref(), Some("2022"));
        assert_eq!(s.current_indicator().as_deref(), Some(chiso_core::model::OVERALL));
    }

    #[test]
    fn merges_are_undone_through_the_reducer() {
        let mut s = AppState::default();
        s.apply(Action::Loaded(Box::new(csv_outcome("a.csv", "Tỉnh,Điểm 2022\nTP HCM,85\n"))));
        assert_eq!(s.current().unwrap().units(), vec!["TP. Hồ Chí Minh"]);
        s.apply(Action::SetUnit("TP HCM".into(), "TP HCM".into()));
        assert_eq!(s.current().unwrap().units(), vec!["TP HCM"]);
        s.apply(Action::ClearUnit("TP HCM".into()));
        assert_eq!(s.current().unwrap().units(), vec!["TP. Hồ Chí Minh"]);
    }

    #[test]
    fn units_for_comparison_default_to_my_unit_and_the_leaders() {
        let mut s = AppState::default();
        s.apply(Action::Loaded(Box::new(csv_outcome("a.csv", "Tỉnh,Điểm 2022\nHà Nội,85\nHuế,80\nHải Phòng,90\n"))));
        assert_eq!(s.chosen_units(), vec!["Hải Phòng", "Hà Nội", "Huế"]);
        s.apply(Action::SetMyUnit(Some("Huế".into())));
        assert_eq!(s.chosen_units()[0], "Huế");
        s.apply(Action::ToggleUnit("Hà Nội".into()));
        assert_eq!(s.chosen_units(), vec!["Huế", "Hải Phòng"]);
        s.apply(Action::SetView(View::Trend));
        assert_eq!(View::from_name("trend"), Some(View::Trend));
    }

    #[test]
    fn a_view_travels_through_a_link() {
        let mut a = AppState::default();
        a.apply(Action::Loaded(Box::new(csv_outcome("a.csv", "Tỉnh,Điểm 2021,Điểm 2022\nHà Nội,85,86\nHuế,80,88\n"))));
        a.apply(Action::SetView(View::Trend));
        a.apply(Action::SetMyUnit(Some("Hà Nội".into())));
        a.apply(Action::SetLang(Lang::En));
        let plain = chiso_core::link::encode(&a.view_state(false));
        let full = chiso_core::link::encode(&a.view_state(true));
        // Without data: the view waits for its file, then shows.
        let mut b = AppState::default();
        b.apply(Action::Restore(Box::new(chiso_core::link::decode(&plain).unwrap())));
        assert_eq!(b.import.pending.as_ref().map(|p| p.files.clone()), Some(vec!["a.csv".to_string()]));
        assert_eq!(b.lang, Lang::En);
        b.apply(Action::Loaded(Box::new(csv_outcome("a.csv", "Tỉnh,Điểm 2021,Điểm 2022\nHà Nội,85,86\nHuế,80,88\n"))));
        assert!(b.import.pending.is_none());
        assert_eq!((b.sel.view, b.sel.my_unit.as_deref()), (View::Trend, Some("Hà Nội")));
        assert_eq!(b.view_state(false), a.view_state(false));
        // With data: no file needed.
        let mut c = AppState::default();
        c.apply(Action::Restore(Box::new(chiso_core::link::decode(&full).unwrap())));
        assert_eq!(c.sel.view, View::Trend);
        assert_eq!(c.current().unwrap().units().len(), 2);
        assert_eq!(c.current().unwrap().observations.len(), 4);
    }

    const T24: &str = "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024 CỦA CÁC TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG";
    const T25: &str = "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA 34 TỈNH, THÀNH PHỐ";

    /// A release of one year: a title row, then provinces and scores.
    fn release(title: &str, file: &str, base: f64) -> ImportOutcome {
        let mut body = format!("\"{title}\"\n\nTỉnh,Điểm\n");
        for (k, u) in ["Hà Nội", "Hải Phòng", "Bắc Ninh"].iter().enumerate() {
            body += &format!("{u},{}\n", base + k as f64);
        }
        csv_outcome(file, &body)
    }

    fn names(s: &AppState) -> Vec<String> {
        s.catalog.datasets.iter().map(|d| d.name.clone()).collect()
    }

    /// Two releases of one index join by themselves; split and joined again by hand through
    /// the reducer, the data set shown stays the one chosen (by its name).
    #[test]
    fn data_sets_split_and_join_through_the_reducer() {
        let mut s = AppState::default();
        s.apply(Action::Loaded(Box::new(csv_outcome("x.csv", "Đơn vị,Điểm 2022\nSở Y tế,80\n"))));
        s.apply(Action::Loaded(Box::new(release(T24, "par-2024.csv", 80.0))));
        s.apply(Action::Loaded(Box::new(release(T25, "par-2025.csv", 85.0))));
        assert_eq!(s.catalog.datasets.len(), 2, "{:?}", names(&s));
        assert_eq!(s.sel.dataset, 1);
        assert!(s.catalog.is_joined(1));
        assert_eq!(s.current().unwrap().periods(), ["2024", "2025"]);
        s.apply(Action::SetPeriod("2024".into()));
        let joined = s.catalog.datasets[1].name.clone();
        s.apply(Action::SplitDataset(joined.clone()));
        assert_eq!(s.catalog.datasets.len(), 3, "{:?}", names(&s));
        // The data set shown is the part that kept the name, its period kept.
        assert_eq!(s.current().unwrap().name, joined);
        assert_eq!(s.current_period().as_deref(), Some("2024"));
        // Joined again by hand, from the other part shown.
        let other = s.catalog.datasets.iter().find(|d| d.name != joined && d.name != "x").unwrap().name.clone();
        s.apply(Action::SetDataset(s.dataset_position(&other).unwrap()));
        s.apply(Action::JoinDatasets(other.clone(), joined.clone()));
        assert_eq!(s.catalog.datasets.len(), 2);
        assert_eq!(s.dataset_position(&other), Some(1));
        assert_eq!(s.sel.dataset, 1, "the part shown is now in the join");
        assert!(s.catalog.is_joined(1));
        // Joining a data set with itself or an unknown name changes nothing shown.
        s.apply(Action::JoinDatasets(joined.clone(), joined.clone()));
        s.apply(Action::SplitDataset("no such data set".into()));
        assert_eq!((s.catalog.datasets.len(), s.sel.dataset), (2, 1));
    }

    /// The address keeps a split: opened with the files dropped again, the page shows the
    /// data sets apart and the part that was shown; a link without joins opens as before.
    #[test]
    fn a_split_travels_through_a_link() {
        let mut a = AppState::default();
        a.apply(Action::Loaded(Box::new(release(T24, "par-2024.csv", 80.0))));
        a.apply(Action::Loaded(Box::new(release(T25, "par-2025.csv", 85.0))));
        assert_eq!(a.catalog.datasets.len(), 1);
        let v = a.view_state(false);
        assert_eq!(v.files, vec!["par-2024.csv".to_string(), "par-2025.csv".to_string()]);
        assert!(v.join.is_empty() && v.split.is_empty());
        let joined = a.catalog.datasets[0].name.clone();
        a.apply(Action::SplitDataset(joined));
        a.apply(Action::SetDataset(1));
        let v = a.view_state(false);
        assert_eq!(v.split.len(), 2);
        assert_eq!(v.files, vec!["par-2025.csv".to_string()]);
        let link = chiso_core::link::encode(&v);
        // In a fresh page: the view waits for the part it shows.
        let mut b = AppState::default();
        b.apply(Action::Restore(Box::new(chiso_core::link::decode(&link).unwrap())));
        assert!(b.import.pending.is_some());
        b.apply(Action::Loaded(Box::new(release(T24, "par-2024.csv", 80.0))));
        assert!(b.import.pending.is_some());
        b.apply(Action::Loaded(Box::new(release(T25, "par-2025.csv", 85.0))));
        assert!(b.import.pending.is_none());
        assert_eq!(b.catalog.datasets.len(), 2, "{:?}", names(&b));
        assert_eq!(b.current().map(|d| d.name.clone()), a.current().map(|d| d.name.clone()));
        // Joined by hand, the join travels too; back to the earlier address, split again.
        let (x, y) = (a.catalog.datasets[0].name.clone(), a.catalog.datasets[1].name.clone());
        a.apply(Action::JoinDatasets(x, y));
        assert_eq!(a.catalog.datasets.len(), 1);
        let joined_link = a.view_state(false);
        assert_eq!(joined_link.join.len(), 1);
        b.apply(Action::Restore(Box::new(joined_link)));
        assert_eq!(b.catalog.datasets.len(), 1);
        assert!(b.import.pending.is_none());
        b.apply(Action::Restore(Box::new(chiso_core::link::decode(&link).unwrap())));
        assert_eq!(b.catalog.datasets.len(), 2);
        // An address with no choices by hand undoes them.
        b.apply(Action::Restore(Box::default()));
        assert_eq!(b.catalog.datasets.len(), 1);
    }

    #[test]
    fn sorting_toggles_direction() {
        let mut s = AppState::default();
        s.apply(Action::Sort(SortKey::Value));
        assert_eq!((s.sel.sort, s.sel.descending), (SortKey::Value, false));
        s.apply(Action::Sort(SortKey::Value));
        assert!(s.sel.descending);
        s.apply(Action::Sort(SortKey::Unit));
        assert_eq!((s.sel.sort, s.sel.descending), (SortKey::Unit, false));
    }
}
