//! A unit against its peer group, per component: the unit, the mean, the median and the
//! best, as a share of the component's scale (its maximum where known), one row each.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::charts::{BAR, FONT, GRID, HIGHLIGHT, INK};
use crate::core::analyse::ComparisonView;
use crate::core::Lang;

pub const ROW: u32 = 34;

pub fn height_for(view: &ComparisonView) -> u32 {
    view.components.len().max(1) as u32 * ROW + 90
}

pub const MEAN: RGBColor = BAR;
pub const MEDIAN: RGBColor = RGBColor(0x6b, 0x72, 0x80);
pub const BEST: RGBColor = RGBColor(0x1b, 0x7a, 0x3a);

/// Legend labels, in the order of the marks.
pub fn legend(lang: Lang, unit: &str) -> [String; 4] {
    match lang {
        Lang::Vi => [unit.to_string(), "Trung bình nhóm".into(), "Trung vị nhóm".into(), "Cao nhất nhóm".into()],
        Lang::En => [unit.to_string(), "Group mean".into(), "Group median".into(), "Group best".into()],
    }
}

pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &ComparisonView,
    lang: Lang,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale).round() as u32;
    root.fill(&WHITE)?;
    let n = view.components.len().max(1) as i32;
    let unit = view.focus.clone().unwrap_or_default();
    let mut chart = ChartBuilder::on(root)
        .margin(px(10.0))
        .margin_right(px(20.0))
        .caption(legend(lang, &unit).join("  ·  "), (FONT, 12.0 * scale).into_font().color(&INK))
        .x_label_area_size(px(30.0))
        .y_label_area_size(px(200.0))
        .build_cartesian_2d(0.0..105.0, (0..n).into_segmented())?;
    let name = |i: i32| view.components.get((n - 1 - i) as usize).cloned().unwrap_or_default();
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID)
        .y_labels(n as usize)
        .x_labels(6)
        .y_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) => name(*i),
            _ => String::new(),
        })
        .x_label_formatter(&|v| format!("{}%", lang.num(*v, 0)))
        .x_desc(match lang {
            Lang::Vi => "% điểm tối đa của chỉ số thành phần",
            Lang::En => "% of the component's maximum",
        })
        .label_style((FONT, 12.0 * scale).into_font().color(&INK))
        .draw()?;
    for (k, p) in view.peers.iter().enumerate() {
        let i = n - 1 - k as i32;
        let Some(max) = p.max_seen.filter(|m| *m > 0.0) else { continue };
        let pct = |v: Option<f64>| v.map(|v| (v / max * 100.0).clamp(0.0, 105.0));
        let y = SegmentValue::CenterOf(i);
        if let Some(v) = pct(p.best) {
            chart.draw_series(std::iter::once(Cross::new((v, y.clone()), px(5.0), BEST.stroke_width(px(2.0)))))?;
        }
        if let Some(v) = pct(p.median) {
            chart.draw_series(std::iter::once(Rectangle::new(
                [(v - 0.6, SegmentValue::Exact(i)), (v + 0.6, SegmentValue::Exact(i + 1))],
                MEDIAN.filled(),
            )))?;
        }
        if let Some(v) = pct(p.mean) {
            chart.draw_series(std::iter::once(TriangleMarker::new((v, y.clone()), px(6.0), MEAN.filled())))?;
        }
        if let Some(v) = pct(view.focus_values.get(k).copied().flatten()) {
            chart.draw_series(std::iter::once(Circle::new((v, y.clone()), px(6.0), HIGHLIGHT.filled())))?;
        }
    }
    root.present()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::to_svg;
    use crate::core::analyse::comparison::PeerStats;

    #[test]
    fn one_row_of_marks_per_component() {
        let peers = ["TTHC", "Thể chế", "Tài chính công"]
            .iter()
            .map(|c| PeerStats { component: c.to_string(), mean: Some(6.0), median: Some(6.5), best: Some(9.0), max_seen: Some(10.0) })
            .collect();
        let view = ComparisonView {
            period: "2023".into(),
            components: vec!["TTHC".into(), "Thể chế".into(), "Tài chính công".into()],
            focus: Some("Hà Nội".into()),
            focus_values: vec![Some(7.0), None, Some(5.0)],
            peers,
            ..Default::default()
        };
        let svg = to_svg((700, height_for(&view)), |root| draw(&root, &view, Lang::Vi, 1.0).unwrap());
        assert_eq!(svg.matches("<circle").count(), 2, "the unit's dots, none where it has no value");
        assert!(svg.contains("Tài chính công"));
        assert!(svg.contains("Trung bình nhóm"));
        assert!(svg.contains("Hà Nội"));
    }
}
