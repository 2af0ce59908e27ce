//! The ranking chart: one horizontal bar per unit, rank 1 at the top, "my unit" marked.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::charts::{BAR, FONT, GRID, HIGHLIGHT, INK};
use crate::core::analyse::RankingView;
use crate::core::Lang;

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
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale).round() as u32;
    root.fill(&WHITE)?;
    let rows: Vec<_> = view.rows.iter().filter(|r| r.value.is_some()).collect();
    let n = rows.len().max(1) as i32;
    let max = rows.iter().filter_map(|r| r.value).fold(0.0_f64, f64::max);
    let xmax = if max <= 0.0 { 1.0 } else { max * 1.08 };
    let label = |i: i32| -> String {
        // Index 0 is drawn at the bottom, so the first row (rank 1) takes the top index.
        let k = (n - 1 - i) as usize;
        rows.get(k).map_or(String::new(), |r| match r.rank {
            Some(rank) => format!("{rank}. {}", r.unit),
            None => r.unit.clone(),
        })
    };
    let mut chart = ChartBuilder::on(root)
        .margin(px(8.0))
        .x_label_area_size(px(28.0))
        .y_label_area_size(px(190.0))
        .build_cartesian_2d(0.0..xmax, (0..n).into_segmented())?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(GRID)
        .bold_line_style(GRID)
        .y_labels(n as usize)
        .y_label_style((FONT, 12.0 * scale).into_font().color(&INK))
        .x_label_style((FONT, 12.0 * scale).into_font().color(&INK))
        .y_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) => label(*i),
            _ => String::new(),
        })
        .x_label_formatter(&|v| lang.num(*v, 0))
        .draw()?;
    chart.draw_series(rows.iter().enumerate().map(|(k, r)| {
        let i = n - 1 - k as i32;
        let mine = my_unit == Some(r.unit.as_str());
        let color = if mine { HIGHLIGHT } else { BAR };
        let v = r.value.unwrap_or(0.0);
        let mut bar = Rectangle::new([(0.0, SegmentValue::Exact(i)), (v, SegmentValue::Exact(i + 1))], color.filled());
        bar.set_margin(px(2.0), px(2.0), 0, 0);
        bar
    }))?;
    chart.draw_series(rows.iter().enumerate().map(|(k, r)| {
        let i = n - 1 - k as i32;
        let v = r.value.unwrap_or(0.0);
        Text::new(lang.num(v, 2), (v, SegmentValue::CenterOf(i)), (FONT, 11.0 * scale).into_font().color(&INK).pos(Pos::new(HPos::Left, VPos::Center)))
    }))?;
    root.present()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::to_svg;
    use crate::core::analyse::RankRow;

    fn row(unit: &str, rank: u32, value: Option<f64>) -> RankRow {
        RankRow { unit: unit.into(), group: String::new(), rank: Some(rank), value, rank_change: None, value_change: None }
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
        // Two bars: one the bar colour, one the highlight colour.
        assert_eq!(svg.matches("fill=\"#2B6CB0\"").count(), 1, "{svg}");
        assert_eq!(svg.matches("fill=\"#D9481B\"").count(), 1);
    }

    #[test]
    fn english_numbers() {
        let view = RankingView { rows: vec![row("Hà Nội", 1, Some(85.43))], ..Default::default() };
        let svg = to_svg((600, 200), |root| draw(&root, &view, None, Lang::En, 1.0).unwrap());
        assert!(svg.contains("85.43"));
    }
}
