use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::i18n::{t, K};
use chiso_core::Lang;

/// Every format the importer reads.
pub const ACCEPT: &str = ".xlsx,.xlsm,.xlsb,.xls,.ods,.csv,.tsv,.txt,.docx,.docm,.pdf";

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub on_files: Callback<Vec<web_sys::File>>,
    pub on_sample: Callback<()>,
}

pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

#[function_component]
pub fn DropZone(p: &Props) -> Html {
    let over = use_state(|| false);
    let input_ref = use_node_ref();
    let on_change = {
        let on_files = p.on_files.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
                return;
            };
            let files = files_of(input.files());
            // Clear, so that choosing the same file again is seen as a change.
            input.set_value("");
            if !files.is_empty() {
                on_files.emit(files);
            }
        })
    };
    let on_drop = {
        let on_files = p.on_files.clone();
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(false);
            let files = files_of(e.data_transfer().and_then(|d| d.files()));
            if !files.is_empty() {
                on_files.emit(files);
            }
        })
    };
    let on_drag_over = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(true);
        })
    };
    let on_drag_leave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let choose = {
        let input_ref = input_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = input_ref.cast::<web_sys::HtmlInputElement>() {
                input.click();
            }
        })
    };
    let on_sample = {
        let cb = p.on_sample.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let lang = p.lang;
    html! {
        <section class={classes!("drop", (*over).then_some("over"))}
            ondrop={on_drop} ondragover={on_drag_over} ondragleave={on_drag_leave}>
            <p class="drop-title">{t(lang, K::DropHere)}</p>
            <input ref={input_ref} id="file-input" class="visually-hidden" type="file" multiple=true
                accept={ACCEPT} onchange={on_change} aria-label={t(lang, K::ChooseFiles)} />
            <div class="actions">
                <button type="button" class="primary" data-action="choose-files" onclick={choose}>{t(lang, K::ChooseFiles)}</button>
                <button type="button" data-action="load-sample" onclick={on_sample}>{t(lang, K::LoadSample)}</button>
            </div>
            <p class="hint">{t(lang, K::Privacy)}</p>
        </section>
    }
}
