//! Charts: functions generic over a plotters [`DrawingBackend`], so the same drawing goes
//! to the page's canvas, to SVG for export and to native snapshot tests.

pub mod bump;
pub mod comparison;
pub mod ranking;
pub mod spec;
pub mod targets;
pub mod trend;

use plotters::style::RGBColor;

pub const INK: RGBColor = RGBColor(0x1f, 0x29, 0x37);
pub const BAR: RGBColor = RGBColor(0x2b, 0x6c, 0xb0);
pub const HIGHLIGHT: RGBColor = RGBColor(0xd9, 0x48, 0x1b);
pub const GRID: RGBColor = RGBColor(0xe5, 0xe7, 0xeb);
pub const FONT: &str = "Noto Sans";

/// Colour-blind-safe series colours (Okabe–Ito); "my unit" always in the highlight colour.
pub const PALETTE: [RGBColor; 7] = [
    RGBColor(0x00, 0x72, 0xb2),
    RGBColor(0x00, 0x9e, 0x73),
    RGBColor(0xcc, 0x79, 0xa7),
    RGBColor(0x56, 0xb4, 0xe9),
    RGBColor(0xe6, 0x9f, 0x00),
    RGBColor(0x6b, 0x72, 0x80),
    RGBColor(0x99, 0x44, 0x55),
];

pub fn series_color(k: usize, mine: bool) -> RGBColor {
    if mine {
        HIGHLIGHT
    } else {
        PALETTE[k % PALETTE.len()]
    }
}

/// Renders a chart to an SVG string.
pub fn to_svg(
    size: (u32, u32),
    draw: impl FnOnce(plotters::drawing::DrawingArea<plotters::backend::SVGBackend, plotters::coord::Shift>),
) -> String {
    let mut out = String::new();
    {
        let root = plotters::drawing::IntoDrawingArea::into_drawing_area(plotters::backend::SVGBackend::with_string(
            &mut out, size,
        ));
        draw(root);
    }
    out
}
