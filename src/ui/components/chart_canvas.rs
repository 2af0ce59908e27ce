use yew::prelude::*;

use crate::ui::tables::TableSource;
use chiso_charts::spec::ChartSpec;
use chiso_charts::{nearest, Hit};
use chiso_core::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub spec: ChartSpec,
    pub title: String,
    /// The chart's numbers, for screen readers and anyone who wants the exact values (made
    /// when its table is opened).
    pub table: TableSource,
    #[prop_or_default]
    pub table_summary: String,
}

/// The chart's table of numbers.
fn data_table(source: &TableSource) -> Html {
    let table = source.get();
    html! {
        <table>
            <thead><tr>{ for table.header.iter().map(|h| html! { <th scope="col">{h.clone()}</th> }) }</tr></thead>
            <tbody>{ for table.rows.iter().map(|r| html! {
                <tr>{ for r.iter().map(|c| html! { <td>{c.clone()}</td> }) }</tr>
            }) }</tbody>
        </table>
    }
}

/// A chart on a canvas sized by devicePixelRatio (sharp on HiDPI), with its numbers in a
/// table beside it as the text alternative.
#[function_component]
pub fn ChartCanvas(p: &Props) -> Html {
    let canvas_ref = use_node_ref();
    // Set once drawn: the same value again draws nothing anew.
    let rendered = use_state_eq(|| false);
    // The chart's points in device pixels, and the scale they were drawn at: read by the
    // pointer's handlers only, so drawing does not render the component again (its table of
    // numbers with it).
    let hits = use_mut_ref(|| (Vec::<Hit>::new(), 1.0_f64));
    let tip = use_state(|| None::<(f64, f64, String)>);
    // The table of numbers is put in the page only while it is open: closed, it is hidden
    // from everyone (screen readers too), and a view change need not update its rows (up
    // to 64 for a ranking). The ranking's is also made only then (`TableSource::lazy`).
    // (The browser's find-in-page no longer opens it to show a match.)
    let data_open = use_state_eq(|| false);
    {
        let canvas_ref = canvas_ref.clone();
        let rendered = rendered.clone();
        let hits = hits.clone();
        use_effect_with((p.spec.clone(), p.lang), move |(spec, lang)| {
            let (spec, lang) = (spec.clone(), *lang);
            let drawn_before = canvas_ref.cast::<web_sys::Element>().is_some_and(|c| c.has_attribute("data-drawn"));
            let draw = move || {
                if let Some(canvas) = canvas_ref.cast::<web_sys::HtmlCanvasElement>() {
                    let dpr = gloo::utils::window().device_pixel_ratio().max(1.0);
                    let css_w =
                        canvas.parent_element().map(|e| e.client_width()).filter(|w| *w > 0).unwrap_or(640) as f64;
                    let css_h = spec.height() as f64;
                    // Resizing a canvas reallocates it: only when the size changes (the
                    // chart paints its whole background anyway).
                    let (w, h) = ((css_w * dpr) as u32, (css_h * dpr) as u32);
                    if canvas.width() != w || canvas.height() != h {
                        canvas.set_width(w);
                        canvas.set_height(h);
                        crate::ui::dom::set_attr(&canvas, "style", &format!("width:{css_w}px;height:{css_h}px"));
                    }
                    match crate::ui::backend::draw_on_canvas(canvas.clone(), &spec, lang, dpr) {
                        Some(Ok(h)) => {
                            *hits.borrow_mut() = (h, dpr);
                            // How many times it was drawn, for tests and `make bench` (set
                            // here: rendering the component again would cost a view change
                            // more than the drawing).
                            let n = canvas.get_attribute("data-drawn").and_then(|n| n.parse::<u32>().ok()).unwrap_or(0);
                            crate::ui::dom::set_attr(&canvas, "data-drawn", &(n + 1).to_string());
                            rendered.set(true);
                        }
                        Some(Err(_)) => rendered.set(false),
                        None => {}
                    }
                }
            };
            // Drawn again at once, in the task that updated the page, so that the frame
            // showing the new view shows its chart too (in a task of its own it came a
            // frame later). Drawn the first time in a task of its own, after the page has
            // been laid out: a new page's first render is long enough (bench/RESULTS.md,
            // «The first chart»).
            let timer = if drawn_before {
                draw();
                None
            } else {
                Some(gloo::timers::callback::Timeout::new(0, draw))
            };
            move || drop(timer)
        });
    }
    let onmousemove = {
        let (hits, tip) = (hits.clone(), tip.clone());
        Callback::from(move |e: MouseEvent| {
            let hits = hits.borrow();
            let (list, dpr) = &*hits;
            let (x, y) = (e.offset_x() as f64, e.offset_y() as f64);
            let found = nearest(list, (x * dpr) as i32, (y * dpr) as i32, (14.0 * dpr) as i32);
            tip.set(found.map(|h| (h.x as f64 / dpr, h.y as f64 / dpr, h.label.clone())));
        })
    };
    let onmouseleave = {
        let tip = tip.clone();
        Callback::from(move |_: MouseEvent| tip.set(None))
    };
    let ontoggle = {
        let data_open = data_open.clone();
        Callback::from(move |e: Event| {
            let open = e.target_dyn_into::<web_sys::Element>().is_some_and(|d| d.has_attribute("open"));
            data_open.set(open);
        })
    };
    html! {
        <figure class="chart" data-chart={p.spec.name()} data-rendered={rendered.to_string()}>
            <figcaption>{p.title.clone()}</figcaption>
            <div class="canvas-wrap">
                <canvas ref={canvas_ref} role="img" aria-label={p.title.clone()} {onmousemove} {onmouseleave}></canvas>
                if let Some((x, y, label)) = &*tip {
                    <div class="tooltip" role="tooltip" data-tooltip="true" style={format!("left:{x:.0}px;top:{y:.0}px")}>{label.clone()}</div>
                }
            </div>
            <details class="chart-data" {ontoggle}>
                <summary>{p.table_summary.clone()}</summary>
                if *data_open {
                    {data_table(&p.table)}
                }
            </details>
        </figure>
    }
}
