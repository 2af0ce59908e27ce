//! Writes the generated files the end-to-end tests drop into the page:
//! `cargo run --example gen_fixtures -- DIR`.
#[path = "../tests/support/gen.rs"]
mod gen;

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
    println!("wrote fixtures to {}", dir.display());
    Ok(())
}
