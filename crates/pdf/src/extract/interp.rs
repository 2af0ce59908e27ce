//! A page's content stream run for what the layout stage needs: each glyph's box and
//! text (text state, text matrix, CTM) and the horizontal and vertical lines that paths
//! draw. Colours only as far as «white or not»; clipping, images and shadings ignored.

use std::collections::HashMap;
use std::rc::Rc;

use hayro_syntax::content::ops::TypedInstruction as Op;
use hayro_syntax::content::TypedIter;
use hayro_syntax::object::{Array, Dict, Name, Number, Object, ObjectIdentifier};
use hayro_syntax::page::Resources;

use super::font::Font;
use super::{limits, Budget};
use crate::page::{Glyph, Page, Segment};

/// An affine matrix `[a b c d e f]` as PDF writes it: `x' = a·x + c·y + e`.
pub(super) type Matrix = [f64; 6];

pub(super) const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` then `n`.
pub(super) fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn apply(m: &Matrix, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

/// A filled rectangle thinner than this (points) is a ruling line.
const THIN: f64 = 2.0;
/// How far from level (points) a line may be and still count as horizontal (vertical).
const SKEW: f64 = 0.5;

#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    scale: f64,
    leading: f64,
    rise: f64,
    fill_white: bool,
    stroke_white: bool,
}

/// One subpath, in page space: its points, each flagged whether a straight line reaches it.
#[derive(Default)]
struct Subpath {
    points: Vec<(f64, f64, bool)>,
    closed: bool,
}

/// Fonts already read: by object, and by resource name within the resources in use.
#[derive(Default)]
pub(super) struct FontCache {
    by_id: HashMap<ObjectIdentifier, Rc<Font>>,
}

/// The running of one page (with the forms it draws).
pub(super) struct Interp<'c> {
    pub page: Page,
    fonts: &'c mut FontCache,
    budget: &'c mut Budget,
    ops: usize,
    forms: usize,
    gs: State,
    stack: Vec<State>,
    tm: Matrix,
    tlm: Matrix,
    path: Vec<Subpath>,
    codes: Vec<(u32, u8)>,
}

impl<'c> Interp<'c> {
    pub(super) fn new(page: Page, ctm: Matrix, fonts: &'c mut FontCache, budget: &'c mut Budget) -> Self {
        let gs = State {
            ctm,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            fill_white: false,
            stroke_white: false,
        };
        Interp {
            page,
            fonts,
            budget,
            ops: 0,
            forms: 0,
            gs,
            stack: Vec::new(),
            tm: IDENTITY,
            tlm: IDENTITY,
            path: Vec::new(),
            codes: Vec::new(),
        }
    }

    /// Runs a content stream; `depth` counts the forms it is nested in.
    pub(super) fn run(&mut self, content: &[u8], resources: &Resources<'_>, depth: usize) {
        let mut local_fonts: HashMap<Vec<u8>, Option<Rc<Font>>> = HashMap::new();
        let mut ops = TypedIter::new(content);
        while let Some(op) = ops.next() {
            self.ops += 1;
            if self.ops > limits::MAX_OPERATORS_PER_PAGE {
                return;
            }
            match op {
                Op::TextFont(f) => {
                    let font = local_fonts.entry(f.0.to_vec()).or_insert_with(|| self.font(resources, f.0)).clone();
                    self.gs.font = font;
                    self.gs.size = f.1.as_f64();
                }
                Op::XObject(x) => self.form(resources, x.0, depth),
                op => {
                    if !self.text_op(&op) && !self.path_op(&op) {
                        self.state_op(&op);
                    }
                }
            }
        }
    }

    fn font(&mut self, resources: &Resources<'_>, name: &Name<'_>) -> Option<Rc<Font>> {
        let dict = resources.get_font(name)?;
        let id = dict.obj_id();
        if let Some(font) = id.and_then(|id| self.fonts.by_id.get(&id)) {
            return Some(font.clone());
        }
        let font = Rc::new(Font::load(&dict, self.budget));
        if let Some(id) = id {
            self.fonts.by_id.insert(id, font.clone());
        }
        Some(font)
    }

    /// A form XObject: its content with its matrix and resources; images are skipped.
    fn form(&mut self, resources: &Resources<'_>, name: &Name<'_>, depth: usize) {
        if depth >= limits::MAX_FORM_DEPTH || self.forms >= limits::MAX_FORMS_PER_PAGE {
            return;
        }
        let Some(stream) = resources.get_x_object(name) else { return };
        let dict = stream.dict();
        if dict.get::<Name<'_>>(b"Subtype").as_deref() != Some(b"Form".as_slice()) {
            return;
        }
        self.forms += 1;
        let Some(content) = self.budget.decode(&stream) else { return };
        let matrix = dict.get::<Array<'_>>(b"Matrix").and_then(|a| matrix(&a)).unwrap_or(IDENTITY);
        let saved = (self.gs.clone(), self.stack.len(), std::mem::take(&mut self.path));
        self.gs.ctm = mul(&matrix, &self.gs.ctm);
        match dict.get::<Dict<'_>>(b"Resources") {
            Some(own) => self.run(&content, &Resources::new(own), depth + 1),
            None => self.run(&content, resources, depth + 1),
        }
        self.gs = saved.0;
        self.stack.truncate(saved.1);
        self.path = saved.2;
    }

    /// The text operators; `false` for any other.
    fn text_op(&mut self, op: &Op<'_, '_>) -> bool {
        match op {
            Op::BeginText(_) => {
                self.tm = IDENTITY;
                self.tlm = IDENTITY;
            }
            Op::EndText(_) => {}
            Op::CharacterSpacing(n) => self.gs.char_spacing = n.0.as_f64(),
            Op::WordSpacing(n) => self.gs.word_spacing = n.0.as_f64(),
            Op::HorizontalScaling(n) => self.gs.scale = n.0.as_f64() / 100.0,
            Op::TextLeading(n) => self.gs.leading = n.0.as_f64(),
            Op::TextRise(n) => self.gs.rise = n.0.as_f64(),
            Op::NextLine(t) => self.next_line(t.0.as_f64(), t.1.as_f64()),
            Op::NextLineAndSetLeading(t) => {
                self.gs.leading = -t.1.as_f64();
                self.next_line(t.0.as_f64(), t.1.as_f64());
            }
            Op::SetTextMatrix(m) => {
                self.tlm = [m.0, m.1, m.2, m.3, m.4, m.5].map(|n: Number| n.as_f64());
                self.tm = self.tlm;
            }
            Op::NextLineUsingLeading(_) => self.next_line(0.0, -self.gs.leading),
            Op::ShowText(s) => self.show(s.0.as_bytes()),
            Op::NextLineAndShowText(s) => {
                self.next_line(0.0, -self.gs.leading);
                self.show(s.0.as_bytes());
            }
            Op::ShowTextWithParameters(s) => {
                self.gs.word_spacing = s.0.as_f64();
                self.gs.char_spacing = s.1.as_f64();
                self.next_line(0.0, -self.gs.leading);
                self.show(s.2.as_bytes());
            }
            Op::ShowTexts(a) => self.show_array(a.0),
            _ => return false,
        }
        true
    }

    fn next_line(&mut self, tx: f64, ty: f64) {
        self.tlm = mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], &self.tlm);
        self.tm = self.tlm;
    }

    fn show_array(&mut self, items: &Array<'_>) {
        for item in items.iter::<Object<'_>>() {
            match item {
                Object::String(s) => self.show(s.as_bytes()),
                Object::Number(n) => {
                    let tx = -n.as_f64() / 1000.0 * self.gs.size * self.gs.scale;
                    self.advance(tx);
                }
                _ => {}
            }
        }
    }

    fn advance(&mut self, tx: f64) {
        if tx.is_finite() {
            self.tm[4] += tx * self.tm[0];
            self.tm[5] += tx * self.tm[1];
        }
    }

    /// The glyphs of a string, each placed and the text matrix moved past it.
    fn show(&mut self, bytes: &[u8]) {
        let Some(font) = self.gs.font.clone() else { return };
        let mut codes = std::mem::take(&mut self.codes);
        font.codes(bytes, &mut codes);
        let gs = &self.gs;
        let size = gs.size;
        for &(code, len) in &codes {
            let w0 = font.width(code, len) * font.scale;
            if self.page.glyphs.len() < limits::MAX_GLYPHS_PER_PAGE {
                let trm = mul(&self.tm, &gs.ctm);
                let (x0, x1) = (0.0, w0 * size * gs.scale);
                let (y0, y1) = (font.descent * size + gs.rise, font.ascent * size + gs.rise);
                let corners = [(x0, y0), (x1, y0), (x0, y1), (x1, y1)].map(|(x, y)| apply(&trm, x, y));
                let (min_x, max_x) = min_max(corners.iter().map(|c| c.0));
                let (min_y, max_y) = min_max(corners.iter().map(|c| c.1));
                let shown_size = (trm[2] * size).hypot(trm[3] * size);
                if [min_x, max_x, min_y, max_y, shown_size].iter().all(|v| v.is_finite()) {
                    self.page.glyphs.push(Glyph {
                        text: font.text(code),
                        x0: min_x,
                        y0: min_y,
                        x1: max_x,
                        y1: max_y,
                        font: font.name.clone(),
                        size: shown_size,
                    });
                }
            }
            let spacing = gs.char_spacing + if font.is_word_space(code, len) { gs.word_spacing } else { 0.0 };
            let tx = (w0 * size + spacing) * gs.scale;
            self.tm[4] += tx * self.tm[0];
            self.tm[5] += tx * self.tm[1];
        }
        self.codes = codes;
    }

    /// Path construction and painting; `false` for any other operator.
    fn path_op(&mut self, op: &Op<'_, '_>) -> bool {
        match op {
            Op::MoveTo(p) => {
                let p = self.to_page(p.0.as_f64(), p.1.as_f64());
                self.path.push(Subpath { points: vec![(p.0, p.1, true)], closed: false });
            }
            Op::LineTo(p) => self.path_to(p.0.as_f64(), p.1.as_f64(), true),
            Op::CubicTo(c) => self.path_to(c.4.as_f64(), c.5.as_f64(), false),
            Op::CubicStartTo(c) => self.path_to(c.2.as_f64(), c.3.as_f64(), false),
            Op::CubicEndTo(c) => self.path_to(c.2.as_f64(), c.3.as_f64(), false),
            Op::ClosePath(_) => {
                if let Some(sub) = self.path.last_mut() {
                    sub.closed = true;
                }
            }
            Op::RectPath(r) => {
                let [x, y, w, h] = [r.0, r.1, r.2, r.3].map(|n: Number| n.as_f64());
                let points = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
                    .map(|(px, py)| self.to_page(px, py))
                    .map(|(px, py)| (px, py, true));
                self.path.push(Subpath { points: points.to_vec(), closed: true });
            }
            Op::StrokePath(_) => self.paint(false, true, false),
            Op::CloseAndStrokePath(_) => self.paint(false, true, true),
            Op::FillPathNonZero(_) | Op::FillPathNonZeroCompatibility(_) | Op::FillPathEvenOdd(_) => {
                self.paint(true, false, false)
            }
            Op::FillAndStrokeNonZero(_) | Op::FillAndStrokeEvenOdd(_) => self.paint(true, true, false),
            Op::CloseFillAndStrokeNonZero(_) | Op::CloseFillAndStrokeEvenOdd(_) => self.paint(true, true, true),
            Op::EndPath(_) => self.path.clear(),
            Op::ClipNonZero(_) | Op::ClipEvenOdd(_) => {}
            _ => return false,
        }
        true
    }

    fn to_page(&self, x: f64, y: f64) -> (f64, f64) {
        apply(&self.gs.ctm, x, y)
    }

    fn path_to(&mut self, x: f64, y: f64, line: bool) {
        let p = self.to_page(x, y);
        match self.path.last_mut() {
            Some(sub) if sub.points.len() < limits::MAX_PATH_POINTS => sub.points.push((p.0, p.1, line)),
            Some(_) => {}
            None => self.path.push(Subpath { points: vec![(p.0, p.1, true)], closed: false }),
        }
    }

    /// The current path painted: its straight level or upright edges if stroked, its thin
    /// rectangles if filled; then the path is gone.
    fn paint(&mut self, fill: bool, stroke: bool, close: bool) {
        let path = std::mem::take(&mut self.path);
        for sub in &path {
            if stroke && !self.gs.stroke_white {
                let n = sub.points.len();
                for i in 1..n {
                    if sub.points[i].2 {
                        self.segment(sub.points[i - 1], sub.points[i]);
                    }
                }
                if (close || sub.closed) && n > 2 {
                    self.segment(sub.points[n - 1], sub.points[0]);
                }
            }
            if fill && !self.gs.fill_white {
                if let Some((x0, y0, x1, y1)) = rectangle(sub) {
                    let (w, h) = (x1 - x0, y1 - y0);
                    if h < THIN && w >= THIN {
                        let y = (y0 + y1) / 2.0;
                        self.push_segment(Segment { x0, y0: y, x1, y1: y });
                    } else if w < THIN && h >= THIN {
                        let x = (x0 + x1) / 2.0;
                        self.push_segment(Segment { x0: x, y0, x1: x, y1 });
                    }
                }
            }
        }
    }

    fn segment(&mut self, a: (f64, f64, bool), b: (f64, f64, bool)) {
        let (dx, dy) = ((b.0 - a.0).abs(), (b.1 - a.1).abs());
        if dy <= SKEW && dx >= 1.0 {
            let y = (a.1 + b.1) / 2.0;
            self.push_segment(Segment { x0: a.0.min(b.0), y0: y, x1: a.0.max(b.0), y1: y });
        } else if dx <= SKEW && dy >= 1.0 {
            let x = (a.0 + b.0) / 2.0;
            self.push_segment(Segment { x0: x, y0: a.1.min(b.1), x1: x, y1: a.1.max(b.1) });
        }
    }

    fn push_segment(&mut self, s: Segment) {
        let finite = [s.x0, s.y0, s.x1, s.y1].iter().all(|v| v.is_finite());
        if finite && self.page.lines.len() < limits::MAX_SEGMENTS_PER_PAGE {
            self.page.lines.push(s);
        }
    }

    /// Graphics state: save and restore, the CTM, colours.
    fn state_op(&mut self, op: &Op<'_, '_>) {
        match op {
            Op::SaveState(_) if self.stack.len() < limits::MAX_STATE_DEPTH => self.stack.push(self.gs.clone()),
            Op::RestoreState(_) => {
                if let Some(gs) = self.stack.pop() {
                    self.gs = gs;
                }
            }
            Op::Transform(t) => {
                let m = [t.0, t.1, t.2, t.3, t.4, t.5].map(|n: Number| n.as_f64());
                if m.iter().all(|v| v.is_finite()) {
                    self.gs.ctm = mul(&m, &self.gs.ctm);
                }
            }
            Op::NonStrokeColorDeviceGray(g) => self.gs.fill_white = white(&[g.0]),
            Op::StrokeColorDeviceGray(g) => self.gs.stroke_white = white(&[g.0]),
            Op::NonStrokeColorDeviceRgb(c) => self.gs.fill_white = white(&[c.0, c.1, c.2]),
            Op::StrokeColorDeviceRgb(c) => self.gs.stroke_white = white(&[c.0, c.1, c.2]),
            Op::NonStrokeColorCmyk(c) => self.gs.fill_white = white_cmyk(&[c.0, c.1, c.2, c.3]),
            Op::StrokeColorCmyk(c) => self.gs.stroke_white = white_cmyk(&[c.0, c.1, c.2, c.3]),
            Op::NonStrokeColor(c) => self.gs.fill_white = components_white(&c.0),
            Op::StrokeColor(c) => self.gs.stroke_white = components_white(&c.0),
            Op::ColorSpaceNonStroke(_) => self.gs.fill_white = false,
            Op::ColorSpaceStroke(_) => self.gs.stroke_white = false,
            _ => {}
        }
    }
}

fn matrix(a: &Array<'_>) -> Option<Matrix> {
    let v: Vec<f64> = a.iter::<f64>().take(6).collect();
    let m: Matrix = v.try_into().ok()?;
    m.iter().all(|x| x.is_finite()).then_some(m)
}

fn min_max(values: impl Iterator<Item = f64>) -> (f64, f64) {
    values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)))
}

/// A subpath that is an upright rectangle (from `re`, or four straight level and upright
/// edges): its box.
fn rectangle(sub: &Subpath) -> Option<(f64, f64, f64, f64)> {
    let mut pts: Vec<(f64, f64)> = sub.points.iter().map(|p| (p.0, p.1)).collect();
    if pts.len() == 5 && (pts[4].0 - pts[0].0).abs() <= SKEW && (pts[4].1 - pts[0].1).abs() <= SKEW {
        pts.pop();
    }
    if pts.len() != 4 || !sub.points.iter().all(|p| p.2) {
        return None;
    }
    let upright = (0..4).all(|i| {
        let (a, b) = (pts[i], pts[(i + 1) % 4]);
        (a.0 - b.0).abs() <= SKEW || (a.1 - b.1).abs() <= SKEW
    });
    let (x0, x1) = min_max(pts.iter().map(|p| p.0));
    let (y0, y1) = min_max(pts.iter().map(|p| p.1));
    upright.then_some((x0, y0, x1, y1))
}

fn white(components: &[Number]) -> bool {
    components.iter().all(|c| c.as_f64() >= 0.95)
}

fn white_cmyk(components: &[Number]) -> bool {
    components.iter().all(|c| c.as_f64() <= 0.05)
}

/// `sc`/`scn` with one (gray) or three (RGB) components; four (CMYK) read as CMYK.
fn components_white(components: &[Number]) -> bool {
    match components.len() {
        1 | 3 => white(components),
        4 => white_cmyk(components),
        _ => false,
    }
}
