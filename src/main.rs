//! The browser entry point (built by Trunk). Natively there is nothing to run: use
//! `cargo test`, or the examples (`cargo run --example peek -- FILE`).

#[cfg(target_arch = "wasm32")]
fn main() {
    chiso::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Chỉ Số runs in the browser: `make serve`. Tests: `make test`.");
}
