use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use yew::prelude::*;

use crate::charts::ranking;
use crate::core::analyse::RankingView;
use crate::core::Lang;
use crate::ui::i18n::{t, K};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub view: RankingView,
    pub my_unit: Option<String>,
}

/// The ranking chart on a canvas sized by devicePixelRatio, so it is sharp on HiDPI.
#[function_component]
pub fn RankingChart(p: &Props) -> Html {
    let canvas_ref = use_node_ref();
    let rendered = use_state(|| false);
    {
        let canvas_ref = canvas_ref.clone();
        let rendered = rendered.clone();
        use_effect_with((p.view.clone(), p.my_unit.clone(), p.lang), move |(view, my_unit, lang)| {
            if let Some(canvas) = canvas_ref.cast::<web_sys::HtmlCanvasElement>() {
                let dpr = gloo::utils::window().device_pixel_ratio().max(1.0);
                let css_w = canvas.parent_element().map(|e| e.client_width()).filter(|w| *w > 0).unwrap_or(640) as f64;
                let css_h = ranking::height_for(view) as f64;
                canvas.set_width((css_w * dpr) as u32);
                canvas.set_height((css_h * dpr) as u32);
                let style = format!("width:{css_w}px;height:{css_h}px");
                let _ = canvas.set_attribute("style", &style);
                if let Some(backend) = CanvasBackend::with_canvas_object(canvas) {
                    let root = backend.into_drawing_area();
                    let ok = ranking::draw(&root, view, my_unit.as_deref(), *lang, dpr).is_ok();
                    rendered.set(ok);
                }
            }
        });
    }
    html! {
        <figure class="chart" data-chart="ranking" data-rendered={rendered.to_string()}>
            <canvas ref={canvas_ref} role="img" aria-label={t(p.lang, K::ChartAlt)}></canvas>
        </figure>
    }
}
