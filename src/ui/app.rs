//! The app: one reducer, the header, the loader, the report and the current view.

use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::ui::browser::{download_csv, read_file, set_document_lang};
use crate::ui::components::brief_view::BriefPanel;
use crate::ui::components::comparison_view::ComparisonPanel;
use crate::ui::components::drop_zone::DropZone;
use crate::ui::components::header::Header;
use crate::ui::components::import_panel::ImportPanel;
use crate::ui::components::import_report::ImportReportView;
use crate::ui::components::ranking_view::RankingPanel;
use crate::ui::components::share::Share;
use crate::ui::components::targets_view::TargetsPanel;
use crate::ui::components::trend_view::TrendPanel;
use crate::ui::components::unit_mapper::UnitMapper;
use crate::ui::components::view_tabs::ViewTabs;
use crate::ui::i18n::{t, K};
use crate::ui::sample::{SAMPLE, SAMPLE_NAME};
use crate::ui::state::{Action, AppState, ByPtr, Shared, View};
use crate::ui::worker::{Event, Importer};

use chiso_core::export::{targets_csv, tidy_csv};
use chiso_core::link::{decode, encode, CodecError};
use chiso_core::{ImportOptions, Lang};

#[derive(Clone, Default, PartialEq)]
struct Store(Shared);

impl Reducible for Store {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next: AppState = Rc::unwrap_or_clone(Rc::unwrap_or_clone(self).0 .0);
        next.apply(action);
        Rc::new(Store(Shared(Rc::new(next))))
    }
}

/// How far each file being read has come (0 to 1); kept apart from the app state so that
/// a moving progress bar does not render the views again.
#[derive(Clone, Default, PartialEq)]
struct Progress(Rc<HashMap<String, f64>>);

impl Reducible for Progress {
    type Action = (String, Option<f64>);
    fn reduce(self: Rc<Self>, (name, f): Self::Action) -> Rc<Self> {
        let mut map = (*self.0).clone();
        match f {
            Some(f) => map.insert(name, f),
            None => map.remove(&name),
        };
        Rc::new(Progress(Rc::new(map)))
    }
}

#[function_component]
pub fn App() -> Html {
    let store = use_reducer(Store::default);
    let state = store.0.clone();
    let progress = use_reducer(Progress::default);
    let lang = state.lang;
    use_effect_with(lang, |l| set_document_lang(*l));

    // Stable across renders, so that components given it are not rendered again for it.
    let dispatch = {
        let store = store.dispatcher();
        (*use_memo((), move |_| Callback::from(move |a: Action| store.dispatch(a)))).clone()
    };
    // The import worker, started once with the page.
    let importer = {
        let dispatch = dispatch.clone();
        let progress = progress.dispatcher();
        (*use_memo((), move |_| {
            Importer::new(Callback::from(move |e: Event| match e {
                Event::Progress { file, fraction, .. } => progress.dispatch((file, Some(fraction))),
                Event::Done { outcome, .. } => {
                    progress.dispatch((outcome.report.file.clone(), None));
                    dispatch.emit(Action::Loaded(outcome));
                }
            }))
        }))
        .clone()
    };
    let on_files = {
        let dispatch = dispatch.clone();
        let importer = importer.clone();
        Callback::from(move |files: Vec<web_sys::File>| {
            for f in files {
                let name = f.name();
                dispatch.emit(Action::Loading(name.clone()));
                let dispatch = dispatch.clone();
                let importer = importer.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    match read_file(f).await {
                        Ok(bytes) => {
                            dispatch.emit(Action::Source(name.clone(), bytes.clone()));
                            importer.submit(name, bytes, ImportOptions::default());
                        }
                        Err(outcome) => dispatch.emit(Action::Loaded(outcome)),
                    }
                });
            }
        })
    };
    let on_sample = {
        let dispatch = dispatch.clone();
        let importer = importer.clone();
        Callback::from(move |_| {
            let bytes = Rc::new(SAMPLE.to_vec());
            dispatch.emit(Action::Loading(SAMPLE_NAME.to_string()));
            dispatch.emit(Action::Source(SAMPLE_NAME.to_string(), bytes.clone()));
            importer.submit(SAMPLE_NAME.to_string(), bytes, ImportOptions::default());
        })
    };
    let on_reread = {
        let dispatch = dispatch.clone();
        let importer = importer.clone();
        let sources = state.sources.clone();
        Callback::from(move |(file, options): (String, ImportOptions)| {
            let Some(bytes) = sources.get(&file).cloned() else { return };
            dispatch.emit(Action::SetOptions(file.clone(), options.clone()));
            dispatch.emit(Action::Loading(file.clone()));
            importer.submit(file, bytes, options);
        })
    };
    let on_cancel = {
        let importer = importer.clone();
        Callback::from(move |file: String| importer.cancel_file(&file))
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
    let on_join = {
        let dispatch = dispatch.clone();
        Callback::from(move |(a, b): (String, String)| dispatch.emit(Action::JoinDatasets(a, b)))
    };
    let on_split = {
        let dispatch = dispatch.clone();
        Callback::from(move |name: String| dispatch.emit(Action::SplitDataset(name)))
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
    // Encoded when the state changes (not on every render: progress bars render often) and
    // written when the page is idle after the frame that shows the view: the link's deflate
    // and a history entry (pushState alone ~4 ms) cost several milliseconds, which neither a
    // view change nor its next frame should wait for. Every state in turn, so back and
    // forward step through them.
    use_effect_with(state.clone(), |s| {
        if !s.catalog.datasets.is_empty() && s.pending.is_none() {
            let s = s.clone();
            let write = move || {
                let e = encode(&s.view_state(false));
                let window = gloo::utils::window();
                let current = window.location().hash().unwrap_or_default();
                if current.trim_start_matches('#') != e {
                    if let Ok(h) = window.history() {
                        let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("#{e}")));
                    }
                }
            };
            crate::ui::browser::when_idle(write);
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
    // Worked out again only when the catalog changes.
    let has_data = !state.catalog.datasets.is_empty();
    let has_targets = !state.catalog.targets.is_empty();
    let errors = state.catalog.reports.iter().filter(|r| r.status == chiso_core::ImportStatus::Error).count();
    let import_summary = {
        let mut s = t(lang, K::ImportSummary)
            .replace("%f", &state.catalog.reports.len().to_string())
            .replace("%d", &state.catalog.datasets.len().to_string())
            .replace("%t", &state.catalog.targets.len().to_string());
        if errors > 0 {
            s = s.replace(" — ", &format!(" · {} — ", t(lang, K::ImportErrors).replace("%n", &errors.to_string())));
        }
        s
    };
    let on_report_toggle = {
        let dispatch = dispatch.clone();
        Callback::from(move |open: bool| dispatch.emit(Action::SetReportOpen(open)))
    };
    html! {
        <>
            <Header lang={lang} on_lang={on_lang} />
            <main>
                <ImportPanel open={state.import_open()} collapsible={has_data || has_targets} summary={import_summary}
                    on_toggle={on_report_toggle} on_files={on_files.clone()}>
                <div class="load-row">
                    <DropZone lang={lang} on_files={on_files} on_sample={on_sample} />
                    <div class="exports">
                        <p class="hint">{t(lang, K::SampleNote)}</p>
                    </div>
                </div>
                <ImportReportView lang={lang} reports={state.catalog.reports.clone()} loading={state.loading.clone()}
                    progress={progress.0.clone()} on_cancel={on_cancel}
                    options={state.options.clone()} rereadable={state.sources.keys().cloned().collect::<Vec<_>>()}
                    on_unmerge={on_unmerge} on_reread={on_reread}
                    catalog={ByPtr(state.catalog.clone())} on_join={on_join} on_split={on_split} />
                <UnitMapper lang={lang} catalog={ByPtr(state.catalog.clone())} overrides={state.catalog.unit_overrides.clone()}
                    on_map={on_map} on_clear={on_clear} />
                </ImportPanel>
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
                    // Outside the import panel, so that they stay at hand when it is collapsed.
                    <div class="exports">
                        <button type="button" data-action="export-tidy" disabled={!has_data} onclick={export_tidy}>{t(lang, K::ExportTidy)}</button>
                        <button type="button" data-action="export-targets" disabled={!has_targets} onclick={export_targets}>{t(lang, K::ExportTargets)}</button>
                    </div>
                </div>
                { match state.view {
                    View::Ranking => html! { <RankingPanel state={state.clone()} dispatch={dispatch.clone()} /> },
                    View::Comparison => html! { <ComparisonPanel state={state.clone()} dispatch={dispatch.clone()} /> },
                    View::Trend => html! { <TrendPanel state={state.clone()} dispatch={dispatch.clone()} /> },
                    View::Targets => html! { <TargetsPanel state={state.clone()} dispatch={dispatch.clone()} /> },
                    View::Brief => html! { <BriefPanel state={state.clone()} dispatch={dispatch.clone()} /> },
                } }
            </main>
        </>
    }
}
