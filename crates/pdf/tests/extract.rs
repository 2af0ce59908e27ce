//! The extraction stage on the fixture PDFs (tests/fixtures/documents/, made by
//! tests/fixtures/make_documents.py) and on hostile PDFs built here.
//!
//! Facts checked are known apart from the code under test: page counts and sizes as
//! `pdfinfo` gives them, the number of stroked lines in each page's content stream (counted
//! with `qpdf --qdf`), words the documents were written with.

use std::time::{Duration, Instant};

use chiso_core::model::messages::{Limit, ReadError};
use chiso_pdf::extract::{self, limits};
use chiso_pdf::page::Page;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/../../tests/fixtures/documents/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read(bytes: &[u8]) -> Result<Vec<Page>, ReadError> {
    extract::pages(bytes, &mut |_| {})
}

/// A page's text line by line: glyphs grouped by baseline (their box's bottom, to the
/// point), each line in x order.
fn lines(page: &Page) -> Vec<String> {
    let mut glyphs: Vec<_> = page.glyphs.iter().collect();
    glyphs.sort_by(|a, b| (a.y1.round(), a.x0).partial_cmp(&(b.y1.round(), b.x0)).unwrap());
    let mut out: Vec<(f64, String)> = Vec::new();
    for g in glyphs {
        match out.last_mut() {
            Some((y, text)) if (g.y1 - *y).abs() < 2.0 => text.push_str(&g.text),
            _ => out.push((g.y1, g.text.clone())),
        }
    }
    out.into_iter().map(|(_, t)| t).collect()
}

fn horizontal(page: &Page) -> usize {
    page.lines.iter().filter(|s| s.y0 == s.y1 && s.x1 > s.x0).count()
}

fn vertical(page: &Page) -> usize {
    page.lines.iter().filter(|s| s.x0 == s.x1 && s.y1 > s.y0).count()
}

#[test]
fn the_lattice_decision_reads_with_its_ruling_lines_and_words() {
    let mut calls = Vec::new();
    let pages = extract::pages(&fixture("quyet-dinh-par-2024.libreoffice.pdf"), &mut |f| calls.push(f)).unwrap();
    assert_eq!(pages.len(), 5, "pdfinfo: 5 pages");
    assert_eq!(calls.len(), 5, "progress once a page");
    assert!((calls[4] - 1.0).abs() < 1e-9);
    // pdfinfo: A4 portrait, then landscape pages (MediaBox 841.861 × 595.275).
    assert!((pages[0].width - 595.3).abs() < 0.5 && (pages[0].height - 841.9).abs() < 0.5);
    assert!((pages[1].width - 841.9).abs() < 0.5 && (pages[1].height - 595.3).abs() < 0.5);
    // Every `m … l S` of pages 2–5 is level or upright: 31, 35, 35 and 26 of them.
    let strokes: Vec<usize> = pages.iter().map(|p| p.lines.len()).collect();
    assert_eq!(strokes, [0, 31, 35, 35, 26]);
    assert!(horizontal(&pages[1]) >= 15 && vertical(&pages[1]) >= 10, "{strokes:?}");
    // Words of the header, the Vietnamese letters from a second font placed between.
    let page1 = lines(&pages[0]).join("\n");
    assert!(page1.contains("BỘ NỘI VỤ"), "{page1}");
    assert!(page1.contains("1234/QĐ-BNV"), "{page1}");
    assert!(page1.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "{page1}");
    // Top left, y down: «BỘ NỘI VỤ» is the first line, near the top of the page.
    let b = pages[0].glyphs.iter().find(|g| g.text == "B").unwrap();
    assert!(b.y0 > 30.0 && b.y1 < 100.0 && b.x0 > 50.0 && b.x1 < 300.0, "{b:?}");
    assert!((b.size - 12.5).abs() < 0.01 && b.y1 > b.y0 && b.x1 > b.x0, "{b:?}");
    assert_eq!(b.font, "LiberationSerif-Bold", "the subset prefix BAAAAA+ gone");
    let page2 = lines(&pages[1]).join("\n");
    assert!(page2.contains("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024"), "{page2}");
    // The ruling lines lie within the page, on the table below the title.
    for s in &pages[1].lines {
        assert!(s.x0 >= 0.0 && s.x1 <= pages[1].width && s.y0 >= 100.0 && s.y1 <= pages[1].height, "{s:?}");
    }
}

#[test]
fn the_table_without_gridlines_has_text_and_no_ruling_lines() {
    let pages = read(&fixture("sipas-2024-no-gridlines.libreoffice.pdf")).unwrap();
    assert_eq!(pages.len(), 2, "pdfinfo: 2 pages");
    assert!(pages.iter().all(|p| p.lines.is_empty()));
    let page1 = lines(&pages[0]).join("\n");
    assert!(page1.contains("CHỈ SỐ HÀI LÒNG VỀ SỰ PHỤC VỤ HÀNH CHÍNH NĂM 2024 (SIPAS 2024)"), "{page1}");
    assert!(pages[0].glyphs.len() > 1000);
}

#[test]
fn the_plan_reads_both_pages() {
    let pages = read(&fixture("ke-hoach-chi-tieu-2025.libreoffice.pdf")).unwrap();
    assert_eq!(pages.len(), 2, "pdfinfo: 2 pages");
    let page2 = lines(&pages[1]).join("\n");
    assert!(page2.contains("CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM 2025"), "{page2}");
    assert!(horizontal(&pages[1]) >= 10 && vertical(&pages[1]) >= 5);
}

#[test]
fn empty_password_files_read_as_the_plain_one() {
    let plain = read(&fixture("sipas-2024-no-gridlines.libreoffice.pdf")).unwrap();
    for name in ["sipas-2024-empty-password.qpdf.pdf", "sipas-2024-empty-password-rc4.qpdf.pdf"] {
        let pages = read(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(pages, plain, "{name}");
    }
}

#[test]
fn a_password_a_scan_and_not_a_pdf_are_told_apart() {
    assert_eq!(read(&fixture("sipas-2024-password.qpdf.pdf")), Err(ReadError::PdfPassword));
    assert_eq!(read(&fixture("quyet-dinh-par-2024.scan.pdf")), Err(ReadError::ScannedPdf));
    assert_eq!(read(b""), Err(ReadError::EmptyFile));
    assert!(matches!(read(b"PK\x03\x04 a zip"), Err(ReadError::Corrupt { .. })));
    let whole = fixture("quyet-dinh-par-2024.libreoffice.pdf");
    let cut = read(&whole[..whole.len() / 3]);
    assert!(matches!(cut, Ok(_) | Err(ReadError::TruncatedPdf)), "{cut:?}");
}

// Hostile files: each gives an answer (no panic, no hang) within two seconds.

/// A PDF of the given objects (numbered from 1; 1 is the catalog) with a correct
/// cross-reference table.
fn pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).bytes());
        out.extend(body);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").bytes());
    }
    out.extend(format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).bytes());
    out
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut s = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    s.extend(data);
    s.extend(b"\nendstream");
    s
}

const FONT: &str = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

/// Catalog, pages, one page with the given content and a form XObject `/X` (object 5).
fn one_page(content: &[u8], form: Vec<u8>) -> Vec<u8> {
    pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R \
           /Resources << /Font << /F1 6 0 R >> /XObject << /X 5 0 R >> >> >>"
            .to_vec(),
        stream("", content),
        form,
        FONT.as_bytes().to_vec(),
    ])
}

fn quickly(what: &str, bytes: &[u8]) -> Result<Vec<Page>, ReadError> {
    let start = Instant::now();
    let result = read(bytes);
    let took = start.elapsed();
    assert!(took < Duration::from_secs(2), "{what}: {took:?}");
    result
}

#[test]
fn a_handmade_page_places_text_and_lines() {
    let content = b"BT /F1 10 Tf 1 0 0 1 100 700 Tm (Hi) Tj ET 0.5 w 50 600 m 550 600 l S \
                    50 500 500 0.8 re f 50 400 100 50 re S";
    let form = stream("/Subtype /Form /BBox [0 0 10 10]", b"");
    let pages = quickly("handmade", &one_page(content, form)).unwrap();
    let p = &pages[0];
    assert_eq!((p.width, p.height), (600.0, 800.0));
    let texts: Vec<&str> = p.glyphs.iter().map(|g| g.text.as_str()).collect();
    assert_eq!(texts, ["H", "i"]);
    let h = &p.glyphs[0];
    // Baseline 700 up from the bottom = 100 down from the top; descent and ascent about it.
    assert!(h.y1 > 100.0 && h.y0 < 100.0 && h.y1 - h.y0 < 12.0 && h.x0 == 100.0, "{h:?}");
    assert_eq!((h.font.as_str(), h.size), ("Helvetica", 10.0));
    // One stroked line, one thin filled rectangle (as its centre line), a stroked
    // rectangle's four edges.
    assert_eq!(p.lines.len(), 6, "{:?}", p.lines);
    assert!(p.lines.iter().any(|s| s.y0 == 200.0 && s.x0 == 50.0 && s.x1 == 550.0));
    assert!(p.lines.iter().any(|s| (s.y0 - 299.6).abs() < 1e-9 && s.x1 == 550.0));
    assert_eq!(horizontal(p), 4);
    assert_eq!(vertical(p), 2);
}

#[test]
fn a_rotated_page_is_read_upright() {
    let bytes = pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /CropBox [0 100 600 800] /Rotate 90 \
           /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_vec(),
        stream("", b"BT /F1 10 Tf 100 700 Td (A) Tj ET"),
        FONT.as_bytes().to_vec(),
    ]);
    let pages = quickly("rotated", &bytes).unwrap();
    let p = &pages[0];
    assert_eq!((p.width, p.height), (700.0, 600.0), "the crop box, turned");
    // Turned a quarter clockwise: (100, 700) in PDF space is 100 from the crop box's left
    // and 100 from its top; the top becomes the right side, so the glyph stands at
    // x = 700 − 100, y = 100, its text running down the page (its 5 pt advance along y,
    // its descent 2 pt left of x and ascent 9 pt right of it).
    let a = &p.glyphs[0];
    assert_eq!((a.x0, a.y0, a.x1, a.y1), (598.0, 100.0, 609.0, 105.0), "{a:?}");
}

#[test]
fn a_page_tree_that_contains_itself() {
    let bytes = pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>".to_vec(),
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Parent 2 0 R /Count 2 >>".to_vec(),
    ]);
    let r = quickly("cycle", &bytes);
    assert!(matches!(r, Err(ReadError::Corrupt { .. } | ReadError::TruncatedPdf)), "{r:?}");
}

#[test]
fn a_huge_count_and_many_kids() {
    let kids: String = (0..200_000).map(|_| "3 0 R ").collect();
    let bytes = pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!("<< /Type /Pages /Kids [{kids}] /Count 2000000000 >>").into_bytes(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R \
           /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_vec(),
        stream("", b"BT /F1 10 Tf 100 700 Td (A) Tj ET"),
        FONT.as_bytes().to_vec(),
    ]);
    // The page once: /Count is not trusted, a page listed again is the same page.
    let r = quickly("count", &bytes);
    assert!(matches!(&r, Ok(p) if p.len() == 1), "{r:?}");
}

#[test]
fn arrays_nested_deeper_than_any_document() {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    let content = format!("BT /F1 10 Tf 100 700 Td (A) Tj {} TJ ET", deep(100_000));
    let bytes = pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R /Deep {} \
             /Resources << /Font << /F1 5 0 R >> >> >>",
            deep(100_000)
        )
        .into_bytes(),
        stream("", content.as_bytes()),
        FONT.as_bytes().to_vec(),
    ]);
    let r = quickly("nesting", &bytes);
    assert!(r.is_ok() || matches!(r, Err(ReadError::Corrupt { .. } | ReadError::TruncatedPdf)), "{r:?}");
}

#[test]
fn a_form_that_draws_itself() {
    let form = stream("/Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X 5 0 R >> >>", b"/X Do /X Do");
    let r = quickly("form", &one_page(b"BT /F1 10 Tf (A) Tj ET /X Do", form));
    assert!(matches!(&r, Ok(p) if p[0].glyphs.len() == 1), "{r:?}");
}

/// Deflate data for `megabytes` MB of zeros: one compressed megabyte, its blocks repeated
/// (each refers back only to zeros), then a final empty block.
fn zeros_deflated(megabytes: usize) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    let mut c = Compress::new(Compression::best(), false);
    let mut block = Vec::with_capacity(8 << 10);
    c.compress_vec(&vec![0u8; 1 << 20], &mut block, FlushCompress::Sync).unwrap();
    let mut out = vec![0x78, 0xDA];
    for _ in 0..megabytes {
        out.extend(&block);
    }
    out.extend([0x01, 0x00, 0x00, 0xFF, 0xFF]);
    out
}

#[test]
fn a_flate_bomb_stops_at_the_stream_bound() {
    // 300 MB of zeros in ~300 KB: past the 100 MB a stream may decode to. Without the
    // bound (vendor/hayro-syntax/CHISO.md) this allocates the 300 MB and reads on.
    let bomb = zeros_deflated(300);
    assert!(bomb.len() < 1 << 20);
    let bytes = pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R >>".to_vec(),
        stream("/Filter /FlateDecode", &bomb),
    ]);
    let r = quickly("bomb", &bytes);
    assert_eq!(r, Err(ReadError::TooLarge { what: Limit::UncompressedBytes, limit: limits::MAX_DECODED_BYTES as u64 }));
}

#[test]
fn garbage_is_not_a_pdf() {
    let mut noise = Vec::with_capacity(1 << 20);
    let mut x: u32 = 12345;
    for _ in 0..(1 << 20) {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        noise.push((x >> 16) as u8);
    }
    assert!(matches!(quickly("noise", &noise), Err(ReadError::Corrupt { .. })));
    let mut headed = b"%PDF-1.4\n".to_vec();
    headed.extend(&noise);
    let r = quickly("headed noise", &headed);
    assert!(matches!(r, Err(ReadError::Corrupt { .. } | ReadError::TruncatedPdf)), "{r:?}");
    let r = quickly("objects without pages", &pdf(&[b"<< /Type /Catalog >>".to_vec()]));
    assert!(matches!(r, Err(ReadError::Corrupt { .. } | ReadError::TruncatedPdf)), "{r:?}");
}
