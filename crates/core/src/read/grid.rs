//! Reading: bytes and a file name → sheets of cells ([`Grid`]).
//! calamine reads workbooks (xlsx, xlsm, xlsb, xls, ods); the csv crate reads text;
//! [`crate::read::docx`] reads the tables of Word documents (docx, docm).

use std::io::Cursor;

use calamine::{Ods, Reader, Xls, Xlsb, Xlsx};

use crate::model::messages::{DocKind, Limit, ReadError};
use crate::read::failure::{self, Classify, Failure};
use crate::text::clean;

pub use crate::read::sheet::{limits, Cell, Grid, Prepared};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
    Csv,
    /// A Word document (.docx, .docm): its tables.
    Docx,
}

/// Every sheet of an xlsx or xlsb workbook, read cell by cell through calamine's streaming
/// reader (the two readers are different types with the same methods, hence a macro).
macro_rules! stream_sheets {
    ($wb:expr, $merges:expr, $progress:expr, $sink:expr) => {{
        let mut wb = $wb;
        let names = wb.sheet_names();
        for (i, name) in names.iter().enumerate() {
            let mut cells = Vec::new();
            // Shared strings repeat (a unit's name on every row): clean each one once.
            let mut memo = SharedMemo::default();
            let merges;
            {
                let mut reader = match wb.worksheet_cells_reader(name) {
                    Ok(r) => r,
                    // A chart sheet has no cells: pass over it.
                    Err(e) if e.failure() == Failure::NoSheet => continue,
                    Err(e) => return Err(failure::error(&e)),
                };
                // The sheet's stated size, when it states one, measures progress.
                let expected = reader.dimensions().len().max(1) as f64;
                while let Some(c) = reader.next_cell().map_err(|e| failure::error(&e))? {
                    push_cell(&mut cells, c.get_position(), memo.cell(c.get_value()))?;
                    if cells.len() % 8192 == 0 {
                        $progress((i as f64 + (cells.len() as f64 / expected).min(1.0)) / names.len() as f64);
                    }
                }
                merges = $merges(&mut reader);
            }
            $sink(dense(name, cells, merges)?);
            $progress((i + 1) as f64 / names.len() as f64);
        }
        Ok(())
    }};
}

/// An xlsx sheet's merged regions, read once its cells are done: the `<mergeCells>` after
/// the cells, from the same pass over the sheet's XML (a method of our calamine patch,
/// vendor/calamine/CHISO.md; calamine's own look-up inflates and parses the whole sheet
/// again, a tenth of a 144,000-row import). Regions that cannot be read are left out, as
/// calamine's own look-up does.
fn xlsx_merges<RS: std::io::Read + std::io::Seek>(
    reader: &mut calamine::XlsxCellReader<'_, RS>,
) -> Vec<calamine::Dimensions> {
    reader.merge_cells_after_cells().unwrap_or_default()
}

/// Reads every sheet of a file. The format is found from the bytes, the name helps for text.
pub fn read(bytes: &[u8], file_name: &str) -> Result<Vec<Grid>, ReadError> {
    read_with_progress(bytes, file_name, &mut |_| {})
}

/// [`read`], telling `progress` how far it has come (0 to 1) now and then.
pub fn read_with_progress(
    bytes: &[u8],
    file_name: &str,
    progress: &mut dyn FnMut(f64),
) -> Result<Vec<Grid>, ReadError> {
    let mut grids = Vec::new();
    read_each(bytes, file_name, progress, &mut |g| grids.push(g))?;
    Ok(grids)
}

/// [`read_with_progress`], giving each sheet to `sheet` as soon as it is read, so that a
/// caller can be done with it (and free it) before the next is read: a workbook's sheets
/// are never all held at once.
pub fn read_each(
    bytes: &[u8],
    file_name: &str,
    progress: &mut dyn FnMut(f64),
    sheet: &mut dyn FnMut(Grid),
) -> Result<(), ReadError> {
    if bytes.is_empty() {
        return Err(ReadError::EmptyFile);
    }
    if bytes.len() as u64 > limits::MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { what: Limit::FileBytes, limit: limits::MAX_FILE_BYTES });
    }
    match sniff(bytes, file_name)? {
        Format::Csv => {
            sheet(read_csv(bytes, file_name, progress)?);
            Ok(())
        }
        Format::Xls => workbook(
            calamine::open_workbook_from_rs::<Xls<_>, _>(Cursor::new(bytes)),
            |wb, name| wb.merge_cells_by_sheet_name(name).unwrap_or_default(),
            progress,
            sheet,
        ),
        Format::Xlsx => {
            let wb: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| failure::error(&e))?;
            stream_sheets!(wb, xlsx_merges, progress, sheet)
        }
        Format::Xlsb => {
            let wb: Xlsb<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| failure::error(&e))?;
            // calamine reads no merged regions from xlsb.
            stream_sheets!(wb, |_| Vec::new(), progress, sheet)
        }
        Format::Docx => crate::read::docx::read(bytes, progress, sheet),
        Format::Ods => workbook(
            calamine::open_workbook_from_rs::<Ods<_>, _>(Cursor::new(bytes)),
            |_, _| Vec::new(),
            progress,
            sheet,
        ),
    }
}

/// Finds the format from the bytes; refuses what is not a spreadsheet, with a reason.
pub fn sniff(bytes: &[u8], file_name: &str) -> Result<Format, ReadError> {
    const CFB: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    if bytes.starts_with(CFB) {
        // An encrypted xlsx is a CFB container holding an "EncryptionInfo" stream.
        let marker: Vec<u8> = "EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes).collect();
        if bytes.windows(marker.len()).any(|w| w == marker.as_slice()) {
            return Err(ReadError::Encrypted);
        }
        use crate::read::guard::cfb::{check, Problem};
        check(bytes, limits::MAX_CELLS).map_err(|p| match p {
            Problem::Truncated => ReadError::TruncatedFile,
            Problem::TooManyCells => ReadError::TooLarge { what: Limit::CellsInSheet, limit: limits::MAX_CELLS },
            Problem::Broken(why) => ReadError::Corrupt { detail: format!("OLE: {why}") },
        })?;
        return Ok(Format::Xls);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return zip_format(bytes);
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_lowercase();
    if head.starts_with("%pdf") {
        return Err(ReadError::NotSpreadsheet { kind: DocKind::Pdf });
    }
    if head.contains("<html") || head.contains("<!doctype") || head.contains("<table") {
        return Err(ReadError::NotSpreadsheet { kind: DocKind::Html });
    }
    if head.trim_start().starts_with("<?xml") {
        return Err(ReadError::NotSpreadsheet { kind: DocKind::Xml });
    }
    let ext = file_name.rsplit('.').next().unwrap_or("").to_lowercase();
    let texty = ["csv", "tsv", "txt", "tab"].contains(&ext.as_str());
    let binary = bytes[..bytes.len().min(4096)].iter().filter(|b| **b == 0).count();
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    let packaged = ["xlsx", "xlsm", "xlsb", "xls", "ods", "docx", "docm"].contains(&ext.as_str());
    if utf16 || (binary == 0 && (texty || !packaged)) {
        return Ok(Format::Csv);
    }
    Err(ReadError::UnknownFormat)
}

fn zip_format(bytes: &[u8]) -> Result<Format, ReadError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| failure::zip_error(&e))?;
    let mut total: u64 = 0;
    let mut format = None;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|e| failure::zip_error(&e))?;
        let size = entry.size();
        if size > limits::MAX_ENTRY_BYTES {
            return Err(ReadError::TooLarge { what: Limit::ZipEntryBytes, limit: limits::MAX_ENTRY_BYTES });
        }
        total = total.saturating_add(size);
        let name = entry.name().map(|n| n.to_string()).unwrap_or_default();
        match name.as_str() {
            "xl/workbook.xml" => format = Some(Format::Xlsx),
            "xl/workbook.bin" => format = Some(Format::Xlsb),
            "content.xml" => format = format.or(Some(Format::Ods)),
            "word/document.xml" => format = format.or(Some(Format::Docx)),
            _ => {}
        }
    }
    if total > limits::MAX_TOTAL_BYTES {
        return Err(ReadError::TooLarge { what: Limit::UncompressedBytes, limit: limits::MAX_TOTAL_BYTES });
    }
    if format == Some(Format::Ods)
        && crate::read::guard::ods::check(bytes, limits::MAX_ENTRY_BYTES).is_some_and(|n| n > limits::MAX_CELLS)
    {
        return Err(too_many_cells());
    }
    format.ok_or(ReadError::UnknownFormat)
}

fn workbook<'a, R>(
    opened: Result<R, R::Error>,
    merges: impl Fn(&mut R, &str) -> Vec<calamine::Dimensions>,
    progress: &mut dyn FnMut(f64),
    sheet: &mut dyn FnMut(Grid),
) -> Result<(), ReadError>
where
    R: Reader<Cursor<&'a [u8]>>,
    R::Error: Classify,
{
    let mut wb = opened.map_err(|e| failure::error(&e))?;
    let names = wb.sheet_names();
    for (i, name) in names.iter().enumerate() {
        progress(i as f64 / names.len() as f64);
        let range = match wb.worksheet_range(name) {
            Ok(r) => r,
            // A chart sheet or a macro sheet has no cells: pass over it.
            Err(e) if e.failure() == Failure::NoSheet => continue,
            Err(e) => return Err(failure::error(&e)),
        };
        let (h, w) = range.get_size();
        if (h as u64).saturating_mul(w as u64) > limits::MAX_CELLS {
            return Err(ReadError::TooLarge { what: Limit::CellsInSheet, limit: limits::MAX_CELLS });
        }
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); r0 as usize];
        for row in range.rows() {
            let mut cells: Vec<Cell> = vec![Cell::Empty; c0 as usize];
            cells.extend(row.iter().map(cell));
            while cells.last().is_some_and(Cell::is_empty) {
                cells.pop();
            }
            rows.push(cells);
        }
        while rows.last().is_some_and(|r| r.is_empty()) {
            rows.pop();
        }
        let merges = merges(&mut wb, name)
            .into_iter()
            .map(|d| (d.start.0 as usize, d.start.1 as usize, d.end.0 as usize, d.end.1 as usize))
            .collect();
        sheet(Grid { name: clean(name), rows, merges, prepared: Prepared::default() });
    }
    Ok(())
}

/// A sheet's cells as the streaming readers give them: (row, column, cell), capped.
type Sparse = Vec<(u32, u32, Cell)>;

fn too_many_cells() -> ReadError {
    ReadError::TooLarge { what: Limit::CellsInSheet, limit: limits::MAX_CELLS }
}

fn push_cell(cells: &mut Sparse, (r, c): (u32, u32), cell: Cell) -> Result<(), ReadError> {
    if cell.is_empty() {
        return Ok(());
    }
    if cells.len() as u64 >= limits::MAX_CELLS {
        return Err(too_many_cells());
    }
    cells.push((r, c, cell));
    Ok(())
}

/// Sparse cells → rows of cells at their positions. The dense size (each row up to its last
/// cell) is checked before anything is allocated: two cells in far corners of a sheet must
/// not ask for billions of empty ones.
fn dense(name: &str, mut cells: Sparse, merges: Vec<calamine::Dimensions>) -> Result<Grid, ReadError> {
    // Streaming readers give cells in row order; sort only when they do not.
    if !cells.is_sorted_by_key(|(r, c, _)| (*r, *c)) {
        cells.sort_by_key(|(r, c, _)| (*r, *c));
    }
    let rows = cells.last().map_or(0, |(r, _, _)| *r as u64 + 1);
    // Sorted by row, a row's last cell is its width.
    let mut total: u64 = rows;
    for (k, (r, c, _)) in cells.iter().enumerate() {
        if cells.get(k + 1).is_none_or(|next| next.0 != *r) {
            total += *c as u64 + 1;
        }
    }
    if total > limits::MAX_CELLS {
        return Err(too_many_cells());
    }
    let mut grid_rows: Vec<Vec<Cell>> = vec![Vec::new(); rows as usize];
    for (r, c, cell) in cells {
        let row = &mut grid_rows[r as usize];
        if row.len() <= c as usize {
            row.resize(c as usize + 1, Cell::Empty);
        }
        row[c as usize] = cell;
    }
    let merges = merges
        .into_iter()
        .map(|d| (d.start.0 as usize, d.start.1 as usize, d.end.0 as usize, d.end.1 as usize))
        .collect();
    Ok(Grid { name: clean(name), rows: grid_rows, merges, prepared: Prepared::default() })
}

/// Cleaned shared strings, by their place in the workbook's table of strings (the streaming
/// readers lend each repeat of a shared string from the same place).
#[derive(Default)]
struct SharedMemo {
    seen: rustc_hash::FxHashMap<(usize, usize), Cell>,
}

impl SharedMemo {
    fn cell(&mut self, d: &calamine::DataRef<'_>) -> Cell {
        match d {
            calamine::DataRef::SharedString(s) => {
                self.seen.entry((s.as_ptr() as usize, s.len())).or_insert_with(|| text_cell(s)).clone()
            }
            other => cell(other),
        }
    }
}

fn text_cell(s: &str) -> Cell {
    let s = clean(s);
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.into())
    }
}

/// A calamine value as a cell, of a sheet read whole ([`calamine::Data`]) or cell by cell
/// ([`calamine::DataRef`]).
fn cell(d: &impl calamine::DataType) -> Cell {
    if let Some(s) = d.get_string() {
        return text_cell(s);
    }
    if let Some(f) = d.get_float() {
        return Cell::Number(f);
    }
    if let Some(i) = d.get_int() {
        return Cell::Number(i as f64);
    }
    if let Some(b) = d.get_bool() {
        return Cell::Bool(b);
    }
    if let Some(dt) = d.get_datetime() {
        return Cell::Number(dt.as_f64());
    }
    if let Some(s) = d.get_datetime_iso().or_else(|| d.get_duration_iso()) {
        return Cell::Text(s.into());
    }
    match d.get_error() {
        Some(e) => Cell::Error(format!("{e}")),
        None => Cell::Empty,
    }
}

/// Decodes text: UTF-8 (a BOM is dropped), UTF-16 with a BOM, else line by line: UTF-8
/// where a line is valid UTF-8, Windows-1258 where it is not (files pasted together from
/// several sources mix the two).
pub fn decode_text(bytes: &[u8]) -> String {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (s, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return s.into_owned();
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 4);
    for line in bytes.split_inclusive(|b| *b == b'\n') {
        match std::str::from_utf8(line) {
            Ok(s) => out.push_str(s),
            Err(_) => out.push_str(&encoding_rs::WINDOWS_1258.decode_without_bom_handling(line).0),
        }
    }
    out
}

/// Picks the separator that splits the first lines most consistently: `,` `;` or tab.
pub fn sniff_separator(text: &str) -> u8 {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(30).collect();
    let mut best = (b',', 0usize);
    for sep in [b',', b';', b'\t', b'|'] {
        let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, sep as char)).collect();
        let max = counts.iter().copied().max().unwrap_or(0);
        // Lines (titles, notes aside) that use this separator as much as the widest line.
        let score = counts.iter().filter(|c| **c == max && max > 0).count() * max;
        if score > best.1 {
            best = (sep, score);
        }
    }
    best.0
}

fn count_outside_quotes(line: &str, sep: char) -> usize {
    let mut quoted = false;
    let mut n = 0;
    for ch in line.chars() {
        if ch == '"' {
            quoted = !quoted;
        } else if ch == sep && !quoted {
            n += 1;
        }
    }
    n
}

fn read_csv(bytes: &[u8], file_name: &str, progress: &mut dyn FnMut(f64)) -> Result<Grid, ReadError> {
    let text = decode_text(bytes);
    // Excel's hint line "sep=;" names the separator.
    let (sep, text) = match text.strip_prefix("sep=").and_then(|r| r.chars().next().map(|c| (c, r))) {
        Some((c, rest)) if c.is_ascii() => (c as u8, rest.split_once('\n').map_or("", |(_, body)| body).to_string()),
        _ => (sniff_separator(&text), text),
    };
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(sep).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut cells: u64 = 0;
    let total = text.len().max(1) as f64;
    for record in reader.records() {
        let record = record.map_err(|e| ReadError::Corrupt { detail: format!("CSV: {e}") })?;
        if rows.len() % 8192 == 0 {
            progress(record.position().map_or(0.0, |p| p.byte() as f64 / total));
        }
        cells += record.len() as u64;
        if cells > limits::MAX_CELLS {
            return Err(ReadError::TooLarge { what: Limit::CellsInSheet, limit: limits::MAX_CELLS });
        }
        let mut row: Vec<Cell> = record
            .iter()
            .map(|s| {
                let s = clean(s);
                if s.is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(s.into())
                }
            })
            .collect();
        while row.last().is_some_and(Cell::is_empty) {
            row.pop();
        }
        rows.push(row);
    }
    let stem = file_name.rsplit_once('.').map_or(file_name, |(s, _)| s);
    Ok(Grid { name: clean(stem), rows, merges: Vec::new(), prepared: Prepared::default() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators() {
        assert_eq!(sniff_separator("a;b;c\n1,5;2;3\n"), b';');
        assert_eq!(sniff_separator("a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff_separator("Tiêu đề\na\tb\tc\n1\t2\t3\n"), b'\t');
    }

    #[test]
    fn excel_separator_hint() {
        let g = read(b"sep=;\nT\xe1\xbb\x89nh;\xc4\x90i\xe1\xbb\x83m\nHu\xe1\xba\xbf;1,5\n", "a.csv").unwrap();
        assert_eq!(g[0].rows[0], vec![Cell::Text("Tỉnh".into()), Cell::Text("Điểm".into())]);
        assert_eq!(g[0].rows[1][1], Cell::Text("1,5".into()));
    }

    #[test]
    fn far_apart_cells_do_not_allocate_the_space_between() {
        let corner = vec![(0, 0, Cell::Text("a".into())), (1_048_575, 16_383, Cell::Number(1.0))];
        let g = dense("s", corner, Vec::new()).unwrap();
        assert_eq!(g.rows.len(), 1_048_576);
        assert_eq!(g.rows[1_048_575].len(), 16_384);
        let wide: Sparse = (0..400u32).map(|r| (r, 16_383, Cell::Number(1.0))).collect();
        assert_eq!(dense("s", wide, Vec::new()), Err(too_many_cells()));
    }

    #[test]
    fn bom_does_not_leak() {
        let g = read("\u{feff}Tỉnh,Điểm\nHà Nội,\"85,4\"\n".as_bytes(), "a.csv").unwrap();
        assert_eq!(g[0].rows[0][0], Cell::Text("Tỉnh".into()));
        assert_eq!(g[0].rows[1][1], Cell::Text("85,4".into()));
    }

    #[test]
    fn utf16_and_windows_1258() {
        let mut b = vec![0xFF, 0xFE];
        b.extend("Tỉnh\tĐiểm\r\nHuế\t1\r\n".encode_utf16().flat_map(u16::to_le_bytes));
        let g = read(&b, "a.txt").unwrap();
        assert_eq!(g[0].rows[1][0], Cell::Text("Huế".into()));
        // "Tỉnh;Điểm / Hà Nam;1" as Windows-1258 writes it (tones as combining marks).
        let cp = b"Ti\xd2nh;\xd0i\xea\xd2m\nHa\xcc Nam;1\n";
        let g = read(cp, "a.csv").unwrap();
        assert_eq!(g[0].rows[0][0], Cell::Text("Tỉnh".into()));
        assert_eq!(g[0].rows[1][0], Cell::Text("Hà Nam".into()));
    }

    #[test]
    fn refuses_what_is_not_a_spreadsheet() {
        assert_eq!(read(b"", "a.xlsx"), Err(ReadError::EmptyFile));
        assert_eq!(read(b"%PDF-1.4 ...", "a.xlsx"), Err(ReadError::NotSpreadsheet { kind: DocKind::Pdf }));
        assert_eq!(
            read(b"<html><table><tr><td>1</td></tr></table></html>", "a.xls"),
            Err(ReadError::NotSpreadsheet { kind: DocKind::Html })
        );
        assert_eq!(read(b"PK\x03\x04garbage", "a.xlsx"), Err(ReadError::TruncatedFile));
        assert_eq!(read(&[0u8, 1, 2, 3, 0, 9], "a.xlsx"), Err(ReadError::UnknownFormat));
    }
}
