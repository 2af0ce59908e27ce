//! Each view's table as header + rows of display text: rendered in the page and exported
//! as CSV ("export-table") from the same values. Pure Rust, tested natively.

use crate::ui::i18n::{indicator_name, t, K};
use chiso_core::analyse::brief::BriefSet;
use chiso_core::analyse::{ComparisonView, RankRow, Status, TargetsView, TrendView};
use chiso_core::Lang;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn csv(&self) -> String {
        let header: Vec<&str> = self.header.iter().map(String::as_str).collect();
        chiso_core::export::table_csv(&header, self.rows.iter().cloned())
    }
}

/// A view's table for export, made when the user asks for it: a commune ranking's has
/// 10,600 rows of formatted numbers, not worth making on every view change. Equal by
/// address.
#[derive(Clone)]
pub struct TableSource(std::rc::Rc<dyn Fn() -> Table>);

impl TableSource {
    pub fn ready(t: Table) -> TableSource {
        TableSource(std::rc::Rc::new(move || t.clone()))
    }

    pub fn lazy(f: impl Fn() -> Table + 'static) -> TableSource {
        TableSource(std::rc::Rc::new(f))
    }

    pub fn get(&self) -> Table {
        (self.0)()
    }
}

impl PartialEq for TableSource {
    fn eq(&self, o: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &o.0)
    }
}

/// What a table shows where there is no value.
pub const DASH: &str = "–";

/// The text, else [`DASH`].
pub fn or_dash(text: Option<String>) -> String {
    text.unwrap_or_else(|| DASH.into())
}

/// A number as the language writes it, else [`DASH`].
pub fn num(lang: Lang, v: Option<f64>, decimals: usize) -> String {
    or_dash(v.map(|v| lang.num(v, decimals)))
}

/// "+2" / "−3" / "0" with a sign, so a change never relies on colour alone.
pub fn signed(lang: Lang, v: f64, decimals: usize) -> String {
    let s = lang.num(v.abs(), decimals);
    if v > 0.0 {
        format!("+{s}")
    } else if v < 0.0 {
        format!("−{s}")
    } else {
        s
    }
}

pub fn status_text(lang: Lang, s: Status) -> &'static str {
    match s {
        Status::Met => t(lang, K::Met),
        Status::NotMet => t(lang, K::NotMet),
        Status::NoData => t(lang, K::NoData),
    }
}

/// The ranking table; `notes` (one per row, when any) adds a note column: what a regrouped
/// value was made from.
pub fn ranking(lang: Lang, rows: &[&RankRow], notes: Option<&[String]>) -> Table {
    let mut header: Vec<String> =
        [K::Rank, K::Unit, K::Value, K::Change, K::ValueChange].iter().map(|k| t(lang, *k).to_string()).collect();
    if notes.is_some() {
        header.push(t(lang, K::NoteCol).to_string());
    }
    Table {
        header,
        rows: rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let mut row = vec![
                    or_dash(r.rank.map(|x| x.to_string())),
                    r.unit.to_string(),
                    num(lang, r.value, 2),
                    or_dash(r.rank_change.map(|c| signed(lang, c as f64, 0))),
                    or_dash(r.value_change.map(|c| signed(lang, c, 2))),
                ];
                if let Some(n) = notes {
                    row.push(n.get(i).cloned().unwrap_or_default());
                }
                row
            })
            .collect(),
    }
}

pub fn comparison(lang: Lang, v: &ComparisonView) -> Table {
    let mut header = vec![t(lang, K::Unit).to_string()];
    header.extend(v.components.iter().map(|c| indicator_name(lang, c)));
    Table {
        header,
        rows: v
            .rows
            .iter()
            .map(|(u, vals)| std::iter::once(u.clone()).chain(vals.iter().map(|x| num(lang, *x, 2))).collect())
            .collect(),
    }
}

pub fn trend(lang: Lang, v: &TrendView) -> Table {
    let mut header = vec![t(lang, K::Unit).to_string()];
    header.extend(v.periods.iter().cloned());
    let rows = v
        .series
        .iter()
        .map(|s| {
            let cells = s.values.iter().zip(&s.ranks).map(|(v, r)| match (v, r) {
                (Some(v), Some(r)) => format!("{} (#{r})", lang.num(*v, 2)),
                (Some(v), None) => lang.num(*v, 2),
                (None, Some(r)) => format!("#{r}"),
                (None, None) => DASH.into(),
            });
            std::iter::once(s.unit.clone()).chain(cells).collect()
        })
        .collect();
    Table { header, rows }
}

pub fn targets(lang: Lang, v: &TargetsView) -> Table {
    let keys = [K::Indicator, K::Target, K::Operator, K::Threshold, K::LatestPeriod, K::Latest, K::Result, K::Margin];
    Table {
        header: keys.iter().map(|k| t(lang, *k).to_string()).collect(),
        rows: v
            .rows
            .iter()
            .map(|r| {
                vec![
                    r.target.indicator.clone(),
                    r.target.text.clone(),
                    r.target.op.as_str().to_string(),
                    lang.num(r.target.threshold, 2),
                    or_dash(r.latest_period.clone()),
                    num(lang, r.latest, 2),
                    status_text(lang, r.status).to_string(),
                    or_dash(r.margin.map(|m| signed(lang, m, 2))),
                ]
            })
            .collect(),
    }
}

/// A rank as "x/N", and its change as "▲ 3" / "▼ 2" / "=".
pub fn rank_of(rank: Option<u32>, of: usize) -> String {
    or_dash(rank.map(|r| format!("{r}/{of}")))
}

pub fn rank_move(change: Option<i64>) -> String {
    match change {
        Some(c) if c > 0 => format!("▲ {c}"),
        Some(c) if c < 0 => format!("▼ {}", -c),
        Some(_) => "=".into(),
        None => DASH.into(),
    }
}

/// The brief as one table (the CSV of the brief): a row per data set and indicator.
pub fn brief(lang: Lang, sets: &[BriefSet], name: &dyn Fn(&str) -> String) -> Table {
    let keys = [
        K::BriefDataset,
        K::Period,
        K::BriefGroup,
        K::BriefComponent,
        K::BriefScore,
        K::BriefRankOf,
        K::Change,
        K::ValueChange,
        K::BriefBest,
        K::BriefMedian,
        K::BriefLostToBest,
        K::BriefBelowMedian,
        K::BriefMax,
        K::BriefLostToMax,
    ];
    let mut rows = Vec::new();
    for b in sets {
        for l in b.overall.iter().chain(&b.components) {
            rows.push(vec![
                b.dataset.clone(),
                b.period.clone(),
                b.group.clone(),
                name(&l.indicator),
                num(lang, l.value, 2),
                rank_of(l.rank, l.of),
                rank_move(l.rank_change),
                or_dash(l.value_change.map(|c| signed(lang, c, 2))),
                match (&l.best, &l.leader) {
                    (Some(v), Some(u)) => format!("{} ({u})", lang.num(*v, 2)),
                    _ => DASH.into(),
                },
                num(lang, l.median, 2),
                num(lang, l.lost_to_best, 2),
                num(lang, l.below_median, 2),
                num(lang, l.max_possible, 2),
                num(lang, l.lost_to_max, 2),
            ]);
        }
    }
    Table { header: keys.iter().map(|k| t(lang, *k).to_string()).collect(), rows }
}

// A windowed table: the rows in view of a long one.

/// Tables up to this many rows are whole in the page (and in print).
pub const ALL_ROWS: usize = 200;
/// A row's height in a windowed table, in CSS pixels (styles/main.css: `table.windowed`; components/ranking_table.rs).
pub const ROW_PX: usize = 30;
/// Rows drawn above and below the ones in view: they cover the rows a scroll by the
/// compositor shows before the page has drawn its new window (6 rows: 180 pixels, more
/// than a wheel notch). Each row drawn is laid out again at every view change (10 rows
/// each side made a commune view change ~1 ms longer).
pub const OVERSCAN: usize = 6;
/// The view's height until the table is measured (80vh of a 768-pixel screen).
pub const FIRST_HEIGHT: usize = 620;

/// The rows to draw for a scroll position: `(first, last)` (end exclusive).
pub fn window(len: usize, scroll_top: usize, height: usize) -> (usize, usize) {
    if len <= ALL_ROWS {
        return (0, len);
    }
    let first = (scroll_top / ROW_PX).saturating_sub(OVERSCAN).min(len);
    let last = ((scroll_top + height).div_ceil(ROW_PX) + OVERSCAN).min(len);
    (first, last.max(first))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_and_languages() {
        assert_eq!(signed(Lang::Vi, 2.0, 0), "+2");
        assert_eq!(signed(Lang::Vi, -1.25, 2), "−1,25");
        assert_eq!(signed(Lang::En, -1.25, 2), "−1.25");
        let row = RankRow {
            unit: "Huế".into(),
            group: Default::default(),
            rank: Some(3),
            value: Some(85.5),
            rank_change: Some(-2),
            value_change: Some(1.5),
        };
        let tb = ranking(Lang::Vi, &[&row], None);
        assert_eq!(tb.rows[0], vec!["3", "Huế", "85,50", "−2", "+1,50"]);
        // Regrouped onto the 34: a note column says what the value was made from.
        let note = crate::ui::i18n::regrouped_note(Lang::Vi, 3, 3);
        let tb = ranking(Lang::Vi, &[&row], Some(&[note]));
        assert_eq!(tb.header[5], "Ghi chú");
        assert_eq!(tb.rows[0][5], "bình quân 3 tỉnh cũ");
        assert_eq!(tb.header[0], "Hạng");
        let csv = tb.csv();
        assert!(csv.starts_with("Hạng,Đơn vị,Điểm"));
        assert!(csv.contains("\"85,50\""));
    }

    #[test]
    fn windows() {
        // Small tables are whole.
        assert_eq!(window(63, 5000, 600), (0, 63));
        assert_eq!(window(ALL_ROWS, 0, 600), (0, ALL_ROWS));
        // Communes: the rows in view and the overscan, never past the end.
        assert_eq!(window(10_600, 0, 600), (0, 20 + OVERSCAN));
        let (a, b) = window(10_600, 300_000, 600);
        assert_eq!((a, b), (10_000 - OVERSCAN, 10_020 + OVERSCAN));
        assert_eq!(window(10_600, 10_600 * ROW_PX, 600), (10_600 - OVERSCAN, 10_600));
        assert_eq!(window(10_600, 10_000_000, 600), (10_600, 10_600));
    }
}
