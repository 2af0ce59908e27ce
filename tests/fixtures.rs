//! Fixture files written by other tools (openpyxl, xlwt, odfpy; see
//! tests/fixtures/make_fixtures.py): each must read to exactly the expected tidy rows.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use chiso_core::export::{targets_csv, tidy_csv};
use chiso_core::{import_file, Catalog, ImportStatus};

fn read(name: &str) -> Catalog {
    let bytes = std::fs::read(format!("tests/fixtures/{name}")).unwrap();
    let o = import_file(&bytes, name);
    assert_ne!(o.report.status, ImportStatus::Error, "{name}: {:?}", o.report);
    let mut c = Catalog::default();
    c.add(o);
    c
}

fn lines(csv: &str) -> BTreeSet<String> {
    csv.lines().skip(1).map(str::to_string).collect()
}

fn expect(csv: &str, rows: &[&str]) {
    let want: BTreeSet<String> = rows.iter().map(|s| s.to_string()).collect();
    let got = lines(csv);
    assert_eq!(
        got,
        want,
        "\nmissing: {:?}\nextra: {:?}",
        want.difference(&got).collect::<Vec<_>>(),
        got.difference(&want).collect::<Vec<_>>()
    );
}

#[test]
fn ddci_peer_group_sheets_from_openpyxl() {
    let c = read("ddci-2023.openpyxl.xlsx");
    let d = "\"BẢNG XẾP HẠNG CHỈ SỐ NĂNG LỰC CẠNH TRANH CẤP SỞ, NGÀNH VÀ ĐỊA PHƯƠNG (DDCI)\"";
    let s = "\"Khối Sở, ban, ngành\"";
    let rows: Vec<String> = [
        (s, "Sở Tài chính", "2022", "72.15", "2"),
        (s, "Sở Tài chính", "2023", "70.5", "3"),
        (s, "Sở Xây dựng", "2022", "68.4", "3"),
        (s, "Sở Xây dựng", "2023", "71.25", "2"),
        (s, "Sở Tư pháp", "2022", "75", "1"),
        (s, "Sở Tư pháp", "2023", "74", "1"),
        ("Khối địa phương", "Huyện Tân Phú", "2022", "65.2", "2"),
        ("Khối địa phương", "Huyện Tân Phú", "2023", "66", "2"),
        ("Khối địa phương", "Thị xã Long Khánh", "2022", "70.1", "1"),
        ("Khối địa phương", "Thị xã Long Khánh", "2023", "", ""),
        ("Khối địa phương", "Huyện Định Quán", "2022", "61.9", "3"),
        ("Khối địa phương", "Huyện Định Quán", "2023", "69.3", "1"),
    ]
    .iter()
    // Departments and districts are not provinces: province_2025 is empty.
    .map(|(g, u, p, v, r)| format!("{d},{g},{u},{p},Chỉ số tổng hợp,{v},{r},"))
    .collect();
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    expect(&tidy_csv(&c), &rows);
}

#[test]
fn years_as_columns_in_biff8_from_xlwt() {
    let c = read("par-2017-2022.xlwt.xls");
    assert_eq!(c.datasets[0].name, "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CÁC TỈNH, THÀNH PHỐ");
    let csv = tidy_csv(&c);
    let got = lines(&csv);
    assert_eq!(got.len(), 30);
    let d = "\"CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CÁC TỈNH, THÀNH PHỐ\"";
    for row in [
        "Hà Nội,2017,Chỉ số tổng hợp,80.12,2,Hà Nội",
        "TP. Hồ Chí Minh,2021,Chỉ số tổng hợp,,,TP. Hồ Chí Minh",
        "TP. Hồ Chí Minh,2022,Chỉ số tổng hợp,85.9,3,TP. Hồ Chí Minh",
        "Huế,2019,Chỉ số tổng hợp,81.1,4,Huế",
        "Đắk Nông,2021,Chỉ số tổng hợp,76.1,4,Lâm Đồng",
        "Quảng Ninh,2022,Chỉ số tổng hợp,92,1,Quảng Ninh",
    ] {
        assert!(got.contains(&format!("{d},,{row}")), "{row} not in\n{csv}");
    }
}

#[test]
fn long_form_in_any_order_from_odfpy() {
    let c = read("par-long.odfpy.ods");
    let d = "Số liệu PAR INDEX dạng dọc (minh họa)";
    let rows: Vec<String> = [
        "Bắc Ninh,2021,Cải cách thủ tục hành chính,12.5,1,Bắc Ninh",
        "Hà Nam,2021,Cải cách thủ tục hành chính,,,Ninh Bình",
        "Bắc Ninh,2020,Chỉ số tổng hợp,84.05,1,Bắc Ninh",
        "Hà Nam,2020,Chỉ số tổng hợp,81.2,2,Ninh Bình",
        "Bắc Ninh,2021,Chỉ số tổng hợp,85.4,1,Bắc Ninh",
        "Hà Nam,2021,Chỉ số tổng hợp,82.6,2,Ninh Bình",
    ]
    .iter()
    .map(|r| format!("{d},,{r}"))
    .collect();
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    expect(&tidy_csv(&c), &rows);
}

#[test]
fn quarterly_targets_from_openpyxl() {
    let c = read("chi-tieu-2024.openpyxl.xlsx");
    expect(
        &targets_csv(&c),
        &[
            "Tỷ lệ hồ sơ trực tuyến,> 80%,>,80,2024-Q3,81.2,true",
            "Tỷ lệ hồ sơ trễ hạn,Dưới 2%,<,2,2024-Q3,1.9,true",
            "Phiếu đánh giá hài lòng,Tối thiểu 95%,>=,95,2024-Q3,96.81,true",
            "Thời gian giải quyết,Không quá 5 ngày,<=,5,2024-Q3,5,true",
            "Doanh nghiệp thành lập mới,Tăng 30% so với năm 2018 (120),>=,156,2024-Q3,160,true",
            "Mức độ hài lòng,≥ 90%,>=,90,,,",
        ],
    );
}

/// The merged regions read in the same pass as the cells (our calamine patch,
/// vendor/calamine/CHISO.md) are calamine's own look-up's, sheet by sheet.
#[test]
fn merged_regions_read_with_the_cells_equal_calamines() {
    use calamine::Reader;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let sample =
        std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample/chiso-mau.xlsx")).unwrap();
    let files = [
        ("chi-tieu-2024.openpyxl.xlsx", std::fs::read(dir.join("chi-tieu-2024.openpyxl.xlsx")).unwrap()),
        ("ddci-2023.openpyxl.xlsx", std::fs::read(dir.join("ddci-2023.openpyxl.xlsx")).unwrap()),
        ("chiso-mau.xlsx (rust_xlsxwriter)", sample),
    ];
    let mut regions = 0;
    for (name, bytes) in files {
        let grids = chiso_core::read::grid::read(&bytes, name).expect(name);
        let mut wb: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.as_slice())).unwrap();
        for sheet in wb.sheet_names() {
            let mut theirs: Vec<(usize, usize, usize, usize)> = wb
                .merge_cells_by_sheet_name(&sheet)
                .unwrap_or_default()
                .iter()
                .map(|d| (d.start.0 as usize, d.start.1 as usize, d.end.0 as usize, d.end.1 as usize))
                .collect();
            let grid = grids.iter().find(|g| g.name == sheet).unwrap_or_else(|| panic!("{name}: no sheet {sheet}"));
            let mut ours = grid.merges.clone();
            theirs.sort();
            ours.sort();
            assert_eq!(ours, theirs, "{name} / {sheet}");
            regions += ours.len();
        }
    }
    assert!(regions >= 10, "only {regions} merged regions compared");
}

#[test]
fn each_observation_key_is_read_once() {
    // The import relies on it to skip deduplication of a data set read from one sheet.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<(String, Vec<u8>)> = ["ddci-2023.openpyxl.xlsx", "par-2017-2022.xlwt.xls", "par-long.odfpy.ods"]
        .iter()
        .map(|f| (f.to_string(), std::fs::read(dir.join("tests/fixtures").join(f)).unwrap()))
        .collect();
    files.push(("chiso-mau.xlsx".into(), std::fs::read(dir.join("assets/sample/chiso-mau.xlsx")).unwrap()));
    // A long sheet that repeats rows (the last value wins) and a wide one.
    let mut csv = String::from("Đơn vị,Năm,Chỉ số,Giá trị\n");
    for u in 0..50 {
        for y in 2021..2024 {
            csv.push_str(&format!("Xã {u},{y},Tổng hợp,{},5\nXã {u},{y},Tổng hợp,{},5\n", 50 + u, 51 + u));
        }
    }
    files.push(("lap.csv".into(), csv.into_bytes()));
    let mut checked = 0;
    for (name, bytes) in &files {
        let o = import_file(bytes, name);
        for d in &o.datasets {
            let mut seen = BTreeSet::new();
            for ob in &d.observations {
                assert!(seen.insert((&ob.group, &ob.unit, &ob.period, &ob.indicator)), "{name}: {ob:?} twice");
                checked += 1;
            }
        }
    }
    assert!(checked > 3000, "{checked}");
    // Of a row repeated within a sheet, the first value is the one kept.
    let c = read_bytes("lap.csv", &files.last().unwrap().1);
    let d = &c.datasets[0];
    let first = d.observations.iter().find(|o| o.unit == "Xã 0" && o.period == "2021").unwrap();
    assert_eq!(first.value, Some(50.0));
}

fn read_bytes(name: &str, bytes: &[u8]) -> Catalog {
    let mut c = Catalog::default();
    c.add(import_file(bytes, name));
    c
}
