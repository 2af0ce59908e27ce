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
use crate::text::units::Registry;
use rustc_hash::FxHashMap;

/// The 34 from 1 July 2025: (short name, official form, predecessors among the 63 by their
/// canonical names; the first is the one whose name was kept).
pub const PROVINCES_2025: &[(&str, &str, &[&str])] = &[
    ("Hà Nội", "Thành phố Hà Nội", &["Hà Nội"]),
    ("Huế", "Thành phố Huế", &["Huế"]),
    ("Lai Châu", "Tỉnh Lai Châu", &["Lai Châu"]),
    ("Điện Biên", "Tỉnh Điện Biên", &["Điện Biên"]),
    ("Sơn La", "Tỉnh Sơn La", &["Sơn La"]),
    ("Lạng Sơn", "Tỉnh Lạng Sơn", &["Lạng Sơn"]),
    ("Quảng Ninh", "Tỉnh Quảng Ninh", &["Quảng Ninh"]),
    ("Thanh Hóa", "Tỉnh Thanh Hóa", &["Thanh Hóa"]),
    ("Nghệ An", "Tỉnh Nghệ An", &["Nghệ An"]),
    ("Hà Tĩnh", "Tỉnh Hà Tĩnh", &["Hà Tĩnh"]),
    ("Cao Bằng", "Tỉnh Cao Bằng", &["Cao Bằng"]),
    ("Tuyên Quang", "Tỉnh Tuyên Quang", &["Tuyên Quang", "Hà Giang"]),
    ("Lào Cai", "Tỉnh Lào Cai", &["Lào Cai", "Yên Bái"]),
    ("Thái Nguyên", "Tỉnh Thái Nguyên", &["Thái Nguyên", "Bắc Kạn"]),
    ("Phú Thọ", "Tỉnh Phú Thọ", &["Phú Thọ", "Vĩnh Phúc", "Hòa Bình"]),
    ("Bắc Ninh", "Tỉnh Bắc Ninh", &["Bắc Ninh", "Bắc Giang"]),
    ("Hưng Yên", "Tỉnh Hưng Yên", &["Hưng Yên", "Thái Bình"]),
    ("Hải Phòng", "Thành phố Hải Phòng", &["Hải Phòng", "Hải Dương"]),
    ("Ninh Bình", "Tỉnh Ninh Bình", &["Ninh Bình", "Hà Nam", "Nam Định"]),
    ("Quảng Trị", "Tỉnh Quảng Trị", &["Quảng Trị", "Quảng Bình"]),
    ("Đà Nẵng", "Thành phố Đà Nẵng", &["Đà Nẵng", "Quảng Nam"]),
    ("Quảng Ngãi", "Tỉnh Quảng Ngãi", &["Quảng Ngãi", "Kon Tum"]),
    ("Gia Lai", "Tỉnh Gia Lai", &["Gia Lai", "Bình Định"]),
    ("Khánh Hòa", "Tỉnh Khánh Hòa", &["Khánh Hòa", "Ninh Thuận"]),
    ("Lâm Đồng", "Tỉnh Lâm Đồng", &["Lâm Đồng", "Đắk Nông", "Bình Thuận"]),
    ("Đắk Lắk", "Tỉnh Đắk Lắk", &["Đắk Lắk", "Phú Yên"]),
    ("TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh", &["TP. Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"]),
    ("Đồng Nai", "Tỉnh Đồng Nai", &["Đồng Nai", "Bình Phước"]),
    ("Tây Ninh", "Tỉnh Tây Ninh", &["Tây Ninh", "Long An"]),
    ("Cần Thơ", "Thành phố Cần Thơ", &["Cần Thơ", "Sóc Trăng", "Hậu Giang"]),
    ("Vĩnh Long", "Tỉnh Vĩnh Long", &["Vĩnh Long", "Bến Tre", "Trà Vinh"]),
    ("Đồng Tháp", "Tỉnh Đồng Tháp", &["Đồng Tháp", "Tiền Giang"]),
    ("Cà Mau", "Tỉnh Cà Mau", &["Cà Mau", "Bạc Liêu"]),
    ("An Giang", "Tỉnh An Giang", &["An Giang", "Kiên Giang"]),
];

/// Provinces older than the 63, with the one of the 34 their whole land lies in now; none
/// where it was split between two of the 34 (Hà Sơn Bình, Nghệ Tĩnh...).
const HISTORICAL_2025: &[(&str, &str)] = &[
    ("Hà Tây", "Hà Nội"),
    ("Hà Bắc", "Bắc Ninh"),
    ("Hà Nam Ninh", "Ninh Bình"),
    ("Nam Hà", "Ninh Bình"),
    ("Vĩnh Phú", "Phú Thọ"),
    ("Minh Hải", "Cà Mau"),
    ("Cửu Long", "Vĩnh Long"),
    ("Hà Tuyên", "Tuyên Quang"),
    ("Hoàng Liên Sơn", "Lào Cai"),
    ("Bắc Thái", "Thái Nguyên"),
    ("Quảng Nam - Đà Nẵng", "Đà Nẵng"),
];

/// Which map a period of data is on (in the model's root, where a data set's summary
/// keeps each period's map without depending on this module).
pub use super::Map;

/// The 34 of the new map, each with its predecessors, by canonical unit names (as the
/// registry names units in data sets: "Huế" for Thừa Thiên Huế, its name to 2025).
pub struct Map2025 {
    registry: &'static Registry,
    /// canonical name of one of the 63 (or a historical one) → index into PROVINCES_2025.
    successor: FxHashMap<&'static str, usize>,
    /// canonical names of the 34, as units in data sets.
    canonical_34: Vec<String>,
}

impl Default for Map2025 {
    fn default() -> Self {
        let registry = Registry::shared();
        let mut successor = FxHashMap::default();
        for (k, (_, _, from)) in PROVINCES_2025.iter().enumerate() {
            for p in *from {
                successor.insert(*p, k);
            }
        }
        for (old, new) in HISTORICAL_2025 {
            if let Some(k) = PROVINCES_2025.iter().position(|(n, _, _)| n == new) {
                successor.insert(*old, k);
            }
        }
        let canonical_34 = PROVINCES_2025.iter().map(|(n, _, _)| registry.canonical(n)).collect();
        Map2025 { registry, successor, canonical_34 }
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
    /// The province (one of the 63, or an older one) a unit's name stands for, canonical.
    fn province(&self, unit: &str) -> Option<&'static str> {
        self.registry.province(unit)
    }

    /// Was this province absorbed into another on 1 July 2025 (its name gone)?
    pub fn absorbed(&self, unit: &str) -> bool {
        self.province(unit).is_some_and(|p| PROVINCES_2025.iter().any(|(_, _, from)| from[1..].contains(&p)))
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
        let p = self.province(unit)?;
        self.successor.get(p).map(|k| PROVINCES_2025[*k].0)
    }

    /// Is this unit, in a period on the old map, a province that a merger ended (absorbed,
    /// or merged under its own name)? Its series stops at the change.
    pub fn merged(&self, unit: &str) -> bool {
        self.province(unit).and_then(|p| self.successor.get(p)).is_some_and(|k| PROVINCES_2025[*k].2.len() > 1)
    }

    /// The predecessors (canonical names) of one of the 34, given by its canonical name.
    pub fn predecessors(&self, unit_34: &str) -> &'static [&'static str] {
        self.canonical_34.iter().position(|c| c == unit_34).map_or(&[], |k| PROVINCES_2025[k].2)
    }

    /// The canonical names of the 34, as units in data sets.
    /// The index among [`PROVINCES_2025`] of the province of the 34 that `unit` (one of
    /// the 63, or a historical name) went into.
    pub(crate) fn successor_index(&self, unit: &str) -> Option<usize> {
        self.province(unit).and_then(|p| self.successor.get(p).copied())
    }

    pub fn canonical_34(&self) -> &[String] {
        &self.canonical_34
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::units::PROVINCES;

    #[test]
    fn every_one_of_the_63_has_one_successor_among_the_34() {
        assert_eq!(PROVINCES_2025.len(), 34);
        let m = Map2025::default();
        let mut seen = std::collections::HashSet::new();
        for (_, _, from) in PROVINCES_2025 {
            for p in *from {
                assert!(PROVINCES.iter().any(|(n, _)| n == p), "{p} is not one of the 63");
                assert!(seen.insert(*p), "{p} twice");
            }
        }
        assert_eq!(seen.len(), 63);
        let unchanged = PROVINCES_2025.iter().filter(|(_, _, f)| f.len() == 1).count();
        assert_eq!(unchanged, 11);
        // The kept name is the first predecessor, and 23 provinces are merged.
        for (name, _, from) in PROVINCES_2025.iter().filter(|(_, _, f)| f.len() > 1) {
            assert_eq!(m.registry.canonical(name), from[0], "{name}");
        }
        for (p, _) in PROVINCES {
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
        for (short, official, from) in PROVINCES_2025 {
            // "Tỉnh Tuyên Quang", "Thành phố Huế" and the short names are one unit.
            assert_eq!(m.registry.canonical(official), m.registry.canonical(short), "{official}");
            assert_eq!(m.province_2025(official), Some(*short), "{official}");
            assert_eq!(m.registry.canonical(short), from[0]);
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

#[cfg(test)]
mod equivalence_tmp {
    use super::*;
    use crate::text::provinces::{historical, the_34, the_63};
    use crate::text::units::{HISTORICAL, PROVINCES};

    #[test]
    fn registry_equals_the_old_tables() {
        let new63: Vec<(&str, &[&str])> = the_63().iter().map(|id| (id.name(), id.province().spellings)).collect();
        assert_eq!(new63, PROVINCES.to_vec());
        let newh: Vec<(&str, &[&str])> = historical().iter().map(|id| (id.name(), id.province().spellings)).collect();
        assert_eq!(newh, HISTORICAL.to_vec());
        let new34: Vec<(&str, &str, Vec<&str>)> = the_34()
            .iter()
            .map(|id| (id.name(), id.province().official.unwrap(), id.predecessors().iter().map(|p| p.name()).collect()))
            .collect();
        let old34: Vec<(&str, &str, Vec<&str>)> = PROVINCES_2025.iter().map(|(a, b, c)| (*a, *b, c.to_vec())).collect();
        assert_eq!(new34, old34);
        let newh25: Vec<(&str, &str)> = historical()
            .iter()
            .filter_map(|id| id.province().successor.map(|s| (id.name(), s.name())))
            .collect();
        assert_eq!(newh25, HISTORICAL_2025.to_vec());
    }
}
