//! Everything loaded in a session: data sets and target sheets from many files, with one
//! name per unit across them, and each file's report.

use std::collections::HashMap;

use crate::core::import::{dedupe, fill_ranks, ImportOutcome};
use crate::core::model::{DataSet, ImportReport, TargetSheet};
use crate::core::units::unit_key;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Catalog {
    pub datasets: Vec<DataSet>,
    pub targets: Vec<TargetSheet>,
    pub reports: Vec<ImportReport>,
}

impl Catalog {
    /// Adds a file's outcome. A failed file adds only its report: what was loaded stays.
    /// Units are reconciled with those already loaded; a data set with the same name as a
    /// loaded one is merged into it (a later value for the same cell replaces the earlier).
    pub fn add(&mut self, outcome: ImportOutcome) {
        let ImportOutcome {
            datasets,
            targets,
            mut report,
        } = outcome;
        let mut names: HashMap<String, String> = HashMap::new();
        for o in self.datasets.iter().flat_map(|d| &d.observations) {
            names
                .entry(unit_key(&o.unit))
                .or_insert_with(|| o.unit.clone());
        }
        for mut d in datasets {
            for o in &mut d.observations {
                let canon = names
                    .entry(unit_key(&o.unit))
                    .or_insert_with(|| o.unit.clone());
                if *canon != o.unit {
                    let pair = (o.unit.clone(), canon.clone());
                    if !report.merges.contains(&pair) {
                        report.merges.push(pair);
                    }
                    o.unit = canon.clone();
                }
            }
            match self.datasets.iter_mut().find(|e| e.name == d.name) {
                Some(existing) => {
                    existing.observations.extend(d.observations);
                    for l in d.lower_is_better {
                        if !existing.lower_is_better.contains(&l) {
                            existing.lower_is_better.push(l);
                        }
                    }
                    dedupe(existing);
                    fill_ranks(existing);
                }
                None => self.datasets.push(d),
            }
        }
        for t in targets {
            self.targets.retain(|e| e.name != t.name);
            self.targets.push(t);
        }
        self.reports.retain(|r| r.file != report.file);
        self.reports.push(report);
    }
}
