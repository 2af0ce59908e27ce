//! Any chart of the app as one value: what the page's canvas draws and what SVG export
//! writes, through the same generic drawing functions.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::tilemap::{self, Layout, TileValue};
use crate::{bump, comparison, ranking, targets, trend, Hit};
use chiso_core::analyse::{ComparisonView, RankingView, TargetsView, TrendView};
use chiso_core::Lang;

#[derive(Clone, Debug, PartialEq)]
pub enum ChartSpec {
    Ranking {
        view: RankingView,
        my_unit: Option<String>,
    },
    Trend {
        view: TrendView,
        my_unit: Option<String>,
    },
    Bump {
        view: TrendView,
        my_unit: Option<String>,
    },
    Comparison {
        view: ComparisonView,
    },
    Targets {
        view: TargetsView,
    },
    /// One square per province, laid out like the country, coloured by quartile.
    TileMap {
        layout: Layout,
        values: Vec<TileValue>,
        my_unit: Option<String>,
        lower_is_better: bool,
    },
}

/// The width the tile map is laid out for (its height keeps the tiles square).
pub const TILEMAP_WIDTH: u32 = 420;

impl ChartSpec {
    /// The value of the page hook `data-chart`.
    pub fn name(&self) -> &'static str {
        match self {
            ChartSpec::Ranking { .. } => "ranking",
            ChartSpec::Trend { .. } => "trend",
            ChartSpec::Bump { .. } => "bump",
            ChartSpec::Comparison { .. } => "comparison",
            ChartSpec::Targets { .. } => "targets",
            ChartSpec::TileMap { .. } => "tilemap",
        }
    }

    /// Height in CSS pixels for a given content.
    pub fn height(&self) -> u32 {
        match self {
            ChartSpec::Ranking { view, .. } => ranking::height_for(view),
            ChartSpec::Trend { .. } => 380,
            ChartSpec::Bump { view, .. } => {
                let (top, bottom) = bump::rank_window(view);
                ((bottom - top + 1.0).min(63.0) as u32 * 12 + 80).max(260)
            }
            ChartSpec::Comparison { view } => comparison::height_for(view),
            ChartSpec::Targets { view } => targets::height_for(view),
            // The legend goes below the map in a narrow column: room for either.
            ChartSpec::TileMap { layout, .. } => {
                [280, 340, TILEMAP_WIDTH].iter().map(|w| tilemap::height_for(*w, *layout)).max().unwrap_or(600)
            }
        }
    }

    /// Draws the chart; returns its points with their exact values, for hover tooltips.
    pub fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        lang: Lang,
        scale: f64,
    ) -> Result<Vec<Hit>, String> {
        let r = match self {
            ChartSpec::Ranking { view, my_unit } => ranking::draw(root, view, my_unit.as_deref(), lang, scale),
            ChartSpec::Trend { view, my_unit } => trend::draw(root, view, my_unit.as_deref(), lang, scale),
            ChartSpec::Bump { view, my_unit } => bump::draw(root, view, my_unit.as_deref(), scale),
            ChartSpec::Comparison { view } => comparison::draw(root, view, lang, scale),
            ChartSpec::Targets { view } => targets::draw(root, view, lang, scale),
            ChartSpec::TileMap { layout, values, my_unit, lower_is_better } => {
                tilemap::draw(root, *layout, values, my_unit.as_deref(), *lower_is_better, lang, scale)
            }
        };
        r.map_err(|e| e.to_string())
    }

    /// The chart as an SVG document, `width` CSS pixels wide.
    pub fn svg(&self, width: u32, lang: Lang) -> String {
        let mut ok = false;
        let svg = crate::to_svg((width, self.height()), |root| ok = self.draw(&root, lang, 1.0).is_ok());
        if ok {
            svg
        } else {
            String::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chiso_core::analyse::RankRow;

    #[test]
    fn svg_export_is_a_whole_document_and_text_is_escaped() {
        let view = RankingView {
            rows: vec![RankRow {
                unit: "<img src=x onerror=alert(1)>".into(),
                group: Default::default(),
                rank: Some(1),
                value: Some(1.0),
                rank_change: None,
                value_change: None,
            }],
            ..Default::default()
        };
        let svg = ChartSpec::Ranking { view, my_unit: None }.svg(600, Lang::Vi);
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        assert!(!svg.contains("<img"), "file text must not become markup");
        assert!(svg.contains("&lt;img"));
    }

    #[test]
    fn hits_carry_exact_values_where_the_marks_are() {
        let row = |unit: &str, rank: u32, value: f64| RankRow {
            unit: unit.into(),
            group: Default::default(),
            rank: Some(rank),
            value: Some(value),
            rank_change: None,
            value_change: None,
        };
        let view = RankingView { rows: vec![row("Huế", 1, 88.1), row("Hà Nội", 2, 85.43)], ..Default::default() };
        let spec = ChartSpec::Ranking { view, my_unit: None };
        let mut hits = Vec::new();
        let svg = crate::to_svg((600, spec.height()), |root| hits = spec.draw(&root, Lang::Vi, 1.0).unwrap());
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[1].label, "2. Hà Nội: 85,43");
        assert!(hits[0].y < hits[1].y, "rank 1 above rank 2");
        // The hit sits on the drawn dot.
        assert!(svg.contains(&format!("cx=\"{}\" cy=\"{}\"", hits[1].x, hits[1].y)), "{svg}");
        let near = crate::nearest(&hits, hits[1].x + 3, hits[1].y - 2, 10);
        assert_eq!(near.map(|h| h.label.as_str()), Some("2. Hà Nội: 85,43"));
        assert!(crate::nearest(&hits, 0, 0, 10).is_none());
    }
}
