//! Vietnam's provinces across 1 July 2025: the 34 provincial units that replaced the 63,
//! which of the 63 each was made from, which map a data set's period is on, and the
//! regrouping of pre-2025 province data onto the 34.
//!
//! Source: Resolution 202/2025/QH15 of the National Assembly on the arrangement of
//! provincial-level administrative units (12 June 2025, in force 1 July 2025), the same
//! list as Resolution 60-NQ/TW of the Party Central Committee (12 April 2025).
//!
//! Identity across the change: an unchanged province is one unit before and after, under
//! its name in force (Huế, named Thừa Thiên Huế until 1 January 2025, is "Huế" in every
//! period). A merged province that kept a predecessor's name ("Ninh Bình" ← Ninh Bình +
//! Hà Nam + Nam Định) is a new unit from 2025 on: its name in a pre-2025 period means the
//! predecessor, in a later period the merged province.

use crate::model::DataSet;
use crate::text::provinces::{self, ProvinceId};
use crate::text::units::Registry;
use rustc_hash::FxHashMap;

/// Which map a period of data is on (in the model's root, where a data set's summary
/// keeps each period's map without depending on this module).
pub use super::Map;

/// The 34 of the new map, each with its predecessors, by canonical unit names (as the
/// registry names units in data sets: "Huế" for Thừa Thiên Huế, its name to 2025). The
/// facts are the province registry's ([`crate::text::provinces`]); this reads them by the
/// names data sets give units.
pub struct Map2025 {
    registry: &'static Registry,
    /// canonical names of the 34, as units in data sets.
    canonical_34: Vec<String>,
    /// The predecessors' canonical names of each of the 34, in the order of the 34.
    predecessors: Vec<Vec<&'static str>>,
}

impl Default for Map2025 {
    fn default() -> Self {
        let registry = Registry::shared();
        let the_34 = provinces::the_34();
        let canonical_34 = the_34.iter().map(|id| registry.canonical(id.name())).collect();
        let predecessors = the_34.iter().map(|id| id.predecessors().iter().map(|from| from.name()).collect()).collect();
        Map2025 { registry, canonical_34, predecessors }
    }
}

impl Map2025 {
    /// One registry for the whole program (built once: its keys are folded names).
    pub fn shared() -> &'static Map2025 {
        static SHARED: std::sync::OnceLock<Map2025> = std::sync::OnceLock::new();
        SHARED.get_or_init(Map2025::default)
    }
}

/// The year a period starts with ("2024", "2024-Q3").
pub(crate) fn period_year(period: &str) -> Option<u16> {
    period.get(..4).and_then(|y| y.parse().ok())
}

impl Map2025 {
    /// The province (one of the 63, or an older one) a unit's name stands for.
    fn province(&self, unit: &str) -> Option<ProvinceId> {
        self.registry.province_id(unit)
    }

    /// The one of the 34 a unit's province is or went into (for an older province, the
    /// one its whole land lies in now).
    fn successor(&self, unit: &str) -> Option<ProvinceId> {
        self.province(unit).and_then(|id| id.province().successor)
    }

    /// Was this province absorbed into another on 1 July 2025 (its name gone)?
    pub fn absorbed(&self, unit: &str) -> bool {
        // Absorbed: one of its successor's predecessors but the first, whose name was kept.
        let absorbed_into =
            |id: ProvinceId, successor: ProvinceId| successor.predecessors().iter().skip(1).any(|&from| from == id);
        self.province(unit)
            .is_some_and(|id| id.province().successor.is_some_and(|successor| absorbed_into(id, successor)))
    }

    /// The map a period of data is on: before 2025 the 63; from 2025 the 34, unless the
    /// period's units still include a province absorbed in the change.
    pub fn map_of<'a>(&self, period: &str, mut units: impl Iterator<Item = &'a str>) -> Map {
        match period_year(period) {
            Some(y) if y >= 2025 && !units.any(|u| self.absorbed(u)) => Map::P34,
            _ => Map::P63,
        }
    }

    /// Each period of a data set with its map.
    pub fn maps(&self, d: &DataSet) -> FxHashMap<String, Map> {
        // Made once per data set (kept in its summary): the registry is the same for all.
        let s = d.summary();
        s.maps.get_or_init(|| self.maps_of(d, &s)).clone()
    }

    fn maps_of(&self, d: &DataSet, s: &crate::model::summary::Summary) -> FxHashMap<String, Map> {
        let mut seen: FxHashMap<usize, bool> = FxHashMap::default();
        let mut absorbed = |i: u32| {
            let u = &d.observations[i as usize].unit;
            *seen.entry(u.addr()).or_insert_with(|| self.absorbed(u))
        };
        s.periods
            .iter()
            .map(|p| {
                let new = period_year(p).is_some_and(|y| y >= 2025)
                    && !s.slices_of_period(p).any(|rows| rows.iter().any(|&i| absorbed(i)));
                (p.clone(), if new { Map::P34 } else { Map::P63 })
            })
            .collect()
    }

    /// The province after 1 July 2025 (one of the 34, short name) that a unit lies in: the
    /// successor of one of the 63 (on the old map), the province itself on the new map (a
    /// kept name is its own successor, so both read alike); `None` for a unit that is not a
    /// province (or a historical one split between two of the 34).
    pub fn province_2025(&self, unit: &str) -> Option<&'static str> {
        self.successor(unit).map(ProvinceId::name)
    }

    /// Is this unit, in a period on the old map, a province that a merger ended (absorbed,
    /// or merged under its own name)? Its series stops at the change.
    pub fn merged(&self, unit: &str) -> bool {
        self.successor(unit).is_some_and(|successor| successor.predecessors().len() > 1)
    }

    /// The predecessors (canonical names) of one of the 34, given by its canonical name.
    pub fn predecessors(&self, unit_34: &str) -> &[&'static str] {
        self.canonical_34.iter().position(|c| c == unit_34).map_or(&[], |place| &self.predecessors[place])
    }

    /// The place among [`provinces::the_34`] of the province of the 34 that `unit` (one of
    /// the 63, or a historical name) went into.
    pub(crate) fn successor_index(&self, unit: &str) -> Option<usize> {
        self.successor(unit).and_then(ProvinceId::place_34)
    }

    /// The canonical names of the 34, as units in data sets.
    pub fn canonical_34(&self) -> &[String] {
        &self.canonical_34
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The short names of the 34.
    fn names_34() -> Vec<&'static str> {
        provinces::the_34().iter().map(|id| id.name()).collect()
    }

    #[test]
    fn every_one_of_the_63_has_one_successor_among_the_34() {
        assert_eq!(names_34().len(), 34);
        let m = Map2025::default();
        let the_63: Vec<&str> = provinces::the_63().iter().map(|id| id.name()).collect();
        let mut seen = std::collections::HashSet::new();
        for name in names_34() {
            for p in m.predecessors(name) {
                assert!(the_63.contains(p), "{p} is not one of the 63");
                assert!(seen.insert(*p), "{p} twice");
            }
        }
        assert_eq!(seen.len(), 63);
        let unchanged = names_34().iter().filter(|name| m.predecessors(name).len() == 1).count();
        assert_eq!(unchanged, 11);
        // The kept name is the first predecessor, and 23 provinces are merged.
        for name in names_34().iter().filter(|name| m.predecessors(name).len() > 1) {
            assert_eq!(m.registry.canonical(name), m.predecessors(name)[0], "{name}");
        }
        for p in &the_63 {
            assert!(m.province_2025(p).is_some(), "{p}");
        }
        let cases = [
            ("Hà Giang", "Tuyên Quang"),
            ("Yên Bái", "Lào Cai"),
            ("Bắc Kạn", "Thái Nguyên"),
            ("Hòa Bình", "Phú Thọ"),
            ("Vĩnh Phúc", "Phú Thọ"),
            ("Bắc Giang", "Bắc Ninh"),
            ("Thái Bình", "Hưng Yên"),
            ("Hải Dương", "Hải Phòng"),
            ("Nam Định", "Ninh Bình"),
            ("Hà Nam", "Ninh Bình"),
            ("Quảng Bình", "Quảng Trị"),
            ("Quảng Nam", "Đà Nẵng"),
            ("Kon Tum", "Quảng Ngãi"),
            ("Bình Định", "Gia Lai"),
            ("Ninh Thuận", "Khánh Hòa"),
            ("Đắk Nông", "Lâm Đồng"),
            ("Bình Thuận", "Lâm Đồng"),
            ("Phú Yên", "Đắk Lắk"),
            ("Bình Dương", "TP. Hồ Chí Minh"),
            ("Bà Rịa - Vũng Tàu", "TP. Hồ Chí Minh"),
            ("Bình Phước", "Đồng Nai"),
            ("Long An", "Tây Ninh"),
            ("Sóc Trăng", "Cần Thơ"),
            ("Hậu Giang", "Cần Thơ"),
            ("Bến Tre", "Vĩnh Long"),
            ("Trà Vinh", "Vĩnh Long"),
            ("Tiền Giang", "Đồng Tháp"),
            ("Bạc Liêu", "Cà Mau"),
            ("Kiên Giang", "An Giang"),
            ("Thừa Thiên Huế", "Huế"),
            ("Huế", "Huế"),
            ("Hà Nội", "Hà Nội"),
            ("Hà Tây", "Hà Nội"),
            ("Sở Tư pháp", ""),
            ("Phường Ba Đình", ""),
        ];
        for (unit, want) in cases {
            assert_eq!(m.province_2025(unit).unwrap_or_default(), want, "{unit}");
        }
    }

    #[test]
    fn official_forms_and_hue() {
        let m = Map2025::default();
        for id in provinces::the_34() {
            let (short, official) = (id.name(), id.province().official.unwrap_or_default());
            // "Tỉnh Tuyên Quang", "Thành phố Huế" and the short names are one unit.
            assert_eq!(m.registry.canonical(official), m.registry.canonical(short), "{official}");
            assert_eq!(m.province_2025(official), Some(short), "{official}");
            assert_eq!(m.registry.canonical(short), m.predecessors(short)[0]);
        }
        // Huế under its name in force, whatever name a file of any year gives it.
        for name in ["Thành phố Huế", "Thừa Thiên Huế", "TT-Huế", "Huế"] {
            assert_eq!(m.registry.canonical(name), "Huế", "{name}");
            assert_eq!(m.province_2025(name), Some("Huế"), "{name}");
            assert!(!m.merged(name) && !m.absorbed(name), "{name}");
        }
        assert_eq!(m.predecessors("Huế"), &["Huế"]);
        assert!(m.canonical_34().iter().any(|c| c == "Huế"));
        assert!(!m.canonical_34().iter().any(|c| c == "Thừa Thiên Huế"));
        assert!(m.merged("Ninh Bình") && m.merged("Hà Nam"));
        assert!(m.absorbed("Hà Nam") && !m.absorbed("Ninh Bình"));
    }

    #[test]
    fn a_period_is_told_by_its_year_and_its_names() {
        let m = Map2025::default();
        assert_eq!(m.map_of("2024", ["Ninh Bình"].into_iter()), Map::P63);
        assert_eq!(m.map_of("2025", ["Ninh Bình", "Huế"].into_iter()), Map::P34);
        assert_eq!(m.map_of("2025-Q1", ["Ninh Bình", "Hà Nam"].into_iter()), Map::P63);
        assert_eq!(m.map_of("2026", ["Phường Ba Đình"].into_iter()), Map::P34);
    }
}
