//! Charts: functions generic over a plotters [`DrawingBackend`], so the same drawing goes
//! to the page's canvas, to SVG for export and to native snapshot tests.

pub mod ranking;

use plotters::style::RGBColor;

pub const INK: RGBColor = RGBColor(0x1f, 0x29, 0x37);
pub const BAR: RGBColor = RGBColor(0x2b, 0x6c, 0xb0);
pub const HIGHLIGHT: RGBColor = RGBColor(0xd9, 0x48, 0x1b);
pub const GRID: RGBColor = RGBColor(0xe5, 0xe7, 0xeb);
pub const FONT: &str = "Noto Sans";

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
