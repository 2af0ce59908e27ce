//! Comparison: selected units × components, and one unit against its peer group.

use crate::analyse::stats::{mean, median, spread, tidy};
use crate::model::{is_overall, DataSet};

/// Peer-group figures for one component in one period.
#[derive(Clone, Debug, PartialEq)]
pub struct PeerStats {
    pub component: String,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    pub best: Option<f64>,
    /// The highest value any unit of the data set reached for it, over all periods:
    /// the component's scale where the file gives no maximum.
    pub max_seen: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ComparisonView {
    pub period: String,
    /// Components (every indicator but the overall index), in the data set's order.
    pub components: Vec<String>,
    /// One row per selected unit: its value for each component.
    pub rows: Vec<(String, Vec<Option<f64>>)>,
    /// The focus unit (my unit, or the first selected) against its peer group.
    pub focus: Option<String>,
    pub focus_values: Vec<Option<f64>>,
    pub peers: Vec<PeerStats>,
    /// Components where the focus unit stands furthest above / below its peers (in
    /// standard deviations), strongest first / weakest first; at most three each.
    pub strongest: Vec<(String, f64)>,
    pub weakest: Vec<(String, f64)>,
}

/// The peer group of a unit: units of the same group in that period.
fn group_of<'a>(d: &'a DataSet, unit: &str, period: &str) -> Option<&'a str> {
    d.observations.iter().find(|o| o.unit == unit && o.period == period).map(|o| o.group.as_str())
}

pub fn comparison(d: &DataSet, period: &str, units: &[String], focus: Option<&str>) -> ComparisonView {
    let mut components: Vec<String> = d.indicators().into_iter().filter(|i| !is_overall(i)).collect();
    if components.is_empty() {
        components = d.indicators();
    }
    let value = |unit: &str, c: &str| {
        d.observations.iter().find(|o| o.unit == unit && o.period == period && o.indicator == c).and_then(|o| o.value)
    };
    let rows = units.iter().map(|u| (u.clone(), components.iter().map(|c| value(u, c)).collect())).collect();
    let focus = focus.map(str::to_string).or_else(|| units.first().cloned());
    let group = focus.as_deref().and_then(|f| group_of(d, f, period)).unwrap_or("");
    let mut peers = Vec::new();
    let mut standing = Vec::new();
    let focus_values: Vec<Option<f64>> =
        components.iter().map(|c| focus.as_deref().and_then(|f| value(f, c))).collect();
    for (k, c) in components.iter().enumerate() {
        let vals: Vec<f64> = d
            .observations
            .iter()
            .filter(|o| o.period == period && o.indicator == *c && o.group == group)
            .filter_map(|o| o.value)
            .collect();
        let lower = d.is_lower_better(c);
        let best = if lower { vals.iter().copied().reduce(f64::min) } else { vals.iter().copied().reduce(f64::max) };
        let max_seen = d.observations.iter().filter(|o| o.indicator == *c).filter_map(|o| o.value).reduce(f64::max);
        let (m, s) = (mean(&vals), spread(&vals));
        if let (Some(v), Some(m), Some(s)) = (focus_values[k], m, s) {
            if s > 0.0 {
                let z = (v - m) / s;
                standing.push((c.clone(), tidy(if lower { -z } else { z })));
            }
        }
        peers.push(PeerStats { component: c.clone(), mean: m.map(tidy), median: median(&vals), best, max_seen });
    }
    let mut sorted = standing.clone();
    sorted.sort_by(|a, b| b.1.total_cmp(&a.1));
    let strongest: Vec<(String, f64)> = sorted.iter().filter(|(_, z)| *z > 0.0).take(3).cloned().collect();
    let weakest: Vec<(String, f64)> = sorted.iter().rev().filter(|(_, z)| *z < 0.0).take(3).cloned().collect();
    ComparisonView { period: period.to_string(), components, rows, focus, focus_values, peers, strongest, weakest }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Observation;

    fn o(group: &str, unit: &str, ind: &str, v: f64) -> Observation {
        Observation {
            group: group.into(),
            unit: unit.into(),
            period: "2023".into(),
            indicator: ind.into(),
            value: Some(v),
            rank: None,
        }
    }

    #[test]
    fn a_unit_against_its_own_peer_group() {
        let d = DataSet {
            observations: vec![
                o("Sở", "A", "TTHC", 8.0),
                o("Sở", "A", "Thể chế", 4.0),
                o("Sở", "B", "TTHC", 6.0),
                o("Sở", "B", "Thể chế", 8.0),
                o("Sở", "C", "TTHC", 4.0),
                o("Sở", "C", "Thể chế", 6.0),
                // Another peer group: never compared with "Sở".
                o("Huyện", "X", "TTHC", 100.0),
                o("Huyện", "X", "Thể chế", 100.0),
            ],
            ..Default::default()
        };
        let v = comparison(&d, "2023", &["A".into(), "B".into()], None);
        assert_eq!(v.components, vec!["TTHC", "Thể chế"]);
        assert_eq!(v.rows[1], ("B".to_string(), vec![Some(6.0), Some(8.0)]));
        assert_eq!(v.focus.as_deref(), Some("A"));
        assert_eq!(v.peers[0].mean, Some(6.0));
        assert_eq!(v.peers[0].median, Some(6.0));
        assert_eq!(v.peers[0].best, Some(8.0));
        assert_eq!(v.peers[0].max_seen, Some(100.0));
        assert_eq!(v.strongest[0].0, "TTHC");
        assert_eq!(v.weakest[0].0, "Thể chế");
    }
}
