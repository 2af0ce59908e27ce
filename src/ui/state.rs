//! The one reducer of the app: every change of state is an [`Action`] applied here.
//! Pure Rust (no yew, no web-sys), so it is tested natively.

use std::collections::HashMap;
use std::rc::Rc;

use crate::core::analyse::SortKey;
use crate::core::{Catalog, DataSet, ImportOptions, ImportOutcome, Lang};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Ranking,
}

impl View {
    pub fn name(self) -> &'static str {
        match self {
            View::Ranking => "ranking",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct AppState {
    pub catalog: Rc<Catalog>,
    /// Files being read, in the order they were dropped.
    pub loading: Vec<String>,
    pub lang: Lang,
    pub view: View,
    pub dataset: usize,
    pub period: Option<String>,
    pub indicator: Option<String>,
    pub group: Option<String>,
    pub my_unit: Option<String>,
    pub sort: SortKey,
    pub descending: bool,
    pub search: String,
    /// The bytes of each file read, kept so that a file can be read again with corrections.
    pub sources: Rc<HashMap<String, Rc<Vec<u8>>>>,
    /// The corrections the user gave for a file.
    pub options: HashMap<String, ImportOptions>,
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
}

impl AppState {
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Loading(name) => {
                if !self.loading.contains(&name) {
                    self.loading.push(name);
                }
            }
            Action::Loaded(outcome) => {
                let file = outcome.report.file.clone();
                self.loading.retain(|n| *n != file);
                let had = self.catalog.datasets.len();
                Rc::make_mut(&mut self.catalog).add(*outcome);
                // A newly added data set becomes the one shown.
                if self.catalog.datasets.len() > had {
                    self.dataset = had;
                    self.period = None;
                    self.indicator = None;
                    self.group = None;
                }
            }
            Action::SetLang(l) => self.lang = l,
            Action::SetDataset(i) => {
                if i < self.catalog.datasets.len() {
                    self.dataset = i;
                    self.period = None;
                    self.indicator = None;
                    self.group = None;
                }
            }
            Action::SetPeriod(p) => self.period = Some(p),
            Action::SetIndicator(i) => self.indicator = Some(i),
            Action::SetGroup(g) => self.group = g,
            Action::SetMyUnit(u) => self.my_unit = u,
            Action::Sort(k) => {
                if self.sort == k {
                    self.descending = !self.descending;
                } else {
                    self.sort = k;
                    self.descending = false;
                }
            }
            Action::Search(q) => self.search = q,
            Action::Source(name, bytes) => {
                Rc::make_mut(&mut self.sources).insert(name, bytes);
            }
            Action::SetOptions(name, o) => {
                self.options.insert(name, o);
            }
            Action::SetUnit(spelling, unit) => Rc::make_mut(&mut self.catalog).set_unit(&spelling, &unit),
            Action::ClearUnit(spelling) => Rc::make_mut(&mut self.catalog).clear_unit(&spelling),
        }
    }

    pub fn current(&self) -> Option<&DataSet> {
        self.catalog.datasets.get(self.dataset)
    }

    /// The chosen period, else the data set's latest.
    pub fn current_period(&self) -> Option<String> {
        let d = self.current()?;
        let periods = d.periods();
        match &self.period {
            Some(p) if periods.contains(p) => Some(p.clone()),
            _ => periods.last().cloned(),
        }
    }

    /// The chosen indicator, else the overall index (or the first indicator).
    pub fn current_indicator(&self) -> Option<String> {
        let d = self.current()?;
        let all = d.indicators();
        match &self.indicator {
            Some(i) if all.contains(i) => Some(i.clone()),
            _ => all.first().cloned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::import_file;

    fn csv_outcome(name: &str, body: &str) -> ImportOutcome {
        import_file(body.as_bytes(), name)
    }

    #[test]
    fn a_failed_file_keeps_what_was_loaded() {
        let mut s = AppState::default();
        s.apply(Action::Loading("a.csv".into()));
        assert_eq!(s.loading, vec!["a.csv".to_string()]);
        s.apply(Action::Loaded(Box::new(csv_outcome("a.csv", "Tỉnh,Điểm 2022\nHà Nội,85\nHuế,80\n"))));
        assert!(s.loading.is_empty());
        assert_eq!(s.catalog.datasets.len(), 1);
        s.apply(Action::Loaded(Box::new(import_file(b"\x00\x01garbage", "b.xlsx"))));
        assert_eq!(s.catalog.datasets.len(), 1);
        assert_eq!(s.catalog.reports.len(), 2);
        assert_eq!(s.current_period().as_deref(), Some("2022"));
        assert_eq!(s.current_indicator().as_deref(), Some(crate::core::model::OVERALL));
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
    fn sorting_toggles_direction() {
        let mut s = AppState::default();
        s.apply(Action::Sort(SortKey::Value));
        assert_eq!((s.sort, s.descending), (SortKey::Value, false));
        s.apply(Action::Sort(SortKey::Value));
        assert!(s.descending);
        s.apply(Action::Sort(SortKey::Unit));
        assert_eq!((s.sort, s.descending), (SortKey::Unit, false));
    }
}
