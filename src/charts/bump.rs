//! The rank bump chart: rank 1 at the top, one line per unit across the periods.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::charts::{period_label, series_color, Hit, FONT, GRID, INK};
use crate::core::analyse::TrendView;

pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &TrendView,
    my_unit: Option<&str>,
    scale: f64,
) -> Result<Vec<Hit>, DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale).round() as u32;
    root.fill(&WHITE)?;
    let n = view.periods.len().max(1) as i32;
    let depth = view.max_rank.max(1) as f64;
    // The y axis runs from the last rank (bottom) up to rank 1 (top).
    let mut chart = ChartBuilder::on(root)
        .margin(px(10.0))
        .margin_right(px(150.0))
        .x_label_area_size(px(30.0))
        .y_label_area_size(px(40.0))
        .build_cartesian_2d((0..n - 1).into_segmented(), (depth + 0.5)..0.5)?;
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
        if let Some(last) = pts.last() {
            let style = (FONT, 12.0 * scale).into_font().color(&color).pos(Pos::new(HPos::Left, VPos::Center));
            chart.draw_series(std::iter::once(Text::new(
                format!("  {} ({:.0})", s.unit, last.1),
                last.clone(),
                style,
            )))?;
        }
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
    use crate::charts::to_svg;
    use crate::core::analyse::trend::Series;

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
}
