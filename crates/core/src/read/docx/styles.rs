//! word/styles.xml: the fonts of the document's defaults and of its paragraph and character
//! styles (a run with no font of its own is in its style's font: a document typed in
//! «.VnTime» often sets it once, on «Normal»), and the borders of table styles (a table
//! drawn without lines is a letterhead or a signature, not data).

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use rustc_hash::FxHashMap;

use super::attr;
use crate::text::legacy::Legacy;

/// The font a run's characters are drawn in, as far as this reader needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Face {
    Named(String),
    /// One of the theme's fonts (never a legacy one).
    Theme,
}

/// The fonts an `rFonts` element sets: `hAnsi` draws the characters above ASCII (where a
/// legacy encoding puts its letters), `ascii` the rest.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Fonts {
    pub(super) hansi: Option<Face>,
    pub(super) ascii: Option<Face>,
}

impl Fonts {
    /// The fonts of an `rFonts` element.
    pub(super) fn of(e: &BytesStart) -> Fonts {
        let face = |theme: &str, name: &str| {
            if attr(e, theme).is_some() {
                Some(Face::Theme)
            } else {
                attr(e, name).map(Face::Named)
            }
        };
        Fonts { hansi: face("w:hAnsiTheme", "w:hAnsi"), ascii: face("w:asciiTheme", "w:ascii") }
    }
}

/// Which sides of a table have a line: a bit per side (top, left, bottom, right, inner
/// horizontal, inner vertical), `set` where the element says, `on` where the line shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Borders {
    set: u8,
    on: u8,
}

impl Borders {
    /// Records a side element (`w:top`, `w:insideV`...) and its `w:val`.
    pub(super) fn side(&mut self, name: &str, val: Option<&str>) {
        let bit = match name {
            "w:top" => 1,
            "w:left" | "w:start" => 2,
            "w:bottom" => 4,
            "w:right" | "w:end" => 8,
            "w:insideH" => 16,
            "w:insideV" => 32,
            _ => return,
        };
        self.set |= bit;
        if visible(val) {
            self.on |= bit;
        } else {
            self.on &= !bit;
        }
    }

    /// These borders where they are set, `base` elsewhere.
    pub(super) fn over(self, base: Borders) -> Borders {
        Borders { set: self.set | base.set, on: (self.on & self.set) | (base.on & base.set & !self.set) }
    }

    /// Some side shows a line.
    pub(super) fn any(self) -> bool {
        self.on & self.set != 0
    }
}

/// A border's `w:val` draws a line unless it is `none` or `nil`.
pub(super) fn visible(val: Option<&str>) -> bool {
    !matches!(val, Some("none" | "nil" | ""))
}

#[derive(Clone, Debug, Default)]
struct Style {
    based_on: Option<String>,
    fonts: Fonts,
    borders: Borders,
}

/// The styles a reader of tables needs.
#[derive(Clone, Debug, Default)]
pub(super) struct Styles {
    styles: FxHashMap<String, Style>,
    defaults: Fonts,
    default_paragraph: Option<String>,
    default_table: Option<String>,
}

/// How many styles a chain of `basedOn` is followed through (a loop ends there).
const MAX_CHAIN: usize = 16;

/// Where the style reader is: the elements that matter, by their place.
#[derive(Clone, Copy, PartialEq, Eq)]
enum At {
    DocDefaults,
    Style,
    RPr,
    TblPr,
    TblBorders,
    /// Conditional formats of a table style (first row, banded rows): not the table's own.
    Skipped,
    Other,
}

impl Styles {
    /// Reads styles.xml; a part that cannot be read gives what was read before the fault
    /// (styles only help: the document itself is still read).
    pub(super) fn parse(xml: &str) -> Styles {
        let mut s = Styles::default();
        let mut reader = Reader::from_str(xml);
        let mut stack: Vec<At> = Vec::new();
        let mut current: Option<(String, Style)> = None;
        loop {
            let (e, empty) = match reader.read_event() {
                Ok(Event::Start(e)) => (e, false),
                Ok(Event::Empty(e)) => (e, true),
                Ok(Event::End(_)) => {
                    if stack.pop() == Some(At::Style) {
                        if let Some((id, style)) = current.take() {
                            s.styles.insert(id, style);
                        }
                    }
                    continue;
                }
                Ok(Event::Eof) | Err(_) => break,
                Ok(_) => continue,
            };
            if stack.len() > super::MAX_XML_DEPTH {
                break;
            }
            let parent = stack.last().copied();
            let at = s.element(&e, parent, &mut current);
            if empty {
                if at == At::Style {
                    if let Some((id, style)) = current.take() {
                        s.styles.insert(id, style);
                    }
                }
            } else {
                stack.push(at);
            }
        }
        s
    }

    /// One start tag of styles.xml, under `parent`: what it records, and where it is.
    fn element(&mut self, e: &BytesStart, parent: Option<At>, current: &mut Option<(String, Style)>) -> At {
        let name = e.name();
        match (parent, name.as_ref()) {
            (Some(At::Skipped), _) => At::Skipped,
            (_, "w:docDefaults") => At::DocDefaults,
            (_, "w:style") => {
                let id = attr(e, "w:styleId").unwrap_or_default();
                let default = matches!(attr(e, "w:default").as_deref(), Some("1" | "true" | "on"));
                match attr(e, "w:type").as_deref() {
                    Some("paragraph") if default => self.default_paragraph = Some(id.clone()),
                    Some("table") if default => self.default_table = Some(id.clone()),
                    _ => {}
                }
                *current = Some((id, Style::default()));
                At::Style
            }
            (Some(At::Style), "w:basedOn") => {
                if let Some((_, st)) = current {
                    st.based_on = attr(e, "w:val");
                }
                At::Other
            }
            (Some(At::Style), "w:tblStylePr") => At::Skipped,
            (Some(At::Style), "w:tblPr") => At::TblPr,
            (Some(At::TblPr), "w:tblBorders") => At::TblBorders,
            (Some(At::TblBorders), side) => {
                if let Some((_, st)) = current {
                    st.borders.side(side, attr(e, "w:val").as_deref());
                }
                At::Other
            }
            (Some(At::Style | At::DocDefaults | At::RPr), "w:rPr") => At::RPr,
            (Some(At::DocDefaults | At::RPr), "w:rPrDefault") => At::RPr,
            (Some(At::RPr), "w:rFonts") => {
                let fonts = Fonts::of(e);
                match current {
                    Some((_, st)) => st.fonts = fonts,
                    None => self.defaults = fonts,
                }
                At::Other
            }
            (Some(At::DocDefaults), _) => At::DocDefaults,
            _ => At::Other,
        }
    }

    /// A style and the styles it is based on, nearest first.
    fn chain<'a>(&'a self, id: Option<&'a str>) -> impl Iterator<Item = &'a Style> + 'a {
        let mut next = id;
        (0..MAX_CHAIN).map_while(move |_| {
            let st = self.styles.get(next?)?;
            next = st.based_on.as_deref();
            Some(st)
        })
    }

    /// The font a run's characters above ASCII are drawn in: the run's own `hAnsi` font,
    /// else its character style's, its paragraph's style's (or the default paragraph
    /// style's), the document's default; where none sets `hAnsi`, the same for `ascii`.
    pub(super) fn face<'a>(
        &'a self,
        own: &'a Fonts,
        run_style: Option<&'a str>,
        para_style: Option<&'a str>,
    ) -> Option<&'a Face> {
        let para = para_style.or(self.default_paragraph.as_deref());
        let levels = || {
            [own]
                .into_iter()
                .chain(self.chain(run_style).chain(self.chain(para)).map(|s| &s.fonts))
                .chain([&self.defaults])
        };
        levels().find_map(|f| f.hansi.as_ref()).or_else(|| levels().find_map(|f| f.ascii.as_ref()))
    }

    /// The borders a table gets from its style (the default table style when it names none).
    pub(super) fn table_borders(&self, style: Option<&str>) -> Borders {
        let chain: Vec<&Style> = self.chain(style.or(self.default_table.as_deref())).collect();
        chain.iter().rev().fold(Borders::default(), |base, st| st.borders.over(base))
    }
}

/// The legacy encoding a font's name tells, and whether the font draws every letter as a
/// capital: TCVN3 (ABC) fonts are named «.VnTime», «.VnArial», their capitals-only
/// versions end in H («.VnTimeH»); VNI fonts «VNI-Times», «VNI-Helve».
pub(super) fn legacy_font(face: &Face) -> Option<(Legacy, bool)> {
    let Face::Named(name) = face else { return None };
    let f = name.trim().to_ascii_lowercase();
    if f.starts_with(".vn") {
        Some((Legacy::Tcvn3, f.ends_with('h')))
    } else if f.starts_with("vni-") || f.starts_with("vni ") {
        Some((Legacy::Vni, false))
    } else {
        None
    }
}
