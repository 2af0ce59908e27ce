//! Tables without ruling lines (a sheet printed without gridlines), found from how their
//! text lines up: lines holding several separate pieces of text, numbers among them, one
//! after the other make a table; its columns are the x ranges that the pieces of its body
//! lines cover, the gaps between them the x ranges (nearly) none covers. Each line is a
//! row, but for lines of one cell's wrapped text, and for a header's lines, joined.

use chiso_core::text::value::{parse_num, Num};

use super::text::{Chunk, Line};
use super::Table;

/// Single-chunk lines allowed between two lines of several chunks in one table.
const MAX_SINGLE_RUN: usize = 3;
/// Lines × columns of one table found from the text's alignment, at most.
const MAX_STREAM_CELLS: usize = 500_000;

/// The tables among a page's lines (top to bottom): each with the first and last line it
/// takes (inclusive).
pub(crate) fn find(lines: &[Line], page: usize) -> Vec<(usize, usize, Table)> {
    let chunks: Vec<Vec<Chunk>> = lines.iter().map(Line::chunks).collect();
    let numeric: Vec<bool> = chunks.iter().map(|cs| cs.iter().any(is_numeric)).collect();
    let mut out = Vec::new();
    let mut floor = 0;
    let runs = runs(lines, &chunks, &numeric);
    // Inside a table, a number and a word side by side are two cells' texts (a right-aligned
    // «1» and the name left-aligned just after it), however close.
    let chunks: Vec<Vec<Chunk>> = chunks.iter().map(|cs| cs.iter().flat_map(split_kinds).collect()).collect();
    for (k, &(a, b)) in runs.iter().enumerate() {
        let body: Vec<&Chunk> = (a..=b).filter(|&i| numeric[i]).flat_map(|i| chunks[i].iter()).collect();
        let body_lines = (a..=b).filter(|&i| numeric[i]).count();
        let size = median((a..=b).map(|i| lines[i].size).collect());
        let gaps = gaps(&body, body_lines, size);
        if gaps.is_empty() {
            continue;
        }
        // A run of thousands of lines with hundreds of columns is no table to lay out.
        if (b - a + 1).saturating_mul(gaps.len() + 1) > MAX_STREAM_CELLS {
            continue;
        }
        let ceiling = runs.get(k + 1).map_or(lines.len(), |r| r.0);
        let (a, b) = extend(lines, &chunks, &gaps, (a, b), (floor, ceiling));
        floor = b + 1;
        let table = build(lines, &chunks, &gaps, (a, b), page);
        out.push((a, b, table));
    }
    out
}

/// A chunk cut between a number and a word next to it, and between two numbers, unless
/// the two read as one number together («Hạng 2», «1 234»).
fn split_kinds(c: &Chunk) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    for (k, w) in c.words.iter().enumerate() {
        let cut = k > 0 && {
            let p = &c.words[k - 1];
            (is_numeric_text(&p.text) || is_numeric_text(&w.text))
                && !is_numeric_text(&format!("{} {}", p.text, w.text))
        };
        match out.last_mut() {
            Some(last) if !cut => {
                last.x1 = last.x1.max(w.x1);
                last.words.push(w.clone());
            }
            _ => out.push(Chunk { words: vec![w.clone()], x0: w.x0, x1: w.x1 }),
        }
    }
    out
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(10.0)
}

/// A number in a body's cell: a value, a rank, a ratio; not a year (a header's «2024»).
pub(crate) fn is_numeric_text(t: &str) -> bool {
    match parse_num(t) {
        Num::Value(v) => !(t.trim().len() == 4 && v.fract() == 0.0 && (1990.0..2100.0).contains(&v)),
        n => n.is_number(),
    }
}

fn is_numeric(c: &Chunk) -> bool {
    is_numeric_text(&c.text()) || c.words.iter().all(|w| is_numeric_text(&w.text))
}

/// Runs of lines with several chunks each (a few single-chunk lines between allowed), no
/// wide vertical gap inside: at least three such lines, two of them holding a number.
fn runs(lines: &[Line], chunks: &[Vec<Chunk>], numeric: &[bool]) -> Vec<(usize, usize)> {
    let n = lines.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if chunks[i].len() < 2 {
            i += 1;
            continue;
        }
        let (start, mut last, mut multi) = (i, i, 1);
        for k in i + 1..n {
            if k - last - 1 > MAX_SINGLE_RUN {
                break;
            }
            let size = lines[last].size.max(lines[k].size);
            if lines[k].yc() - lines[last].yc() > (k - last) as f64 * 2.5 * size {
                break;
            }
            if chunks[k].len() >= 2 {
                last = k;
                multi += 1;
            }
        }
        let numbers = (start..=last).filter(|&k| numeric[k]).count();
        if multi >= 3 && numbers >= 2 {
            out.push((start, last));
        }
        i = last + 1;
    }
    out
}

/// The x ranges between columns: where at most a tenth of the body's lines have text,
/// inside the body's extent, a point wide at least.
fn gaps(body: &[&Chunk], lines: usize, size: f64) -> Vec<(f64, f64)> {
    let mut events: Vec<(f64, i32)> = body.iter().flat_map(|c| [(c.x0, 1), (c.x1, -1)]).collect();
    events.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let threshold = (lines / 10) as i32;
    let mut cover = 0;
    let mut above = false;
    let mut start: Option<f64> = None;
    let mut out = Vec::new();
    let mut i = 0;
    while i < events.len() {
        let x = events[i].0;
        while i < events.len() && events[i].0 == x {
            cover += events[i].1;
            i += 1;
        }
        if cover > threshold && !above {
            above = true;
            if let Some(s) = start.take() {
                if x - s >= (0.1 * size).max(1.0) {
                    out.push((s, x));
                }
            }
        } else if cover <= threshold && above {
            above = false;
            start = Some(x);
        }
    }
    out
}

/// The columns' content ranges: between the gaps, from the body's first to last x.
fn columns(gaps: &[(f64, f64)], lo: f64, hi: f64) -> Vec<(f64, f64)> {
    let mut cols = Vec::with_capacity(gaps.len() + 1);
    let mut from = lo;
    for g in gaps {
        cols.push((from, g.0));
        from = g.1;
    }
    cols.push((from, hi));
    cols
}

/// Whether a chunk crosses a gap from one column into the next.
fn bridges(x0: f64, x1: f64, gaps: &[(f64, f64)]) -> bool {
    gaps.iter().any(|g| x0 < g.0 - 0.5 && x1 > g.1 + 0.5)
}

/// The run grown by the lines just above and below it that sit within one column each, at
/// a line's distance: the other lines of a header's or a last row's wrapped cells.
fn extend(
    lines: &[Line],
    chunks: &[Vec<Chunk>],
    gaps: &[(f64, f64)],
    (mut a, mut b): (usize, usize),
    (floor, ceiling): (usize, usize),
) -> (usize, usize) {
    let fits = |i: usize| chunks[i].iter().all(|c| !bridges(c.x0, c.x1, gaps));
    let close = |upper: &Line, lower: &Line| lower.y0 - upper.y1 <= 0.8 * upper.size.max(lower.size);
    let mut added = 0;
    while a > floor && added < 4 && fits(a - 1) && close(&lines[a - 1], &lines[a]) {
        a -= 1;
        added += 1;
    }
    added = 0;
    while b + 1 < ceiling && added < 3 && fits(b + 1) && close(&lines[b], &lines[b + 1]) {
        b += 1;
        added += 1;
    }
    (a, b)
}

/// A piece of text placed in a column (its first, spanning to `c1`).
#[derive(Clone, Debug)]
struct Bit {
    line: usize,
    x0: f64,
    x1: f64,
    /// The width of its first word (does it fit at the end of the line above?).
    first: f64,
    text: String,
    numeric: bool,
}

/// A row being put together: the lines it holds and its cells' pieces.
#[derive(Clone, Debug)]
struct Draft {
    y0: f64,
    y1: f64,
    /// The centre of its (first) numeric line, or of its first line.
    yc: f64,
    size: f64,
    cells: Vec<Vec<Bit>>,
    spans: Vec<(usize, usize)>,
}

impl Draft {
    fn numeric(&self) -> bool {
        self.cells.iter().flatten().any(|b| b.numeric)
    }

    fn text_only(&self) -> bool {
        !self.numeric() && self.spans.is_empty()
    }

    fn absorb(&mut self, other: Draft) {
        self.y0 = self.y0.min(other.y0);
        self.y1 = self.y1.max(other.y1);
        self.size = self.size.max(other.size);
        for (c, bits) in other.cells.into_iter().enumerate() {
            self.cells[c].extend(bits);
        }
        self.spans.extend(other.spans);
    }

    /// The vertical distance between the two rows' boxes (0 when they overlap).
    fn gap(&self, other: &Draft) -> f64 {
        (other.y0 - self.y1).max(self.y0 - other.y1).max(0.0)
    }
}

/// One line's chunks placed in columns: split where a space between words falls in a gap
/// (two cells' texts close together), else spanning the columns it covers.
fn place(line: &Line, idx: usize, chunks: &[Chunk], cols: &[(f64, f64)], gaps: &[(f64, f64)], ncols: usize) -> Draft {
    let mut d = Draft {
        y0: line.y0,
        y1: line.y1,
        yc: line.yc(),
        size: line.size,
        cells: vec![Vec::new(); ncols],
        spans: Vec::new(),
    };
    for chunk in chunks {
        // The gaps this chunk crosses from one column's text into the next one's.
        let crossed: Vec<&(f64, f64)> = gaps.iter().filter(|g| chunk.x0 < g.0 && chunk.x1 > g.1).collect();
        let mut pieces: Vec<Vec<&super::text::Word>> = vec![Vec::new()];
        for (k, w) in chunk.words.iter().enumerate() {
            if k > 0 {
                let prev = &chunk.words[k - 1];
                if crossed.iter().any(|g| prev.x1 <= g.1 + 0.5 && w.x0 >= g.0 - 0.5) {
                    pieces.push(Vec::new());
                }
            }
            if let Some(p) = pieces.last_mut() {
                p.push(w);
            }
        }
        for p in pieces.into_iter().filter(|p| !p.is_empty()) {
            let x0 = p[0].x0;
            let x1 = p.iter().map(|w| w.x1).fold(f64::MIN, f64::max);
            let text = chiso_core::text::clean(&p.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" "));
            let (c0, c1) = columns_of(cols, x0, x1);
            if c1 > c0 {
                d.spans.push((c0, c1));
            }
            let numeric = is_numeric_text(&text);
            d.cells[c0].push(Bit { line: idx, x0, x1, first: p[0].x1 - p[0].x0, text, numeric });
        }
    }
    d
}

/// The columns a piece of text from `x0` to `x1` lies over (the nearest one when it lies
/// in a gap); `cols` are in order and do not overlap.
fn columns_of(cols: &[(f64, f64)], x0: f64, x1: f64) -> (usize, usize) {
    let first = cols.partition_point(|c| c.1 - 1.0 <= x0);
    let end = cols.partition_point(|c| c.0 + 1.0 < x1);
    if first < end {
        return (first, end - 1);
    }
    let mid = (x0 + x1) / 2.0;
    let dist = |c: usize| cols.get(c).map_or(f64::MAX, |c| (c.0 - mid).max(mid - c.1).max(0.0));
    let near = [first.saturating_sub(1), first, end.saturating_sub(1), end]
        .into_iter()
        .filter(|&c| c < cols.len())
        .min_by(|&a, &b| dist(a).total_cmp(&dist(b)))
        .unwrap_or(0);
    (near, near)
}

/// Whether the first word of the lower text would not have fitted at the end of the upper
/// one's last line within the column: the two are one cell's text, wrapped.
fn wrapped(upper: &[Bit], lower: &[Bit], right: f64, size: f64) -> bool {
    let last = upper.iter().max_by(|a, b| a.line.cmp(&b.line).then(a.x1.total_cmp(&b.x1)));
    let first = lower.iter().min_by(|a, b| a.line.cmp(&b.line).then(a.x0.total_cmp(&b.x0)));
    let (Some(u), Some(l)) = (last, first) else { return false };
    u.x1 + 0.25 * size + l.first > right + 0.5
}

/// Whether the text-only row `t` is more of a wrapped cell of the row `n` (which holds
/// numbers): `t` has text only where `n` has text, not numbers, and the first word of the
/// lower line would not have fitted at the end of the upper one.
fn wraps_into(t: &Draft, n: &Draft, cols: &[(f64, f64)]) -> bool {
    let size = t.size.max(n.size);
    if t.gap(n) > 0.8 * size {
        return false;
    }
    let mut any = false;
    for (c, bits) in t.cells.iter().enumerate() {
        if bits.is_empty() {
            continue;
        }
        let theirs = &n.cells[c];
        if theirs.is_empty() || theirs.iter().any(|b| b.numeric) {
            return false;
        }
        let (upper, lower) = if t.yc < n.yc { (bits, theirs) } else { (theirs, bits) };
        if !wrapped(upper, lower, cols[c].1, size) {
            return false;
        }
        any = true;
    }
    any
}

/// Whether a header line goes on the header row above it: no cell spans columns, and
/// where both have text, the column holds numbers (whose header's lines are wider than
/// the column's numbers anyway) or the text is one cell's, wrapped. A group's heading
/// under the header («I. CÁC SỞ») stays a row of its own.
fn header_goes_on(u: &Draft, l: &Draft, cols: &[(f64, f64)], numbers: &[bool]) -> bool {
    let size = u.size.max(l.size);
    if !u.spans.is_empty() || !l.spans.is_empty() || u.gap(l) > 0.8 * size {
        return false;
    }
    (0..cols.len()).all(|c| {
        u.cells[c].is_empty()
            || l.cells[c].is_empty()
            || numbers[c]
            || wrapped(&u.cells[c], &l.cells[c], cols[c].1, size)
    })
}

/// A text-only row drawn half a line from a numeric row's line: one cell's lines centred
/// on a row whose other cells are one line high. Its text lies where that row has none.
fn centred_on(t: &Draft, n: &Draft) -> bool {
    (t.yc - n.yc).abs() < 0.75 * t.size.min(n.size)
        && t.cells.iter().zip(&n.cells).all(|(a, b)| a.is_empty() || b.iter().all(|x| !x.numeric))
}

/// Each text-only row that `goes_with` a numeric row beside it joined to that row (the
/// nearer one; the one below when both are as near).
fn join_to_rows(drafts: Vec<Draft>, goes_with: impl Fn(&Draft, &Draft) -> bool) -> Vec<Draft> {
    #[derive(Clone, Copy, PartialEq)]
    enum To {
        Stay,
        Above,
        Below,
    }
    let fits = |i: usize, j: usize| drafts[j].numeric() && goes_with(&drafts[i], &drafts[j]);
    let to: Vec<To> = (0..drafts.len())
        .map(|i| {
            if !drafts[i].text_only() {
                return To::Stay;
            }
            let above = i > 0 && fits(i, i - 1);
            let below = i + 1 < drafts.len() && fits(i, i + 1);
            match (above, below) {
                (true, true) if drafts[i].gap(&drafts[i - 1]) < drafts[i].gap(&drafts[i + 1]) => To::Above,
                (_, true) => To::Below,
                (true, false) => To::Above,
                (false, false) => To::Stay,
            }
        })
        .collect();
    let mut out: Vec<Draft> = Vec::with_capacity(drafts.len());
    let mut pending: Vec<Draft> = Vec::new();
    for (d, to) in drafts.into_iter().zip(to) {
        match to {
            To::Below => pending.push(d),
            To::Above => match out.last_mut() {
                Some(last) => last.absorb(d),
                None => out.push(d),
            },
            To::Stay => {
                let mut d = d;
                for p in pending.drain(..) {
                    d.absorb(p);
                }
                out.push(d);
            }
        }
    }
    out.extend(pending);
    out
}

/// Rows from the run's lines: wrapped cells' lines joined to their row, the header's
/// lines joined into one row where no cell spans columns.
fn rows(mut drafts: Vec<Draft>, cols: &[(f64, f64)]) -> Vec<Draft> {
    // Lines centred on a numeric row, then wrapped cells' other lines (a pass joins one
    // line to each side of a row; a cell of more lines takes more passes).
    for centred in [true, false] {
        for _ in 0..4 {
            let before = drafts.len();
            drafts = join_to_rows(drafts, |t, n| if centred { centred_on(t, n) } else { wraps_into(t, n, cols) });
            if drafts.len() == before {
                break;
            }
        }
    }
    let numbers = number_columns(&drafts, cols.len());
    // The header: the rows before the first numeric one, joined where they go on.
    let first = drafts.iter().position(Draft::numeric).unwrap_or(drafts.len());
    let mut out: Vec<Draft> = Vec::with_capacity(drafts.len());
    for (i, d) in drafts.into_iter().enumerate() {
        if i < first {
            if let Some(prev) = out.last_mut().filter(|p| header_goes_on(p, &d, cols, &numbers)) {
                prev.absorb(d);
                continue;
            }
        }
        out.push(d);
    }
    out
}

/// Columns whose body holds numbers more than text.
fn number_columns(drafts: &[Draft], ncols: usize) -> Vec<bool> {
    let mut count = vec![(0usize, 0usize); ncols];
    for d in drafts.iter().filter(|d| d.numeric()) {
        for (c, bits) in d.cells.iter().enumerate() {
            for b in bits {
                if b.numeric {
                    count[c].0 += 1;
                } else {
                    count[c].1 += 1;
                }
            }
        }
    }
    count.iter().map(|&(n, t)| n > t).collect()
}

/// The gaps that only missing-value marks («-», «x», «N/A») make: a mark typed as text
/// sits at its cell's other side (left-aligned where the numbers are right-aligned), a
/// column of its own to the eye. Such a column goes with the column of numbers beside it
/// that is empty wherever it has a mark. The indices of those gaps.
fn mark_gaps(drafts: &[Draft], ncols: usize) -> Vec<usize> {
    let numbers = number_columns(drafts, ncols);
    let mut out = Vec::new();
    for c in 0..ncols {
        let with: Vec<&Draft> = drafts.iter().filter(|d| d.numeric() && !d.cells[c].is_empty()).collect();
        let marks = |d: &&Draft| d.cells[c].iter().all(|b| parse_num(&b.text) == Num::Missing);
        if with.is_empty() || !with.iter().all(marks) {
            continue;
        }
        let empty_in = |k: usize| numbers[k] && with.iter().all(|d| d.cells[k].is_empty());
        if c + 1 < ncols && empty_in(c + 1) {
            out.push(c);
        } else if c > 0 && empty_in(c - 1) {
            out.push(c - 1);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn build(lines: &[Line], chunks: &[Vec<Chunk>], gaps: &[(f64, f64)], (a, b): (usize, usize), page: usize) -> Table {
    let all = (a..=b).flat_map(|i| chunks[i].iter());
    let (lo, hi) = all.fold((f64::MAX, f64::MIN), |(lo, hi), c| (lo.min(c.x0), hi.max(c.x1)));
    let place_all = |gaps: &[(f64, f64)]| {
        let cols = columns(gaps, lo, hi);
        let drafts: Vec<Draft> = (a..=b).map(|i| place(&lines[i], i, &chunks[i], &cols, gaps, cols.len())).collect();
        (cols, drafts)
    };
    let (mut cols, mut drafts) = place_all(gaps);
    let marks = mark_gaps(&drafts, cols.len());
    let mut gaps = gaps.to_vec();
    if !marks.is_empty() {
        gaps = gaps.into_iter().enumerate().filter(|(i, _)| !marks.contains(i)).map(|(_, g)| g).collect();
        (cols, drafts) = place_all(&gaps);
    }
    let drafts = rows(drafts, &cols);
    let mut table = Table {
        first_page: page,
        last_page: page,
        top: lines[a].y0,
        bottom: lines[b].y1,
        seps: gaps,
        rows: Vec::with_capacity(drafts.len()),
        merges: Vec::new(),
    };
    for (r, mut d) in drafts.into_iter().enumerate() {
        let row: Vec<String> = d
            .cells
            .iter_mut()
            .map(|bits| {
                bits.sort_by(|p, q| p.line.cmp(&q.line).then(p.x0.total_cmp(&q.x0)));
                chiso_core::text::clean(&bits.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join(" "))
            })
            .collect();
        d.spans.sort_unstable();
        d.spans.dedup();
        for (c0, c1) in d.spans {
            // Spans of one row that overlap are one.
            match table.merges.last_mut() {
                Some(m) if m.0 == r && c0 <= m.3 => m.3 = m.3.max(c1),
                _ => table.merges.push((r, c0, r, c1)),
            }
        }
        table.rows.push(row);
    }
    table
}
