//! The ranking's table. Up to `ALL_ROWS` rows it holds every row; beyond (communes:
//! 10,600 before 2025, 3,321 since) it holds only the rows in view and a spacer above and
//! below, so scrolling ten thousand units costs as much as scrolling forty.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::components::use_dispatch;
use crate::ui::i18n::{t, K};
use crate::ui::state::Action;
use crate::ui::tables::{num, or_dash, signed, window, ALL_ROWS, DASH, FIRST_HEIGHT, ROW_PX};
use chiso_core::analyse::{RankRow, SortKey};
use chiso_core::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub rows: Rc<Vec<RankRow>>,
    /// What each row's value is made from, when regrouped (same order as `rows`).
    pub notes: Option<Rc<Vec<String>>>,
    pub my_unit: Option<String>,
    pub sort: SortKey,
    pub descending: bool,
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
        None => html! { <span class="none">{DASH}</span> },
    }
}

fn row(lang: Lang, r: &RankRow, derived: &str, mine: bool, notes: bool) -> Html {
    let tip = match r.value_change {
        Some(c) => format!("{}: {}", t(lang, K::ValueChange), signed(lang, c, 2)),
        None => String::new(),
    };
    let tip = if derived.is_empty() { tip } else { format!("{derived}. {tip}") };
    let star = if derived.is_empty() { "" } else { "*" };
    html! {
        <tr class={classes!(mine.then_some("mine"))} data-unit={r.unit.to_string()}>
            <td class="num">{or_dash(r.rank.map(|x| format!("{x}{star}")))}</td>
            <th scope="row">{r.unit.to_string()}</th>
            <td class="num" title={tip}>{num(lang, r.value, 2)}</td>
            <td class="num change">{change_cell(lang, r)}</td>
            <td class="num">{or_dash(r.value_change.map(|c| signed(lang, c, 2)))}</td>
            if notes { <td class="note" data-derived={(!derived.is_empty()).then_some("true")}>{derived.to_string()}</td> }
        </tr>
    }
}

#[function_component]
pub fn RankingTable(p: &Props) -> Html {
    let lang = p.lang;
    let dispatch = use_dispatch();
    let wrap = use_node_ref();
    // (scroll top, view height) in CSS pixels; set only when the drawn rows would change.
    let scroll = use_state_eq(|| (0usize, FIRST_HEIGHT));
    let len = p.rows.len();
    let windowed = len > ALL_ROWS;
    let (first, last) = window(len, scroll.0, scroll.1);
    let on_scroll = {
        let (wrap, scroll) = (wrap.clone(), scroll.clone());
        Callback::from(move |_: Event| {
            if let Some(el) = wrap.cast::<web_sys::Element>() {
                let (top, height) = (el.scroll_top().max(0) as usize, el.client_height().max(0) as usize);
                // Only a move past a whole row asks for a new window.
                let (old_top, old_height) = *scroll;
                if top / ROW_PX != old_top / ROW_PX || height != old_height {
                    scroll.set((top, height));
                }
            }
        })
    };
    let sort_header = |key: SortKey, label: K, class: &'static str| {
        let d = dispatch.clone();
        let active = p.sort == key;
        let (aria, arrow) = match (active, p.descending) {
            (false, _) => ("none", ""),
            (true, true) => ("descending", " ↓"),
            (true, false) => ("ascending", " ↑"),
        };
        html! {
            <th scope="col" class={class} aria-sort={aria}>
                <button type="button" class="sort" data-sort={key.name()}
                    onclick={Callback::from(move |_| d.emit(Action::Sort(key)))}>{format!("{}{arrow}", t(lang, label))}</button>
            </th>
        }
    };
    let notes = p.notes.as_deref();
    let derived = |i: usize| notes.and_then(|n| n.get(i)).map(String::as_str).unwrap_or("");
    let spacer = |rows: usize| {
        (rows > 0).then(
            || html! { <tr class="spacer" aria-hidden="true" style={format!("height:{}px", rows * ROW_PX)}></tr> },
        )
    };
    html! {
        <div class="table-wrap" ref={wrap} onscroll={on_scroll} data-rows={len.to_string()}
            data-windowed={windowed.then_some("true")}>
            <table class={classes!("ranking", windowed.then_some("windowed"))} data-table="ranking" aria-rowcount={(len + 1).to_string()}>
                <thead><tr>
                    {sort_header(SortKey::Rank, K::Rank, "num")}
                    {sort_header(SortKey::Unit, K::Unit, "")}
                    {sort_header(SortKey::Value, K::Value, "num")}
                    {sort_header(SortKey::Change, K::Change, "num")}
                    <th scope="col" class="num">{t(lang, K::ValueChange)}</th>
                    if notes.is_some() { <th scope="col">{t(lang, K::NoteCol)}</th> }
                </tr></thead>
                <tbody>
                    {spacer(first)}
                    { for (first..last).map(|i| {
                        let r = &p.rows[i];
                        row(lang, r, derived(i), p.my_unit.as_deref() == Some(r.unit.as_str()), notes.is_some())
                    }) }
                    {spacer(len - last)}
                </tbody>
            </table>
        </div>
    }
}
