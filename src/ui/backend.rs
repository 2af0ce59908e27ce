//! One drawing backend for the page: the canvas it shows, or the SVG it exports. Each
//! chart is generic over plotters' `DrawingBackend`; drawn through this one type, the
//! page's wasm holds each chart's code once instead of once per backend (~70 KB of wasm
//! before compression, measured with twiggy: `ChartSpec::draw` alone was 35 KB twice).

use plotters::backend::SVGBackend;
use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, IntoDrawingArea};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind};
use plotters_canvas::CanvasBackend;

use chiso_charts::spec::ChartSpec;
use chiso_charts::Hit;
use chiso_core::Lang;

/// The canvas in the page, or an SVG document being written.
pub enum PageBackend<'a> {
    Canvas(CanvasBackend),
    Svg(SVGBackend<'a>),
}

/// A backend's error, as text.
#[derive(Debug)]
pub struct BackendError(String);

impl std::fmt::Display for BackendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BackendError {}

fn map<E: std::error::Error + Send + Sync>(e: DrawingErrorKind<E>) -> DrawingErrorKind<BackendError> {
    match e {
        DrawingErrorKind::DrawingError(e) => DrawingErrorKind::DrawingError(BackendError(e.to_string())),
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

/// Calls the same method on whichever backend it is, its error made ours.
macro_rules! both {
    ($self:ident, $b:ident => $call:expr) => {
        match $self {
            PageBackend::Canvas($b) => $call.map_err(map),
            PageBackend::Svg($b) => $call.map_err(map),
        }
    };
}

impl DrawingBackend for PageBackend<'_> {
    type ErrorType = BackendError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            PageBackend::Canvas(b) => b.get_size(),
            PageBackend::Svg(b) => b.get_size(),
        }
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<BackendError>> {
        both!(self, b => b.ensure_prepared())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<BackendError>> {
        both!(self, b => b.present())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<BackendError>> {
        both!(self, b => b.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        both!(self, b => b.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        both!(self, b => b.draw_rect(upper_left, bottom_right, style, fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        both!(self, b => b.draw_path(path, style))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        both!(self, b => b.draw_circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        both!(self, b => b.fill_polygon(vert, style))
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        both!(self, b => b.draw_text(text, style, pos))
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        text: &str,
        style: &TStyle,
    ) -> Result<(u32, u32), DrawingErrorKind<BackendError>> {
        both!(self, b => b.estimate_text_size(text, style))
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        (iw, ih): (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        both!(self, b => b.blit_bitmap(pos, (iw, ih), src))
    }
}

/// Draws a chart on the page's canvas; returns its points (for tooltips).
pub fn draw_on_canvas(
    canvas: web_sys::HtmlCanvasElement,
    spec: &ChartSpec,
    lang: Lang,
    scale: f64,
) -> Option<Result<Vec<Hit>, String>> {
    let backend = CanvasBackend::with_canvas_object(canvas)?;
    let root: DrawingArea<PageBackend, Shift> = PageBackend::Canvas(backend).into_drawing_area();
    Some(spec.draw(&root, lang, scale))
}

/// The chart as an SVG document, `width` CSS pixels wide (empty if it cannot be drawn).
pub fn svg(spec: &ChartSpec, width: u32, lang: Lang) -> String {
    let mut out = String::new();
    let ok = {
        let root = PageBackend::Svg(SVGBackend::with_string(&mut out, (width, spec.height()))).into_drawing_area();
        spec.draw(&root, lang, 1.0).is_ok()
    };
    if ok {
        out
    } else {
        String::new()
    }
}
