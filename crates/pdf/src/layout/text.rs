//! Glyphs → text: legacy Vietnamese fonts decoded (TCVN3, VNI), tone marks drawn as glyphs
//! of their own attached to their letter, then glyphs grouped into words and lines.

use std::collections::{BTreeMap, BTreeSet};

use chiso_core::text::legacy::{tcvn3, vni};
use chiso_core::text::{clean, nfc::nfc};

use crate::page::Glyph;

/// A glyph ready for layout: decoded, its marks attached, its size sane.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Gl {
    pub text: String,
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
    /// The font size in points (the box's height where the stated size is implausible).
    pub size: f64,
}

impl Gl {
    pub fn xc(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }

    pub fn yc(&self) -> f64 {
        (self.y0 + self.y1) / 2.0
    }
}

/// A word: glyphs with no gap wider than a fraction of a space between them.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Word {
    pub text: String,
    pub x0: f64,
    pub x1: f64,
    pub size: f64,
}

/// One line of text: words on (nearly) the same centre line, left to right.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Line {
    pub words: Vec<Word>,
    pub y0: f64,
    pub y1: f64,
    pub size: f64,
}

/// Words of a line with no wide gap between them: one cell's text on that line, as far as
/// the gaps tell.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Chunk {
    pub words: Vec<Word>,
    pub x0: f64,
    pub x1: f64,
}

impl Chunk {
    pub fn text(&self) -> String {
        join_words(&self.words)
    }
}

impl Line {
    pub fn yc(&self) -> f64 {
        (self.y0 + self.y1) / 2.0
    }

    pub fn text(&self) -> String {
        join_words(&self.words)
    }

    /// The line split where the gap between words is wider than `CHUNK_GAP` of the size.
    pub fn chunks(&self) -> Vec<Chunk> {
        let mut out: Vec<Chunk> = Vec::new();
        for w in &self.words {
            match out.last_mut() {
                Some(c) if w.x0 - c.x1 <= CHUNK_GAP * w.size.max(self.size) => {
                    c.x1 = c.x1.max(w.x1);
                    c.words.push(w.clone());
                }
                _ => out.push(Chunk { words: vec![w.clone()], x0: w.x0, x1: w.x1 }),
            }
        }
        out
    }
}

/// A gap wider than this share of the font size ends a word (a space is about a quarter).
const WORD_GAP: f64 = 0.15;
/// A gap wider than this share of the font size separates two cells' texts on a line.
pub(crate) const CHUNK_GAP: f64 = 0.6;

fn join_words(words: &[Word]) -> String {
    let mut s = String::new();
    for w in words {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&w.text);
    }
    clean(&s)
}

// ---------------------------------------------------------------------------------------
// Fonts

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Legacy {
    Tcvn3 { capitals: bool },
    Vni,
}

/// The legacy encoding a font's name says it uses: `.VnTime`, `.VnArialH` (TCVN3; an `H`
/// font draws capitals for the lower-case codes), `VNI-Times` (VNI).
fn legacy_font(font: &str) -> Option<Legacy> {
    let lower = font.to_ascii_lowercase();
    if lower.starts_with("vni-") || lower.starts_with("vni ") || lower.starts_with("vni_") {
        return Some(Legacy::Vni);
    }
    let tcvn = lower.starts_with(".vn")
        || (lower.starts_with("vn") && font.as_bytes().get(2).is_some_and(u8::is_ascii_uppercase));
    if !tcvn {
        return None;
    }
    // The family without its style: ".VnTimeH,Bold", ".VnTimeH-Italic".
    let family = font.split([',', '-']).next().unwrap_or(font);
    Some(Legacy::Tcvn3 { capitals: family.len() > 4 && family.ends_with('H') })
}

/// A letter only Vietnamese Unicode text holds (ă, đ, ơ, ư, ạ … ỹ), never a legacy byte.
fn is_vietnamese(c: char) -> bool {
    matches!(c as u32, 0x102..=0x103 | 0x110..=0x111 | 0x128..=0x129 | 0x168..=0x169 | 0x1a0..=0x1b0 | 0x1ea0..=0x1ef9)
}

fn decode_one(text: &str, legacy: Legacy) -> String {
    match legacy {
        Legacy::Tcvn3 { capitals: false } => tcvn3(text),
        Legacy::Tcvn3 { capitals: true } => tcvn3(text).to_uppercase(),
        Legacy::Vni => vni(text),
    }
}

/// The page's glyphs as layout uses them: sane boxes, legacy fonts decoded, marks
/// attached; and the legacy encoding decoded, if any was.
pub(crate) fn prepare(glyphs: &[Glyph]) -> (Vec<Gl>, Option<chiso_core::text::legacy::Legacy>) {
    let mut out: Vec<Gl> = Vec::with_capacity(glyphs.len());
    let mut decoded = None;
    // A font named as a legacy one whose glyphs already read as Vietnamese Unicode (a
    // producer that wrote a true /ToUnicode) is not decoded again.
    let unicode: BTreeSet<&str> = glyphs
        .iter()
        .filter(|g| legacy_font(&g.font).is_some() && g.text.chars().any(is_vietnamese))
        .map(|g| g.font.as_str())
        .collect();
    // The undecoded text of the last glyph kept, when it is in a VNI font.
    let mut vni_raw: Option<String> = None;
    for g in glyphs {
        let Some(mut gl) = sane(g) else {
            vni_raw = None;
            continue;
        };
        let legacy = legacy_font(&g.font).filter(|_| !unicode.contains(g.font.as_str()));
        if let Some(l) = legacy {
            // VNI types a tone or a hat as a glyph after its vowel: decode the pair together.
            if let (Legacy::Vni, Some(raw), Some(last)) = (l, &vni_raw, out.last_mut()) {
                let pair = format!("{raw}{}", g.text);
                let both = vni(&pair);
                if pairs_with(last, &gl)
                    && both.chars().count() < last.text.chars().count() + vni(&g.text).chars().count()
                {
                    last.text = both;
                    last.x1 = last.x1.max(gl.x1);
                    vni_raw = None;
                    continue;
                }
            }
            gl.text = decode_one(&g.text, l);
            decoded = decoded.or(Some(match l {
                Legacy::Vni => chiso_core::text::legacy::Legacy::Vni,
                Legacy::Tcvn3 { .. } => chiso_core::text::legacy::Legacy::Tcvn3,
            }));
        }
        vni_raw = (legacy == Some(Legacy::Vni)).then(|| g.text.clone());
        out.push(gl);
    }
    (attach_marks(out), decoded)
}

/// A VNI mark glyph drawn over (or right after) the letter before it, on its line.
fn pairs_with(letter: &Gl, mark: &Gl) -> bool {
    let size = letter.size.max(mark.size);
    (letter.yc() - mark.yc()).abs() < 0.6 * size && mark.x0 < letter.x1 + 0.2 * size && mark.x1 > letter.x0
}

/// A glyph with finite coordinates and text, its box ordered and its size plausible.
fn sane(g: &Glyph) -> Option<Gl> {
    let v = [g.x0, g.y0, g.x1, g.y1];
    if g.text.is_empty() || v.iter().any(|x| !x.is_finite() || x.abs() > 1e6) {
        return None;
    }
    let (x0, x1) = (g.x0.min(g.x1), g.x0.max(g.x1));
    let (y0, y1) = (g.y0.min(g.y1), g.y0.max(g.y1));
    let h = y1 - y0;
    let size = if g.size.is_finite() && g.size > 0.5 && (h < 0.5 || (g.size > 0.4 * h && g.size < 2.5 * h)) {
        g.size
    } else if h >= 0.5 {
        h / 1.2
    } else {
        10.0
    };
    Some(Gl { text: g.text.clone(), x0, y0, x1, y1, size: size.clamp(1.0, 500.0) })
}

// ---------------------------------------------------------------------------------------
// Marks

/// A tone or a hat drawn as a glyph of its own: the combining mark it stands for, and
/// whether the glyph is a combining character (which stands for nothing else).
fn mark_of(text: &str) -> Option<(String, bool)> {
    if !text.is_empty() && text.chars().all(|c| ('\u{300}'..='\u{36f}').contains(&c)) {
        return Some((text.to_string(), true));
    }
    let mut cs = text.chars();
    let c = cs.next()?;
    if cs.next().is_some() {
        return None;
    }
    let m = match c {
        '\u{b4}' | '\u{2ca}' => '\u{301}',
        '`' | '\u{2cb}' => '\u{300}',
        '\u{2dc}' | '~' => '\u{303}',
        '\u{2c0}' => '\u{309}',
        '\u{2c6}' | '^' => '\u{302}',
        '\u{2d8}' => '\u{306}',
        '.' | '\u{2d9}' => '\u{323}',
        _ => return None,
    };
    Some((m.to_string(), false))
}

/// Marks drawn over or under a letter (at an overlapping x, on its line) become part of
/// the letter's text, composed (NFC). A mark that overlaps no letter stays as it is.
fn attach_marks(glyphs: Vec<Gl>) -> Vec<Gl> {
    let marks: Vec<Option<(String, bool)>> = glyphs.iter().map(|g| mark_of(&g.text)).collect();
    if marks.iter().all(Option::is_none) {
        return glyphs;
    }
    // Letters bucketed on a coarse grid, each under every bucket its box touches.
    const CELL: f64 = 16.0;
    let key = |x: f64, y: f64| ((x / CELL).floor() as i64, (y / CELL).floor() as i64);
    let mut buckets: BTreeMap<(i64, i64), Vec<usize>> = BTreeMap::new();
    for (i, g) in glyphs.iter().enumerate() {
        if marks[i].is_some() || g.text.trim().is_empty() {
            continue;
        }
        let (a, b) = (key(g.x0, g.y0), key(g.x1, g.y1));
        // A huge glyph (a decoration) is not a letter a mark sits on.
        if (b.0 - a.0) * (b.1 - a.1) > 64 {
            continue;
        }
        for bx in a.0..=b.0 {
            for by in a.1..=b.1 {
                buckets.entry((bx, by)).or_default().push(i);
            }
        }
    }
    let mut added: Vec<String> = vec![String::new(); glyphs.len()];
    let mut taken = vec![false; glyphs.len()];
    for (i, m) in marks.iter().enumerate() {
        let Some((mark, combining)) = m else { continue };
        if let Some(base) = base_of(&glyphs, i, *combining, &buckets, key) {
            added[base].push_str(mark);
            taken[i] = true;
        }
    }
    glyphs
        .into_iter()
        .zip(added)
        .zip(taken)
        .filter(|(_, t)| !t)
        .map(|((mut g, add), _)| {
            if !add.is_empty() {
                g.text = nfc(&format!("{}{add}", g.text));
            }
            g
        })
        .collect()
}

/// The letter a mark glyph belongs to: the one it overlaps most horizontally on its line;
/// for a combining character, else the nearest letter just before it.
fn base_of(
    glyphs: &[Gl],
    i: usize,
    combining: bool,
    buckets: &BTreeMap<(i64, i64), Vec<usize>>,
    key: impl Fn(f64, f64) -> (i64, i64),
) -> Option<usize> {
    let m = &glyphs[i];
    let reach = m.size;
    let (a, b) = (key(m.x0 - reach, m.y0 - reach), key(m.x1 + reach, m.y1 + reach));
    if (b.0 - a.0) * (b.1 - a.1) > 256 {
        return None;
    }
    let mut best: Option<(f64, usize)> = None;
    let mut before: Option<(f64, usize)> = None;
    for bx in a.0..=b.0 {
        for by in a.1..=b.1 {
            for &j in buckets.get(&(bx, by)).into_iter().flatten() {
                let g = &glyphs[j];
                let size = g.size.max(m.size);
                if (g.yc() - m.yc()).abs() > 0.8 * size {
                    continue;
                }
                let width = (g.x1 - g.x0).max(0.01);
                let inside = m.xc() > g.x0 + 0.1 * width && m.xc() < g.x1 - 0.1 * width;
                let overlap = m.x1.min(g.x1) - m.x0.max(g.x0);
                if inside || (combining && overlap > 0.0) {
                    let score = if inside { width - (m.xc() - g.xc()).abs() } else { overlap };
                    if best.is_none_or(|(s, _)| score > s) {
                        best = Some((score, j));
                    }
                } else if combining && g.x1 <= m.x0 + 0.01 && m.x0 - g.x1 < 0.6 * size {
                    let d = m.x0 - g.x1;
                    if before.is_none_or(|(bd, _)| d < bd) {
                        before = Some((d, j));
                    }
                }
            }
        }
    }
    best.or(before).map(|(_, j)| j)
}

// ---------------------------------------------------------------------------------------
// Words and lines

/// Glyphs grouped into lines (by their centre line, top to bottom) and words (left to
/// right). A glyph drawn twice at the same place (fake bold) counts once.
pub(crate) fn lines(mut glyphs: Vec<Gl>) -> Vec<Line> {
    glyphs.sort_by(|a, b| a.yc().total_cmp(&b.yc()).then(a.x0.total_cmp(&b.x0)));
    let mut groups: Vec<Vec<Gl>> = Vec::new();
    let mut centre = 0.0;
    let mut size = 0.0;
    for g in glyphs {
        match groups.last_mut() {
            Some(cur) if (g.yc() - centre).abs() <= 0.35 * f64::max(size, g.size) => {
                cur.push(g);
                let n = cur.len() as f64;
                centre += (cur[cur.len() - 1].yc() - centre) / n;
            }
            _ => {
                centre = g.yc();
                size = g.size;
                groups.push(vec![g]);
            }
        }
    }
    groups.into_iter().filter_map(line_of).collect()
}

fn line_of(mut gs: Vec<Gl>) -> Option<Line> {
    gs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let y0 = gs.iter().map(|g| g.y0).fold(f64::MAX, f64::min);
    let y1 = gs.iter().map(|g| g.y1).fold(f64::MIN, f64::max);
    let mut sizes: Vec<f64> = gs.iter().map(|g| g.size).collect();
    sizes.sort_by(f64::total_cmp);
    let size = sizes.get(sizes.len() / 2).copied().unwrap_or(10.0);
    let mut words: Vec<Word> = Vec::new();
    let mut open = false;
    let mut last: Option<&Gl> = None;
    for g in &gs {
        if g.text.trim().is_empty() {
            open = false;
            continue;
        }
        if last.is_some_and(|p| {
            p.text == g.text && (p.x0 - g.x0).abs() < 0.1 * g.size && (p.yc() - g.yc()).abs() < 0.1 * g.size
        }) {
            continue;
        }
        last = Some(g);
        match words.last_mut() {
            Some(w) if open && g.x0 - w.x1 <= WORD_GAP * g.size.max(w.size) => {
                w.text.push_str(&g.text);
                w.x1 = w.x1.max(g.x1);
            }
            _ => words.push(Word { text: g.text.clone(), x0: g.x0, x1: g.x1, size: g.size }),
        }
        open = true;
    }
    for w in &mut words {
        w.text = clean(&w.text);
    }
    words.retain(|w| !w.text.is_empty());
    (!words.is_empty()).then_some(Line { words, y0, y1, size })
}

/// The text of glyphs in one cell: its lines joined with a space.
pub(crate) fn cell_text(glyphs: Vec<Gl>) -> String {
    let parts: Vec<String> = lines(glyphs).iter().map(Line::text).collect();
    // «STT» in a column too narrow for it is drawn «ST» over «T»: one word broken.
    if let [a, b] = parts.as_slice() {
        if broken_abbreviation(a, b) {
            return clean(&format!("{a}{b}"));
        }
    }
    clean(&parts.join(" "))
}

/// Two short runs of capitals, one over the other, the whole cell: an abbreviation («STT»,
/// «ĐVT») broken where the cell is too narrow for it.
fn broken_abbreviation(a: &str, b: &str) -> bool {
    let caps =
        |s: &str| (1..=3).contains(&s.chars().count()) && s.chars().all(|c| c.is_alphabetic() && c.is_uppercase());
    caps(a) && caps(b)
}
