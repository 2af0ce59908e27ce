//! Writers of realistic workbooks: the built-in sample and the messy files tests read.
//! Shared by `examples/gen_sample.rs` and the integration tests (`#[path]` module).
#![allow(dead_code)]

use chiso_core::text::provinces;
use std::io::{Cursor, Read, Write};

use rust_xlsxwriter::{Format, FormatAlign, Workbook, XlsxError};

/// The eight PAR Index component areas, with illustrative maximum points (sum 100).
pub const PAR_COMPONENTS: [(&str, f64); 8] = [
    ("Chỉ đạo, điều hành CCHC", 8.0),
    ("Cải cách thể chế", 9.0),
    ("Cải cách TTHC", 12.0),
    ("Cải cách tổ chức bộ máy", 9.0),
    ("Xây dựng đội ngũ CBCCVC", 11.5),
    ("Cải cách tài chính công", 10.0),
    ("Hiện đại hóa hành chính", 12.5),
    ("Tác động của CCHC", 28.0),
];

pub const SAMPLE_YEARS: [u16; 5] = [2019, 2020, 2021, 2022, 2023];

/// A small deterministic random source (no dependency, same numbers everywhere).
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Self {
        Lcg(seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407))
    }
    /// Uniform in [0, 1).
    pub fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 11) as f64) / ((1u64 << 53) as f64)
    }
}

/// Illustrative component scores of every province for one year: (province, [8 scores]).
pub fn sample_scores(year: u16) -> Vec<(&'static str, [f64; 8])> {
    provinces::the_63()
        .iter()
        .map(|id| id.name())
        .enumerate()
        .map(|(i, name)| {
            let mut base = Lcg::new(1000 + i as u64);
            let level = 0.72 + 0.16 * base.next(); // the province's own level
            let trend = (base.next() - 0.4) * 0.02; // a gentle yearly drift
            let mut noise = Lcg::new(i as u64 * 7919 + year as u64);
            let t = (year - 2019) as f64;
            let mut s = [0.0; 8];
            for (k, (_, max)) in PAR_COMPONENTS.iter().enumerate() {
                let share = (level + trend * t + (noise.next() - 0.5) * 0.08).clamp(0.3, 0.99);
                s[k] = (max * share * 100.0).round() / 100.0;
            }
            (name, s)
        })
        .collect()
}

/// The year of the sample on the new map (the 34 provinces since 1 July 2025).
pub const SAMPLE_2025: u16 = 2025;

/// Illustrative component scores of the 34 provinces for 2025: (name as the sheet writes
/// it, in its official form, canonical unit name, [8 scores]): the mean of the former
/// provinces' 2023 scores, moved a little.
pub fn sample_scores_2025() -> Vec<(&'static str, String, [f64; 8])> {
    let old = sample_scores(2023);
    let registry = chiso_core::text::units::Registry::default();
    provinces::the_34()
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let (short, official) = (id.name(), id.province().official.unwrap_or_default());
            let from: Vec<&str> = id.predecessors().iter().map(|p| p.name()).collect();
            let mut noise = Lcg::new(5000 + i as u64);
            let mut s = [0.0; 8];
            for (k, (_, max)) in PAR_COMPONENTS.iter().enumerate() {
                let mean =
                    from.iter().map(|p| old.iter().find(|(n, _)| n == p).map_or(0.0, |(_, v)| v[k])).sum::<f64>()
                        / from.len() as f64;
                let v = (mean * (1.0 + (noise.next() - 0.45) * 0.06)).min(max * 0.99);
                s[k] = (v * 100.0).round() / 100.0;
            }
            (official, registry.canonical(short), s)
        })
        .collect()
}

/// Standard competition ranks (1, 2, 2, 4) of the values, higher is better.
/// The sample's overall column, named as its header writes it.
pub const SAMPLE_OVERALL: &str = "Chỉ số PAR INDEX";

pub fn competition_ranks(values: &[f64]) -> Vec<u32> {
    values.iter().map(|v| 1 + values.iter().filter(|w| **w > *v + 1e-9).count() as u32).collect()
}

pub fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// One year of the sample: a title row, a two-row merged header, STT, the 8 components,
/// total and rank, a note below.
fn par_year_sheet(
    wb: &mut Workbook,
    year: u16,
    title: &str,
    note: &str,
    scores: &[(String, [f64; 8])],
    (title_format, head): (&Format, &Format),
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(format!("Năm {year}"))?;
    ws.write_string_with_format(0, 0, title, title_format)?;
    ws.write_string(
        1,
        0,
        "Số liệu minh họa, không phải kết quả chính thức / Illustrative numbers, not official results",
    )?;
    ws.merge_range(3, 0, 4, 0, "STT", head)?;
    ws.merge_range(3, 1, 4, 1, "Tỉnh, thành phố", head)?;
    ws.merge_range(3, 2, 3, 9, "Chỉ số thành phần", head)?;
    ws.merge_range(3, 10, 3, 11, SAMPLE_OVERALL, head)?;
    for (k, (name, _)) in PAR_COMPONENTS.iter().enumerate() {
        ws.write_string_with_format(4, 2 + k as u16, *name, head)?;
    }
    ws.write_string_with_format(4, 10, "Điểm", head)?;
    ws.write_string_with_format(4, 11, "Xếp hạng", head)?;
    let totals: Vec<f64> = scores.iter().map(|(_, s)| round2(s.iter().sum())).collect();
    let ranks = competition_ranks(&totals);
    for (i, (name, s)) in scores.iter().enumerate() {
        let r = 5 + i as u32;
        ws.write_number(r, 0, (i + 1) as f64)?;
        ws.write_string(r, 1, name)?;
        for (k, v) in s.iter().enumerate() {
            ws.write_number(r, 2 + k as u16, *v)?;
        }
        ws.write_number(r, 10, totals[i])?;
        ws.write_number(r, 11, ranks[i] as f64)?;
    }
    ws.write_string(5 + scores.len() as u32 + 1, 0, note)?;
    ws.set_column_width(1, if year >= 2025 { 28 } else { 24 })?;
    Ok(())
}

/// A province's name as a sheet of that year writes it: Huế, a centrally run city since
/// 1 January 2025, was the province of Thừa Thiên Huế before (read back as "Huế").
pub fn name_in(year: u16, canonical: &str) -> &str {
    match canonical {
        "Huế" if year < 2025 => "Thừa Thiên Huế",
        _ => canonical,
    }
}

/// The built-in sample: one sheet per year (title row, two-row merged header, STT,
/// 8 components, total and rank, a note below) and a target sheet ("chỉ tiêu").
pub fn sample_workbook() -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let title_format = Format::new().set_bold().set_font_size(14);
    let head = Format::new()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_text_wrap()
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    for year in SAMPLE_YEARS {
        let scores: Vec<(String, [f64; 8])> =
            sample_scores(year).into_iter().map(|(n, s)| (name_in(year, n).to_string(), s)).collect();
        let title = format!("CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX) NĂM {year} — SỐ LIỆU MINH HỌA");
        let note = "Ghi chú: điểm tối đa của chỉ số là 100; số liệu minh họa.";
        par_year_sheet(&mut wb, year, &title, note, &scores, (&title_format, &head))?;
    }
    // 2025, on the new map: the 34 provinces in their official forms.
    let scores: Vec<(String, [f64; 8])> =
        sample_scores_2025().into_iter().map(|(n, _, s)| (n.to_string(), s)).collect();
    let title =
        format!("CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX) NĂM {SAMPLE_2025} — 34 TỈNH, THÀNH PHỐ — SỐ LIỆU MINH HỌA");
    let note = "Ghi chú: 34 tỉnh, thành phố từ ngày 1/7/2025; số liệu minh họa.";
    par_year_sheet(&mut wb, SAMPLE_2025, &title, note, &scores, (&title_format, &head))?;
    let ws = wb.add_worksheet();
    ws.set_name("Chỉ tiêu 2023")?;
    ws.write_string_with_format(0, 0, "CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM 2023 (MINH HỌA)", &title_format)?;
    let header = ["STT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu năm 2023", "Quý I", "Quý II", "Quý III", "Quý IV"];
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(2, c as u16, *h, &head)?;
    }
    for (i, row) in SAMPLE_TARGETS.iter().enumerate() {
        let r = 3 + i as u32;
        ws.write_number(r, 0, (i + 1) as f64)?;
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r, 1 + c as u16, *v)?;
        }
    }
    ws.set_column_width(1, 48)?;
    Ok(stored(&wb.save_to_buffer()?))
}

/// Rows of the sample target sheet: indicator, unit of measure, target, Q1..Q4.
pub const SAMPLE_TARGETS: [[&str; 7]; 7] = [
    ["Tỷ lệ hồ sơ TTHC giải quyết trước và đúng hạn", "%", "Trên 95%", "96,2%", "97,1%", "95,8%", "98%"],
    ["Tỷ lệ hồ sơ giải quyết trễ hạn", "%", "Dưới 2%", "2,4%", "1,8%", "1,5%", "1,2%"],
    ["Mức độ hài lòng của người dân (SIPAS)", "%", "≥ 90%", "88,5%", "89%", "90,3%", "91,2%"],
    [
        "Số hồ sơ trực tuyến toàn trình (nghìn)",
        "nghìn hồ sơ",
        "Tăng 30% so với năm 2018 (40)",
        "45",
        "48",
        "50,5",
        "53",
    ],
    ["Phiếu khảo sát hợp lệ", "phiếu", "Tối thiểu 90%", "880/940", "901/940", "905/940", "910/940"],
    ["Thời gian giải quyết trung bình", "ngày", "Không quá 5 ngày", "6", "5,5", "5", "4,5"],
    ["Tỷ lệ TTHC có phát sinh hồ sơ trực tuyến", "%", "Đạt 100%", "85%", "90%", "92%", "96%"],
];

/// An expected (unit, value, rank) of a generated file.
pub type Expected = (String, Option<f64>, Option<u32>);

/// One ranking sheet as offices send it: a title and a subtitle, a header row with "STT",
/// province names spelled in other ways (TP HCM, Thừa Thiên - Huế, Hoà Bình, NFD text),
/// numbers as text with decimal commas, ranks as "2/63", "-" for a missing value, and a
/// note below the table. Returns the bytes and the expected (unit, value, rank) rows.
pub fn messy_ranking_workbook(year: u16) -> Result<(Vec<u8>, Vec<Expected>), XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Bảng xếp hạng")?;
    ws.write_string(0, 0, format!("KẾT QUẢ XẾP HẠNG CHỈ SỐ HÀI LÒNG NĂM {year}"))?;
    ws.write_string(1, 0, "(Kèm theo Quyết định số 123/QĐ-UBND)")?;
    for (c, h) in ["STT", "Tỉnh, thành phố", "Điểm", "Xếp hạng", "Ghi chú"].iter().enumerate() {
        ws.write_string(3, c as u16, *h)?;
    }
    let rows: [(&str, &str, &str, Option<&str>); 6] = [
        ("TP HCM", "TP. Hồ Chí Minh", "85,43", Some("2/63")),
        ("Thừa Thiên - Huế", "Huế", "88,10", Some("1/63")),
        ("Hoà Bình", "Hòa Bình", "79,5", Some("4/63")),
        ("Ha\u{300} Nô\u{323}i", "Hà Nội", "-", None),
        ("Đăk Lăk", "Đắk Lắk", "80.25", Some("3/63")),
        ("  Quảng   Ninh ", "Quảng Ninh", "77", Some("5/63")),
    ];
    let mut expected = Vec::new();
    for (i, (raw, canon, score, rank)) in rows.iter().enumerate() {
        let r = 4 + i as u32;
        ws.write_number(r, 0, (i + 1) as f64)?;
        ws.write_string(r, 1, *raw)?;
        if *score == "77" {
            ws.write_number(r, 2, 77.0)?;
        } else {
            ws.write_string(r, 2, *score)?;
        }
        if let Some(rk) = rank {
            ws.write_string(r, 3, *rk)?;
        }
        ws.write_string(r, 4, if i == 0 { "Tăng 1 bậc" } else { "" })?;
        let value = chiso_core::text::value::parse_num(score).as_value();
        let rank = rank.and_then(|s| chiso_core::text::value::parse_num(s).as_rank());
        expected.push((canon.to_string(), value, rank));
    }
    ws.write_string(11, 0, "Nguồn: Bộ Nội vụ (số liệu minh họa)")?;
    Ok((wb.save_to_buffer()?, expected))
}

/// Copies a zip entry by entry with `opts`, writing `replace`'s entry with `content`.
fn rezip(zip_bytes: &[u8], opts: zip::write::SimpleFileOptions, replace: Option<Replace<'_>>) -> Vec<u8> {
    let mut src = zip::ZipArchive::new(Cursor::new(zip_bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..src.len() {
        let mut f = src.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        out.start_file(name.as_str(), opts).unwrap();
        match replace {
            Some((entry, content)) if entry == name => content(&mut out),
            _ => {
                let mut buf = Vec::new();
                f.read_to_end(&mut buf).unwrap();
                out.write_all(&buf).unwrap();
            }
        }
    }
    out.finish().unwrap().into_inner()
}

/// The same zip with every entry stored, not deflated. The page embeds the sample in its
/// wasm, which is served brotli-compressed: brotli packs the plain XML to 12 KB where the
/// deflated entries stay 28 KB.
/// A part of a zip to replace: its name and what writes its new content.
type Replace<'a> = (&'a str, &'a dyn Fn(&mut dyn Write));

pub fn stored(zip_bytes: &[u8]) -> Vec<u8> {
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    rezip(zip_bytes, opts, None)
}

/// An xlsx written by rust_xlsxwriter whose entries we can replace.
pub fn xlsx_with(replace: &str, content: &dyn Fn(&mut dyn Write)) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Tỉnh").unwrap();
    ws.write_string(0, 1, "Điểm 2023").unwrap();
    ws.write_string(1, 0, "Hà Nội").unwrap();
    ws.write_number(1, 1, 85.0).unwrap();
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).large_file(true);
    rezip(&wb.save_to_buffer().unwrap(), opts, Some((replace, content)))
}

/// A zip bomb: 120 MB of white space inside the sheet, a few hundred kilobytes zipped.
pub fn zip_bomb_xlsx() -> Vec<u8> {
    xlsx_with("xl/worksheets/sheet1.xml", &|w| {
        w.write_all(b"<?xml version=\"1.0\"?><worksheet><sheetData>").unwrap();
        let spaces = vec![b' '; 1 << 20];
        for _ in 0..120 {
            w.write_all(&spaces).unwrap();
        }
        w.write_all(b"</sheetData></worksheet>").unwrap();
    })
}

/// Shared strings nested 200,000 levels deep.
pub fn deep_shared_strings_xlsx() -> Vec<u8> {
    xlsx_with("xl/sharedStrings.xml", &|w| {
        w.write_all(b"<?xml version=\"1.0\"?><sst count=\"2\" uniqueCount=\"2\"><si>").unwrap();
        for _ in 0..200_000 {
            w.write_all(b"<r>").unwrap();
        }
        w.write_all(b"<t>x</t>").unwrap();
        for _ in 0..200_000 {
            w.write_all(b"</r>").unwrap();
        }
        w.write_all(b"</si></sst>").unwrap();
    })
}

/// A title, then `rows` empty rows that carry only a fill colour.
pub fn styled_rows_xlsx(rows: u32) -> Vec<u8> {
    let mut wb = Workbook::new();
    let fmt = Format::new().set_background_color(rust_xlsxwriter::Color::RGB(0xFFF2CC));
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Bảng trống").unwrap();
    for r in 1..rows {
        ws.set_row_format(r, &fmt).unwrap();
    }
    wb.save_to_buffer().unwrap()
}
