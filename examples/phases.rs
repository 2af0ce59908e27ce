//! Where an import's time goes, natively: `cargo run --release --example phases -- FILE`.
//! Prints the time to read cells (calamine and our grid), and the whole import.
use std::time::Instant;

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("read");
        let name = std::path::Path::new(&path).file_name().and_then(|s| s.to_str()).unwrap_or("f").to_string();
        let runs: usize = std::env::var("RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(3);
        let mut wholes = Vec::new();
        for _ in 0..runs {
            let t = Instant::now();
            let grids = chiso_core::read::grid::read(&bytes, &name).expect("grid");
            let read = t.elapsed().as_secs_f64() * 1e3;
            let cells: usize = grids.iter().map(|g| g.rows.iter().map(Vec::len).sum::<usize>()).sum();
            let t = Instant::now();
            let o = chiso_core::import_file(&bytes, &name);
            let all = t.elapsed().as_secs_f64() * 1e3;
            wholes.push(all);
            println!(
                "{name}: grid read {read:.0} ms ({cells} cells), whole import {all:.0} ms, {} observations",
                o.datasets.iter().map(|d| d.observations.len()).sum::<usize>()
            );
        }
        wholes.sort_by(f64::total_cmp);
        println!("{name}: median whole import {:.1} ms over {runs} runs", wholes[runs / 2]);
    }
}
