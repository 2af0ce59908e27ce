//! Values as officials write them: "85,43", "3.376", "85,43%", "2/63", "910/940",
//! "Hạng 2", "-", and targets such as "Trên 80%" or "Tăng 30% so với năm 2018 (120)".

use crate::text::{clean, fold};

/// What one cell's text means as a number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Num {
    /// A plain number (a percent sign is dropped: `85,43%` is 85.43).
    Value(f64),
    /// `a/b`: a rank out of a total (`2/63`) or a share of ballots (`910/940`).
    Ratio(f64, f64),
    /// A known marker of a missing value: empty, `-`, `—`, `x`, `N/A`...
    Missing,
    /// Text that is not a number.
    NotNumber,
}

impl Num {
    /// As a score: ratios become a percentage (`910/940` → 96.81).
    pub fn as_value(self) -> Option<f64> {
        match self {
            Num::Value(v) => Some(v),
            Num::Ratio(a, b) if b != 0.0 => Some((a / b * 10000.0).round() / 100.0),
            _ => None,
        }
    }

    /// As a rank: `2/63` → 2, `2` → 2.
    pub fn as_rank(self) -> Option<u32> {
        let r = match self {
            Num::Value(v) => v,
            Num::Ratio(a, _) => a,
            _ => return None,
        };
        (r >= 1.0 && r.fract() == 0.0 && r < 1e6).then_some(r as u32)
    }

    pub fn is_number(self) -> bool {
        matches!(self, Num::Value(_) | Num::Ratio(..))
    }
}

const MISSING: &[&str] = &[
    "",
    "-",
    "--",
    "—",
    "–",
    "x",
    "n/a",
    "na",
    "#n/a",
    "n.a",
    "…",
    "...",
    "kdg",
    "k/d",
    "?",
    "không có",
    "chưa có",
    "không đánh giá",
    "chưa đánh giá",
    "#div/0!",
    "#value!",
    "#ref!",
];

/// Parses a number as officials type it. Vietnamese convention first: `,` is the decimal
/// mark and `.` groups thousands (`3.376` → 3376); an English `85.43` still reads as 85.43.
pub fn parse_num(raw: &str) -> Num {
    // Fast path for the common case of a name: no digit means a missing marker or text.
    let t = raw.trim();
    if !t.bytes().any(|b| b.is_ascii_digit()) {
        if t.len() > 24 {
            return Num::NotNumber;
        }
        let lower = clean(t).to_lowercase();
        return if MISSING.contains(&lower.as_str()) { Num::Missing } else { Num::NotNumber };
    }
    // Text that starts with a letter is a number only as "Hạng 2", "Rank 5", "Xếp hạng 3",
    // "Thứ 4".
    if let Some(first) = t.chars().next().filter(|c| c.is_alphabetic()) {
        if !"hHrRxXtT".contains(first) {
            return Num::NotNumber;
        }
        // Names start with these letters too ("Xã", "Thị xã", "Huyện"): the first word
        // decides, compared as typed (cells are NFC), with or without its marks.
        let word = t.split_whitespace().next().unwrap_or_default().to_lowercase();
        if !["hạng", "hang", "xếp", "xep", "rank", "thứ", "thu"].contains(&word.as_str()) {
            return Num::NotNumber;
        }
    }
    let s = clean(raw);
    let lower = s.to_lowercase();
    if MISSING.contains(&lower.as_str()) {
        return Num::Missing;
    }
    // "Hạng 2", "hạng 2/63", "Rank 5"
    let f = fold(&s);
    let rest = ["hang ", "xep hang ", "rank ", "thu "]
        .iter()
        .find_map(|p| f.strip_prefix(p).map(|_| s.split_once(' ').map(|x| x.1).unwrap_or("")));
    let s = match rest {
        Some(r) => r.trim_start_matches(|c: char| !c.is_ascii_digit()).to_string(),
        None => s,
    };
    if let Some((a, b)) = s.split_once('/') {
        return match (plain_number(a), plain_number(b)) {
            (Some(a), Some(b)) => Num::Ratio(a, b),
            _ => Num::NotNumber,
        };
    }
    match plain_number(&s) {
        Some(v) => Num::Value(v),
        None => Num::NotNumber,
    }
}

/// A number with optional sign, percent sign, decimal comma or point, thousands groups.
fn plain_number(s: &str) -> Option<f64> {
    let s = s.trim().trim_end_matches('%').trim();
    let (neg, s) = match s.strip_prefix(['-', '−']) {
        Some(r) => (true, r.trim()),
        None => (false, s.strip_prefix('+').unwrap_or(s).trim()),
    };
    if s.is_empty() || !s.bytes().next()?.is_ascii_digit() && !s.starts_with([',', '.']) {
        return None;
    }
    if !s.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.' || b == b' ') {
        return None;
    }
    let s: String = s.chars().filter(|c| *c != ' ').collect();
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    let normal = match (commas, dots) {
        (0, 0) => s,
        (1, 0) => s.replace(',', "."),
        (0, 1) => {
            // "3.376": a thousands group when exactly three digits follow a short, non-zero
            // integer part; otherwise a decimal point ("85.43", "0.125").
            let (int, frac) = s.split_once('.')?;
            if frac.len() == 3 && !int.is_empty() && int.len() <= 3 && int != "0" {
                format!("{int}{frac}")
            } else {
                s
            }
        }
        (0, _) => grouped(&s, '.')?,
        (_, 0) => grouped(&s, ',')?,
        _ => {
            // Both: the later one is the decimal mark.
            let (dec, thou) = if s.rfind(',') > s.rfind('.') { (',', '.') } else { ('.', ',') };
            let (int, frac) = s.rsplit_once(dec)?;
            if frac.contains(thou) {
                return None;
            }
            format!("{}.{frac}", grouped(int, thou)?)
        }
    };
    let v: f64 = normal.parse().ok()?;
    v.is_finite().then_some(if neg { -v } else { v })
}

/// "1.234.567" with `sep` between groups of three → "1234567".
fn grouped(s: &str, sep: char) -> Option<String> {
    let parts: Vec<&str> = s.split(sep).collect();
    let ok = parts[0].len() <= 3 && !parts[0].is_empty() && parts[1..].iter().all(|p| p.len() == 3);
    ok.then(|| parts.concat())
}

/// The comparison a target asks for; named as [`TargetOp::as_str`] writes it (in links).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TargetOp {
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = ">=")]
    Ge,
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = "=")]
    Eq,
}

impl TargetOp {
    pub fn as_str(self) -> &'static str {
        match self {
            TargetOp::Gt => ">",
            TargetOp::Ge => ">=",
            TargetOp::Lt => "<",
            TargetOp::Le => "<=",
            TargetOp::Eq => "=",
        }
    }

    pub fn holds(self, v: f64, t: f64) -> bool {
        match self {
            TargetOp::Gt => v > t,
            TargetOp::Ge => v >= t - 1e-9,
            TargetOp::Lt => v < t,
            TargetOp::Le => v <= t + 1e-9,
            TargetOp::Eq => (v - t).abs() < 1e-9,
        }
    }

    /// True where a lower value is better (`Dưới 2%`).
    pub fn lower_is_better(self) -> bool {
        matches!(self, TargetOp::Lt | TargetOp::Le)
    }
}

/// A target resolved from its text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TargetSpec {
    pub op: TargetOp,
    pub threshold: f64,
}

/// Words that open a target, folded, longest first within each operator.
const TARGET_WORDS: &[(&str, TargetOp)] = &[
    ("khong duoi", TargetOp::Ge),
    ("khong it hon", TargetOp::Ge),
    ("toi thieu", TargetOp::Ge),
    ("it nhat", TargetOp::Ge),
    ("tu", TargetOp::Ge),
    ("dat tren", TargetOp::Gt),
    ("dat", TargetOp::Ge),
    ("tren", TargetOp::Gt),
    ("hon", TargetOp::Gt),
    ("lon hon", TargetOp::Gt),
    ("cao hon", TargetOp::Gt),
    ("vuot", TargetOp::Gt),
    ("khong qua", TargetOp::Le),
    ("khong vuot qua", TargetOp::Le),
    ("toi da", TargetOp::Le),
    ("duoi", TargetOp::Lt),
    ("nho hon", TargetOp::Lt),
    ("thap hon", TargetOp::Lt),
    ("at least", TargetOp::Ge),
    ("above", TargetOp::Gt),
    ("over", TargetOp::Gt),
    ("below", TargetOp::Lt),
    ("under", TargetOp::Lt),
    ("at most", TargetOp::Le),
];

/// Reads a target as officials write it. Returns `None` for text that is not a target.
pub fn parse_target(raw: &str) -> Option<TargetSpec> {
    let s = clean(raw);
    let f = fold(&s);
    // Relative: "Tăng 30% so với năm 2018 (120)" / "Giảm 10% so với 2020 (50)".
    for (word, up) in [("tang", true), ("giam", false), ("increase", true), ("decrease", false)] {
        if f.starts_with(word) && (f.contains(" so voi") || f.contains(" than ") || s.contains('(')) {
            let pct = first_number(&s)?;
            let base = s.rfind('(').and_then(|i| first_number(&s[i + 1..])).or_else(|| {
                last_number(&s).filter(|b| *b != pct && crate::text::find_year(&format!("{b}")).is_none())
            })?;
            let factor = if up { 1.0 + pct / 100.0 } else { 1.0 - pct / 100.0 };
            let op = if up { TargetOp::Ge } else { TargetOp::Le };
            return Some(TargetSpec { op, threshold: round6(base * factor) });
        }
    }
    // Symbolic operators.
    let t = s.trim_start();
    let sym = [
        ("≥", TargetOp::Ge),
        (">=", TargetOp::Ge),
        ("=>", TargetOp::Ge),
        ("≤", TargetOp::Le),
        ("<=", TargetOp::Le),
        ("=<", TargetOp::Le),
        (">", TargetOp::Gt),
        ("<", TargetOp::Lt),
        ("=", TargetOp::Eq),
    ];
    for (p, op) in sym {
        if let Some(rest) = t.strip_prefix(p) {
            return first_number(rest).map(|threshold| TargetSpec { op, threshold });
        }
    }
    let mut words: Vec<(&str, TargetOp)> = TARGET_WORDS.to_vec();
    words.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    for (w, op) in words {
        if f == w || f.starts_with(&format!("{w} ")) {
            let mut op = op;
            // "Từ 90% trở lên" / "từ 5 ngày trở xuống"
            if f.contains("tro xuong") {
                op = TargetOp::Le;
            }
            return first_number(&s).map(|threshold| TargetSpec { op, threshold });
        }
    }
    // "90% trở lên", or a bare "100%": reaching it is the target.
    if f.contains("tro len") || s.trim_end().ends_with('%') {
        if let Num::Value(v) = parse_num(s.split_whitespace().next()?) {
            return Some(TargetSpec { op: TargetOp::Ge, threshold: v });
        }
    }
    None
}

fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// Splits text into the number-like runs it holds.
fn number_runs(s: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for ch in s.chars().chain(std::iter::once(' ')) {
        if ch.is_ascii_digit() || ((ch == ',' || ch == '.') && !cur.is_empty()) {
            cur.push(ch);
        } else if !cur.is_empty() {
            let run = cur.trim_end_matches([',', '.']);
            if let Some(v) = plain_number(run) {
                out.push(v);
            }
            cur.clear();
        }
    }
    out
}

fn first_number(s: &str) -> Option<f64> {
    number_runs(s).first().copied()
}

fn last_number(s: &str) -> Option<f64> {
    number_runs(s).last().copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        let cases: &[(&str, Num)] = &[
            ("85,43", Num::Value(85.43)),
            ("85.43", Num::Value(85.43)),
            ("3.376", Num::Value(3376.0)),
            ("0.125", Num::Value(0.125)),
            ("1.234.567", Num::Value(1234567.0)),
            ("1.234,5", Num::Value(1234.5)),
            ("1,234.5", Num::Value(1234.5)),
            ("85,43%", Num::Value(85.43)),
            (" 85,43 % ", Num::Value(85.43)),
            ("-3,5", Num::Value(-3.5)),
            ("2/63", Num::Ratio(2.0, 63.0)),
            ("910/940", Num::Ratio(910.0, 940.0)),
            ("Hạng 2", Num::Value(2.0)),
            ("XẾP HẠNG 3", Num::Value(3.0)),
            ("hang 4/63", Num::Ratio(4.0, 63.0)),
            ("Thứ 5", Num::Value(5.0)),
            ("Rank 6", Num::Value(6.0)),
            ("Xã số 12", Num::NotNumber),
            ("Thị xã 3", Num::NotNumber),
            ("Huyện 2", Num::NotNumber),
            ("Hạng2", Num::NotNumber),
            ("-", Num::Missing),
            ("—", Num::Missing),
            ("x", Num::Missing),
            ("N/A", Num::Missing),
            ("", Num::Missing),
            ("Hà Nội", Num::NotNumber),
            ("12abc", Num::NotNumber),
            ("1.2.3", Num::NotNumber),
        ];
        for (s, want) in cases {
            assert_eq!(parse_num(s), *want, "{s:?}");
        }
        assert_eq!(parse_num("910/940").as_value(), Some(96.81));
        assert_eq!(parse_num("2/63").as_rank(), Some(2));
        assert_eq!(parse_num("Hạng 2").as_rank(), Some(2));
        assert_eq!(parse_num("2,5").as_rank(), None);
    }

    #[test]
    fn targets() {
        use TargetOp::*;
        let cases: &[(&str, TargetOp, f64)] = &[
            ("Trên 80%", Gt, 80.0),
            ("> 80%", Gt, 80.0),
            ("≥ 90%", Ge, 90.0),
            (">= 90%", Ge, 90.0),
            ("Tối thiểu 90%", Ge, 90.0),
            ("Đạt 100%", Ge, 100.0),
            ("Dưới 2%", Lt, 2.0),
            ("Không quá 5 ngày", Le, 5.0),
            ("Tăng 30% so với năm 2018 (120)", Ge, 156.0),
            ("Giảm 10% so với năm 2020 (50)", Le, 45.0),
            ("Từ 95% trở lên", Ge, 95.0),
            ("100%", Ge, 100.0),
            ("Trên 85,5%", Gt, 85.5),
        ];
        for (s, op, t) in cases {
            let got = parse_target(s).unwrap_or_else(|| panic!("{s:?} not read"));
            assert_eq!((got.op, got.threshold), (*op, *t), "{s:?}");
        }
        assert_eq!(parse_target("Hà Nội"), None);
        assert!(TargetOp::Lt.holds(1.2, 2.0));
        assert!(!TargetOp::Gt.holds(80.0, 80.0));
    }
}
