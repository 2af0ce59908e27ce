//! Where an import's time goes, natively: `cargo run --release --example phases -- FILE`.
//! Prints the time to read cells (calamine and our grid), and the whole import.
use std::time::Instant;

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("read");
        let name = std::path::Path::new(&path).file_name().and_then(|s| s.to_str()).unwrap_or("f").to_string();
        for _ in 0..3 {
            let t = Instant::now();
            let grids = chiso::core::grid::read(&bytes, &name).expect("grid");
            let read = t.elapsed().as_secs_f64() * 1e3;
            let cells: usize = grids.iter().map(|g| g.rows.iter().map(Vec::len).sum::<usize>()).sum();
            let t = Instant::now();
            let o = chiso::core::import_file(&bytes, &name);
            let all = t.elapsed().as_secs_f64() * 1e3;
            println!(
                "{name}: grid read {read:.0} ms ({cells} cells), whole import {all:.0} ms, {} observations",
                o.datasets.iter().map(|d| d.observations.len()).sum::<usize>()
            );
        }
    }
}
