//! The document's tables as grids: a table going on over the next page joined (its
//! repeated header dropped), each table's title lines put above it, each grid named by
//! where the table is, and the text outside the tables kept in a grid of its own.

use std::collections::{BTreeMap, BTreeSet};

use chiso_core::model::messages::{Limit, ReadError, Skip};
use chiso_core::read::grid::{limits::MAX_CELLS, Cell, Grid, Prepared};
use chiso_core::text::{clean, fold};

use super::lattice::SNAP;
use super::page::{Kind, Laid};
use super::{Table, OUTSIDE};
use crate::page::Page;

/// At most this many lines above a table are its title.
const MAX_TITLES: usize = 6;

pub(crate) fn assemble(mut laid: Vec<Laid>, pages: &[Page]) -> Result<Vec<Grid>, ReadError> {
    mark_repeated(&mut laid);
    // Where each page's tables are, before joining: the title of a table lies below the one
    // before it on its page.
    let spans: Vec<Vec<(f64, f64)>> =
        laid.iter().map(|p| p.tables.iter().map(|t| (t.top, t.bottom)).collect()).collect();
    // Each table, with the header rows (and their non-empty cells) left out of its pages
    // after the first.
    let mut joined: Vec<(Table, usize, u64)> = Vec::new();
    for t in laid.iter_mut().flat_map(|p| std::mem::take(&mut p.tables)).collect::<Vec<_>>() {
        match joined.last_mut() {
            Some((last, rows, cells)) if continues(last, &t, &laid) => {
                let (r, c) = join(last, t)?;
                *rows += r;
                *cells += c;
            }
            _ => joined.push((t, 0, 0)),
        }
    }
    let mut grids = Vec::with_capacity(joined.len() + 1);
    for (n, (t, again, cells)) in joined.into_iter().enumerate() {
        let titles = titles(&mut laid, &spans, &t);
        let name = name(pages, &t, n + 1);
        let decoded = laid.get(t.first_page..=t.last_page).into_iter().flatten().find_map(|p| p.decoded);
        let mut g = grid(name, titles, t)?;
        g.prepared.decoded = decoded;
        if again > 0 {
            g.prepared.left_out.push((Skip::RepeatedHeader { sheet: g.name.clone(), rows: again }, cells));
        }
        grids.push(g);
    }
    let outside: Vec<Vec<Cell>> = laid
        .iter()
        .flat_map(|p| p.free.iter())
        .filter(|f| !f.used)
        .map(|f| vec![Cell::Text(f.text.as_str().into())])
        .collect();
    if !outside.is_empty() {
        if outside.len() as u64 > MAX_CELLS {
            return Err(too_large());
        }
        let decoded = laid.iter().find_map(|p| p.decoded);
        let prepared = Prepared { decoded, ..Default::default() };
        grids.push(Grid { name: OUTSIDE.to_string(), rows: outside, merges: Vec::new(), prepared });
    }
    Ok(grids)
}

fn too_large() -> ReadError {
    ReadError::TooLarge { what: Limit::CellsInSheet, limit: MAX_CELLS }
}

/// «trang 3–5, bảng 1», «trang 2, bảng 1».
fn name(pages: &[Page], t: &Table, n: usize) -> String {
    let number = |i: usize| pages.get(i).map(|p| p.number).filter(|&k| k > 0).unwrap_or(i + 1);
    let (a, b) = (number(t.first_page), number(t.last_page));
    if a == b {
        format!("trang {a}, bảng {n}")
    } else {
        format!("trang {a}–{b}, bảng {n}")
    }
}

/// The text with its digits made alike: «Trang 2» and «Trang 3» repeat each other.
fn shape(t: &str) -> String {
    t.chars().map(|c| if c.is_ascii_digit() { '#' } else { c }).collect()
}

/// Whether a line is in the page's top margin (`Some(true)`), its bottom one, or neither.
fn margin(p: &Laid, y0: f64, y1: f64) -> Option<bool> {
    if y1 < 0.12 * p.height {
        Some(true)
    } else if y0 > 0.88 * p.height {
        Some(false)
    } else {
        None
    }
}

/// Lines in the top or bottom margin that several pages share: running headers and footers.
fn mark_repeated(laid: &mut [Laid]) {
    let mut seen: BTreeMap<(String, bool), BTreeSet<usize>> = BTreeMap::new();
    for (i, p) in laid.iter().enumerate() {
        for f in p.free.iter().filter(|f| f.kind == Kind::Text) {
            if let Some(top) = margin(p, f.y0, f.y1) {
                seen.entry((shape(&f.text), top)).or_default().insert(i);
            }
        }
    }
    for p in laid.iter_mut() {
        let marks: Vec<Option<bool>> = p.free.iter().map(|f| margin(p, f.y0, f.y1)).collect();
        for (f, top) in p.free.iter_mut().zip(marks) {
            let Some(top) = top.filter(|_| f.kind == Kind::Text) else { continue };
            if seen.get(&(shape(&f.text), top)).is_some_and(|s| s.len() >= 2) {
                f.kind = Kind::Repeated;
            }
        }
    }
}

/// Whether `b` goes on with `a`: on the next page, with the same columns, nothing but
/// margins between them (or, above `b`, the lines above `a` again).
fn continues(a: &Table, b: &Table, laid: &[Laid]) -> bool {
    if b.first_page != a.last_page + 1 || a.seps.len() != b.seps.len() {
        return false;
    }
    if !a.seps.iter().zip(&b.seps).all(|(p, q)| p.0 <= q.1 + SNAP && q.0 <= p.1 + SNAP) {
        return false;
    }
    let (Some(end), Some(start), Some(first)) = (laid.get(a.last_page), laid.get(b.first_page), laid.get(a.first_page))
    else {
        return false;
    };
    if end.free.iter().any(|f| f.kind == Kind::Text && f.y0 >= a.bottom - 1.0) {
        return false;
    }
    let above_a: BTreeSet<&str> = first.free.iter().filter(|f| f.y1 <= a.top + 1.0).map(|f| f.text.as_str()).collect();
    !start.free.iter().any(|f| f.kind == Kind::Text && f.y1 <= b.top + 1.0 && !above_a.contains(f.text.as_str()))
}

/// `b`'s rows after `a`'s, those that repeat `a`'s first rows (its header) left out: how
/// many rows, and how many non-empty cells, were.
fn join(a: &mut Table, b: Table) -> Result<(usize, u64), ReadError> {
    let k = a.rows.iter().zip(&b.rows).take_while(|(x, y)| x == y).count();
    let cells = b.rows[..k].iter().flatten().filter(|s| !s.is_empty()).count() as u64;
    let width = a.rows.iter().chain(&b.rows).map(Vec::len).max().unwrap_or(0) as u64;
    if (a.rows.len() + b.rows.len() - k) as u64 * width > MAX_CELLS {
        return Err(too_large());
    }
    let offset = a.rows.len();
    for (r0, c0, r1, c1) in b.merges {
        if r1 < k {
            continue;
        }
        let (r0, r1) = (r0.max(k) - k + offset, r1 - k + offset);
        if r0 != r1 || c0 != c1 {
            a.merges.push((r0, c0, r1, c1));
        }
    }
    a.rows.extend(b.rows.into_iter().skip(k));
    a.last_page = b.last_page;
    a.bottom = b.bottom;
    Ok((k, cells))
}

/// The end of a sentence of the body («… như sau:», «… thi hành Quyết định này./.»): no
/// title ends so.
fn ends_sentence(t: &str) -> bool {
    t.trim_end().ends_with(['.', ';', ':'])
}

/// «Phụ lục I», «Biểu số 02», «Mẫu số 1»: an appendix's label.
fn appendix_label(t: &str) -> bool {
    let f = fold(t);
    ["phu luc", "bieu so", "bieu", "mau so"].iter().any(|l| f.starts_with(l)) && f.split(' ').count() <= 6
}

/// The lines just above the table on its first page, below the table before it: the
/// nearest block of lines (no wide gap), at most [`MAX_TITLES`], up to an appendix's label
/// and not past a line that ends a sentence of the body. They are taken.
fn titles(laid: &mut [Laid], spans: &[Vec<(f64, f64)>], t: &Table) -> Vec<String> {
    let Some(page) = laid.get_mut(t.first_page) else { return Vec::new() };
    let floor = spans
        .get(t.first_page)
        .into_iter()
        .flatten()
        .filter(|s| s.1 <= t.top + 1.0)
        .map(|s| s.1)
        .fold(f64::MIN, f64::max);
    let zone: Vec<usize> = (0..page.free.len())
        .filter(|&i| {
            let f = &page.free[i];
            !f.used && f.kind != Kind::PageNumber && f.y0 >= floor - 1.0 && f.y1 <= t.top + 1.0
        })
        .collect();
    let mut picked = Vec::new();
    let mut below = t.top;
    for &i in zone.iter().rev() {
        let f = &page.free[i];
        let reach = if picked.is_empty() { 4.0 } else { 2.5 } * f.size;
        let label = appendix_label(&f.text);
        if below - f.y1 > reach || picked.len() >= MAX_TITLES || (!label && ends_sentence(&f.text)) {
            break;
        }
        picked.push(i);
        below = f.y0;
        // «Phụ lục I» heads the appendix: the lines above it are the document's body.
        if label {
            break;
        }
    }
    picked.reverse();
    picked
        .into_iter()
        .map(|i| {
            page.free[i].used = true;
            page.free[i].text.clone()
        })
        .collect()
}

fn grid(name: String, titles: Vec<String>, t: Table) -> Result<Grid, ReadError> {
    let width = t.rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    if (titles.len() + t.rows.len()) as u64 * width as u64 > MAX_CELLS {
        return Err(too_large());
    }
    let offset = titles.len();
    let mut rows: Vec<Vec<Cell>> = titles.iter().map(|s| vec![Cell::Text(clean(s).into())]).collect();
    rows.extend(
        t.rows.into_iter().map(|row| {
            row.into_iter().map(|s| if s.is_empty() { Cell::Empty } else { Cell::Text(s.into()) }).collect()
        }),
    );
    let merges = t.merges.into_iter().map(|(r0, c0, r1, c1)| (r0 + offset, c0, r1 + offset, c1)).collect();
    let prepared = Prepared { title_rows: offset, ..Default::default() };
    Ok(Grid { name, rows, merges, prepared })
}
