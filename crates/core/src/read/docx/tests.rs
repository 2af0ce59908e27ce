//! Small Word documents written here, in memory: each feature of the reader, and hostile
//! input that must give a clear note, quickly, never a panic.

use std::io::{Cursor, Write};
use std::time::{Duration, Instant};

use super::parse::appendix_label;
use crate::import::import_file;
use crate::model::messages::{Depth, Finding, Legacy, Limit, NotDataWhy, ReadError, Skip};
use crate::model::ImportStatus;
use crate::read::grid::{self, limits, Cell, Grid};

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

/// A package of the given parts.
fn package(parts: &[(&str, &str)]) -> Vec<u8> {
    let parts: Vec<(&str, &[u8])> = parts.iter().map(|(n, t)| (*n, t.as_bytes())).collect();
    package_bytes(&parts)
}

fn package_bytes(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        z.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap().into_inner()
}

/// A .docx whose body is `body` (and styles.xml `styles`, when given).
fn docx_styled(body: &str, styles: Option<&str>) -> Vec<u8> {
    let doc = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let styles = styles.map(|s| format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:styles {NS}>{s}</w:styles>"#));
    let mut parts = vec![("[Content_Types].xml", "<Types/>"), ("word/document.xml", doc.as_str())];
    if let Some(s) = &styles {
        parts.push(("word/styles.xml", s));
    }
    package(&parts)
}

fn docx(body: &str) -> Vec<u8> {
    docx_styled(body, None)
}

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

/// A cell of one paragraph; `props` go in its `w:tcPr`.
fn tc(props: &str, text: &str) -> String {
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", p(text))
}

fn tr(props: &str, cells: &[String]) -> String {
    format!("<w:tr><w:trPr>{props}</w:trPr>{}</w:tr>", cells.concat())
}

/// A table with lines (as data tables are drawn), of `cols` grid columns.
fn tbl(cols: usize, rows: &[String]) -> String {
    let grid = "<w:gridCol w:w=\"1000\"/>".repeat(cols);
    format!(
        "<w:tbl><w:tblPr><w:tblBorders><w:top w:val=\"single\"/><w:insideH w:val=\"single\"/></w:tblBorders></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{}</w:tbl>",
        rows.concat()
    )
}

/// A row of plain cells.
fn row(texts: &[&str]) -> String {
    tr("", &texts.iter().map(|t| tc("", t)).collect::<Vec<_>>())
}

fn grids(bytes: &[u8]) -> Vec<Grid> {
    grid::read(bytes, "van-ban.docx").unwrap()
}

fn text(g: &Grid, r: usize, c: usize) -> String {
    g.get(r, c).text()
}

/// Five provinces' rows under a header: a table detection reads.
fn provinces() -> Vec<String> {
    [("Hà Nội", "85,43", "2"), ("Huế", "88,10", "1"), ("Đà Nẵng", "80,00", "3"), ("Cần Thơ", "79,5", "4")]
        .iter()
        .enumerate()
        .map(|(i, (u, v, k))| row(&[&(i + 1).to_string(), u, v, k]))
        .collect()
}

#[test]
fn grid_span_and_vmerge_make_a_merged_two_row_header() {
    let mut rows = vec![
        tr(
            "",
            &[
                tc("<w:vMerge w:val=\"restart\"/>", "STT"),
                tc("<w:vMerge w:val=\"restart\"/>", "Tỉnh, thành phố"),
                tc("<w:gridSpan w:val=\"2\"/>", "Năm 2023"),
            ],
        ),
        tr("", &[tc("<w:vMerge/>", ""), tc("<w:vMerge w:val=\"continue\"/>", ""), tc("", "Điểm"), tc("", "Xếp hạng")]),
    ];
    rows.extend(provinces());
    let bytes = docx(&tbl(4, &rows));
    let g = &grids(&bytes)[0];
    assert_eq!(g.name, "Bảng 1");
    assert_eq!(text(g, 0, 2), "Năm 2023");
    assert_eq!(g.get(0, 3), &Cell::Empty);
    assert_eq!(g.get(1, 0), &Cell::Empty);
    let mut merges = g.merges.clone();
    merges.sort();
    assert_eq!(merges, vec![(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3)]);
    let o = import_file(&bytes, "van-ban.docx");
    let d = &o.datasets[0];
    assert_eq!(d.periods(), vec!["2023"]);
    let hue = d.observations.iter().find(|x| x.unit == "Huế").unwrap();
    assert_eq!((hue.value, hue.rank), (Some(88.1), Some(1)));
    assert_eq!(o.report.cells.unaccounted, 0);
    assert_eq!(o.report.cells.total(), 3 + 2 + 16);
}

#[test]
fn grid_before_and_after_are_empty_cells() {
    let rows = [
        tr("<w:gridBefore w:val=\"1\"/>", &[tc("", "Tỉnh"), tc("", "Điểm 2022")]),
        tr("<w:gridAfter w:val=\"1\"/>", &[tc("", "1"), tc("", "Hà Nội")]),
        tr("<w:gridBefore w:val=\"2\"/>", &[tc("", "90")]),
    ];
    let g = &grids(&docx(&tbl(3, &rows)))[0];
    assert_eq!(g.rows[0], vec![Cell::Empty, Cell::Text("Tỉnh".into()), Cell::Text("Điểm 2022".into())]);
    assert_eq!(g.rows[1], vec![Cell::Text("1".into()), Cell::Text("Hà Nội".into())]);
    assert_eq!(text(g, 2, 2), "90");
    assert_eq!(g.rows[2][..2], [Cell::Empty, Cell::Empty]);
    // Word 97's horizontal merge: one region, the text in its first cell.
    let merged = tr("", &[tc("<w:hMerge w:val=\"restart\"/>", "Năm 2023"), tc("<w:hMerge/>", ""), tc("", "x")]);
    let g = &grids(&docx(&tbl(3, &[merged])))[0];
    assert_eq!(g.rows[0], vec![Cell::Text("Năm 2023".into()), Cell::Empty, Cell::Text("x".into())]);
    assert_eq!(g.merges, vec![(0, 0, 0, 1)]);
}

#[test]
fn header_rows_repeated_inside_the_table_count_once() {
    let header = [
        tr("<w:tblHeader/>", &[tc("", "STT"), tc("", "Tỉnh"), tc("<w:gridSpan w:val=\"2\"/>", "Năm 2024")]),
        tr("<w:tblHeader/>", &[tc("", ""), tc("", ""), tc("", "Điểm"), tc("", "Xếp hạng")]),
    ];
    let body = provinces();
    let mut rows: Vec<String> = header.to_vec();
    rows.extend_from_slice(&body[..2]);
    // The second part, pasted with its own header.
    rows.extend(header.iter().cloned());
    rows.extend_from_slice(&body[2..]);
    let bytes = docx(&tbl(4, &rows));
    let g = &grids(&bytes)[0];
    assert_eq!(g.rows.len(), 6);
    assert_eq!(text(g, 4, 1), "Đà Nẵng");
    let left_out = &g.prepared.left_out;
    assert_eq!(left_out, &vec![(Skip::RepeatedHeader { sheet: "Bảng 1".into(), rows: 2 }, 5)]);
    let o = import_file(&bytes, "van-ban.docx");
    assert_eq!(o.datasets[0].units().len(), 4);
    assert!(o.report.skipped.contains(&left_out[0].0));
    assert_eq!(o.report.cells.unaccounted, 0);
    // Every non-empty cell of the document: 5 in each header, 16 in the body.
    assert_eq!(o.report.cells.total(), 5 + 5 + 16);
}

#[test]
fn deleted_text_is_not_read_inserted_text_is() {
    let cell = "<w:tc><w:p><w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText>80,5</w:delText></w:r></w:del><w:ins w:id=\"2\" w:author=\"A\"><w:r><w:t>85,5</w:t></w:r></w:ins></w:p></w:tc>";
    let moved =
        "<w:tc><w:p><w:moveFrom w:id=\"3\"><w:r><w:t>cũ</w:t></w:r></w:moveFrom><w:r><w:t>Huế</w:t></w:r></w:p></w:tc>";
    let deleted_row = "<w:tr><w:trPr><w:del w:id=\"4\" w:author=\"A\"/></w:trPr><w:tc><w:p><w:del w:id=\"5\"><w:r><w:delText>Hà Nam</w:delText></w:r></w:del></w:p></w:tc></w:tr>";
    let rows = [row(&["Tỉnh", "Điểm"]), format!("<w:tr>{moved}{cell}</w:tr>"), deleted_row.to_string()];
    let g = &grids(&docx(&tbl(2, &rows)))[0];
    assert_eq!(g.rows.len(), 2);
    assert_eq!(g.rows[1], vec![Cell::Text("Huế".into()), Cell::Text("85,5".into())]);
}

#[test]
fn runs_join_and_breaks_are_spaces() {
    let cell = "<w:tc><w:p><w:r><w:t>Tỉnh</w:t></w:r><w:r><w:t xml:space=\"preserve\">, thành </w:t></w:r><w:r><w:t>phố</w:t></w:r></w:p>\
        <w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr><w:r><w:t>(Kết</w:t><w:tab/><w:t>quả</w:t><w:br/><w:t>T&amp;N</w:t><w:noBreakHyphen/><w:t>2024)</w:t></w:r></w:p></w:tc>";
    let fld = "<w:tc><w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> MERGEFIELD x </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>9</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:tc>";
    let g = &grids(&docx(&tbl(2, &[format!("<w:tr>{cell}{fld}</w:tr>")])))[0];
    assert_eq!(text(g, 0, 0), "Tỉnh, thành phố (Kết quả T&N-2024)");
    assert_eq!(text(g, 0, 1), "9");
}

#[test]
fn content_controls_are_read_without_their_properties() {
    let cell = "<w:tc><w:sdt><w:sdtPr><w:alias w:val=\"Tên\"/><w:placeholder><w:docPart w:val=\"x\"/></w:placeholder><w:text/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Quảng Ninh</w:t></w:r></w:p></w:sdtContent></w:sdt></w:tc>";
    let inline = "<w:tc><w:p><w:sdt><w:sdtPr><w:alias w:val=\"Điểm\"/></w:sdtPr><w:sdtContent><w:r><w:t>90,1</w:t></w:r></w:sdtContent></w:sdt></w:p></w:tc>";
    // A row in a content control, and a cell in one.
    let wrapped_row = format!("<w:sdt><w:sdtContent>{}</w:sdtContent></w:sdt>", row(&["Huế", "88"]));
    let wrapped_cell = format!(
        "<w:tr>{}<w:sdt><w:sdtPr/><w:sdtContent>{}</w:sdtContent></w:sdt></w:tr>",
        tc("", "Hà Nội"),
        tc("", "85")
    );
    let table =
        tbl(2, &[row(&["Tỉnh", "Điểm 2024"]), format!("<w:tr>{cell}{inline}</w:tr>"), wrapped_row, wrapped_cell]);
    // The table itself inside a block content control of the body.
    let body = format!("<w:sdt><w:sdtPr/><w:sdtContent>{}{table}</w:sdtContent></w:sdt>", p("BẢNG ĐIỂM NĂM 2024"));
    let g = &grids(&docx(&body))[0];
    assert_eq!(g.rows[0], vec![Cell::Text("BẢNG ĐIỂM NĂM 2024".into())]);
    assert_eq!(g.rows[2], vec![Cell::Text("Quảng Ninh".into()), Cell::Text("90,1".into())]);
    assert_eq!(g.rows[3], vec![Cell::Text("Huế".into()), Cell::Text("88".into())]);
    assert_eq!(g.rows[4], vec![Cell::Text("Hà Nội".into()), Cell::Text("85".into())]);
}

#[test]
fn a_nested_table_is_a_grid_of_its_own_after_its_parent() {
    let inner = tbl(2, &[row(&["Tỉnh", "Điểm 2024"]), row(&["Huế", "88"]), row(&["Hà Nội", "85"])]);
    let outer_cell = format!("<w:tc>{}{inner}{}</w:tc>", p("Bảng chi tiết"), p(""));
    let outer = tbl(2, &[row(&["Phần", "Nội dung"]), format!("<w:tr>{}{outer_cell}</w:tr>", tc("", "1"))]);
    let after = tbl(2, &[row(&["Tỉnh", "Điểm 2023"]), row(&["Huế", "80"])]);
    let gs = grids(&docx(&format!("{outer}{}{after}", p("Bảng tiếp theo"))));
    let names: Vec<&str> = gs.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["Bảng 1", "Bảng 2", "Bảng 3"]);
    assert_eq!(text(&gs[0], 1, 1), "Bảng chi tiết", "the nested table's text is not in its parent's cell");
    assert_eq!(text(&gs[1], 1, 0), "Huế");
    assert_eq!(gs[1].prepared.title_rows, 0);
    assert_eq!(text(&gs[2], 0, 0), "Bảng tiếp theo");
}

/// A table without lines, of two columns: a letterhead, or a signature after the data.
fn two_column_box(left: &str, right: &str, borders: &str) -> String {
    format!(
        "<w:tbl><w:tblPr>{borders}</w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr><w:tc>{}{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
        p(left),
        p("Số: 12/QĐ-UBND"),
        p(right)
    )
}

#[test]
fn letterhead_and_signature_tables_are_skipped_with_their_reason() {
    let none = "<w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"none\"/><w:insideV w:val=\"nil\"/></w:tblBorders>";
    let head = two_column_box("UBND TỈNH ĐỒNG NAI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", none);
    let sign = two_column_box("Nơi nhận: - Như trên;", "CHỦ TỊCH Nguyễn Văn A", "");
    let mut rows = vec![row(&["STT", "Đơn vị", "Điểm 2024", "Xếp hạng"])];
    rows.extend(provinces());
    let body = format!("{head}{}{}{}", p("KẾT QUẢ XẾP HẠNG NĂM 2024"), tbl(4, &rows), sign);
    let bytes = docx(&body);
    let gs = grids(&bytes);
    let names: Vec<&str> = gs.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["Tiêu đề văn bản", "Bảng 1", "Chữ ký văn bản"]);
    assert_eq!(
        gs[0].prepared.not_data,
        Some(Skip::NotDataTable { sheet: "Tiêu đề văn bản".into(), why: NotDataWhy::Letterhead })
    );
    assert_eq!(
        gs[2].prepared.not_data.as_ref().map(|n| matches!(n, Skip::NotDataTable { why: NotDataWhy::Signature, .. })),
        Some(true)
    );
    let o = import_file(&bytes, "van-ban.docx");
    assert_eq!(o.report.status, ImportStatus::Ok);
    assert_eq!(o.datasets[0].units().len(), 4);
    assert!(o.report.skipped.iter().any(|n| matches!(n, Skip::NotDataTable { why: NotDataWhy::Letterhead, .. })));
    assert_eq!(o.report.cells.unaccounted, 0);
    // 2 + 1 cells of the boxes skipped (the left cell holds two paragraphs), the title used.
    assert_eq!(o.report.cells.total(), 2 + 2 + 1 + 4 + 16);
    assert!(o.report.cells.skipped >= 4);
    // A signature before the appendix (a decision signed, its table on the next page).
    let body = format!("{head}{}{sign}{}{}", p("Điều 1. Công bố."), p("Phụ lục I"), tbl(4, &rows));
    let names: Vec<String> = grids(&docx(&body)).into_iter().map(|g| g.name).collect();
    assert_eq!(names, ["Tiêu đề văn bản", "Chữ ký văn bản", "Phụ lục I, bảng 1"]);
    // The same box with lines, or with a number in it, is a table like any other.
    let lined = two_column_box("Tỉnh", "Điểm", "<w:tblBorders><w:top w:val=\"single\"/></w:tblBorders>");
    assert_eq!(grids(&docx(&lined))[0].prepared.not_data, None);
    let styled = docx_styled(
        &two_column_box("Tỉnh", "Điểm", "<w:tblStyle w:val=\"Luoi\"/>"),
        Some("<w:style w:type=\"table\" w:styleId=\"Luoi\"><w:tblPr><w:tblBorders><w:insideH w:val=\"single\"/></w:tblBorders></w:tblPr></w:style>"),
    );
    assert_eq!(grids(&styled)[0].prepared.not_data, None, "borders from the table's style");
    let numbers = two_column_box("Hà Nội", "85,5", none);
    assert_eq!(grids(&docx(&numbers))[0].prepared.not_data, None);
}

#[test]
fn tcvn3_runs_are_decoded_by_their_font_once() {
    let vn = |font: &str, t: &str| {
        format!("<w:p><w:r><w:rPr><w:rFonts w:ascii=\"{font}\" w:hAnsi=\"{font}\"/></w:rPr><w:t>{t}</w:t></w:r></w:p>")
    };
    let cell = |x: String| format!("<w:tc>{x}</w:tc>");
    // Header in .VnTimeH typed with lowercase codes; a name in .VnTime; one cell in a
    // Unicode font, one without a font of its own (the Normal style's, .VnTime).
    let rows = [
        format!("<w:tr>{}{}</w:tr>", cell(vn(".VnTimeH", "tØnh")), cell(vn(".VnTimeH", "®iÓm 2020"))),
        format!("<w:tr>{}{}</w:tr>", cell(vn(".VnTime", "Qu¶ng Ninh")), cell(vn(".VnTime", "90"))),
        format!("<w:tr>{}{}</w:tr>", cell(vn("Times New Roman", "Hà Nội")), cell(vn(".VnTime", "85"))),
        format!("<w:tr>{}{}</w:tr>", cell(p("Thõa Thiªn HuÕ")), cell(p("88"))),
    ];
    let styles = "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\"/></w:rPr></w:rPrDefault></w:docDefaults>\
        <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:rPr><w:rFonts w:ascii=\".VnTime\" w:hAnsi=\".VnTime\"/></w:rPr></w:style>";
    let bytes = docx_styled(&tbl(2, &rows), Some(styles));
    let g = &grids(&bytes)[0];
    assert_eq!(text(g, 0, 0), "TỈNH");
    assert_eq!(text(g, 0, 1), "ĐIỂM 2020");
    assert_eq!(text(g, 1, 0), "Quảng Ninh");
    assert_eq!(text(g, 2, 0), "Hà Nội", "a Unicode run is left alone");
    assert_eq!(text(g, 3, 0), "Thừa Thiên Huế", "the style's font");
    assert_eq!(g.prepared.decoded, Some(Legacy::Tcvn3));
    let o = import_file(&bytes, "cu.docx");
    let units = o.datasets[0].units();
    assert_eq!(units, vec!["Quảng Ninh", "Hà Nội", "Thừa Thiên Huế"]);
    let legacy: Vec<&Finding> = o.report.found.iter().filter(|n| matches!(n, Finding::LegacyText { .. })).collect();
    assert_eq!(legacy, vec![&Finding::LegacyText { sheet: "Bảng 1".into(), encoding: Legacy::Tcvn3 }]);
    // Text already in Unicode in a .VnTime run (converted, the font kept) is left alone.
    let converted =
        tbl(2, &[format!("<w:tr>{}{}</w:tr>", cell(vn(".VnTime", "Hà Nội")), cell(vn(".VnTime", "Quảng Ninh")))]);
    let g = &grids(&docx(&converted))[0];
    assert_eq!((text(g, 0, 0), text(g, 0, 1)), ("Hà Nội".into(), "Quảng Ninh".into()));
    assert_eq!(g.prepared.decoded, None);
    // VNI, by the run's font.
    let vni = tbl(2, &[format!("<w:tr>{}{}</w:tr>", cell(vn("VNI-Times", "Tænh")), cell(p("Ñieåm")))]);
    let g = &grids(&docx(&vni))[0];
    assert_eq!((text(g, 0, 0), text(g, 0, 1)), ("Tỉnh".into(), "Ñieåm".into()));
}

#[test]
fn titles_and_names_come_from_the_paragraphs_before() {
    let data = |y: &str| tbl(3, &[row(&["STT", "Tỉnh", &format!("Điểm {y}")]), row(&["1", "Huế", "80"])]);
    let body = [
        p("Căn cứ Nghị định số 63/2022/NĐ-CP;"),
        data("2022"),
        p("Điều 1. Công bố kết quả."),
        p("PHỤ LỤC II"),
        p("KẾT QUẢ CHỈ SỐ SIPAS NĂM 2023"),
        p("(Kèm theo Quyết định số 12/QĐ-BNV ngày 3 tháng 2 năm 2024)"),
        data("2023"),
        p("Ghi chú: số liệu minh họa."),
        p("Bảng 2. Xếp hạng theo khối"),
        data("2023"),
    ]
    .concat();
    let gs = grids(&docx(&body));
    let names: Vec<&str> = gs.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["Bảng 1", "Phụ lục II, bảng 1", "Phụ lục II, bảng 2"]);
    assert_eq!(gs[0].prepared.title_rows, 0, "a sentence is not a title");
    let titles: Vec<String> = (0..3).map(|r| text(&gs[1], r, 0)).collect();
    assert_eq!(
        titles,
        ["PHỤ LỤC II", "KẾT QUẢ CHỈ SỐ SIPAS NĂM 2023", "(Kèm theo Quyết định số 12/QĐ-BNV ngày 3 tháng 2 năm 2024)"]
    );
    assert_eq!(gs[1].prepared.title_rows, 3);
    assert_eq!(text(&gs[1], 3, 0), "STT");
    assert_eq!(text(&gs[2], 0, 0), "Bảng 2. Xếp hạng theo khối");
    assert_eq!(appendix_label("Phụ lục số 02: Kết quả"), Some("Phụ lục số 02".into()));
    assert_eq!(appendix_label("Phụ lục kèm theo Quyết định này gồm hai bảng"), None);
    // The source note, even before the title, goes after it: the title names the data set.
    let body = [p("(Kèm theo Kế hoạch số 5/KH-UBND năm 2025)"), p("KẾT QUẢ DDCI NĂM 2024"), data("")].concat();
    let o = import_file(&docx(&body), "van-ban.docx");
    assert_eq!(o.datasets[0].name, "KẾT QUẢ DDCI");
    assert_eq!(o.datasets[0].periods(), vec!["2024"]);
}

#[test]
fn a_plan_table_of_targets_is_a_target_sheet() {
    let rows = [
        row(&["STT", "Chỉ tiêu", "Kế hoạch năm 2025", "Thực hiện 2024"]),
        tr("", &[tc("<w:gridSpan w:val=\"4\"/>", "I. CẢI CÁCH THỦ TỤC HÀNH CHÍNH")]),
        row(&["1", "Tỷ lệ hồ sơ giải quyết trễ hạn", "Dưới 2%", "1,5"]),
        row(&["2", "Tỷ lệ hồ sơ trực tuyến toàn trình", "Trên 80%", "75"]),
    ];
    let body = [p("CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM 2025"), tbl(4, &rows)].concat();
    let o = import_file(&docx(&body), "ke-hoach.docx");
    assert_eq!(o.report.status, ImportStatus::Ok, "{:?}", o.report);
    assert_eq!(o.targets.len(), 1);
    let t = &o.targets[0];
    let got: Vec<(&str, &str)> = t.targets.iter().map(|x| (x.indicator.as_str(), x.text.as_str())).collect();
    assert_eq!(got, [("Tỷ lệ hồ sơ giải quyết trễ hạn", "Dưới 2%"), ("Tỷ lệ hồ sơ trực tuyến toàn trình", "Trên 80%")]);
    assert_eq!(o.report.cells.unaccounted, 0);
}

#[test]
fn sniff_knows_a_word_document() {
    let bytes = docx(&tbl(2, &[row(&["Tỉnh", "Điểm"])]));
    assert_eq!(grid::sniff(&bytes, "x.docx"), Ok(grid::Format::Docx));
    assert_eq!(grid::sniff(&bytes, "x.docm"), Ok(grid::Format::Docx));
    assert_eq!(grid::sniff(b"not a zip", "x.docx"), Err(ReadError::UnknownFormat));
    // A document without tables: no table, said so.
    let o = import_file(&docx(&p("Không có bảng")), "x.docx");
    assert_eq!(o.report.error, Some(ReadError::NoTable));
}

/// Runs `f`, which must finish within a second (a hostile file is refused quickly).
fn quickly<T>(f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = f();
    assert!(t.elapsed() < Duration::from_secs(1), "{:?}", t.elapsed());
    out
}

#[test]
fn hostile_spans_and_sizes() {
    // A span of a hundred million columns is cut at the table's grid.
    let huge = tr(
        "",
        &[tc("<w:gridSpan w:val=\"100000000\"/>", "KẾT QUẢ"), tc("<w:gridSpan w:val=\"99999999999999999999\"/>", "x")],
    );
    let gs = quickly(|| grids(&docx(&tbl(3, &[huge.clone(), row(&["Tỉnh", "Điểm", "Hạng"])]))));
    // The next cell, past the grid, is kept beside it.
    assert_eq!(gs[0].rows[0].len(), 4);
    assert_eq!(text(&gs[0], 0, 3), "x");
    assert_eq!(gs[0].merges, vec![(0, 0, 0, 2)]);
    // Without a grid, capped at the row's limit: refused, not allocated.
    let no_grid = format!("<w:tbl>{}{}</w:tbl>", huge, row(&["Tỉnh", "Điểm"]));
    let e = quickly(|| grid::read(&docx(&no_grid), "x.docx"));
    assert!(matches!(e, Err(ReadError::Corrupt { .. })), "{e:?}");
    // A row of two million cells: refused as soon as it is wider than a row can be.
    let cells = format!("<w:tbl><w:tr>{}</w:tr></w:tbl>", "<w:tc/>".repeat(2_000_000));
    let e = quickly(|| grid::read(&docx(&cells), "x.docx"));
    assert!(matches!(e, Err(ReadError::Corrupt { .. })), "{e:?}");
    // Rows of a thousand columns each, past the cells allowed.
    let wide = tr("", &[tc("<w:gridSpan w:val=\"1000\"/>", "a")]);
    let many = format!("<w:tbl><w:tblGrid>{}</w:tblGrid>{}</w:tbl>", "<w:gridCol/>".repeat(1000), wide.repeat(5_001));
    let e = quickly(|| grid::read(&docx(&many), "x.docx"));
    assert_eq!(e, Err(ReadError::TooLarge { what: Limit::CellsInSheet, limit: limits::MAX_CELLS }));
}

#[test]
fn hostile_nesting_and_markup() {
    // Tables nested nine deep.
    let mut t = tbl(1, &[row(&["x"])]);
    for _ in 0..super::MAX_TABLE_DEPTH {
        t = tbl(1, &[format!("<w:tr><w:tc>{t}<w:p/></w:tc></w:tr>")]);
    }
    let e = quickly(|| grid::read(&docx(&t), "x.docx"));
    assert_eq!(e, Err(ReadError::TooDeep { what: Depth::Tables, limit: super::MAX_TABLE_DEPTH }));
    // Eight deep is read.
    let mut t = tbl(1, &[row(&["x"])]);
    for _ in 1..super::MAX_TABLE_DEPTH {
        t = tbl(1, &[format!("<w:tr><w:tc>{t}<w:p/></w:tc></w:tr>")]);
    }
    assert_eq!(grids(&docx(&t)).len(), 1, "only the innermost table has text");
    // Elements nested a hundred thousand deep.
    let deep = format!("{}{}", "<w:sdt><w:sdtContent>".repeat(100_000), "</w:sdtContent></w:sdt>".repeat(100_000));
    let e = quickly(|| grid::read(&docx(&deep), "x.docx"));
    assert_eq!(e, Err(ReadError::TooDeep { what: Depth::Xml, limit: super::MAX_XML_DEPTH }));
    // Malformed XML, and XML that stops short.
    for bad in
        ["<w:tbl><w:tr></w:tbl>", "<w:p><w:r><w:t>a</w:r></w:p>", "<w:p a=\"1\" a=\"2\"><", "<w:tbl><w:tr><w:tc>"]
    {
        let e = quickly(|| grid::read(&docx(bad), "x.docx"));
        assert!(matches!(e, Err(ReadError::Corrupt { .. })), "{bad}: {e:?}");
        let o = import_file(&docx(bad), "x.docx");
        assert_eq!(o.report.status, ImportStatus::Error);
    }
    // Not UTF-8.
    let latin = package_bytes(&[("word/document.xml", b"<w:document>\xe9</w:document>")]);
    let e = grid::read(&latin, "x.docx");
    assert_eq!(e, Err(ReadError::Corrupt { detail: "Word: word/document.xml is not UTF-8 text".into() }));
}

#[test]
fn a_part_that_claims_to_be_huge_is_refused() {
    let mut bytes = docx(&tbl(1, &[row(&["x"])]));
    // The central directory's record of document.xml: its uncompressed size (offset 24).
    let name = b"word/document.xml";
    let cd = bytes.windows(4).enumerate().filter(|(_, w)| *w == b"PK\x01\x02").map(|(i, _)| i).collect::<Vec<_>>();
    let rec = cd.into_iter().find(|&i| bytes[i + 46..].starts_with(name)).unwrap();
    bytes[rec + 24..rec + 28].copy_from_slice(&(3u32 << 30).to_le_bytes());
    let e = quickly(|| grid::read(&bytes, "x.docx"));
    assert_eq!(e, Err(ReadError::TooLarge { what: Limit::ZipEntryBytes, limit: limits::MAX_ENTRY_BYTES }));
}
