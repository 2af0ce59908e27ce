//! Everything loaded in a session: each file's outcome as read, the user's corrections of
//! unit names, and what follows from them: data sets (one name per unit across files),
//! target sheets and reports. The derived parts are rebuilt whenever an input changes.

use std::collections::HashMap;

use rustc_hash::FxHashMap;
use std::rc::Rc;

use crate::import::{dedupe, fill_ranks, ImportOutcome};
use crate::model::{DataSet, ImportReport, TargetSheet, Text};
use crate::text::clean;
use crate::text::units::{unit_key, Registry};

/// One file as read: its data sets (shared, never copied: a catalog is cloned on every
/// change of the app's state), target sheets and report.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedFile {
    pub datasets: Vec<Rc<DataSet>>,
    pub targets: Vec<TargetSheet>,
    pub report: ImportReport,
}

impl From<ImportOutcome> for LoadedFile {
    fn from(o: ImportOutcome) -> Self {
        LoadedFile { datasets: o.datasets.into_iter().map(Rc::new).collect(), targets: o.targets, report: o.report }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Catalog {
    /// Each file's outcome as read (units in the file's own spelling), in loading order.
    pub files: Vec<LoadedFile>,
    /// Corrections by hand: a spelling → the unit it names. A spelling mapped to itself
    /// undoes an automatic merge.
    pub unit_overrides: Vec<(String, String)>,
    /// Data sets as shown: a file's data set as read when no other file adds to it and no
    /// unit in it is renamed (the same allocation), else a merged and renamed copy.
    pub datasets: Vec<Rc<DataSet>>,
    pub targets: Vec<TargetSheet>,
    pub reports: Vec<ImportReport>,
}

impl Catalog {
    /// Adds a file's outcome, replacing an earlier reading of the same file. A failed file
    /// adds only its report: what was loaded stays.
    pub fn add(&mut self, outcome: ImportOutcome) {
        let file = outcome.report.file.clone();
        let failed = outcome.datasets.is_empty() && outcome.targets.is_empty();
        match self.files.iter().position(|f| f.report.file == file) {
            // A failed re-read keeps the earlier data of that file, with the new report.
            Some(i) if failed => self.files[i].report = outcome.report,
            Some(i) => self.files[i] = outcome.into(),
            None => self.files.push(outcome.into()),
        }
        self.rebuild();
    }

    /// Maps a spelling to a unit by hand (or to itself, to undo a merge).
    pub fn set_unit(&mut self, spelling: &str, unit: &str) {
        let spelling = clean(spelling);
        self.unit_overrides.retain(|(s, _)| *s != spelling);
        self.unit_overrides.push((spelling, clean(unit)));
        self.rebuild();
    }

    /// Forgets a correction by hand.
    pub fn clear_unit(&mut self, spelling: &str) {
        self.unit_overrides.retain(|(s, _)| s != spelling);
        self.rebuild();
    }

    /// Every spelling seen in the files and the unit it is shown as now.
    pub fn spellings(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let names = self.resolver();
        // Each data set's units, not its observations (a commune set has 200 per unit).
        for d in self.files.iter().flat_map(|f| &f.datasets) {
            for u in &d.summary().units {
                if seen.insert(u.clone()) {
                    out.push((u.clone(), names(u)));
                }
            }
        }
        out
    }

    /// The unit a spelling stands for: a correction by hand, else a province of the
    /// registry, else the first spelling loaded with the same key.
    fn resolver(&self) -> impl Fn(&str) -> String + '_ {
        let registry = Registry::default();
        let mut first: FxHashMap<String, String> = FxHashMap::default();
        // Each spelling's key, worked out once (it folds the letters: the costly part).
        let mut keys: FxHashMap<String, String> = FxHashMap::default();
        for d in self.files.iter().flat_map(|f| &f.datasets) {
            // Once per distinct spelling, in loading order (a data set's units are summed
            // up once and kept with it).
            let summary = d.summary();
            for (u, key) in summary.units.iter().zip(summary.unit_keys()) {
                if keys.contains_key(u) {
                    continue;
                }
                let key = key.clone();
                if !self.unit_overrides.iter().any(|(s, _)| s == u) {
                    first.entry(key.clone()).or_insert_with(|| registry.canonical_keyed(u, &key));
                }
                keys.insert(u.clone(), key);
            }
        }
        move |spelling: &str| {
            if let Some((_, u)) = self.unit_overrides.iter().find(|(s, _)| s == spelling) {
                return u.clone();
            }
            let key = keys.get(spelling).cloned().unwrap_or_else(|| unit_key(spelling));
            first.get(&key).cloned().unwrap_or_else(|| registry.canonical_keyed(spelling, &key))
        }
    }

    fn rebuild(&mut self) {
        let (datasets, targets, reports) = self.derive();
        self.datasets = datasets;
        self.targets = targets;
        self.reports = reports;
    }

    /// Data sets, target sheets and reports from the files and the corrections.
    fn derive(&self) -> (Vec<Rc<DataSet>>, Vec<TargetSheet>, Vec<ImportReport>) {
        let resolve = self.resolver();
        // One look-up per distinct spelling, not per observation.
        let mut memo: FxHashMap<String, String> = FxHashMap::default();
        let mut names = |s: &str| -> String {
            if let Some(u) = memo.get(s) {
                return u.clone();
            }
            let u = resolve(s);
            memo.insert(s.to_string(), u.clone());
            u
        };
        // How many files' data sets go into each data set shown.
        let mut parts: HashMap<&str, usize> = HashMap::new();
        for d in self.files.iter().flat_map(|f| &f.datasets) {
            *parts.entry(d.name.as_str()).or_default() += 1;
        }
        let mut datasets: Vec<Rc<DataSet>> = Vec::new();
        // Data sets built here (merged or renamed), which need deduplication and ranks.
        let mut built: Vec<bool> = Vec::new();
        let mut reports = Vec::new();
        let mut targets: Vec<TargetSheet> = Vec::new();
        for f in &self.files {
            let mut report = f.report.clone();
            report.merges.clear();
            for d in &f.datasets {
                // Once per unit of the set, not per observation.
                let renamed = d.summary().units.iter().any(|u| names(u) != *u);
                if !renamed && parts.get(d.name.as_str()) == Some(&1) {
                    datasets.push(Rc::clone(d));
                    built.push(false);
                    continue;
                }
                let mut d = DataSet::clone(d);
                // Once per text object (observations share them): its new name, if any.
                // The map holds the old text, so no address is reused while it runs.
                let mut renamed: FxHashMap<usize, (Text, Option<Text>)> = FxHashMap::default();
                for o in &mut d.observations {
                    let (_, new) = renamed.entry(o.unit.addr()).or_insert_with(|| {
                        let unit = names(&o.unit);
                        (o.unit.clone(), (unit != o.unit).then(|| Text::from(unit)))
                    });
                    if let Some(new) = new {
                        let pair = (o.unit.to_string(), new.to_string());
                        if !report.merges.contains(&pair) {
                            report.merges.push(pair);
                        }
                        o.unit = new.clone();
                    }
                }
                match datasets.iter().position(|e| e.name == d.name) {
                    Some(i) => {
                        let existing = Rc::make_mut(&mut datasets[i]);
                        existing.observations.extend(d.observations);
                        for l in d.lower_is_better {
                            if !existing.lower_is_better.contains(&l) {
                                existing.lower_is_better.push(l);
                            }
                        }
                        for (vi, en) in d.names_en {
                            if !existing.names_en.iter().any(|(v, _)| *v == vi) {
                                existing.names_en.push((vi, en));
                            }
                        }
                        for (i, v) in d.max_possible {
                            if !existing.max_possible.iter().any(|(x, _)| *x == i) {
                                existing.max_possible.push((i, v));
                            }
                        }
                        built[i] = true;
                    }
                    None => {
                        datasets.push(Rc::new(d));
                        built.push(true);
                    }
                }
            }
            for t in &f.targets {
                targets.retain(|e| e.name != t.name);
                targets.push(t.clone());
            }
            reports.push(report);
        }
        for (d, built) in datasets.iter_mut().zip(built) {
            if built {
                let d = Rc::make_mut(d);
                dedupe(d);
                // Ranks given by a file stay; ranks computed are computed again over the merge.
                fill_ranks(d);
            }
        }
        (datasets, targets, reports)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import_file;

    fn units(c: &Catalog) -> Vec<String> {
        let mut u: Vec<String> = c.datasets.iter().flat_map(|d| d.units()).collect();
        u.sort();
        u.dedup();
        u
    }

    #[test]
    fn merges_can_be_undone_and_made_by_hand() {
        let mut c = Catalog::default();
        c.add(import_file("Đơn vị,Điểm 2022\nTP HCM,80\nUBND huyện A,70\nHuyện A,71\n".as_bytes(), "a.csv"));
        assert_eq!(units(&c), vec!["Huyện A", "TP. Hồ Chí Minh", "UBND huyện A"]);
        assert!(c.reports[0].merges.contains(&("TP HCM".into(), "TP. Hồ Chí Minh".into())));
        // Undo the automatic merge.
        c.set_unit("TP HCM", "TP HCM");
        assert_eq!(units(&c), vec!["Huyện A", "TP HCM", "UBND huyện A"]);
        assert!(c.reports[0].merges.is_empty());
        // Map one by hand.
        c.set_unit("UBND huyện A", "Huyện A");
        assert_eq!(units(&c), vec!["Huyện A", "TP HCM"]);
        c.clear_unit("TP HCM");
        assert_eq!(units(&c), vec!["Huyện A", "TP. Hồ Chí Minh"]);
    }

    #[test]
    fn rereading_a_file_replaces_its_data_and_a_failure_keeps_it() {
        let mut c = Catalog::default();
        c.add(import_file("Tỉnh,Điểm 2022\nHà Nội,80\n".as_bytes(), "a.csv"));
        c.add(import_file("Tỉnh,Điểm 2022\nHà Nội,81\n".as_bytes(), "a.csv"));
        assert_eq!(c.datasets[0].observations.len(), 1);
        assert_eq!(c.datasets[0].observations[0].value, Some(81.0));
        c.add(import_file(b"\x00garbage", "a.csv"));
        assert_eq!(c.datasets[0].observations[0].value, Some(81.0));
        assert_eq!(c.reports.len(), 1);
        assert_eq!(c.reports[0].status, crate::ImportStatus::Error);
    }

    #[test]
    fn a_data_set_alone_and_unrenamed_is_shared_as_read() {
        let mut c = Catalog::default();
        // Provinces already canonical (the sample's 2025 sheet writes official forms, so a
        // file of canonical names stands in for it).
        let canonical = "Tỉnh,Điểm 2021,Điểm 2022\nHà Nội,81,82\nHải Phòng,70,75\nThừa Thiên Huế,79,80\n";
        c.add(import_file(canonical.as_bytes(), "canonical.csv"));
        c.add(import_file("Đơn vị,Điểm 2022\nTP HCM,80\nSở Y tế,70\n".as_bytes(), "x.csv"));
        // The provinces are already canonical: the data set is the file's own.
        assert!(Rc::ptr_eq(&c.datasets[0], &c.files[0].datasets[0]));
        // What sharing skips (deduplication, ranks) would change nothing.
        let mut again = DataSet::clone(&c.datasets[0]);
        dedupe(&mut again);
        fill_ranks(&mut again);
        assert_eq!(again, *c.datasets[0]);
        // A file with a merged spelling gets its own renamed copy.
        assert!(!Rc::ptr_eq(&c.datasets[1], &c.files[1].datasets[0]));
        assert_eq!(c.datasets[1].units(), vec!["TP. Hồ Chí Minh", "Sở Y tế"]);
        // A cloned catalog shares its data sets.
        let copy = c.clone();
        assert!(Rc::ptr_eq(&copy.datasets[0], &c.datasets[0]));
    }

    #[test]
    fn spellings_reconcile_across_files() {
        let mut c = Catalog::default();
        c.add(import_file("Đơn vị,Điểm 2021\nSở  Y tế,80\n".as_bytes(), "x.csv"));
        c.add(import_file("Đơn vị,Điểm 2022\nsở y tế,81\n".as_bytes(), "x2.csv"));
        assert_eq!(units(&c), vec!["Sở Y tế"]);
        assert!(c.reports[1].merges.contains(&("sở y tế".into(), "Sở Y tế".into())));
    }
}
