//! Analysis: pure functions of a data set and a choice → view models the UI and charts draw.

pub mod brief;
pub mod comparison;
pub mod stats;
pub mod targets;
pub mod trend;

pub use comparison::{comparison, ComparisonView};
pub use targets::{targets, Status, TargetsView};
pub use trend::{trend, TrendView};

use rustc_hash::FxHashMap as FxMap;

use crate::model::summary::Summary;
use crate::model::DataSet;
use crate::text::{fold, vi_sort_key};

/// One row of the ranking table.
#[derive(Clone, Debug, PartialEq)]
pub struct RankRow {
    pub unit: String,
    pub group: String,
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

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
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
    // (group, unit) → (rank, value) in the previous period.
    type Before = (Option<u32>, Option<f64>);
    let mut prev: FxMap<(&str, &str), Before> = FxMap::default();
    // Ranks among the 63 and among the 34 do not compare, nor a merged province with its
    // namesake: no change across 1 July 2025 (unless the data is regrouped onto the 34).
    let across = previous.as_deref().is_some_and(|pp| !d.regrouped && crosses_2025(d, pp, period));
    if let Some(pp) = previous.as_ref().filter(|_| !across) {
        for o in d.slice(pp, indicator) {
            prev.insert((&o.group, &o.unit), (o.rank, o.value));
        }
    }
    let mut rows: Vec<RankRow> = d
        .slice(period, indicator)
        .filter(|o| group.is_none_or(|g| o.group == g))
        .map(|o| {
            let (pr, pv) = prev.get(&(o.group.as_str(), o.unit.as_str())).copied().unwrap_or((None, None));
            RankRow {
                unit: o.unit.to_string(),
                group: o.group.to_string(),
                rank: o.rank,
                value: o.value,
                rank_change: o.rank.zip(pr).map(|(now, before)| before as i64 - now as i64),
                value_change: o.value.zip(pv).map(|(now, before)| ((now - before) * 1e6).round() / 1e6),
            }
        })
        .collect();
    sort_rows(&mut rows, SortKey::Rank, false, Some(&d.summary()));
    RankingView {
        dataset: d.name.clone(),
        period: period.to_string(),
        previous,
        indicator: indicator.to_string(),
        rows,
    }
}

/// Is the previous period on the 63-province map and this one on the 34?
fn crosses_2025(d: &DataSet, previous: &str, period: &str) -> bool {
    let year = |p: &str| p.get(..4).and_then(|y| y.parse::<u16>().ok());
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
    let ordinals: Option<Vec<u32>> = names.and_then(|s| rows.iter().map(|r| s.name_order(&r.unit)).collect());
    let name_keys: Vec<Vec<u32>> = match ordinals {
        Some(o) => o.into_iter().map(|x| vec![x]).collect(),
        None => rows.iter().map(|r| vi_sort_key(&r.unit)).collect(),
    };
    let mut keyed: Vec<(Vec<u32>, RankRow)> = name_keys.into_iter().zip(std::mem::take(rows)).collect();
    let opt = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => {
            let o = x.total_cmp(&y);
            if descending {
                o.reverse()
            } else {
                o
            }
        }
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    };
    keyed.sort_by(|(na, a), (nb, b)| {
        let primary = match key {
            SortKey::Rank => opt(a.rank.map(f64::from), b.rank.map(f64::from)),
            SortKey::Value => opt(a.value, b.value),
            SortKey::Change => opt(a.rank_change.map(|c| c as f64), b.rank_change.map(|c| c as f64)),
            SortKey::Unit if descending => nb.cmp(na),
            SortKey::Unit => na.cmp(nb),
        };
        primary.then_with(|| na.cmp(nb))
    });
    *rows = keyed.into_iter().map(|(_, r)| r).collect();
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
    fn rows_sort_in_vietnamese_order_with_or_without_a_summary() {
        let names = ["Đồng Nai", "Đà Nẵng", "Điện Biên", "Bắc Giang", "An Giang", "Bà Rịa – Vũng Tàu", "Đắk Lắk"];
        let row = |u: &str, rank: Option<u32>, value: Option<f64>| RankRow {
            unit: u.to_string(),
            group: String::new(),
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
