//! My unit's brief: for the spring meeting that analyses where the unit lost points. Per
//! data set, the latest period the unit has a value in: its score and rank within its
//! group, the change since the period before, and per component the points lost against
//! the best unit and the group median, with the components where most can be won back.

use crate::analyse::stats::{median, tidy};
use crate::analyse::trend::{Reference, Series};
use crate::analyse::{ranking, TrendView};
use crate::model::{is_overall, DataSet};

/// One indicator of the brief: the unit's figures and what it lost against its group.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Line {
    pub indicator: String,
    pub value: Option<f64>,
    pub rank: Option<u32>,
    /// Units ranked in the group in that period (the N of "x/N").
    pub of: usize,
    /// Places gained since the period before (positive = moved up).
    pub rank_change: Option<i64>,
    pub value_change: Option<f64>,
    /// The best value in the group (the maximum seen; the minimum where lower is better).
    pub best: Option<f64>,
    /// The unit with the best value.
    pub leader: Option<String>,
    pub median: Option<f64>,
    /// Points behind the best and behind the median (0 where the unit is ahead); in the
    /// indicator's direction, so positive is always "points lost".
    pub lost_to_best: Option<f64>,
    pub below_median: Option<f64>,
    /// The most the indicator can score, where the file gives it, and the points short of it.
    pub max_possible: Option<f64>,
    pub lost_to_max: Option<f64>,
}

/// The brief of one data set.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BriefSet {
    pub dataset: String,
    pub period: String,
    pub previous: Option<String>,
    pub group: String,
    pub overall: Option<Line>,
    pub components: Vec<Line>,
    /// Up to three components where the most points can be won back (furthest below the
    /// group median, then furthest behind the best), as indices into `components`.
    pub win_back: Vec<usize>,
    /// The unit's overall score over the periods, with its group's median and best.
    pub trend: TrendView,
}

/// The unit's brief in one data set; `None` when the unit has no value in it.
pub fn brief(d: &DataSet, unit: &str) -> Option<BriefSet> {
    let periods = d.periods();
    let period = periods
        .iter()
        .rev()
        .find(|p| d.observations.iter().any(|o| o.unit == unit && o.period == **p && o.value.is_some()))?
        .clone();
    let group = d.observations.iter().find(|o| o.unit == unit && o.period == period).map(|o| o.group.to_string())?;
    let indicators = d.indicators();
    let overall_name = indicators.first().filter(|i| is_overall(i)).cloned();
    let line = |indicator: &str| -> Line {
        let view = ranking(d, &period, indicator, Some(&group));
        let lower = d.is_lower_better(indicator);
        let values: Vec<f64> = view.rows.iter().filter_map(|r| r.value).collect();
        let me = view.rows.iter().find(|r| r.unit == unit);
        let best_row = view.rows.iter().filter(|r| r.value.is_some()).min_by(|a, b| {
            let (a, b) = (a.value.unwrap_or(f64::NAN), b.value.unwrap_or(f64::NAN));
            if lower {
                a.total_cmp(&b)
            } else {
                b.total_cmp(&a)
            }
        });
        let best = best_row.and_then(|r| r.value);
        let med = median(&values);
        let value = me.and_then(|r| r.value);
        let behind = |reference: Option<f64>| {
            let (v, r) = (value?, reference?);
            Some(tidy((if lower { v - r } else { r - v }).max(0.0)))
        };
        Line {
            indicator: indicator.to_string(),
            value,
            rank: me.and_then(|r| r.rank),
            of: values.len(),
            rank_change: me.and_then(|r| r.rank_change),
            value_change: me.and_then(|r| r.value_change),
            best,
            leader: best_row.map(|r| r.unit.to_string()),
            median: med,
            lost_to_best: behind(best),
            below_median: behind(med),
            max_possible: d.max_of(indicator),
            lost_to_max: behind(d.max_of(indicator)),
        }
    };
    let overall = overall_name.as_deref().map(line);
    let components: Vec<Line> =
        indicators.iter().filter(|i| Some(*i) != overall_name.as_ref()).map(|i| line(i)).collect();
    let mut order: Vec<usize> = (0..components.len()).filter(|&k| components[k].value.is_some()).collect();
    let key = |k: usize| (components[k].below_median.unwrap_or(0.0), components[k].lost_to_best.unwrap_or(0.0));
    order.sort_by(|&a, &b| key(b).partial_cmp(&key(a)).unwrap_or(std::cmp::Ordering::Equal));
    let win_back: Vec<usize> = order.into_iter().filter(|&k| key(k).0 > 0.0 || key(k).1 > 0.0).take(3).collect();
    let previous = periods.iter().position(|p| *p == period).and_then(|i| i.checked_sub(1)).map(|i| periods[i].clone());
    let trend = group_trend(d, unit, &group, overall_name.as_deref().unwrap_or(&indicators[0]), &periods);
    Some(BriefSet { dataset: d.name.clone(), period, previous, group, overall, components, win_back, trend })
}

/// The unit's series of one indicator with its group's median and best in each period.
fn group_trend(d: &DataSet, unit: &str, group: &str, indicator: &str, periods: &[String]) -> TrendView {
    let periods: Vec<String> = periods.iter().filter(|p| !p.contains('Q')).cloned().collect();
    let lower = d.is_lower_better(indicator);
    let in_period = |p: &str| -> Vec<f64> {
        d.observations
            .iter()
            .filter(|o| o.period == p && o.indicator == indicator && o.group == group)
            .filter_map(|o| o.value)
            .collect()
    };
    let own: Vec<Option<f64>> = periods
        .iter()
        .map(|p| {
            d.observations
                .iter()
                .find(|o| o.unit == unit && o.period == *p && o.indicator == indicator)
                .and_then(|o| o.value)
        })
        .collect();
    let med: Vec<Option<f64>> = periods.iter().map(|p| median(&in_period(p))).collect();
    let best: Vec<Option<f64>> = periods
        .iter()
        .map(|p| {
            let v = in_period(p);
            if lower {
                v.into_iter().reduce(f64::min)
            } else {
                v.into_iter().reduce(f64::max)
            }
        })
        .collect();
    let series = |reference: Option<Reference>, values: Vec<Option<f64>>| Series {
        unit: reference.map_or(unit.to_string(), |r| r.name().to_string()),
        ranks: vec![None; values.len()],
        derived: vec![false; values.len()],
        values,
        // The group's lines are drawn thin, as former provinces are.
        former: reference.is_some(),
        reference,
    };
    TrendView {
        indicator: indicator.to_string(),
        series: vec![series(None, own), series(Some(Reference::Median), med), series(Some(Reference::Best), best)],
        periods,
        max_rank: 1,
        change_at: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::test_obs as obs;

    /// Five provinces, two years, an overall index and three components: figures checked
    /// by hand.
    #[test]
    fn points_lost_ranks_and_three_to_win_back() {
        let mut d = DataSet { name: "PAR".into(), ..Default::default() };
        let rows = [
            // unit, overall, A, B, C (2023)
            ("Hà Nội", 80.0, 8.0, 9.0, 20.0),
            ("Huế", 85.0, 9.0, 8.0, 22.0),
            ("Đà Nẵng", 90.0, 9.5, 9.5, 25.0),
            ("Cần Thơ", 70.0, 6.0, 7.0, 18.0),
            ("Lào Cai", 75.0, 7.0, 8.5, 19.0),
        ];
        for (u, t, a, b, c) in rows {
            d.observations.push(obs(u, "2022", "Chỉ số tổng hợp", t - 2.0));
            d.observations.push(obs(u, "2023", "Chỉ số tổng hợp", t));
            d.observations.push(obs(u, "2023", "A", a));
            d.observations.push(obs(u, "2023", "B", b));
            d.observations.push(obs(u, "2023", "C", c));
        }
        // Hà Nội was 5th in 2022 with 70 (Cần Thơ ahead).
        d.observations.iter_mut().find(|o| o.unit == "Hà Nội" && o.period == "2022").unwrap().value = Some(60.0);
        d.fill_ranks();
        let b = brief(&d, "Hà Nội").unwrap();
        assert_eq!((b.period.as_str(), b.previous.as_deref()), ("2023", Some("2022")));
        let o = b.overall.clone().unwrap();
        assert_eq!((o.value, o.rank, o.of), (Some(80.0), Some(3), 5));
        assert_eq!((o.rank_change, o.value_change), (Some(2), Some(20.0)));
        assert_eq!((o.best, o.leader.as_deref(), o.median), (Some(90.0), Some("Đà Nẵng"), Some(80.0)));
        assert_eq!((o.lost_to_best, o.below_median), (Some(10.0), Some(0.0)));
        let by = |name: &str| b.components.iter().find(|l| l.indicator == name).unwrap();
        // A: 8 vs median 8 (0 below), best 9.5 (1.5 lost); B: 9 vs median 8.5 (ahead);
        // C: 20 vs median 20, best 25 (5 lost).
        assert_eq!((by("A").below_median, by("A").lost_to_best), (Some(0.0), Some(1.5)));
        assert_eq!((by("B").below_median, by("B").lost_to_best), (Some(0.0), Some(0.5)));
        assert_eq!((by("C").rank, by("C").lost_to_best), (Some(3), Some(5.0)));
        let names: Vec<&str> = b.win_back.iter().map(|k| b.components[*k].indicator.as_str()).collect();
        assert_eq!(names, ["C", "A", "B"]);
        // The trend: the unit, the group's median and best per year.
        assert_eq!(b.trend.series[0].values, [Some(60.0), Some(80.0)]);
        assert_eq!(b.trend.series[2].values, [Some(88.0), Some(90.0)]);
        // Cần Thơ is below the median on every component: those come first.
        let c = brief(&d, "Cần Thơ").unwrap();
        assert_eq!(c.components[c.win_back[0]].below_median, Some(2.0));
        assert!(brief(&d, "Sở Tư pháp").is_none());
    }
}
