//! Writes the built-in sample workbook: `cargo run --example gen_sample`.
#[path = "../tests/support/gen.rs"]
mod gen;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| "assets/sample/chiso-mau.xlsx".into());
    let bytes = gen::sample_workbook()?;
    std::fs::write(&path, &bytes)?;
    println!("wrote {path} ({} bytes)", bytes.len());
    Ok(())
}
