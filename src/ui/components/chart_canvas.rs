use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use yew::prelude::*;

use crate::charts::spec::ChartSpec;
use crate::core::Lang;
use crate::ui::tables::Table;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub spec: ChartSpec,
    pub title: String,
    /// The chart's numbers, for screen readers and anyone who wants the exact values.
    pub table: Table,
    #[prop_or_default]
    pub table_summary: String,
}

/// A chart on a canvas sized by devicePixelRatio (sharp on HiDPI), with its numbers in a
/// table beside it as the text alternative.
#[function_component]
pub fn ChartCanvas(p: &Props) -> Html {
    let canvas_ref = use_node_ref();
    let rendered = use_state(|| false);
    {
        let canvas_ref = canvas_ref.clone();
        let rendered = rendered.clone();
        use_effect_with((p.spec.clone(), p.lang), move |(spec, lang)| {
            if let Some(canvas) = canvas_ref.cast::<web_sys::HtmlCanvasElement>() {
                let dpr = gloo::utils::window().device_pixel_ratio().max(1.0);
                let css_w = canvas.parent_element().map(|e| e.client_width()).filter(|w| *w > 0).unwrap_or(640) as f64;
                let css_h = spec.height() as f64;
                canvas.set_width((css_w * dpr) as u32);
                canvas.set_height((css_h * dpr) as u32);
                let _ = canvas.set_attribute("style", &format!("width:{css_w}px;height:{css_h}px"));
                if let Some(backend) = CanvasBackend::with_canvas_object(canvas) {
                    let root = backend.into_drawing_area();
                    rendered.set(spec.draw(&root, *lang, dpr).is_ok());
                }
            }
        });
    }
    html! {
        <figure class="chart" data-chart={p.spec.name()} data-rendered={rendered.to_string()}>
            <figcaption>{p.title.clone()}</figcaption>
            <canvas ref={canvas_ref} role="img" aria-label={p.title.clone()}></canvas>
            <details class="chart-data">
                <summary>{p.table_summary.clone()}</summary>
                <table>
                    <thead><tr>{ for p.table.header.iter().map(|h| html! { <th scope="col">{h.clone()}</th> }) }</tr></thead>
                    <tbody>{ for p.table.rows.iter().map(|r| html! {
                        <tr>{ for r.iter().map(|c| html! { <td>{c.clone()}</td> }) }</tr>
                    }) }</tbody>
                </table>
            </details>
        </figure>
    }
}
