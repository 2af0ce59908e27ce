use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::components::dataset_list::DatasetList;
use crate::ui::i18n::{cells_line, t, K};
use crate::ui::state::ByPtr;
use chiso_core::model::messages::{col_index, col_name, Finding, Note, ReadError};
use chiso_core::{Catalog, ImportOptions, ImportReport, Lang};

/// Every prop is shared or compared by address: a progress tick renders the report again
/// without copying its reports, corrections or files.
#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// Files being read, in the order they were dropped.
    pub loading: Rc<Vec<String>>,
    /// How far each file being read has come (0 to 1), when known.
    pub progress: Rc<HashMap<String, f64>>,
    pub on_cancel: Callback<String>,
    pub options: ByPtr<HashMap<String, ImportOptions>>,
    /// The bytes kept of each file, so that it can be read again.
    pub sources: ByPtr<HashMap<String, Rc<Vec<u8>>>>,
    pub on_unmerge: Callback<String>,
    pub on_reread: Callback<(String, ImportOptions)>,
    /// Everything loaded, for its reports and data sets.
    pub catalog: ByPtr<Catalog>,
    pub on_join: Callback<(String, String)>,
    pub on_split: Callback<String>,
}

/// Where the file's non-empty cells went, when it has any; cells unaccounted for as a warning.
fn cells(lang: Lang, r: &ImportReport) -> Html {
    if r.cells.total() == 0 {
        return html! {};
    }
    let (line, rest) = cells_line(lang, &r.cells);
    html! {
        <p class="cells">
            {line}
            if let Some(rest) = rest { {", "}<strong class="unaccounted">{rest}</strong> }
        </p>
    }
}

fn list<'a, N>(lang: Lang, title: K, notes: &'a [N]) -> Html
where
    &'a N: Into<Note<'a>>,
{
    if notes.is_empty() {
        return html! {};
    }
    html! {
        <details>
            <summary>{format!("{} ({})", t(lang, title), notes.len())}</summary>
            <ul>{ for notes.iter().map(|n| html! { <li>{n.into().text(lang)}</li> }) }</ul>
        </details>
    }
}

fn input_value(form: &web_sys::HtmlFormElement, name: &str) -> String {
    form.query_selector(&format!("[name=\"{name}\"]"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value().trim().to_string())
        .unwrap_or_default()
}

/// "C, E" → [2, 4]; what is not a column letter is left out.
fn cols(text: &str) -> Vec<usize> {
    text.split([',', ';', ' ']).filter_map(col_index).collect()
}

fn letters(cols: &[usize]) -> String {
    cols.iter().map(|c| col_name(*c)).collect::<Vec<_>>().join(", ")
}

/// The form that corrects detection: header row, unit column, period.
fn adjust_form(
    lang: Lang,
    file: &str,
    current: Option<&ImportOptions>,
    on_reread: &Callback<(String, ImportOptions)>,
) -> Html {
    let cur = current.cloned().unwrap_or_default();
    let onsubmit = {
        let sheet = cur.sheet.clone();
        let file = file.to_string();
        let cb = on_reread.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(form) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok()) else { return };
            let header_row = input_value(&form, "header-row").parse::<usize>().ok().filter(|r| *r >= 1);
            let unit_col = col_index(&input_value(&form, "unit-col"));
            let period = Some(input_value(&form, "period")).filter(|p| !p.is_empty());
            let value_cols = cols(&input_value(&form, "value-cols"));
            let rank_cols = cols(&input_value(&form, "rank-cols"));
            cb.emit((
                file.clone(),
                ImportOptions { header_row, unit_col, period, value_cols, rank_cols, sheet: sheet.clone() },
            ));
        })
    };
    html! {
        <details class="adjust">
            <summary>{t(lang, K::Adjust)}</summary>
            <form class="adjust-form" data-adjust-file={file.to_string()} onsubmit={onsubmit}>
                <label>{t(lang, K::HeaderRow)}
                    <input name="header-row" type="number" min="1" inputmode="numeric"
                        value={cur.header_row.map(|r| r.to_string()).unwrap_or_default()} />
                </label>
                <label>{t(lang, K::UnitColumn)}
                    <input name="unit-col" type="text" maxlength="3" size="3"
                        value={cur.unit_col.map(col_name).unwrap_or_default()} />
                </label>
                <label>{t(lang, K::ValueColumns)}
                    <input name="value-cols" type="text" size="8" value={letters(&cur.value_cols)} />
                </label>
                <label>{t(lang, K::RankColumns)}
                    <input name="rank-cols" type="text" size="8" value={letters(&cur.rank_cols)} />
                </label>
                <label>{t(lang, K::PeriodOverride)}
                    <input name="period" type="text" size="6" value={cur.period.clone().unwrap_or_default()} />
                </label>
                <button type="submit" data-action="reread">{t(lang, K::Reread)}</button>
            </form>
        </details>
    }
}

#[function_component]
pub fn ImportReportView(p: &Props) -> Html {
    let lang = p.lang;
    let (reports, options) = (&p.catalog.0.reports, &p.options.0);
    let rereadable = |file: &String| p.sources.0.contains_key(file);
    if reports.is_empty() && p.loading.is_empty() {
        return html! {};
    }
    let entry = |r: &ImportReport| {
        let status = r.status.as_str();
        let headline = match &r.error {
            Some(e) => format!("{}: {}", r.file, e.text(lang)),
            None => r.file.clone(),
        };
        let (summary, layouts): (Vec<&Finding>, Vec<&Finding>) =
            r.found.iter().partition(|n| !matches!(n, Finding::Layout { .. }));
        let merges = r.merges.iter().map(|(a, b)| {
            let on_unmerge = p.on_unmerge.clone();
            let spelling = a.clone();
            html! {
                <li>
                    {format!("{a} → {b} ")}
                    <button type="button" class="small" data-action="unmerge" data-spelling={a.clone()}
                        onclick={Callback::from(move |_| on_unmerge.emit(spelling.clone()))}>{t(lang, K::Unmerge)}</button>
                </li>
            }
        });
        // Of two sheets holding the same table, the other can be used instead.
        let use_other = |n: &Finding| -> Html {
            let Finding::SameTable { other, .. } = n else { return html! {} };
            if !rereadable(&r.file) {
                return html! {};
            }
            let cb = p.on_reread.clone();
            let file = r.file.clone();
            let mut options = options.get(&r.file).cloned().unwrap_or_default();
            options.sheet = Some(other.clone());
            let label = format!("{} «{other}»", t(lang, K::UseSheet));
            html! {
                <>{" "}<button type="button" class="small" data-action="use-sheet" data-sheet={other.clone()}
                    onclick={Callback::from(move |_| cb.emit((file.clone(), options.clone())))}>{label}</button></>
            }
        };
        html! {
            <li class={classes!("report", status)} data-import-file={r.file.clone()} data-import-status={status}
                data-cells-unaccounted={r.cells.unaccounted.to_string()}>
                <p class="headline" role={(status == "error").then_some("alert")}>{headline}</p>
                {cells(lang, r)}
                <ul class="found">{ for summary.iter().map(|n| html! { <li>{n.text(lang)}{use_other(n)}</li> }) }</ul>
                {list(lang, K::Found, &layouts.into_iter().cloned().collect::<Vec<_>>())}
                {list(lang, K::Warnings, &r.warnings)}
                {list(lang, K::Skipped, &r.skipped)}
                if !r.merges.is_empty() {
                    <details>
                        <summary>{format!("{} ({})", t(lang, K::Merges), r.merges.len())}</summary>
                        <ul class="merges">{ for merges }</ul>
                    </details>
                }
                // Corrections help where no table was found, not where the file is broken.
                if rereadable(&r.file) && matches!(r.error, None | Some(ReadError::NoTable)) {
                    {adjust_form(lang, &r.file, options.get(&r.file), &p.on_reread)}
                }
            </li>
        }
    };
    html! {
        <section class="import-report" aria-live="polite">
            <h2>{t(lang, K::Report)}</h2>
            <ul>
                { for p.loading.iter().map(|f| {
                    let done = p.progress.get(f).copied();
                    let cancel = {
                        let cb = p.on_cancel.clone();
                        let f = f.clone();
                        Callback::from(move |_: MouseEvent| cb.emit(f.clone()))
                    };
                    let label = format!("{}: {}", t(lang, K::Loading), f);
                    html! {
                        <li class="report loading" data-import-file={f.clone()} data-import-status="loading">
                            <p class="headline">
                                {format!("{f}: {}", t(lang, K::Loading))}
                                if let Some(d) = done { {format!(" {}%", (d * 100.0).round())} }
                            </p>
                            <div class="progress-row">
                                if let Some(d) = done {
                                    <progress aria-label={label} max="1" value={format!("{d:.3}")} data-progress={format!("{d:.3}")}></progress>
                                } else {
                                    <progress aria-label={label}></progress>
                                }
                                <button type="button" class="small" data-action="cancel-import" data-file={f.clone()}
                                    onclick={cancel}>{t(lang, K::Cancel)}</button>
                            </div>
                        </li>
                    }
                }) }
                { for reports.iter().rev().filter(|r| !p.loading.contains(&r.file)).map(entry) }
            </ul>
            <DatasetList lang={lang} catalog={p.catalog.clone()} on_join={p.on_join.clone()} on_split={p.on_split.clone()} />
        </section>
    }
}
