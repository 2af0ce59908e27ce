//! The data sets shown, in the import report: each with its label (as the data set select
//! shows it), what it was joined from, «Tách» for a join and «Gộp với…» to join another.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::components::dom::select_value;
use crate::ui::i18n::{joined_from, t, K};
use crate::ui::state::ByPtr;
use chiso_core::{Catalog, Lang};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub catalog: ByPtr<Catalog>,
    /// (the data set's name, the other's name)
    pub on_join: Callback<(String, String)>,
    pub on_split: Callback<String>,
}

#[function_component]
pub fn DatasetList(p: &Props) -> Html {
    let lang = p.lang;
    let c = &p.catalog.0;
    if c.datasets.is_empty() {
        return html! {};
    }
    let labels: Vec<String> = c.datasets.iter().map(|d| d.label()).collect();
    let entry = |i: usize| {
        let name = c.datasets[i].name.clone();
        let on_join = {
            let cb = p.on_join.clone();
            let name = name.clone();
            Callback::from(move |e: Event| {
                let other = select_value(&e);
                // Back to the prompt: the list is the same after a join that did nothing.
                if let Some(s) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                    s.set_value("");
                }
                if !other.is_empty() {
                    cb.emit((name.clone(), other));
                }
            })
        };
        let on_split = {
            let cb = p.on_split.clone();
            let name = name.clone();
            Callback::from(move |_: MouseEvent| cb.emit(name.clone()))
        };
        let joined = c.is_joined(i);
        let parts = c.parts.get(i).cloned().unwrap_or_default();
        let others = (0..c.datasets.len()).filter(|j| *j != i).map(|j| {
            let other = &c.datasets[j].name;
            html! { <option value={other.clone()} title={other.clone()}>{labels[j].clone()}</option> }
        });
        html! {
            <li class={classes!("dataset", joined.then_some("joined"))} data-dataset-entry={labels[i].clone()}>
                <div class="dataset-head">
                    <span class="dataset-label" title={name.clone()}>{labels[i].clone()}</span>
                    if joined {
                        <button type="button" class="small" data-action="split-dataset" title={t(lang, K::SplitHint)}
                            onclick={on_split}>{t(lang, K::SplitDataset)}</button>
                    }
                    if c.datasets.len() > 1 {
                        <select data-control="join-dataset" aria-label={t(lang, K::JoinHint)} onchange={on_join}>
                            <option value="" selected=true>{t(lang, K::JoinWith)}</option>
                            { for others }
                        </select>
                    }
                </div>
                if joined {
                    <div class="dataset-parts">
                        {joined_from(lang, parts.len())}
                        <ul>{ for parts.into_iter().map(|x| html! { <li>{x}</li> }) }</ul>
                    </div>
                }
            </li>
        }
    };
    html! {
        <div class="datasets">
            <h3>{t(lang, K::DataSets)}</h3>
            <ul>{ for (0..c.datasets.len()).map(entry) }</ul>
        </div>
    }
}
