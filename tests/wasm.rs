//! Browser tests of the glue, run by wasm-bindgen-test in headless Chromium:
//! `cargo test --target wasm32-unknown-unknown --test wasm`.
#![cfg(target_arch = "wasm32")]

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use chiso::ui::app::App;
use chiso::ui::sample::{SAMPLE, SAMPLE_NAME};
use chiso_core::analyse::ranking;
use chiso_core::{import_file, Catalog, ImportStatus};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn sleep(ms: u32) {
    gloo::timers::future::TimeoutFuture::new(ms).await;
}

#[wasm_bindgen_test]
fn the_core_reads_the_sample_in_wasm() {
    let o = import_file(SAMPLE, SAMPLE_NAME);
    assert_eq!(o.report.status, ImportStatus::Ok);
    let mut c = Catalog::default();
    c.add(o.clone());
    assert_eq!(c.datasets[0].units().len(), 63);
    assert_eq!(o.targets[0].targets.len(), 7);
}

#[wasm_bindgen_test]
fn the_ranking_chart_draws_on_a_canvas() {
    let mut c = Catalog::default();
    c.add(import_file(SAMPLE, SAMPLE_NAME));
    let overall = c.datasets[0].overall().expect("an overall index");
    let view = ranking(&c.datasets[0], "2023", &overall, None);
    let canvas: web_sys::HtmlCanvasElement = document().create_element("canvas").unwrap().dyn_into().unwrap();
    canvas.set_width(600);
    canvas.set_height(chiso_charts::ranking::height_for(&view));
    document().body().unwrap().append_child(&canvas).unwrap();
    let root = CanvasBackend::with_canvas_object(canvas.clone()).unwrap().into_drawing_area();
    chiso_charts::ranking::draw(&root, &view, Some("Hà Nội"), chiso_core::Lang::Vi, 1.0).unwrap();
    // Pixels of the bar colour are on the canvas.
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let data = ctx.get_image_data(0.0, 0.0, 600.0, canvas.height() as f64).unwrap().data();
    let bar_pixels = data.chunks(4).filter(|p| p[0] == 0x2b && p[1] == 0x6c && p[2] == 0xb0).count();
    assert!(bar_pixels > 500, "{bar_pixels} mark pixels");
}

#[wasm_bindgen_test]
async fn the_app_mounts_and_loads_the_sample() {
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    yew::Renderer::<App>::with_root(host.clone()).render();
    sleep(50).await;
    let button: web_sys::HtmlElement =
        host.query_selector("[data-action=\"load-sample\"]").unwrap().expect("sample button").dyn_into().unwrap();
    button.click();
    let mut status = None;
    for _ in 0..200 {
        sleep(50).await;
        status = host
            .query_selector("[data-import-file=\"chiso-mau.xlsx\"]")
            .unwrap()
            .and_then(|e| e.get_attribute("data-import-status"));
        if status.as_deref().is_some_and(|s| s != "loading") {
            break;
        }
    }
    assert_eq!(status.as_deref(), Some("ok"));
    // The sample's latest year is 2025, on the map of the 34 provinces.
    let rows = host.query_selector_all("table[data-table=\"ranking\"] tbody tr").unwrap().length();
    assert_eq!(rows, 34);
}
