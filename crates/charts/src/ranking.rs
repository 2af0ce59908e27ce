//! The ranking chart: one horizontal bar per unit, rank 1 at the top, "my unit" marked.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::{Hit, BAR, FONT, GRID, HIGHLIGHT, INK};
use chiso_core::analyse::RankingView;
use chiso_core::Lang;

/// The value axis: from a round number below the lowest value to a little above the highest.
pub fn x_range(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    let span = (hi - lo).max(hi.abs() * 0.05).max(1e-9);
    let step = 10f64.powf((span / 2.0).log10().floor());
    let lo = ((lo - span * 0.1) / step).floor() * step;
    (lo, hi + span * 0.12)
}

/// Pixels per bar; the caller sizes the drawing area by [`height_for`].
pub const ROW: u32 = 18;

/// The height in CSS pixels that gives every bar [`ROW`] pixels.
pub fn height_for(view: &RankingView) -> u32 {
    let n = view.rows.iter().filter(|r| r.value.is_some()).count().max(1) as u32;
    n * ROW + 60
}

/// Draws the bars of every unit with a value, in the view's order. `scale` is device
/// pixels per CSS pixel (the canvas's devicePixelRatio; 1 for SVG).
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &RankingView,
    my_unit: Option<&str>,
    lang: Lang,
    scale: f64,
) -> Result<Vec<Hit>, DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale).round() as u32;
    root.fill(&WHITE)?;
    let rows: Vec<_> = view.rows.iter().filter(|r| r.value.is_some()).collect();
    let n = rows.len().max(1) as i32;
    let (lo, hi) = x_range(rows.iter().filter_map(|r| r.value));
    let label = |i: i32| -> String {
        // Index 0 is drawn at the bottom, so the first row (rank 1) takes the top index.
        let k = (n - 1 - i) as usize;
        rows.get(k).map_or(String::new(), |r| match r.rank {
            Some(rank) => format!("{rank}. {}", r.unit),
            None => r.unit.to_string(),
        })
    };
    let decimals = crate::tick_decimals(lo, hi, 6);
    let mut chart = ChartBuilder::on(root)
        .margin(px(8.0))
        .margin_right(px(40.0))
        .x_label_area_size(px(28.0))
        .y_label_area_size(px(190.0))
        .build_cartesian_2d(lo..hi, (0..n).into_segmented())?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID)
        .x_labels(6)
        .y_labels(n as usize)
        .y_label_style((FONT, 12.0 * scale).into_font().color(&INK))
        .x_label_style((FONT, 12.0 * scale).into_font().color(&INK))
        .y_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) => label(*i),
            _ => String::new(),
        })
        .x_label_formatter(&|v| lang.num(*v, decimals))
        .draw()?;
    // A dot plot: the axis does not start at zero, so no bar suggests a length.
    chart.draw_series(rows.iter().enumerate().map(|(k, r)| {
        let i = n - 1 - k as i32;
        let v = r.value.unwrap_or(lo);
        PathElement::new(
            vec![(lo, SegmentValue::CenterOf(i)), (v, SegmentValue::CenterOf(i))],
            GRID.stroke_width(px(2.0)),
        )
    }))?;
    chart.draw_series(rows.iter().enumerate().map(|(k, r)| {
        let i = n - 1 - k as i32;
        let mine = my_unit == Some(r.unit.as_str());
        let color = if mine { HIGHLIGHT } else { BAR };
        Circle::new(
            (r.value.unwrap_or(lo), SegmentValue::CenterOf(i)),
            px(if mine { 6.0 } else { 4.5 }),
            color.filled(),
        )
    }))?;
    chart.draw_series(rows.iter().enumerate().map(|(k, r)| {
        let i = n - 1 - k as i32;
        let v = r.value.unwrap_or(lo);
        let style = (FONT, 11.0 * scale).into_font().color(&INK).pos(Pos::new(HPos::Left, VPos::Center));
        Text::new(format!(" {}", lang.num(v, 2)), (v, SegmentValue::CenterOf(i)), style)
    }))?;
    let hits = rows
        .iter()
        .enumerate()
        .filter_map(|(k, r)| {
            let (x, y) = chart.backend_coord(&(r.value?, SegmentValue::CenterOf(n - 1 - k as i32)));
            let rank = r.rank.map(|x| format!("{x}. ")).unwrap_or_default();
            Some(Hit { x, y, label: format!("{rank}{}: {}", r.unit, lang.num(r.value?, 2)) })
        })
        .collect();
    root.present()?;
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::to_svg;
    use chiso_core::analyse::RankRow;

    fn row(unit: &str, rank: u32, value: Option<f64>) -> RankRow {
        RankRow {
            unit: unit.into(),
            group: Default::default(),
            rank: Some(rank),
            value,
            rank_change: None,
            value_change: None,
        }
    }

    #[test]
    fn one_bar_per_unit_with_a_value() {
        let view = RankingView {
            rows: vec![row("Hải Phòng", 1, Some(88.1)), row("Hà Nội", 2, Some(85.43)), row("Huế", 3, None)],
            ..Default::default()
        };
        let svg = to_svg((600, height_for(&view)), |root| draw(&root, &view, Some("Hà Nội"), Lang::Vi, 1.0).unwrap());
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("1. Hải Phòng"), "{svg}");
        assert!(svg.contains("2. Hà Nội"));
        assert!(!svg.contains("Huế"));
        assert!(svg.contains("85,43"));
        // Two dots: one in the mark colour, one in the highlight colour.
        assert_eq!(svg.matches("<circle").count(), 2, "{svg}");
        assert_eq!(svg.matches("fill=\"#2B6CB0\"").count(), 1, "{svg}");
        assert_eq!(svg.matches("fill=\"#D9481B\"").count(), 1);
    }

    #[test]
    fn the_axis_starts_below_the_lowest_value() {
        let (lo, hi) = x_range([72.4, 88.1, 90.2].into_iter());
        assert!(lo < 72.4 && lo > 60.0, "{lo}");
        assert!(hi > 90.2 && hi < 95.0, "{hi}");
        assert_eq!(x_range(std::iter::empty()), (0.0, 1.0));
        let (lo, hi) = x_range([5.0].into_iter());
        assert!(lo < 5.0 && hi > 5.0);
    }

    #[test]
    fn axis_labels_of_a_narrow_range_differ() {
        // Thirty communes between 94.78 and 94.99: ticks half a point apart or closer.
        let rows = (0..30).map(|i| row(&format!("Xã số {i:05}"), 1, Some(94.78 + 0.007 * i as f64))).collect();
        let view = RankingView { rows, ..Default::default() };
        let svg = to_svg((600, height_for(&view)), |root| draw(&root, &view, None, Lang::Vi, 1.0).unwrap());
        // The axis labels: the texts that are numbers alone (the dots' labels have 2 decimals).
        let ticks: Vec<&str> = svg
            .split("</text>")
            .filter_map(|t| t.rsplit('>').next().map(str::trim))
            .filter(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c == ','))
            .filter(|t| t.split(',').nth(1).is_none_or(|d| d.len() < 2))
            .collect();
        assert!(ticks.len() >= 3, "{ticks:?} {svg}");
        let mut distinct = ticks.clone();
        distinct.dedup();
        assert_eq!(distinct, ticks, "{svg}");
        assert!(ticks.iter().any(|t| t.contains(',')), "{ticks:?}");
    }

    #[test]
    fn tick_decimals_follow_the_step() {
        assert_eq!(crate::tick_decimals(0.0, 100.0, 6), 0);
        assert_eq!(crate::tick_decimals(94.0, 96.0, 6), 1);
        assert_eq!(crate::tick_decimals(94.7, 95.0, 6), 2);
        assert_eq!(crate::tick_decimals(0.0, 6.0, 6), 0);
        assert_eq!(crate::tick_decimals(1.0, 1.0, 6), 0);
        // A range not on the steps: ticks 0.5 apart (44, 44.5, 45, ... 46).
        assert_eq!(crate::tick_decimals(43.23, 46.27, 6), 1);
        assert_eq!(crate::tick_decimals(96.0, 94.0, 6), 1);
        assert_eq!(crate::tick_decimals(f64::NAN, 1.0, 6), 0);
        assert_eq!(crate::tick_decimals(0.0, f64::INFINITY, 6), 0);
        assert_eq!(crate::tick_decimals(0.0, 1.0, 0), 0);
        assert_eq!(crate::tick_decimals(0.0, 1e-9, 6), 3);
    }

    #[test]
    fn english_numbers() {
        let view = RankingView { rows: vec![row("Hà Nội", 1, Some(85.43))], ..Default::default() };
        let svg = to_svg((600, 200), |root| draw(&root, &view, None, Lang::En, 1.0).unwrap());
        assert!(svg.contains("85.43"));
    }
}
