//! Where an import's memory goes, natively: `cargo run --release --example memprobe -- FILE`.
//! Prints the bytes held and the peak at each stage, by a counting allocator (64-bit
//! pointers: in wasm32 the pointer-heavy parts are smaller).
#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// Prints the bytes held now and the most held so far.
fn mark(stage: &str) {
    let s = dhat::HeapStats::get();
    println!(
        "{stage:<30} held {:>7.1} MB, most so far {:>7.1} MB",
        s.curr_bytes as f64 / 1e6,
        s.max_bytes as f64 / 1e6
    );
}

fn main() {
    let _profiler = dhat::Profiler::builder().testing().build();
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("read");
        let name = std::path::Path::new(&path).file_name().and_then(|s| s.to_str()).unwrap_or("f").to_string();
        mark("file bytes");
        let grids = chiso_core::read::grid::read(&bytes, &name).expect("grid");
        mark("all grids read");
        drop(grids);
        mark("grids dropped");
        let o = chiso_core::import_file(&bytes, &name);
        mark("whole import (outcome held)");
        for d in &o.datasets {
            let obs = &d.observations;
            let distinct = |f: &dyn Fn(&chiso_core::model::Observation) -> usize| {
                obs.iter().map(f).collect::<std::collections::HashSet<_>>().len()
            };
            println!(
                "  {}: {} observations (capacity {}, {} B each); distinct texts: units {}, periods {}, indicators {}, groups {}",
                d.name,
                obs.len(),
                obs.capacity(),
                std::mem::size_of::<chiso_core::model::Observation>(),
                distinct(&|o| o.unit.addr()),
                distinct(&|o| o.period.addr()),
                distinct(&|o| o.indicator.addr()),
                distinct(&|o| o.group.addr()),
            );
        }
        let parts = chiso_core::wire::encode_parts(&o, 50_000);
        mark("wire parts (outcome held)");
        drop(o);
        mark("outcome dropped");
        drop(parts);
        mark("parts dropped");
    }
}
