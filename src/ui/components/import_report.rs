use yew::prelude::*;

use crate::core::messages::Note;
use crate::core::{ImportReport, Lang};
use crate::ui::i18n::{t, K};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub reports: Vec<ImportReport>,
    pub loading: Vec<String>,
}

fn list(lang: Lang, title: K, notes: &[Note]) -> Html {
    if notes.is_empty() {
        return html! {};
    }
    html! {
        <details>
            <summary>{format!("{} ({})", t(lang, title), notes.len())}</summary>
            <ul>{ for notes.iter().map(|n| html! { <li>{n.text(lang)}</li> }) }</ul>
        </details>
    }
}

#[function_component]
pub fn ImportReportView(p: &Props) -> Html {
    let lang = p.lang;
    if p.reports.is_empty() && p.loading.is_empty() {
        return html! {};
    }
    let entry = |r: &ImportReport| {
        let status = r.status.as_str();
        let headline = match &r.error {
            Some(e) => format!("{}: {}", r.file, e.text(lang)),
            None => r.file.clone(),
        };
        let merges: Vec<String> = r.merges.iter().map(|(a, b)| format!("{a} → {b}")).collect();
        html! {
            <li class={classes!("report", status)} data-import-file={r.file.clone()} data-import-status={status}>
                <p class="headline" role={(status == "error").then_some("alert")}>{headline}</p>
                <ul class="found">{ for r.found.iter().map(|n| html! { <li>{n.text(lang)}</li> }) }</ul>
                {list(lang, K::Warnings, &r.warnings)}
                {list(lang, K::Skipped, &r.skipped)}
                if !merges.is_empty() {
                    <details>
                        <summary>{format!("{} ({})", t(lang, K::Merges), merges.len())}</summary>
                        <ul>{ for merges.iter().map(|m| html! { <li>{m.clone()}</li> }) }</ul>
                    </details>
                }
            </li>
        }
    };
    html! {
        <section class="import-report" aria-live="polite">
            <h2>{t(lang, K::Report)}</h2>
            <ul>
                { for p.loading.iter().map(|f| html! {
                    <li class="report loading" data-import-file={f.clone()} data-import-status="loading">
                        <p class="headline">{format!("{f}: {}", t(lang, K::Loading))}</p>
                        <progress aria-label={t(lang, K::Loading)}></progress>
                    </li>
                }) }
                { for p.reports.iter().rev().filter(|r| !p.loading.contains(&r.file)).map(entry) }
            </ul>
        </section>
    }
}
