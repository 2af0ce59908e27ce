//! A unit against its peer group, per component: the unit, the mean, the median and the
//! best, as a share of the component's scale (its maximum where known), one row each.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::{Hit, BAR, FONT, GRID, HIGHLIGHT, INK};
use chiso_core::analyse::ComparisonView;
use chiso_core::Lang;

pub const ROW: u32 = 34;

pub fn height_for(view: &ComparisonView) -> u32 {
    (view.components.len().max(1) as u32 + LEGEND_ROWS as u32) * ROW + 100
}

/// Empty rows at the foot of the chart where the legend goes.
const LEGEND_ROWS: i32 = 3;

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
) -> Result<Vec<Hit>, DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale).round() as u32;
    root.fill(&WHITE)?;
    let n = view.components.len().max(1) as i32;
    let unit = view.focus.clone().unwrap_or_default();
    // Each mark as a share of the component's scale; the axis starts below the lowest.
    let pct = |k: usize, v: Option<f64>| {
        let max = view.peers.get(k)?.max_seen.filter(|m| *m > 0.0)?;
        v.map(|v| (v / max * 100.0).clamp(0.0, 105.0))
    };
    let marks = |f: &dyn Fn(usize) -> Option<f64>| -> Vec<(usize, f64)> {
        (0..view.peers.len()).filter_map(|k| pct(k, f(k)).map(|v| (k, v))).collect()
    };
    let units = marks(&|k| view.focus_values.get(k).copied().flatten());
    let means = marks(&|k| view.peers[k].mean);
    let medians = marks(&|k| view.peers[k].median);
    let bests = marks(&|k| view.peers[k].best);
    let all = units.iter().chain(&means).chain(&medians).chain(&bests).map(|(_, v)| *v);
    let lo = (all.fold(100.0_f64, f64::min) / 10.0).floor() * 10.0 - 5.0;
    let lo = lo.clamp(0.0, 90.0);
    let mut chart = ChartBuilder::on(root)
        .margin(px(10.0))
        .margin_right(px(20.0))
        .x_label_area_size(px(40.0))
        .y_label_area_size(px(200.0))
        .build_cartesian_2d(lo..105.0, (0..n + LEGEND_ROWS).into_segmented())?;
    // The bottom rows are left empty for the legend, so that it covers no mark.
    let name = |i: i32| {
        if i < LEGEND_ROWS {
            return String::new();
        }
        view.components.get((n - 1 - (i - LEGEND_ROWS)) as usize).cloned().unwrap_or_default()
    };
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID)
        .y_labels((n + LEGEND_ROWS) as usize)
        .x_labels(8)
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
    let y = |k: usize| SegmentValue::CenterOf(n - 1 - k as i32 + LEGEND_ROWS);
    let [l_unit, l_mean, l_median, l_best] = legend(lang, &unit);
    let r = px(6.0);
    chart
        .draw_series(bests.iter().map(|(k, v)| Cross::new((*v, y(*k)), r, BEST.stroke_width(px(2.0)))))?
        .label(l_best)
        .legend(move |(x, y)| Cross::new((x, y), r, BEST.stroke_width(2)));
    chart
        .draw_series(medians.iter().map(|(k, v)| {
            let i = n - 1 - *k as i32 + LEGEND_ROWS;
            let mut bar = Rectangle::new(
                [(*v - 0.4, SegmentValue::Exact(i)), (*v + 0.4, SegmentValue::Exact(i + 1))],
                MEDIAN.filled(),
            );
            bar.set_margin(px(6.0), px(6.0), 0, 0);
            bar
        }))?
        .label(l_median)
        .legend(move |(x, y)| Rectangle::new([(x - 1, y - r as i32), (x + 1, y + r as i32)], MEDIAN.filled()));
    chart
        .draw_series(means.iter().map(|(k, v)| TriangleMarker::new((*v, y(*k)), r, MEAN.filled())))?
        .label(l_mean)
        .legend(move |(x, y)| TriangleMarker::new((x, y), r, MEAN.filled()));
    chart
        .draw_series(units.iter().map(|(k, v)| Circle::new((*v, y(*k)), r, HIGHLIGHT.filled())))?
        .label(l_unit)
        .legend(move |(x, y)| Circle::new((x, y), r, HIGHLIGHT.filled()));
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::LowerLeft)
        .background_style(WHITE.mix(0.9))
        .border_style(GRID)
        .label_font((FONT, 12.0 * scale).into_font().color(&INK))
        .draw()?;
    let mut hits = Vec::new();
    let raw = |k: usize, which: usize| match which {
        0 => view.focus_values.get(k).copied().flatten(),
        1 => view.peers[k].mean,
        2 => view.peers[k].median,
        _ => view.peers[k].best,
    };
    let names = legend(lang, &unit);
    for (which, marks) in [&units, &means, &medians, &bests].iter().enumerate() {
        for (k, pctv) in marks.iter() {
            let (x, y) = chart.backend_coord(&(*pctv, y(*k)));
            let v = raw(*k, which).unwrap_or_default();
            let label =
                format!("{} — {}: {} ({}%)", view.components[*k], names[which], lang.num(v, 2), lang.num(*pctv, 0));
            hits.push(Hit { x, y, label });
        }
    }
    root.present()?;
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::to_svg;
    use chiso_core::analyse::comparison::PeerStats;

    #[test]
    fn one_row_of_marks_per_component() {
        let peers = ["TTHC", "Thể chế", "Tài chính công"]
            .iter()
            .map(|c| PeerStats {
                component: c.to_string(),
                mean: Some(6.0),
                median: Some(6.5),
                best: Some(9.0),
                max_seen: Some(10.0),
            })
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
        assert_eq!(
            svg.matches("<circle").count(),
            2 + 1,
            "the unit's dots (none where it has no value) and its legend mark"
        );
        assert!(svg.contains("Tài chính công"));
        assert!(svg.contains("Trung bình nhóm"));
        assert!(svg.contains("Hà Nội"));
    }
}
