use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::components::chart_canvas::ChartCanvas;
use crate::ui::components::controls::Controls;
use crate::ui::components::export_bar::ExportBar;
use crate::ui::components::ranking_table::RankingTable;
use crate::ui::i18n::{regrouped_note, t, K};
use crate::ui::state::{Action, ByPtr, Shared};
use crate::ui::tables::{self, TableSource};
use chiso_charts::spec::ChartSpec;
use chiso_charts::tilemap::{self, Layout, TileValue};
use chiso_core::analyse::{matches_search, ranking, sort_rows, RankRow, RankingView, SortKey};
use chiso_core::model::map2025::{Map, Map2025};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: Shared,
    pub dispatch: Callback<Action>,
}

/// Rankings up to this long (the 63 provinces, and a few rows more) have every row in the
/// chart.
pub const CHART_ALL: usize = 70;
/// A longer one (communes: 10,600) has the first rows of the table in its order, and my
/// unit. Thirty of them: the chart is then about as tall as the table's view, and drawing
/// it is half of a view change's drawing with sixty.
pub const CHART_ROWS: usize = 30;

#[function_component]
pub fn RankingPanel(p: &Props) -> Html {
    let s = &p.state;
    let lang = s.lang;
    // The ranking is worked out again only when its data set, period, indicator or group
    // change: not for my unit, the search, the sort or the language.
    let key = s.current_rc().map(|d| {
        (
            ByPtr(d.clone()),
            s.current_period().unwrap_or_default(),
            s.current_indicator().unwrap_or_default(),
            s.group.clone(),
        )
    });
    let computed = use_memo(key, |k| {
        k.as_ref().map(|(d, p, i, g)| {
            // A group of another data set does not filter this one.
            let group = g.as_ref().filter(|g| d.0.groups().contains(g));
            // The rows apart, shared: in rank order (as `ranking` gives them) and with no
            // search, the table shows them as they are, copying none.
            let mut view = ranking(&d.0, p, i, group.map(String::as_str));
            let all = Rc::new(std::mem::take(&mut view.rows));
            (view, all)
        })
    });
    // The table's rows in their order, their notes and the table to export: again only
    // when the ranking, the order, the search or the language change.
    let table_key = (ByPtr(computed.clone()), s.sort, s.descending, s.search.clone(), lang);
    let state = p.state.clone();
    let sorted = use_memo(table_key, move |_| {
        computed.as_ref().as_ref().map(|(view, all)| {
            let s = &state;
            // `ranking` gives them by rank already.
            let rows = if (s.sort, s.descending, s.search.is_empty()) == (SortKey::Rank, false, true) {
                all.clone()
            } else {
                let mut rows: Vec<RankRow> =
                    all.iter().filter(|r| matches_search(&r.unit, &s.search)).cloned().collect();
                if (s.sort, s.descending) != (SortKey::Rank, false) {
                    sort_rows(&mut rows, s.sort, s.descending, s.current().map(|d| d.summary()).as_deref());
                }
                Rc::new(rows)
            };
            // Regrouped onto the 34: what each value was made from.
            let notes: Option<Vec<String>> = s.regrouped.is_some().then(|| {
                rows.iter()
                    .map(|r| {
                        s.derived_of(&r.unit, &view.period, &view.indicator)
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
            (computed.clone(), rows, notes, table)
        })
    });
    // The ranking itself is shared with the memo, not copied (10,600 rows for communes).
    let Some(((view, all), rows, notes, table)) =
        sorted.as_ref().as_ref().and_then(|(c, r, n, t)| Some((c.as_ref().as_ref()?, r.clone(), n.clone(), t.clone())))
    else {
        return html! { <p class="empty" data-view="ranking">{t(lang, K::NothingLoaded)}</p> };
    };
    let (period, indicator) = (view.period.clone(), view.indicator.clone());
    let my = s.my_unit.clone();
    // The chart: the first rows, and my unit where it falls further down (with their notes).
    let cut = if rows.len() <= CHART_ALL { rows.len() } else { CHART_ROWS };
    let mine = rows.iter().skip(cut).position(|r| my.as_deref() == Some(r.unit.as_str()));
    let shown: Vec<usize> = (0..cut).chain(mine.map(|i| i + cut)).collect();
    let chart_rows: Vec<RankRow> = shown.iter().map(|&i| rows[i].clone()).collect();
    let chart_notes: Option<Vec<String>> = notes.as_ref().map(|n| shown.iter().map(|&i| n[i].clone()).collect());
    let chart_table = {
        let (rows, notes) = (chart_rows.clone(), chart_notes.clone());
        TableSource::lazy(move || tables::ranking(lang, &rows.iter().collect::<Vec<_>>(), notes.as_deref()))
    };
    let chart_view = RankingView {
        dataset: view.dataset.clone(),
        period: view.period.clone(),
        previous: view.previous.clone(),
        indicator: view.indicator.clone(),
        rows: chart_rows,
    };
    let dispatch = p.dispatch.clone();
    let on_search = {
        let d = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value());
            d.emit(Action::Search(v.unwrap_or_default()))
        })
    };
    let title = format!("{} — {} — {}", t(lang, K::RankingTitle), s.indicator_label(&indicator), period);
    let chart_title = if rows.len() > cut {
        format!("{title} ({})", t(lang, K::FirstRows).replace("%n", &cut.to_string()))
    } else {
        title.clone()
    };
    let spec = ChartSpec::Ranking { view: chart_view, my_unit: my.clone() };
    // The provinces on a tile map beside the ranking: the 34 from 2025 (or regrouped onto
    // them), else the 63; only when the ranking is of provinces.
    let m = Map2025::shared();
    // (At most 63 + 21 former provinces: a longer ranking is not mostly provinces, and its
    // names need not be looked up.)
    let provinces =
        if all.len() > 2 * 84 { 0 } else { all.iter().filter(|r| m.province_2025(&r.unit).is_some()).count() };
    let map_spec = (provinces >= 5 && provinces * 2 >= all.len()).then(|| {
        let new_map = s.regrouped.is_some() || m.map_of(&period, all.iter().map(|r| r.unit.as_str())) == Map::P34;
        let layout = if new_map { Layout::P34 } else { Layout::P63 };
        let values: Vec<TileValue> =
            all.iter().map(|r| TileValue { unit: r.unit.to_string(), value: r.value, rank: r.rank }).collect();
        let lower_is_better = s.current().is_some_and(|d| d.is_lower_better(&indicator));
        ChartSpec::TileMap { layout, values, my_unit: my.clone(), lower_is_better }
    });
    let map_table = TableSource::ready(match &map_spec {
        Some(ChartSpec::TileMap { layout, values, .. }) => tables::Table {
            header: [K::Unit, K::Value, K::Rank, K::Quartile].iter().map(|k| t(lang, *k).to_string()).collect(),
            rows: tilemap::table_rows(*layout, values)
                .into_iter()
                .map(|(name, v, r, q)| {
                    vec![
                        name,
                        v.map(|v| lang.num(v, 2)).unwrap_or_else(|| "–".into()),
                        r.map(|r| r.to_string()).unwrap_or_else(|| "–".into()),
                        if q == 0 { "–".into() } else { q.to_string() },
                    ]
                })
                .collect(),
        },
        _ => tables::Table::default(),
    });
    html! {
        <section class="view" data-view="ranking" aria-labelledby="view-title">
            <h2 id="view-title">{title.clone()}</h2>
            <Controls state={p.state.clone()} dispatch={dispatch.clone()} />
            <div class="controls">
                <label>{t(lang, K::Search)}
                    <input type="search" data-control="search" placeholder={t(lang, K::SearchHint)} value={s.search.clone()} oninput={on_search} />
                </label>
            </div>
            <ExportBar lang={lang} chart={Some(spec.clone())} table={table.clone()} name="xep-hang" />
            if notes.is_some() { <p class="regroup-caption" data-regrouped="true">{t(lang, K::RegroupCaption)}</p> }
            <div class={classes!("ranking-body", map_spec.is_some().then_some("with-map"))}>
                <RankingTable lang={lang} rows={rows.clone()} notes={notes.clone()} my_unit={my.clone()}
                    sort={s.sort} descending={s.descending} dispatch={dispatch.clone()} />
                <ChartCanvas lang={lang} spec={spec} title={chart_title} table={chart_table} table_summary={t(lang, K::DataTable)} />
                if let Some(ms) = map_spec {
                    <div class="tilemap-wrap">
                        <ExportBar lang={lang} chart={Some(ms.clone())} table={map_table.clone()} name="ban-do" prefix="map-" />
                        <ChartCanvas lang={lang} spec={ms} title={format!("{} — {}", t(lang, K::TileMapTitle), s.indicator_label(&indicator))}
                            table={map_table} table_summary={t(lang, K::DataTable)} />
                    </div>
                }
            </div>
        </section>
    }
}
