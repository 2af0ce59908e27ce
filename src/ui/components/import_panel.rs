use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::components::drop_zone::files_of;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Shown (the drop zone and the import report) or collapsed to its summary line.
    pub open: bool,
    /// Whether there is anything to collapse (data loaded); without it there is no summary.
    pub collapsible: bool,
    /// «3 tệp · 2 bộ dữ liệu · 1 bảng chỉ tiêu — xem chi tiết»
    pub summary: String,
    pub on_toggle: Callback<bool>,
    pub on_files: Callback<Vec<web_sys::File>>,
    pub children: Html,
}

/// The drop zone and the import report, which collapse to one line once data is in, so
/// that the view starts on the first screen. Files dropped on the collapsed line are read
/// as if dropped on the drop zone.
#[function_component]
pub fn ImportPanel(p: &Props) -> Html {
    let ontoggle = {
        let cb = p.on_toggle.clone();
        let open = p.open;
        Callback::from(move |e: Event| {
            let now = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).map(|d| d.open());
            if let Some(now) = now.filter(|n| *n != open) {
                cb.emit(now);
            }
        })
    };
    // While open, the drop zone inside takes the drop.
    let collapsed = !p.open;
    let ondrop = {
        let on_files = p.on_files.clone();
        Callback::from(move |e: DragEvent| {
            if collapsed {
                e.prevent_default();
                let files = files_of(e.data_transfer().and_then(|d| d.files()));
                if !files.is_empty() {
                    on_files.emit(files);
                }
            }
        })
    };
    let ondragover = Callback::from(move |e: DragEvent| {
        if collapsed {
            e.prevent_default();
        }
    });
    html! {
        <details class={classes!("import-panel", (!p.collapsible).then_some("bare"))} open={p.open}
            {ontoggle} {ondrop} {ondragover}>
            <summary class="import-summary" data-import-summary={p.summary.clone()}>{p.summary.clone()}</summary>
            {p.children.clone()}
        </details>
    }
}
