//! Word documents: any bytes as a .docx, or (first byte odd) any bytes as the
//! word/document.xml of an otherwise well-formed .docx, so that the fuzzer reaches the XML
//! reader (tables, merges, nesting, legacy fonts) without having to find a zip first. The
//! whole import must answer, never panic.
#![no_main]
use std::io::Write;

use libfuzzer_sys::fuzz_target;

fn docx(document: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("[Content_Types].xml", stored).unwrap();
    zip.write_all(b"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>").unwrap();
    zip.start_file("word/document.xml", stored).unwrap();
    zip.write_all(document).unwrap();
    zip.finish().unwrap().into_inner()
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let bytes = if mode % 2 == 1 { docx(rest) } else { rest.to_vec() };
    let outcome = chiso_core::import_file(&bytes, "quyet-dinh.docx");
    let mut c = chiso_core::Catalog::default();
    c.add(outcome);
    let _ = chiso_core::export::tidy_csv(&c);
    let _ = chiso_core::export::targets_csv(&c);
});
