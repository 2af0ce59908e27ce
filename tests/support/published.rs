//! Look-alikes of the workbooks agencies publish (PCI by VCCI, PAPI by UNDP, the PAR Index
//! by the Ministry of Home Affairs, researchers' panels), written with rust_xlsxwriter from
//! descriptions of the real files, each with the exact tidy rows it must read to.
//! Shared by `tests/published.rs` and `examples/gen_fixtures.rs` (the e2e drop test).
#![allow(dead_code)]

use chiso_core::export::plain;
use chiso_core::model::OVERALL;
use chiso_core::text::provinces;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

/// One expected tidy row: group, unit, period, indicator, value, rank.
pub type Row = [String; 6];

pub struct Published {
    pub file: String,
    pub bytes: Vec<u8>,
    /// The data set's name the page shows.
    pub dataset: String,
    pub rows: Vec<Row>,
}

fn row(unit: &str, period: &str, indicator: &str, value: Option<f64>, rank: Option<u32>) -> Row {
    [
        String::new(),
        unit.to_string(),
        period.to_string(),
        indicator.to_string(),
        value.map(plain).unwrap_or_default(),
        rank.map(|r| r.to_string()).unwrap_or_default(),
    ]
}

/// A deterministic score in [lo, hi) with two decimals, distinct per (seed, i).
fn score(seed: u32, i: usize, lo: f64, hi: f64) -> f64 {
    let x = ((i as u64 * 7919 + seed as u64 * 104_729) % 9973) as f64 / 9973.0;
    ((lo + (hi - lo) * x) * 100.0).round() / 100.0 + (i as f64) * 0.0001
}

fn r2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Competition ranks, higher is better.
fn ranks(values: &[f64]) -> Vec<u32> {
    values.iter().map(|v| 1 + values.iter().filter(|w| **w > *v + 1e-9).count() as u32).collect()
}

/// Order of indices by value, highest first.
fn order_desc(values: &[f64]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..values.len()).collect();
    idx.sort_by(|a, b| values[*b].total_cmp(&values[*a]));
    idx
}

fn canonical_provinces() -> Vec<&'static str> {
    provinces::the_63().iter().map(|id| id.name()).collect()
}

/// Spellings as files write them, for some provinces: (as written, canonical).
const WILD: &[(&str, &str)] = &[
    ("TP. Hồ Chí Minh", "Tp.HCM"),
    ("Huế", "TT.Huế"),
    ("Đắk Nông", "Đăk Nông"),
    ("Bắc Kạn", "Bắc Cạn"),
    ("Bà Rịa - Vũng Tàu", "BRVT"),
    ("Đắk Lắk", "Dac Lak"),
    ("Hà Nội", "HÀ NỘI"),
    ("Quảng Ninh", "Quảng Ninh\u{a0}"),
];

fn written(canonical: &str) -> String {
    WILD.iter().find(|(c, _)| *c == canonical).map_or(canonical.to_string(), |(_, w)| w.to_string())
}

/// Layout 1, variant: ranked lists side by side under a two-row header (a group label
/// "Chỉ số 1: Chi phí gia nhập thị trường" over a short "Chỉ số 1"), 64 provinces (Hà
/// Tây before August 2008), each (province, score) pair in its own order, the overall pair
/// last with the file's own rank (by unrounded scores: two provinces show the same score
/// and different ranks) and a tier.
pub fn pci_side_by_side_two_rows() -> Result<Published, XlsxError> {
    let year = 2007;
    let mut units = canonical_provinces();
    units.push("Hà Tây");
    let comps = [
        ("Chỉ số 1: Chi phí gia nhập thị trường", "Chỉ số 1"),
        ("Chỉ số 2: Tiếp cận đất đai và sự ổn định trong sử dụng đất", "Chỉ số 2"),
        ("Chỉ số 3: Tính minh bạch và tiếp cận thông tin", "Chỉ số 3"),
    ];
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("PCI 2007")?;
    let head = Format::new().set_bold();
    ws.merge_range(0, 0, 1, 0, "Thứ tự", &head)?;
    let mut rows = Vec::new();
    let mut col = 1u16;
    for (k, (long, short)) in comps.iter().enumerate() {
        ws.merge_range(0, col, 0, col + 1, long, &head)?;
        ws.write_string(1, col, "Tỉnh, thành phố")?;
        ws.write_string(1, col + 1, *short)?;
        let values: Vec<f64> = (0..units.len()).map(|i| r2(score(k as u32 + 1, i, 4.0, 9.9))).collect();
        let rk = ranks(&values);
        for (pos, &i) in order_desc(&values).iter().enumerate() {
            ws.write_string(2 + pos as u32, col, written(units[i]))?;
            ws.write_number(2 + pos as u32, col + 1, values[i])?;
        }
        for i in 0..units.len() {
            rows.push(row(units[i], "2007", long, Some(values[i]), Some(rk[i])));
        }
        col += 2;
    }
    // The overall pair: unrounded scores decide the file's ranks.
    ws.merge_range(0, col, 0, col + 1, &format!("PCI {year}"), &head)?;
    ws.write_string(1, col, "Tỉnh, thành phố")?;
    ws.write_string(1, col + 1, "PCI")?;
    ws.merge_range(0, col + 2, 1, col + 2, "Xếp hạng", &head)?;
    ws.merge_range(0, col + 3, 1, col + 3, "Nhóm xếp hạng", &head)?;
    let exact: Vec<f64> = (0..units.len()).map(|i| 50.0 + score(9, i, 0.0, 25.0) + (i % 3) as f64 * 0.001).collect();
    let mut exact = exact;
    // Two provinces a thousandth apart: the same score shown, ranks 7 and 8 in the file.
    let order = order_desc(&exact);
    exact[order[7]] = exact[order[6]] - 0.001;
    let order = order_desc(&exact);
    for (pos, &i) in order.iter().enumerate() {
        let r = 2 + pos as u32;
        ws.write_number(r, 0, (pos + 1) as f64)?;
        ws.write_string(r, col, written(units[i]))?;
        ws.write_number(r, col + 1, r2(exact[i]))?;
        ws.write_number(r, col + 2, (pos + 1) as f64)?;
        let tier = ["Rất tốt", "Tốt", "Khá", "Trung bình", "Tương đối thấp", "Thấp"][pos * 6 / units.len()];
        ws.write_string(r, col + 3, tier)?;
        rows.push(row(units[i], "2007", "PCI", Some(r2(exact[i])), Some(pos as u32 + 1)));
    }
    Ok(Published { file: "PCI_2007_xep_hang.xlsx".into(), bytes: wb.save_to_buffer()?, dataset: "PCI".into(), rows })
}

/// Layout 2 and 3: rows that are not units (statistics in Vietnamese and English, a
/// repeated header, a detail block under the table, a unit again after a blank row), and
/// the file's own rank column (by unrounded scores) on the left of the names.
pub fn par_rows_that_are_not_units() -> Result<Published, XlsxError> {
    let units = ["Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Quảng Ninh", "Bắc Ninh", "Long An", "Lào Cai"];
    let exact: Vec<f64> = (0..units.len()).map(|i| 75.0 + score(3, i, 0.0, 15.0)).collect();
    let mut exact = exact;
    exact[1] = exact[0] - 0.002; // shown alike, ranked apart
    let order = order_desc(&exact);
    let mut rank = vec![0u32; units.len()];
    for (pos, &i) in order.iter().enumerate() {
        rank[i] = pos as u32 + 1;
    }
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Xếp hạng")?;
    ws.write_string(0, 0, "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023")?;
    let header = ["Hạng", "Tỉnh, thành phố", "Tổng điểm", "Ghi chú"];
    let write_header = |ws: &mut Worksheet, r: u32| -> Result<(), XlsxError> {
        for (c, h) in header.iter().enumerate() {
            ws.write_string(r, c as u16, *h)?;
        }
        Ok(())
    };
    write_header(ws, 2)?;
    let mut r = 3;
    let mut rows = Vec::new();
    for (i, u) in units.iter().enumerate() {
        if i == 4 {
            write_header(ws, r)?; // a header repeated at a page break
            r += 1;
        }
        ws.write_number(r, 0, rank[i] as f64)?;
        ws.write_string(r, 1, *u)?;
        ws.write_number(r, 2, r2(exact[i]))?;
        r += 1;
        rows.push(row(u, "2023", OVERALL, Some(r2(exact[i])), Some(rank[i])));
    }
    for (k, word) in [
        "Min",
        "Median",
        "Max",
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
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(r, 1, *word)?;
        ws.write_number(r, 2, 60.0 + k as f64)?;
        r += 1;
    }
    // A detail block: one province again, then its ranks.
    r += 1;
    ws.write_string(r, 1, "Đà Nẵng")?;
    ws.write_number(r, 2, 99.5)?;
    ws.write_string(r + 1, 1, "Xếp hạng")?;
    ws.write_number(r + 1, 2, 1.0)?;
    ws.write_string(r + 3, 0, "Ghi chú: xếp hạng theo điểm chưa làm tròn.")?;
    Ok(Published {
        file: "par-2023-cac-dong-tong-hop.xlsx".into(),
        bytes: wb.save_to_buffer()?,
        dataset: "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH".into(),
        rows,
    })
}

/// Layout 3, each way of naming a rank column: "Rank", "Ranking", "Xếp hạng", "Thứ hạng",
/// "Hạng", right of the score or left of the names.
pub fn ranks_as_given(header: &str, left: bool) -> Result<Published, XlsxError> {
    let units = ["Sở Tư pháp", "Sở Y tế", "Sở Xây dựng", "Sở Tài chính", "Sở Nội vụ"];
    let shown = [80.25, 80.25, 77.5, 81.0, 70.0];
    // The file ranked unrounded scores: Sở Tư pháp 3rd, Sở Y tế 2nd.
    let rank = [3u32, 2, 4, 1, 5];
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("DDCI")?;
    let cols: Vec<&str> =
        if left { vec![header, "Đơn vị", "Điểm"] } else { vec!["Đơn vị", "Điểm", header] };
    for (c, h) in cols.iter().enumerate() {
        ws.write_string(0, c as u16, *h)?;
    }
    let mut rows = Vec::new();
    for i in 0..units.len() {
        let r = 1 + i as u32;
        let (rc, uc, vc) = if left { (0, 1, 2) } else { (2, 0, 1) };
        ws.write_number(r, rc, rank[i] as f64)?;
        ws.write_string(r, uc, units[i])?;
        ws.write_number(r, vc, shown[i])?;
        rows.push(row(units[i], "2024", OVERALL, Some(shown[i]), Some(rank[i])));
    }
    let slug: String = header.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    Ok(Published {
        file: format!("DDCI 2024 {slug}{}.xlsx", if left { " trai" } else { "" }),
        bytes: wb.save_to_buffer()?,
        dataset: "DDCI".into(),
        rows,
    })
}

/// Layout 4: a researcher's province panel: identifiers (`STT`, `PCI ID`), a year column,
/// an English name column beside the Vietnamese one, and indicators named `PCI`,
/// `Weighted PCI`, `CP1`, `CP2` (kept so).
pub fn pci_panel() -> Result<Published, XlsxError> {
    let units = [
        ("Ha Noi", "Hà Nội"),
        ("Ho Chi Minh City", "TP. Hồ Chí Minh"),
        ("Hai Phong", "Hải Phòng"),
        ("Da Nang", "Đà Nẵng"),
        ("Thua Thien Hue", "Thừa Thiên Huế"),
    ];
    // As the page shows them: Thừa Thiên Huế is Huế (its name since 1 January 2025).
    let canon = ["Hà Nội", "TP. Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Huế"];
    let inds = ["PCI", "Weighted PCI", "CP1", "CP2"];
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("panel")?;
    for (c, h) in ["STT", "PCI ID", "Năm", "Province", "Tỉnh"].iter().chain(&inds).enumerate() {
        ws.write_string(0, c as u16, *h)?;
    }
    let mut rows = Vec::new();
    let mut r = 1;
    for year in [2019u16, 2020, 2021] {
        let vals: Vec<Vec<f64>> = (0..inds.len())
            .map(|k| {
                (0..units.len())
                    .map(|i| r2(score(year as u32 * 10 + k as u32, i, 5.0, 9.0) * if k < 2 { 8.0 } else { 1.0 }))
                    .collect()
            })
            .collect();
        for (i, (en, vi)) in units.iter().enumerate() {
            ws.write_number(r, 0, r as f64)?;
            ws.write_number(r, 1, 100.0 + i as f64)?;
            ws.write_number(r, 2, year as f64)?;
            ws.write_string(r, 3, *en)?;
            ws.write_string(r, 4, *vi)?;
            for (k, v) in vals.iter().enumerate() {
                ws.write_number(r, 5 + k as u16, v[i])?;
            }
            r += 1;
        }
        for (k, ind) in inds.iter().enumerate() {
            let rk = ranks(&vals[k]);
            for i in 0..units.len() {
                rows.push(row(canon[i], &year.to_string(), ind, Some(vals[k][i]), Some(rk[i])));
            }
        }
    }
    Ok(Published {
        file: "pci_panel_2019_2021.xlsx".into(),
        bytes: wb.save_to_buffer()?,
        dataset: "panel".into(),
        rows,
    })
}

/// Layout 5: provinces across and indicators down, a code row over a name row, a scale
/// column ("Thang điểm"), a total row.
pub fn par_transposed() -> Result<Published, XlsxError> {
    let provs = [("01", "Hà Nội"), ("31", "Hải Phòng"), ("46", "TT-Huế"), ("48", "Đà Nẵng"), ("92", "Cần Thơ")];
    let canon = ["Hà Nội", "Hải Phòng", "Huế", "Đà Nẵng", "Cần Thơ"];
    let comps = [("Công tác chỉ đạo, điều hành CCHC", 10.0), ("Cải cách thể chế", 12.0), ("Cải cách TTHC", 14.0)];
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Tổng hợp")?;
    ws.write_string(0, 0, "ĐIỂM CHỈ SỐ CCHC THEO LĨNH VỰC NĂM 2022")?;
    ws.write_string(2, 0, "STT")?;
    ws.write_string(2, 1, "Lĩnh vực")?;
    ws.write_string(2, 2, "Thang điểm")?;
    for (k, (code, name)) in provs.iter().enumerate() {
        ws.write_string(2, 3 + k as u16, *code)?;
        ws.write_string(3, 3 + k as u16, *name)?;
    }
    let mut rows = Vec::new();
    let mut totals = vec![0.0; provs.len()];
    for (j, (comp, max)) in comps.iter().enumerate() {
        let r = 4 + j as u32;
        ws.write_number(r, 0, (j + 1) as f64)?;
        ws.write_string(r, 1, *comp)?;
        ws.write_number(r, 2, *max)?;
        let vals: Vec<f64> = (0..provs.len()).map(|i| r2(score(j as u32 + 20, i, max * 0.5, *max))).collect();
        for (i, v) in vals.iter().enumerate() {
            ws.write_number(r, 3 + i as u16, *v)?;
            totals[i] += v;
        }
        let rk = ranks(&vals);
        for i in 0..provs.len() {
            rows.push(row(canon[i], "2022", comp, Some(vals[i]), Some(rk[i])));
        }
    }
    let r = 4 + comps.len() as u32;
    ws.write_string(r, 1, "Tổng điểm")?;
    ws.write_number(r, 2, 36.0)?;
    let totals: Vec<f64> = totals.iter().map(|t| r2(*t)).collect();
    for (i, t) in totals.iter().enumerate() {
        ws.write_number(r, 3 + i as u16, *t)?;
    }
    let rk = ranks(&totals);
    for i in 0..provs.len() {
        rows.push(row(canon[i], "2022", OVERALL, Some(totals[i]), Some(rk[i])));
    }
    Ok(Published {
        file: "par-linh-vuc-2022.xlsx".into(),
        bytes: wb.save_to_buffer()?,
        dataset: "ĐIỂM CHỈ SỐ CCHC THEO LĨNH VỰC".into(),
        rows,
    })
}

/// Layout 6: the same table twice, sorted by score and by name.
pub fn sipas_sorted_twice() -> Result<Published, XlsxError> {
    let units = ["Bộ Tư pháp", "Bộ Y tế", "Bộ Tài chính", "Bộ Xây dựng", "Bộ Công Thương"];
    let vals = [82.15, 79.4, 85.02, 77.31, 80.9];
    let rk = ranks(&vals);
    let mut wb = Workbook::new();
    for (sheet, by_name) in [("Theo điểm", false), ("Theo tên", true)] {
        let ws = wb.add_worksheet();
        ws.set_name(sheet)?;
        ws.write_string(0, 0, "CHỈ SỐ HÀI LÒNG SIPAS NĂM 2022")?;
        for (c, h) in ["STT", "Cơ quan", "Chỉ số hài lòng (%)", "Xếp hạng"].iter().enumerate() {
            ws.write_string(2, c as u16, *h)?;
        }
        let mut order: Vec<usize> = (0..units.len()).collect();
        if by_name {
            order.sort_by_key(|i| units[*i]);
        } else {
            order.sort_by(|a, b| vals[*b].total_cmp(&vals[*a]));
        }
        for (pos, &i) in order.iter().enumerate() {
            let r = 3 + pos as u32;
            ws.write_number(r, 0, (pos + 1) as f64)?;
            ws.write_string(r, 1, units[i])?;
            ws.write_string(r, 2, format!("{}%", vals[i]).replace('.', ","))?;
            ws.write_number(r, 3, rk[i] as f64)?;
        }
    }
    let rows = (0..units.len()).map(|i| row(units[i], "2022", "Chỉ số hài lòng", Some(vals[i]), Some(rk[i]))).collect();
    Ok(Published {
        file: "sipas-2022.xlsx".into(),
        bytes: wb.save_to_buffer()?,
        dataset: "CHỈ SỐ HÀI LÒNG SIPAS".into(),
        rows,
    })
}

/// Layout 7: an official PAR Index release: the issuing body's letterhead and the national
/// motto above a long title, a merged group title over the components (which is not part
/// of their names), component names with words that are also role words ("thực hiện").
pub fn par_official() -> Result<Published, XlsxError> {
    let comps = [
        "Công tác chỉ đạo, điều hành CCHC",
        "Xây dựng và tổ chức thực hiện văn bản QPPL",
        "Cải cách thủ tục hành chính",
        "Hiện đại hóa hành chính",
    ];
    let units = ["An Giang", "Bình Định", "Gia Lai", "Kon Tum", "Nam Định", "Yên Bái"];
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Tinh")?;
    let head = Format::new().set_bold();
    ws.write_string(0, 0, "BỘ NỘI VỤ")?;
    ws.write_string(0, 4, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")?;
    ws.write_string(1, 4, "Độc lập - Tự do - Hạnh phúc")?;
    ws.merge_range(
        3,
        0,
        3,
        7,
        "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023 CỦA CÁC ỦY BAN NHÂN DÂN TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG (Kèm theo Quyết định số 123/QĐ-BNV ngày 10 tháng 5 năm 2024 của Bộ trưởng Bộ Nội vụ)",
        &head,
    )?;
    ws.merge_range(5, 0, 6, 0, "STT", &head)?;
    ws.merge_range(5, 1, 6, 1, "Tỉnh, thành phố", &head)?;
    ws.merge_range(5, 2, 5, 5, "Điểm đạt được theo từng lĩnh vực", &head)?;
    for (k, c) in comps.iter().enumerate() {
        ws.write_string(6, 2 + k as u16, *c)?;
    }
    ws.merge_range(5, 6, 6, 6, "Tổng điểm", &head)?;
    ws.merge_range(5, 7, 6, 7, "Xếp hạng", &head)?;
    let mut rows = Vec::new();
    let vals: Vec<Vec<f64>> =
        (0..comps.len()).map(|k| (0..units.len()).map(|i| r2(score(k as u32 + 40, i, 5.0, 12.0))).collect()).collect();
    let totals: Vec<f64> = (0..units.len()).map(|i| r2(vals.iter().map(|v| v[i]).sum::<f64>())).collect();
    let trk = ranks(&totals);
    for (i, u) in units.iter().enumerate() {
        let r = 7 + i as u32;
        ws.write_number(r, 0, (i + 1) as f64)?;
        ws.write_string(r, 1, *u)?;
        for (k, v) in vals.iter().enumerate() {
            ws.write_number(r, 2 + k as u16, v[i])?;
        }
        ws.write_number(r, 6, totals[i])?;
        ws.write_number(r, 7, trk[i] as f64)?;
    }
    for (k, c) in comps.iter().enumerate() {
        let rk = ranks(&vals[k]);
        for i in 0..units.len() {
            rows.push(row(units[i], "2023", c, Some(vals[k][i]), Some(rk[i])));
        }
    }
    for i in 0..units.len() {
        rows.push(row(units[i], "2023", OVERALL, Some(totals[i]), Some(trk[i])));
    }
    Ok(Published {
        file: "Phu luc PAR INDEX 2023.xlsx".into(),
        bytes: wb.save_to_buffer()?,
        dataset: "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA CÁC ỦY BAN NHÂN DÂN TỈNH, THÀNH PHỐ TRỰC…".into(),
        rows,
    })
}

/// Layout 8: unit names from the wild, as a CSV with one score per name: (as written,
/// canonical). Historical provinces stay units of their own.
pub const WILD_NAMES: &[(&str, &str)] = &[
    ("HCMC", "TP. Hồ Chí Minh"),
    ("Bình Dương ", "Bình Dương"),
    ("TT-Huế", "Huế"),
    ("BRVT", "Bà Rịa - Vũng Tàu"),
    ("Dac Lak", "Đắk Lắk"),
    ("Đăk Nông", "Đắk Nông"),
    ("Bắc Cạn", "Bắc Kạn"),
    ("QUẢNG NINH", "Quảng Ninh"),
    ("Hà\u{a0}Giang", "Hà Giang"),
    ("Ninh Bình (cũ)", "Ninh Bình"),
    ("Hà Tây", "Hà Tây"),
    ("Hà Bắc", "Hà Bắc"),
    ("Hà Sơn Bình", "Hà Sơn Bình"),
    ("Nghĩa Bình", "Nghĩa Bình"),
    ("Tp. Cần Thơ", "Cần Thơ"),
    ("Kiên Giang", "Kiên Giang"),
];

pub fn wild_names_csv() -> Published {
    let mut text = String::from("Tỉnh;PCI 2005\n");
    let mut rows = Vec::new();
    let vals: Vec<f64> = (0..WILD_NAMES.len()).map(|i| 40.0 + i as f64 * 1.5).collect();
    let rk = ranks(&vals);
    for (i, (w, c)) in WILD_NAMES.iter().enumerate() {
        text.push_str(&format!("{w};{}\n", format!("{}", vals[i]).replace('.', ",")));
        rows.push(row(c, "2005", "PCI", Some(vals[i]), Some(rk[i])));
    }
    Published { file: "ten-tinh.csv".into(), bytes: text.into_bytes(), dataset: "ten-tinh".into(), rows }
}

/// Layout 9: the period from the file name when the table names none.
pub fn pci_year_in_file_name() -> Result<Published, XlsxError> {
    let units = ["Lạng Sơn", "Cao Bằng", "Hà Giang", "Tuyên Quang"];
    let inds = ["Gia nhập thị trường", "Tiếp cận đất đai", "PCI"];
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["Tỉnh"].iter().chain(&inds).enumerate() {
        ws.write_string(0, c as u16, *h)?;
    }
    let mut rows = Vec::new();
    let vals: Vec<Vec<f64>> =
        (0..inds.len()).map(|k| (0..units.len()).map(|i| r2(score(k as u32 + 60, i, 5.0, 70.0))).collect()).collect();
    for (i, u) in units.iter().enumerate() {
        ws.write_string(1 + i as u32, 0, *u)?;
        for (k, v) in vals.iter().enumerate() {
            ws.write_number(1 + i as u32, 1 + k as u16, v[i])?;
        }
    }
    for (k, ind) in inds.iter().enumerate() {
        let rk = ranks(&vals[k]);
        for i in 0..units.len() {
            rows.push(row(units[i], "2019", ind, Some(vals[k][i]), Some(rk[i])));
        }
    }
    Ok(Published { file: "PCI 2019.xlsx".into(), bytes: wb.save_to_buffer()?, dataset: "PCI".into(), rows })
}

/// Every generated look-alike, for the e2e drop test.
pub fn all() -> Result<Vec<Published>, XlsxError> {
    let mut v = vec![
        pci_side_by_side_two_rows()?,
        par_rows_that_are_not_units()?,
        pci_panel()?,
        par_transposed()?,
        sipas_sorted_twice()?,
        par_official()?,
        wild_names_csv(),
        pci_year_in_file_name()?,
    ];
    v.push(ranks_as_given("Thứ hạng", true)?);
    Ok(v)
}

/// A release: its file name, its bytes and the expected (canonical unit, score, rank).
pub type Release = (String, Vec<u8>, Vec<(String, f64, u32)>);

/// A PAR Index release of 2024, on the 63 provinces: (file, bytes, expected (canonical
/// unit, score, rank)).
pub fn par_2024_63() -> Result<Release, XlsxError> {
    let units = canonical_provinces();
    let values: Vec<f64> = (0..units.len()).map(|i| r2(score(2024, i, 72.0, 92.0))).collect();
    let rk = ranks(&values);
    let rows: Vec<(String, String, f64, u32)> =
        (0..units.len()).map(|i| (written(units[i]), units[i].to_string(), values[i], rk[i])).collect();
    let bytes = par_release(2024, &rows)?;
    Ok(("PAR-INDEX-2024.xlsx".into(), bytes, rows.into_iter().map(|(_, c, v, r)| (c, v, r)).collect()))
}

/// A PAR Index release of 2025, on the 34 provinces, named in their official forms
/// ("Tỉnh Tuyên Quang", "Thành phố Huế").
pub fn par_2025_34() -> Result<Release, XlsxError> {
    let registry = chiso_core::text::units::Registry::default();
    let list = provinces::the_34();
    let values: Vec<f64> = (0..list.len()).map(|i| r2(score(2025, i, 74.0, 93.0))).collect();
    let rk = ranks(&values);
    let official = |id: &provinces::ProvinceId| id.province().official.unwrap_or_default().to_string();
    let rows: Vec<(String, String, f64, u32)> = list
        .iter()
        .enumerate()
        .map(|(i, id)| (official(id), registry.canonical(id.name()), values[i], rk[i]))
        .collect();
    let bytes = par_release(2025, &rows)?;
    Ok(("PAR-INDEX-2025.xlsx".into(), bytes, rows.into_iter().map(|(_, c, v, r)| (c, v, r)).collect()))
}

/// One year's release: letterhead, title, "STT | Tỉnh, thành phố | Tổng điểm | Xếp hạng".
fn par_release(year: u16, rows: &[(String, String, f64, u32)]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Xếp hạng")?;
    ws.write_string(0, 0, "BỘ NỘI VỤ")?;
    ws.write_string(1, 0, format!("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year} CỦA CÁC TỈNH, THÀNH PHỐ"))?;
    for (c, h) in ["STT", "Tỉnh, thành phố", "Tổng điểm", "Xếp hạng"].iter().enumerate() {
        ws.write_string(3, c as u16, *h)?;
    }
    for (i, (w, _, v, r)) in rows.iter().enumerate() {
        let row = 4 + i as u32;
        ws.write_number(row, 0, (i + 1) as f64)?;
        ws.write_string(row, 1, w)?;
        ws.write_number(row, 2, *v)?;
        ws.write_number(row, 3, *r as f64)?;
    }
    wb.save_to_buffer()
}
