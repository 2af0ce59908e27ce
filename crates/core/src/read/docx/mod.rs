//! Word documents (.docx, .docm): every table of word/document.xml as a [`Grid`], in
//! document order (a table before the tables nested in its cells), for the same detection
//! as a workbook's sheets.
//!
//! Each grid is named by its place («Phụ lục I, bảng 2», «Bảng 3»); the paragraphs just
//! before a table of the body (its heading: «Phụ lục I», «KẾT QUẢ … NĂM 2024», «(Kèm theo
//! Quyết định số …)») are title rows on top of it, as a workbook's title rows are, the
//! source note last. A letterhead or a signature table is handed over marked as not data:
//! detection reads nothing from it and counts its cells as skipped, with that reason.
//! By part: `parse.rs` reads the XML, `table.rs` makes a table's cells, `styles.rs` reads
//! the fonts and borders of styles.xml.

mod parse;
mod styles;
mod table;
#[cfg(test)]
mod tests;

use std::io::{Cursor, Read};

use quick_xml::events::BytesStart;

use crate::model::messages::{Limit, NotDataWhy, ReadError, Skip};
use crate::read::failure;
use crate::read::sheet::limits::MAX_ENTRY_BYTES;
use crate::read::sheet::{Cell, Grid, Prepared};
use crate::text::fold;
use crate::text::legacy::Legacy;
use parse::appendix_label;
use table::Built;

/// Tables nested in tables, at most (Word itself nests a few deep).
pub const MAX_TABLE_DEPTH: usize = 8;
/// Elements nested in elements, at most (a real document: some twenty).
pub const MAX_XML_DEPTH: usize = 256;
/// Grid columns of one row, at most (Word allows 63).
pub const MAX_COLUMNS: usize = 1024;
/// A paragraph of the body (outside tables), its text cleaned.
#[derive(Clone, Debug, Default, PartialEq)]
struct Paragraph {
    text: String,
    /// The legacy encoding some of its runs were typed in (turned into Unicode).
    legacy: Option<Legacy>,
}

/// Paragraphs before a table taken as its title rows, at most.
const TITLE_PARAGRAPHS: usize = 4;
/// A paragraph longer than this is body text, not a table's heading.
const MAX_TITLE_CHARS: usize = 300;

/// Reads a Word document's tables, giving each to `sheet` as a grid.
pub fn read(bytes: &[u8], progress: &mut dyn FnMut(f64), sheet: &mut dyn FnMut(Grid)) -> Result<(), ReadError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| failure::zip_error(&e))?;
    let xml = entry(&mut zip, "word/document.xml")?
        .ok_or_else(|| ReadError::Corrupt { detail: "Word: word/document.xml is missing".into() })?;
    // Styles only help (fonts, borders): a damaged styles part is read as far as it goes.
    let styles = entry(&mut zip, "word/styles.xml").ok().flatten().map(|s| styles::Styles::parse(&s));
    let parsed = parse::parse(&xml, &styles.unwrap_or_default(), &mut |f| progress(f * 0.9))?;
    drop(xml);
    emit(parsed.tables, sheet);
    progress(1.0);
    Ok(())
}

/// A part of the package as text, at most [`MAX_ENTRY_BYTES`] of it (whatever size its
/// header claims); `None` when there is no such part.
fn entry(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, ReadError> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(failure::zip_error(&e)),
    };
    let too_large = ReadError::TooLarge { what: Limit::ZipEntryBytes, limit: MAX_ENTRY_BYTES };
    if file.size() > MAX_ENTRY_BYTES {
        return Err(too_large);
    }
    let mut bytes = Vec::with_capacity(file.size().min(16 << 20) as usize);
    file.take(MAX_ENTRY_BYTES + 1).read_to_end(&mut bytes).map_err(|e| match e.kind() {
        std::io::ErrorKind::UnexpectedEof => ReadError::TruncatedFile,
        _ => ReadError::Corrupt { detail: format!("zip: {name}: {e}").chars().take(160).collect() },
    })?;
    if bytes.len() as u64 > MAX_ENTRY_BYTES {
        return Err(too_large);
    }
    let text = match encoding_rs::Encoding::for_bom(&bytes) {
        Some((enc, bom)) => enc.decode_without_bom_handling(&bytes[bom..]).0.into_owned(),
        None => String::from_utf8(bytes)
            .map_err(|_| ReadError::Corrupt { detail: format!("Word: {name} is not UTF-8 text") })?,
    };
    Ok(Some(text))
}

/// An attribute's value, unescaped (`None` when absent or unreadable).
fn attr(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
        .map(|v| v.into_owned())
}

/// Names the tables by their place, puts their headings on top and hands them over.
fn emit(tables: Vec<Built>, sheet: &mut dyn FnMut(Grid)) {
    let mut data = 0;
    let mut in_appendix: (u32, usize) = (0, 0);
    let (mut letterheads, mut signatures) = (0, 0);
    for t in tables {
        if t.filled == 0 && t.repeated.0 == 0 {
            continue;
        }
        if t.not_data {
            let (why, n, word) = if letterhead(&t.rows, data == 0) {
                letterheads += 1;
                (NotDataWhy::Letterhead, letterheads, "Tiêu đề văn bản")
            } else {
                signatures += 1;
                (NotDataWhy::Signature, signatures, "Chữ ký văn bản")
            };
            let name = if n > 1 { format!("{word} {n}") } else { word.to_string() };
            let not_data = Some(Skip::NotDataTable { sheet: name.clone(), why });
            let prepared = Prepared { decoded: t.legacy, not_data, ..Default::default() };
            sheet(Grid { name, rows: t.rows, merges: t.merges, prepared });
            continue;
        }
        data += 1;
        let name = match &t.appendix {
            Some((id, label)) => {
                if in_appendix.0 != *id {
                    in_appendix = (*id, 0);
                }
                in_appendix.1 += 1;
                format!("{label}, bảng {}", in_appendix.1)
            }
            None => format!("Bảng {data}"),
        };
        sheet(with_titles(name, t));
    }
}

/// Whether a table without data is the letterhead (the national motto, the issuer) rather
/// than the signature (the recipients, «(Đã ký)»); by its words, else by its place.
fn letterhead(rows: &[Vec<Cell>], before_data: bool) -> bool {
    // Folded: words of letters and digits between single spaces, with one at each end.
    let text = format!(" {} ", fold(&rows.iter().flatten().map(|c| c.text()).collect::<Vec<_>>().join(" ")));
    let has = |words: &[&str]| words.iter().any(|w| text.contains(&format!(" {w} ")));
    if has(&["noi nhan", "da ky", "tm", "kt", "chu tich", "giam doc", "bo truong"]) {
        false
    } else {
        has(&["cong hoa xa hoi chu nghia", "doc lap"]) || before_data
    }
}

/// A data table's grid: its heading's paragraphs as title rows on top.
fn with_titles(name: String, t: Built) -> Grid {
    let titles = titles(t.before.as_deref().unwrap_or_default());
    let n = titles.len();
    let decoded = t.legacy.or_else(|| titles.iter().find_map(|p| p.legacy));
    let mut rows: Vec<Vec<Cell>> = titles.into_iter().map(|p| vec![Cell::Text(p.text.as_str().into())]).collect();
    rows.extend(t.rows);
    let merges = t.merges.into_iter().map(|(r0, c0, r1, c1)| (r0 + n, c0, r1 + n, c1)).collect();
    let (again, cells) = t.repeated;
    let left_out =
        if again > 0 { vec![(Skip::RepeatedHeader { sheet: name.clone(), rows: again }, cells)] } else { Vec::new() };
    Grid { name, rows, merges, prepared: Prepared { decoded, title_rows: n, left_out, not_data: None } }
}

/// The paragraphs that head a table: the last few before it, back to the first that reads
/// as body text (a sentence, a long paragraph) or to its appendix's label; the source note
/// («(Kèm theo Quyết định số …)») last, after the title it belongs to.
fn titles(before: &[Paragraph]) -> Vec<Paragraph> {
    let mut picked: Vec<Paragraph> = Vec::new();
    for p in before.iter().rev() {
        if picked.len() == TITLE_PARAGRAPHS || body_text(&p.text) {
            break;
        }
        picked.push(p.clone());
        if appendix_label(&p.text).is_some() {
            break;
        }
    }
    picked.reverse();
    let (notes, mut titles): (Vec<Paragraph>, Vec<Paragraph>) = picked.into_iter().partition(|p| source_note(&p.text));
    titles.extend(notes);
    titles
}

/// A sentence or a long paragraph of the body: not a heading.
fn body_text(t: &str) -> bool {
    t.chars().count() > MAX_TITLE_CHARS || t.ends_with(['.', ';', ':', ','])
}

/// «(Kèm theo Quyết định số …)», «(Ban hành kèm theo …)»: where the table was published.
fn source_note(t: &str) -> bool {
    let f = fold(t.trim_start_matches(['(', '[', ' ']));
    f.starts_with("kem theo") || f.starts_with("ban hanh kem theo")
}
