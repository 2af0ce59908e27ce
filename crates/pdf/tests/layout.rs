//! The layout stage on pages built in code: ruled tables (merged header cells), tables
//! without lines (right-aligned numbers, a wrapped name), a table over two pages, tone marks
//! drawn as glyphs of their own, legacy fonts, title rows, text outside the tables, and
//! random glyph soups (never a panic, no letter lost).

use chiso_core::read::grid::{Cell, Grid};
use chiso_core::text::legacy::Legacy;
use chiso_core::text::nfc::is_nfc;
use chiso_pdf::layout::{tables, OUTSIDE};
use chiso_pdf::page::{Glyph, Page, Segment};

/// Every glyph is this share of its font size wide.
const W: f64 = 0.5;

fn width(s: &str, size: f64) -> f64 {
    s.chars().count() as f64 * W * size
}

/// A glyph per character (none for spaces), left to right from `x` on the baseline `y`.
fn text_in(s: &str, x: f64, y: f64, size: f64, font: &str) -> Vec<Glyph> {
    let mut out = Vec::new();
    let mut x = x;
    for ch in s.chars() {
        let w = size * W;
        if ch != ' ' {
            out.push(Glyph {
                text: ch.to_string(),
                x0: x,
                y0: y - 0.8 * size,
                x1: x + w,
                y1: y + 0.2 * size,
                font: font.to_string(),
                size,
            });
        }
        x += w;
    }
    out
}

fn left(s: &str, x: f64, y: f64, size: f64) -> Vec<Glyph> {
    text_in(s, x, y, size, "TimesNewRomanPSMT")
}

fn right(s: &str, x: f64, y: f64, size: f64) -> Vec<Glyph> {
    left(s, x - width(s, size), y, size)
}

fn centre(s: &str, x: f64, y: f64, size: f64) -> Vec<Glyph> {
    left(s, x - width(s, size) / 2.0, y, size)
}

fn page(number: usize, glyphs: Vec<Glyph>, lines: Vec<Segment>) -> Page {
    Page { number, width: 595.0, height: 842.0, glyphs, lines }
}

/// A grid's cells as text, rows as they are (title rows one cell wide).
fn texts(g: &Grid) -> Vec<Vec<String>> {
    g.rows.iter().map(|r| r.iter().map(Cell::text).collect()).collect()
}

fn rows(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter().map(|r| r.iter().map(|s| s.to_string()).collect()).collect()
}

fn sorted(mut m: Vec<(usize, usize, usize, usize)>) -> Vec<(usize, usize, usize, usize)> {
    m.sort_unstable();
    m
}

/// A horizontal line drawn as Office draws borders: a piece per column, each a little off.
fn h_pieces(y: f64, xs: &[f64], out: &mut Vec<Segment>) {
    for (i, w) in xs.windows(2).enumerate() {
        let dy = if i % 2 == 0 { 0.4 } else { -0.3 };
        out.push(Segment { x0: w[0] + 0.2, y0: y + dy, x1: w[1] - 0.2, y1: y + dy });
    }
}

fn v_pieces(x: f64, ys: &[f64], out: &mut Vec<Segment>) {
    for (i, w) in ys.windows(2).enumerate() {
        let dx = if i % 2 == 0 { -0.4 } else { 0.3 };
        out.push(Segment { x0: x + dx, y0: w[0] + 0.2, x1: x + dx, y1: w[1] - 0.2 });
    }
}

const XS: [f64; 7] = [50.0, 80.0, 200.0, 260.0, 320.0, 380.0, 430.0];

/// A ruled table's lines: a two-row header whose first row has one cell over columns 2–4
/// (no lines between them there), the other header cells over both rows; then `body` rows.
fn ruled(top: f64, body: usize) -> Vec<Segment> {
    let mut ys = vec![top, top + 20.0, top + 50.0];
    for i in 1..=body {
        ys.push(top + 50.0 + 20.0 * i as f64);
    }
    let mut out = Vec::new();
    for (i, &y) in ys.iter().enumerate() {
        if i == 1 {
            h_pieces(y, &XS[2..=5], &mut out);
        } else {
            h_pieces(y, &XS, &mut out);
        }
    }
    for (i, &x) in XS.iter().enumerate() {
        if i == 3 || i == 4 {
            v_pieces(x, &ys[1..], &mut out);
        } else {
            v_pieces(x, &ys, &mut out);
        }
    }
    out
}

/// The header's text in `ruled`'s cells.
fn ruled_header(top: f64) -> Vec<Glyph> {
    let mut g = Vec::new();
    g.extend(centre("STT", 65.0, top + 28.0, 9.0));
    g.extend(left("Tỉnh, thành phố", 83.0, top + 28.0, 9.0));
    g.extend(centre("Chỉ số thành phần", 290.0, top + 13.0, 9.0));
    g.extend(centre("Cải cách", 230.0, top + 32.0, 9.0));
    g.extend(centre("thủ tục", 230.0, top + 44.0, 9.0));
    g.extend(centre("CS2", 290.0, top + 38.0, 9.0));
    g.extend(centre("CS3", 350.0, top + 38.0, 9.0));
    g.extend(centre("Xếp hạng", 405.0, top + 28.0, 9.0));
    g
}

/// A body row of `ruled` (row `i` from 0 below the header).
fn ruled_row(top: f64, i: usize, cells: [&str; 6]) -> Vec<Glyph> {
    let y = top + 50.0 + 20.0 * i as f64 + 14.0;
    let mut g = Vec::new();
    g.extend(right(cells[0], 77.0, y, 9.0));
    g.extend(left(cells[1], 83.0, y, 9.0));
    for (k, c) in cells[2..].iter().enumerate() {
        g.extend(right(c, XS[k + 3] - 3.0, y, 9.0));
    }
    g
}

const HEADER: [&[&str]; 2] = [
    &["STT", "Tỉnh, thành phố", "Chỉ số thành phần", "", "", "Xếp hạng"],
    &["", "", "Cải cách thủ tục", "CS2", "CS3", ""],
];

#[test]
fn ruled_table_with_a_merged_two_row_header_titles_and_text_outside() {
    let top = 100.0;
    let mut g = Vec::new();
    g.extend(left("Căn cứ Nghị định số 63/2022/NĐ-CP;", 50.0, 20.0, 10.0));
    g.extend(centre("Phụ lục I", 240.0, 60.0, 10.0));
    g.extend(centre("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024", 240.0, 74.0, 10.0));
    g.extend(centre("(Kèm theo Quyết định số 1/QĐ-BNV)", 240.0, 88.0, 10.0));
    g.extend(ruled_header(top));
    g.extend(ruled_row(top, 0, ["1", "Hà Nội", "85,43", "7,50", "9,25", "1"]));
    g.extend(ruled_row(top, 1, ["2", "Quảng Ninh", "84,10", "7,20", "9,00", "2"]));
    g.extend(ruled_row(top, 2, ["3", "Đà Nẵng", "-", "7,10", "8,80", "3"]));
    g.extend(centre("Trang 1", 297.0, 820.0, 10.0));
    let grids = tables(&[page(1, g, ruled(top, 3))]).unwrap();
    assert_eq!(grids.len(), 2, "{grids:#?}");
    let t = &grids[0];
    assert_eq!(t.name, "trang 1, bảng 1");
    let mut want = rows(&[
        &["Phụ lục I"],
        &["KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024"],
        &["(Kèm theo Quyết định số 1/QĐ-BNV)"],
    ]);
    want.extend(rows(&HEADER));
    want.extend(rows(&[
        &["1", "Hà Nội", "85,43", "7,50", "9,25", "1"],
        &["2", "Quảng Ninh", "84,10", "7,20", "9,00", "2"],
        &["3", "Đà Nẵng", "-", "7,10", "8,80", "3"],
    ]));
    assert_eq!(texts(t), want);
    assert_eq!(sorted(t.merges.clone()), [(3, 0, 4, 0), (3, 1, 4, 1), (3, 2, 3, 4), (3, 5, 4, 5)]);
    assert_eq!(t.prepared.title_rows, 3);
    // Empty cells are empty, text cells text.
    assert_eq!(t.rows[4][0], Cell::Empty);
    assert!(matches!(&t.rows[5][2], Cell::Text(s) if s.as_str() == "85,43"));
    // The decision's paragraph and the page number: outside the table, one line a row.
    assert_eq!(grids[1].name, OUTSIDE);
    assert_eq!(texts(&grids[1]), rows(&[&["Căn cứ Nghị định số 63/2022/NĐ-CP;"], &["Trang 1"]]));
}

/// A table printed without lines: right-aligned numbers, a group's heading, a unit's name
/// wrapped over two lines (the numbers on its second, as Excel aligns cells at the bottom).
fn unruled(y: f64) -> Vec<Glyph> {
    let mut g = unruled_header(y);
    g.extend(left("A. CÁC SỞ", 80.0, y + 14.0, 10.0));
    unruled_row(&mut g, y + 28.0, ["1", "Sở Tư pháp", "85,43", "2"]);
    g.extend(left("Ủy ban nhân dân", 80.0, y + 42.0, 10.0));
    unruled_row(&mut g, y + 56.0, ["2", "huyện Đông Anh", "90,10", "1"]);
    unruled_row(&mut g, y + 70.0, ["3", "Sở Nội vụ", "-", "3"]);
    unruled_row(&mut g, y + 84.0, ["4", "Sở Y tế", "80,00", "4"]);
    g
}

fn unruled_header(y: f64) -> Vec<Glyph> {
    let mut g = left("STT", 50.0, y, 10.0);
    g.extend(left("Tên đơn vị", 80.0, y, 10.0));
    g.extend(centre("Điểm", 287.5, y, 10.0));
    g.extend(centre("Xếp hạng", 360.0, y, 10.0));
    g
}

fn unruled_row(g: &mut Vec<Glyph>, y: f64, cells: [&str; 4]) {
    g.extend(right(cells[0], 60.0, y, 10.0));
    g.extend(left(cells[1], 80.0, y, 10.0));
    g.extend(right(cells[2], 300.0, y, 10.0));
    g.extend(right(cells[3], 370.0, y, 10.0));
}

const UNRULED: [&[&str]; 6] = [
    &["STT", "Tên đơn vị", "Điểm", "Xếp hạng"],
    &["", "A. CÁC SỞ", "", ""],
    &["1", "Sở Tư pháp", "85,43", "2"],
    &["2", "Ủy ban nhân dân huyện Đông Anh", "90,10", "1"],
    &["3", "Sở Nội vụ", "-", "3"],
    &["4", "Sở Y tế", "80,00", "4"],
];

#[test]
fn table_without_lines_from_the_text_alignment() {
    let mut g = centre("CHỈ SỐ HÀI LÒNG NĂM 2024", 240.0, 60.0, 12.0);
    g.extend(unruled(90.0));
    let grids = tables(&[page(1, g, Vec::new())]).unwrap();
    assert_eq!(grids.len(), 1, "{grids:#?}");
    assert_eq!(grids[0].name, "trang 1, bảng 1");
    let mut want = rows(&[&["CHỈ SỐ HÀI LÒNG NĂM 2024"]]);
    want.extend(rows(&UNRULED));
    assert_eq!(texts(&grids[0]), want);
    assert!(grids[0].merges.is_empty());
}

#[test]
fn numbers_close_to_names_and_marks_typed_as_text() {
    // As Excel prints a sheet: «1» right-aligned just before the name (2 pt apart), a «-»
    // typed as text at its cell's left edge, where the numbers are at the right.
    let mut g = left("STT", 45.0, 90.0, 10.0);
    g.extend(left("Tỉnh", 62.0, 90.0, 10.0));
    g.extend(right("Điểm", 300.0, 90.0, 10.0));
    g.extend(right("Hạng", 370.0, 90.0, 10.0));
    let rows_in = [
        ("1", "Hà Nội", "85,43", "1"),
        ("2", "Huế", "-", "2"),
        ("3", "Sơn La", "80,00", "3"),
        ("4", "Cà Mau", "79,50", "4"),
    ];
    for (i, (n, name, v, r)) in rows_in.iter().enumerate() {
        let y = 104.0 + 14.0 * i as f64;
        g.extend(right(n, 60.0, y, 10.0));
        g.extend(left(name, 62.0, y, 10.0));
        if *v == "-" {
            g.extend(left(v, 232.0, y, 10.0));
        } else {
            g.extend(right(v, 300.0, y, 10.0));
        }
        g.extend(right(r, 370.0, y, 10.0));
    }
    let grids = tables(&[page(1, g, Vec::new())]).unwrap();
    assert_eq!(
        texts(&grids[0]),
        rows(&[
            &["STT", "Tỉnh", "Điểm", "Hạng"],
            &["1", "Hà Nội", "85,43", "1"],
            &["2", "Huế", "-", "2"],
            &["3", "Sơn La", "80,00", "3"],
            &["4", "Cà Mau", "79,50", "4"],
        ])
    );
}

#[test]
fn a_header_over_three_lines_is_one_row() {
    // SIPAS as LibreOffice prints it: two header cells wrapped over three lines, the others
    // centred on the middle one.
    let mut g = Vec::new();
    g.extend(centre("Tiếp cận", 287.5, 80.0, 10.0));
    g.extend(left("STT", 50.0, 92.0, 10.0));
    g.extend(left("Tỉnh", 80.0, 92.0, 10.0));
    g.extend(centre("Xếp hạng", 360.0, 92.0, 10.0));
    g.extend(centre("(%)", 287.5, 104.0, 10.0));
    for (i, (name, v, r)) in
        [("Hà Nội", "96.45", "1"), ("Huế", "95.10", "2"), ("Sơn La", "90.00", "3")].iter().enumerate()
    {
        let y = 118.0 + 12.0 * i as f64;
        g.extend(right(&(i + 1).to_string(), 60.0, y, 10.0));
        g.extend(left(name, 80.0, y, 10.0));
        g.extend(right(v, 300.0, y, 10.0));
        g.extend(right(r, 370.0, y, 10.0));
    }
    let grids = tables(&[page(1, g, Vec::new())]).unwrap();
    assert_eq!(
        texts(&grids[0]),
        rows(&[
            &["STT", "Tỉnh", "Tiếp cận (%)", "Xếp hạng"],
            &["1", "Hà Nội", "96.45", "1"],
            &["2", "Huế", "95.10", "2"],
            &["3", "Sơn La", "90.00", "3"],
        ])
    );
}

#[test]
fn a_ruled_table_over_two_pages_with_its_header_repeated_is_one() {
    let top = 100.0;
    let mut g1 = centre("KẾT QUẢ CHỈ SỐ CCHC NĂM 2024", 240.0, 80.0, 10.0);
    g1.extend(ruled_header(top));
    g1.extend(ruled_row(top, 0, ["1", "Hà Nội", "85,43", "7,50", "9,25", "1"]));
    g1.extend(ruled_row(top, 1, ["2", "Quảng Ninh", "84,10", "7,20", "9,00", "2"]));
    g1.extend(centre("1", 297.0, 820.0, 10.0));
    let top2 = 50.0;
    let mut g2 = ruled_header(top2);
    g2.extend(ruled_row(top2, 0, ["3", "Đà Nẵng", "-", "7,10", "8,80", "3"]));
    g2.extend(centre("2", 297.0, 820.0, 10.0));
    let pages = [page(1, g1, ruled(top, 2)), page(2, g2, ruled(top2, 1))];
    let grids = tables(&pages).unwrap();
    assert_eq!(grids.len(), 2, "{grids:#?}");
    let t = &grids[0];
    assert_eq!(t.name, "trang 1–2, bảng 1");
    let mut want = rows(&[&["KẾT QUẢ CHỈ SỐ CCHC NĂM 2024"]]);
    want.extend(rows(&HEADER));
    want.extend(rows(&[
        &["1", "Hà Nội", "85,43", "7,50", "9,25", "1"],
        &["2", "Quảng Ninh", "84,10", "7,20", "9,00", "2"],
        &["3", "Đà Nẵng", "-", "7,10", "8,80", "3"],
    ]));
    assert_eq!(texts(t), want);
    assert_eq!(sorted(t.merges.clone()), [(1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 1, 4), (1, 5, 2, 5)]);
    // The repeated header is said to be left out, with its cells.
    assert_eq!(t.prepared.left_out.len(), 1);
    assert_eq!(t.prepared.left_out[0].1, 7);
    // Page numbers are not rows of the table.
    assert_eq!(grids[1].name, OUTSIDE);
    assert_eq!(texts(&grids[1]), rows(&[&["1"], &["2"]]));
}

#[test]
fn an_unruled_table_over_two_pages_is_one_and_a_new_title_starts_another() {
    let mut g1 = centre("CHỈ SỐ HÀI LÒNG NĂM 2024", 240.0, 60.0, 12.0);
    g1.extend(unruled(90.0));
    // Page 2: the header again, two more rows.
    let mut g2 = unruled_header(50.0);
    unruled_row(&mut g2, 64.0, ["5", "Sở Tài chính", "70,00", "5"]);
    unruled_row(&mut g2, 78.0, ["6", "Sở Xây dựng", "60,00", "6"]);
    // A second table further down page 2, with its own title.
    g2.extend(centre("BẢNG 2: CHỈ SỐ THÀNH PHẦN NĂM 2024", 240.0, 300.0, 12.0));
    g2.extend(unruled(340.0));
    let grids = tables(&[page(1, g1, Vec::new()), page(2, g2, Vec::new())]).unwrap();
    assert_eq!(grids.len(), 2, "{grids:#?}");
    assert_eq!(grids[0].name, "trang 1–2, bảng 1");
    assert_eq!(grids[1].name, "trang 2, bảng 2");
    let mut want = rows(&[&["CHỈ SỐ HÀI LÒNG NĂM 2024"]]);
    want.extend(rows(&UNRULED));
    want.extend(rows(&[&["5", "Sở Tài chính", "70,00", "5"], &["6", "Sở Xây dựng", "60,00", "6"]]));
    assert_eq!(texts(&grids[0]), want);
    let mut want = rows(&[&["BẢNG 2: CHỈ SỐ THÀNH PHẦN NĂM 2024"]]);
    want.extend(rows(&UNRULED));
    assert_eq!(texts(&grids[1]), want);
}

/// A glyph over (or after) the glyph before it: a tone mark drawn on its own.
fn mark(base: &Glyph, text: &str, zero_width: bool) -> Glyph {
    let w = base.x1 - base.x0;
    let (x0, x1) = if zero_width { (base.x1, base.x1) } else { (base.x0 + 0.15 * w, base.x1 - 0.15 * w) };
    Glyph { text: text.to_string(), x0, x1, y0: base.y0 - 2.0, y1: base.y1 - 6.0, ..base.clone() }
}

/// A word's glyphs with marks drawn after the letters at the given places.
fn marked(word: &str, x: f64, y: f64, marks: &[(usize, &str, bool)]) -> Vec<Glyph> {
    let base = left(word, x, y, 9.0);
    let mut out = Vec::new();
    for (i, g) in base.iter().enumerate() {
        out.push(g.clone());
        for &(at, m, zero) in marks {
            if at == i {
                out.push(mark(g, m, zero));
            }
        }
    }
    out
}

/// A small ruled table: a header row and one row per name, a score beside each.
fn small_table(names: Vec<Vec<Glyph>>) -> Page {
    let xs = [50.0, 200.0, 260.0];
    let ys: Vec<f64> = (0..=names.len() + 1).map(|i| 100.0 + 20.0 * i as f64).collect();
    let mut lines = Vec::new();
    for &y in &ys {
        h_pieces(y, &xs, &mut lines);
    }
    for &x in &xs {
        v_pieces(x, &ys, &mut lines);
    }
    let mut g = left("Tỉnh", 53.0, 114.0, 9.0);
    g.extend(left("Điểm", 203.0, 114.0, 9.0));
    for (i, name) in names.into_iter().enumerate() {
        g.extend(name);
        g.extend(right("85,43", 257.0, 134.0 + 20.0 * i as f64, 9.0));
    }
    page(1, g, lines)
}

#[test]
fn tone_marks_drawn_as_glyphs_join_their_letters() {
    let p = small_table(vec![
        // «Hà Nội»: a combining grave after «a» (no width), a dot below after «ô».
        marked("Ha Nôi", 53.0, 134.0, &[(1, "\u{300}", true), (3, "\u{323}", true)]),
        // «Quảng Ninh»: a spacing hook over «a».
        marked("Quang Ninh", 53.0, 154.0, &[(2, "\u{2c0}", false)]),
        // «Bến Tre»: a spacing acute over «ê»; «Đà» with a grave accent glyph «`».
        marked("Bên Tre", 53.0, 174.0, &[(1, "\u{b4}", false)]),
        marked("Đa Nẵng", 53.0, 194.0, &[(1, "`", false)]),
        // A full stop after a letter stays a full stop.
        left("TP. Huế", 53.0, 214.0, 9.0),
    ]);
    let grids = tables(&[p]).unwrap();
    let names: Vec<String> = grids[0].rows[1..].iter().map(|r| r[0].text()).collect();
    assert_eq!(names, ["Hà Nội", "Quảng Ninh", "Bến Tre", "Đà Nẵng", "TP. Huế"]);
    assert!(names.iter().all(|n| is_nfc(n)));
    assert_eq!(names[0].chars().count(), 6);
}

#[test]
fn an_abbreviation_broken_in_a_narrow_cell_is_one_word() {
    let mut st = left("ST", 53.0, 128.0, 9.0);
    st.extend(left("T", 53.0, 136.0, 9.0));
    let grids = tables(&[small_table(vec![st, left("Hà Nội", 53.0, 154.0, 9.0)])]).unwrap();
    assert_eq!(grids[0].rows[1][0].text(), "STT");
    assert_eq!(grids[0].rows[2][0].text(), "Hà Nội");
}

#[test]
fn legacy_fonts_are_decoded_by_their_name() {
    let p = small_table(vec![
        text_in("Qu¶ng Ninh", 53.0, 134.0, 9.0, ".VnTime"),
        // The capitals font draws capitals for the lower-case codes.
        text_in("hµ néi", 53.0, 154.0, 9.0, ".VnTimeH"),
        // VNI: the tone is a glyph of its own after its vowel.
        text_in("Quaûng Ngaõi", 53.0, 174.0, 9.0, "VNI-Times"),
    ]);
    let grids = tables(&[p]).unwrap();
    let names: Vec<String> = grids[0].rows[1..].iter().map(|r| r[0].text()).collect();
    assert_eq!(names, ["Quảng Ninh", "HÀ NỘI", "Quảng Ngãi"]);
    assert_eq!(grids[0].prepared.decoded, Some(Legacy::Tcvn3));
}

#[test]
fn a_legacy_named_font_already_in_unicode_is_left_as_it_is() {
    let p = small_table(vec![
        text_in("Quảng Ninh", 53.0, 134.0, 9.0, ".VnTime"),
        text_in("Hà Nội", 53.0, 154.0, 9.0, ".VnTime"),
    ]);
    let grids = tables(&[p]).unwrap();
    let names: Vec<String> = grids[0].rows[1..].iter().map(|r| r[0].text()).collect();
    assert_eq!(names, ["Quảng Ninh", "Hà Nội"]);
    assert_eq!(grids[0].prepared.decoded, None);
}

#[test]
fn a_sentence_just_above_a_table_is_not_its_title() {
    let top = 100.0;
    let mut g = left("Điều 1. Công bố kết quả; cụ thể như sau:", 50.0, 88.0, 10.0);
    g.extend(ruled_header(top));
    g.extend(ruled_row(top, 0, ["1", "Hà Nội", "85,43", "7,50", "9,25", "1"]));
    let grids = tables(&[page(1, g, ruled(top, 1))]).unwrap();
    assert_eq!(grids[0].prepared.title_rows, 0);
    assert_eq!(texts(&grids[0])[0], HEADER[0]);
    assert_eq!(texts(&grids[1]), rows(&[&["Điều 1. Công bố kết quả; cụ thể như sau:"]]));
}

#[test]
fn vni_marks_drawn_over_their_vowel() {
    // VNI fonts draw a tone glyph with no advance of its own, over the vowel before it.
    let mut g = text_in("Ha", 53.0, 134.0, 9.0, "VNI-Times");
    let a = g[1].clone();
    g.push(Glyph { text: "ø".into(), x0: a.x0, x1: a.x1, ..a });
    g.extend(text_in("Noäi", 53.0 + 3.0 * 4.5, 134.0, 9.0, "VNI-Times"));
    let grids = tables(&[small_table(vec![g])]).unwrap();
    assert_eq!(grids[0].rows[1][0].text(), "Hà Nội");
    assert_eq!(grids[0].prepared.decoded, Some(Legacy::Vni));
}

/// A small pseudo-random generator (no dependency needed for a soup).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn float(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * (self.next() as f64 / (1u64 << 31) as f64)
    }
}

const SOUP: &[&str] = &[
    "a",
    "B",
    "1",
    "9",
    ",",
    ".",
    " ",
    "\u{300}",
    "\u{301}\u{323}",
    "´",
    "`",
    "~",
    "ˀ",
    "¶",
    "µ",
    "ø",
    "û",
    "ô",
    "-",
    "/",
    "%",
    "Trang",
    "2",
    "Đ",
    "ệ",
    "fi",
    "\u{feff}",
];
const FONTS: &[&str] = &[".VnTime", ".VnTimeH", "VNI-Times", "Arial", "", "VnArial", ".VnArialH,Bold"];

fn soup(r: &mut Lcg, number: usize, wild: bool) -> Page {
    let mut glyphs = Vec::new();
    for _ in 0..r.below(300) {
        let x = r.float(-20.0, 620.0);
        let y = r.float(-20.0, 860.0);
        let size = r.float(0.0, 30.0);
        let w = r.float(-1.0, 15.0);
        let mut g = Glyph {
            text: SOUP[r.below(SOUP.len() as u64) as usize].to_string(),
            x0: x,
            y0: y - size,
            x1: x + w,
            y1: y,
            font: FONTS[r.below(FONTS.len() as u64) as usize].to_string(),
            size,
        };
        if wild && r.below(20) == 0 {
            g.x0 = [f64::NAN, f64::INFINITY, -1e300, 1e12][r.below(4) as usize];
        }
        glyphs.push(g);
    }
    let mut lines = Vec::new();
    for _ in 0..r.below(80) {
        let (a, b) = (r.float(0.0, 600.0), r.float(0.0, 600.0));
        let at = r.float(0.0, 850.0);
        let mut s = if r.below(2) == 0 {
            Segment { x0: a, y0: at, x1: b, y1: at }
        } else {
            Segment { x0: at, y0: a, x1: at, y1: b }
        };
        if wild && r.below(15) == 0 {
            s.y1 = [f64::NAN, f64::NEG_INFINITY, s.y1 + 40.0][r.below(3) as usize];
        }
        lines.push(s);
    }
    // Now and then, a regular grid, so that lattice tables are found in the soup.
    if r.below(3) == 0 {
        let (n, m) = (2 + r.below(6), 2 + r.below(6));
        let (x0, y0) = (r.float(0.0, 300.0), r.float(0.0, 500.0));
        for i in 0..=n {
            let y = y0 + 15.0 * i as f64;
            lines.push(Segment { x0, y0: y, x1: x0 + 40.0 * m as f64, y1: y });
        }
        for j in 0..=m {
            let x = x0 + 40.0 * j as f64;
            lines.push(Segment { x0: x, y0, x1: x, y1: y0 + 15.0 * n as f64 });
        }
    }
    Page { number, width: 595.0, height: if wild && r.below(10) == 0 { f64::NAN } else { 842.0 }, glyphs, lines }
}

#[test]
fn random_glyph_soups_never_panic() {
    let mut r = Lcg(20250415);
    for _ in 0..400 {
        let n = 1 + r.below(3) as usize;
        let pages: Vec<Page> = (1..=n).map(|i| soup(&mut r, i, true)).collect();
        let grids = tables(&pages).unwrap();
        for g in &grids {
            for &(r0, c0, r1, c1) in &g.merges {
                assert!(r0 <= r1 && c0 <= c1 && r1 < g.rows.len() && c1 < g.width().max(1), "{g:?}");
            }
        }
    }
}

/// Letters of a soup of plain letters (no marks, no legacy fonts) are all somewhere.
#[test]
fn no_letter_of_a_soup_is_lost() {
    let mut r = Lcg(7);
    for _ in 0..200 {
        let mut p = soup(&mut r, 1, false);
        for g in &mut p.glyphs {
            g.text = ["a", "b", "c", "7", "x"][r.below(5) as usize].to_string();
            g.font = "Arial".into();
            g.x1 = g.x0 + 4.0;
            g.size = 8.0 + r.below(4) as f64;
            g.y0 = g.y1 - g.size;
        }
        // Glyphs drawn twice at one place count once (a fake bold): keep one of each.
        let mut kept: Vec<Glyph> = Vec::new();
        for g in std::mem::take(&mut p.glyphs) {
            if !kept.iter().any(|k| (k.x0 - g.x0).abs() < 1.5 && (k.y0 - g.y0).abs() < 1.5) {
                kept.push(g);
            }
        }
        p.glyphs = kept;
        let grids = tables(std::slice::from_ref(&p)).unwrap();
        let count: usize = grids
            .iter()
            .flat_map(|g| g.rows.iter().flatten())
            .map(|c| c.text().chars().filter(char::is_ascii_alphanumeric).count())
            .sum();
        assert_eq!(count, p.glyphs.len(), "{p:?}\n{grids:#?}");
    }
}

/// A page of 3,000 rows of a table without lines, and one of a ruled 400 × 12 table: laid
/// out whole, in time (the algorithms are about n log n).
#[test]
fn large_pages_are_laid_out() {
    let mut g = Vec::new();
    for i in 0..3000 {
        let y = 20.0 + 4.0 * i as f64;
        g.extend(right(&(i + 1).to_string(), 30.0, y, 3.0));
        g.extend(left("Tỉnh Hà Nội", 34.0, y, 3.0));
        for c in 0..8 {
            g.extend(right("85,43", 90.0 + 25.0 * c as f64, y, 3.0));
        }
    }
    let mut lines = Vec::new();
    let xs: Vec<f64> = (0..=12).map(|c| 20.0 + 45.0 * c as f64).collect();
    let ys: Vec<f64> = (0..=400).map(|r| 20.0 + 5.0 * r as f64).collect();
    for &y in &ys {
        h_pieces(y, &xs, &mut lines);
    }
    for &x in &xs {
        v_pieces(x, &ys, &mut lines);
    }
    let mut g2 = Vec::new();
    for y in &ys[..400] {
        for x in &xs[..12] {
            g2.extend(left("7,5", x + 2.0, y + 4.0, 3.0));
        }
    }
    let start = std::time::Instant::now();
    let grids = tables(&[
        Page { number: 1, width: 600.0, height: 12100.0, glyphs: g, lines: Vec::new() },
        Page { number: 2, width: 600.0, height: 2100.0, glyphs: g2, lines },
    ])
    .unwrap();
    assert_eq!(grids[0].rows.len(), 3000);
    assert_eq!(grids[0].width(), 10);
    assert_eq!(grids[1].rows.len(), 400);
    assert_eq!(grids[1].width(), 12);
    assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
}
