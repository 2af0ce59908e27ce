//! Units: one canonical name per province, district or department, whatever the spelling.

use std::collections::HashMap;

use crate::core::text::{clean, fold};

/// The 63 provinces and centrally-run cities (the list in force before 2025), with the
/// spellings seen in official files besides their folded canonical name.
pub const PROVINCES: &[(&str, &[&str])] = &[
    ("An Giang", &[]),
    ("Bà Rịa - Vũng Tàu", &["brvt", "ba ria", "vung tau"]),
    ("Bắc Giang", &[]),
    ("Bắc Kạn", &["bac can"]),
    ("Bạc Liêu", &[]),
    ("Bắc Ninh", &[]),
    ("Bến Tre", &[]),
    ("Bình Định", &[]),
    ("Bình Dương", &[]),
    ("Bình Phước", &[]),
    ("Bình Thuận", &[]),
    ("Cà Mau", &[]),
    ("Cần Thơ", &[]),
    ("Cao Bằng", &[]),
    ("Đà Nẵng", &[]),
    ("Đắk Lắk", &["dac lac", "dak lac"]),
    ("Đắk Nông", &["dac nong"]),
    ("Điện Biên", &[]),
    ("Đồng Nai", &[]),
    ("Đồng Tháp", &[]),
    ("Gia Lai", &[]),
    ("Hà Giang", &[]),
    ("Hà Nam", &[]),
    ("Hà Nội", &["hn"]),
    ("Hà Tĩnh", &[]),
    ("Hải Dương", &[]),
    ("Hải Phòng", &[]),
    ("Hậu Giang", &[]),
    ("Hòa Bình", &[]),
    ("Hưng Yên", &[]),
    ("Khánh Hòa", &[]),
    ("Kiên Giang", &[]),
    ("Kon Tum", &[]),
    ("Lai Châu", &[]),
    ("Lâm Đồng", &[]),
    ("Lạng Sơn", &[]),
    ("Lào Cai", &[]),
    ("Long An", &[]),
    ("Nam Định", &[]),
    ("Nghệ An", &[]),
    ("Ninh Bình", &[]),
    ("Ninh Thuận", &[]),
    ("Phú Thọ", &[]),
    ("Phú Yên", &[]),
    ("Quảng Bình", &[]),
    ("Quảng Nam", &[]),
    ("Quảng Ngãi", &[]),
    ("Quảng Ninh", &[]),
    ("Quảng Trị", &[]),
    ("Sóc Trăng", &[]),
    ("Sơn La", &[]),
    ("Tây Ninh", &[]),
    ("Thái Bình", &[]),
    ("Thái Nguyên", &[]),
    ("Thanh Hóa", &[]),
    ("TP. Hồ Chí Minh", &["ho chi minh", "hcm", "sai gon"]),
    ("Thừa Thiên Huế", &["hue", "thua thien"]),
    ("Tiền Giang", &[]),
    ("Trà Vinh", &[]),
    ("Tuyên Quang", &[]),
    ("Vĩnh Long", &[]),
    ("Vĩnh Phúc", &[]),
    ("Yên Bái", &[]),
];

/// A matching key: folded, administrative prefixes dropped, spaces removed.
/// "TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh" and "TP HCM" share "hochiminh"/"hcm" keys.
pub fn unit_key(name: &str) -> String {
    let f = fold(name);
    let mut s = f.as_str();
    for p in ["tinh ", "thanh pho ", "tp ", "quan ", "huyen ", "thi xa "] {
        if let Some(rest) = s.strip_prefix(p) {
            s = rest;
            break;
        }
    }
    s.replace(' ', "")
}

/// Names that stand for a total or an average rather than a unit.
pub fn is_aggregate(name: &str) -> bool {
    let f = fold(name);
    ["ca nuoc", "trung binh", "tong cong", "tong", "binh quan", "toan quoc", "average", "total", "median", "trung vi"]
        .iter()
        .any(|p| f == *p || f.starts_with(&format!("{p} ")))
}

/// The province registry: keys of every known spelling → canonical name.
pub struct Registry {
    keys: HashMap<String, &'static str>,
}

impl Default for Registry {
    fn default() -> Self {
        let mut keys = HashMap::new();
        for (name, variants) in PROVINCES {
            keys.insert(unit_key(name), *name);
            for v in *variants {
                keys.insert(v.replace(' ', ""), *name);
            }
        }
        Registry { keys }
    }
}

impl Registry {
    /// The canonical province for a spelling, if it is one.
    pub fn province(&self, name: &str) -> Option<&'static str> {
        self.keys.get(&unit_key(name)).copied()
    }

    /// The canonical name: a province's, else the text cleaned (NFC, spaces).
    pub fn canonical(&self, name: &str) -> String {
        self.province(name).map_or_else(|| clean(name), str::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sixty_three_distinct_provinces() {
        assert_eq!(PROVINCES.len(), 63);
        let r = Registry::default();
        for (name, _) in PROVINCES {
            assert_eq!(r.province(name), Some(*name));
        }
        let keys: std::collections::HashSet<_> = PROVINCES.iter().map(|(n, _)| unit_key(n)).collect();
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
            ("Thừa Thiên - Huế", "Thừa Thiên Huế"),
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

    #[test]
    fn aggregates() {
        assert!(is_aggregate("Cả nước"));
        assert!(is_aggregate("Trung bình"));
        assert!(!is_aggregate("Tuyên Quang"));
    }
}
