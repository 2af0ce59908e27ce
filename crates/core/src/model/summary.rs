//! What the views ask of a data set on every render (its periods, indicators, groups and
//! units, and which observations hold one period's values of one indicator), worked out
//! once per data set instead of once per question. A commune-level data set has 2.1
//! million observations: a scan for its periods alone is a frame's time.
//!
//! The summary is kept beside the observations and checked against them (their address
//! and count) before use: a data set whose observations are replaced or grow is summed up
//! again; a clone starts without one.

use std::cell::OnceCell;
use std::rc::Rc;

use crate::model::Map;
use crate::model::{is_overall, ByObject, Observation, Text, OVERALL};
use rustc_hash::FxHashMap as FxMap;

/// Distinct periods, indicators, groups and units, and each (period, indicator)'s rows.
#[derive(Debug, Default)]
pub struct Summary {
    /// Sorted (`2019` < `2019-Q1` < `2020`).
    pub periods: Vec<String>,
    /// First seen first, the overall index moved to the front.
    pub indicators: Vec<String>,
    pub groups: Vec<String>,
    pub units: Vec<String>,
    /// (period, indicator) → the positions of its observations, in file order.
    slices: FxMap<(Text, Text), Vec<u32>>,
    /// The units in Vietnamese order, made on first use.
    sorted: OnceCell<Vec<String>>,
    /// Each unit's place in that order.
    order: OnceCell<FxMap<String, u32>>,
    /// The observations' unit text objects (by address) → the unit's number in `units`: a
    /// row's place in the order is found without hashing its letters. (The objects live as
    /// long as the observations this summary is of.)
    unit_objects: FxMap<usize, u32>,
    /// Each unit's (by its number in `units`) place in Vietnamese order.
    places: OnceCell<Vec<u32>>,
    /// Each unit's key for matching spellings (`units[i]` → `keys[i]`).
    keys: OnceCell<Vec<String>>,
    /// Each period's map of provinces (see [`crate::model::map2025::Map2025::maps`]).
    pub(crate) maps: OnceCell<FxMap<String, Map>>,
}

/// A summary being made a stretch of observations at a time (the page sums up a commune
/// set's 2.1 million in several short tasks).
#[derive(Default)]
pub struct SummaryBuilder {
    // Observations share their Text objects: each object is looked at once by address
    // (a fast hash of a number), its letters only the first time.
    seen: [ByObject<1>; 4],
    out: [Vec<String>; 4],
    // (period, indicator) objects → their rows; objects of equal letters joined at the end.
    by_object: FxMap<(usize, usize), usize>,
    lists: Vec<((Text, Text), Vec<u32>)>,
    next: usize,
}

impl SummaryBuilder {
    /// Takes in the next observations (those after the ones already taken in).
    pub fn feed(&mut self, observations: &[Observation]) {
        for o in observations {
            for (k, t) in [&o.period, &o.indicator, &o.group, &o.unit].into_iter().enumerate() {
                if self.seen[k].id(0, t).1 {
                    self.out[k].push(t.to_string());
                }
            }
            let lists = &mut self.lists;
            let slot = *self.by_object.entry((o.period.addr(), o.indicator.addr())).or_insert_with(|| {
                lists.push(((o.period.clone(), o.indicator.clone()), Vec::new()));
                lists.len() - 1
            });
            self.lists[slot].1.push(self.next as u32);
            self.next += 1;
        }
    }

    pub fn finish(self) -> Summary {
        let SummaryBuilder { out, lists, seen, .. } = self;
        let [_, _, _, units_seen] = seen;
        let mut slices: FxMap<(Text, Text), Vec<u32>> = FxMap::default();
        for (key, rows) in lists {
            match slices.get_mut(&key) {
                // Two objects of one text (files joined): their rows in file order.
                Some(existing) => {
                    existing.extend(rows);
                    existing.sort_unstable();
                }
                None => {
                    slices.insert(key, rows);
                }
            }
        }
        let [mut periods, mut indicators, groups, units] = out;
        periods.sort();
        if let Some(i) =
            indicators.iter().position(|s| s == OVERALL).or_else(|| indicators.iter().position(|s| is_overall(s)))
        {
            let s = indicators.remove(i);
            indicators.insert(0, s);
        }
        Summary {
            periods,
            indicators,
            groups,
            units,
            slices,
            sorted: OnceCell::new(),
            order: OnceCell::new(),
            unit_objects: units_seen.into_objects(),
            places: OnceCell::new(),
            keys: OnceCell::new(),
            maps: OnceCell::new(),
        }
    }
}

impl Summary {
    pub fn of(observations: &[Observation]) -> Summary {
        let mut b = SummaryBuilder::default();
        b.feed(observations);
        b.finish()
    }

    /// The units in Vietnamese alphabetical order (Đ after D, tones after the letter).
    pub fn units_sorted(&self) -> &[String] {
        self.sorted.get_or_init(|| {
            let mut u = self.units.clone();
            u.sort_by_cached_key(|x| crate::text::vi_sort_key(x));
            u
        })
    }

    /// Each unit's spelling-matching key ([`crate::text::units::unit_key`]), in the order of
    /// `units`: worked out once per data set (10,600 commune names take ~15 ms in wasm),
    /// not each time a file is added to the catalog.
    pub fn unit_keys(&self) -> &[String] {
        self.keys.get_or_init(|| self.units.iter().map(|u| crate::text::units::unit_key(u)).collect())
    }

    /// A unit's place in Vietnamese alphabetical order (for sorting rows by name without
    /// working out a sort key per comparison).
    pub fn name_order(&self, unit: &str) -> Option<u32> {
        self.order
            .get_or_init(|| self.units_sorted().iter().enumerate().map(|(i, u)| (u.clone(), i as u32)).collect())
            .get(unit)
            .copied()
    }

    /// A unit's place in Vietnamese alphabetical order, as [`Summary::name_order`], found by
    /// the text object when it is one of the observations'.
    pub fn name_order_of(&self, unit: &Text) -> Option<u32> {
        match self.unit_objects.get(&unit.addr()) {
            Some(&number) => {
                let places = self.places.get_or_init(|| {
                    let mut places = vec![0; self.units.len()];
                    let numbers: FxMap<&str, usize> =
                        self.units.iter().enumerate().map(|(i, u)| (u.as_str(), i)).collect();
                    for (place, u) in self.units_sorted().iter().enumerate() {
                        if let Some(&i) = numbers.get(u.as_str()) {
                            places[i] = place as u32;
                        }
                    }
                    places
                });
                places.get(number as usize).copied()
            }
            None => self.name_order(unit),
        }
    }

    /// The slices of one period: each indicator's rows in it.
    pub fn slices_of_period<'a>(&'a self, period: &'a str) -> impl Iterator<Item = &'a [u32]> + 'a {
        self.slices.iter().filter(move |((p, _), _)| p.as_str() == period).map(|(_, rows)| rows.as_slice())
    }

    /// Positions of the observations of `period` and `indicator`.
    pub fn slice(&self, period: &str, indicator: &str) -> &[u32] {
        self.slices.get(&(Text::from(period), Text::from(indicator))).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// A data set's summary, made on first use. Equal to any other (it is derived data), and
/// a clone starts empty.
#[derive(Default)]
pub struct SummaryCell(OnceCell<(usize, usize, Rc<Summary>)>);

impl SummaryCell {
    /// The summary of `observations`, made now if there is none or it is of other ones.
    pub fn get(&self, observations: &[Observation]) -> Rc<Summary> {
        let key = (observations.as_ptr() as usize, observations.len());
        match self.0.get() {
            Some((p, n, s)) if (*p, *n) == key => s.clone(),
            // Made for other observations (the set was changed after a view read it): not
            // kept, so that a set being built is not summed up at every step.
            Some(_) => Rc::new(Summary::of(observations)),
            None => self.0.get_or_init(|| (key.0, key.1, Rc::new(Summary::of(observations)))).2.clone(),
        }
    }
}

impl SummaryCell {
    /// Keeps a summary made elsewhere (by a [`SummaryBuilder`] fed these observations).
    pub fn set(&self, observations: &[Observation], s: Summary) {
        // One already kept (made on first use meanwhile) is of the same observations: the
        // new one is dropped.
        let _ = self.0.set((observations.as_ptr() as usize, observations.len(), Rc::new(s)));
    }

    /// Whether a summary is kept (made on first use, or kept by [`SummaryCell::set`]).
    pub fn is_made(&self) -> bool {
        self.0.get().is_some()
    }
}

impl Clone for SummaryCell {
    fn clone(&self) -> Self {
        SummaryCell::default()
    }
}

impl PartialEq for SummaryCell {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for SummaryCell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.get().is_some() { "SummaryCell(made)" } else { "SummaryCell(empty)" })
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{test_obs as obs, DataSet, OVERALL};

    #[test]
    fn a_units_place_is_the_same_by_object_or_by_letters() {
        let names = ["Đồng Nai", "Đà Nẵng", "An Giang", "Bà Rịa – Vũng Tàu", "Đắk Lắk", "Ấp Bắc"];
        let mut d = DataSet::default();
        for (i, n) in names.iter().chain(&names).enumerate() {
            // Each name as two text objects (two files joined).
            d.observations.push(obs(n, if i < names.len() { "2023" } else { "2024" }, "X", 1.0));
        }
        let s = d.summary();
        for o in &d.observations {
            assert_eq!(s.name_order_of(&o.unit), s.name_order(&o.unit), "{}", o.unit);
            assert!(s.name_order_of(&o.unit).is_some());
        }
        // A text of no observation is found by its letters.
        assert_eq!(s.name_order_of(&"An Giang".into()), Some(0));
        assert_eq!(s.name_order_of(&"Huế".into()), None);
    }

    #[test]
    fn made_once_and_again_when_the_observations_change() {
        let mut d = DataSet {
            observations: vec![
                obs("A", "2021", "X", 1.0),
                obs("B", "2021", "X", 2.0),
                obs("A", "2020", OVERALL, 3.0),
                obs("A", "2021", "X", 4.0),
                obs("B", "2020", "X", 5.0),
            ],
            ..Default::default()
        };
        assert_eq!(d.periods(), ["2020", "2021"]);
        assert_eq!(d.indicators(), [OVERALL, "X"]);
        assert_eq!(d.units(), ["A", "B"]);
        let values = |d: &DataSet, p: &str, i: &str| d.slice(p, i).map(|o| o.value.unwrap()).collect::<Vec<_>>();
        assert_eq!(values(&d, "2021", "X"), [1.0, 2.0, 4.0]);
        assert_eq!(values(&d, "2020", "X"), [5.0]);
        assert!(values(&d, "2019", "X").is_empty());
        // The same summary while the observations stay.
        assert!(std::rc::Rc::ptr_eq(&d.summary(), &d.summary()));
        // Changed observations are summed up again; a clone starts afresh.
        d.observations.push(obs("C", "2022", "Y", 6.0));
        assert_eq!(d.periods(), ["2020", "2021", "2022"]);
        assert_eq!(values(&d, "2022", "Y"), [6.0]);
        let c = d.clone();
        assert_eq!(c.units(), ["A", "B", "C"]);
        assert_eq!(c, d);
    }

    #[test]
    fn made_in_stretches_it_is_the_same() {
        let mut observations = Vec::new();
        for (p, i) in [("2020", "X"), ("2021", "X"), ("2020", "Y"), ("2021", "X")] {
            for u in ["A", "B", "C"] {
                observations.push(obs(u, p, i, 1.0));
            }
        }
        let whole = super::Summary::of(&observations);
        let mut b = super::SummaryBuilder::default();
        for part in observations.chunks(5) {
            b.feed(part);
        }
        let parts = b.finish();
        assert_eq!(
            (&parts.periods, &parts.indicators, &parts.units),
            (&whole.periods, &whole.indicators, &whole.units)
        );
        for (p, i) in [("2020", "X"), ("2021", "X"), ("2020", "Y"), ("2021", "Y")] {
            assert_eq!(parts.slice(p, i), whole.slice(p, i), "{p} {i}");
        }
        assert_eq!(whole.slice("2021", "X"), [3, 4, 5, 9, 10, 11]);
        // Kept for the data set it was made for.
        let d = DataSet { observations, ..Default::default() };
        d.summary.set(&d.observations, parts);
        assert_eq!(d.periods(), ["2020", "2021"]);
    }
}
