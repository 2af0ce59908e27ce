//! Broken and hostile input: every case gives a clear error (or reads what it can), never
//! a panic, and nothing already loaded is lost. Small cases are committed files
//! (tests/fixtures/make_hostile.py); large ones are generated here.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/gen.rs"]
mod gen;

use chiso_core::model::messages::{DocKind, Limit, ReadError};
use chiso_core::read::grid::limits;
use chiso_core::{import_file, Catalog, ImportStatus, Lang};

fn hostile(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/hostile/{name}")).unwrap()
}

#[test]
fn each_broken_file_gets_its_reason() {
    let cases: &[(&str, ReadError)] = &[
        ("truncated.xlsx", ReadError::TruncatedFile),
        ("truncated.ods", ReadError::TruncatedFile),
        ("truncated.xls", ReadError::TruncatedFile),
        ("encrypted.xlsx", ReadError::Encrypted),
        ("html-saved-as.xls", ReadError::NotSpreadsheet { kind: DocKind::Html }),
        ("report.pdf.xlsx", ReadError::NotSpreadsheet { kind: DocKind::Pdf }),
        ("random-bytes.xlsx", ReadError::UnknownFormat),
        ("empty-workbook.xlsx", ReadError::NoTable),
        ("title-only.xlsx", ReadError::NoTable),
    ];
    for (name, want) in cases {
        let o = import_file(&hostile(name), name);
        assert_eq!(o.report.status, ImportStatus::Error, "{name}");
        assert_eq!(o.report.error.as_ref(), Some(want), "{name}");
        assert_eq!(o.report.file, *name);
        // Both languages say it, differently.
        let (vi, en) = (want.text(Lang::Vi), want.text(Lang::En));
        assert!(!vi.is_empty() && vi != en, "{name}");
    }
}

#[test]
fn a_failed_file_leaves_the_loaded_ones_alone() {
    let mut c = Catalog::default();
    c.add(import_file("Tỉnh,Điểm 2023\nHà Nội,85\n".as_bytes(), "ok.csv"));
    let before = c.datasets.clone();
    for name in ["truncated.xlsx", "encrypted.xlsx", "random-bytes.xlsx"] {
        c.add(import_file(&hostile(name), name));
    }
    assert_eq!(c.datasets, before);
    assert_eq!(c.reports.len(), 4);
}

#[test]
fn markup_and_formulas_in_names_stay_text() {
    let o = import_file(&hostile("script-names.csv"), "script-names.csv");
    let units = o.datasets[0].units();
    assert!(units.contains(&"<script>document.title='pwned'</script>".to_string()), "{units:?}");
    assert!(units.iter().any(|u| u.starts_with("<img src=x onerror=")));
    let mut c = Catalog::default();
    c.add(o);
    let csv = chiso_core::export::tidy_csv(&c);
    assert!(csv.contains("'=HYPERLINK"), "formulas are neutralised in CSV: {csv}");
}

#[test]
fn mixed_encodings_and_ragged_rows() {
    let o = import_file(&hostile("mixed-encodings.csv"), "mixed-encodings.csv");
    assert_ne!(o.report.status, ImportStatus::Error);
    let mut units = o.datasets[0].units();
    units.sort();
    assert_eq!(units, vec!["Hà Nam", "Hà Nội", "Quảng Nam"]);
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_inflated() {
    let bomb = gen::zip_bomb_xlsx();
    assert!(bomb.len() < 2_000_000, "{} bytes", bomb.len());
    let o = import_file(&bomb, "bomb.xlsx");
    assert_eq!(
        o.report.error,
        Some(ReadError::TooLarge { what: Limit::ZipEntryBytes, limit: limits::MAX_ENTRY_BYTES })
    );
}

#[test]
fn deeply_nested_shared_strings_do_not_overflow() {
    // Whatever calamine makes of it, the import answers without a panic.
    let o = import_file(&gen::deep_shared_strings_xlsx(), "deep.xlsx");
    assert_eq!(o.report.file, "deep.xlsx");
}

#[test]
fn a_million_empty_styled_rows_read_as_no_table() {
    let o = import_file(&gen::styled_rows_xlsx(1_000_000), "styled.xlsx");
    assert_eq!(o.report.error, Some(ReadError::NoTable));
}

/// Inputs the fuzzer found that once hung or exhausted memory; each must now answer.
#[test]
fn fuzzer_regressions() {
    let dir = std::path::Path::new("tests/fixtures/regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        // The fuzz target's first byte picks the file name; the rest is the file.
        let names = ["a.xlsx", "a.xlsm", "a.xlsb", "a.xls", "a.ods", "a.csv", "a.txt", "Năm 2023.tsv"];
        let (pick, bytes) = data.split_first().unwrap();
        let o = import_file(bytes, names[*pick as usize % names.len()]);
        assert_eq!(o.report.status, ImportStatus::Error, "{}", path.display());
        n += 1;
    }
    assert!(n >= 1);
}
