use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::browser::{download, download_csv};
use crate::ui::i18n::{t, K};
use crate::ui::tables::TableSource;
use chiso_charts::spec::ChartSpec;
use chiso_core::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// The view's main chart, exported as SVG and PNG.
    pub chart: Option<ChartSpec>,
    /// The view's table, exported as CSV (made on demand: a commune ranking's has 10,600
    /// rows).
    pub table: TableSource,
    /// A short name for the files.
    pub name: String,
    /// Put in the page hooks of the chart's buttons (`export-<prefix>svg`), for a second
    /// chart in one view; such a bar has no table or print button.
    #[prop_or_default]
    pub prefix: AttrValue,
}

/// Exports of the current view: chart as SVG (plotters SVGBackend) and PNG (the canvas),
/// table as CSV, and print.
#[function_component]
pub fn ExportBar(p: &Props) -> Html {
    let lang = p.lang;
    let svg = {
        let (chart, name) = (p.chart.clone(), p.name.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(c) = &chart {
                let width = 900;
                download(
                    &format!("chiso-{name}.svg"),
                    "image/svg+xml",
                    crate::ui::backend::svg(c, width, lang).as_bytes(),
                );
            }
        })
    };
    let png = {
        let (chart, name) = (p.chart.clone(), p.name.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(c) = &chart else { return };
            let selector = format!("[data-chart=\"{}\"] canvas", c.name());
            let canvas = gloo::utils::document()
                .query_selector(&selector)
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlCanvasElement>().ok());
            if let Some(url) = canvas.and_then(|c| c.to_data_url_with_type("image/png").ok()) {
                if let Some(bytes) = url.split_once(",").and_then(|(_, b64)| gloo::utils::window().atob(b64).ok()) {
                    let raw: Vec<u8> = bytes.chars().map(|ch| ch as u32 as u8).collect();
                    download(&format!("chiso-{name}.png"), "image/png", &raw);
                }
            }
        })
    };
    let csv = {
        let (table, name) = (p.table.clone(), p.name.clone());
        Callback::from(move |_: MouseEvent| download_csv(&format!("chiso-{name}.csv"), &table.get().csv()))
    };
    let print = Callback::from(|_: MouseEvent| {
        crate::ui::dom::logged("printing", gloo::utils::window().print());
    });
    let no_chart = p.chart.is_none();
    let prefix = p.prefix.as_str();
    html! {
        <div class="export-bar">
            <button type="button" data-action={format!("export-{prefix}svg")} disabled={no_chart} onclick={svg}>{t(lang, K::ExportSvg)}</button>
            <button type="button" data-action={format!("export-{prefix}png")} disabled={no_chart} onclick={png}>{t(lang, K::ExportPng)}</button>
            if prefix.is_empty() {
                <button type="button" data-action="export-table" onclick={csv}>{t(lang, K::ExportTable)}</button>
                <button type="button" data-action="print" onclick={print}>{t(lang, K::Print)}</button>
            }
        </div>
    }
}
