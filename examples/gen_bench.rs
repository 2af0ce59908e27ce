//! Writes the benchmark workbooks: `cargo run --release --example gen_bench -- DIR`.
//! long.xlsx: 1,200 units × 10 years × 12 indicators = 144,000 rows (unit, year, indicator,
//! value, rank); wide.xlsx: the same data, one row per unit, a two-row header (year over
//! indicator) with 120 value columns; province.xlsx: 63 provinces × 5 years (drop to chart);
//! redraw.xlsx: 63 provinces × 10 years × 12 indicators, long form (redraw after a change);
//! with `--commune`, commune.xlsx: a sheet per year, 10,600 communes × 20 indicators.
#[path = "../tests/support/gen.rs"]
mod gen;

#[path = "../tests/support/bench.rs"]
mod bench;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "target/bench".into()));
    std::fs::create_dir_all(&dir)?;
    let (units, years, indicators) = (1200u32, 10u16, 12u16);
    let unit = |u: u32| format!("Xã số {u:04}");
    bench::long_workbook(units, years, indicators, &unit)?.save(dir.join("long.xlsx"))?;
    let province = |u: u32| chiso_core::text::provinces::the_63()[u as usize].name().to_string();
    bench::long_workbook(63, years, indicators, &province)?.save(dir.join("redraw.xlsx"))?;

    bench::wide_workbook(units, years, indicators, &unit)?.save(dir.join("wide.xlsx"))?;

    std::fs::write(dir.join("province.xlsx"), gen::sample_workbook()?)?;
    println!("wrote {}/long.xlsx, wide.xlsx, province.xlsx, redraw.xlsx", dir.display());
    // Commune scale (issue 17), only when asked: it takes a while to write.
    if std::env::args().any(|a| a == "--commune") {
        bench::commune_workbook(10_600, 10, 20)?.save(dir.join("commune.xlsx"))?;
        println!("wrote {}/commune.xlsx", dir.display());
    }
    Ok(())
}
