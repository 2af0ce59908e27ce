//! Charts: functions generic over a plotters [`DrawingBackend`](plotters::prelude::DrawingBackend), so the same drawing goes
//! to the page's canvas, to SVG for export and to native snapshot tests.

pub mod bump;
pub mod comparison;
pub mod ranking;
pub mod spec;
pub mod targets;
pub mod tilemap;
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

/// The label of a period axis segment (trend and bump charts).
pub fn period_label(periods: &[String], v: &plotters::coord::ranged1d::SegmentValue<i32>) -> String {
    use plotters::coord::ranged1d::SegmentValue;
    match v {
        SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => periods.get(*i as usize).cloned().unwrap_or_default(),
        SegmentValue::Last => String::new(),
    }
}

/// Decimals for the labels of a value axis from `lo` to `hi` with about `labels` ticks: as
/// many as the ticks' step needs (a step of 0.5 needs one), so that no two ticks read the
/// same (a ranking of communes between 94.8 and 95 read "94 94 95 96" with none). At most
/// three.
pub fn tick_decimals(lo: f64, hi: f64, labels: usize) -> usize {
    // (plotters counts the ticks inside the range: its step can be as small as the range
    // over one tick more.)
    let raw = (hi - lo).abs() / (labels + 1) as f64;
    if !(raw.is_finite() && raw > 0.0) {
        return 0;
    }
    // The axis steps by 1, 2 or 5 times a power of ten, at least `raw`.
    let power = 10f64.powf(raw.log10().floor());
    let step =
        [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * power).find(|s| *s >= raw * (1.0 - 1e-9)).unwrap_or(power * 10.0);
    (-step.log10().floor()).clamp(0.0, 3.0) as usize
}

/// Label positions for values sorted ascending, pushed apart so that neighbours are at
/// least `gap` apart (end labels of the trend and bump charts).
pub fn dodge(sorted: impl Iterator<Item = f64>, gap: f64) -> Vec<f64> {
    let mut placed: Vec<f64> = Vec::new();
    for v in sorted {
        let y = placed.last().map_or(v, |p| v.max(p + gap));
        placed.push(y);
    }
    placed
}

/// A point of a chart in backend pixels, with the exact value to show when hovered.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub x: i32,
    pub y: i32,
    pub label: String,
}

/// The hit nearest to a pixel, within `radius` pixels.
pub fn nearest(hits: &[Hit], x: i32, y: i32, radius: i32) -> Option<&Hit> {
    let d = |h: &Hit| ((h.x - x) as i64).pow(2) + ((h.y - y) as i64).pow(2);
    hits.iter().filter(|h| d(h) <= (radius as i64).pow(2)).min_by_key(|h| d(h))
}

/// Renders a chart to an SVG string.
pub fn to_svg<R>(
    size: (u32, u32),
    draw: impl FnOnce(plotters::drawing::DrawingArea<plotters::backend::SVGBackend, plotters::coord::Shift>) -> R,
) -> String {
    let mut out = String::new();
    {
        let root = plotters::drawing::IntoDrawingArea::into_drawing_area(plotters::backend::SVGBackend::with_string(
            &mut out, size,
        ));
        // What `draw` returns (plotters' result of its last step) is for the caller to use
        // inside it: the SVG drawn so far is the answer either way.
        let _ = draw(root);
    }
    out
}
