//! An import's data sets made ready for the page, a short step at a time: the page runs one
//! step per task, so that no task holds its thread long (a commune-level outcome has 2.1
//! million observations). Each data set, in turn: its summary summed up `rows` observations
//! a step; its units in order; their matching keys (which the catalog reads when it takes
//! the file); each period's map of provinces (which the views ask for on their first
//! render). What the steps make is kept with the data sets, so doing them first only moves
//! work out of the task that shows the file.

use crate::model::map2025::Map2025;
use crate::model::summary::SummaryBuilder;
use crate::model::DataSet;

/// Where the preparation of a list of data sets is.
#[derive(Default)]
pub struct Preparation {
    set: usize,
    stage: Stage,
}

#[derive(Default)]
enum Stage {
    /// Summing up, from this observation on.
    #[default]
    Start,
    Sum {
        from: usize,
        builder: Box<SummaryBuilder>,
    },
    Units,
    Keys,
    Maps,
}

impl Preparation {
    /// Does the next step for `sets` (the same list at every call): `true` while steps are
    /// left, `false` once every data set is ready.
    pub fn step(&mut self, sets: &[DataSet], rows: usize) -> bool {
        let Some(d) = sets.get(self.set) else { return false };
        self.stage = match std::mem::take(&mut self.stage) {
            Stage::Start => sum(d, 0, Box::default(), rows),
            Stage::Sum { from, builder } => sum(d, from, builder, rows),
            Stage::Units => {
                d.summary().units_sorted();
                Stage::Keys
            }
            Stage::Keys => {
                d.summary().unit_keys();
                Stage::Maps
            }
            Stage::Maps => {
                Map2025::shared().maps(d);
                self.set += 1;
                Stage::Start
            }
        };
        self.set < sets.len()
    }
}

/// Sums up to `rows` more observations of `d`; once all are in, keeps the summary.
fn sum(d: &DataSet, from: usize, mut builder: Box<SummaryBuilder>, rows: usize) -> Stage {
    let to = from.saturating_add(rows.max(1)).min(d.observations.len());
    builder.feed(&d.observations[from..to]);
    if to < d.observations.len() {
        return Stage::Sum { from: to, builder };
    }
    d.summary.set(&d.observations, builder.finish());
    Stage::Units
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import_file;

    #[test]
    fn steps_make_what_the_views_would_make_themselves() {
        let csv = "Tỉnh,Năm,Điểm\nHà Nội,2023,85\nHuế,2023,80\nHà Nội,2024,86\nHuế,2024,79\nCần Thơ,2024,75\n";
        let fresh = import_file(csv.as_bytes(), "diem.csv");
        // As the page gets them from the worker: no summary yet (a clone starts without).
        let prepared = fresh.clone();
        let mut p = Preparation::default();
        // Two observations a step: three steps of summing, then units, keys and maps.
        assert!(p.step(&prepared.datasets, 2) && p.step(&prepared.datasets, 2));
        assert!(!prepared.datasets[0].summary.is_made());
        assert!(p.step(&prepared.datasets, 2));
        assert!(prepared.datasets[0].summary.is_made(), "kept by the third step");
        assert!(p.step(&prepared.datasets, 2) && p.step(&prepared.datasets, 2));
        assert!(!p.step(&prepared.datasets, 2), "the maps were the last step");
        let (a, b) = (&prepared.datasets[0], &fresh.datasets[0]);
        assert_eq!(a.summary().units_sorted(), b.summary().units_sorted());
        assert_eq!(a.summary().unit_keys(), b.summary().unit_keys());
        assert_eq!(a.periods(), b.periods());
        // Done is done.
        assert!(!p.step(&prepared.datasets, 2));
        assert!(!Preparation::default().step(&[], 2));
    }
}
