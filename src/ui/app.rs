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
use crate::ui::components::Dispatch;
use crate::ui::i18n::{t, K};
use crate::ui::sample::{SAMPLE, SAMPLE_NAME};
use crate::ui::state::{Action, AppState, ByPtr, Shared, View};
use crate::ui::view_model::{app_model, controls_model, AppModel, ControlsModel, Focus, Order};
use crate::ui::worker::{Event, Importer};

use chiso_core::export::{targets_csv, tidy_csv};
use chiso_core::link::{decode, encode};
use chiso_core::ImportOptions;

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

/// What the page shows, worked out again only when the state changes (not on a progress
/// tick): the frame, the views' focus and controls, and the link to share.
struct Models {
    app: AppModel,
    focus: Option<Rc<Focus>>,
    controls: Option<Rc<ControlsModel>>,
    link: Callback<bool, String>,
}

impl Models {
    fn of(s: &Shared) -> Models {
        let state = s.clone();
        Models {
            app: app_model(s),
            focus: Focus::of(s).map(Rc::new),
            controls: controls_model(s).map(Rc::new),
            link: Callback::from(move |with_data: bool| encode(&state.view_state(with_data))),
        }
    }
}

/// What the loader and the import report do with files: each callback stable across
/// renders (a progress tick gives the report the same ones).
#[derive(Clone)]
struct Loader {
    on_files: Callback<Vec<web_sys::File>>,
    on_sample: Callback<()>,
    on_cancel: Callback<String>,
    on_unmerge: Callback<String>,
    on_map: Callback<(String, String)>,
    on_clear: Callback<String>,
    on_join: Callback<(String, String)>,
    on_split: Callback<String>,
}

impl Loader {
    fn new(dispatch: &Callback<Action>, importer: &Importer) -> Loader {
        let emit = |f: fn(String) -> Action| {
            let d = dispatch.clone();
            Callback::from(move |x: String| d.emit(f(x)))
        };
        let emit2 = |f: fn(String, String) -> Action| {
            let d = dispatch.clone();
            Callback::from(move |(a, b): (String, String)| d.emit(f(a, b)))
        };
        let on_files = {
            let (dispatch, importer) = (dispatch.clone(), importer.clone());
            Callback::from(move |files: Vec<web_sys::File>| {
                for f in files {
                    let name = f.name();
                    dispatch.emit(Action::Loading(name.clone()));
                    let (dispatch, importer) = (dispatch.clone(), importer.clone());
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
            let (dispatch, importer) = (dispatch.clone(), importer.clone());
            Callback::from(move |_| {
                let bytes = Rc::new(SAMPLE.to_vec());
                dispatch.emit(Action::Loading(SAMPLE_NAME.to_string()));
                dispatch.emit(Action::Source(SAMPLE_NAME.to_string(), bytes.clone()));
                importer.submit(SAMPLE_NAME.to_string(), bytes, ImportOptions::default());
            })
        };
        let importer = importer.clone();
        Loader {
            on_files,
            on_sample,
            on_cancel: Callback::from(move |file: String| importer.cancel_file(&file)),
            on_unmerge: emit(|spelling| Action::SetUnit(spelling.clone(), spelling)),
            on_map: emit2(Action::SetUnit),
            on_clear: emit(Action::ClearUnit),
            on_join: emit2(Action::JoinDatasets),
            on_split: emit(Action::SplitDataset),
        }
    }
}

/// The import worker, started once with the page: its progress to `progress`, its
/// outcomes to the reducer.
#[hook]
fn use_importer(dispatch: Callback<Action>, progress: UseReducerDispatcher<Progress>) -> Importer {
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
}

/// Reads a file again with corrections (from the bytes kept of it).
#[hook]
fn use_reread(dispatch: &Callback<Action>, importer: &Importer, state: &AppState) -> Callback<(String, ImportOptions)> {
    let (dispatch, importer) = (dispatch.clone(), importer.clone());
    (*use_memo(ByPtr(state.import.sources.clone()), move |sources| {
        let sources = sources.0.clone();
        Callback::from(move |(file, options): (String, ImportOptions)| {
            let Some(bytes) = sources.get(&file).cloned() else { return };
            dispatch.emit(Action::SetOptions(file.clone(), options.clone()));
            dispatch.emit(Action::Loading(file.clone()));
            importer.submit(file, bytes, options);
        })
    }))
    .clone()
}

/// The address follows the view: read it once at start and on back/forward, write it
/// (as a new history entry) whenever the view changes.
#[hook]
fn use_address(dispatch: &Callback<Action>, state: &Shared) {
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
    // Encoded when the state changes (not on every render: progress bars render often) and
    // written when the page is idle after the frame that shows the view: the link's deflate
    // and a history entry (pushState alone ~4 ms) cost several milliseconds, which neither a
    // view change nor its next frame should wait for. Every state in turn, so back and
    // forward step through them.
    use_effect_with(state.clone(), |s| {
        if !s.catalog.datasets.is_empty() && s.import.pending.is_none() {
            let s = s.clone();
            let write = move || {
                let e = encode(&s.view_state(false));
                let window = gloo::utils::window();
                let current = window.location().hash().unwrap_or_default();
                if current.trim_start_matches('#') != e {
                    if let Ok(h) = window.history() {
                        crate::ui::dom::logged(
                            "writing the view into the address",
                            h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("#{e}"))),
                        );
                    }
                }
            };
            crate::ui::browser::when_idle(write);
        }
    });
}

/// The current view.
fn view_panel(s: &AppState, m: &Models) -> Html {
    let (lang, focus, controls) = (s.lang, m.focus.clone(), m.controls.clone());
    match s.sel.view {
        View::Ranking => html! { <RankingPanel {lang} {focus} {controls} order={Order::of(s)} /> },
        View::Comparison => html! { <ComparisonPanel {lang} {focus} {controls} /> },
        View::Trend => html! { <TrendPanel {lang} {focus} {controls} /> },
        View::Targets => {
            html! { <TargetsPanel {lang} catalog={ByPtr(s.catalog.clone())} target_sheet={s.sel.target_sheet} /> }
        }
        View::Brief => html! {
            <BriefPanel {lang} my_unit={s.sel.my_unit.clone()} {focus} {controls} catalog={ByPtr(s.catalog.clone())}
                dataset={s.sel.dataset} />
        },
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
    let importer = use_importer(dispatch.clone(), progress.dispatcher());
    let loader = {
        let (dispatch, importer) = (dispatch.clone(), importer.clone());
        (*use_memo((), move |_| Loader::new(&dispatch, &importer))).clone()
    };
    let on_reread = use_reread(&dispatch, &importer, &state);
    use_address(&dispatch, &state);
    let models = use_memo(state.clone(), Models::of);
    let m = &models.app;
    let on_view = dispatch.reform(Action::SetView);
    let on_lang = dispatch.reform(Action::SetLang);
    let on_report_toggle = dispatch.reform(Action::SetReportOpen);
    let export_tidy = {
        let catalog = state.catalog.clone();
        Callback::from(move |_: MouseEvent| download_csv("chiso-tidy.csv", &tidy_csv(&catalog)))
    };
    let export_targets = {
        let catalog = state.catalog.clone();
        Callback::from(move |_: MouseEvent| download_csv("chiso-targets.csv", &targets_csv(&catalog)))
    };
    let catalog = ByPtr(state.catalog.clone());
    let l = loader;
    html! {
        <ContextProvider<Dispatch> context={Dispatch(dispatch.clone())}>
            <Header lang={lang} on_lang={on_lang} />
            <main>
                <ImportPanel open={m.import_open} collapsible={m.has_data || m.has_targets} summary={m.import_summary.clone()}
                    on_toggle={on_report_toggle} on_files={l.on_files.clone()}>
                <div class="load-row">
                    <DropZone lang={lang} on_files={l.on_files} on_sample={l.on_sample} />
                    <div class="exports">
                        <p class="hint">{t(lang, K::SampleNote)}</p>
                    </div>
                </div>
                <ImportReportView lang={lang} loading={state.import.loading.clone()}
                    progress={progress.0.clone()} on_cancel={l.on_cancel}
                    options={ByPtr(state.import.options.clone())} sources={ByPtr(state.import.sources.clone())}
                    on_unmerge={l.on_unmerge} on_reread={on_reread}
                    catalog={catalog.clone()} on_join={l.on_join} on_split={l.on_split} />
                <UnitMapper lang={lang} catalog={catalog} overrides={state.catalog.unit_overrides.clone()}
                    on_map={l.on_map} on_clear={l.on_clear} />
                </ImportPanel>
                if let Some(e) = m.link_error {
                    <p class="link-message error" role="alert" data-link-error="true">{e}</p>
                }
                if let Some((files, text)) = &m.pending {
                    <p class="link-message" role="status" data-link-pending={files.clone()}>{text.clone()}</p>
                }
                <div class="view-bar">
                    <ViewTabs lang={lang} view={state.sel.view} on_view={on_view} />
                    <Share lang={lang} link={models.link.clone()} disabled={!m.can_share} />
                    // Outside the import panel, so that they stay at hand when it is collapsed.
                    <div class="exports">
                        <button type="button" data-action="export-tidy" disabled={!m.has_data} onclick={export_tidy}>{t(lang, K::ExportTidy)}</button>
                        <button type="button" data-action="export-targets" disabled={!m.has_targets} onclick={export_targets}>{t(lang, K::ExportTargets)}</button>
                    </div>
                </div>
                {view_panel(&state, &models)}
            </main>
        </ContextProvider<Dispatch>>
    }
}
