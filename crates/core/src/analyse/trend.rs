//! Trend: values and ranks of selected units over the periods.

use crate::analyse::regroup::Derived;
use crate::model::map2025::{Map, Map2025};
use crate::model::DataSet;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Series {
    pub unit: String,
    /// One entry per period of the view; `None` where the unit has no value (a gap).
    pub values: Vec<Option<f64>>,
    pub ranks: Vec<Option<u32>>,
    /// Per period: the value is not the unit's own but the mean of the former provinces it
    /// was made from (regrouped onto the 34); drawn hollow.
    pub derived: Vec<bool>,
    /// A former province shown beside the province it merged into (thin line, labelled).
    pub former: bool,
    /// Not a unit's line but its group's median or best (the brief's trend).
    pub reference: Option<Reference>,
}

/// A line of a trend that is not a unit's: the group's median or best, drawn beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reference {
    Median,
    Best,
}

impl Reference {
    /// Its name in the view, in both languages (the page puts words of its own in its tables).
    pub fn name(self) -> &'static str {
        match self {
            Reference::Median => "Trung vị nhóm / Group median",
            Reference::Best => "Cao nhất nhóm / Group best",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TrendView {
    pub indicator: String,
    pub periods: Vec<String>,
    pub series: Vec<Series>,
    /// The number of ranked units in the largest period (the bump chart's depth).
    pub max_rank: u32,
    /// The first period on the 34-province map, when earlier ones are on the 63 (the
    /// change of 1 July 2025, marked on the axis).
    pub change_at: Option<usize>,
}

pub fn trend(d: &DataSet, indicator: &str, units: &[String]) -> TrendView {
    trend_across(d, indicator, units, Map2025::shared(), &[])
}

/// The trend across the change of 1 July 2025. Without regrouping (`derived` empty), a
/// province that a merger made is its own series from the change on; before it, its
/// former provinces are shown as thin series of their own ("Ninh Bình (cũ)", "Hà Nam",
/// "Nam Định"), never joined to it. Regrouped, the series runs through, its pre-2025
/// points marked as means of the former provinces.
pub fn trend_across(d: &DataSet, indicator: &str, units: &[String], m: &Map2025, derived: &[Derived]) -> TrendView {
    let periods: Vec<String> = d.periods().into_iter().filter(|p| !p.contains('Q')).collect();
    let periods = if periods.is_empty() { d.periods() } else { periods };
    let maps = m.maps(d);
    let on_new: Vec<bool> = periods.iter().map(|p| maps.get(p.as_str()) == Some(&Map::P34)).collect();
    let change_at = on_new.iter().position(|n| *n).filter(|&i| i > 0 && on_new[..i].iter().all(|n| !n));
    let series_of = |u: &str, keep: &dyn Fn(usize) -> bool| {
        let find = |p: &str| d.observations.iter().find(|o| o.unit == u && o.period == p && o.indicator == indicator);
        let found: Vec<_> = periods.iter().enumerate().map(|(i, p)| find(p).filter(|_| keep(i))).collect();
        Series {
            unit: u.to_string(),
            values: found.iter().map(|o| o.and_then(|o| o.value)).collect(),
            ranks: found.iter().map(|o| o.and_then(|o| o.rank)).collect(),
            derived: periods
                .iter()
                .map(|p| derived.iter().any(|x| x.unit == u && x.period == *p && x.indicator == indicator))
                .collect(),
            former: false,
            reference: None,
        }
    };
    let mut series = Vec::new();
    for u in units {
        let split = change_at.is_some() && derived.is_empty() && m.merged(u) && !m.absorbed(u);
        if !split {
            series.push(series_of(u, &|_| true));
            continue;
        }
        let after = change_at.unwrap_or(0);
        series.push(series_of(u, &|i| i >= after));
        for p in m.predecessors(u) {
            let mut s = series_of(p, &|i| i < after);
            if *p == u.as_str() {
                s.unit = format!("{u} ({})", "cũ");
            }
            s.former = true;
            if s.values.iter().any(Option::is_some) {
                series.push(s);
            }
        }
    }
    let max_rank = d.observations.iter().filter(|o| o.indicator == indicator).filter_map(|o| o.rank).max().unwrap_or(1);
    TrendView { indicator: indicator.to_string(), periods, series, max_rank, change_at }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Observation;

    #[test]
    fn gaps_stay_gaps() {
        let mk = |u: &str, p: &str, v: Option<f64>, r: Option<u32>| Observation {
            group: "".into(),
            unit: u.into(),
            period: p.into(),
            indicator: "X".into(),
            value: v,
            rank: r,
        };
        let d = DataSet {
            observations: vec![
                mk("A", "2020", Some(1.0), Some(2)),
                mk("A", "2022", Some(3.0), Some(1)),
                mk("B", "2021", Some(2.0), Some(1)),
                mk("B", "2022", None, None),
            ],
            ..Default::default()
        };
        let t = trend(&d, "X", &["A".into(), "B".into()]);
        assert_eq!(t.periods, vec!["2020", "2021", "2022"]);
        assert_eq!(t.series[0].values, vec![Some(1.0), None, Some(3.0)]);
        assert_eq!(t.series[1].ranks, vec![None, Some(1), None]);
        assert_eq!(t.max_rank, 2);
    }

    fn obs(u: &str, p: &str, v: f64) -> Observation {
        Observation {
            group: "".into(),
            unit: u.into(),
            period: p.into(),
            indicator: "X".into(),
            value: Some(v),
            rank: None,
        }
    }

    /// 2023–2024 on the 63, 2025 on the 34: Ninh Bình (2025) is not Ninh Bình (2024)
    /// continued; its former provinces are thin series up to 2024.
    #[test]
    fn a_merged_province_is_not_its_namesake_continued() {
        let mut d = DataSet::default();
        for p in ["2023", "2024"] {
            for (u, v) in [("Ninh Bình", 80.0), ("Hà Nam", 70.0), ("Nam Định", 75.0), ("Hà Nội", 85.0)] {
                d.observations.push(obs(u, p, v));
            }
        }
        d.observations.push(obs("Ninh Bình", "2025", 78.0));
        d.observations.push(obs("Hà Nội", "2025", 86.0));
        let m = Map2025::default();
        let t = trend_across(&d, "X", &["Ninh Bình".into(), "Hà Nội".into()], &m, &[]);
        assert_eq!(t.change_at, Some(2));
        let units: Vec<&str> = t.series.iter().map(|s| s.unit.as_str()).collect();
        assert_eq!(units, ["Ninh Bình", "Ninh Bình (cũ)", "Hà Nam", "Nam Định", "Hà Nội"]);
        assert_eq!(t.series[0].values, [None, None, Some(78.0)]);
        assert_eq!(t.series[1].values, [Some(80.0), Some(80.0), None]);
        assert!(t.series[1].former && !t.series[0].former);
        // An unchanged province runs through.
        assert_eq!(t.series[4].values, [Some(85.0), Some(85.0), Some(86.0)]);
        // Regrouped: one series through the change, its pre-2025 points marked.
        let (r, derived) = crate::analyse::regroup::regroup(&d, &m);
        let t = trend_across(&r, "X", &["Ninh Bình".into()], &m, &derived);
        assert_eq!(t.series.len(), 1);
        assert_eq!(t.series[0].values, [Some(75.0), Some(75.0), Some(78.0)]);
        assert_eq!(t.series[0].derived, [true, true, false]);
    }
}
