//! Analysis: pure functions of a data set and a choice → view models the UI and charts draw.

pub mod brief;
pub mod comparison;
pub mod regroup;
pub mod stats;
pub mod targets;
pub mod trend;

pub use comparison::{comparison, ComparisonView};
pub use targets::{targets, Status, TargetsView};
pub use trend::{trend, TrendView};

use rustc_hash::FxHashMap as FxMap;

use crate::model::summary::Summary;
use crate::model::{DataSet, Text};
use crate::text::{fold, vi_sort_key};

/// One row of the ranking table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RankRow {
    /// The observation's texts, shared (a ranking of 10,600 communes copies no names).
    pub unit: Text,
    pub group: Text,
    pub rank: Option<u32>,
    pub value: Option<f64>,
    /// Places gained since the previous period (positive = moved up).
    pub rank_change: Option<i64>,
    pub value_change: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RankingView {
    pub dataset: String,
    pub period: String,
    pub previous: Option<String>,
    pub indicator: String,
    pub rows: Vec<RankRow>,
}

/// In links as its [`SortKey::name`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SortKey {
    #[default]
    Rank,
    Unit,
    Value,
    Change,
}

impl SortKey {
    pub const ALL: [SortKey; 4] = [SortKey::Rank, SortKey::Unit, SortKey::Value, SortKey::Change];

    /// The name used in links and in the page hook `data-sort`.
    pub fn name(self) -> &'static str {
        match self {
            SortKey::Rank => "rank",
            SortKey::Unit => "unit",
            SortKey::Value => "value",
            SortKey::Change => "change",
        }
    }

    pub fn from_name(s: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.name() == s)
    }
}

/// The ranking of one period and indicator, with changes since the period before it.
/// Rows are in rank order (missing values last), then Vietnamese alphabetical order.
pub fn ranking(d: &DataSet, period: &str, indicator: &str, group: Option<&str>) -> RankingView {
    let periods = d.periods();
    let previous = periods.iter().position(|p| p == period).and_then(|i| i.checked_sub(1)).map(|i| periods[i].clone());
    // (rank, value) in the previous period. A data set read a sheet per period lists its
    // units in the same order each period: the observation at the same place in the
    // previous slice is then the unit's own (same group and unit texts: observations of a
    // data set share their texts), and nothing is hashed. Where it is not, (group, unit) →
    // (rank, value) by the texts' addresses, else by letters, made on the first miss.
    let mut prev_slice: &[u32] = &[];
    // Ranks among the 63 and among the 34 do not compare, nor a merged province with its
    // namesake: no change across 1 July 2025 (unless the data is regrouped onto the 34).
    let across = previous.as_deref().is_some_and(|pp| !d.regrouped && crosses_2025(d, pp, period));
    let summary = d.summary();
    if let Some(pp) = previous.as_ref().filter(|_| !across) {
        prev_slice = summary.slice(pp, indicator);
    }
    let same = |a: &crate::model::Observation, b: &crate::model::Observation| {
        a.unit.addr() == b.unit.addr() && a.group.addr() == b.group.addr()
    };
    let mut by_addr: Option<FxMap<(usize, usize), Before>> = None;
    let mut by_letters: Option<FxMap<(&str, &str), Before>> = None;
    let mut before = |k: usize, o: &'_ crate::model::Observation| -> Before {
        if prev_slice.is_empty() {
            return (None, None);
        }
        if let Some(p) = prev_slice.get(k).map(|&i| &d.observations[i as usize]).filter(|p| same(p, o)) {
            return (p.rank, p.value);
        }
        let m = by_addr.get_or_insert_with(|| before_by(d, prev_slice, |p| (p.group.addr(), p.unit.addr())));
        if let Some(b) = m.get(&(o.group.addr(), o.unit.addr())) {
            return *b;
        }
        let m = by_letters.get_or_insert_with(|| before_by(d, prev_slice, |p| (p.group.as_str(), p.unit.as_str())));
        m.get(&(o.group.as_str(), o.unit.as_str())).copied().unwrap_or((None, None))
    };
    let mut rows: Vec<RankRow> = summary
        .slice(period, indicator)
        .iter()
        .map(|&i| &d.observations[i as usize])
        .enumerate()
        .filter(|(_, o)| group.is_none_or(|g| o.group == g))
        .map(|(k, o)| {
            let (pr, pv) = before(k, o);
            RankRow {
                unit: o.unit.clone(),
                group: o.group.clone(),
                rank: o.rank,
                value: o.value,
                rank_change: o.rank.zip(pr).map(|(now, before)| before as i64 - now as i64),
                value_change: o.value.zip(pv).map(|(now, before)| ((now - before) * 1e6).round() / 1e6),
            }
        })
        .collect();
    sort_rows(&mut rows, SortKey::Rank, false, Some(&summary));
    RankingView {
        dataset: d.name.clone(),
        period: period.to_string(),
        previous,
        indicator: indicator.to_string(),
        rows,
    }
}

/// A unit's (rank, value) in the previous period.
type Before = (Option<u32>, Option<f64>);

/// The previous period's (rank, value) of each observation of `slice`, by `key`.
fn before_by<'d, K: std::hash::Hash + Eq>(
    d: &'d DataSet,
    slice: &[u32],
    key: impl Fn(&'d crate::model::Observation) -> K,
) -> FxMap<K, Before> {
    slice.iter().map(|&i| &d.observations[i as usize]).map(|p| (key(p), (p.rank, p.value))).collect()
}

/// Is the previous period on the 63-province map and this one on the 34?
fn crosses_2025(d: &DataSet, previous: &str, period: &str) -> bool {
    use crate::model::map2025::period_year as year;
    if !(year(previous).is_some_and(|y| y < 2025) && year(period).is_some_and(|y| y >= 2025)) {
        return false;
    }
    // Each period's map (names looked up once per text object, only from 2025).
    let maps = crate::model::map2025::Map2025::shared().maps(d);
    maps.get(previous) != maps.get(period)
}

/// Sorts ranking rows by a column; missing values always go last. Names compare in
/// Vietnamese order: by their place in `names` (a data set's summary) when it knows every
/// row's unit, else by a sort key; either is worked out once per row, not per comparison.
pub fn sort_rows(rows: &mut Vec<RankRow>, key: SortKey, descending: bool, names: Option<&Summary>) {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    if key == SortKey::Unit {
        by_name(rows, &mut order, names);
        if descending {
            // Reversed, but rows of one name keep their order.
            let mut start = 0;
            while start < order.len() {
                let end =
                    start + order[start..].iter().take_while(|&&i| rows[i].unit == rows[order[start]].unit).count();
                order[start..end].reverse();
                start = end;
            }
            order.reverse();
        }
    } else {
        // By the column as one number that sorts the same way (missing last), with the row's
        // place after it: one sort of plain pairs. Ties (two units of one rank) then by name,
        // whose keys are worked out for the tied rows only. Rows still tied keep their order.
        let column = |r: &RankRow| match key {
            SortKey::Rank => r.rank.map(f64::from),
            SortKey::Value => r.value,
            SortKey::Change => r.rank_change.map(|c| c as f64),
            SortKey::Unit => None,
        };
        let keyed: Vec<(u64, usize)> = match key {
            // Ranks are small whole numbers: counted into place, no comparisons.
            SortKey::Rank if !descending => by_rank(rows),
            _ => {
                let mut k: Vec<(u64, usize)> =
                    rows.iter().enumerate().map(|(i, r)| (sort_number(column(r), descending), i)).collect();
                k.sort_unstable();
                k
            }
        };
        let mut start = 0;
        while start < keyed.len() {
            let end = start + keyed[start..].iter().take_while(|(k, _)| *k == keyed[start].0).count();
            for (slot, (_, i)) in order[start..end].iter_mut().zip(&keyed[start..end]) {
                *slot = *i;
            }
            if end - start > 1 {
                by_name(rows, &mut order[start..end], names);
            }
            start = end;
        }
    }
    let mut slots: Vec<Option<RankRow>> = std::mem::take(rows).into_iter().map(Some).collect();
    *rows = order.into_iter().filter_map(|i| slots[i].take()).collect();
}

/// The rows by rank (missing last), each with its rank's sort number, rows of one rank in
/// their order: a counting sort when the ranks are no larger than a few times the rows
/// (as ranks are), else a comparison sort.
fn by_rank(rows: &[RankRow]) -> Vec<(u64, usize)> {
    let number = |r: &RankRow| sort_number(r.rank.map(f64::from), false);
    let most = rows.iter().filter_map(|r| r.rank).max().unwrap_or(0) as usize;
    if most > 4 * rows.len() + 64 {
        let mut k: Vec<(u64, usize)> = rows.iter().enumerate().map(|(i, r)| (number(r), i)).collect();
        k.sort_unstable();
        return k;
    }
    // Slot `rank` for ranks, `most + 1` for none.
    let slots: Vec<u32> = rows.iter().map(|r| r.rank.unwrap_or(most as u32 + 1)).collect();
    let (_, order) = crate::model::buckets(&slots, most + 2);
    order.into_iter().map(|i| (number(&rows[i as usize]), i as usize)).collect()
}

/// A number as a `u64` that sorts as the numbers do (`f64::total_cmp`), or the other way
/// round; missing sorts last either way.
fn sort_number(x: Option<f64>, descending: bool) -> u64 {
    match x {
        None => u64::MAX,
        Some(v) => {
            let bits = v.to_bits();
            // Negative numbers: all bits flipped; others: the sign bit set.
            let up = if bits >> 63 == 1 { !bits } else { bits | 1 << 63 };
            // (u64::MAX is a NaN's image, never a number's here: it stays for "missing".)
            if descending {
                (!up).min(u64::MAX - 1)
            } else {
                up.min(u64::MAX - 1)
            }
        }
    }
}

/// Puts the rows `which` in Vietnamese order of their names (rows of one name in the order
/// given): by their places in the data set's order of units when it knows every one, else
/// by sort keys.
fn by_name(rows: &[RankRow], which: &mut [usize], names: Option<&Summary>) {
    if let Some(s) = names {
        let mut pairs: Vec<(u32, usize)> = Vec::with_capacity(which.len());
        for &i in which.iter() {
            match s.name_order_of(&rows[i].unit) {
                Some(o) => pairs.push((o, i)),
                None => break,
            }
        }
        if pairs.len() == which.len() {
            pairs.sort_unstable();
            for (slot, (_, i)) in which.iter_mut().zip(pairs) {
                *slot = i;
            }
            return;
        }
    }
    which.sort_by_cached_key(|&i| (vi_sort_key(&rows[i].unit), i));
}

/// Does a unit's name match a search, with or without diacritics ("ha noi" finds "Hà Nội")?
pub fn matches_search(unit: &str, query: &str) -> bool {
    let q = fold(query);
    q.is_empty() || fold(unit).contains(&q)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Observation;

    fn obs(unit: &str, period: &str, value: f64, rank: u32) -> Observation {
        Observation {
            group: "".into(),
            unit: unit.into(),
            period: period.into(),
            indicator: "X".into(),
            value: Some(value),
            rank: Some(rank),
        }
    }

    #[test]
    fn changes_since_previous_period() {
        let d = DataSet {
            name: "D".into(),
            observations: vec![
                obs("Hà Nội", "2020", 80.0, 2),
                obs("Huế", "2020", 85.0, 1),
                obs("Hà Nội", "2021", 90.0, 1),
                obs("Huế", "2021", 84.0, 2),
            ],
            ..Default::default()
        };
        let v = ranking(&d, "2021", "X", None);
        assert_eq!(v.previous.as_deref(), Some("2020"));
        assert_eq!(v.rows[0].unit, "Hà Nội");
        assert_eq!(v.rows[0].rank_change, Some(1));
        assert_eq!(v.rows[0].value_change, Some(10.0));
        assert_eq!(v.rows[1].rank_change, Some(-1));
        let first = ranking(&d, "2020", "X", None);
        assert_eq!(first.rows[0].rank_change, None);
    }

    #[test]
    fn search_ignores_diacritics() {
        assert!(matches_search("Hà Nội", "ha noi"));
        assert!(matches_search("Hà Nội", "Hà"));
        assert!(!matches_search("Hà Nội", "hue"));
    }

    #[test]
    fn ranks_counted_into_place_sort_as_compared() {
        let row = |rank: Option<u32>| RankRow { rank, ..Default::default() };
        for ranks in [
            vec![Some(3), None, Some(1), Some(3), Some(2), None, Some(1)],
            vec![Some(1_000_000), Some(2), None],
            vec![],
        ] {
            let rows: Vec<RankRow> = ranks.into_iter().map(row).collect();
            let mut compared: Vec<(u64, usize)> =
                rows.iter().enumerate().map(|(i, r)| (sort_number(r.rank.map(f64::from), false), i)).collect();
            compared.sort_unstable();
            assert_eq!(by_rank(&rows), compared);
        }
    }

    #[test]
    fn sort_numbers_sort_as_the_numbers_do() {
        let xs = [f64::NEG_INFINITY, -2.5, -1e-300, -0.0, 0.0, 1e-300, 1.0, 3.5, f64::INFINITY];
        for w in xs.windows(2) {
            assert!(sort_number(Some(w[0]), false) < sort_number(Some(w[1]), false), "{w:?}");
            assert!(sort_number(Some(w[0]), true) > sort_number(Some(w[1]), true), "{w:?}");
        }
        for x in xs {
            assert!(sort_number(Some(x), false) < sort_number(None, false));
            assert!(sort_number(Some(x), true) < sort_number(None, true));
        }
    }

    #[test]
    fn rows_sort_in_vietnamese_order_with_or_without_a_summary() {
        let names = ["Đồng Nai", "Đà Nẵng", "Điện Biên", "Bắc Giang", "An Giang", "Bà Rịa – Vũng Tàu", "Đắk Lắk"];
        let row = |u: &str, rank: Option<u32>, value: Option<f64>| RankRow {
            unit: u.into(),
            group: Text::default(),
            rank,
            value,
            rank_change: None,
            value_change: None,
        };
        let mut d = DataSet::default();
        for (i, n) in names.iter().enumerate() {
            d.observations.push(Observation {
                group: "".into(),
                unit: (*n).into(),
                period: "2024".into(),
                indicator: "X".into(),
                value: Some(1.0),
                rank: Some(i as u32),
            });
        }
        let summary = d.summary();
        for key in SortKey::ALL {
            for desc in [false, true] {
                // Ties on the number everywhere: the names decide.
                let rows = || names.iter().map(|n| row(n, Some(1), None)).collect::<Vec<_>>();
                let (mut a, mut b) = (rows(), rows());
                sort_rows(&mut a, key, desc, Some(&summary));
                sort_rows(&mut b, key, desc, None);
                let order = |v: &[RankRow]| v.iter().map(|r| r.unit.clone()).collect::<Vec<_>>();
                assert_eq!(order(&a), order(&b), "{key:?} {desc}");
            }
        }
        let mut rows: Vec<RankRow> = names.iter().map(|n| row(n, None, None)).collect();
        sort_rows(&mut rows, SortKey::Unit, false, Some(&summary));
        let got: Vec<&str> = rows.iter().map(|r| r.unit.as_str()).collect();
        assert_eq!(got, ["An Giang", "Bà Rịa – Vũng Tàu", "Bắc Giang", "Đà Nẵng", "Đắk Lắk", "Điện Biên", "Đồng Nai"]);
        // Missing values last, whatever the direction.
        let mut rows = vec![row("A", None, None), row("B", None, Some(2.0)), row("C", None, Some(3.0))];
        sort_rows(&mut rows, SortKey::Value, true, None);
        assert_eq!(rows.iter().map(|r| r.unit.as_str()).collect::<Vec<_>>(), ["C", "B", "A"]);
    }
}
