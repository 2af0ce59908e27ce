//! Bullet charts: for each target, the latest value as a bar against the threshold line,
//! green when met, red when not; each row on its own scale.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::{Hit, FONT, GRID, INK};
use chiso_core::analyse::{Status, TargetsView};
use chiso_core::Lang;

/// A row: its label on a line of its own above the bar (so a long name never runs into
/// the bar), then the bar and its axis.
pub const ROW: u32 = 60;
const LABEL_BAND: f64 = 18.0;
pub const MET: RGBColor = RGBColor(0x1b, 0x7a, 0x3a);
pub const NOT_MET: RGBColor = RGBColor(0xb4, 0x23, 0x18);

pub fn height_for(view: &TargetsView) -> u32 {
    view.rows.len().max(1) as u32 * ROW + 20
}

pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &TargetsView,
    lang: Lang,
    scale: f64,
) -> Result<Vec<Hit>, DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale).round() as u32;
    root.fill(&WHITE)?;
    let n = view.rows.len().max(1);
    let mut hits = Vec::new();
    let areas = root.margin(px(10.0), px(10.0), px(10.0), px(30.0)).split_evenly((n, 1));
    for (row, area) in view.rows.iter().zip(areas.iter()) {
        let t = &row.target;
        let top = row.latest.unwrap_or(0.0).max(t.threshold).max(1e-9) * 1.15;
        let (label_area, bar_area) = area.split_vertically(px(LABEL_BAND));
        let mut chart = ChartBuilder::on(&bar_area)
            .y_label_area_size(px(6.0))
            .x_label_area_size(px(16.0))
            .build_cartesian_2d(0.0..top, 0.0..1.0)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(GRID)
            .y_labels(1)
            .x_labels(4)
            .y_label_formatter(&|_| String::new())
            .x_label_formatter(&|v| lang.num(*v, crate::tick_decimals(0.0, top, 4)))
            .label_style((FONT, 10.0 * scale).into_font().color(&INK))
            .draw()?;
        // The label fits its line: cut with "…" where the line is too narrow for it.
        let label = format!("{} ({})", t.indicator, t.text);
        let fits = ((label_area.dim_in_pixel().0 as f64) / (7.0 * scale)).max(8.0) as usize;
        let label = if label.chars().count() > fits {
            format!("{}…", label.chars().take(fits.saturating_sub(1)).collect::<String>())
        } else {
            label
        };
        label_area.draw(&Text::new(
            label,
            (px(2.0) as i32, px(2.0) as i32),
            (FONT, 12.0 * scale).into_font().color(&INK),
        ))?;
        if let Some(v) = row.latest {
            let color = if row.status == Status::Met { MET } else { NOT_MET };
            chart.draw_series(std::iter::once(Rectangle::new([(0.0, 0.3), (v, 0.7)], color.filled())))?;
        }
        let end = chart.backend_coord(&(row.latest.unwrap_or(t.threshold), 0.5));
        let latest = row.latest.map(|v| lang.num(v, 2)).unwrap_or_else(|| "–".into());
        hits.push(Hit { x: end.0, y: end.1, label: format!("{}: {latest} / {}", t.indicator, t.text) });
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(t.threshold, 0.1), (t.threshold, 0.9)],
            INK.stroke_width(px(3.0)),
        )))?;
    }
    root.present()?;
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::to_svg;
    use chiso_core::analyse::targets;
    use chiso_core::model::{Target, TargetSheet};
    use chiso_core::text::value::TargetOp;

    #[test]
    fn one_bullet_per_target_coloured_by_status() {
        let mk = |name: &str, op, th, v: Option<f64>| Target {
            indicator: name.into(),
            text: format!("{} {th}", op_text(op)),
            op,
            threshold: th,
            actuals: vec![("2024-Q1".into(), v)],
        };
        fn op_text(op: TargetOp) -> &'static str {
            op.as_str()
        }
        let sheet = TargetSheet {
            name: "CT".into(),
            source: String::new(),
            targets: vec![
                mk("Trực tuyến", TargetOp::Gt, 80.0, Some(85.0)),
                mk("Trễ hạn", TargetOp::Lt, 2.0, Some(2.5)),
                mk("Hài lòng", TargetOp::Ge, 90.0, None),
            ],
        };
        let view = targets(&sheet);
        let svg = to_svg((800, height_for(&view)), |root| draw(&root, &view, Lang::Vi, 1.0).unwrap());
        assert_eq!(svg.matches("fill=\"#1B7A3A\"").count(), 1, "{svg}");
        assert_eq!(svg.matches("fill=\"#B42318\"").count(), 1);
        assert!(svg.contains("Trễ hạn (&lt; 2)") || svg.contains("Trễ hạn (< 2)"), "{svg}");
        // Each label sits above its bar: the text's baseline band ends before the bar starts.
        let text_ys: Vec<f64> = svg
            .split("<text")
            .skip(1)
            .filter(|t| t.contains(" ("))
            .filter_map(|t| t.split("y=\"").nth(1)?.split('"').next()?.parse().ok())
            .collect();
        let bar_ys: Vec<f64> = svg
            .split("<rect")
            .skip(1)
            .filter(|r| r.contains("#1B7A3A") || r.contains("#B42318"))
            .filter_map(|r| r.split("y=\"").nth(1)?.split('"').next()?.parse().ok())
            .collect();
        assert_eq!((text_ys.len(), bar_ys.len()), (3, 2), "{svg}");
        assert!(bar_ys[0] >= text_ys[0] + 14.0, "label {text_ys:?} runs into bar {bar_ys:?}");
        assert!(bar_ys[1] >= text_ys[1] + 14.0);
    }
}
