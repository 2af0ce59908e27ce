//! Word documents as agencies publish them (tests/fixtures/make_documents.py writes them
//! with python-docx): each reads to exactly its expected tidy rows, its tables named by
//! their place in the document, every non-empty cell accounted for.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use chiso_core::model::messages::{Finding, Legacy, NotDataWhy, Skip};
use chiso_core::read::grid::{read, Grid};
use chiso_core::text::value::parse_num;
use chiso_core::{import_file, Catalog, ImportOutcome, ImportStatus, Lang};

#[path = "support/tidy.rs"]
mod tidy;
use tidy::{same, tidy_rows, title_rows};

fn expected_csv(name: &str) -> BTreeSet<tidy::Row> {
    tidy::expected_csv(&format!("tests/fixtures/documents/{name}"))
}

fn document(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/documents/{name}")).unwrap()
}

fn import(name: &str) -> (ImportOutcome, Catalog, Vec<Grid>) {
    let bytes = document(name);
    let o = import_file(&bytes, name);
    assert_ne!(o.report.status, ImportStatus::Error, "{name}: {:?}", o.report);
    assert_eq!(o.report.cells.unaccounted, 0, "{name}: {:?}", o.report.cells);
    let grids = read(&bytes, name).unwrap();
    let mut c = Catalog::default();
    c.add(o.clone());
    (o, c, grids)
}

fn texts(o: &ImportOutcome) -> Vec<String> {
    o.report.notes().map(|n| n.text(Lang::Vi)).collect()
}

fn not_data(o: &ImportOutcome) -> Vec<(String, NotDataWhy)> {
    o.report
        .skipped
        .iter()
        .filter_map(|n| match n {
            Skip::NotDataTable { sheet, why } => Some((sheet.clone(), *why)),
            _ => None,
        })
        .collect()
}

#[test]
fn par_decision_reads_its_appendix_table() {
    let name = "quyet-dinh-par-2024.python-docx.docx";
    let (o, c, grids) = import(name);
    let names: Vec<&str> = grids.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["Tiêu đề văn bản", "Phụ lục I, bảng 1", "Chữ ký văn bản"]);
    same(&tidy_rows(&c), &expected_csv("quyet-dinh-par-2024.expected.csv"), name);
    assert_eq!(c.datasets.len(), 1);
    let d = &c.datasets[0];
    // The title's words, its year gone (as from a workbook's title row), cut at 80 letters.
    assert_eq!(d.name, "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA ỦY BAN NHÂN DÂN CÁC TỈNH, THÀNH PHỐ TRỰC…");
    assert_eq!(d.periods(), vec!["2024"]);
    assert_eq!(d.units().len(), 63);
    assert_eq!(d.overall().as_deref(), Some("Chỉ số CCHC"));
    // The report says where in the document the data set's table is.
    let at = o.report.found.iter().find_map(|n| match n {
        Finding::DataSet { from, .. } => Some(from.clone()),
        _ => None,
    });
    assert_eq!(at, Some(vec!["Phụ lục I, bảng 1".to_string()]));
    assert!(o.report.found.iter().any(|n| n.text(Lang::Vi).contains("» (Phụ lục I, bảng 1): 63 đơn vị")));
    // The appendix's heading: its label, the title, then where it was published.
    assert_eq!(
        title_rows(&o, "Phụ lục I, bảng 1"),
        [
            "Phụ lục I",
            "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024 CỦA ỦY BAN NHÂN DÂN CÁC TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG",
            "(Kèm theo Quyết định số 1234/QĐ-BNV ngày 15 tháng 4 năm 2025 của Bộ trưởng Bộ Nội vụ)",
        ]
    );
    assert_eq!(
        not_data(&o),
        [
            ("Tiêu đề văn bản".to_string(), NotDataWhy::Letterhead),
            ("Chữ ký văn bản".to_string(), NotDataWhy::Signature)
        ]
    );
    // The letterhead's and the signature's two cells each, skipped.
    assert!(o.report.cells.skipped >= 4, "{:?}", o.report.cells);
    // 63 provinces × (8 components + the overall score + its rank).
    assert_eq!(o.report.cells.read, 63 * 10);
    assert!(!o.report.found.iter().any(|n| matches!(n, Finding::LegacyText { .. })));
    assert_eq!(o.report.status, ImportStatus::Ok, "{:?}", texts(&o));
}

#[test]
fn tcvn3_decision_is_read_in_unicode_once() {
    let name = "ddci-2024-tcvn3.python-docx.docx";
    let (o, c, grids) = import(name);
    let names: Vec<&str> = grids.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["Tiêu đề văn bản", "Bảng 1", "Chữ ký văn bản"]);
    same(&tidy_rows(&c), &expected_csv("ddci-2024-tcvn3.expected.csv"), name);
    let d = &c.datasets[0];
    assert_eq!(d.name, "KẾT QUẢ ĐÁNH GIÁ NĂNG LỰC CẠNH TRANH CẤP SỞ, NGÀNH");
    assert_eq!(d.periods(), vec!["2024"]);
    // The uppercase font's lowercase codes read as capitals; the letterhead decoded too.
    assert_eq!(
        title_rows(&o, "Bảng 1"),
        [
            "KẾT QUẢ ĐÁNH GIÁ NĂNG LỰC CẠNH TRANH CẤP SỞ, NGÀNH NĂM 2024",
            "(Kèm theo Quyết định số 456/QĐ-UBND ngày 20/3/2025 của UBND tỉnh Quảng Ninh)",
        ]
    );
    assert_eq!(grids[0].get(0, 0).text(), "UBND TỈNH QUẢNG NINH Số: 456/QĐ-UBND");
    // The report says the document was typed in TCVN3, for each table.
    let legacy: Vec<&str> = o
        .report
        .found
        .iter()
        .filter_map(|n| match n {
            Finding::LegacyText { sheet, encoding: Legacy::Tcvn3 } => Some(sheet.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(legacy, names);
    assert_eq!(o.report.cells.read, 20 * 2);
}

#[test]
fn plan_targets_are_a_target_sheet() {
    let name = "ke-hoach-chi-tieu-2025.python-docx.docx";
    let (o, c, grids) = import(name);
    let names: Vec<&str> = grids.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["Tiêu đề văn bản", "Phụ lục II, bảng 1"]);
    assert!(c.datasets.is_empty());
    assert_eq!(c.targets.len(), 1);
    let t = &c.targets[0];
    assert_eq!(t.name, "CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH");
    // indicator, target as written, the actual as written (read as a number, the quarter's).
    let text = std::fs::read_to_string("tests/fixtures/documents/ke-hoach-chi-tieu-2025.expected.csv").unwrap();
    let mut r = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let want: Vec<(String, String, Option<f64>)> = r
        .records()
        .map(|rec| {
            let rec = rec.unwrap();
            (rec[0].to_string(), rec[1].to_string(), parse_num(&rec[2]).as_value())
        })
        .collect();
    let got: Vec<(String, String, Option<f64>)> = t
        .targets
        .iter()
        .map(|x| {
            assert_eq!(x.actuals.iter().map(|(p, _)| p.as_str()).collect::<Vec<_>>(), ["2025-Q1"]);
            (x.indicator.clone(), x.text.clone(), x.actuals[0].1)
        })
        .collect();
    assert_eq!(got, want);
    assert_eq!(want.len(), 8);
    assert_eq!(not_data(&o), [("Tiêu đề văn bản".to_string(), NotDataWhy::Letterhead)]);
}
