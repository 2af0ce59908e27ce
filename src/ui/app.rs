//! The app: one reducer, the header, the loader, the report and the current view.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::codec::{decode, encode, CodecError};
use crate::core::export::{targets_csv, tidy_csv};
use crate::core::{import_file, import_file_with, ImportOptions, Lang};
use crate::ui::browser::{download_csv, read_and_import, set_document_lang};
use crate::ui::components::comparison_view::ComparisonPanel;
use crate::ui::components::drop_zone::DropZone;
use crate::ui::components::header::Header;
use crate::ui::components::import_report::ImportReportView;
use crate::ui::components::ranking_view::RankingPanel;
use crate::ui::components::share::Share;
use crate::ui::components::targets_view::TargetsPanel;
use crate::ui::components::trend_view::TrendPanel;
use crate::ui::components::unit_mapper::UnitMapper;
use crate::ui::components::view_tabs::ViewTabs;
use crate::ui::i18n::{t, K};
use crate::ui::state::{Action, AppState, View};

/// The built-in sample workbook (written by `cargo run --example gen_sample`).
pub const SAMPLE: &[u8] = include_bytes!("../../assets/sample/chiso-mau.xlsx");
pub const SAMPLE_NAME: &str = "chiso-mau.xlsx";

#[derive(Clone, Default, PartialEq)]
struct Store(AppState);

impl Reducible for Store {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        next.0.apply(action);
        Rc::new(next)
    }
}

#[function_component]
pub fn App() -> Html {
    let store = use_reducer(Store::default);
    let state = Rc::new(store.0.clone());
    let lang = state.lang;
    use_effect_with(lang, |l| set_document_lang(*l));

    let dispatch = {
        let store = store.dispatcher();
        Callback::from(move |a: Action| store.dispatch(a))
    };
    let on_files = {
        let dispatch = dispatch.clone();
        Callback::from(move |files: Vec<web_sys::File>| {
            for f in files {
                dispatch.emit(Action::Loading(f.name()));
                let dispatch = dispatch.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let (outcome, bytes) = read_and_import(f).await;
                    if let Some(b) = bytes {
                        dispatch.emit(Action::Source(outcome.report.file.clone(), b));
                    }
                    dispatch.emit(Action::Loaded(Box::new(outcome)));
                });
            }
        })
    };
    let on_sample = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| {
            dispatch.emit(Action::Loading(SAMPLE_NAME.to_string()));
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                gloo::timers::future::TimeoutFuture::new(0).await;
                dispatch.emit(Action::Source(SAMPLE_NAME.to_string(), Rc::new(SAMPLE.to_vec())));
                dispatch.emit(Action::Loaded(Box::new(import_file(SAMPLE, SAMPLE_NAME))));
            });
        })
    };
    let on_reread = {
        let dispatch = dispatch.clone();
        let sources = state.sources.clone();
        Callback::from(move |(file, options): (String, ImportOptions)| {
            let Some(bytes) = sources.get(&file).cloned() else { return };
            dispatch.emit(Action::SetOptions(file.clone(), options.clone()));
            dispatch.emit(Action::Loading(file.clone()));
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                gloo::timers::future::TimeoutFuture::new(0).await;
                dispatch.emit(Action::Loaded(Box::new(import_file_with(&bytes, &file, &options))));
            });
        })
    };
    let on_unmerge = {
        let dispatch = dispatch.clone();
        Callback::from(move |spelling: String| dispatch.emit(Action::SetUnit(spelling.clone(), spelling)))
    };
    let on_map = {
        let dispatch = dispatch.clone();
        Callback::from(move |(spelling, unit): (String, String)| dispatch.emit(Action::SetUnit(spelling, unit)))
    };
    let on_clear = {
        let dispatch = dispatch.clone();
        Callback::from(move |spelling: String| dispatch.emit(Action::ClearUnit(spelling)))
    };
    // The address follows the view: read it once at start and on back/forward, write it
    // (as a new history entry) whenever the view changes.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let read = move || {
                let hash = gloo::utils::window().location().hash().unwrap_or_default();
                let hash = hash.trim_start_matches('#');
                if !hash.is_empty() {
                    match decode(hash) {
                        Ok(v) => dispatch.emit(Action::Restore(Box::new(v))),
                        Err(e) => dispatch.emit(Action::LinkError(e)),
                    }
                }
            };
            read();
            let listener = gloo::events::EventListener::new(&gloo::utils::window(), "popstate", move |_| read());
            move || drop(listener)
        });
    }
    let encoded =
        (!state.catalog.datasets.is_empty() && state.pending.is_none()).then(|| encode(&state.view_state(false)));
    use_effect_with(encoded, |enc| {
        if let Some(e) = enc {
            let window = gloo::utils::window();
            let current = window.location().hash().unwrap_or_default();
            if current.trim_start_matches('#') != e {
                if let Ok(h) = window.history() {
                    let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("#{e}")));
                }
            }
        }
    });
    let on_view = {
        let dispatch = dispatch.clone();
        Callback::from(move |v: View| dispatch.emit(Action::SetView(v)))
    };
    let on_lang = {
        let dispatch = dispatch.clone();
        Callback::from(move |l: Lang| dispatch.emit(Action::SetLang(l)))
    };
    let export_tidy = {
        let catalog = state.catalog.clone();
        Callback::from(move |_: MouseEvent| download_csv("chiso-tidy.csv", &tidy_csv(&catalog)))
    };
    let export_targets = {
        let catalog = state.catalog.clone();
        Callback::from(move |_: MouseEvent| download_csv("chiso-targets.csv", &targets_csv(&catalog)))
    };
    let has_data = !state.catalog.datasets.is_empty();
    let has_targets = !state.catalog.targets.is_empty();
    html! {
        <>
            <Header lang={lang} on_lang={on_lang} />
            <main>
                <div class="load-row">
                    <DropZone lang={lang} on_files={on_files} on_sample={on_sample} />
                    <div class="exports">
                        <button type="button" data-action="export-tidy" disabled={!has_data} onclick={export_tidy}>{t(lang, K::ExportTidy)}</button>
                        <button type="button" data-action="export-targets" disabled={!has_targets} onclick={export_targets}>{t(lang, K::ExportTargets)}</button>
                        <p class="hint">{t(lang, K::SampleNote)}</p>
                    </div>
                </div>
                <ImportReportView lang={lang} reports={state.catalog.reports.clone()} loading={state.loading.clone()}
                    options={state.options.clone()} rereadable={state.sources.keys().cloned().collect::<Vec<_>>()}
                    on_unmerge={on_unmerge} on_reread={on_reread} />
                <UnitMapper lang={lang} spellings={state.catalog.spellings()} overrides={state.catalog.unit_overrides.clone()}
                    on_map={on_map} on_clear={on_clear} />
                if let Some(e) = &state.link_error {
                    <p class="link-message error" role="alert" data-link-error="true">
                        {t(lang, if matches!(e, CodecError::FutureVersion(_)) { K::LinkFuture } else { K::LinkDamaged })}
                    </p>
                }
                if let Some(p) = &state.pending {
                    <p class="link-message" role="status" data-link-pending={p.files.join(", ")}>
                        {t(lang, K::LinkWaits).replace("%f", &p.files.join(", "))}
                    </p>
                }
                <div class="view-bar">
                    <ViewTabs lang={lang} view={state.view} on_view={on_view} />
                    <Share state={state.clone()} />
                </div>
                { match state.view {
                    View::Ranking => html! { <RankingPanel state={state.clone()} dispatch={dispatch.clone()} /> },
                    View::Comparison => html! { <ComparisonPanel state={state.clone()} dispatch={dispatch.clone()} /> },
                    View::Trend => html! { <TrendPanel state={state.clone()} dispatch={dispatch.clone()} /> },
                    View::Targets => html! { <TargetsPanel state={state.clone()} dispatch={dispatch.clone()} /> },
                } }
            </main>
        </>
    }
}
