use super::tests::ranking;
use crate::read::grid::Grid;

/// The eight PAR component areas as the Ministry's release names them.
const COMPONENTS: [&str; 8] = [
    "Công tác chỉ đạo, điều hành CCHC",
    "Xây dựng và tổ chức thực hiện văn bản QPPL",
    "Cải cách thủ tục hành chính",
    "Cải cách tổ chức bộ máy hành chính nhà nước",
    "Cải cách chế độ công vụ",
    "Cải cách tài chính công",
    "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
    "Tác động của CCHC đến người dân, tổ chức và phát triển KT-XH",
];

pub(crate) fn par_two_row() -> Grid {
    let comps = COMPONENTS;
    let mut h1: Vec<String> = vec!["STT".into(), "Tỉnh, thành phố".into(), "Điểm đạt được theo từng lĩnh vực".into()];
    h1.extend((0..7).map(|_| String::new()));
    h1.extend(["Tổng điểm đạt được".into(), "Chỉ số CCHC (%)".into(), "Xếp hạng".into()]);
    let mut h2: Vec<String> = vec![String::new(), String::new()];
    h2.extend(comps.iter().map(|s| s.to_string()));
    h2.extend([String::new(), String::new(), String::new()]);
    let provinces = ["Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Quảng Ninh"];
    let mut rows: Vec<Vec<String>> = vec![vec!["KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024".into()], vec![], h1, h2];
    for (i, p) in provinces.iter().enumerate() {
        let mut r = vec![(i + 1).to_string(), p.to_string()];
        let parts = [9.0, 8.5, 11.0, 7.5, 10.0, 8.0, 9.5, 24.0];
        let total: f64 = parts.iter().sum::<f64>() - i as f64;
        r.extend(
            parts
                .iter()
                .enumerate()
                .map(|(k, v)| format!("{}", if k == 7 { v - i as f64 } else { *v }).replace('.', ",")),
        );
        r.push(format!("{total}").replace('.', ","));
        r.push(format!("{total}").replace('.', ","));
        r.push((i + 1).to_string());
        rows.push(r);
    }
    let refs: Vec<Vec<&str>> = rows.iter().map(|r| r.iter().map(String::as_str).collect()).collect();
    let refs: Vec<&[&str]> = refs.iter().map(|r| r.as_slice()).collect();
    let mut g = Grid::from_text("2024", &refs);
    g.merges =
        vec![(2, 0, 3, 0), (2, 1, 3, 1), (2, 2, 2, 9), (2, 10, 3, 10), (2, 11, 3, 11), (2, 12, 3, 12), (0, 0, 0, 12)];
    g
}

/// Issue 26 (1): a two-row header whose group title spans eight components, a total
/// («Tổng điểm đạt được») and the index holding the same numbers, then the rank.
#[test]
fn par_two_row_header_keeps_every_component() {
    let t = ranking(&par_two_row());
    let mut inds: Vec<String> = Vec::new();
    for r in &t.records {
        if !inds.contains(&r.indicator.to_string()) {
            inds.push(r.indicator.to_string());
        }
    }
    let mut want: Vec<&str> = COMPONENTS.to_vec();
    want.extend(["Tổng điểm đạt được", "Chỉ số CCHC"]);
    assert_eq!(inds, want);
    let of = |unit: &str, ind: &str| t.records.iter().find(|r| r.unit == unit && r.indicator == ind).cloned();
    let impact = of("Hải Phòng", "Tác động của CCHC đến người dân, tổ chức và phát triển KT-XH").unwrap();
    assert_eq!((impact.value, impact.rank), (Some(23.0), None));
    // The rank column ranks the index; no component takes a value as its rank.
    assert_eq!(of("Hải Phòng", "Chỉ số CCHC").unwrap().rank, Some(2));
    assert_eq!(of("Hải Phòng", "Tổng điểm đạt được").unwrap().value, Some(86.5));
    assert!(t.records.iter().filter(|r| r.indicator != "Chỉ số CCHC").all(|r| r.rank.is_none()));
}
