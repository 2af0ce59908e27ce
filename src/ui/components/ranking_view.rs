use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::charts::spec::ChartSpec;
use crate::core::analyse::{matches_search, ranking, sort_rows, RankRow, SortKey};
use crate::core::Lang;
use crate::ui::components::chart_canvas::ChartCanvas;
use crate::ui::components::controls::Controls;
use crate::ui::components::export_bar::ExportBar;
use crate::ui::i18n::{indicator_name, t, K};
use crate::ui::state::{Action, AppState};
use crate::ui::tables::{self, signed};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: Rc<AppState>,
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

#[function_component]
pub fn RankingPanel(p: &Props) -> Html {
    let s = &p.state;
    let lang = s.lang;
    let Some(d) = s.current() else {
        return html! { <p class="empty" data-view="ranking">{t(lang, K::NothingLoaded)}</p> };
    };
    let period = s.current_period().unwrap_or_default();
    let indicator = s.current_indicator().unwrap_or_default();
    let group = s.group.clone().filter(|g| d.groups().contains(g));
    let mut view = ranking(d, &period, &indicator, group.as_deref());
    sort_rows(&mut view.rows, s.sort, s.descending);
    let rows: Vec<&RankRow> = view.rows.iter().filter(|r| matches_search(&r.unit, &s.search)).collect();
    let table = tables::ranking(lang, &rows);
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
    let my = s.my_unit.clone();
    let title = format!("{} — {} — {}", t(lang, K::RankingTitle), indicator_name(lang, &indicator), period);
    let spec = ChartSpec::Ranking { view: view.clone(), my_unit: my.clone() };
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
            <div class="ranking-body">
                <div class="table-wrap">
                    <table class="ranking" data-table="ranking">
                        <thead><tr>
                            {sort_header(SortKey::Rank, K::Rank, "num")}
                            {sort_header(SortKey::Unit, K::Unit, "")}
                            {sort_header(SortKey::Value, K::Value, "num")}
                            {sort_header(SortKey::Change, K::Change, "num")}
                            <th scope="col" class="num">{t(lang, K::ValueChange)}</th>
                        </tr></thead>
                        <tbody>
                            { for rows.iter().map(|r| {
                                let mine = my.as_deref() == Some(r.unit.as_str());
                                let tip = match r.value_change {
                                    Some(c) => format!("{}: {}", t(lang, K::ValueChange), signed(lang, c, 2)),
                                    None => String::new(),
                                };
                                html! {
                                    <tr class={classes!(mine.then_some("mine"))} data-unit={r.unit.clone()}>
                                        <td class="num">{r.rank.map(|x| x.to_string()).unwrap_or_else(|| "–".into())}</td>
                                        <th scope="row">{r.unit.clone()}</th>
                                        <td class="num" title={tip}>{r.value.map(|v| lang.num(v, 2)).unwrap_or_else(|| "–".into())}</td>
                                        <td class="num change">{change_cell(lang, r)}</td>
                                        <td class="num">{r.value_change.map(|c| signed(lang, c, 2)).unwrap_or_else(|| "–".into())}</td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
                <ChartCanvas lang={lang} spec={spec} title={title} table={table} table_summary={t(lang, K::DataTable)} />
            </div>
        </section>
    }
}
