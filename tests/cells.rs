//! Every cell accounted for: each fixture, look-alike, the sample and the benchmark
//! workbooks (at a small size) import with every non-empty cell read, used or skipped
//! with a reason (`CellCounts::unaccounted == 0`), and the counts add up to the cells
//! the file holds, counted here independently of the importer (calamine, the csv crate,
//! a scan of a Word document's XML for its table cells).
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/gen.rs"]
mod gen;

#[path = "support/bench.rs"]
mod bench;

#[path = "support/published.rs"]
mod published;

use calamine::{open_workbook_auto_from_rs, Data, Reader};
use chiso_core::model::CellCounts;
use chiso_core::{import_file, Catalog, ImportOutcome, ImportStatus};
use rust_xlsxwriter::{Format, Workbook};

/// The non-empty table cells (`w:tc`) of a Word document, by a scan of its XML: a cell's
/// text is that of its `w:t` elements outside deleted text, a nested table's cells count
/// as their own (not their parent's).
fn word_cells(bytes: &[u8]) -> u64 {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml").expect("word/document.xml").read_to_string(&mut xml).unwrap();
    let (mut open, mut filled, mut in_text, mut deleted): (Vec<String>, u64, bool, usize) = (Vec::new(), 0, false, 0);
    let mut rest = xml.as_str();
    while let Some(lt) = rest.find('<') {
        if in_text && deleted == 0 {
            if let Some(cell) = open.last_mut() {
                cell.push_str(&rest[..lt]);
            }
        }
        let gt = lt + rest[lt..].find('>').expect("a tag's end");
        let tag = &rest[lt + 1..gt];
        rest = &rest[gt + 1..];
        let (closing, empty) = (tag.starts_with('/'), tag.ends_with('/'));
        let name = tag.trim_start_matches('/').split([' ', '/']).next().unwrap_or_default();
        match (name, closing, empty) {
            ("w:tc", false, false) => open.push(String::new()),
            ("w:tc", true, _) => filled += u64::from(!open.pop().unwrap_or_default().trim().is_empty()),
            ("w:t", _, _) => in_text = !closing && !empty,
            ("w:del" | "w:moveFrom", false, false) => deleted += 1,
            ("w:del" | "w:moveFrom", true, _) => deleted -= 1,
            _ => {}
        }
    }
    filled
}

/// The non-empty cells of a file as calamine or the csv crate sees them; of a Word
/// document, its table cells and the rows the reader made of the paragraphs heading each
/// table (a title row has one cell).
fn filled_cells(bytes: &[u8], name: &str) -> u64 {
    if name.ends_with(".docx") {
        let grids = chiso_core::read::grid::read(bytes, name).expect("a Word document");
        return word_cells(bytes) + grids.iter().map(|g| g.prepared.title_rows as u64).sum::<u64>();
    }
    if name.ends_with(".csv") {
        let text = std::str::from_utf8(bytes).expect("UTF-8 CSV");
        // The separator the first line uses most (the files agencies export use ; or tabs too).
        let first = text.lines().next().unwrap_or_default();
        let sep = [b',', b';', b'\t'].into_iter().max_by_key(|&b| first.bytes().filter(|&c| c == b).count()).unwrap();
        let mut r =
            csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(sep).from_reader(text.as_bytes());
        return r.records().map(|rec| rec.unwrap().iter().filter(|f| !f.trim().is_empty()).count() as u64).sum();
    }
    let mut wb = open_workbook_auto_from_rs(std::io::Cursor::new(bytes.to_vec())).expect("a workbook");
    let mut n = 0;
    for sheet in wb.sheet_names() {
        let range = wb.worksheet_range(&sheet).expect("a sheet");
        n += range
            .used_cells()
            .filter(|(_, _, d)| match d {
                Data::Empty => false,
                Data::String(s) => !s.trim().is_empty(),
                _ => true,
            })
            .count() as u64;
    }
    n
}

/// Asserts that every non-empty cell of the file is accounted for, and returns the counts.
fn accounted(bytes: &[u8], name: &str) -> CellCounts {
    let o: ImportOutcome = import_file(bytes, name);
    assert_ne!(o.report.status, ImportStatus::Error, "{name}: {:?}", o.report.error);
    let cells = o.report.cells;
    assert_eq!(cells.unaccounted, 0, "{name}: {cells:?}");
    assert_eq!(cells.total(), filled_cells(bytes, name), "{name}: {cells:?}");
    assert!(cells.read > 0, "{name}: {cells:?}");
    // What the accounting found that earlier readings dropped without a word.
    use chiso_core::model::messages::Skip;
    for n in &o.report.skipped {
        if matches!(
            n,
            Skip::NoUnitRow { .. }
                | Skip::SameCell { .. }
                | Skip::EmptyColumn { .. }
                | Skip::NoTargetRow { .. }
                | Skip::Duplicates { .. }
        ) {
            println!("  {name}: {}", n.text(chiso_core::Lang::En));
        }
    }
    cells
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn committed_fixtures() {
    for name in [
        "chi-tieu-2024.openpyxl.xlsx",
        "ddci-2023.openpyxl.xlsx",
        "papi-2019-bilingual.xlwt.xls",
        "par-2017-2022.xlwt.xls",
        "par-long.odfpy.ods",
        "pci-2016-side-by-side.xlwt.xls",
    ] {
        let c = accounted(&fixture(name), name);
        println!("{name}: {c:?}");
    }
    let sample = std::fs::read(format!("{}/assets/sample/chiso-mau.xlsx", env!("CARGO_MANIFEST_DIR"))).unwrap();
    println!("chiso-mau.xlsx: {:?}", accounted(&sample, "chiso-mau.xlsx"));
}

#[test]
fn word_documents() {
    for name in [
        "quyet-dinh-par-2024.python-docx.docx",
        "ddci-2024-tcvn3.python-docx.docx",
        "ke-hoach-chi-tieu-2025.python-docx.docx",
    ] {
        let name = format!("documents/{name}");
        let c = accounted(&fixture(&name), &name);
        println!("{name}: {c:?}");
    }
}

#[test]
fn generated_look_alikes() {
    let mut files: Vec<(String, Vec<u8>)> = published::all().unwrap().into_iter().map(|p| (p.file, p.bytes)).collect();
    for (file, bytes, _) in [published::par_2024_63().unwrap(), published::par_2025_34().unwrap()] {
        files.push((file, bytes));
    }
    files.push(("chiso-mau.xlsx".into(), gen::sample_workbook().unwrap()));
    files.push(("xep-hang-2022.xlsx".into(), gen::messy_ranking_workbook(2022).unwrap().0));
    for (name, bytes) in files {
        let c = accounted(&bytes, &name);
        println!("{name}: {c:?}");
    }
}

#[test]
fn benchmark_workbooks_at_a_small_size() {
    let unit = |u: u32| format!("Xã số {u:04}");
    let province = |u: u32| chiso_core::text::provinces::the_63()[u as usize].name().to_string();
    let files = [
        ("long.xlsx", bench::long_workbook(40, 3, 4, &unit).unwrap()),
        ("redraw.xlsx", bench::long_workbook(63, 2, 3, &province).unwrap()),
        ("wide.xlsx", bench::wide_workbook(40, 3, 4, &unit).unwrap()),
        ("commune.xlsx", bench::commune_workbook(120, 2, 5).unwrap()),
    ];
    for (name, mut wb) in files {
        let bytes = wb.save_to_buffer().unwrap();
        let c = accounted(&bytes, name);
        println!("{name}: {c:?}");
    }
}

/// Issue 26 (1) as agencies publish it: a title, `STT` and `Tỉnh, thành phố` merged down
/// two rows, «Điểm đạt được theo từng lĩnh vực» merged across eight components named in the
/// second row, then «Tổng điểm đạt được», «Chỉ số CCHC (%)» and «Xếp hạng» merged down, a
/// statistics row and a note.
fn par_two_row_header() -> Vec<u8> {
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
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let f = Format::new();
    ws.merge_range(0, 0, 0, 12, "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024 CỦA CÁC TỈNH, THÀNH PHỐ", &f).unwrap();
    ws.merge_range(2, 0, 3, 0, "STT", &f).unwrap();
    ws.merge_range(2, 1, 3, 1, "Tỉnh, thành phố", &f).unwrap();
    ws.merge_range(2, 2, 2, 9, "Điểm đạt được theo từng lĩnh vực", &f).unwrap();
    for (k, c) in COMPONENTS.iter().enumerate() {
        ws.write_string(3, 2 + k as u16, *c).unwrap();
    }
    for (c, h) in [(10, "Tổng điểm đạt được"), (11, "Chỉ số CCHC (%)"), (12, "Xếp hạng")] {
        ws.merge_range(2, c, 3, c, h, &f).unwrap();
    }
    let provinces = ["Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Quảng Ninh", "Huế"];
    let parts = [9.0, 8.5, 11.0, 7.5, 10.0, 8.0, 9.5, 24.0];
    for (i, p) in provinces.iter().enumerate() {
        let r = 4 + i as u32;
        ws.write_number(r, 0, (i + 1) as f64).unwrap();
        ws.write_string(r, 1, *p).unwrap();
        for (k, v) in parts.iter().enumerate() {
            let v = if k == 7 { v - i as f64 } else { *v };
            ws.write_number(r, 2 + k as u16, v).unwrap();
        }
        let total = parts.iter().sum::<f64>() - i as f64;
        ws.write_number(r, 10, total).unwrap();
        ws.write_number(r, 11, total).unwrap();
        ws.write_number(r, 12, (i + 1) as f64).unwrap();
    }
    ws.write_string(10, 1, "Trung bình").unwrap();
    ws.write_number(10, 11, 84.0).unwrap();
    ws.write_string(12, 0, "Ghi chú: số liệu minh họa").unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn par_two_row_header_keeps_every_component_and_the_total() {
    let bytes = par_two_row_header();
    let cells = accounted(&bytes, "par-2024.xlsx");
    let o = import_file(&bytes, "par-2024.xlsx");
    let d = &o.datasets[0];
    let inds = d.indicators();
    assert_eq!(inds.len(), 10, "{inds:?}");
    assert!(inds.contains(&"Tác động của CCHC đến người dân, tổ chức và phát triển KT-XH".to_string()), "{inds:?}");
    assert!(inds.contains(&"Tổng điểm đạt được".to_string()), "{inds:?}");
    assert!(inds.contains(&"Chỉ số CCHC".to_string()), "{inds:?}");
    // 6 provinces × 10 values and 6 ranks read; the statistics row and the note skipped.
    assert_eq!(cells.read, 66, "{cells:?}");
    let mut c = Catalog::default();
    c.add(o.clone());
    let hp: Vec<_> = c.datasets[0].observations.iter().filter(|x| x.unit == "Hải Phòng").collect();
    let impact = hp.iter().find(|x| x.indicator.starts_with("Tác động")).unwrap();
    assert_eq!(impact.value, Some(23.0));
}
