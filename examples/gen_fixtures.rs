//! Writes the generated files the end-to-end tests drop into the page:
//! `cargo run --example gen_fixtures -- DIR`.
#[path = "../tests/support/gen.rs"]
mod gen;
#[path = "../tests/support/published.rs"]
mod published;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "target/e2e-fixtures".into()));
    std::fs::create_dir_all(&dir)?;
    let (bytes, _) = gen::messy_ranking_workbook(2022)?;
    std::fs::write(dir.join("xep-hang-2022.xlsx"), bytes)?;
    // Hostile files for the page (too large to commit).
    std::fs::write(dir.join("bomb.xlsx"), gen::zip_bomb_xlsx())?;
    std::fs::write(dir.join("deep-strings.xlsx"), gen::deep_shared_strings_xlsx())?;
    std::fs::write(dir.join("styled-rows.xlsx"), gen::styled_rows_xlsx(1_000_000))?;
    // Not a workbook at all, though named like one.
    std::fs::write(dir.join("hong.xlsx"), b"PK\x03\x04 this zip was cut short")?;
    // Look-alikes of published workbooks, each with its expected tidy rows (dataset first).
    let pub_dir = dir.join("published");
    std::fs::create_dir_all(&pub_dir)?;
    for p in published::all()? {
        std::fs::write(pub_dir.join(&p.file), &p.bytes)?;
        let mut w = csv::Writer::from_path(pub_dir.join(format!("{}.expected.csv", p.file)))?;
        w.write_record(["dataset", "group", "unit", "period", "indicator", "value", "rank"])?;
        for r in &p.rows {
            w.write_record(std::iter::once(p.dataset.as_str()).chain(r.iter().map(String::as_str)))?;
        }
        w.flush()?;
    }
    // A PAR Index release on the 63 provinces (2024) and one on the 34 (2025).
    let map_dir = dir.join("map2025");
    std::fs::create_dir_all(&map_dir)?;
    for (file, bytes, _) in [published::par_2024_63()?, published::par_2025_34()?] {
        std::fs::write(map_dir.join(file), bytes)?;
    }
    // Two yearly PAR Index releases titled differently (2024 on the 63, 2025 on the 34):
    // the page joins them into one data set (tests/e2e/releases.test.mjs).
    let releases = dir.join("releases");
    std::fs::create_dir_all(&releases)?;
    let p63: Vec<&str> = chiso_core::text::provinces::the_63().iter().map(|id| id.name()).collect();
    let p34: Vec<&str> = chiso_core::text::provinces::the_34().iter().map(|id| id.name()).collect();
    let t24 = "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024 CỦA CÁC TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG";
    let t25 = "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA 34 TỈNH, THÀNH PHỐ";
    std::fs::write(releases.join("par-index-2024.xlsx"), par_release(t24, 2024, &p63)?)?;
    std::fs::write(releases.join("par-index-2025.xlsx"), par_release(t25, 2025, &p34)?)?;
    println!("wrote fixtures to {}", dir.display());
    Ok(())
}

/// A PAR Index release look-alike: title, header (STT, province, components, the index, its
/// rank), a row per province; illustrative numbers from a formula of (year, row, component).
fn par_release(title: &str, year: u32, provinces: &[&str]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    // The components and their top scores (they add up to 100).
    const PARTS: [(&str, f64); 4] = [
        ("Công tác chỉ đạo, điều hành CCHC", 20.0),
        ("Cải cách thể chế", 25.0),
        ("Cải cách thủ tục hành chính", 30.0),
        ("Cải cách tổ chức bộ máy hành chính", 25.0),
    ];
    let r2 = |v: f64| (v * 100.0).round() / 100.0;
    let rows: Vec<Vec<f64>> = (0..provinces.len())
        .map(|i| {
            PARTS
                .iter()
                .enumerate()
                .map(|(k, (_, max))| {
                    let step = (i as u32 * 37 + k as u32 * 11 + year * 7) % 97;
                    r2(max * (0.62 + 0.35 * f64::from(step) / 96.0))
                })
                .collect()
        })
        .collect();
    let totals: Vec<f64> = rows.iter().map(|r| r2(r.iter().sum())).collect();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(format!("CCHC {year}"))?;
    ws.write_string(0, 0, title)?;
    let header =
        ["STT", "Tỉnh, thành phố"].into_iter().chain(PARTS.iter().map(|(n, _)| *n)).chain(["Chỉ số CCHC", "Xếp hạng"]);
    for (c, h) in header.enumerate() {
        ws.write_string(2, c as u16, h)?;
    }
    let last = PARTS.len() as u16 + 2;
    for (i, (name, parts)) in provinces.iter().zip(&rows).enumerate() {
        let row = 3 + i as u32;
        let rank = 1 + totals.iter().filter(|t| **t > totals[i]).count();
        ws.write_number(row, 0, (i + 1) as f64)?;
        ws.write_string(row, 1, *name)?;
        for (k, v) in parts.iter().enumerate() {
            ws.write_number(row, 2 + k as u16, *v)?;
        }
        ws.write_number(row, last, totals[i])?;
        ws.write_number(row, last + 1, rank as f64)?;
    }
    wb.save_to_buffer()
}
