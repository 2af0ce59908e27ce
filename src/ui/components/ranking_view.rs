use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::analyse::{matches_search, ranking, sort_rows, RankRow, SortKey};
use crate::core::Lang;
use crate::ui::components::chart_canvas::RankingChart;
use crate::ui::i18n::{indicator_name, t, K};
use crate::ui::state::{Action, AppState};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: std::rc::Rc<AppState>,
    pub dispatch: Callback<Action>,
}

fn select_value(e: &Event) -> String {
    e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value()).unwrap_or_default()
}

fn change_cell(lang: Lang, r: &RankRow) -> Html {
    match r.rank_change {
        Some(c) if c > 0 => {
            html! { <span class="up" title={t(lang, K::Up)}>{format!("▲ +{c}")}</span> }
        }
        Some(c) if c < 0 => {
            html! { <span class="down" title={t(lang, K::Down)}>{format!("▼ −{}", -c)}</span> }
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
        return html! { <p class="empty">{t(lang, K::NothingLoaded)}</p> };
    };
    let period = s.current_period().unwrap_or_default();
    let indicator = s.current_indicator().unwrap_or_default();
    let groups: Vec<String> = d.groups().into_iter().filter(|g| !g.is_empty()).collect();
    let group = s.group.clone().filter(|g| groups.contains(g));
    let mut view = ranking(d, &period, &indicator, group.as_deref());
    sort_rows(&mut view.rows, s.sort, s.descending);
    let rows: Vec<&RankRow> = view.rows.iter().filter(|r| matches_search(&r.unit, &s.search)).collect();
    let dispatch = p.dispatch.clone();

    let on_dataset = {
        let d = dispatch.clone();
        Callback::from(move |e: Event| d.emit(Action::SetDataset(select_value(&e).parse().unwrap_or(0))))
    };
    let on_period = {
        let d = dispatch.clone();
        Callback::from(move |e: Event| d.emit(Action::SetPeriod(select_value(&e))))
    };
    let on_indicator = {
        let d = dispatch.clone();
        Callback::from(move |e: Event| d.emit(Action::SetIndicator(select_value(&e))))
    };
    let on_group = {
        let d = dispatch.clone();
        Callback::from(move |e: Event| {
            let v = select_value(&e);
            d.emit(Action::SetGroup((!v.is_empty()).then_some(v)))
        })
    };
    let on_my_unit = {
        let d = dispatch.clone();
        Callback::from(move |e: Event| {
            let v = select_value(&e);
            d.emit(Action::SetMyUnit((!v.is_empty()).then_some(v)))
        })
    };
    let on_search = {
        let d = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let v = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .map(|i| i.value())
                .unwrap_or_default();
            d.emit(Action::Search(v))
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
                <button type="button" class="sort" data-sort={format!("{key:?}").to_lowercase()}
                    onclick={Callback::from(move |_| d.emit(Action::Sort(key)))}>{format!("{}{arrow}", t(lang, label))}</button>
            </th>
        }
    };
    let units = {
        let mut u = d.units();
        u.sort_by_key(|x| crate::core::text::vi_sort_key(x));
        u
    };
    let my = s.my_unit.clone();
    html! {
        <section class="view" data-view="ranking" aria-labelledby="ranking-title">
            <h2 id="ranking-title">{format!("{} — {} — {}", t(lang, K::RankingTitle), indicator_name(lang, &indicator), period)}</h2>
            <div class="controls">
                <label>{t(lang, K::DataSet)}
                    <select data-control="dataset" onchange={on_dataset}>
                        { for s.catalog.datasets.iter().enumerate().map(|(i, ds)| html! {
                            <option value={i.to_string()} selected={i == s.dataset}>{ds.name.clone()}</option>
                        }) }
                    </select>
                </label>
                <label>{t(lang, K::Period)}
                    <select data-control="period" onchange={on_period}>
                        { for d.periods().into_iter().map(|x| html! { <option selected={x == period} value={x.clone()}>{x}</option> }) }
                    </select>
                </label>
                <label>{t(lang, K::Indicator)}
                    <select data-control="indicator" onchange={on_indicator}>
                        { for d.indicators().into_iter().map(|x| html! { <option selected={x == indicator} value={x.clone()}>{indicator_name(lang, &x)}</option> }) }
                    </select>
                </label>
                if !groups.is_empty() {
                    <label>{t(lang, K::Group)}
                        <select data-control="group" onchange={on_group}>
                            <option value="" selected={group.is_none()}>{t(lang, K::AllGroups)}</option>
                            { for groups.iter().map(|x| html! { <option selected={Some(x) == group.as_ref()} value={x.clone()}>{x.clone()}</option> }) }
                        </select>
                    </label>
                }
                <label>{t(lang, K::MyUnit)}
                    <select data-control="my-unit" onchange={on_my_unit}>
                        <option value="" selected={my.is_none()}>{t(lang, K::NoUnit)}</option>
                        { for units.iter().map(|x| html! { <option selected={Some(x) == my.as_ref()} value={x.clone()}>{x.clone()}</option> }) }
                    </select>
                </label>
                <label>{t(lang, K::Search)}
                    <input type="search" data-control="search" placeholder={t(lang, K::SearchHint)} value={s.search.clone()} oninput={on_search} />
                </label>
            </div>
            <div class="ranking-body">
                <div class="table-wrap">
                    <table class="ranking" data-table="ranking">
                        <thead><tr>
                            {sort_header(SortKey::Rank, K::Rank, "num")}
                            {sort_header(SortKey::Unit, K::Unit, "")}
                            {sort_header(SortKey::Value, K::Value, "num")}
                            {sort_header(SortKey::Change, K::Change, "num")}
                        </tr></thead>
                        <tbody>
                            { for rows.iter().map(|r| {
                                let mine = my.as_deref() == Some(r.unit.as_str());
                                html! {
                                    <tr class={classes!(mine.then_some("mine"))} data-unit={r.unit.clone()}>
                                        <td class="num">{r.rank.map(|x| x.to_string()).unwrap_or_else(|| "–".into())}</td>
                                        <th scope="row">{r.unit.clone()}</th>
                                        <td class="num">{r.value.map(|v| lang.num(v, 2)).unwrap_or_else(|| "–".into())}</td>
                                        <td class="num change">{change_cell(lang, r)}</td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
                <RankingChart lang={lang} view={view.clone()} my_unit={my.clone()} />
            </div>
        </section>
    }
}
