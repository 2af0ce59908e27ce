use yew::prelude::*;

use crate::ui::i18n::{t, K};
use crate::ui::state::View;
use chiso_core::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub view: View,
    pub on_view: Callback<View>,
}

fn label(v: View) -> K {
    match v {
        View::Ranking => K::ViewRanking,
        View::Comparison => K::ViewComparison,
        View::Trend => K::ViewTrend,
        View::Targets => K::ViewTargets,
        View::Brief => K::ViewBrief,
    }
}

/// The four views; arrow keys move between them as in any tab list.
#[function_component]
pub fn ViewTabs(p: &Props) -> Html {
    let onkeydown = {
        let (view, on_view) = (p.view, p.on_view.clone());
        Callback::from(move |e: KeyboardEvent| {
            let i = View::ALL.iter().position(|v| *v == view).unwrap_or(0);
            let next = match e.key().as_str() {
                "ArrowRight" => (i + 1) % View::ALL.len(),
                "ArrowLeft" => (i + View::ALL.len() - 1) % View::ALL.len(),
                _ => return,
            };
            e.prevent_default();
            on_view.emit(View::ALL[next]);
        })
    };
    html! {
        <nav class="tabs" role="tablist" aria-label={t(p.lang, K::Views)} {onkeydown}>
            { for View::ALL.iter().map(|v| {
                let v = *v;
                let active = v == p.view;
                let on_view = p.on_view.clone();
                html! {
                    <button type="button" role="tab" aria-selected={active.to_string()} tabindex={if active { "0" } else { "-1" }}
                        class={classes!("tab", active.then_some("active"))} data-action={format!("view-{}", v.name())}
                        onclick={Callback::from(move |_| on_view.emit(v))}>{t(p.lang, label(v))}</button>
                }
            }) }
        </nav>
    }
}
