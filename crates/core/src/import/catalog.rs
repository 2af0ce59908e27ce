//! Everything loaded in a session: each file's outcome as read, the user's corrections of
//! unit names, and what follows from them: data sets (one name per unit across files),
//! target sheets and reports. The derived parts are rebuilt whenever an input changes.

use std::collections::HashMap;

use rustc_hash::FxHashMap;
use std::rc::Rc;

use crate::import::ImportOutcome;
use crate::model::messages::{Finding, JoinWhy, Warning};
use crate::model::{DataSet, ImportReport, SliceKey, TargetSheet, Text, OVERALL};
use crate::text::units::{unit_key, Registry};
use crate::text::{clean, fold};

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
    /// Data sets joined by hand: pairs of names of data sets shown.
    pub dataset_joins: Vec<(String, String)>,
    /// Names of the files' data sets split by hand: never joined again automatically.
    pub dataset_splits: Vec<String>,
    /// For each data set shown, the names of the files' data sets it holds.
    pub parts: Vec<Vec<String>>,
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
        let registry = Registry::shared();
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
        let (datasets, targets, reports, parts) = self.derive();
        self.parts = parts;
        self.datasets = datasets;
        self.targets = targets;
        self.reports = reports;
    }

    /// Joins two data sets shown (by their names) into one.
    pub fn join_datasets(&mut self, a: &str, b: &str) {
        if a != b && !self.dataset_joins.iter().any(|(x, y)| (x == a && y == b) || (x == b && y == a)) {
            self.dataset_joins.push((a.to_string(), b.to_string()));
        }
        self.rebuild();
    }

    /// Splits a data set shown back into the data sets of its files (by their names): none
    /// of them is joined again automatically.
    pub fn split_dataset(&mut self, name: &str) {
        let Some(i) = self.datasets.iter().position(|d| d.name == name) else { return };
        let parts = self.parts[i].clone();
        self.dataset_joins.retain(|(a, b)| !(parts.contains(a) && parts.contains(b)));
        for p in parts {
            if !self.dataset_splits.contains(&p) {
                self.dataset_splits.push(p);
            }
        }
        self.rebuild();
    }

    /// Whether the data set shown at `i` was joined from data sets of different names.
    pub fn is_joined(&self, i: usize) -> bool {
        self.parts.get(i).is_some_and(|p| p.len() > 1)
    }

    /// Sets the joins and splits by hand at once (a link's), rebuilding only if they change.
    pub fn set_dataset_choices(&mut self, joins: Vec<(String, String)>, splits: Vec<String>) {
        if self.dataset_joins != joins || self.dataset_splits != splits {
            self.dataset_joins = joins;
            self.dataset_splits = splits;
            self.rebuild();
        }
    }

    /// Which data sets of the files go together: each file's data set (in loading order)
    /// with the number of the data set shown, and why it joined an earlier one.
    fn groups(&self) -> Vec<(usize, Option<JoinWhy>)> {
        let all: Vec<(usize, &DataSet)> =
            self.files.iter().enumerate().flat_map(|(f, file)| file.datasets.iter().map(move |d| (f, &**d))).collect();
        let keys: Vec<(String, Option<String>)> =
            all.iter().map(|(_, d)| (release_key(&d.name), named_overall(d))).collect();
        let mut group: Vec<usize> = Vec::with_capacity(all.len());
        let mut why: Vec<Option<JoinWhy>> = Vec::with_capacity(all.len());
        for j in 0..all.len() {
            let (fj, dj) = all[j];
            let mut found = None;
            for i in 0..j {
                let (fi, di) = all[i];
                let by_hand = self
                    .dataset_joins
                    .iter()
                    .any(|(a, b)| (*a == di.name && *b == dj.name) || (*b == di.name && *a == dj.name));
                let apart = self.dataset_splits.contains(&di.name) || self.dataset_splits.contains(&dj.name);
                let w = if di.name == dj.name {
                    None
                } else if by_hand {
                    Some(JoinWhy::ByHand)
                } else if fi != fj && !apart && !keys[i].0.is_empty() && keys[i].0 == keys[j].0 {
                    Some(JoinWhy::Release)
                } else {
                    continue;
                };
                found = Some((group[i], w));
                break;
            }
            match found {
                Some((g, w)) => {
                    group.push(g);
                    why.push(w);
                }
                None => {
                    group.push(group.iter().max().map_or(0, |m| m + 1));
                    why.push(None);
                }
            }
        }
        group.into_iter().zip(why).collect()
    }

    /// Data sets, target sheets and reports from the files and the corrections.
    #[allow(clippy::type_complexity)]
    fn derive(&self) -> (Vec<Rc<DataSet>>, Vec<TargetSheet>, Vec<ImportReport>, Vec<Vec<String>>) {
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
        let groups = self.groups();
        // How many files' data sets go into each data set shown.
        let mut members: HashMap<usize, usize> = HashMap::new();
        for (g, _) in &groups {
            *members.entry(*g).or_default() += 1;
        }
        let mut datasets: Vec<Rc<DataSet>> = Vec::new();
        let mut group_of: Vec<usize> = Vec::new();
        let mut parts: Vec<Vec<String>> = Vec::new();
        // Data sets built here (merged or renamed), which need deduplication and ranks,
        // and the report of the last file that added to each.
        let mut built: Vec<bool> = Vec::new();
        let mut last_report: Vec<usize> = Vec::new();
        let mut reports = Vec::new();
        let mut targets: Vec<TargetSheet> = Vec::new();
        let mut next = groups.iter();
        for f in &self.files {
            let mut report = f.report.clone();
            report.merges.clear();
            for d in &f.datasets {
                let (g, why) = next.next().copied().unwrap_or_default();
                // Once per unit of the set, not per observation.
                let renamed = d.summary().units.iter().any(|u| names(u) != *u);
                if !renamed && members.get(&g) == Some(&1) {
                    datasets.push(Rc::clone(d));
                    group_of.push(g);
                    parts.push(vec![d.name.clone()]);
                    built.push(false);
                    last_report.push(reports.len());
                    continue;
                }
                let mut d = DataSet::clone(d);
                rename_units(&mut d, &mut names, &mut report.merges);
                match group_of.iter().position(|e| *e == g) {
                    Some(i) => {
                        if let Some(why) = why {
                            let into = datasets[i].name.clone();
                            report.found.push(Finding::Joined { name: d.name.clone(), into, why });
                        }
                        if !parts[i].contains(&d.name) {
                            parts[i].push(d.name.clone());
                        }
                        Rc::make_mut(&mut datasets[i]).absorb(d);
                        built[i] = true;
                        last_report[i] = reports.len();
                    }
                    None => {
                        parts.push(vec![d.name.clone()]);
                        datasets.push(Rc::new(d));
                        group_of.push(g);
                        built.push(true);
                        last_report.push(reports.len());
                    }
                }
            }
            for t in &f.targets {
                targets.retain(|e| e.name != t.name);
                targets.push(t.clone());
            }
            reports.push(report);
        }
        for ((d, built), last) in datasets.iter_mut().zip(built).zip(last_report) {
            if built {
                let d = Rc::make_mut(d);
                d.dedupe();
                // Ranks given by a file stay; ranks computed are computed again over the join.
                rerank(d);
                for (_, period, indicator) in rank_conflicts(d) {
                    let note = Warning::RankConflict { dataset: d.name.clone(), period, indicator };
                    reports[last].warnings.push(note);
                    reports[last].status = crate::ImportStatus::Warning;
                }
            }
        }
        (datasets, targets, reports, parts)
    }
}

/// Units renamed to the unit each spelling stands for; the renames listed in `merges`.
fn rename_units(d: &mut DataSet, names: &mut impl FnMut(&str) -> String, merges: &mut Vec<(String, String)>) {
    // Once per text object (observations share them): its new name, if any. The map holds
    // the old text, so no address is reused while it runs.
    let mut renamed: FxHashMap<usize, (Text, Option<Text>)> = FxHashMap::default();
    for o in &mut d.observations {
        let (_, new) = renamed.entry(o.unit.addr()).or_insert_with(|| {
            let unit = names(&o.unit);
            (o.unit.clone(), (unit != o.unit).then(|| Text::from(unit)))
        });
        if let Some(new) = new {
            let pair = (o.unit.to_string(), new.to_string());
            if !merges.contains(&pair) {
                merges.push(pair);
            }
            o.unit = new.clone();
        }
    }
}

/// Ranks of slices the files do not rank are forgotten, to be computed over the whole join.
pub fn clear_computed_ranks(d: &mut DataSet) {
    if d.given_ranks.is_empty() {
        d.observations.iter_mut().for_each(|o| o.rank = None);
        return;
    }
    let given: std::collections::HashSet<(&str, &str, &str)> =
        d.given_ranks.iter().map(|(g, p, i)| (g.as_str(), p.as_str(), i.as_str())).collect();
    let mut clear = Vec::new();
    for (k, o) in d.observations.iter().enumerate() {
        if o.rank.is_some() && !given.contains(&(o.group.as_str(), o.period.as_str(), o.indicator.as_str())) {
            clear.push(k);
        }
    }
    for k in clear {
        d.observations[k].rank = None;
    }
}

/// Ranks computed again: the file's ranks kept, every other slice ranked over all its
/// observations (a data set joined from several files, renamed, or deduplicated).
pub fn rerank(d: &mut DataSet) {
    clear_computed_ranks(d);
    d.fill_ranks();
}

/// Slices ranked by the files in which one rank is given to different values.
fn rank_conflicts(d: &DataSet) -> Vec<SliceKey> {
    let given: std::collections::HashSet<(&str, &str, &str)> =
        d.given_ranks.iter().map(|(g, p, i)| (g.as_str(), p.as_str(), i.as_str())).collect();
    let mut seen: HashMap<(&str, &str, &str, u32), Option<f64>> = HashMap::new();
    let mut out: Vec<SliceKey> = Vec::new();
    for o in &d.observations {
        let (Some(rank), key) = (o.rank, (o.group.as_str(), o.period.as_str(), o.indicator.as_str())) else { continue };
        if !given.contains(&key) {
            continue;
        }
        match seen.insert((key.0, key.1, key.2, rank), o.value) {
            Some(v) if v != o.value => {
                let k = (key.0.to_string(), key.1.to_string(), key.2.to_string());
                if !out.contains(&k) {
                    out.push(k);
                }
            }
            _ => {}
        }
    }
    out
}

/// What tells releases of one index apart, dropped from a data set's name: «KẾT QUẢ CHỈ SỐ
/// CẢI CÁCH HÀNH CHÍNH NĂM 2024 CỦA CÁC TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG» and «… NĂM
/// 2025 CỦA 34 TỈNH, THÀNH PHỐ» give one key.
pub fn release_key(name: &str) -> String {
    const PHRASES: &[&str] =
        &["truc thuoc trung uong", "uy ban nhan dan", "ubnd", "cac", "cua", "nam", "year", "trong ca nuoc", "ca nuoc"];
    let f = fold(name);
    let mut words: Vec<&str> = f.split(' ').filter(|w| !w.chars().all(|c| c.is_ascii_digit())).collect();
    for p in PHRASES {
        let pw: Vec<&str> = p.split(' ').collect();
        let mut i = 0;
        while i + pw.len() <= words.len() {
            if words[i..i + pw.len()] == pw[..] {
                words.drain(i..i + pw.len());
            } else {
                i += 1;
            }
        }
    }
    words.join(" ")
}

/// A data set's overall index when it is named after the index («Chỉ số CCHC», «PCI»),
/// folded; none for the generic overall.
fn named_overall(d: &DataSet) -> Option<String> {
    d.overall().filter(|o| o != OVERALL).map(|o| fold(&o))
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
        let canonical = "Tỉnh,Điểm 2021,Điểm 2022\nHà Nội,81,82\nHải Phòng,70,75\nHuế,79,80\n";
        c.add(import_file(canonical.as_bytes(), "canonical.csv"));
        c.add(import_file("Đơn vị,Điểm 2022\nTP HCM,80\nSở Y tế,70\n".as_bytes(), "x.csv"));
        // The provinces are already canonical: the data set is the file's own.
        assert!(Rc::ptr_eq(&c.datasets[0], &c.files[0].datasets[0]));
        // What sharing skips (deduplication, ranks) would change nothing.
        let mut again = DataSet::clone(&c.datasets[0]);
        again.dedupe();
        rerank(&mut again);
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

    /// A CSV of provinces with scores and no rank column, under a title row.
    fn csv(title: &str, rows: &[(&str, f64)], rank: bool) -> String {
        let mut s = format!("\"{title}\"\n\nTỉnh,Điểm{}\n", if rank { ",Xếp hạng" } else { "" });
        for (k, (u, v)) in rows.iter().enumerate() {
            s += &format!("{u},{v}{}\n", if rank { format!(",{}", k + 1) } else { String::new() });
        }
        s
    }

    /// Issue 26 (2): two files of one index and year, the north and the south, no rank
    /// column: one data set ranked 1 to n over both, each rank once.
    #[test]
    fn halves_joined_are_ranked_together() {
        let north: Vec<(String, f64)> = (0..17).map(|k| (format!("Tỉnh Bắc {k:02}"), 60.0 + k as f64)).collect();
        let south: Vec<(String, f64)> = (0..17).map(|k| (format!("Tỉnh Nam {k:02}"), 60.5 + k as f64)).collect();
        let as_ref = |v: &[(String, f64)]| v.iter().map(|(u, x)| (u.clone(), *x)).collect::<Vec<_>>();
        let t = "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025";
        let mut c = Catalog::default();
        let n = as_ref(&north);
        let n: Vec<(&str, f64)> = n.iter().map(|(u, x)| (u.as_str(), *x)).collect();
        let so = as_ref(&south);
        let so: Vec<(&str, f64)> = so.iter().map(|(u, x)| (u.as_str(), *x)).collect();
        c.add(import_file(csv(t, &n, false).as_bytes(), "bac-2025.csv"));
        // Alone, the north is ranked within itself.
        assert_eq!(c.datasets[0].observations.iter().filter(|o| o.rank == Some(1)).count(), 1);
        c.add(import_file(csv(t, &so, false).as_bytes(), "nam-2025.csv"));
        assert_eq!(c.datasets.len(), 1);
        let mut ranks: Vec<u32> = c.datasets[0].observations.iter().filter_map(|o| o.rank).collect();
        ranks.sort();
        assert_eq!(ranks, (1..=34).collect::<Vec<u32>>());
        let best = c.datasets[0].observations.iter().find(|o| o.rank == Some(1)).unwrap();
        assert_eq!(best.unit, "Tỉnh Nam 16");
        assert!(c.reports.iter().all(|r| !r.warnings.iter().any(|w| matches!(w, Warning::RankConflict { .. }))));
    }

    /// Ranks the files give are kept as they are; two files ranking one slice each from 1
    /// conflict, and the report says so.
    #[test]
    fn conflicting_file_ranks_are_kept_and_reported() {
        let t = "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025";
        let mut c = Catalog::default();
        c.add(import_file(csv(t, &[("Tỉnh A", 80.0), ("Tỉnh B", 70.0), ("Tỉnh C", 60.0)], true).as_bytes(), "a.csv"));
        c.add(import_file(csv(t, &[("Tỉnh D", 75.0), ("Tỉnh E", 65.0), ("Tỉnh F", 55.0)], true).as_bytes(), "b.csv"));
        assert_eq!(c.datasets.len(), 1);
        let rank = |u: &str| c.datasets[0].observations.iter().find(|o| o.unit == u).and_then(|o| o.rank);
        assert_eq!((rank("Tỉnh A"), rank("Tỉnh D")), (Some(1), Some(1)));
        let conflict = c.reports[1].warnings.iter().find(|w| matches!(w, Warning::RankConflict { .. })).unwrap();
        assert!(conflict.text(crate::Lang::Vi).contains("thứ hạng khác nhau"), "{conflict:?}");
        assert_eq!(c.reports[1].status, crate::ImportStatus::Warning);
    }

    /// Issue 26 (3): the 2024 release (63) and the 2025 release (34), titled differently,
    /// are one data set; split by hand, two; joined by hand, one again.
    #[test]
    fn releases_of_one_index_join_and_split() {
        let t24 = "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024 CỦA CÁC TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG";
        let t25 = "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA 34 TỈNH, THÀNH PHỐ";
        assert_eq!(release_key(t24), release_key(t25));
        let mut c = Catalog::default();
        c.add(import_file(
            csv(t24, &[("Hà Nội", 88.0), ("Hải Phòng", 90.0), ("Bắc Ninh", 85.0)], false).as_bytes(),
            "par-2024.csv",
        ));
        c.add(import_file(
            csv(t25, &[("Hà Nội", 89.0), ("Hải Phòng", 91.0), ("Bắc Ninh", 86.0)], false).as_bytes(),
            "par-2025.csv",
        ));
        assert_eq!(c.datasets.len(), 1, "{:?}", c.datasets.iter().map(|d| &d.name).collect::<Vec<_>>());
        assert_eq!(c.datasets[0].periods(), ["2024", "2025"]);
        assert!(c.is_joined(0), "{:?} {:?}", c.parts, c.datasets.iter().map(|d| &d.name).collect::<Vec<_>>());
        assert!(
            c.datasets[0].label().starts_with("PAR INDEX 2024–2025 — KẾT QUẢ CHỈ SỐ CẢI CÁCH"),
            "{}",
            c.datasets[0].label()
        );
        assert!(c.reports[1].found.iter().any(|n| matches!(n, Finding::Joined { why: JoinWhy::Release, .. })));
        let name = c.datasets[0].name.clone();
        c.split_dataset(&name);
        assert_eq!(c.datasets.len(), 2);
        assert!(!c.is_joined(0) && !c.is_joined(1));
        let (a, b) = (c.datasets[0].name.clone(), c.datasets[1].name.clone());
        c.join_datasets(&a, &b);
        assert_eq!(c.datasets.len(), 1);
        assert_eq!(c.datasets[0].periods(), ["2024", "2025"]);
        assert!(c.reports[1].found.iter().any(|n| matches!(n, Finding::Joined { why: JoinWhy::ByHand, .. })));
    }
}
