//! What the extraction needs of a font: its name, how a string splits into codes, each
//! code's Unicode text and its advance width.

use std::collections::HashMap;

use hayro_cmap::{BfString, CMap};
use hayro_syntax::object::{Array, Dict, Name, Object, Stream};

use super::encoding::{base_char, glyph_name_text, Base};
use super::Budget;

/// The most entries read from a `/Widths` or `/W` array, and codes a `/W` range may span.
const MAX_WIDTHS: usize = 65_536;

pub(super) struct Font {
    /// The base name without a subset prefix (`ABCDEF+`).
    pub name: String,
    /// Composite (Type0) fonts: how bytes split into codes and codes map to CIDs. `None`
    /// for a simple font (one byte a code).
    cid: Option<CidCodes>,
    to_unicode: Option<CMap>,
    /// A simple font's text for each code when `/ToUnicode` has none.
    simple: Vec<Option<String>>,
    /// Advance widths in glyph space (thousandths of the text size, or the Type3 font's
    /// units): by code for simple fonts, by CID for composite ones.
    widths: HashMap<u32, f64>,
    default_width: f64,
    /// Glyph space to text space: 1/1000, or a Type3 font's `/FontMatrix` a.
    pub scale: f64,
    /// Ascent and descent in text space per unit of size (about 0.9 and −0.2).
    pub ascent: f64,
    pub descent: f64,
}

enum CidCodes {
    /// Identity-H/V, or a predefined CMap this build does not carry: two bytes a code,
    /// the code as CID.
    Identity,
    Embedded(Box<CMap>),
}

impl Font {
    pub(super) fn load(dict: &Dict<'_>, budget: &mut Budget) -> Font {
        let subtype = name_of(dict, b"Subtype").unwrap_or_default();
        let name = base_name(dict);
        let to_unicode = dict
            .get::<Stream<'_>>(b"ToUnicode")
            .and_then(|s| budget.decode(&s))
            .and_then(|data| CMap::parse(&data, |_| None));
        let mut font = Font {
            name,
            cid: None,
            to_unicode,
            simple: Vec::new(),
            widths: HashMap::new(),
            default_width: 1000.0,
            scale: 0.001,
            ascent: 0.9,
            descent: -0.2,
        };
        if subtype == b"Type0" {
            font.load_composite(dict, budget);
        } else {
            font.load_simple(dict, &subtype);
        }
        font
    }

    fn load_simple(&mut self, dict: &Dict<'_>, subtype: &[u8]) {
        let descriptor = dict.get::<Dict<'_>>(b"FontDescriptor");
        let symbolic =
            descriptor.as_ref().and_then(|d| d.get::<i64>(b"Flags")).is_some_and(|f| f & 4 != 0 && f & 32 == 0);
        let default_base = if symbolic {
            Base::Latin1
        } else if subtype == b"TrueType" {
            Base::WinAnsi
        } else {
            Base::Standard
        };
        let mut base = default_base;
        let mut differences = None;
        match dict.get::<Object<'_>>(b"Encoding") {
            Some(Object::Name(n)) => base = Base::from_name(&n).unwrap_or(default_base),
            Some(Object::Dict(d)) => {
                if let Some(b) = d.get::<Name<'_>>(b"BaseEncoding").and_then(|n| Base::from_name(&n)) {
                    base = b;
                }
                differences = d.get::<Array<'_>>(b"Differences");
            }
            _ => {}
        }
        self.simple = (0..=255u8).map(|c| base_char(base, c).map(String::from)).collect();
        if let Some(diffs) = differences {
            let mut code = 0usize;
            for item in diffs.iter::<Object<'_>>().take(MAX_WIDTHS) {
                match item {
                    Object::Number(n) => code = n.as_i64().clamp(0, 256) as usize,
                    Object::Name(n) => {
                        if let Some(slot) = self.simple.get_mut(code) {
                            *slot = glyph_name_text(&n);
                        }
                        code += 1;
                    }
                    _ => {}
                }
            }
        }
        if subtype == b"Type3" {
            self.scale = dict
                .get::<Array<'_>>(b"FontMatrix")
                .and_then(|m| m.iter::<f64>().next())
                .filter(|a| a.is_finite() && *a != 0.0)
                .map_or(0.001, f64::abs);
        }
        let first = dict.get::<i64>(b"FirstChar").unwrap_or(0).clamp(0, 255) as u32;
        if let Some(widths) = dict.get::<Array<'_>>(b"Widths") {
            for (i, w) in widths.iter::<f64>().take(256).enumerate() {
                self.widths.insert(first + i as u32, w);
            }
        }
        self.default_width = descriptor
            .as_ref()
            .and_then(|d| d.get::<f64>(b"MissingWidth"))
            .filter(|w| *w > 0.0)
            .unwrap_or(if subtype == b"Type3" { 0.0 } else { 500.0 });
        if let Some(d) = &descriptor {
            self.metrics(d);
        }
    }

    fn load_composite(&mut self, dict: &Dict<'_>, budget: &mut Budget) {
        self.cid = Some(match dict.get::<Object<'_>>(b"Encoding") {
            Some(Object::Stream(s)) => budget
                .decode(&s)
                .and_then(|data| CMap::parse(&data, |_| None))
                .map_or(CidCodes::Identity, |c| CidCodes::Embedded(Box::new(c))),
            _ => CidCodes::Identity,
        });
        let Some(descendant) = dict.get::<Array<'_>>(b"DescendantFonts").and_then(|a| a.iter::<Dict<'_>>().next())
        else {
            return;
        };
        self.default_width = descendant.get::<f64>(b"DW").unwrap_or(1000.0);
        if let Some(w) = descendant.get::<Array<'_>>(b"W") {
            self.cid_widths(&w);
        }
        if let Some(d) = descendant.get::<Dict<'_>>(b"FontDescriptor") {
            self.metrics(&d);
        }
    }

    /// A `/W` array: `c [w1 w2 …]` and `c_first c_last w`.
    fn cid_widths(&mut self, w: &Array<'_>) {
        let items: Vec<Object<'_>> = w.iter::<Object<'_>>().take(MAX_WIDTHS).collect();
        let mut i = 0;
        while i + 1 < items.len() && self.widths.len() < MAX_WIDTHS {
            let Some(first) = number(&items[i]).filter(|f| *f >= 0.0).map(|f| f as u32) else {
                break;
            };
            match &items[i + 1] {
                Object::Array(list) => {
                    for (k, width) in list.iter::<f64>().take(MAX_WIDTHS).enumerate() {
                        self.widths.insert(first.saturating_add(k as u32), width);
                    }
                    i += 2;
                }
                last => {
                    let (Some(last), Some(width)) = (number(last), items.get(i + 2).and_then(number)) else {
                        break;
                    };
                    let last = (last.max(0.0) as u32).min(first.saturating_add(MAX_WIDTHS as u32));
                    for cid in first..=last {
                        self.widths.insert(cid, width);
                    }
                    i += 3;
                }
            }
        }
    }

    fn metrics(&mut self, descriptor: &Dict<'_>) {
        if let Some(a) = descriptor.get::<f64>(b"Ascent").filter(|a| (300.0..=1500.0).contains(a)) {
            self.ascent = a / 1000.0;
        }
        if let Some(d) = descriptor.get::<f64>(b"Descent").filter(|d| (-600.0..=0.0).contains(d)) {
            self.descent = d / 1000.0;
        }
    }

    /// The codes of a string: (code, its length in bytes).
    pub(super) fn codes(&self, bytes: &[u8], out: &mut Vec<(u32, u8)>) {
        out.clear();
        match &self.cid {
            None => out.extend(bytes.iter().map(|&b| (u32::from(b), 1))),
            Some(CidCodes::Identity) => {
                out.extend(bytes.chunks(2).map(|c| (c.iter().fold(0, |a, &b| a << 8 | u32::from(b)), 2)));
            }
            Some(CidCodes::Embedded(cmap)) => {
                let mut i = 0;
                while i < bytes.len() {
                    let mut code = 0u32;
                    let mut found = None;
                    for n in 0..4.min(bytes.len() - i) {
                        code = code << 8 | u32::from(bytes[i + n]);
                        if cmap.lookup_cid_code(code, n as u8 + 1).is_some() {
                            found = Some((code, n as u8 + 1));
                            break;
                        }
                    }
                    let (code, len) = found.unwrap_or((u32::from(bytes[i]), 1));
                    out.push((code, len));
                    i += usize::from(len);
                }
            }
        }
    }

    /// A code's text: `/ToUnicode` first, then a simple font's encoding; the byte as
    /// Latin-1 for a simple font with neither, U+FFFD for a composite one.
    pub(super) fn text(&self, code: u32) -> String {
        if let Some(t) = self.to_unicode.as_ref().and_then(|m| m.lookup_bf_string(code)) {
            let t = match t {
                BfString::Char(c) => c.to_string(),
                BfString::String(s) => s,
            };
            if !t.is_empty() && !t.contains('\0') {
                return t;
            }
        }
        match &self.cid {
            None => match self.simple.get(code as usize) {
                Some(Some(t)) => t.clone(),
                _ => char::from_u32(code).unwrap_or('\u{fffd}').to_string(),
            },
            Some(_) => '\u{fffd}'.to_string(),
        }
    }

    /// A code's advance width in glyph space.
    pub(super) fn width(&self, code: u32, len: u8) -> f64 {
        let key = match &self.cid {
            Some(CidCodes::Embedded(cmap)) => cmap.lookup_cid_code(code, len).map_or(code, u32::from),
            _ => code,
        };
        self.widths.get(&key).copied().filter(|w| w.is_finite()).unwrap_or(self.default_width)
    }

    /// Word spacing applies to the single-byte code 32 only.
    pub(super) fn is_word_space(&self, code: u32, len: u8) -> bool {
        code == 32 && len == 1
    }
}

fn number(o: &Object<'_>) -> Option<f64> {
    match o {
        Object::Number(n) => Some(n.as_f64()),
        _ => None,
    }
}

fn name_of(dict: &Dict<'_>, key: &[u8]) -> Option<Vec<u8>> {
    dict.get::<Name<'_>>(key).map(|n| n.to_vec())
}

/// `/BaseFont` without a subset prefix: six capital letters and `+`.
fn base_name(dict: &Dict<'_>) -> String {
    let raw = name_of(dict, b"BaseFont").unwrap_or_default();
    let raw = String::from_utf8_lossy(&raw).into_owned();
    match raw.split_once('+') {
        Some((tag, rest)) if tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()) => rest.to_string(),
        _ => raw,
    }
}
