//! Broken and hostile input: every case gives a clear error (or reads what it can), never
//! a panic, and nothing already loaded is lost. Small cases are committed files
//! (tests/fixtures/make_hostile.py); large ones are generated here.
#![cfg(not(target_arch = "wasm32"))]

use std::io::{Cursor, Read, Write};

use chiso::core::grid::limits;
use chiso::core::messages::Note;
use chiso::core::{import_file, Catalog, ImportStatus, Lang};

fn hostile(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/hostile/{name}")).unwrap()
}

#[test]
fn each_broken_file_gets_its_reason() {
    let cases: &[(&str, Note)] = &[
        ("truncated.xlsx", Note::TruncatedFile),
        ("truncated.ods", Note::TruncatedFile),
        ("truncated.xls", Note::TruncatedFile),
        ("encrypted.xlsx", Note::Encrypted),
        ("html-saved-as.xls", Note::NotSpreadsheet { kind: "HTML" }),
        ("report.pdf.xlsx", Note::NotSpreadsheet { kind: "PDF" }),
        ("random-bytes.xlsx", Note::UnknownFormat),
        ("empty-workbook.xlsx", Note::NoTable),
        ("title-only.xlsx", Note::NoTable),
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
    let csv = chiso::core::export::tidy_csv(&c);
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

/// An xlsx written by rust_xlsxwriter whose entries we can replace.
fn xlsx_with(replace: &str, content: &dyn Fn(&mut dyn Write)) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Tỉnh").unwrap();
    ws.write_string(0, 1, "Điểm 2023").unwrap();
    ws.write_string(1, 0, "Hà Nội").unwrap();
    ws.write_number(1, 1, 85.0).unwrap();
    let base = wb.save_to_buffer().unwrap();
    let mut src = zip::ZipArchive::new(Cursor::new(base)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).large_file(true);
    for i in 0..src.len() {
        let mut f = src.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        out.start_file(name.as_str(), opts).unwrap();
        if name == replace {
            content(&mut out);
        } else {
            let mut buf = Vec::new();
            f.read_to_end(&mut buf).unwrap();
            out.write_all(&buf).unwrap();
        }
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_inflated() {
    // 120 MB of white space inside the sheet: a few hundred kilobytes zipped.
    let bomb = xlsx_with("xl/worksheets/sheet1.xml", &|w| {
        w.write_all(b"<?xml version=\"1.0\"?><worksheet><sheetData>").unwrap();
        let spaces = vec![b' '; 1 << 20];
        for _ in 0..120 {
            w.write_all(&spaces).unwrap();
        }
        w.write_all(b"</sheetData></worksheet>").unwrap();
    });
    assert!(bomb.len() < 2_000_000, "{} bytes", bomb.len());
    let o = import_file(&bomb, "bomb.xlsx");
    assert_eq!(o.report.error, Some(Note::TooLarge { what: "zip entry bytes", limit: limits::MAX_ENTRY_BYTES }));
}

#[test]
fn deeply_nested_shared_strings_do_not_overflow() {
    let deep = xlsx_with("xl/sharedStrings.xml", &|w| {
        w.write_all(b"<?xml version=\"1.0\"?><sst count=\"2\" uniqueCount=\"2\"><si>").unwrap();
        for _ in 0..200_000 {
            w.write_all(b"<r>").unwrap();
        }
        w.write_all(b"<t>x</t>").unwrap();
        for _ in 0..200_000 {
            w.write_all(b"</r>").unwrap();
        }
        w.write_all(b"</si></sst>").unwrap();
    });
    // Whatever calamine makes of it, the import answers without a panic.
    let o = import_file(&deep, "deep.xlsx");
    assert_eq!(o.report.file, "deep.xlsx");
}

#[test]
fn a_million_empty_styled_rows_read_quickly_as_no_table() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let fmt = rust_xlsxwriter::Format::new().set_background_color(rust_xlsxwriter::Color::RGB(0xFFF2CC));
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Bảng trống").unwrap();
    for r in 1..1_000_000u32 {
        ws.set_row_format(r, &fmt).unwrap();
    }
    let bytes = wb.save_to_buffer().unwrap();
    let o = import_file(&bytes, "styled.xlsx");
    assert_eq!(o.report.error, Some(Note::NoTable));
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
