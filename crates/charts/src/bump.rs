//! The rank bump chart: rank 1 at the top, one line per unit across the periods.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::{period_label, series_color, Hit, FONT, GRID, INK};
use chiso_core::analyse::TrendView;

/// The ranks to show: from the best to the worst rank the units shown reach, with a
/// margin of a tenth of that span (at least one rank), within 1 and the ranking's depth.
pub fn rank_window(view: &TrendView) -> (f64, f64) {
    let ranks: Vec<u32> = view.series.iter().flat_map(|s| s.ranks.iter().flatten().copied()).collect();
    let depth = view.max_rank.max(1);
    let (Some(lo), Some(hi)) = (ranks.iter().min(), ranks.iter().max()) else { return (1.0, depth as f64) };
    let margin = ((hi - lo) / 10).max(1);
    (lo.saturating_sub(margin).max(1) as f64, (hi + margin).min(depth.max(*hi)) as f64)
}

pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &TrendView,
    my_unit: Option<&str>,
    scale: f64,
) -> Result<Vec<Hit>, DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale).round() as u32;
    root.fill(&WHITE)?;
    let n = view.periods.len().max(1) as i32;
    let (top, bottom) = rank_window(view);
    // The y axis runs from the lowest rank shown (bottom) up to the highest (top): zoomed
    // to the ranks of the units shown, with a margin, not the whole depth of the ranking.
    let mut chart = ChartBuilder::on(root)
        .margin(px(10.0))
        .margin_right(px(150.0))
        .x_label_area_size(px(30.0))
        .y_label_area_size(px(40.0))
        .build_cartesian_2d((0..n - 1).into_segmented(), (bottom + 0.5)..(top - 0.5))?;
    chart
        .configure_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID)
        .x_labels(n as usize)
        .y_labels(10)
        .x_label_formatter(&|v| period_label(&view.periods, v))
        .y_label_formatter(&|v| if v.fract() == 0.0 { format!("{v:.0}") } else { String::new() })
        .label_style((FONT, 12.0 * scale).into_font().color(&INK))
        .draw()?;
    for (k, s) in view.series.iter().enumerate() {
        let mine = my_unit == Some(s.unit.as_str());
        let color = series_color(k, mine);
        let pts: Vec<(SegmentValue<i32>, f64)> = s
            .ranks
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.map(|r| (SegmentValue::CenterOf(i as i32), r as f64)))
            .collect();
        if pts.len() > 1 {
            chart
                .draw_series(LineSeries::new(pts.clone(), color.stroke_width(if mine { px(3.5) } else { px(2.0) })))?;
        }
        chart.draw_series(pts.iter().map(|p| Circle::new(p.clone(), px(5.0), color.filled())))?;
    }
    // Each unit's name at its last rank, pushed apart (as the trend chart does) so that no
    // two labels overlap: at least one label's height between neighbours.
    let mut labels: Vec<(usize, usize, f64)> = view
        .series
        .iter()
        .enumerate()
        .filter_map(|(k, s)| s.ranks.iter().enumerate().rev().find_map(|(i, r)| r.map(|r| (k, i, r as f64))))
        .collect();
    labels.sort_by(|a, b| a.2.total_cmp(&b.2));
    let (_, y_top) = chart.backend_coord(&(SegmentValue::CenterOf(0), top));
    let (_, y_next) = chart.backend_coord(&(SegmentValue::CenterOf(0), top + 1.0));
    let per_rank = ((y_next - y_top) as f64).abs().max(1.0);
    let gap = (15.0 * scale / per_rank).max(0.0);
    let placed = crate::dodge(labels.iter().map(|l| l.2), gap);
    for ((k, i, r), y) in labels.iter().zip(placed) {
        let s = &view.series[*k];
        let color = series_color(*k, my_unit == Some(s.unit.as_str()));
        let style = (FONT, 12.0 * scale).into_font().color(&color).pos(Pos::new(HPos::Left, VPos::Center));
        let text = format!("  {} ({:.0})", s.unit, r);
        chart.draw_series(std::iter::once(Text::new(text, (SegmentValue::CenterOf(*i as i32), y), style)))?;
    }
    let mut hits = Vec::new();
    for s in &view.series {
        for (i, r) in s.ranks.iter().enumerate() {
            if let Some(r) = r {
                let (x, y) = chart.backend_coord(&(SegmentValue::CenterOf(i as i32), *r as f64));
                hits.push(Hit { x, y, label: format!("{} — {}: #{r}", s.unit, view.periods[i]) });
            }
        }
    }
    root.present()?;
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::to_svg;
    use chiso_core::analyse::trend::Series;

    #[test]
    fn rank_one_is_drawn_highest() {
        let view = TrendView {
            indicator: "X".into(),
            periods: vec!["2021".into(), "2022".into()],
            series: vec![Series {
                unit: "A".into(),
                values: vec![None, None],
                ranks: vec![Some(5), Some(1)],
                ..Default::default()
            }],
            max_rank: 5,
            change_at: None,
        };
        let svg = to_svg((500, 300), |root| draw(&root, &view, None, 1.0).unwrap());
        let ys: Vec<f64> = svg
            .split("<circle")
            .skip(1)
            .filter_map(|c| c.split("cy=\"").nth(1)?.split('"').next()?.parse().ok())
            .collect();
        assert_eq!(ys.len(), 2, "{svg}");
        assert!(ys[1] < ys[0], "rank 1 above rank 5: {ys:?}");
        assert!(svg.contains("A (1)"));
    }

    /// Five units near the top of 63: the axis shows ranks 1–7, not 1–63, and the end
    /// labels of units tied or one rank apart stay a line apart.
    #[test]
    fn zoomed_to_the_units_shown_with_labels_apart() {
        let series = |u: &str, a: u32, b: u32| Series {
            unit: u.into(),
            values: vec![None, None],
            ranks: vec![Some(a), Some(b)],
            ..Default::default()
        };
        let view = TrendView {
            indicator: "X".into(),
            periods: vec!["2022".into(), "2023".into()],
            series: vec![
                series("Hà Nội", 3, 1),
                series("Huế", 1, 2),
                series("Đà Nẵng", 2, 2),
                series("Quảng Ninh", 5, 3),
                series("Hải Phòng", 4, 6),
            ],
            max_rank: 63,
            change_at: None,
        };
        assert_eq!(rank_window(&view), (1.0, 7.0));
        let svg = to_svg((600, 300), |root| draw(&root, &view, Some("Huế"), 1.0).unwrap());
        assert!(!svg.contains(">63<") && !svg.contains(">30<"), "the axis is zoomed");
        // The y of each end label: pairwise at least 14 px apart.
        let mut ys: Vec<f64> = svg
            .split("<text")
            .skip(1)
            .filter(|t| t.contains(" ("))
            .filter_map(|t| t.split("y=\"").nth(1)?.split('"').next()?.parse().ok())
            .collect();
        ys.sort_by(f64::total_cmp);
        assert_eq!(ys.len(), 5, "{svg}");
        for w in ys.windows(2) {
            assert!(w[1] - w[0] >= 14.0, "labels overlap: {ys:?}");
        }
    }
}
