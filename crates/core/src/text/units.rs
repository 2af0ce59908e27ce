//! Units: one canonical name per province, district or department, whatever the spelling.

use std::collections::HashMap;

use crate::text::provinces::{self, ProvinceId};
use crate::text::{clean, fold};

/// A matching key: folded, administrative prefixes dropped, spaces removed.
/// "TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh" and "TP HCM" share "hochiminh"/"hcm" keys;
/// "Ninh Bình (cũ)" and "Can Tho City" lose their suffix.
pub fn unit_key(name: &str) -> String {
    let f = fold(name);
    let mut s = f.as_str();
    for p in ["tinh ", "thanh pho ", "tp ", "quan ", "huyen ", "thi xa ", "province of ", "city of "] {
        if let Some(rest) = s.strip_prefix(p) {
            s = rest;
            break;
        }
    }
    if name.contains('(') {
        for suffix in [" cu", " old"] {
            s = s.strip_suffix(suffix).unwrap_or(s);
        }
    }
    for suffix in [" city", " province"] {
        if let Some(rest) = s.strip_suffix(suffix).filter(|r| !r.is_empty()) {
            s = rest;
        }
    }
    s.replace(' ', "")
}

/// A row that gives each indicator's scale, the most it can score ("Thang điểm").
pub fn is_scale(name: &str) -> bool {
    let f = fold(name);
    ["thang diem", "diem toi da", "toi da", "max score", "maximum score", "maximum", "diem chuan toi da"]
        .contains(&f.as_str())
}

/// Names that stand for a total, an average or another statistic rather than a unit
/// ("Cả nước", "Trung bình", "Min", "Max", "Điểm cao nhất", "Highest"...).
pub fn is_aggregate(name: &str) -> bool {
    let f = fold(name);
    const WORDS: &[&str] = &[
        "ca nuoc",
        "trung binh",
        "tong cong",
        "tong",
        "tong so",
        "binh quan",
        "toan quoc",
        "average",
        "total",
        "median",
        "mean",
        "trung vi",
        "min",
        "max",
        "minimum",
        "maximum",
        "highest",
        "lowest",
        "diem cao nhat",
        "diem thap nhat",
        "diem trung binh",
        "gia tri trung binh",
        "trung binh chung",
        "binh quan chung",
        "so tinh",
        "so don vi",
        "cao nhat",
        "thap nhat",
        "gia tri cao nhat",
        "gia tri thap nhat",
        "do lech chuan",
        "standard deviation",
        "std",
        "national",
        "national average",
        "nationwide",
        "vietnam",
        "viet nam",
        // A column of the scale beside the scores, turned into a row.
        "thang diem",
        "diem toi da",
        "diem chuan",
        "trong so",
        "max score",
        "maximum score",
        "weight",
    ];
    WORDS.iter().any(|p| f == *p || (f.starts_with(p) && f.as_bytes().get(p.len()) == Some(&b' ') && p.len() > 3))
}

/// The names of provinces: keys of every known spelling of the 63 and of the older
/// provinces (from [`provinces::PROVINCES`]) → the province. The provinces that mergers made
/// on 1 July 2025 are not keyed: each has the name of one of the 63, which stands for that
/// one (the 2025 map, [`crate::model::map2025`], tells the two apart by the period).
pub struct Registry {
    keys: HashMap<String, ProvinceId>,
}

impl Default for Registry {
    fn default() -> Self {
        let mut keys = HashMap::new();
        for &id in provinces::the_63().iter().chain(provinces::historical()) {
            let province = id.province();
            keys.insert(unit_key(province.name), id);
            for spelling in province.spellings {
                keys.insert(spelling.replace(' ', ""), id);
            }
        }
        Registry { keys }
    }
}

impl Registry {
    /// One registry for the whole program (built once: its keys are folded names).
    pub fn shared() -> &'static Registry {
        static SHARED: std::sync::OnceLock<Registry> = std::sync::OnceLock::new();
        SHARED.get_or_init(Registry::default)
    }

    /// The province (one of the 63, or an older one) a spelling stands for, if it is one.
    pub fn province_id(&self, name: &str) -> Option<ProvinceId> {
        self.keys.get(&unit_key(name)).copied()
    }

    /// The canonical province for a spelling, if it is one.
    pub fn province(&self, name: &str) -> Option<&'static str> {
        self.province_id(name).map(ProvinceId::name)
    }

    /// The canonical name: a province's, else the text cleaned (NFC, spaces).
    pub fn canonical(&self, name: &str) -> String {
        self.canonical_keyed(name, &unit_key(name))
    }

    /// [`Registry::canonical`] of a name whose [`unit_key`] is already worked out.
    pub fn canonical_keyed(&self, name: &str, key: &str) -> String {
        self.keys.get(key).map_or_else(|| clean(name), |id| id.name().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sixty_three_distinct_provinces() {
        let r = Registry::default();
        for &id in provinces::the_63() {
            assert_eq!(r.province(id.name()), Some(id.name()));
            assert_eq!(r.province_id(id.name()), Some(id));
        }
        let keys: std::collections::HashSet<_> = provinces::the_63().iter().map(|id| unit_key(id.name())).collect();
        assert_eq!(keys.len(), 63);
    }

    #[test]
    fn variants_reconcile() {
        let r = Registry::default();
        let cases = [
            ("TP. Hồ Chí Minh", "TP. Hồ Chí Minh"),
            ("Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh"),
            ("TP HCM", "TP. Hồ Chí Minh"),
            ("TP.HCM", "TP. Hồ Chí Minh"),
            ("Thừa Thiên - Huế", "Huế"),
            ("Hoà Bình", "Hòa Bình"),
            ("Đăk Lăk", "Đắk Lắk"),
            ("Daklak", "Đắk Lắk"),
            ("Ha\u{300} Nô\u{323}i", "Hà Nội"),
            ("  hà   nội ", "Hà Nội"),
            ("Tỉnh Quảng Ninh", "Quảng Ninh"),
            ("Bà Rịa – Vũng Tàu", "Bà Rịa - Vũng Tàu"),
            ("Thanh Hoá", "Thanh Hóa"),
            ("Bắc Cạn", "Bắc Kạn"),
        ];
        for (variant, want) in cases {
            assert_eq!(r.province(variant), Some(want), "{variant}");
        }
        assert_eq!(r.province("Sở Tư pháp"), None);
        assert_eq!(r.canonical("Sở  Tư pháp"), "Sở Tư pháp");
    }

    /// Spellings of published files (PCI by VCCI, PAPI by UNDP, researchers' panels).
    #[test]
    fn spellings_from_the_wild() {
        let r = Registry::default();
        let cases = [
            ("HCMC", "TP. Hồ Chí Minh"),
            ("Ho Chi Minh City", "TP. Hồ Chí Minh"),
            ("Tp.HCM", "TP. Hồ Chí Minh"),
            ("TP.HCM", "TP. Hồ Chí Minh"),
            ("TT-Huế", "Huế"),
            ("TT.Huế", "Huế"),
            ("TT-Hue", "Huế"),
            ("Thua Thien-Hue", "Huế"),
            ("TTH", "Huế"),
            ("BRVT", "Bà Rịa - Vũng Tàu"),
            ("Ba Ria-Vung Tau", "Bà Rịa - Vũng Tàu"),
            ("Dac Lak", "Đắk Lắk"),
            ("Dak Lak", "Đắk Lắk"),
            ("Đăk Nông", "Đắk Nông"),
            ("Dak Nong", "Đắk Nông"),
            ("Bắc Cạn", "Bắc Kạn"),
            ("Bac Kan", "Bắc Kạn"),
            ("THANH HÓA", "Thanh Hóa"),
            ("Hai Phong City", "Hải Phòng"),
            ("Can Tho City", "Cần Thơ"),
            ("Ninh Bình (cũ)", "Ninh Bình"),
            ("Khanh Hoa", "Khánh Hòa"),
            ("Hòa Bình\u{a0}", "Hòa Bình"),
            ("Ha Tay", "Hà Tây"),
        ];
        for (variant, want) in cases {
            assert_eq!(r.province(variant), Some(want), "{variant}");
        }
        // Historical provinces are units of their own, never folded into a successor.
        assert_eq!(r.canonical("Hà Tây"), "Hà Tây");
        assert_eq!(r.canonical("Hà Sơn Bình"), "Hà Sơn Bình");
        assert_eq!(r.province("Nghĩa Bình"), Some("Nghĩa Bình"));
    }

    /// Huế, a centrally run city since 1 January 2025, is shown under that name; its
    /// former names and their spellings resolve to it.
    #[test]
    fn hue_under_its_name_in_force() {
        let r = Registry::default();
        for spelling in [
            "Huế",
            "Thừa Thiên Huế",
            "TT-Huế",
            "TT Huế",
            "Thành phố Huế",
            "TP. Huế",
            "Tỉnh Thừa Thiên Huế",
            "Thừa Thiên - Huế",
            "THỪA THIÊN HUẾ",
            "Thua Thien Hue",
            "Hue City",
        ] {
            assert_eq!(r.province(spelling), Some("Huế"), "{spelling}");
            assert_eq!(r.canonical(spelling), "Huế", "{spelling}");
        }
        assert!(!provinces::the_63().iter().any(|id| id.name() == "Thừa Thiên Huế"));
    }

    #[test]
    fn statistics_are_not_units() {
        for s in [
            "Min",
            "Max",
            "Median",
            "Mean",
            "Average",
            "Highest",
            "Lowest",
            "Điểm cao nhất",
            "Điểm thấp nhất",
            "Trung bình",
            "Trung vị",
            "Cả nước",
            "Tổng",
            "Toàn quốc",
            "Trung bình cả nước",
            "MAX",
            "Điểm trung bình",
        ] {
            assert!(is_aggregate(s), "{s}");
        }
        for s in ["Hà Nội", "Minh Hải", "Mai Sơn", "Sở Tư pháp", "Maximilian"] {
            assert!(!is_aggregate(s), "{s}");
        }
    }

    #[test]
    fn aggregates() {
        assert!(is_aggregate("Cả nước"));
        assert!(is_aggregate("Trung bình"));
        assert!(!is_aggregate("Tuyên Quang"));
    }
}
