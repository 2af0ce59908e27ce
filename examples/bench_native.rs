//! Native timings for `make bench`: calamine alone (the floor) and Chỉ Số's core import,
//! medians of several runs, printed as JSON. `cargo run --release --example bench_native -- FILE...`
use std::time::Instant;

use calamine::Reader;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut()) -> f64 {
    // BENCH_NATIVE_RUNS=1 for a quick look (the commune-scale file takes seconds a run).
    let runs = std::env::var("BENCH_NATIVE_RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(runs);
    f(); // warm up
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect(),
    )
}

fn main() {
    let mut out = Vec::new();
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("read");
        let name = std::path::Path::new(&path).file_name().and_then(|s| s.to_str()).unwrap_or("f.xlsx").to_string();
        let calamine_ms = time(5, || {
            let mut wb = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.as_slice())).expect("open");
            for s in wb.sheet_names() {
                let r = wb.worksheet_range(&s).expect("range");
                std::hint::black_box(r.get_size());
            }
        });
        let mut rows = 0;
        let core_ms = time(5, || {
            let o = chiso_core::import_file(&bytes, &name);
            rows = o.datasets.iter().map(|d| d.observations.len()).sum();
            std::hint::black_box(&o);
        });
        // What the page does with an outcome after the worker: decode it, add it to the catalog.
        let outcome = chiso_core::import_file(&bytes, &name);
        let wire = chiso_core::wire::encode(&outcome);
        let encode_ms = time(5, || {
            std::hint::black_box(chiso_core::wire::encode(&outcome));
        });
        let decode_ms = time(5, || {
            std::hint::black_box(chiso_core::wire::decode(&wire).expect("decode"));
        });
        let add_ms = time(5, || {
            let mut c = chiso_core::Catalog::default();
            c.add(outcome.clone());
            std::hint::black_box(&c);
        });
        out.push(format!(
            "{{\"file\":\"{name}\",\"bytes\":{},\"observations\":{rows},\"calamine_native_ms\":{calamine_ms:.1},\"core_native_ms\":{core_ms:.1},\"wire_bytes\":{},\"wire_encode_ms\":{encode_ms:.1},\"wire_decode_ms\":{decode_ms:.1},\"catalog_add_ms\":{add_ms:.1}}}",
            bytes.len(),
            wire.len()
        ));
    }
    println!("[{}]", out.join(","));
}
