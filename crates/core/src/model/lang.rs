//! The UI's two languages, and the column letters and thousands of the import's texts.

/// In links as its [`Lang::code`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// Formats a number: decimal comma in Vietnamese, point in English.
    pub fn num(self, v: f64, decimals: usize) -> String {
        let s = format!("{v:.decimals$}");
        match self {
            Lang::Vi => s.replace('.', ","),
            Lang::En => s,
        }
    }
}

/// Excel-style column letters: 0 → A, 26 → AA.
pub fn col_name(mut c: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Column letters back to an index: "A" → 0, "aa" → 26; `None` for anything else.
pub fn col_index(letters: &str) -> Option<usize> {
    let t = letters.trim();
    if t.is_empty() || t.len() > 3 || !t.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    Some(t.to_ascii_uppercase().bytes().fold(0usize, |acc, b| acc * 26 + (b - b'A' + 1) as usize) - 1)
}

/// 5000000 → "5.000.000" (Vietnamese) or "5,000,000" (English).
pub fn group_thousands(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns() {
        assert_eq!(col_name(0), "A");
        assert_eq!(col_name(25), "Z");
        assert_eq!(col_name(26), "AA");
        assert_eq!(col_name(27), "AB");
        assert_eq!(col_name(701), "ZZ");
        assert_eq!(col_name(702), "AAA");
        for i in [0, 1, 25, 26, 27, 701, 702] {
            assert_eq!(col_index(&col_name(i)), Some(i));
        }
        assert_eq!(col_index("b"), Some(1));
        assert_eq!(col_index("B2"), None);
        assert_eq!(col_index(""), None);
        assert_eq!(group_thousands(5_000_000, '.'), "5.000.000");
        assert_eq!(group_thousands(999, ','), "999");
    }

    #[test]
    fn numbers_follow_language() {
        assert_eq!(Lang::Vi.num(85.432, 2), "85,43");
        assert_eq!(Lang::En.num(85.432, 2), "85.43");
    }
}
