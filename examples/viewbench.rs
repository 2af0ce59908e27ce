//! A view change's work, natively: `cargo run --release --example viewbench -- FILE`.
//! Times `ranking` (and its sort) for each period × a few indicators of the file's first
//! data set, after its summary is made (as the page has it).
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let bytes = std::fs::read(&path).expect("read");
    let o = chiso_core::import_file(&bytes, &path);
    let d = &o.datasets[0];
    let t = Instant::now();
    let s = d.summary();
    s.units_sorted();
    s.name_order("");
    println!("summary {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let (periods, indicators) = (s.periods.clone(), s.indicators.clone());
    drop(s);
    let mut times = Vec::new();
    for p in &periods {
        for i in indicators.iter().take(4) {
            let t = Instant::now();
            let v = chiso_core::analyse::ranking(d, p, i, None);
            times.push(t.elapsed().as_secs_f64() * 1e3);
            std::hint::black_box(v);
        }
    }
    times.sort_by(f64::total_cmp);
    for (p, i) in periods.iter().rev().take(2).zip(std::iter::repeat(&indicators[0])) {
        let v = chiso_core::analyse::ranking(d, p, i, None);
        let changes = v.rows.iter().filter(|r| r.rank_change.is_some()).count();
        println!("{p} / {i}: previous {:?}, {changes} of {} rows with a rank change", v.previous, v.rows.len());
    }
    println!(
        "ranking: median {:.2} ms, max {:.2} ms over {} views",
        times[times.len() / 2],
        times[times.len() - 1],
        times.len()
    );
}
