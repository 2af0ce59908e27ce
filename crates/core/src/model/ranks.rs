//! A data set's observations made one per key, and ranked where the source gives no rank
//! (with the slices it gave ranks in recorded as given).

use rustc_hash::FxHashMap;

use crate::model::{ByObject, DataSet, Text};

impl DataSet {
    /// Keeps the last observation of each (group, unit, period, indicator). Returns how
    /// many values and ranks the observations it dropped held.
    pub fn dedupe(&mut self) -> usize {
        dedupe(self)
    }

    /// Ranks within (group, period, indicator) where the source gives none: standard
    /// competition ranking (1, 2, 2, 4), higher is better unless the indicator says
    /// otherwise.
    pub fn fill_ranks(&mut self) {
        fill_ranks(self)
    }

    /// [`DataSet::fill_ranks`] with each observation's slice already numbered
    /// (`slice_of[i]` for observation `i`, numbers from 0).
    pub(crate) fn rank_slices(&mut self, slice_of: &[u32]) {
        rank_slices(self, slice_of)
    }
}

/// Keeps the last observation of each (group, unit, period, indicator). Returns how many
/// values and ranks the observations it dropped held.
fn dedupe(s: &mut DataSet) -> usize {
    let keep = {
        let obs = &s.observations;
        let mut numbers: ByObject<4> = ByObject::default();
        let mut id = |column: usize, text: &Text| numbers.id(column, text).0;
        // Each observation's (period, indicator) slice, then the slices' members in order (a
        // counting sort): a (group, unit) map per slice is no larger than a slice, where one
        // map over all four fields grew to ~130 MB for a commune-level data set.
        let mut slices: FxHashMap<[u32; 2], u32> = FxHashMap::default();
        let slice_of: Vec<u32> = obs
            .iter()
            .map(|o| {
                let next = slices.len() as u32;
                *slices.entry([id(2, &o.period), id(3, &o.indicator)]).or_insert(next)
            })
            .collect();
        let (start, order) = crate::model::buckets(&slice_of, slices.len());
        drop(slice_of);
        let mut keep = vec![false; obs.len()];
        let mut last: FxHashMap<[u32; 2], u32> = FxHashMap::default();
        for w in start.windows(2) {
            last.clear();
            for &i in &order[w[0]..w[1]] {
                let o = &obs[i as usize];
                last.insert([id(0, &o.group), id(1, &o.unit)], i);
            }
            for &i in last.values() {
                keep[i as usize] = true;
            }
        }
        keep
    };
    let mut i = 0;
    let mut dropped = 0;
    s.observations.retain(|o| {
        i += 1;
        if !keep[i - 1] {
            dropped += usize::from(o.value.is_some()) + usize::from(o.rank.is_some());
        }
        keep[i - 1]
    });
    dropped
}

/// Ranks within (group, period, indicator) where the source gives none: standard
/// competition ranking (1, 2, 2, 4), higher is better unless the indicator says otherwise.
fn fill_ranks(s: &mut DataSet) {
    let mut ids: FxHashMap<[u32; 3], u32> = FxHashMap::default();
    let mut numbers: ByObject<3> = ByObject::default();
    let slice_of: Vec<u32> = s
        .observations
        .iter()
        .map(|o| {
            let next = ids.len() as u32;
            *ids.entry([numbers.id(0, &o.group).0, numbers.id(1, &o.period).0, numbers.id(2, &o.indicator).0])
                .or_insert(next)
        })
        .collect();
    rank_slices(s, &slice_of);
}

/// [`DataSet::fill_ranks`] with each observation's slice already numbered (`slice_of[i]` for
/// observation `i`, numbers from 0).
fn rank_slices(s: &mut DataSet, slice_of: &[u32]) {
    debug_assert_eq!(slice_of.len(), s.observations.len());
    let count = slice_of.iter().max().map_or(0, |m| *m as usize + 1);
    let (start, order) = crate::model::buckets(slice_of, count);
    for w in start.windows(2) {
        let idx = &order[w[0]..w[1]];
        let Some(&first) = idx.first() else { continue };
        let indicator = s.observations[first as usize].indicator.clone();
        if idx.iter().any(|&i| s.observations[i as usize].rank.is_some()) {
            // Ranked by the file: recorded as such, never computed over.
            let o = &s.observations[first as usize];
            let key = (o.group.to_string(), o.period.to_string(), o.indicator.to_string());
            if !s.given_ranks.contains(&key) {
                s.given_ranks.push(key);
            }
            continue;
        }
        let lower = s.is_lower_better(&indicator);
        crate::model::competition_rank(&mut s.observations, idx, lower);
    }
}
