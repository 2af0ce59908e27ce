//! Words that name a column's role (folded).

use crate::text::has_phrase;

pub(super) const ORDINAL: &[&str] = &["stt", "tt", "so tt", "so thu tu", "no", "ttt", "thu tu"];
/// Columns of identifiers: codes of provinces or units, not indicators.
pub(super) const IDENTIFIER: &[&str] = &[
    "id",
    "ma",
    "ma tinh",
    "ma so",
    "ma don vi",
    "ma dvhc",
    "ma hanh chinh",
    "ma huyen",
    "ma xa",
    "code",
    "province code",
    "province id",
    "pci id",
    "papi id",
    "tinhid",
    "provinceid",
    "huyenid",
    "xaid",
    "unit id",
    "ma tinh thanh pho",
];
pub(super) const RANK: &[&str] =
    &["xep hang", "hang", "thu hang", "rank", "ranking", "xh", "vi tri", "thu bac", "xep thu"];
pub(super) const GROUP: &[&str] = &["khoi", "nhom", "group", "peer group", "nhom don vi"];
pub(super) const PERIOD: &[&str] = &["nam", "year", "ky", "period", "thoi gian", "nam danh gia", "ky danh gia"];
pub(super) const INDICATOR: &[&str] = &[
    "chi so",
    "chi so thanh phan",
    "linh vuc",
    "indicator",
    "component",
    "tieu chi",
    "noi dung",
    "ten chi tieu",
    "chi tieu",
    "ten chi so",
    "noi dung chi tieu",
];
pub(super) const UNIT: &[&str] = &[
    "tinh",
    "thanh pho",
    "tinh thanh pho",
    "tinh tp",
    "dia phuong",
    "don vi",
    "ten don vi",
    "ten",
    "province",
    "unit",
    "so nganh",
    "co quan",
    "huyen",
    "quan huyen",
    "xa",
    "phuong",
    "ten tinh",
    "ten dia phuong",
    "ten co quan",
    "co quan don vi",
    "so ban nganh",
    "tinh thanh",
    "ten huyen",
    "ten xa",
    "district",
    "department",
    "commune",
];
pub(super) const NOTES: &[&str] =
    &["don vi tinh", "dvt", "ghi chu", "note", "notes", "nguon", "source", "chu thich", "nhan xet"];
pub(super) const FOOTER: &[&str] = &["ghi chu", "nguon", "chu thich", "note", "notes", "source", "luu y"];
pub(super) const TARGET_COL: &[&str] =
    &["chi tieu", "ke hoach", "muc tieu", "target", "chi tieu nam", "chi tieu ke hoach"];
pub(super) const LOWER_BETTER: &[&str] =
    &["ty le tre han", "ty le qua han", "tre han", "qua han", "ty le loi", "so ngay"];
/// Words in a header that say what kind of number a column holds, not which indicator.
pub(super) const ROLE_WORDS: &[&str] = &[
    "xep hang",
    "thu hang",
    "hang",
    "diem so",
    "tong diem",
    "diem",
    "score",
    "rank",
    "ranking",
    "ket qua",
    "gia tri",
    "value",
    "xh",
    "nam",
    "year",
    "thuc hien",
    "actual",
];
/// What is left of a header once its role words go that names no indicator: "Tổng điểm
/// đạt được" is a total, not an indicator called «đạt được».
pub(super) const FILLER: &[&str] = &["dat duoc", "dat", "duoc", "co duoc", "dat duoc cua tinh", "thuc te dat duoc"];
/// Group titles over component columns that name no component themselves.
pub(super) const GENERIC_GROUPS: &[&str] = &[
    "chi so thanh phan",
    "cac chi so thanh phan",
    "linh vuc",
    "cac linh vuc",
    "components",
    "component",
    "chi so thanh phan diem",
    "tieu chi thanh phan",
    "noi dung danh gia",
    "linh vuc danh gia",
];
/// Generic names of an overall score, which name no index: shown as [`OVERALL`]. A name
/// of the index itself ("PCI", "PAR INDEX", "Weighted PCI") is kept as the file writes it.
pub(super) const OVERALL_NAMES: &[&str] = &[
    "chi so",
    "chi so tong hop",
    "tong hop",
    "index",
    "overall",
    "overall index",
    "overall score",
    "tong",
    "diem tong hop",
    "chi so chung",
    "diem chung",
    "ket qua chung",
];

pub(super) fn is_role(folded_header: &str, words: &[&str]) -> bool {
    has_phrase(folded_header, words)
}
