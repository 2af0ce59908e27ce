//! What the extraction stage gives the layout stage: each page's glyphs and ruling lines,
//! in points, with the origin at the page's top left and y growing downwards.

/// One page of a PDF.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// 1-based, as a PDF reader shows it.
    pub number: usize,
    pub width: f64,
    pub height: f64,
    pub glyphs: Vec<Glyph>,
    /// Ruling lines: stroked paths, and thin filled rectangles (Office's borders), each as a
    /// horizontal or vertical segment.
    pub lines: Vec<Segment>,
}

/// One glyph as drawn: its text (what the font's ToUnicode or encoding says, not yet
/// decoded from a legacy Vietnamese font) and its box.
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    pub text: String,
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
    /// The font's base name without a subset prefix (`ABCDEF+`): `.VnTime`, `VNI-Times`,
    /// `TimesNewRomanPSMT`.
    pub font: String,
    pub size: f64,
}

/// A ruling line from (x0, y0) to (x1, y1): horizontal (y0 == y1) or vertical (x0 == x1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}
