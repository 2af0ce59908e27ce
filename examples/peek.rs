//! Prints what the importer reads from a file: `cargo run --example peek -- FILE [--csv]`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: peek FILE");
    let bytes = std::fs::read(&path).expect("read");
    let name = std::path::Path::new(&path).file_name().and_then(|s| s.to_str()).unwrap_or("file");
    let outcome = chiso_core::import_file(&bytes, name);
    let lang = chiso_core::Lang::Vi;
    println!("status: {:?}", outcome.report.status);
    if let Some(e) = &outcome.report.error {
        println!("error: {}", e.text(lang));
    }
    for n in outcome.report.notes() {
        println!("  {}", n.text(lang));
    }
    for (a, b) in &outcome.report.merges {
        println!("  merge: {a} → {b}");
    }
    let mut c = chiso_core::Catalog::default();
    c.add(outcome);
    if std::env::args().any(|a| a == "--csv") {
        print!("{}", chiso_core::export::tidy_csv(&c));
        print!("{}", chiso_core::export::targets_csv(&c));
    }
}
