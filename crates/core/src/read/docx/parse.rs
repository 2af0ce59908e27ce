//! word/document.xml, event by event: the text of each paragraph and each table cell, the
//! tables (nested ones too) with their rows, spans, merges and borders, and the paragraphs
//! that come before each table.
//!
//! Text: the runs of a cell are joined, paragraphs become spaces (as do tabs and line
//! breaks), a non-breaking hyphen is '-'. Deleted text (`w:del`, `w:moveFrom`), field
//! codes (`w:instrText`), a content control's properties and the fallback copy of a
//! drawing (`mc:Fallback`) are not text; inserted text (`w:ins`) and the content of
//! content controls (`w:sdtContent`) are. A run in a legacy font (TCVN3, VNI) is turned
//! into Unicode here, by its font.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::styles::{legacy_font, Borders, Fonts, Styles};
use super::table::{self, Built, RawCell, RawRow, RawTable, VMerge};
use super::Paragraph;
use super::{attr, MAX_COLUMNS, MAX_TABLE_DEPTH, MAX_XML_DEPTH};
use crate::model::messages::{Depth, Limit, ReadError};
use crate::read::sheet::limits::MAX_CELLS;
use crate::text::legacy::Legacy;
use crate::text::{clean, fold};

/// How many paragraphs before a table are kept (titles are taken from the last four).
const KEPT_PARAGRAPHS: usize = 8;

/// The elements whose place matters (the parent of a `w:tab` says whether it is a tab
/// character or a tab stop; of a `w:rPr`, whether it formats a run).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tag {
    Tbl,
    TblPr,
    TblBorders,
    TblGrid,
    Tr,
    TrPr,
    Tc,
    TcPr,
    TcBorders,
    P,
    PPr,
    R,
    RPr,
    T,
    /// A content control, custom XML, a tracked insertion, a link: its content is read as
    /// if it stood in its parent's place (a row in a content control is the table's row).
    Wrap,
    Other,
}

/// What is open and collects text: a table (its place in document order), a cell of the
/// innermost table, a paragraph, a run.
enum Open {
    Table(usize),
    Cell,
    Para { parts: Vec<Part>, style: Option<String>, section_end: bool },
    Run { text: String, fonts: Fonts, style: Option<String> },
}

/// Text of a paragraph's runs, with the legacy encoding of their font (and whether the
/// font draws capitals only), not yet decoded.
type Part = (String, Option<(Legacy, bool)>);

pub(super) struct Parsed {
    /// Every table, in document order (a table before the tables nested in it).
    pub(super) tables: Vec<Built>,
}

struct Parser<'s> {
    styles: &'s Styles,
    tags: Vec<Tag>,
    /// Inside an element whose content is not read: how deep.
    skip: usize,
    open: Vec<Open>,
    /// The open tables, innermost last.
    raw: Vec<RawTable>,
    /// Finished tables by their place in document order.
    slots: Vec<Option<Built>>,
    body: std::collections::VecDeque<Paragraph>,
    appendix: Option<(u32, String)>,
    appendices: u32,
    /// Cells of all tables so far, each row as wide as its columns.
    cells: u64,
}

/// Reads document.xml.
pub(super) fn parse(xml: &str, styles: &Styles, progress: &mut dyn FnMut(f64)) -> Result<Parsed, ReadError> {
    let mut p = Parser {
        styles,
        tags: Vec::new(),
        skip: 0,
        open: Vec::new(),
        raw: Vec::new(),
        slots: Vec::new(),
        body: Default::default(),
        appendix: None,
        appendices: 0,
        cells: 0,
    };
    let mut reader = Reader::from_str(xml);
    let total = xml.len().max(1) as f64;
    let mut events: u32 = 0;
    loop {
        let event = reader.read_event().map_err(|e| ReadError::Corrupt {
            detail: format!("Word XML, byte {}: {e}", reader.error_position()).chars().take(160).collect(),
        })?;
        events = events.wrapping_add(1);
        if events.is_multiple_of(65_536) {
            progress(reader.buffer_position() as f64 / total);
        }
        match event {
            Event::Start(e) => p.start(&e)?,
            Event::Empty(e) => {
                p.start(&e)?;
                p.end()?;
            }
            Event::End(_) => p.end()?,
            Event::Text(t) => p.text(&t.xml10_content()),
            Event::CData(t) => p.text(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let ch = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    Ok(None) => match &*r {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                    Err(_) => None,
                };
                if let Some(c) = ch {
                    p.text(c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !p.tags.is_empty() || p.skip > 0 {
        return Err(ReadError::Corrupt { detail: "Word XML: document.xml ends inside an element".into() });
    }
    Ok(Parsed { tables: p.slots.into_iter().flatten().collect() })
}

/// Elements whose content is not text of the document.
fn skipped(name: &str) -> bool {
    matches!(
        name,
        "w:del"
            | "w:moveFrom"
            | "w:delText"
            | "w:delInstrText"
            | "w:instrText"
            | "w:sdtPr"
            | "w:sdtEndPr"
            | "mc:Fallback"
            | "w:rPrChange"
            | "w:pPrChange"
            | "w:trPrChange"
            | "w:tcPrChange"
            | "w:tblPrChange"
            | "w:tblGridChange"
            | "w:sectPrChange"
            | "w:numberingChange"
    )
}

fn too_wide() -> ReadError {
    ReadError::Corrupt { detail: format!("Word: a table row wider than {MAX_COLUMNS} columns") }
}

/// Elements that only wrap content (of a table, a row, a paragraph, a run).
fn wraps(name: &str) -> bool {
    matches!(
        name,
        "w:sdt"
            | "w:sdtContent"
            | "w:customXml"
            | "w:smartTag"
            | "w:ins"
            | "w:moveTo"
            | "w:hyperlink"
            | "w:fldSimple"
            | "w:dir"
            | "w:bdo"
            | "mc:AlternateContent"
            | "mc:Choice"
    )
}

/// A number attribute (`w:val`), capped: a hostile `w:gridSpan w:val="100000000"` asks for
/// no more than the cap.
fn count(e: &BytesStart, cap: usize) -> usize {
    attr(e, "w:val").and_then(|v| v.trim().parse::<u64>().ok()).map_or(1, |n| n.min(cap as u64) as usize)
}

/// An on/off property (`w:tblHeader`, `w:tblHeader w:val="false"`).
fn on(e: &BytesStart) -> bool {
    !matches!(attr(e, "w:val").as_deref(), Some("0" | "false" | "off"))
}

impl Parser<'_> {
    fn start(&mut self, e: &BytesStart) -> Result<(), ReadError> {
        if self.tags.len() + self.skip >= MAX_XML_DEPTH {
            return Err(ReadError::TooDeep { what: Depth::Xml, limit: MAX_XML_DEPTH });
        }
        if self.skip > 0 {
            self.skip += 1;
            return Ok(());
        }
        let name = e.name();
        let name = name.as_ref();
        if wraps(name) {
            self.tags.push(Tag::Wrap);
            return Ok(());
        }
        let parent = self.tags.iter().rev().find(|t| **t != Tag::Wrap).copied();
        // A deleted row is marked in its properties; a deleted paragraph mark in a run's.
        if name == "w:del" && matches!(parent, Some(Tag::TrPr | Tag::RPr | Tag::PPr)) {
            if parent == Some(Tag::TrPr) {
                if let Some(row) = self.raw.last_mut().and_then(|t| t.rows.last_mut()) {
                    row.deleted = true;
                }
            }
            self.tags.push(Tag::Other);
            return Ok(());
        }
        if skipped(name) {
            self.skip = 1;
            return Ok(());
        }
        let tag = self.tag(e, name, parent)?;
        self.tags.push(tag);
        Ok(())
    }

    /// What a start tag opens, and what it records.
    fn tag(&mut self, e: &BytesStart, name: &str, parent: Option<Tag>) -> Result<Tag, ReadError> {
        Ok(match (parent, name) {
            (_, "w:tbl") => {
                self.open_table()?;
                Tag::Tbl
            }
            (Some(Tag::Tbl), "w:tblPr") => Tag::TblPr,
            (Some(Tag::Tbl), "w:tblGrid") => Tag::TblGrid,
            (Some(Tag::TblGrid), "w:gridCol") => {
                if let Some(t) = self.raw.last_mut() {
                    t.grid_columns = (t.grid_columns + 1).min(MAX_COLUMNS + 1);
                }
                Tag::Other
            }
            (Some(Tag::TblPr), "w:tblStyle") => {
                if let Some(t) = self.raw.last_mut() {
                    t.style = attr(e, "w:val");
                }
                Tag::Other
            }
            (Some(Tag::TblPr), "w:tblBorders") => {
                if let Some(t) = self.raw.last_mut() {
                    // Borders the table states replace its style's, side by side.
                    t.borders.get_or_insert_with(Borders::default);
                }
                Tag::TblBorders
            }
            (Some(Tag::TblBorders), side) => {
                if let Some(b) = self.raw.last_mut().and_then(|t| t.borders.as_mut()) {
                    b.side(side, attr(e, "w:val").as_deref());
                }
                Tag::Other
            }
            (Some(Tag::Tbl), "w:tr") => {
                if let Some(t) = self.raw.last_mut() {
                    t.rows.push(RawRow::default());
                }
                Tag::Tr
            }
            (Some(Tag::Tr), "w:trPr") => Tag::TrPr,
            (Some(Tag::TrPr), "w:tblHeader" | "w:gridBefore" | "w:gridAfter") => {
                if let Some(row) = self.raw.last_mut().and_then(|t| t.rows.last_mut()) {
                    match name {
                        "w:tblHeader" => row.header = on(e),
                        "w:gridBefore" => row.before = count(e, MAX_COLUMNS),
                        _ => row.after = count(e, MAX_COLUMNS),
                    }
                }
                Tag::Other
            }
            (Some(Tag::Tr), "w:tc") => self.open_cell()?,
            (Some(Tag::Tc), "w:tcPr") => Tag::TcPr,
            (Some(Tag::TcPr), "w:tcBorders") => Tag::TcBorders,
            (Some(Tag::TcBorders), _) => {
                if let Some(c) = self.cell() {
                    c.bordered |= super::styles::visible(attr(e, "w:val").as_deref());
                }
                Tag::Other
            }
            (Some(Tag::TcPr), "w:gridSpan" | "w:vMerge" | "w:hMerge") => {
                if let Some(c) = self.cell() {
                    let restart = attr(e, "w:val").as_deref() == Some("restart");
                    match name {
                        "w:gridSpan" => c.span = count(e, MAX_COLUMNS).max(1),
                        "w:vMerge" => c.vmerge = if restart { VMerge::Restart } else { VMerge::Continue },
                        _ => c.hmerge_continue = !restart,
                    }
                }
                Tag::Other
            }
            (_, "w:p") => {
                self.open.push(Open::Para { parts: Vec::new(), style: None, section_end: false });
                Tag::P
            }
            (Some(Tag::P), "w:pPr") => Tag::PPr,
            (Some(Tag::PPr), "w:pStyle" | "w:sectPr") => {
                if let Some(Open::Para { style, section_end, .. }) = self.open.last_mut() {
                    if name == "w:sectPr" {
                        *section_end = true;
                    } else {
                        *style = attr(e, "w:val");
                    }
                }
                Tag::Other
            }
            (_, "w:r") => {
                self.open.push(Open::Run { text: String::new(), fonts: Fonts::default(), style: None });
                Tag::R
            }
            (Some(Tag::R), "w:rPr") => Tag::RPr,
            (Some(Tag::RPr), "w:rFonts" | "w:rStyle") => {
                if let Some(Open::Run { fonts, style, .. }) = self.open.last_mut() {
                    if name == "w:rFonts" {
                        *fonts = Fonts::of(e);
                    } else {
                        *style = attr(e, "w:val");
                    }
                }
                Tag::Other
            }
            (Some(Tag::R), "w:t") => Tag::T,
            (Some(Tag::R), "w:tab" | "w:ptab" | "w:br" | "w:cr" | "w:noBreakHyphen") => {
                self.push_run(if name == "w:noBreakHyphen" { "-" } else { " " });
                Tag::Other
            }
            _ => Tag::Other,
        })
    }

    /// A table cell opens in the row being read (none outside a row).
    fn open_cell(&mut self) -> Result<Tag, ReadError> {
        let Some(row) = self.raw.last_mut().and_then(|t| t.rows.last_mut()) else { return Ok(Tag::Other) };
        // Checked cell by cell too: a row of ten million cells is refused before it is held.
        if row.cells.len() >= MAX_COLUMNS {
            return Err(too_wide());
        }
        if self.cells + row.cells.len() as u64 >= MAX_CELLS {
            return Err(ReadError::TooLarge { what: Limit::CellsInSheet, limit: MAX_CELLS });
        }
        row.cells.push(RawCell::default());
        self.open.push(Open::Cell);
        Ok(Tag::Tc)
    }

    fn end(&mut self) -> Result<(), ReadError> {
        if self.skip > 0 {
            self.skip -= 1;
            return Ok(());
        }
        match self.tags.pop() {
            Some(Tag::Tbl) => self.close_table(),
            Some(Tag::Tr) => self.close_row()?,
            Some(Tag::Tc) => {
                self.open.pop();
            }
            Some(Tag::P) => self.close_paragraph(),
            Some(Tag::R) => self.close_run(),
            _ => {}
        }
        Ok(())
    }

    /// Text of a `w:t` (other text, between elements, is layout).
    fn text(&mut self, s: &str) {
        if self.skip == 0 && self.tags.last() == Some(&Tag::T) {
            self.push_run(s);
        }
    }

    /// Text of the open run.
    fn push_run(&mut self, s: &str) {
        if let Some(Open::Run { text, .. }) = self.open.last_mut() {
            text.push_str(s);
        }
    }

    /// The cell open in the innermost table.
    fn cell(&mut self) -> Option<&mut RawCell> {
        self.raw.last_mut()?.rows.last_mut()?.cells.last_mut()
    }

    fn open_table(&mut self) -> Result<(), ReadError> {
        if self.raw.len() >= MAX_TABLE_DEPTH {
            return Err(ReadError::TooDeep { what: Depth::Tables, limit: MAX_TABLE_DEPTH });
        }
        // A table of the body takes the paragraphs before it; a nested one has none.
        let before = self.raw.is_empty().then(|| std::mem::take(&mut self.body).into_iter().collect());
        let appendix = self.appendix.clone();
        self.raw.push(RawTable { before, appendix, depth: self.raw.len(), ..Default::default() });
        self.open.push(Open::Table(self.slots.len()));
        self.slots.push(None);
        Ok(())
    }

    fn close_table(&mut self) {
        let Some(raw) = self.raw.pop() else { return };
        if let Some(Open::Table(slot)) = self.open.pop() {
            self.slots[slot] = Some(table::build(raw, self.styles));
        }
    }

    /// A row is done: its width (cells, spans, the grid's columns before and after) is
    /// checked against the limits before a cell of it is placed.
    fn close_row(&mut self) -> Result<(), ReadError> {
        let Some(t) = self.raw.last_mut() else { return Ok(()) };
        let grid = t.grid_columns;
        let Some(row) = t.rows.last_mut() else { return Ok(()) };
        if row.deleted {
            t.rows.pop();
            return Ok(());
        }
        // A span past the table's grid is cut at the grid's edge, as Word draws it.
        let mut width = row.before;
        for c in &mut row.cells {
            if grid > 0 {
                c.span = c.span.min(grid.saturating_sub(width).max(1));
            }
            width = width.saturating_add(c.span);
        }
        width = width.saturating_add(row.after);
        if width > MAX_COLUMNS {
            return Err(too_wide());
        }
        self.cells += width.max(1) as u64;
        if self.cells > MAX_CELLS {
            return Err(ReadError::TooLarge { what: Limit::CellsInSheet, limit: MAX_CELLS });
        }
        Ok(())
    }

    fn close_paragraph(&mut self) {
        let Some(Open::Para { parts, section_end, .. }) = self.open.pop() else { return };
        let (text, legacy) = paragraph_text(parts);
        // Where the paragraph's text goes: the cell or paragraph (a text box's) it is in.
        let container = self.open.iter_mut().rev().find(|o| !matches!(o, Open::Run { .. }));
        match container {
            Some(Open::Cell) => {
                if let Some(c) = self.cell() {
                    c.text.push_str(&text);
                    c.text.push('\n');
                    c.legacy = c.legacy.or(legacy);
                }
            }
            Some(Open::Para { parts, .. }) => parts.push((text + " ", None)),
            Some(_) => {}
            None => self.body_paragraph(&text, legacy, section_end),
        }
    }

    fn body_paragraph(&mut self, text: &str, legacy: Option<Legacy>, section_end: bool) {
        let text = clean(text);
        if !text.is_empty() {
            if let Some(label) = appendix_label(&text) {
                self.appendices += 1;
                self.appendix = Some((self.appendices, label));
                // A new appendix: what came before it is not its title.
                self.body.clear();
            }
            self.body.push_back(Paragraph { text, legacy });
            if self.body.len() > KEPT_PARAGRAPHS {
                self.body.pop_front();
            }
        }
        if section_end {
            self.body.clear();
        }
    }

    fn close_run(&mut self) {
        let Some(Open::Run { text, fonts, style }) = self.open.pop() else { return };
        if text.is_empty() {
            return;
        }
        let Some(Open::Para { parts, style: para_style, .. }) = self.open.last_mut() else { return };
        let enc = self.styles.face(&fonts, style.as_deref(), para_style.as_deref()).and_then(legacy_font);
        match parts.last_mut() {
            Some((t, e)) if *e == enc => t.push_str(&text),
            _ => parts.push((text, enc)),
        }
    }
}

/// A paragraph's runs as text: the runs in a legacy font turned into Unicode (capitals in a
/// capitals-only font), unless their text is Unicode already (a document converted to
/// Unicode that kept its old fonts' names). Returns the encoding decoded, if any.
fn paragraph_text(parts: Vec<Part>) -> (String, Option<Legacy>) {
    let unicode = |c: char| matches!(c as u32, 0x102..=0x103 | 0x110..=0x111 | 0x128..=0x129 | 0x168..=0x169 | 0x1a0..=0x1b0 | 0x1ea0..=0x1ef9 | 0x300..=0x323);
    let converted = parts.iter().any(|(t, enc)| enc.is_some() && t.chars().any(unicode));
    let mut text = String::new();
    let mut legacy = None;
    for (t, enc) in parts {
        match enc {
            Some((e, capitals)) if !converted && (capitals || !t.is_ascii()) => {
                let decoded = e.decode(&t);
                text.push_str(&if capitals { decoded.to_uppercase() } else { decoded });
                legacy = Some(e);
            }
            _ => text.push_str(&t),
        }
    }
    (text, legacy)
}

/// «Phụ lục I», «PHỤ LỤC II: KẾT QUẢ …», «Phụ lục số 02»: the appendix's label («Phụ lục
/// I», «Phụ lục II», «Phụ lục số 02»); `None` for another paragraph («Phụ lục kèm theo …»).
pub(super) fn appendix_label(text: &str) -> Option<String> {
    let f = fold(text);
    let rest = f.strip_prefix("phu luc")?;
    if !rest.is_empty() && !rest.starts_with(' ') {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().skip(2).take(2).collect();
    let number = |w: &str| {
        let w = w.trim_end_matches([':', '.', ',', '-', '–', ')']);
        let roman = !w.is_empty() && w.chars().all(|c| "IVXLivxl".contains(c));
        let digits = !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
        let letter = w.chars().count() == 1 && w.chars().all(|c| c.is_ascii_uppercase());
        (roman || digits || letter).then(|| w.to_string())
    };
    match words.as_slice() {
        [] => Some("Phụ lục".into()),
        [so, n, ..] if fold(so) == "so" => number(n).map(|n| format!("Phụ lục số {n}")),
        [n, ..] => number(n).map(|n| format!("Phụ lục {n}")),
    }
}
