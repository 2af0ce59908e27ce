//! Any chart of the app as one value: what the page's canvas draws and what SVG export
//! writes, through the same generic drawing functions.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::charts::{bump, comparison, ranking, targets, trend};
use crate::core::analyse::{ComparisonView, RankingView, TargetsView, TrendView};
use crate::core::Lang;

#[derive(Clone, Debug, PartialEq)]
pub enum ChartSpec {
    Ranking { view: RankingView, my_unit: Option<String> },
    Trend { view: TrendView, my_unit: Option<String> },
    Bump { view: TrendView, my_unit: Option<String> },
    Comparison { view: ComparisonView },
    Targets { view: TargetsView },
}

impl ChartSpec {
    /// The value of the page hook `data-chart`.
    pub fn name(&self) -> &'static str {
        match self {
            ChartSpec::Ranking { .. } => "ranking",
            ChartSpec::Trend { .. } => "trend",
            ChartSpec::Bump { .. } => "bump",
            ChartSpec::Comparison { .. } => "comparison",
            ChartSpec::Targets { .. } => "targets",
        }
    }

    /// Height in CSS pixels for a given content.
    pub fn height(&self) -> u32 {
        match self {
            ChartSpec::Ranking { view, .. } => ranking::height_for(view),
            ChartSpec::Trend { .. } => 380,
            ChartSpec::Bump { view, .. } => (view.max_rank.min(63) * 9 + 80).max(260),
            ChartSpec::Comparison { view } => comparison::height_for(view),
            ChartSpec::Targets { view } => targets::height_for(view),
        }
    }

    pub fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        lang: Lang,
        scale: f64,
    ) -> Result<(), String> {
        let r = match self {
            ChartSpec::Ranking { view, my_unit } => ranking::draw(root, view, my_unit.as_deref(), lang, scale),
            ChartSpec::Trend { view, my_unit } => trend::draw(root, view, my_unit.as_deref(), lang, scale),
            ChartSpec::Bump { view, my_unit } => bump::draw(root, view, my_unit.as_deref(), scale),
            ChartSpec::Comparison { view } => comparison::draw(root, view, lang, scale),
            ChartSpec::Targets { view } => targets::draw(root, view, lang, scale),
        };
        r.map_err(|e| e.to_string())
    }

    /// The chart as an SVG document, `width` CSS pixels wide.
    pub fn svg(&self, width: u32, lang: Lang) -> String {
        let mut result = Ok(());
        let svg = crate::charts::to_svg((width, self.height()), |root| result = self.draw(&root, lang, 1.0));
        match result {
            Ok(()) => svg,
            Err(_) => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analyse::RankRow;

    #[test]
    fn svg_export_is_a_whole_document_and_text_is_escaped() {
        let view = RankingView {
            rows: vec![RankRow {
                unit: "<img src=x onerror=alert(1)>".into(),
                group: String::new(),
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
}
