use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::components::chart_canvas::ChartCanvas;
use crate::ui::components::controls::Controls;
use crate::ui::components::export_bar::ExportBar;
use crate::ui::i18n::{regrouped_note, t, K};
use crate::ui::state::{Action, ByPtr, Shared};
use crate::ui::tables::{self, signed};
use chiso_charts::spec::ChartSpec;
use chiso_charts::tilemap::{self, Layout, TileValue};
use chiso_core::analyse::{matches_search, ranking, sort_rows, RankRow, RankingView, SortKey};
use chiso_core::model::map2025::{Map, Map2025};
use chiso_core::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: Shared,
    pub dispatch: Callback<Action>,
}

fn change_cell(lang: Lang, r: &RankRow) -> Html {
    match r.rank_change {
        Some(c) if c > 0 => {
            html! { <span class="up" title={t(lang, K::Up)}>{format!("▲ {}", signed(lang, c as f64, 0))}</span> }
        }
        Some(c) if c < 0 => {
            html! { <span class="down" title={t(lang, K::Down)}>{format!("▼ {}", signed(lang, c as f64, 0))}</span> }
        }
        Some(_) => html! { <span class="same" title={t(lang, K::Same)}>{"= 0"}</span> },
        None => html! { <span class="none">{"–"}</span> },
    }
}

/// Rows shown in the table until "show all" is pressed (commune-level files have thousands).
pub const TABLE_ROWS: usize = 200;
/// Bars in the chart: the first rows of the table in its order (and my unit).
pub const CHART_ROWS: usize = 60;

#[function_component]
pub fn RankingPanel(p: &Props) -> Html {
    let show_all = use_state(|| false);
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
            ranking(&d.0, p, i, group.map(String::as_str))
        })
    });
    let Some(mut view) = (*computed).clone() else {
        return html! { <p class="empty" data-view="ranking">{t(lang, K::NothingLoaded)}</p> };
    };
    let (period, indicator) = (view.period.clone(), view.indicator.clone());
    sort_rows(&mut view.rows, s.sort, s.descending);
    let rows: Vec<&RankRow> = view.rows.iter().filter(|r| matches_search(&r.unit, &s.search)).collect();
    // The table to export has every row; the page shows the first ones (all on demand).
    // Regrouped onto the 34: what each value was made from.
    let note = |r: &RankRow| {
        s.derived_of(&r.unit, &period, &indicator).map(|(used, of)| regrouped_note(lang, used, of)).unwrap_or_default()
    };
    let notes: Option<Vec<String>> = s.regrouped.is_some().then(|| rows.iter().map(|r| note(r)).collect());
    let notes = notes.filter(|n| n.iter().any(|x| !x.is_empty()));
    let table = tables::ranking(lang, &rows, notes.as_deref());
    let hidden = if *show_all { 0 } else { rows.len().saturating_sub(TABLE_ROWS) };
    let shown = &rows[..rows.len() - hidden];
    let my = s.my_unit.clone();
    // The chart: the first rows, and my unit where it falls further down.
    let mut chart_rows: Vec<RankRow> = rows.iter().take(CHART_ROWS).map(|r| (*r).clone()).collect();
    if let Some(mine) = rows.iter().skip(CHART_ROWS).find(|r| my.as_deref() == Some(r.unit.as_str())) {
        chart_rows.push((*mine).clone());
    }
    let chart_notes: Option<Vec<String>> = notes.as_ref().map(|_| chart_rows.iter().map(note).collect());
    let chart_table = tables::ranking(lang, &chart_rows.iter().collect::<Vec<_>>(), chart_notes.as_deref());
    let chart_view = RankingView { rows: chart_rows, ..view.clone() };
    let dispatch = p.dispatch.clone();
    let on_search = {
        let d = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value());
            d.emit(Action::Search(v.unwrap_or_default()))
        })
    };
    let sort_header = |key: SortKey, label: K, class: &'static str| {
        let d = dispatch.clone();
        let active = s.sort == key;
        let aria = if !active {
            "none"
        } else if s.descending {
            "descending"
        } else {
            "ascending"
        };
        let arrow = if !active {
            ""
        } else if s.descending {
            " ↓"
        } else {
            " ↑"
        };
        html! {
            <th scope="col" class={class} aria-sort={aria}>
                <button type="button" class="sort" data-sort={key.name()}
                    onclick={Callback::from(move |_| d.emit(Action::Sort(key)))}>{format!("{}{arrow}", t(lang, label))}</button>
            </th>
        }
    };
    let title = format!("{} — {} — {}", t(lang, K::RankingTitle), s.indicator_label(&indicator), period);
    let chart_title = if rows.len() > CHART_ROWS {
        format!("{title} ({})", t(lang, K::FirstRows).replace("%n", &CHART_ROWS.to_string()))
    } else {
        title.clone()
    };
    let spec = ChartSpec::Ranking { view: chart_view, my_unit: my.clone() };
    // The provinces on a tile map beside the ranking: the 34 from 2025 (or regrouped onto
    // them), else the 63; only when the ranking is of provinces.
    let m = Map2025::shared();
    let provinces = view.rows.iter().filter(|r| m.province_2025(&r.unit).is_some()).count();
    let map_spec = (provinces >= 5 && provinces * 2 >= view.rows.len()).then(|| {
        let new_map = s.regrouped.is_some() || m.map_of(&period, view.rows.iter().map(|r| r.unit.as_str())) == Map::P34;
        let layout = if new_map { Layout::P34 } else { Layout::P63 };
        let values: Vec<TileValue> =
            view.rows.iter().map(|r| TileValue { unit: r.unit.clone(), value: r.value, rank: r.rank }).collect();
        let lower_is_better = s.current().is_some_and(|d| d.is_lower_better(&indicator));
        ChartSpec::TileMap { layout, values, my_unit: my.clone(), lower_is_better }
    });
    let map_table = match &map_spec {
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
    };
    let on_show_all = {
        let show_all = show_all.clone();
        Callback::from(move |_: MouseEvent| show_all.set(true))
    };
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
                <div class="table-wrap">
                    <table class="ranking" data-table="ranking">
                        <thead><tr>
                            {sort_header(SortKey::Rank, K::Rank, "num")}
                            {sort_header(SortKey::Unit, K::Unit, "")}
                            {sort_header(SortKey::Value, K::Value, "num")}
                            {sort_header(SortKey::Change, K::Change, "num")}
                            <th scope="col" class="num">{t(lang, K::ValueChange)}</th>
                            if notes.is_some() { <th scope="col">{t(lang, K::NoteCol)}</th> }
                        </tr></thead>
                        <tbody>
                            { for shown.iter().map(|r| {
                                let mine = my.as_deref() == Some(r.unit.as_str());
                                let derived = note(r);
                                let tip = match r.value_change {
                                    Some(c) => format!("{}: {}", t(lang, K::ValueChange), signed(lang, c, 2)),
                                    None => String::new(),
                                };
                                let tip = if derived.is_empty() { tip } else { format!("{derived}. {tip}") };
                                html! {
                                    <tr class={classes!(mine.then_some("mine"))} data-unit={r.unit.clone()}>
                                        <td class="num">{r.rank.map(|x| format!("{x}{}", if derived.is_empty() { "" } else { "*" })).unwrap_or_else(|| "–".into())}</td>
                                        <th scope="row">{r.unit.clone()}</th>
                                        <td class="num" title={tip}>{r.value.map(|v| lang.num(v, 2)).unwrap_or_else(|| "–".into())}</td>
                                        <td class="num change">{change_cell(lang, r)}</td>
                                        <td class="num">{r.value_change.map(|c| signed(lang, c, 2)).unwrap_or_else(|| "–".into())}</td>
                                        if notes.is_some() { <td class="note" data-derived={(!derived.is_empty()).then_some("true")}>{derived.clone()}</td> }
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                    if hidden > 0 {
                        <p class="more-rows">
                            <button type="button" data-action="show-all-rows" onclick={on_show_all}>
                                {t(lang, K::ShowAllRows).replace("%n", &rows.len().to_string())}
                            </button>
                        </p>
                    }
                </div>
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
