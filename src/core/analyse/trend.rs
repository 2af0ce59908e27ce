//! Trend: values and ranks of selected units over the periods.

use crate::core::model::DataSet;

#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub unit: String,
    /// One entry per period of the view; `None` where the unit has no value (a gap).
    pub values: Vec<Option<f64>>,
    pub ranks: Vec<Option<u32>>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TrendView {
    pub indicator: String,
    pub periods: Vec<String>,
    pub series: Vec<Series>,
    /// The number of ranked units in the largest period (the bump chart's depth).
    pub max_rank: u32,
}

pub fn trend(d: &DataSet, indicator: &str, units: &[String]) -> TrendView {
    let periods: Vec<String> = d.periods().into_iter().filter(|p| !p.contains('Q')).collect();
    let periods = if periods.is_empty() { d.periods() } else { periods };
    let series = units
        .iter()
        .map(|u| {
            let find =
                |p: &str| d.observations.iter().find(|o| o.unit == *u && o.period == p && o.indicator == indicator);
            Series {
                unit: u.clone(),
                values: periods.iter().map(|p| find(p).and_then(|o| o.value)).collect(),
                ranks: periods.iter().map(|p| find(p).and_then(|o| o.rank)).collect(),
            }
        })
        .collect();
    let max_rank = d.observations.iter().filter(|o| o.indicator == indicator).filter_map(|o| o.rank).max().unwrap_or(1);
    TrendView { indicator: indicator.to_string(), periods, series, max_rank }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Observation;

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
}
