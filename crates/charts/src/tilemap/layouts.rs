//! The tile maps' grids: where each province's tile is, in the 63 provinces (to 30 June
//! 2025) and in the 34 provincial units (from 1 July 2025), and the label in each tile.
//!
//! The places and labels are the province registry's
//! ([`chiso_core::text::provinces::PROVINCES`]: a record's `tile_63`, `tile_34` and
//! `label`); here they are read once into the grids the drawing walks.
//!
//! The grid of the 63, north at row 0: the Northern mountains over six columns, the Red
//! River delta around Hà Nội, the coast from Thanh Hóa down to Huế one or two columns
//! wide, the Central Highlands west of the coast, the Southeast and the Mekong delta. The
//! grid of the 34 is laid out alike: Gia Lai and Đắk Lắk now reach the coast (Bình Định,
//! Phú Yên), so the centre is one column; Lâm Đồng (with Bình Thuận) turns the coast
//! south-west.

use std::collections::HashMap;
use std::sync::OnceLock;

use chiso_core::model::map2025::Map;
use chiso_core::text::provinces::{self, Province, ProvinceId, PROVINCES};

/// Which provinces the map shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layout {
    /// The 63 provinces in force until 30 June 2025.
    P63,
    /// The 34 provincial units since 1 July 2025.
    P34,
}

impl Layout {
    /// (canonical name, column, row) of every tile, row by row from the north-west; the
    /// order of [`table_rows`](super::table_rows).
    pub fn tiles(self) -> &'static [(&'static str, u8, u8)] {
        static P63: OnceLock<Vec<(&'static str, u8, u8)>> = OnceLock::new();
        static P34: OnceLock<Vec<(&'static str, u8, u8)>> = OnceLock::new();
        match self {
            Layout::P63 => P63.get_or_init(|| grid(provinces::the_63(), |province| province.tile_63)),
            Layout::P34 => P34.get_or_init(|| grid(provinces::the_34(), |province| province.tile_34)),
        }
    }

    /// (columns, rows) of the grid.
    pub fn size(self) -> (u8, u8) {
        let t = self.tiles();
        (t.iter().map(|t| t.1 + 1).max().unwrap_or(1), t.iter().map(|t| t.2 + 1).max().unwrap_or(1))
    }
}

/// The tiles of a map's provinces, row by row from the north-west (the table of the map
/// reads north to south).
fn grid(on_map: &[ProvinceId], tile: fn(&Province) -> Option<(u8, u8)>) -> Vec<(&'static str, u8, u8)> {
    let mut tiles: Vec<(&'static str, u8, u8)> =
        on_map.iter().filter_map(|id| tile(id.province()).map(|(column, row)| (id.name(), column, row))).collect();
    tiles.sort_by_key(|&(_, column, row)| (row, column));
    tiles
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
/// layout; `None` for a name that is not one of the 63 or the 34.
pub fn label(unit: &str) -> Option<&'static str> {
    // By canonical name: the two records under a kept name ("Ninh Bình" of the 63 and of
    // the 34) share their label.
    static LABELS: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    let labels = LABELS.get_or_init(|| {
        let mut labels = HashMap::new();
        for province in PROVINCES {
            if let Some(label) = province.label {
                labels.entry(province.name).or_insert(label);
            }
        }
        labels
    });
    labels.get(unit).copied()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use chiso_core::model::map2025::Map2025;

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
        assert_eq!(Layout::P63.tiles().len(), 63);
        let names: HashSet<&str> = Layout::P63.tiles().iter().map(|t| t.0).collect();
        assert_eq!(names.len(), 63);
        for id in provinces::the_63() {
            assert!(names.contains(id.name()), "{}", id.name());
        }
    }

    #[test]
    fn p34_has_the_34_units() {
        assert_eq!(Layout::P34.tiles().len(), 34);
        let names: HashSet<&str> = Layout::P34.tiles().iter().map(|t| t.0).collect();
        assert_eq!(names, NAMES_34.into_iter().collect());
        // The same units as the registry of the new map gives data sets.
        let m = Map2025::default();
        let canonical: HashSet<&str> = m.canonical_34().iter().map(String::as_str).collect();
        assert_eq!(names, canonical);
        assert_eq!(provinces::the_34().len(), 34);
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
