//! What the views show, worked out from the state: pure functions beside the reducer (no
//! yew, no web-sys), tested natively. The components render what these give.

use std::rc::Rc;

use chiso_charts::spec::ChartSpec;
use chiso_charts::tilemap::{self, Layout, TileValue};
use chiso_core::analyse::regroup::Derived;
use chiso_core::analyse::{matches_search, ranking, sort_rows, RankRow, RankingView, SortKey};
use chiso_core::link::CodecError;
use chiso_core::model::map2025::{Map, Map2025};
use chiso_core::model::summary::Summary;
use chiso_core::{DataSet, ImportStatus, Lang};

use crate::ui::i18n::{self, regrouped_note, t, K};
use crate::ui::state::{self, AppState, ByPtr};
use crate::ui::tables::{self, num, or_dash, TableSource, DASH};

/// What the analysis views share: the data set shown and the choices on it. Equal when
/// they are (the data set by address), so a view is drawn again only when one changes.
#[derive(Clone, Debug, PartialEq)]
pub struct Focus {
    pub lang: Lang,
    /// The data set shown (regrouped onto the 34 when that is on).
    pub data: ByPtr<DataSet>,
    /// The chosen period, else the latest.
    pub period: Option<String>,
    /// The chosen indicator, else the overall index (or the first).
    pub indicator: Option<String>,
    pub group: Option<String>,
    pub my_unit: Option<String>,
    /// Units picked for comparison and trend.
    pub selected: Vec<String>,
    /// Which values are means of former provinces, while regrouped.
    pub derived: Option<ByPtr<Vec<Derived>>>,
}

impl Focus {
    /// The focus of the state; none before any data set.
    pub fn of(s: &AppState) -> Option<Focus> {
        Some(Focus {
            lang: s.lang,
            data: ByPtr(s.current_rc()?.clone()),
            period: s.current_period(),
            indicator: s.current_indicator(),
            group: s.sel.group.clone(),
            my_unit: s.sel.my_unit.clone(),
            selected: s.sel.selected.clone(),
            derived: s.cache.regrouped.as_ref().map(|r| ByPtr(r.derived.clone())),
        })
    }

    pub fn data(&self) -> &DataSet {
        &self.data.0
    }

    pub fn period(&self) -> String {
        self.period.clone().unwrap_or_default()
    }

    pub fn indicator(&self) -> String {
        self.indicator.clone().unwrap_or_default()
    }

    pub fn is_mine(&self, unit: &str) -> bool {
        self.my_unit.as_deref() == Some(unit)
    }

    /// An indicator's name as shown (its English name from the file, in English).
    pub fn indicator_label(&self, name: &str) -> String {
        state::indicator_label(self.lang, Some(self.data()), name)
    }

    /// Units for comparison and trend: the picked ones, else my unit and the leaders.
    pub fn chosen_units(&self) -> Vec<String> {
        let (p, i, g) = (self.period.as_deref(), self.indicator.as_deref(), self.group.as_deref());
        state::chosen_units(self.data(), &self.selected, self.my_unit.as_deref(), p, i, g)
    }

    /// Whether the data set shown is regrouped onto the 34.
    pub fn regrouped(&self) -> bool {
        self.derived.is_some()
    }

    /// What a regrouped value was made from: (former provinces with a value, of how many).
    pub fn derived_of(&self, unit: &str, period: &str, indicator: &str) -> Option<(usize, usize)> {
        state::derived_of(&self.derived.as_ref()?.0, unit, period, indicator)
    }
}

/// The choices every analysis view shares: data set, period, indicator, group, my unit.
#[derive(Clone, Debug, PartialEq)]
pub struct ControlsModel {
    pub lang: Lang,
    /// Each data set: (its name, its label).
    pub datasets: Vec<(String, String)>,
    pub dataset: usize,
    pub periods: Vec<String>,
    pub period: String,
    /// Each indicator: (its name, as shown).
    pub indicators: Vec<(String, String)>,
    pub indicator: String,
    /// The data set's summary (its groups and units), compared by address.
    pub summary: ByPtr<Summary>,
    pub has_groups: bool,
    /// The chosen group, when the data set has it.
    pub group: Option<String>,
    pub my_unit: Option<String>,
    pub regroup: bool,
    /// The regroup toggle is shown: it is on, or the data set has something to regroup.
    pub show_regroup: bool,
}

/// The controls' choices and options; none before any data set.
pub fn controls_model(s: &AppState) -> Option<ControlsModel> {
    let d = s.current()?;
    let summary = d.summary();
    let indicators = summary.indicators.iter().map(|x| (x.clone(), s.indicator_label(x))).collect();
    Some(ControlsModel {
        lang: s.lang,
        datasets: s.catalog.datasets.iter().map(|ds| (ds.name.clone(), ds.label())).collect(),
        dataset: s.sel.dataset,
        periods: summary.periods.clone(),
        period: s.current_period().unwrap_or_default(),
        indicators,
        indicator: s.current_indicator().unwrap_or_default(),
        has_groups: summary.groups.iter().any(|g| !g.is_empty()),
        group: s.sel.group.clone().filter(|g| !g.is_empty() && summary.groups.contains(g)),
        my_unit: s.sel.my_unit.clone(),
        regroup: s.sel.regroup,
        show_regroup: s.sel.regroup || s.can_regroup(),
        summary: ByPtr(summary),
    })
}

/// What the app's frame shows around the views.
#[derive(Clone, Debug, PartialEq)]
pub struct AppModel {
    pub lang: Lang,
    pub has_data: bool,
    pub has_targets: bool,
    /// The import panel in full (else one line).
    pub import_open: bool,
    /// The import panel's line when collapsed.
    pub import_summary: String,
    /// Why the address could not be read, in words.
    pub link_error: Option<&'static str>,
    /// The files a link waits for (joined with commas), and the message saying so.
    pub pending: Option<(String, String)>,
    /// Something to share: a data set or target sheets.
    pub can_share: bool,
}

pub fn app_model(s: &AppState) -> AppModel {
    let lang = s.lang;
    let c = &s.catalog;
    let errors = c.reports.iter().filter(|r| r.status == ImportStatus::Error).count();
    let link_error = s
        .import
        .link_error
        .as_ref()
        .map(|e| t(lang, if matches!(e, CodecError::FutureVersion(_)) { K::LinkFuture } else { K::LinkDamaged }));
    let pending = s.import.pending.as_ref().map(|p| {
        let files = p.files.join(", ");
        let text = i18n::link_waits(lang, &files);
        (files, text)
    });
    AppModel {
        lang,
        has_data: !c.datasets.is_empty(),
        has_targets: !c.targets.is_empty(),
        import_open: s.import_open(),
        import_summary: i18n::import_summary(lang, c.reports.len(), c.datasets.len(), c.targets.len(), errors),
        link_error,
        pending,
        can_share: s.current().is_some() || !c.targets.is_empty(),
    }
}

// The ranking view, in three steps that its component keeps apart (each again only when
// what it is made from changes): the ranking, the table's rows, what is drawn.

/// Rankings up to this long (the 63 provinces, and a few rows more) have every row in the
/// chart.
pub const CHART_ALL: usize = 70;
/// A longer one (communes: 10,600) has the first rows of the table in its order, and my
/// unit. Thirty of them: the chart is then about as tall as the table's view, and drawing
/// it is half of a view change's drawing with sixty.
pub const CHART_ROWS: usize = 30;

/// What the ranking is made from: its data set, period, indicator and group (not my unit,
/// the search, the sort or the language).
pub type RankingKey = (ByPtr<DataSet>, String, String, Option<String>);

pub fn ranking_key(f: &Focus) -> RankingKey {
    (f.data.clone(), f.period(), f.indicator(), f.group.clone())
}

/// The ranking, its rows apart and shared: in rank order (as `ranking` gives them).
pub struct Ranked {
    pub view: RankingView,
    pub all: Rc<Vec<RankRow>>,
}

pub fn ranked((d, p, i, g): &RankingKey) -> Ranked {
    // A group of another data set does not filter this one.
    let group = g.as_ref().filter(|g| d.0.groups().contains(g));
    let mut view = ranking(&d.0, p, i, group.map(String::as_str));
    let all = Rc::new(std::mem::take(&mut view.rows));
    Ranked { view, all }
}

/// The table's rows in their order, what each regrouped value was made from, and the
/// table to export.
#[derive(Clone)]
pub struct TableRows {
    pub rows: Rc<Vec<RankRow>>,
    pub notes: Option<Rc<Vec<String>>>,
    pub table: TableSource,
}

/// How the table is ordered and filtered.
#[derive(Clone, Debug, PartialEq)]
pub struct Order {
    pub sort: SortKey,
    pub descending: bool,
    pub search: String,
}

impl Order {
    pub fn of(s: &AppState) -> Order {
        Order { sort: s.sel.sort, descending: s.sel.descending, search: s.sel.search.clone() }
    }
}

pub fn table_rows(f: &Focus, r: &Ranked, o: &Order) -> TableRows {
    let lang = f.lang;
    // In rank order and with no search, the table shows the rows as they are, copying none.
    let rows = if (o.sort, o.descending, o.search.is_empty()) == (SortKey::Rank, false, true) {
        r.all.clone()
    } else {
        let mut rows: Vec<RankRow> = r.all.iter().filter(|x| matches_search(&x.unit, &o.search)).cloned().collect();
        if (o.sort, o.descending) != (SortKey::Rank, false) {
            sort_rows(&mut rows, o.sort, o.descending, Some(&*f.data().summary()));
        }
        Rc::new(rows)
    };
    // Regrouped onto the 34: what each value was made from.
    let notes: Option<Vec<String>> = f.regrouped().then(|| {
        rows.iter()
            .map(|x| {
                f.derived_of(&x.unit, &r.view.period, &r.view.indicator)
                    .map(|(used, of)| regrouped_note(lang, used, of))
                    .unwrap_or_default()
            })
            .collect()
    });
    let notes = notes.filter(|n| n.iter().any(|x| !x.is_empty())).map(Rc::new);
    let table = {
        let (rows, notes) = (rows.clone(), notes.clone());
        TableSource::lazy(move || {
            tables::ranking(lang, &rows.iter().collect::<Vec<_>>(), notes.as_deref().map(Vec::as_slice))
        })
    };
    TableRows { rows, notes, table }
}

/// The tile map beside a ranking of provinces.
pub struct TileMap {
    pub spec: ChartSpec,
    pub table: TableSource,
    pub title: String,
}

/// What the ranking view draws: its title, the chart (the first rows, and my unit where
/// it falls further down) and the tile map.
pub struct RankingModel {
    pub title: String,
    pub chart_title: String,
    pub spec: ChartSpec,
    pub chart_table: TableSource,
    pub map: Option<TileMap>,
}

pub fn ranking_model(f: &Focus, r: &Ranked, t_rows: &TableRows) -> RankingModel {
    let lang = f.lang;
    let (view, rows, notes) = (&r.view, &t_rows.rows, &t_rows.notes);
    let cut = if rows.len() <= CHART_ALL { rows.len() } else { CHART_ROWS };
    let mine = rows.iter().skip(cut).position(|x| f.is_mine(&x.unit));
    let shown: Vec<usize> = (0..cut).chain(mine.map(|i| i + cut)).collect();
    let chart_rows: Vec<RankRow> = shown.iter().map(|&i| rows[i].clone()).collect();
    let chart_notes: Option<Vec<String>> = notes.as_ref().map(|n| shown.iter().map(|&i| n[i].clone()).collect());
    let chart_table = {
        let (rows, notes) = (chart_rows.clone(), chart_notes);
        TableSource::lazy(move || tables::ranking(lang, &rows.iter().collect::<Vec<_>>(), notes.as_deref()))
    };
    let chart_view = RankingView {
        dataset: view.dataset.clone(),
        period: view.period.clone(),
        previous: view.previous.clone(),
        indicator: view.indicator.clone(),
        rows: chart_rows,
    };
    let title = format!("{} — {} — {}", t(lang, K::RankingTitle), f.indicator_label(&view.indicator), view.period);
    let chart_title =
        if rows.len() > cut { format!("{title} ({})", i18n::first_rows(lang, cut)) } else { title.clone() };
    RankingModel {
        title,
        chart_title,
        spec: ChartSpec::Ranking { view: chart_view, my_unit: f.my_unit.clone() },
        chart_table,
        map: tile_map(f, r),
    }
}

/// The provinces on a tile map beside the ranking: the 34 from 2025 (or regrouped onto
/// them), else the 63; only when the ranking is of provinces.
fn tile_map(f: &Focus, r: &Ranked) -> Option<TileMap> {
    let (lang, all, period, indicator) = (f.lang, &r.all, &r.view.period, &r.view.indicator);
    let m = Map2025::shared();
    // (At most 63 + 21 former provinces: a longer ranking is not mostly provinces, and its
    // names need not be looked up.)
    let provinces =
        if all.len() > 2 * 84 { 0 } else { all.iter().filter(|x| m.province_2025(&x.unit).is_some()).count() };
    if provinces < 5 || provinces * 2 < all.len() {
        return None;
    }
    let new_map = f.regrouped() || m.map_of(period, all.iter().map(|x| x.unit.as_str())) == Map::P34;
    let layout = if new_map { Layout::P34 } else { Layout::P63 };
    let values: Vec<TileValue> =
        all.iter().map(|x| TileValue { unit: x.unit.to_string(), value: x.value, rank: x.rank }).collect();
    let table = tables::Table {
        header: [K::Unit, K::Value, K::Rank, K::Quartile].iter().map(|k| t(lang, *k).to_string()).collect(),
        rows: tilemap::table_rows(layout, &values)
            .into_iter()
            .map(|(name, v, rank, q)| {
                vec![
                    name,
                    num(lang, v, 2),
                    or_dash(rank.map(|x| x.to_string())),
                    if q == 0 { DASH.into() } else { q.to_string() },
                ]
            })
            .collect(),
    };
    let lower_is_better = f.data().is_lower_better(indicator);
    Some(TileMap {
        spec: ChartSpec::TileMap { layout, values, my_unit: f.my_unit.clone(), lower_is_better },
        table: TableSource::ready(table),
        title: format!("{} — {}", t(lang, K::TileMapTitle), f.indicator_label(indicator)),
    })
}

/// The ranking view of a state, its three steps at once.
pub fn ranking_of(s: &AppState) -> Option<(Focus, TableRows, RankingModel)> {
    let f = Focus::of(s)?;
    let r = ranked(&ranking_key(&f));
    let rows = table_rows(&f, &r, &Order::of(s));
    let m = ranking_model(&f, &r, &rows);
    Some((f, rows, m))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::sample::{SAMPLE, SAMPLE_NAME};
    use crate::ui::state::Action;

    fn sample() -> AppState {
        let mut s = AppState::default();
        s.apply(Action::Loaded(Box::new(chiso_core::import_file(SAMPLE, SAMPLE_NAME))));
        s
    }

    #[test]
    fn the_frame_before_and_after_the_sample() {
        let m = app_model(&AppState::default());
        assert!(!m.has_data && !m.has_targets && m.import_open && !m.can_share);
        assert_eq!((m.link_error, m.pending.clone()), (None, None));
        let s = sample();
        let m = app_model(&s);
        assert!(m.has_data && m.has_targets && !m.import_open && m.can_share);
        let c = &s.catalog;
        let summary = i18n::import_summary(Lang::Vi, c.reports.len(), c.datasets.len(), c.targets.len(), 0);
        assert_eq!(m.import_summary, summary);
        assert!(m.import_summary.starts_with("1 tệp · "), "{}", m.import_summary);
    }

    #[test]
    fn a_link_waiting_for_its_file_says_which() {
        let mut s = AppState::default();
        let v = chiso_core::link::ViewState {
            ds: Some("x".into()),
            files: vec!["a.csv".into(), "b.csv".into()],
            ..Default::default()
        };
        s.apply(Action::Restore(Box::new(v)));
        let (files, text) = app_model(&s).pending.unwrap();
        assert_eq!(files, "a.csv, b.csv");
        assert!(text.contains("a.csv, b.csv"));
        s.apply(Action::LinkError(CodecError::FutureVersion(99)));
        assert_eq!(app_model(&s).link_error, Some(t(Lang::Vi, K::LinkFuture)));
    }

    #[test]
    fn controls_follow_the_choices() {
        assert!(controls_model(&AppState::default()).is_none());
        let mut s = sample();
        let c = controls_model(&s).unwrap();
        assert_eq!(c.datasets.len(), s.catalog.datasets.len());
        assert_eq!(c.period, *c.periods.last().unwrap());
        assert_eq!(c.indicator, s.current_indicator().unwrap());
        s.apply(Action::SetPeriod(c.periods[0].clone()));
        s.apply(Action::SetGroup(Some("no such group".into())));
        let c2 = controls_model(&s).unwrap();
        assert_eq!((c2.period.as_str(), c2.group.as_deref()), (c.periods[0].as_str(), None));
        assert_eq!(c2.summary, c.summary, "the same data set's summary, by address");
    }

    #[test]
    fn the_ranking_view_of_the_sample() {
        assert!(ranking_of(&AppState::default()).is_none());
        let mut s = sample();
        let (f, rows, m) = ranking_of(&s).unwrap();
        let period = f.period();
        assert!(!rows.rows.is_empty());
        assert!(rows.rows.windows(2).all(|w| w[0].rank <= w[1].rank), "in rank order");
        assert!(m.title.ends_with(&format!(" — {period}")), "{}", m.title);
        assert!(m.title.starts_with(t(Lang::Vi, K::RankingTitle)));
        let n = rows.rows.len().min(CHART_ALL);
        assert!(matches!(&m.spec, ChartSpec::Ranking { view, .. } if view.rows.len() == n));
        assert_eq!(rows.table.get().rows.len(), rows.rows.len());
        // The search and the order change the table, not the ranking.
        let first = rows.rows[0].unit.to_string();
        s.apply(Action::Search(first.clone()));
        s.apply(Action::Sort(SortKey::Unit));
        let (_, searched, _) = ranking_of(&s).unwrap();
        assert!(searched.rows.iter().all(|r| matches_search(&r.unit, &first)));
        assert!(searched.rows.len() < rows.rows.len());
        // In English, the title is in English.
        s.apply(Action::SetLang(Lang::En));
        let (_, _, m) = ranking_of(&s).unwrap();
        assert!(m.title.starts_with("Ranking — "), "{}", m.title);
    }

    #[test]
    fn a_long_ranking_draws_its_first_rows_and_my_unit() {
        let mut body = String::from("Xã,Điểm 2022\n");
        for k in 0..100 {
            body += &format!("Xã số {k},{}\n", 1000 - k);
        }
        let mut s = AppState::default();
        s.apply(Action::Loaded(Box::new(chiso_core::import_file(body.as_bytes(), "xa.csv"))));
        s.apply(Action::SetMyUnit(Some("Xã số 80".into())));
        let (_, rows, m) = ranking_of(&s).unwrap();
        assert_eq!(rows.rows.len(), 100);
        let ChartSpec::Ranking { view, .. } = &m.spec else { panic!("a ranking chart") };
        assert_eq!(view.rows.len(), CHART_ROWS + 1);
        assert_eq!(view.rows.last().unwrap().unit.as_str(), "Xã số 80");
        assert!(m.chart_title.ends_with(&format!("({})", i18n::first_rows(Lang::Vi, CHART_ROWS))));
        assert!(m.map.is_none(), "communes have no tile map");
    }

    #[test]
    fn focus_picks_units_and_labels_as_the_state_does() {
        let mut s = sample();
        s.apply(Action::SetMyUnit(Some(s.current().unwrap().units()[0].clone())));
        let f = Focus::of(&s).unwrap();
        assert_eq!(f.chosen_units(), s.chosen_units());
        assert_eq!(f.indicator_label(&f.indicator()), s.indicator_label(&f.indicator()));
        assert!(!f.regrouped());
    }
}
