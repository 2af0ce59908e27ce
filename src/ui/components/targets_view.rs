use yew::prelude::*;

use crate::ui::components::chart_canvas::ChartCanvas;
use crate::ui::components::dom::select_value;
use crate::ui::components::export_bar::ExportBar;
use crate::ui::components::use_dispatch;
use crate::ui::i18n::{t, targets_summary, K};
use crate::ui::state::{Action, ByPtr};
use crate::ui::tables::{self, num, TableSource};
use chiso_charts::spec::ChartSpec;
use chiso_core::analyse::targets;
use chiso_core::{Catalog, Lang};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// Everything loaded, for its target sheets.
    pub catalog: ByPtr<Catalog>,
    /// The target sheet chosen.
    pub target_sheet: usize,
}

#[function_component]
pub fn TargetsPanel(p: &Props) -> Html {
    let lang = p.lang;
    let dispatch = use_dispatch();
    let sheets = &p.catalog.0.targets;
    let Some(sheet) = sheets.get(p.target_sheet).or(sheets.first()) else {
        return html! { <p class="empty" data-view="targets">{t(lang, K::NoTargets)}</p> };
    };
    let view = targets(sheet);
    let table = tables::targets(lang, &view);
    let source = TableSource::ready(table.clone());
    let spec = ChartSpec::Targets { view: view.clone() };
    let summary = targets_summary(lang, view.met, view.rows.len());
    let on_sheet = {
        let d = dispatch.clone();
        Callback::from(move |e: Event| d.emit(Action::SetTargetSheet(select_value(&e).parse().unwrap_or(0))))
    };
    // Quarterly progress: every period of the sheet's actuals as a column.
    let periods: Vec<String> =
        sheet.targets.first().map(|t| t.actuals.iter().map(|(p, _)| p.clone()).collect()).unwrap_or_default();
    html! {
        <section class="view" data-view="targets" aria-labelledby="view-title">
            <h2 id="view-title">{format!("{} — {}", t(lang, K::TargetsTitle), sheet.name)}</h2>
            <div class="controls">
                <label>{t(lang, K::TargetSheet)}
                    <select data-control="target-sheet" onchange={on_sheet}>
                        { for sheets.iter().enumerate().map(|(i, sh)| html! {
                            <option value={i.to_string()} selected={i == p.target_sheet}>{sh.name.clone()}</option>
                        }) }
                    </select>
                </label>
            </div>
            <p class="summary" data-targets-summary={format!("{}/{}", view.met, view.rows.len())}>{summary.clone()}</p>
            <ExportBar lang={lang} chart={Some(spec.clone())} table={source.clone()} name="chi-tieu" />
            <div class="table-wrap">
                <table class="targets" data-table="targets">
                    <thead><tr>
                        { for table.header.iter().map(|h| html! { <th scope="col">{h.clone()}</th> }) }
                        { for periods.iter().map(|p| html! { <th scope="col" class="num">{p.clone()}</th> }) }
                    </tr></thead>
                    <tbody>
                        { for view.rows.iter().zip(&table.rows).map(|(r, cells)| html! {
                            <tr data-status={r.status.name()}>
                                { for cells.iter().enumerate().map(|(k, c)| html! {
                                    <td class={classes!((k == 6).then_some(format!("status {}", r.status.name())))}>{c.clone()}</td>
                                }) }
                                { for r.target.actuals.iter().map(|(_, v)| html! {
                                    <td class="num">{num(lang, *v, 2)}</td>
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <ChartCanvas lang={lang} spec={spec} title={summary.clone()} table={source} table_summary={t(lang, K::DataTable)} />
        </section>
    }
}
