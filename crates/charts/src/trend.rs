//! Trend lines: one line per unit over the periods; a missing year is a gap, not a zero.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::{period_label, series_color, Hit, FONT, GRID, INK};
use chiso_core::analyse::TrendView;
use chiso_core::Lang;

/// The mark of the change on the period axis.
fn change_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "1/7/2025: 34 tỉnh",
        Lang::En => "1 July 2025: 34 provinces",
    }
}

/// What a regrouped point is, in its tooltip.
fn derived_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "bình quân các tỉnh cũ",
        Lang::En => "mean of the former provinces",
    }
}

pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &TrendView,
    my_unit: Option<&str>,
    lang: Lang,
    scale: f64,
) -> Result<Vec<Hit>, DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale).round() as u32;
    root.fill(&WHITE)?;
    let n = view.periods.len().max(1);
    let values: Vec<f64> = view.series.iter().flat_map(|s| s.values.iter().flatten().copied()).collect();
    let (lo, hi) = crate::ranking::x_range(values.iter().copied());
    let mut chart = ChartBuilder::on(root)
        .margin(px(10.0))
        .margin_right(px(150.0))
        .x_label_area_size(px(30.0))
        .y_label_area_size(px(50.0))
        .build_cartesian_2d((0..n as i32 - 1).into_segmented(), lo..hi)?;
    chart
        .configure_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID)
        .x_labels(n)
        .y_labels(6)
        .x_label_formatter(&|v| period_label(&view.periods, v))
        .y_label_formatter(&|v| lang.num(*v, 1))
        .label_style((FONT, 12.0 * scale).into_font().color(&INK))
        .draw()?;
    // The change of 1 July 2025: a dashed line between the last period on the 63 and the
    // first on the 34, labelled.
    if let Some(at) = view.change_at {
        let x = SegmentValue::Exact(at as i32);
        let dash = (0..24).map(|i| {
            let a = lo + (hi - lo) * i as f64 / 24.0;
            let b = lo + (hi - lo) * (i as f64 + 0.5) / 24.0;
            PathElement::new(vec![(x.clone(), a), (x.clone(), b)], INK.mix(0.6).stroke_width(px(1.0)))
        });
        chart.draw_series(dash)?;
        // At the foot of the line, where the end labels of the series (at the top of the
        // periods before it) do not run into it.
        let style = (FONT, 11.0 * scale).into_font().color(&INK).pos(Pos::new(HPos::Left, VPos::Bottom));
        chart.draw_series(std::iter::once(Text::new(format!(" {}", change_label(lang)), (x, lo), style)))?;
    }
    for (k, s) in view.series.iter().enumerate() {
        let mine = my_unit == Some(s.unit.as_str());
        let color = series_color(k, mine);
        let width = if s.former {
            px(1.2)
        } else if mine {
            px(3.5)
        } else {
            px(2.0)
        };
        // Consecutive periods with values form one segment; a gap breaks the line.
        let mut run: Vec<(SegmentValue<i32>, f64)> = Vec::new();
        let mut runs = Vec::new();
        for (i, v) in s.values.iter().enumerate() {
            match v {
                Some(v) => run.push((SegmentValue::CenterOf(i as i32), *v)),
                None => runs.push(std::mem::take(&mut run)),
            }
        }
        runs.push(run);
        for r in runs.into_iter().filter(|r| r.len() > 1) {
            chart.draw_series(LineSeries::new(r.clone(), color.stroke_width(width)))?;
        }
        // A former province's points and regrouped means are hollow: not the unit's own.
        chart.draw_series(s.values.iter().enumerate().filter_map(|(i, v)| {
            let hollow = s.former || s.derived.get(i).copied().unwrap_or(false);
            let style = if hollow { WHITE.filled() } else { color.filled() };
            v.map(|v| Circle::new((SegmentValue::CenterOf(i as i32), v), px(4.0), style))
        }))?;
        chart.draw_series(s.values.iter().enumerate().filter_map(|(i, v)| {
            let hollow = s.former || s.derived.get(i).copied().unwrap_or(false);
            v.filter(|_| hollow)
                .map(|v| Circle::new((SegmentValue::CenterOf(i as i32), v), px(4.0), color.stroke_width(px(1.5))))
        }))?;
    }
    // Each unit's name at its last value, pushed apart so that close lines stay legible.
    let mut labels: Vec<(usize, usize, f64)> = view
        .series
        .iter()
        .enumerate()
        .filter_map(|(k, s)| s.values.iter().enumerate().rev().find_map(|(i, v)| v.map(|v| (k, i, v))))
        .collect();
    labels.sort_by(|a, b| a.2.total_cmp(&b.2));
    let gap = (hi - lo) * 0.05;
    let placed = crate::dodge(labels.iter().map(|l| l.2), gap);
    for ((k, i, v), y) in labels.iter().zip(placed) {
        let s = &view.series[*k];
        let color = series_color(*k, my_unit == Some(s.unit.as_str()));
        let style = (FONT, 12.0 * scale).into_font().color(&color).pos(Pos::new(HPos::Left, VPos::Center));
        let text = format!("  {} ({})", s.unit, lang.num(*v, 2));
        chart.draw_series(std::iter::once(Text::new(text, (SegmentValue::CenterOf(*i as i32), y.min(hi)), style)))?;
    }
    let mut hits = Vec::new();
    for s in &view.series {
        for (i, v) in s.values.iter().enumerate() {
            if let Some(v) = v {
                let (x, y) = chart.backend_coord(&(SegmentValue::CenterOf(i as i32), *v));
                let mut label = format!("{} — {}: {}", s.unit, view.periods[i], lang.num(*v, 2));
                if s.derived.get(i).copied().unwrap_or(false) {
                    label.push_str(&format!(" ({})", derived_label(lang)));
                }
                hits.push(Hit { x, y, label });
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
    fn a_gap_splits_the_line() {
        let view = TrendView {
            indicator: "X".into(),
            periods: vec!["2020".into(), "2021".into(), "2022".into(), "2023".into()],
            series: vec![
                Series {
                    unit: "Hà Nội".into(),
                    values: vec![Some(80.0), None, Some(82.5), Some(83.0)],
                    ranks: vec![None; 4],
                    ..Default::default()
                },
                Series {
                    unit: "Huế".into(),
                    values: vec![Some(70.0), Some(71.0), Some(72.0), Some(73.0)],
                    ranks: vec![None; 4],
                    ..Default::default()
                },
            ],
            max_rank: 2,
            change_at: None,
        };
        let svg = to_svg((700, 400), |root| draw(&root, &view, Some("Huế"), Lang::Vi, 1.0).unwrap());
        // Hà Nội: a lone point then a two-point line; Huế (my unit): one four-point line.
        let lines = |colour: &str| svg.lines().filter(|l| l.starts_with("<polyline") && l.contains(colour)).count();
        assert_eq!(lines("#0072B2"), 1, "{svg}");
        assert_eq!(lines("#D9481B"), 1);
        assert_eq!(svg.matches("<circle").count(), 7);
        assert!(svg.contains("Hà Nội (83,00)"));
        assert!(svg.contains("\n2021\n"), "{svg}");
    }
}
