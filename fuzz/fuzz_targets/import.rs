//! Any bytes, under any of the names users give files, through the whole import and into
//! the catalog and the exports: it must answer, never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 8] = ["a.xlsx", "a.xlsm", "a.xlsb", "a.xls", "a.ods", "a.csv", "a.txt", "Năm 2023.tsv"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let name = NAMES[pick as usize % NAMES.len()];
    let outcome = chiso_core::import_file(bytes, name);
    let mut c = chiso_core::Catalog::default();
    c.add(outcome);
    let _ = chiso_core::export::tidy_csv(&c);
    let _ = chiso_core::export::targets_csv(&c);
    for r in &c.reports {
        for n in r.notes().chain(r.error.iter().map(Into::into)) {
            let _ = n.text(chiso_core::Lang::Vi);
        }
    }
});
