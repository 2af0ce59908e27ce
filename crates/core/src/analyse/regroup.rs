//! Pre-2025 province data regrouped onto the 34 provinces of 1 July 2025.

use rustc_hash::FxHashMap;

use crate::model::map2025::Map2025;
use crate::model::{DataSet, Map, Observation, Text};
use crate::text::provinces;

/// A value of the regrouped data: one of the 34 in a pre-2025 period, the mean of its
/// predecessors' values.
#[derive(Clone, Debug, PartialEq)]
pub struct Derived {
    pub unit: Text,
    pub period: Text,
    pub indicator: Text,
    /// The predecessors whose values went into the mean.
    pub from: Vec<String>,
    /// How many predecessors the province has.
    pub of: usize,
}

/// Pre-2025 province data regrouped onto the 34: in each (group, period, indicator) on
/// the old map, one observation per province of the 34, the mean of its predecessors'
/// values (those that have one), ranked again among the 34 (competition ranks, higher is
/// better unless the indicator says otherwise). Units that are not provinces stay as they
/// are; periods on the new map are kept as they are. Returns the data set and what was
/// derived.
pub fn regroup(d: &DataSet, m: &Map2025) -> (DataSet, Vec<Derived>) {
    let maps = m.maps(d);
    let mut out = DataSet {
        observations: Vec::with_capacity(d.observations.len()),
        regrouped: true,
        ..d.clone_without_observations()
    };
    // (group, period, indicator) on the old map → per successor: values of predecessors.
    type Slice = (Text, Text, Text);
    let mut slices: Vec<Slice> = Vec::new();
    let mut sums: FxHashMap<Slice, Vec<Vec<(String, f64)>>> = FxHashMap::default();
    for o in &d.observations {
        let old = maps.get(o.period.as_str()) == Some(&Map::P63);
        let k = if old { m.successor_index(&o.unit) } else { None };
        let Some(k) = k else {
            out.observations.push(o.clone());
            continue;
        };
        let key = (o.group.clone(), o.period.clone(), o.indicator.clone());
        let entry = sums.entry(key.clone()).or_insert_with(|| {
            slices.push(key);
            vec![Vec::new(); provinces::the_34().len()]
        });
        if let Some(v) = o.value {
            entry[k].push((o.unit.to_string(), v));
        }
    }
    let mut derived = Vec::new();
    let names: Vec<Text> = m.canonical_34().iter().map(|n| Text::from(n.as_str())).collect();
    for key in slices {
        let per = &sums[&key];
        let start = out.observations.len();
        for (k, vals) in per.iter().enumerate() {
            let value = (!vals.is_empty()).then(|| vals.iter().map(|(_, v)| v).sum::<f64>() / vals.len() as f64);
            out.observations.push(Observation {
                group: key.0.clone(),
                unit: names[k].clone(),
                period: key.1.clone(),
                indicator: key.2.clone(),
                value,
                rank: None,
            });
            derived.push(Derived {
                unit: names[k].clone(),
                period: key.1.clone(),
                indicator: key.2.clone(),
                from: vals.iter().map(|(u, _)| u.clone()).collect(),
                of: provinces::the_34()[k].predecessors().len(),
            });
        }
        // Ranks among the 34.
        let lower = d.is_lower_better(&key.2);
        let members: Vec<u32> = (start as u32..out.observations.len() as u32).collect();
        crate::model::competition_rank(&mut out.observations, &members, lower);
    }
    (out, derived)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obs(unit: &str, period: &str, value: Option<f64>) -> Observation {
        Observation {
            group: "".into(),
            unit: unit.into(),
            period: period.into(),
            indicator: "X".into(),
            value,
            rank: None,
        }
    }

    #[test]
    fn regrouping_means_ranks_and_a_missing_predecessor() {
        let m = Map2025::default();
        let mut d = DataSet::default();
        // 2024: Ninh Bình 80, Hà Nam 70, Nam Định missing → Ninh Bình (34) = 75 from 2 of 3.
        // Hải Phòng 90 + Hải Dương 60 → 75; Hà Nội 85 alone; Sở Tư pháp stays as it is.
        for (u, v) in [
            ("Ninh Bình", Some(80.0)),
            ("Hà Nam", Some(70.0)),
            ("Nam Định", None),
            ("Hải Phòng", Some(90.0)),
            ("Hải Dương", Some(60.0)),
            ("Hà Nội", Some(85.0)),
            ("Sở Tư pháp", Some(1.0)),
        ] {
            d.observations.push(obs(u, "2024", v));
        }
        // 2025 on the new map: kept as it is.
        d.observations.push(obs("Ninh Bình", "2025", Some(77.0)));
        d.observations.push(obs("Hà Nội", "2025", Some(86.0)));
        let (r, derived) = regroup(&d, &m);
        let get =
            |u: &str, p: &str| r.observations.iter().find(|o| o.unit == u && o.period == p).map(|o| (o.value, o.rank));
        assert_eq!(get("Ninh Bình", "2024"), Some((Some(75.0), Some(2))));
        assert_eq!(get("Hải Phòng", "2024"), Some((Some(75.0), Some(2))));
        assert_eq!(get("Hà Nội", "2024"), Some((Some(85.0), Some(1))));
        assert_eq!(get("Hà Nam", "2024"), None);
        assert_eq!(get("Sở Tư pháp", "2024"), Some((Some(1.0), None)));
        assert_eq!(get("Ninh Bình", "2025"), Some((Some(77.0), None)));
        // 34 provinces in 2024, those without data have no value and no rank.
        assert_eq!(r.observations.iter().filter(|o| o.period == "2024").count(), 34 + 1);
        assert_eq!(get("Cà Mau", "2024"), Some((None, None)));
        let nb = derived.iter().find(|x| x.unit == "Ninh Bình").unwrap();
        assert_eq!((nb.from.clone(), nb.of), (vec!["Ninh Bình".to_string(), "Hà Nam".to_string()], 3));
    }
}
