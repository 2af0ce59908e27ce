//! The documents agencies publish, as PDFs LibreOffice wrote (tests/fixtures/documents/,
//! made by tests/fixtures/make_documents.py): read → tables → the core's import gives
//! exactly the expected tidy rows, every non-empty cell accounted for.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use chiso_core::import::import_grids;
use chiso_core::model::messages::{ReadError, Skip};
use chiso_core::read::grid::{Cell, Grid};
use chiso_core::text::value::parse_num;
use chiso_core::{Catalog, ImportOptions, ImportOutcome, ImportStatus};
use chiso_pdf::layout::OUTSIDE;

#[path = "../../../tests/support/tidy.rs"]
mod tidy;
use tidy::{same, tidy_rows, title_rows};

fn expected_csv(name: &str) -> BTreeSet<tidy::Row> {
    tidy::expected_csv(&path(name))
}

fn path(name: &str) -> String {
    format!("{}/../../tests/fixtures/documents/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The PDF's grids, as `chiso_pdf::read` gives them.
fn grids(name: &str) -> Vec<Grid> {
    let bytes = std::fs::read(path(name)).unwrap();
    chiso_pdf::read(&bytes, &mut |_| {}).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn import(name: &str) -> (ImportOutcome, Catalog, Vec<Grid>) {
    let g = grids(name);
    let o = import_grids(g.clone(), name, &ImportOptions::default(), &mut |_| {});
    assert_ne!(o.report.status, ImportStatus::Error, "{name}: {:?}", o.report);
    assert_eq!(o.report.cells.unaccounted, 0, "{name}: {:?}", o.report.cells);
    let mut c = Catalog::default();
    c.add(o.clone());
    (o, c, g)
}

fn dump(grids: &[Grid]) -> String {
    let mut s = String::new();
    for g in grids {
        s.push_str(&format!("== {} ({} rows) merges {:?}\n", g.name, g.rows.len(), g.merges));
        for r in &g.rows {
            let cells: Vec<String> = r.iter().map(Cell::text).collect();
            s.push_str(&format!("  {cells:?}\n"));
        }
    }
    s
}

/// `CHISO_DUMP=1 cargo test -p chiso-pdf --test fixtures dump -- --nocapture`: the grids.
#[test]
fn dump_when_asked() {
    if std::env::var_os("CHISO_DUMP").is_none() {
        return;
    }
    for name in [
        "quyet-dinh-par-2024.libreoffice.pdf",
        "sipas-2024-no-gridlines.libreoffice.pdf",
        "ke-hoach-chi-tieu-2025.libreoffice.pdf",
    ] {
        println!("##### {name}\n{}", dump(&grids(name)));
    }
}

fn names(g: &[Grid]) -> Vec<&str> {
    g.iter().map(|g| g.name.as_str()).collect()
}

#[test]
fn par_decision_ruled_table_over_pages() {
    let name = "quyet-dinh-par-2024.libreoffice.pdf";
    let (o, c, g) = import(name);
    same(&tidy_rows(&c), &expected_csv("quyet-dinh-par-2024.expected.csv"), &format!("{name}\n{}", dump(&g)));
    // The appendix's table runs over pages 2 to 5; the decision's text is outside it.
    assert_eq!(names(&g), ["trang 2–5, bảng 1", OUTSIDE]);
    assert_eq!(
        title_rows(&o, "trang 2–5, bảng 1"),
        [
            "Phụ lục I",
            "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024 CỦA ỦY BAN NHÂN DÂN CÁC TỈNH, THÀNH PHỐ",
            "TRỰC THUỘC TRUNG ƯƠNG",
            "(Kèm theo Quyết định số 1234/QĐ-BNV ngày 15 tháng 4 năm 2025 của Bộ trưởng Bộ Nội vụ)",
        ]
    );
    assert_eq!(c.datasets.len(), 1);
    assert_eq!(c.datasets[0].periods(), vec!["2024"]);
    assert_eq!(c.datasets[0].overall().as_deref(), Some("Chỉ số CCHC"));
    assert_eq!(c.datasets[0].units().len(), 63);
    // 63 provinces × (8 components + the overall score + its rank).
    assert_eq!(o.report.cells.read, 63 * 10);
    // The report says where in the document the data set's table is.
    let said: Vec<String> = o.report.found.iter().map(|n| n.text(chiso_core::Lang::Vi)).collect();
    assert!(said.iter().any(|t| t.contains("» (trang 2–5, bảng 1): 63 đơn vị")), "{said:?}");
}

#[test]
fn sipas_without_gridlines_over_two_pages() {
    let name = "sipas-2024-no-gridlines.libreoffice.pdf";
    let (o, c, g) = import(name);
    same(&tidy_rows(&c), &expected_csv("sipas-2024-no-gridlines.expected.csv"), &format!("{name}\n{}", dump(&g)));
    assert_eq!(names(&g), ["trang 1–2, bảng 1", OUTSIDE]);
    assert_eq!(
        title_rows(&o, "trang 1–2, bảng 1"),
        [
            "CHỈ SỐ HÀI LÒNG VỀ SỰ PHỤC VỤ HÀNH CHÍNH NĂM 2024 (SIPAS 2024)",
            "(Kèm theo Quyết định số 1235/QĐ-BNV ngày 15 tháng 4 năm 2025 của Bộ trưởng Bộ Nội vụ)",
        ]
    );
    assert_eq!(c.datasets.len(), 1);
    assert_eq!(c.datasets[0].periods(), vec!["2024"]);
    // The header printed again on page 2 is left out, and said to be.
    assert!(o.report.skipped.iter().any(|n| matches!(n, Skip::RepeatedHeader { .. })), "{:?}", o.report.skipped);
    // The note under the table is outside it, listed as such.
    let outside = g.iter().find(|g| g.name == OUTSIDE).expect("text outside the table");
    assert!(outside.rows.iter().any(|r| r[0].text().starts_with("Ghi chú")), "{}", dump(&g));
}

#[test]
fn sipas_encrypted_with_an_empty_password_reads_the_same() {
    let want = expected_csv("sipas-2024-no-gridlines.expected.csv");
    for name in ["sipas-2024-empty-password.qpdf.pdf", "sipas-2024-empty-password-rc4.qpdf.pdf"] {
        let (_, c, _) = import(name);
        same(&tidy_rows(&c), &want, name);
    }
    let bytes = std::fs::read(path("sipas-2024-password.qpdf.pdf")).unwrap();
    assert_eq!(chiso_pdf::read(&bytes, &mut |_| {}), Err(ReadError::PdfPassword));
}

#[test]
fn plan_targets_from_a_ruled_table() {
    let name = "ke-hoach-chi-tieu-2025.libreoffice.pdf";
    let (_, c, g) = import(name);
    assert_eq!(names(&g), ["trang 2, bảng 1", OUTSIDE]);
    assert!(c.datasets.is_empty(), "{}", dump(&g));
    assert_eq!(c.targets.len(), 1, "{}", dump(&g));
    let text = std::fs::read_to_string(path("ke-hoach-chi-tieu-2025.expected.csv")).unwrap();
    let want: Vec<(String, String, Option<f64>)> = csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap())
        .map(|r| (r[0].to_string(), r[1].to_string(), parse_num(&r[2]).as_value()))
        .collect();
    let got: Vec<(String, String, Option<f64>)> = c.targets[0]
        .targets
        .iter()
        .map(|x| (x.indicator.clone(), x.text.clone(), x.actuals.first().and_then(|a| a.1)))
        .collect();
    assert_eq!(got, want, "{}", dump(&g));
}

#[test]
fn a_scan_is_said_to_be_one() {
    let bytes = std::fs::read(path("quyet-dinh-par-2024.scan.pdf")).unwrap();
    assert_eq!(chiso_pdf::read(&bytes, &mut |_| {}), Err(ReadError::ScannedPdf));
}
