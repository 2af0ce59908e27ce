//! The province registry: every province Chỉ Số knows, one record each under one id, with
//! every fact the program keeps about it (its names, which map it is on, what it became on
//! 1 July 2025, its tile in the tile maps and the label in that tile).
//!
//! One table rather than one per use: the unit registry ([`super::units`]) reads the names
//! and spellings from it, the 2025 map ([`crate::model::map2025`]) the mergers, and the
//! charts' tile maps the tiles and labels, so a province is added or corrected in one place.
//! It lives among the text helpers because the unit registry needs it and this layer
//! depends on nothing above it.
//!
//! Identity across the change of 1 July 2025 (Resolution 202/2025/QH15): an unchanged
//! province is one record, one unit before and after (Huế in every period). A province
//! that a merger made is a record of its own, new from 2025 even when it kept a
//! predecessor's name: "Ninh Bình" of the 34 (Ninh Bình + Hà Nam + Nam Định) and "Ninh
//! Bình" of the 63 are two ids under one name. Provinces older than the 63 are records of
//! their own too, never folded into a successor.

use std::sync::OnceLock;

/// A province: its place in [`PROVINCES`]. The 34 of 1 July 2025 come first, in the order
/// of the resolution's list, so the id of one of the 34 is also its place among them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProvinceId(u8);

// Every place in the table fits an id.
const _: () = assert!(PROVINCES.len() <= u8::MAX as usize + 1);

/// Which list of provinces a record is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Era {
    /// One of the 63 that a merger ended on 1 July 2025, absorbed or merged under its own
    /// name; its successor is one of the 34.
    Until2025,
    /// One of the 34 that a merger made: a new unit from 1 July 2025, even when it kept the
    /// name of one of its predecessors.
    From2025,
    /// One of the 63 and, unchanged, one of the 34: one unit in every period.
    Unchanged,
    /// A province older than the 63 (split or merged before 2025): a unit of its own.
    Historical,
}

impl Era {
    /// Is a record of this era one of the 63 (the map to 30 June 2025)?
    pub fn of_63(self) -> bool {
        matches!(self, Era::Until2025 | Era::Unchanged)
    }

    /// Is a record of this era one of the 34 (the map from 1 July 2025)?
    pub fn of_34(self) -> bool {
        matches!(self, Era::From2025 | Era::Unchanged)
    }
}

/// What the program knows of one province.
#[derive(Debug)]
pub struct Province {
    /// Its canonical name, the one data sets show: the short name in force ("Huế", not its
    /// former name Thừa Thiên Huế; "TP. Hồ Chí Minh").
    pub name: &'static str,
    /// Spellings seen in official files besides the folded canonical name (folded, as
    /// [`super::units::unit_key`] folds names, spaces kept for reading).
    pub spellings: &'static [&'static str],
    pub era: Era,
    /// Its place (from 0) in the list of the 63, alphabetical as official tables list them
    /// by their full names (Hồ Chí Minh City as "Thành phố", Huế where Thừa Thiên Huế was);
    /// `None` for a record that is not one of the 63.
    pub number_63: Option<u8>,
    /// For one of the 34, its official form in Resolution 202/2025/QH15 ("Tỉnh Tuyên
    /// Quang", "Thành phố Huế").
    pub official: Option<&'static str>,
    /// The one of the 34 that the province is, or that it went into on 1 July 2025; for an
    /// older province, the one of the 34 its whole land lies in now, `None` where it was
    /// split between two of them (Hà Sơn Bình, Nghệ Tĩnh...).
    pub successor: Option<ProvinceId>,
    /// (column, row) of its tile in the map of the 63, north at row 0.
    pub tile_63: Option<(u8, u8)>,
    /// (column, row) of its tile in the map of the 34.
    pub tile_34: Option<(u8, u8)>,
    /// The short label in its tile (2–4 letters, "Huế"), unique on each map; records under
    /// one name share it.
    pub label: Option<&'static str>,
}

/// One of the 63 that is also, unchanged, one of the 34 (`id`, its own successor).
#[allow(clippy::too_many_arguments)]
const fn unchanged(
    id: ProvinceId,
    name: &'static str,
    spellings: &'static [&'static str],
    official: &'static str,
    number_63: u8,
    tile_63: (u8, u8),
    tile_34: (u8, u8),
    label: &'static str,
) -> Province {
    Province {
        name,
        spellings,
        era: Era::Unchanged,
        number_63: Some(number_63),
        official: Some(official),
        successor: Some(id),
        tile_63: Some(tile_63),
        tile_34: Some(tile_34),
        label: Some(label),
    }
}

/// One of the 34 that a merger made (`id`, its own successor). Its spellings are those of
/// the predecessor whose name it kept, which the unit registry keys.
const fn merged(
    id: ProvinceId,
    name: &'static str,
    official: &'static str,
    tile_34: (u8, u8),
    label: &'static str,
) -> Province {
    Province {
        name,
        spellings: &[],
        era: Era::From2025,
        number_63: None,
        official: Some(official),
        successor: Some(id),
        tile_63: None,
        tile_34: Some(tile_34),
        label: Some(label),
    }
}

/// One of the 63 that went into `successor`, one of the 34 made by a merger.
const fn into(
    successor: ProvinceId,
    name: &'static str,
    spellings: &'static [&'static str],
    number_63: u8,
    tile_63: (u8, u8),
    label: &'static str,
) -> Province {
    Province {
        name,
        spellings,
        era: Era::Until2025,
        number_63: Some(number_63),
        official: None,
        successor: Some(successor),
        tile_63: Some(tile_63),
        tile_34: None,
        label: Some(label),
    }
}

/// A province older than the 63, with the one of the 34 its whole land lies in now. Each is
/// a unit of its own: "Hà Tây" (to August 2008) is never folded into Hà Nội, nor "Hà Bắc"
/// into Bắc Ninh.
const fn older(name: &'static str, successor: Option<ProvinceId>) -> Province {
    Province {
        name,
        spellings: &[],
        era: Era::Historical,
        number_63: None,
        official: None,
        successor,
        tile_63: None,
        tile_34: None,
        label: None,
    }
}

// The ids of the 34, for the records that went into them; `_2025` marks a province that a
// merger made, a unit other than the one of the 63 whose name it kept.
const HA_NOI: ProvinceId = ProvinceId(0);
const HUE: ProvinceId = ProvinceId(1);
const LAI_CHAU: ProvinceId = ProvinceId(2);
const DIEN_BIEN: ProvinceId = ProvinceId(3);
const SON_LA: ProvinceId = ProvinceId(4);
const LANG_SON: ProvinceId = ProvinceId(5);
const QUANG_NINH: ProvinceId = ProvinceId(6);
const THANH_HOA: ProvinceId = ProvinceId(7);
const NGHE_AN: ProvinceId = ProvinceId(8);
const HA_TINH: ProvinceId = ProvinceId(9);
const CAO_BANG: ProvinceId = ProvinceId(10);
const TUYEN_QUANG_2025: ProvinceId = ProvinceId(11);
const LAO_CAI_2025: ProvinceId = ProvinceId(12);
const THAI_NGUYEN_2025: ProvinceId = ProvinceId(13);
const PHU_THO_2025: ProvinceId = ProvinceId(14);
const BAC_NINH_2025: ProvinceId = ProvinceId(15);
const HUNG_YEN_2025: ProvinceId = ProvinceId(16);
const HAI_PHONG_2025: ProvinceId = ProvinceId(17);
const NINH_BINH_2025: ProvinceId = ProvinceId(18);
const QUANG_TRI_2025: ProvinceId = ProvinceId(19);
const DA_NANG_2025: ProvinceId = ProvinceId(20);
const QUANG_NGAI_2025: ProvinceId = ProvinceId(21);
const GIA_LAI_2025: ProvinceId = ProvinceId(22);
const KHANH_HOA_2025: ProvinceId = ProvinceId(23);
const LAM_DONG_2025: ProvinceId = ProvinceId(24);
const DAK_LAK_2025: ProvinceId = ProvinceId(25);
const HO_CHI_MINH_2025: ProvinceId = ProvinceId(26);
const DONG_NAI_2025: ProvinceId = ProvinceId(27);
const TAY_NINH_2025: ProvinceId = ProvinceId(28);
const CAN_THO_2025: ProvinceId = ProvinceId(29);
const VINH_LONG_2025: ProvinceId = ProvinceId(30);
const DONG_THAP_2025: ProvinceId = ProvinceId(31);
const CA_MAU_2025: ProvinceId = ProvinceId(32);
const AN_GIANG_2025: ProvinceId = ProvinceId(33);

/// Every province, by id. First the 34 of 1 July 2025 in the order of Resolution
/// 202/2025/QH15 (the 11 unchanged, then the 23 made by mergers); then, for each of those
/// 23, the provinces of the 63 that went into it, the one whose name was kept first; then
/// the older provinces.
pub const PROVINCES: &[Province] = &[
    // The 34: unchanged (id, name, spellings, official form, number among the 63, tile
    // among the 63, tile among the 34, label), then made by a merger (id, name, official
    // form, tile among the 34, label).
    unchanged(HA_NOI, "Hà Nội", &["hn", "ha noi city"], "Thành phố Hà Nội", 23, (3, 3), (2, 2), "HN"),
    // Thành phố Huế, a centrally run city since 1 January 2025 (Resolution 1314/NQ-UBTVQH15),
    // before that the province of Thừa Thiên Huế: one unit under its name in force, its
    // former names spellings of it, numbered where its former name was among the 63.
    unchanged(
        HUE,
        "Huế",
        &["thua thien hue", "thua thien", "tt hue", "tth"],
        "Thành phố Huế",
        56,
        (4, 9),
        (3, 8),
        "Huế",
    ),
    unchanged(LAI_CHAU, "Lai Châu", &[], "Tỉnh Lai Châu", 33, (1, 1), (1, 0), "LCh"),
    unchanged(DIEN_BIEN, "Điện Biên", &[], "Tỉnh Điện Biên", 17, (0, 2), (0, 1), "ĐB"),
    unchanged(SON_LA, "Sơn La", &[], "Tỉnh Sơn La", 50, (1, 2), (1, 1), "SL"),
    unchanged(LANG_SON, "Lạng Sơn", &[], "Tỉnh Lạng Sơn", 35, (5, 1), (4, 1), "LS"),
    unchanged(QUANG_NINH, "Quảng Ninh", &[], "Tỉnh Quảng Ninh", 47, (6, 2), (4, 2), "QN"),
    unchanged(THANH_HOA, "Thanh Hóa", &[], "Tỉnh Thanh Hóa", 54, (2, 5), (2, 4), "TH"),
    unchanged(NGHE_AN, "Nghệ An", &[], "Tỉnh Nghệ An", 39, (2, 6), (2, 5), "NA"),
    unchanged(HA_TINH, "Hà Tĩnh", &[], "Tỉnh Hà Tĩnh", 24, (2, 7), (2, 6), "HT"),
    unchanged(CAO_BANG, "Cao Bằng", &[], "Tỉnh Cao Bằng", 13, (4, 0), (4, 0), "CB"),
    merged(TUYEN_QUANG_2025, "Tuyên Quang", "Tỉnh Tuyên Quang", (3, 0), "TQ"),
    merged(LAO_CAI_2025, "Lào Cai", "Tỉnh Lào Cai", (2, 0), "LCa"),
    merged(THAI_NGUYEN_2025, "Thái Nguyên", "Tỉnh Thái Nguyên", (3, 1), "TNg"),
    merged(PHU_THO_2025, "Phú Thọ", "Tỉnh Phú Thọ", (2, 1), "PT"),
    merged(BAC_NINH_2025, "Bắc Ninh", "Tỉnh Bắc Ninh", (3, 2), "BN"),
    merged(HUNG_YEN_2025, "Hưng Yên", "Tỉnh Hưng Yên", (3, 3), "HY"),
    merged(HAI_PHONG_2025, "Hải Phòng", "Thành phố Hải Phòng", (4, 3), "HP"),
    merged(NINH_BINH_2025, "Ninh Bình", "Tỉnh Ninh Bình", (2, 3), "NB"),
    merged(QUANG_TRI_2025, "Quảng Trị", "Tỉnh Quảng Trị", (3, 7), "QT"),
    merged(DA_NANG_2025, "Đà Nẵng", "Thành phố Đà Nẵng", (4, 8), "ĐNg"),
    merged(QUANG_NGAI_2025, "Quảng Ngãi", "Tỉnh Quảng Ngãi", (4, 9), "QNg"),
    merged(GIA_LAI_2025, "Gia Lai", "Tỉnh Gia Lai", (4, 10), "GL"),
    merged(KHANH_HOA_2025, "Khánh Hòa", "Tỉnh Khánh Hòa", (4, 12), "KH"),
    merged(LAM_DONG_2025, "Lâm Đồng", "Tỉnh Lâm Đồng", (3, 12), "LĐ"),
    merged(DAK_LAK_2025, "Đắk Lắk", "Tỉnh Đắk Lắk", (4, 11), "ĐLk"),
    merged(HO_CHI_MINH_2025, "TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh", (3, 13), "HCM"),
    merged(DONG_NAI_2025, "Đồng Nai", "Tỉnh Đồng Nai", (2, 12), "ĐNa"),
    merged(TAY_NINH_2025, "Tây Ninh", "Tỉnh Tây Ninh", (2, 13), "TN"),
    merged(CAN_THO_2025, "Cần Thơ", "Thành phố Cần Thơ", (2, 15), "CT"),
    merged(VINH_LONG_2025, "Vĩnh Long", "Tỉnh Vĩnh Long", (3, 14), "VL"),
    merged(DONG_THAP_2025, "Đồng Tháp", "Tỉnh Đồng Tháp", (2, 14), "ĐT"),
    merged(CA_MAU_2025, "Cà Mau", "Tỉnh Cà Mau", (1, 15), "CM"),
    merged(AN_GIANG_2025, "An Giang", "Tỉnh An Giang", (1, 14), "AG"),
    // The 63 that mergers ended: (successor, name, spellings, number among the 63, tile
    // among the 63, label).
    into(TUYEN_QUANG_2025, "Tuyên Quang", &[], 59, (3, 1), "TQ"),
    into(TUYEN_QUANG_2025, "Hà Giang", &[], 21, (3, 0), "HG"),
    into(LAO_CAI_2025, "Lào Cai", &[], 36, (2, 1), "LCa"),
    into(LAO_CAI_2025, "Yên Bái", &[], 62, (2, 2), "YB"),
    into(THAI_NGUYEN_2025, "Thái Nguyên", &[], 53, (4, 2), "TNg"),
    into(THAI_NGUYEN_2025, "Bắc Kạn", &["bac can"], 3, (4, 1), "BK"),
    into(PHU_THO_2025, "Phú Thọ", &[], 42, (2, 3), "PT"),
    into(PHU_THO_2025, "Vĩnh Phúc", &[], 61, (3, 2), "VP"),
    into(PHU_THO_2025, "Hòa Bình", &[], 28, (2, 4), "HB"),
    into(BAC_NINH_2025, "Bắc Ninh", &[], 5, (4, 3), "BN"),
    into(BAC_NINH_2025, "Bắc Giang", &[], 2, (5, 2), "BG"),
    into(HUNG_YEN_2025, "Hưng Yên", &[], 29, (4, 4), "HY"),
    into(HUNG_YEN_2025, "Thái Bình", &[], 52, (5, 4), "TB"),
    into(HAI_PHONG_2025, "Hải Phòng", &[], 26, (6, 3), "HP"),
    into(HAI_PHONG_2025, "Hải Dương", &[], 25, (5, 3), "HD"),
    into(NINH_BINH_2025, "Ninh Bình", &[], 40, (3, 5), "NB"),
    into(NINH_BINH_2025, "Hà Nam", &[], 22, (3, 4), "HNa"),
    into(NINH_BINH_2025, "Nam Định", &[], 38, (4, 5), "NĐ"),
    into(QUANG_TRI_2025, "Quảng Trị", &[], 48, (3, 9), "QT"),
    into(QUANG_TRI_2025, "Quảng Bình", &[], 44, (3, 8), "QB"),
    into(DA_NANG_2025, "Đà Nẵng", &[], 14, (5, 10), "ĐNg"),
    into(DA_NANG_2025, "Quảng Nam", &[], 45, (4, 10), "QNa"),
    into(QUANG_NGAI_2025, "Quảng Ngãi", &[], 46, (5, 11), "QNg"),
    into(QUANG_NGAI_2025, "Kon Tum", &[], 32, (4, 11), "KT"),
    into(GIA_LAI_2025, "Gia Lai", &[], 20, (4, 12), "GL"),
    into(GIA_LAI_2025, "Bình Định", &[], 7, (5, 12), "BĐ"),
    into(KHANH_HOA_2025, "Khánh Hòa", &[], 30, (5, 14), "KH"),
    into(KHANH_HOA_2025, "Ninh Thuận", &[], 41, (5, 15), "NT"),
    into(LAM_DONG_2025, "Lâm Đồng", &[], 34, (4, 14), "LĐ"),
    into(LAM_DONG_2025, "Đắk Nông", &["dac nong", "daknong"], 16, (3, 14), "ĐNô"),
    into(LAM_DONG_2025, "Bình Thuận", &[], 10, (5, 16), "BTh"),
    into(DAK_LAK_2025, "Đắk Lắk", &["dac lac", "dak lac", "dac lak", "daklak", "dak lak"], 15, (4, 13), "ĐLk"),
    into(DAK_LAK_2025, "Phú Yên", &[], 43, (5, 13), "PY"),
    into(
        HO_CHI_MINH_2025,
        "TP. Hồ Chí Minh",
        &["ho chi minh", "hcm", "hcmc", "sai gon", "ho chi minh city", "tphcm", "hochiminh city"],
        55,
        (3, 17),
        "HCM",
    ),
    into(HO_CHI_MINH_2025, "Bình Dương", &[], 8, (3, 16), "BD"),
    into(HO_CHI_MINH_2025, "Bà Rịa - Vũng Tàu", &["brvt", "ba ria", "vung tau", "br vt"], 1, (4, 16), "BRVT"),
    into(DONG_NAI_2025, "Đồng Nai", &[], 18, (4, 15), "ĐNa"),
    into(DONG_NAI_2025, "Bình Phước", &[], 9, (3, 15), "BP"),
    into(TAY_NINH_2025, "Tây Ninh", &[], 51, (2, 16), "TN"),
    into(TAY_NINH_2025, "Long An", &[], 37, (2, 17), "LA"),
    into(CAN_THO_2025, "Cần Thơ", &[], 12, (1, 18), "CT"),
    into(CAN_THO_2025, "Sóc Trăng", &[], 49, (2, 20), "ST"),
    into(CAN_THO_2025, "Hậu Giang", &[], 27, (1, 19), "HậG"),
    into(VINH_LONG_2025, "Vĩnh Long", &[], 60, (2, 18), "VL"),
    into(VINH_LONG_2025, "Bến Tre", &[], 6, (3, 19), "BTr"),
    into(VINH_LONG_2025, "Trà Vinh", &[], 58, (2, 19), "TV"),
    into(DONG_THAP_2025, "Đồng Tháp", &[], 19, (1, 17), "ĐT"),
    into(DONG_THAP_2025, "Tiền Giang", &[], 57, (3, 18), "TG"),
    into(CA_MAU_2025, "Cà Mau", &[], 11, (0, 20), "CM"),
    into(CA_MAU_2025, "Bạc Liêu", &[], 4, (1, 20), "BL"),
    into(AN_GIANG_2025, "An Giang", &[], 0, (0, 18), "AG"),
    into(AN_GIANG_2025, "Kiên Giang", &[], 31, (0, 19), "KG"),
    // Older than the 63: (name, the one of the 34 its whole land lies in now).
    older("Hà Tây", Some(HA_NOI)),
    older("Hà Bắc", Some(BAC_NINH_2025)),
    older("Hà Sơn Bình", None),
    older("Nghĩa Bình", None),
    older("Hà Nam Ninh", Some(NINH_BINH_2025)),
    older("Nam Hà", Some(NINH_BINH_2025)),
    older("Hải Hưng", None),
    older("Vĩnh Phú", Some(PHU_THO_2025)),
    older("Minh Hải", Some(CA_MAU_2025)),
    older("Sông Bé", None),
    older("Nghệ Tĩnh", None),
    older("Bình Trị Thiên", None),
    older("Thuận Hải", None),
    older("Phú Khánh", None),
    older("Cửu Long", Some(VINH_LONG_2025)),
    older("Hà Tuyên", Some(TUYEN_QUANG_2025)),
    older("Hoàng Liên Sơn", Some(LAO_CAI_2025)),
    older("Bắc Thái", Some(THAI_NGUYEN_2025)),
    older("Cao Lạng", None),
    older("Gia Lai - Kon Tum", None),
    older("Quảng Nam - Đà Nẵng", Some(DA_NANG_2025)),
];

impl ProvinceId {
    /// Its place in [`PROVINCES`].
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// Its record.
    pub fn province(self) -> &'static Province {
        &PROVINCES[self.index()]
    }

    /// Its canonical name.
    pub fn name(self) -> &'static str {
        self.province().name
    }

    /// For one of the 34, the provinces of the 63 it was made from, the one whose name it
    /// kept first (itself alone when unchanged); empty for any other record.
    pub fn predecessors(self) -> &'static [ProvinceId] {
        &lists().predecessors[self.index()]
    }

    /// For one of the 34, its place among [`the_34`].
    pub fn place_34(self) -> Option<usize> {
        lists().place_34[self.index()]
    }
}

/// The lists read from [`PROVINCES`], made once.
struct Lists {
    the_63: Vec<ProvinceId>,
    the_34: Vec<ProvinceId>,
    historical: Vec<ProvinceId>,
    /// By id: the predecessors of each of the 34.
    predecessors: Vec<Vec<ProvinceId>>,
    /// By id: the place of each of the 34 among them.
    place_34: Vec<Option<usize>>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let ids = || (0..PROVINCES.len()).map(|index| ProvinceId(index as u8));
        let mut the_63: Vec<ProvinceId> = ids().filter(|id| id.province().era.of_63()).collect();
        the_63.sort_by_key(|id| id.province().number_63);
        let the_34: Vec<ProvinceId> = ids().filter(|id| id.province().era.of_34()).collect();
        let historical = ids().filter(|id| id.province().era == Era::Historical).collect();
        let mut predecessors = vec![Vec::new(); PROVINCES.len()];
        for id in ids().filter(|id| id.province().era.of_63()) {
            if let Some(successor) = id.province().successor {
                predecessors[successor.index()].push(id);
            }
        }
        let mut place_34 = vec![None; PROVINCES.len()];
        for (place, id) in the_34.iter().enumerate() {
            place_34[id.index()] = Some(place);
        }
        Lists { the_63, the_34, historical, predecessors, place_34 }
    })
}

/// The 63 provinces and centrally run cities in force until 30 June 2025, in the order of
/// their [`Province::number_63`].
pub fn the_63() -> &'static [ProvinceId] {
    &lists().the_63
}

/// The 34 provincial units in force from 1 July 2025, in the order of Resolution
/// 202/2025/QH15.
pub fn the_34() -> &'static [ProvinceId] {
    &lists().the_34
}

/// The provinces older than the 63.
pub fn historical() -> &'static [ProvinceId] {
    &lists().historical
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    fn ids_named(name: &str) -> Vec<ProvinceId> {
        (0..PROVINCES.len()).map(|index| ProvinceId(index as u8)).filter(|id| id.name() == name).collect()
    }

    #[test]
    fn sixty_three_thirty_four_and_the_older_ones() {
        assert_eq!(the_63().len(), 63);
        assert_eq!(the_34().len(), 34);
        assert_eq!(historical().len(), 21);
        assert_eq!(PROVINCES.len(), 63 + 34 - 11 + 21);
        // The 63 are numbered 0 to 62, each once.
        let numbers: Vec<u8> = the_63().iter().filter_map(|id| id.province().number_63).collect();
        assert_eq!(numbers, (0..63).collect::<Vec<u8>>());
        // The 34 come first, so an id of the 34 is its place among them.
        for (place, id) in the_34().iter().enumerate() {
            assert_eq!((id.index(), id.place_34()), (place, Some(place)), "{}", id.name());
        }
    }

    #[test]
    fn the_34_are_their_own_successors_and_made_of_the_63() {
        let mut seen = HashSet::new();
        for &id in the_34() {
            let province = id.province();
            assert_eq!(province.successor, Some(id), "{}", province.name);
            assert!(province.official.is_some_and(|o| o.ends_with(province.name.trim_start_matches("TP. "))));
            let from = id.predecessors();
            assert!(!from.is_empty(), "{}", province.name);
            for predecessor in from {
                assert!(predecessor.province().era.of_63(), "{}", predecessor.name());
                assert!(seen.insert(*predecessor), "{} twice", predecessor.name());
            }
            // Unchanged: itself alone. Made by a merger: of two or more, the first the one
            // whose name it kept.
            match province.era {
                Era::Unchanged => assert_eq!(from, &[id]),
                Era::From2025 => assert!(from.len() > 1 && from[0].name() == province.name && from[0] != id),
                era => panic!("{}: {era:?}", province.name),
            }
        }
        assert_eq!(seen.len(), 63);
        assert_eq!(the_34().iter().filter(|id| id.province().era == Era::Unchanged).count(), 11);
    }

    #[test]
    fn every_one_of_the_63_has_a_successor_among_the_34() {
        for &id in the_63() {
            let successor = id.province().successor.unwrap_or_else(|| panic!("{}", id.name()));
            assert!(successor.province().era.of_34(), "{}", id.name());
            assert!(successor.predecessors().contains(&id), "{}", id.name());
        }
        for &id in historical() {
            assert!(id.province().successor.is_none_or(|s| s.province().era.of_34()), "{}", id.name());
            assert!(id.province().tile_63.is_none() && id.province().label.is_none(), "{}", id.name());
        }
    }

    #[test]
    fn an_unchanged_province_is_one_id_a_kept_name_two() {
        for (name, ids) in [("Huế", 1), ("Hà Nội", 1), ("Ninh Bình", 2), ("TP. Hồ Chí Minh", 2), ("Hà Tây", 1)]
        {
            assert_eq!(ids_named(name).len(), ids, "{name}");
        }
        let ninh_binh = ids_named("Ninh Bình");
        assert_ne!(ninh_binh[0], ninh_binh[1]);
        let eras: Vec<Era> = ninh_binh.iter().map(|id| id.province().era).collect();
        assert_eq!(eras, [Era::From2025, Era::Until2025]);
        assert_eq!(ninh_binh[1].province().successor, Some(ninh_binh[0]));
        let hue = ids_named("Huế")[0];
        assert!(the_63().contains(&hue) && the_34().contains(&hue));
        assert_eq!(hue.province().era, Era::Unchanged);
        assert!(ids_named("Thừa Thiên Huế").is_empty());
    }

    #[test]
    fn tiles_and_labels_are_unique_on_each_map() {
        // Every record of a map has a tile and a label there (checked below), none twice.
        let tiles_63: HashSet<(u8, u8)> = the_63().iter().filter_map(|id| id.province().tile_63).collect();
        let tiles_34: HashSet<(u8, u8)> = the_34().iter().filter_map(|id| id.province().tile_34).collect();
        assert_eq!((tiles_63.len(), tiles_34.len()), (63, 34));
        for list in [the_63(), the_34()] {
            let labels: HashSet<&str> = list.iter().filter_map(|id| id.province().label).collect();
            assert_eq!(labels.len(), list.len());
        }
        // Records under one name share a label (a tile's label is looked up by name).
        for id in the_34() {
            for other in ids_named(id.name()) {
                assert_eq!(other.province().label, id.province().label, "{}", id.name());
            }
        }
        // A tile on a map for exactly the records of that map.
        for province in PROVINCES {
            assert_eq!(province.tile_63.is_some(), province.era.of_63(), "{}", province.name);
            assert_eq!(province.tile_34.is_some(), province.era.of_34(), "{}", province.name);
        }
    }
}
