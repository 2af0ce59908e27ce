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
    println!("wrote fixtures to {}", dir.display());
    Ok(())
}
