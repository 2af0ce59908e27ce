//! The tile maps' grids: where each province's tile is, in the 63 provinces (to 30 June
//! 2025) and in the 34 provincial units (from 1 July 2025), and the label in each tile.

use chiso_core::model::map2025::Map;

/// Which provinces the map shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layout {
    /// The 63 provinces in force until 30 June 2025.
    P63,
    /// The 34 provincial units since 1 July 2025.
    P34,
}

/// The 63 by canonical name (as `units::PROVINCES` spells them), (column, row), north at
/// row 0, row by row from the north-west. The Northern mountains over six columns, the
/// Red River delta around Hà Nội, the coast from Thanh Hóa down to Huế one or two columns
/// wide, the Central Highlands west of the coast, the Southeast and the Mekong delta.
pub(super) const P63: &[(&str, u8, u8)] = &[
    ("Hà Giang", 3, 0),
    ("Cao Bằng", 4, 0),
    ("Lai Châu", 1, 1),
    ("Lào Cai", 2, 1),
    ("Tuyên Quang", 3, 1),
    ("Bắc Kạn", 4, 1),
    ("Lạng Sơn", 5, 1),
    ("Điện Biên", 0, 2),
    ("Sơn La", 1, 2),
    ("Yên Bái", 2, 2),
    ("Vĩnh Phúc", 3, 2),
    ("Thái Nguyên", 4, 2),
    ("Bắc Giang", 5, 2),
    ("Quảng Ninh", 6, 2),
    ("Phú Thọ", 2, 3),
    ("Hà Nội", 3, 3),
    ("Bắc Ninh", 4, 3),
    ("Hải Dương", 5, 3),
    ("Hải Phòng", 6, 3),
    ("Hòa Bình", 2, 4),
    ("Hà Nam", 3, 4),
    ("Hưng Yên", 4, 4),
    ("Thái Bình", 5, 4),
    ("Thanh Hóa", 2, 5),
    ("Ninh Bình", 3, 5),
    ("Nam Định", 4, 5),
    ("Nghệ An", 2, 6),
    ("Hà Tĩnh", 2, 7),
    ("Quảng Bình", 3, 8),
    ("Quảng Trị", 3, 9),
    ("Huế", 4, 9),
    ("Quảng Nam", 4, 10),
    ("Đà Nẵng", 5, 10),
    ("Kon Tum", 4, 11),
    ("Quảng Ngãi", 5, 11),
    ("Gia Lai", 4, 12),
    ("Bình Định", 5, 12),
    ("Đắk Lắk", 4, 13),
    ("Phú Yên", 5, 13),
    ("Đắk Nông", 3, 14),
    ("Lâm Đồng", 4, 14),
    ("Khánh Hòa", 5, 14),
    ("Bình Phước", 3, 15),
    ("Đồng Nai", 4, 15),
    ("Ninh Thuận", 5, 15),
    ("Tây Ninh", 2, 16),
    ("Bình Dương", 3, 16),
    ("Bà Rịa - Vũng Tàu", 4, 16),
    ("Bình Thuận", 5, 16),
    ("Đồng Tháp", 1, 17),
    ("Long An", 2, 17),
    ("TP. Hồ Chí Minh", 3, 17),
    ("An Giang", 0, 18),
    ("Cần Thơ", 1, 18),
    ("Vĩnh Long", 2, 18),
    ("Tiền Giang", 3, 18),
    ("Kiên Giang", 0, 19),
    ("Hậu Giang", 1, 19),
    ("Trà Vinh", 2, 19),
    ("Bến Tre", 3, 19),
    ("Cà Mau", 0, 20),
    ("Bạc Liêu", 1, 20),
    ("Sóc Trăng", 2, 20),
];

/// The 34 by canonical name (as `map2025::PROVINCES_2025` and the registry name them: "Huế"
/// for the city once named Thừa Thiên Huế), laid out like [`P63`]. Gia Lai and Đắk Lắk now
/// reach the coast (Bình Định, Phú Yên), so the centre is one column; Lâm Đồng (with Bình
/// Thuận) turns the coast south-west.
const P34: &[(&str, u8, u8)] = &[
    ("Lai Châu", 1, 0),
    ("Lào Cai", 2, 0),
    ("Tuyên Quang", 3, 0),
    ("Cao Bằng", 4, 0),
    ("Điện Biên", 0, 1),
    ("Sơn La", 1, 1),
    ("Phú Thọ", 2, 1),
    ("Thái Nguyên", 3, 1),
    ("Lạng Sơn", 4, 1),
    ("Hà Nội", 2, 2),
    ("Bắc Ninh", 3, 2),
    ("Quảng Ninh", 4, 2),
    ("Ninh Bình", 2, 3),
    ("Hưng Yên", 3, 3),
    ("Hải Phòng", 4, 3),
    ("Thanh Hóa", 2, 4),
    ("Nghệ An", 2, 5),
    ("Hà Tĩnh", 2, 6),
    ("Quảng Trị", 3, 7),
    ("Huế", 3, 8),
    ("Đà Nẵng", 4, 8),
    ("Quảng Ngãi", 4, 9),
    ("Gia Lai", 4, 10),
    ("Đắk Lắk", 4, 11),
    ("Đồng Nai", 2, 12),
    ("Lâm Đồng", 3, 12),
    ("Khánh Hòa", 4, 12),
    ("Tây Ninh", 2, 13),
    ("TP. Hồ Chí Minh", 3, 13),
    ("An Giang", 1, 14),
    ("Đồng Tháp", 2, 14),
    ("Vĩnh Long", 3, 14),
    ("Cà Mau", 1, 15),
    ("Cần Thơ", 2, 15),
];

impl Layout {
    /// (canonical name, column, row) of every tile, row by row from the north-west; the
    /// order of [`table_rows`](super::table_rows).
    pub fn tiles(self) -> &'static [(&'static str, u8, u8)] {
        match self {
            Layout::P63 => P63,
            Layout::P34 => P34,
        }
    }

    /// (columns, rows) of the grid.
    pub fn size(self) -> (u8, u8) {
        let t = self.tiles();
        (t.iter().map(|t| t.1 + 1).max().unwrap_or(1), t.iter().map(|t| t.2 + 1).max().unwrap_or(1))
    }
}

impl From<Map> for Layout {
    /// The tile map of the map a period is on (`Map2025::map_of`).
    fn from(m: Map) -> Self {
        match m {
            Map::P63 => Layout::P63,
            Map::P34 => Layout::P34,
        }
    }
}

/// The short label written in a province's tile (2–4 letters, "Huế"), unique within each
/// layout; `None` for a name that is not one of the 63.
pub fn label(unit: &str) -> Option<&'static str> {
    Some(match unit {
        "An Giang" => "AG",
        "Bà Rịa - Vũng Tàu" => "BRVT",
        "Bắc Giang" => "BG",
        "Bắc Kạn" => "BK",
        "Bạc Liêu" => "BL",
        "Bắc Ninh" => "BN",
        "Bến Tre" => "BTr",
        "Bình Định" => "BĐ",
        "Bình Dương" => "BD",
        "Bình Phước" => "BP",
        "Bình Thuận" => "BTh",
        "Cà Mau" => "CM",
        "Cần Thơ" => "CT",
        "Cao Bằng" => "CB",
        "Đà Nẵng" => "ĐNg",
        "Đắk Lắk" => "ĐLk",
        "Đắk Nông" => "ĐNô",
        "Điện Biên" => "ĐB",
        "Đồng Nai" => "ĐNa",
        "Đồng Tháp" => "ĐT",
        "Gia Lai" => "GL",
        "Hà Giang" => "HG",
        "Hà Nam" => "HNa",
        "Hà Nội" => "HN",
        "Hà Tĩnh" => "HT",
        "Hải Dương" => "HD",
        "Hải Phòng" => "HP",
        "Hậu Giang" => "HậG",
        "Hòa Bình" => "HB",
        "Hưng Yên" => "HY",
        "Khánh Hòa" => "KH",
        "Kiên Giang" => "KG",
        "Kon Tum" => "KT",
        "Lai Châu" => "LCh",
        "Lâm Đồng" => "LĐ",
        "Lạng Sơn" => "LS",
        "Lào Cai" => "LCa",
        "Long An" => "LA",
        "Nam Định" => "NĐ",
        "Nghệ An" => "NA",
        "Ninh Bình" => "NB",
        "Ninh Thuận" => "NT",
        "Phú Thọ" => "PT",
        "Phú Yên" => "PY",
        "Quảng Bình" => "QB",
        "Quảng Nam" => "QNa",
        "Quảng Ngãi" => "QNg",
        "Quảng Ninh" => "QN",
        "Quảng Trị" => "QT",
        "Sóc Trăng" => "ST",
        "Sơn La" => "SL",
        "Tây Ninh" => "TN",
        "Thái Bình" => "TB",
        "Thái Nguyên" => "TNg",
        "Thanh Hóa" => "TH",
        "TP. Hồ Chí Minh" => "HCM",
        "Huế" => "Huế",
        "Tiền Giang" => "TG",
        "Trà Vinh" => "TV",
        "Tuyên Quang" => "TQ",
        "Vĩnh Long" => "VL",
        "Vĩnh Phúc" => "VP",
        "Yên Bái" => "YB",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use chiso_core::model::map2025::{Map2025, PROVINCES_2025};
    use chiso_core::text::units::PROVINCES;

    const NAMES_34: [&str; 34] = [
        "Hà Nội",
        "Huế",
        "Lai Châu",
        "Điện Biên",
        "Sơn La",
        "Lạng Sơn",
        "Quảng Ninh",
        "Thanh Hóa",
        "Nghệ An",
        "Hà Tĩnh",
        "Cao Bằng",
        "Tuyên Quang",
        "Lào Cai",
        "Thái Nguyên",
        "Phú Thọ",
        "Bắc Ninh",
        "Hưng Yên",
        "Hải Phòng",
        "Ninh Bình",
        "Quảng Trị",
        "Đà Nẵng",
        "Quảng Ngãi",
        "Gia Lai",
        "Khánh Hòa",
        "Lâm Đồng",
        "Đắk Lắk",
        "TP. Hồ Chí Minh",
        "Đồng Nai",
        "Tây Ninh",
        "Cần Thơ",
        "Vĩnh Long",
        "Đồng Tháp",
        "Cà Mau",
        "An Giang",
    ];

    fn cell(layout: Layout, name: &str) -> (u8, u8) {
        let t = layout.tiles().iter().find(|t| t.0 == name).unwrap_or_else(|| panic!("{name}"));
        (t.1, t.2)
    }

    fn row(layout: Layout, name: &str) -> u8 {
        cell(layout, name).1
    }

    fn col(layout: Layout, name: &str) -> u8 {
        cell(layout, name).0
    }

    #[test]
    fn p63_has_every_province_once() {
        assert_eq!(P63.len(), 63);
        let names: HashSet<&str> = P63.iter().map(|t| t.0).collect();
        assert_eq!(names.len(), 63);
        for (name, _) in PROVINCES {
            assert!(names.contains(name), "{name}");
        }
    }

    #[test]
    fn p34_has_the_34_units() {
        assert_eq!(P34.len(), 34);
        let names: HashSet<&str> = P34.iter().map(|t| t.0).collect();
        assert_eq!(names, NAMES_34.into_iter().collect());
        // The same units as the registry of the new map gives data sets.
        let m = Map2025::default();
        let canonical: HashSet<&str> = m.canonical_34().iter().map(String::as_str).collect();
        assert_eq!(names, canonical);
        assert_eq!(PROVINCES_2025.len(), 34);
        assert_eq!(Layout::from(Map::P34), Layout::P34);
        assert_eq!(Layout::from(Map::P63), Layout::P63);
    }

    #[test]
    fn one_tile_per_cell_inside_the_grid_row_by_row() {
        assert_eq!(Layout::P63.size(), (7, 21));
        assert_eq!(Layout::P34.size(), (5, 16));
        for layout in [Layout::P63, Layout::P34] {
            let (cols, rows) = layout.size();
            let cells: HashSet<(u8, u8)> = layout.tiles().iter().map(|t| (t.1, t.2)).collect();
            assert_eq!(cells.len(), layout.tiles().len(), "{layout:?}");
            for (name, c, r) in layout.tiles() {
                assert!(*c < cols && *r < rows, "{name}");
            }
            // Row by row from the north-west: the table reads north to south.
            let order: Vec<(u8, u8)> = layout.tiles().iter().map(|t| (t.2, t.1)).collect();
            let mut sorted = order.clone();
            sorted.sort();
            assert_eq!(order, sorted, "{layout:?}");
        }
    }

    #[test]
    fn the_shape_is_one_piece() {
        // Every tile reaches every other through neighbours (sides or corners).
        for layout in [Layout::P63, Layout::P34] {
            let tiles = layout.tiles();
            let mut seen = vec![false; tiles.len()];
            let mut stack = vec![0];
            seen[0] = true;
            while let Some(i) = stack.pop() {
                for (j, t) in tiles.iter().enumerate() {
                    let near =
                        (t.1 as i32 - tiles[i].1 as i32).abs() <= 1 && (t.2 as i32 - tiles[i].2 as i32).abs() <= 1;
                    if near && !seen[j] {
                        seen[j] = true;
                        stack.push(j);
                    }
                }
            }
            let cut: Vec<_> = tiles.iter().zip(&seen).filter(|(_, s)| !**s).map(|(t, _)| t.0).collect();
            assert!(cut.is_empty(), "{layout:?}: {cut:?}");
        }
    }

    #[test]
    fn labels_are_short_and_unique() {
        for layout in [Layout::P63, Layout::P34] {
            let labels: Vec<&str> = layout.tiles().iter().map(|t| label(t.0).expect(t.0)).collect();
            let unique: HashSet<&str> = labels.iter().copied().collect();
            assert_eq!(unique.len(), labels.len(), "{layout:?}");
            for l in labels {
                assert!((2..=4).contains(&l.chars().count()), "{l}");
            }
        }
        assert_eq!(label("Huế"), Some("Huế"));
        assert_eq!(label("Thừa Thiên Huế"), None, "a former name is not a tile");
        assert_eq!(label("TP. Hồ Chí Minh"), Some("HCM"));
        assert_eq!(label("Hà Tây"), None);
    }

    #[test]
    fn p34_runs_north_to_south() {
        let l = Layout::P34;
        let r = |n| row(l, n);
        assert!(r("Cao Bằng") < r("Hà Nội") && r("Lào Cai") < r("Hà Nội"));
        let south = ["Hà Nội", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Trị", "Huế", "Quảng Ngãi"];
        for w in south.windows(2) {
            assert!(r(w[0]) < r(w[1]), "{w:?}");
        }
        for w in ["Quảng Ngãi", "Gia Lai", "Đắk Lắk", "Khánh Hòa", "TP. Hồ Chí Minh", "Cà Mau"].windows(2)
        {
            assert!(r(w[0]) < r(w[1]), "{w:?}");
        }
        assert!(r("Huế") <= r("Đà Nẵng") && r("Đà Nẵng") < r("Khánh Hòa"));
        // West to east: Điện Biên, Hà Nội, Quảng Ninh; the coast east of Hà Nội; the delta
        // west of Hồ Chí Minh City.
        let c = |n| col(l, n);
        assert!(c("Điện Biên") < c("Hà Nội") && c("Hà Nội") < c("Quảng Ninh"));
        assert!(c("Đà Nẵng") > c("Hà Nội") && c("Khánh Hòa") > c("TP. Hồ Chí Minh"));
        assert!(c("Cà Mau") < c("TP. Hồ Chí Minh") && c("An Giang") < c("Vĩnh Long"));
        assert!(c("Lâm Đồng") < c("Khánh Hòa"));
    }

    #[test]
    fn p63_runs_north_to_south() {
        let l = Layout::P63;
        let r = |n| row(l, n);
        let path = [
            "Hà Giang",
            "Tuyên Quang",
            "Hà Nội",
            "Thanh Hóa",
            "Nghệ An",
            "Hà Tĩnh",
            "Quảng Bình",
            "Quảng Trị",
            "Đà Nẵng",
            "Quảng Ngãi",
            "Bình Định",
            "Phú Yên",
            "Khánh Hòa",
            "Ninh Thuận",
            "Bình Thuận",
            "TP. Hồ Chí Minh",
            "Cần Thơ",
            "Cà Mau",
        ];
        for w in path.windows(2) {
            assert!(r(w[0]) < r(w[1]), "{w:?}");
        }
        assert!(r("Lai Châu") < r("Sơn La") && r("Sơn La") < r("Hòa Bình"));
        assert!(r("Huế") < r("Đà Nẵng"));
        let c = |n| col(l, n);
        assert!(c("Điện Biên") < c("Hà Nội") && c("Hà Nội") < c("Hải Phòng"));
        // The Central Highlands west of the coast beside them.
        for (high, coast) in [("Kon Tum", "Quảng Ngãi"), ("Gia Lai", "Bình Định"), ("Đắk Lắk", "Phú Yên")]
        {
            assert_eq!(r(high), r(coast));
            assert!(c(high) < c(coast), "{high}");
        }
        assert!(c("Lâm Đồng") < c("Khánh Hòa"));
        assert!(c("Cà Mau") < c("TP. Hồ Chí Minh") && c("Kiên Giang") < c("Bến Tre"));
    }
}

#[cfg(test)]
mod equivalence_tmp {
    use super::*;
    use chiso_core::text::provinces::{the_34, the_63, PROVINCES as ALL};

    #[test]
    fn registry_equals_the_old_tables() {
        let mut new63: Vec<(&str, u8, u8)> =
            the_63().iter().map(|id| { let t = id.province().tile_63.unwrap(); (id.name(), t.0, t.1) }).collect();
        new63.sort_by_key(|t| (t.2, t.1));
        assert_eq!(new63, P63.to_vec());
        let mut new34: Vec<(&str, u8, u8)> =
            the_34().iter().map(|id| { let t = id.province().tile_34.unwrap(); (id.name(), t.0, t.1) }).collect();
        new34.sort_by_key(|t| (t.2, t.1));
        assert_eq!(new34, P34.to_vec());
        for p in ALL {
            assert_eq!(p.label, label(p.name), "{}", p.name);
        }
        let mut count = 0;
        for p in ALL.iter().filter(|p| p.label.is_some()) { count += 1; let _ = p; }
        assert_eq!(count, 63 + 23);
    }
}
