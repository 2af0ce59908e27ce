//! The little JSON the view state needs (see [`crate::link`]): a value tree, a
//! reader that refuses anything malformed or nested too deep, and writers for strings and
//! numbers. It replaces serde + serde_json, which cost the page ~15 KB of brotli for one
//! small struct; the text it writes is the JSON those wrote, so old links still open.

/// A parsed JSON value. Objects keep their keys in order (duplicates as written).
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

/// Arrays and objects nested deeper than this are refused (no stack overflow on `[[[[…`).
pub const MAX_DEPTH: usize = 32;

/// Parses a whole document: one value, then only whitespace.
pub fn parse(text: &[u8]) -> Option<Json> {
    let mut r = Reader { b: text, i: 0 };
    let v = r.value(0)?;
    r.ws();
    (r.i == text.len()).then_some(v)
}

struct Reader<'a> {
    b: &'a [u8],
    i: usize,
}

impl Reader<'_> {
    fn ws(&mut self) {
        while matches!(self.b.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        self.ws();
        let hit = self.b.get(self.i) == Some(&c);
        self.i += hit as usize;
        hit
    }

    fn value(&mut self, depth: usize) -> Option<Json> {
        self.ws();
        let c = *self.b.get(self.i)?;
        match c {
            b'{' | b'[' if depth >= MAX_DEPTH => None,
            b'{' => {
                self.i += 1;
                let mut fields = Vec::new();
                if self.eat(b'}') {
                    return Some(Json::Obj(fields));
                }
                loop {
                    self.ws();
                    if self.b.get(self.i) != Some(&b'"') {
                        return None;
                    }
                    let key = self.string()?;
                    if !self.eat(b':') {
                        return None;
                    }
                    fields.push((key, self.value(depth + 1)?));
                    if self.eat(b'}') {
                        return Some(Json::Obj(fields));
                    }
                    if !self.eat(b',') {
                        return None;
                    }
                }
            }
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                if self.eat(b']') {
                    return Some(Json::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    if self.eat(b']') {
                        return Some(Json::Arr(items));
                    }
                    if !self.eat(b',') {
                        return None;
                    }
                }
            }
            b'"' => self.string().map(Json::Str),
            b't' => self.word(b"true", Json::Bool(true)),
            b'f' => self.word(b"false", Json::Bool(false)),
            b'n' => self.word(b"null", Json::Null),
            b'-' | b'0'..=b'9' => {
                let start = self.i;
                while matches!(self.b.get(self.i), Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')) {
                    self.i += 1;
                }
                let text = std::str::from_utf8(&self.b[start..self.i]).ok()?;
                text.parse().ok().map(Json::Num)
            }
            _ => None,
        }
    }

    fn word(&mut self, w: &[u8], v: Json) -> Option<Json> {
        let hit = self.b[self.i..].starts_with(w);
        self.i += w.len();
        hit.then_some(v)
    }

    /// A string; `self.i` is at its opening quote.
    fn string(&mut self) -> Option<String> {
        self.i += 1;
        let mut out = Vec::new();
        loop {
            let c = *self.b.get(self.i)?;
            self.i += 1;
            match c {
                b'"' => return String::from_utf8(out).ok(),
                b'\\' => {
                    let e = *self.b.get(self.i)?;
                    self.i += 1;
                    let ch = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if !self.b[self.i..].starts_with(b"\\u") {
                                    return None;
                                }
                                self.i += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return None;
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            char::from_u32(code)?
                        }
                        _ => return None,
                    };
                    out.extend_from_slice(ch.encode_utf8(&mut [0; 4]).as_bytes());
                }
                0..=0x1F => return None,
                _ => out.push(c),
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.b.get(self.i..self.i + 4)?;
        self.i += 4;
        let text = std::str::from_utf8(digits).ok()?;
        if !text.bytes().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(text, 16).ok()
    }
}

/// Writes `s` as a JSON string literal.
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(char::from_digit(c as u32 >> 4, 16).unwrap_or('0'));
                out.push(char::from_digit(c as u32 & 15, 16).unwrap_or('0'));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Writes a number (shortest text that reads back to the same f64); `null` for none and
/// for what JSON cannot hold (NaN, infinities).
pub fn write_num(out: &mut String, v: Option<f64>) {
    use std::fmt::Write;
    match v.filter(|v| v.is_finite()) {
        Some(v) => {
            let _ = write!(out, "{v:?}");
        }
        None => out.push_str("null"),
    }
}

impl Json {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_arr(&self) -> Option<&[Json]> {
        match self {
            Json::Arr(a) => Some(a),
            _ => None,
        }
    }
    /// A whole number that fits in a u32.
    pub fn as_u32(&self) -> Option<u32> {
        match *self {
            Json::Num(n) if n.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(&n) => Some(n as u32),
            _ => None,
        }
    }
    /// A number, or none for `null`; anything else is an error (the outer `None`).
    pub fn as_opt_num(&self) -> Option<Option<f64>> {
        match *self {
            Json::Num(n) => Some(Some(n)),
            Json::Null => Some(None),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_it_should() {
        let cases: &[(&str, Option<Json>)] = &[
            ("{}", Some(Json::Obj(vec![]))),
            (
                " [1, -2.5e3 ,null,true,false] ",
                Some(Json::Arr(vec![
                    Json::Num(1.0),
                    Json::Num(-2500.0),
                    Json::Null,
                    Json::Bool(true),
                    Json::Bool(false),
                ])),
            ),
            (
                r#"{"a":{"b":[]},"a":"x"}"#,
                Some(Json::Obj(vec![
                    ("a".into(), Json::Obj(vec![("b".into(), Json::Arr(vec![]))])),
                    ("a".into(), Json::Str("x".into())),
                ])),
            ),
            (r#""Hu\u1ebf \ud83d\ude00 \"\\\/\b\f\n\r\t""#, Some(Json::Str("Huế 😀 \"\\/\u{8}\u{c}\n\r\t".into()))),
            ("\"Thừa Thiên Huế\"", Some(Json::Str("Thừa Thiên Huế".into()))),
            ("1e+20", Some(Json::Num(1e20))),
            // Refused: malformed, trailing text, lone surrogates, raw control characters.
            ("", None),
            ("{", None),
            ("[1,]", None),
            ("{\"a\" 1}", None),
            ("{a:1}", None),
            ("[1] x", None),
            ("tru", None),
            ("nul", None),
            ("\"\\ud800\"", None),
            ("\"\\udc00\"", None),
            ("\"\\u12\"", None),
            ("\"\\x\"", None),
            ("\"a\nb\"", None),
            ("\"open", None),
            ("-", None),
            ("1.2.3", None),
            ("[1 2]", None),
        ];
        for (text, want) in cases {
            assert_eq!(&parse(text.as_bytes()), want, "{text}");
        }
    }

    #[test]
    fn depth_is_bounded() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(ok.as_bytes()).is_some());
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(parse(deep.as_bytes()), None);
        // A hostile depth is refused without exhausting the stack.
        assert_eq!(parse("[".repeat(1_000_000).as_bytes()), None);
    }

    #[test]
    fn writes_what_reads_back() {
        for s in ["", "Bà Rịa – Vũng Tàu", "a\"b\\c/d", "\n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f}", "😀"] {
            let mut out = String::new();
            write_str(&mut out, s);
            assert_eq!(parse(out.as_bytes()), Some(Json::Str(s.into())), "{out}");
        }
        let mut out = String::new();
        write_str(&mut out, "\u{1}");
        assert_eq!(out, "\"\\u0001\"");
        for v in [0.0, -0.0, 1.0, 85.43, -0.0001, 1e20, 1e-300, f64::MAX, f64::MIN_POSITIVE, 1.0 / 3.0] {
            let mut out = String::new();
            write_num(&mut out, Some(v));
            let back = parse(out.as_bytes()).and_then(|j| j.as_opt_num()).flatten().unwrap();
            assert_eq!(back.to_bits(), v.to_bits(), "{out}");
        }
        for v in [None, Some(f64::NAN), Some(f64::INFINITY)] {
            let mut out = String::new();
            write_num(&mut out, v);
            assert_eq!(out, "null");
        }
    }

    #[test]
    fn accessors() {
        assert_eq!(Json::Num(63.0).as_u32(), Some(63));
        assert_eq!(Json::Num(1.5).as_u32(), None);
        assert_eq!(Json::Num(-1.0).as_u32(), None);
        assert_eq!(Json::Num(5e9).as_u32(), None);
        assert_eq!(Json::Null.as_opt_num(), Some(None));
        assert_eq!(Json::Str("1".into()).as_opt_num(), None);
    }
}
