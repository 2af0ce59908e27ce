//! One drawing backend for the page: the canvas it shows, or the SVG it exports. Each
//! chart is generic over plotters' `DrawingBackend`; drawn through this one type, the
//! page's wasm holds each chart's code once instead of once per backend (~70 KB of wasm
//! before compression, measured with twiggy: `ChartSpec::draw` alone was 35 KB twice).

use plotters::backend::SVGBackend;
use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, IntoDrawingArea};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontTransform,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;

use chiso_charts::spec::ChartSpec;
use chiso_charts::Hit;
use chiso_core::Lang;

/// Sets `new` with `set` unless it is what `kept` says was set last.
fn set_if_new(kept: &mut &'static str, new: &'static str, set: impl FnOnce(&str)) {
    if *kept != new {
        set(new);
        *kept = new;
    }
}

/// The canvas in the page (with its pen for text), or an SVG document being written.
pub enum PageBackend<'a> {
    Canvas(CanvasBackend, TextPen),
    Svg(SVGBackend<'a>),
}

/// Writes the canvas's upright labels, setting its font, alignment and colour only when
/// they change. plotters' canvas backend sets all four before every label: four strings
/// passed to the page and a font parsed each time, for the ~130 labels of a province
/// ranking's chart in two fonts (~65 for a commune ranking's 30 rows). (Turned labels are left to it: it draws them between
/// `save` and `restore`, which gives back the settings kept here.)
pub struct TextPen {
    ctx: web_sys::CanvasRenderingContext2d,
    font: String,
    align: &'static str,
    baseline: &'static str,
    /// The fill colour as last set for a label; `None` once any other drawing (which may
    /// fill in another colour) has come between.
    fill: Option<((u8, u8, u8), f64)>,
}

impl TextPen {
    fn write<S: BackendTextStyle>(&mut self, text: &str, style: &S, (x, y): BackendCoord) -> Result<(), String> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let baseline = match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        let align = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        let ctx = &self.ctx;
        set_if_new(&mut self.baseline, baseline, |v| ctx.set_text_baseline(v));
        set_if_new(&mut self.align, align, |v| ctx.set_text_align(v));
        if self.fill != Some((color.rgb, color.alpha)) {
            let (r, g, b) = color.rgb;
            self.ctx.set_fill_style_str(&format!("rgba({r},{g},{b},{})", color.alpha));
            self.fill = Some((color.rgb, color.alpha));
        }
        let font = format!("{} {}px {}", style.style().as_str(), style.size(), style.family().as_str());
        if self.font != font {
            self.ctx.set_font(&font);
            self.font = font;
        }
        self.ctx.fill_text(text, f64::from(x), f64::from(y)).map_err(|e| format!("{e:?}"))
    }
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
            PageBackend::Canvas($b, pen) => {
                // It may fill in another colour than the pen's last.
                pen.fill = None;
                $call.map_err(map)
            }
            PageBackend::Svg($b) => $call.map_err(map),
        }
    };
}

impl DrawingBackend for PageBackend<'_> {
    type ErrorType = BackendError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            PageBackend::Canvas(b, _) => b.get_size(),
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
        match self {
            PageBackend::Canvas(_, pen) if matches!(style.transform(), FontTransform::None) => {
                pen.write(text, style, pos).map_err(|e| DrawingErrorKind::DrawingError(BackendError(e)))
            }
            _ => both!(self, b => b.draw_text(text, style, pos)),
        }
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        text: &str,
        style: &TStyle,
    ) -> Result<(u32, u32), DrawingErrorKind<BackendError>> {
        match self {
            PageBackend::Canvas(b, _) => b.estimate_text_size(text, style).map_err(map),
            PageBackend::Svg(b) => b.estimate_text_size(text, style).map_err(map),
        }
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
    let ctx = canvas.get_context("2d").ok()??.dyn_into::<web_sys::CanvasRenderingContext2d>().ok()?;
    let backend = CanvasBackend::with_canvas_object(canvas)?;
    let pen = TextPen { ctx, font: String::new(), align: "", baseline: "", fill: None };
    let root: DrawingArea<PageBackend, Shift> = PageBackend::Canvas(backend, pen).into_drawing_area();
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
