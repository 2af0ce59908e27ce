//! Text helpers shared by every stage: Unicode normalisation, diacritic folding, years.

pub mod legacy;
pub mod nfc;
#[cfg(test)]
mod nfc_gen;
mod nfc_tables;
pub mod provinces;
pub mod units;
pub mod value;

use crate::text::nfc::{compose_pair, has_marks, nfc, nfd_chars};

/// NFC, non-breaking and odd spaces made plain, runs of white space collapsed, trimmed.
pub fn clean(s: &str) -> String {
    // Most text is already clean: NFC, single spaces, nothing to trim.
    let plain = !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s.contains("  ")
        && !s.contains(['\u{a0}', '\u{2007}', '\u{202f}', '\t', '\r', '\n', '\u{200b}', '\u{feff}']);
    if plain && !has_marks(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for ch in nfc(s).chars() {
        let ch = match ch {
            '\u{a0}' | '\u{2007}' | '\u{202f}' | '\t' | '\r' | '\n' => ' ',
            '\u{200b}' | '\u{feff}' => continue,
            c => c,
        };
        if ch == ' ' {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(ch);
        }
    }
    out
}

/// A key for matching: no diacritics, `đ` as `d`, lower case, only letters and digits
/// separated by single spaces. "Thừa Thiên - Huế" and "thua thien hue" fold alike.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for ch in nfd_chars(s) {
        if ('\u{300}'..='\u{36f}').contains(&ch) {
            continue;
        }
        let ch = match ch {
            'đ' | 'Đ' => 'd',
            c => c,
        };
        if ch.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(ch.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

/// The first four-digit year (1990–2099) standing alone in the text.
pub fn find_year(s: &str) -> Option<u16> {
    let b = s.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        let w = &b[i..i + 4];
        let before_ok = i == 0 || !b[i - 1].is_ascii_digit();
        let after_ok = i + 4 == b.len() || !b[i + 4].is_ascii_digit();
        if before_ok && after_ok && w.iter().all(u8::is_ascii_digit) {
            let y: u16 = s[i..i + 4].parse().ok()?;
            if (1990..2100).contains(&y) {
                return Some(y);
            }
        }
        i += 1;
    }
    None
}

/// A quarter named in the text: "Quý I", "Quý 2", "Q3", "quy IV" → 1..=4.
pub fn find_quarter(s: &str) -> Option<u8> {
    let f = fold(s);
    let words: Vec<&str> = f.split(' ').collect();
    for (i, w) in words.iter().enumerate() {
        let num = if *w == "quy" || *w == "quarter" {
            words.get(i + 1).copied()
        } else if let Some(rest) = w.strip_prefix('q') {
            Some(rest).filter(|r| r.len() == 1)
        } else {
            None
        };
        let q = match num {
            Some("1" | "i") => 1,
            Some("2" | "ii") => 2,
            Some("3" | "iii") => 3,
            Some("4" | "iv") => 4,
            _ => continue,
        };
        return Some(q);
    }
    None
}

/// Does the folded text contain one of the folded phrases as whole words?
pub fn has_phrase(folded: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| {
        folded == *p
            || folded.starts_with(&format!("{p} "))
            || folded.ends_with(&format!(" {p}"))
            || folded.contains(&format!(" {p} "))
    })
}

/// Vietnamese alphabetical order key: a < ă < â < b < c < d < đ < e < ê ... then tones.
pub fn vi_sort_key(s: &str) -> Vec<u32> {
    const BASE: &str = "aăâbcdđeêghiklmnoôơpqrstuưvxy";
    let mut letters = Vec::new();
    let mut tones = Vec::new();
    for ch in nfd_chars(s) {
        if ('\u{300}'..='\u{36f}').contains(&ch) {
            // Breve, circumflex and horn make letters; the five tone marks sort after.
            match ch {
                '\u{306}' | '\u{302}' | '\u{31b}' => {
                    if let Some(last) = letters.pop() {
                        let base = char::from_u32(last).unwrap_or('a');
                        letters.push(compose_pair(base, ch).map_or(last, |c| c as u32));
                    }
                }
                _ => tones.push(ch as u32),
            }
            continue;
        }
        let lower = ch.to_lowercase().next().unwrap_or(ch);
        letters.push(lower as u32);
    }
    let mut key: Vec<u32> = letters
        .into_iter()
        .map(|c| {
            let ch = char::from_u32(c).unwrap_or(' ');
            match BASE.chars().position(|b| b == ch) {
                Some(i) => 0x1000 + i as u32,
                None => 0x2000 + c,
            }
        })
        .collect();
    key.push(0);
    key.extend(tones);
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_normalises() {
        let nfd = "Ha\u{300} N\u{1ed9}i"; // "Hà Nội" with a decomposed grave
        assert_eq!(clean(nfd), "Hà Nội");
        assert_eq!(clean("  Hà\u{a0}\u{a0}Nội \n"), "Hà Nội");
    }

    #[test]
    fn fold_cases() {
        for (a, b) in [
            ("Thừa Thiên - Huế", "thua thien hue"),
            ("Hoà Bình", "hoa binh"),
            ("Hòa Bình", "hoa binh"),
            ("Đắk Lắk", "dak lak"),
            ("Đăk Lăk", "dak lak"),
            ("TP. Hồ Chí Minh", "tp ho chi minh"),
            ("Bà Rịa – Vũng Tàu", "ba ria vung tau"),
        ] {
            assert_eq!(fold(a), b, "{a}");
        }
    }

    #[test]
    fn years_and_quarters() {
        assert_eq!(find_year("Năm 2022"), Some(2022));
        assert_eq!(find_year("PAR INDEX 2019 / Điểm"), Some(2019));
        assert_eq!(find_year("12022"), None);
        assert_eq!(find_year("Điểm"), None);
        assert_eq!(find_quarter("Quý I"), Some(1));
        assert_eq!(find_quarter("Quý IV/2023"), Some(4));
        assert_eq!(find_quarter("Q3 2023"), Some(3));
        assert_eq!(find_quarter("Quyết định"), None);
    }

    #[test]
    fn vietnamese_order() {
        let mut names = vec!["Đồng Nai", "Điện Biên", "Dak", "An Giang", "Ăn", "Bạc Liêu", "Âu"];
        names.sort_by_cached_key(|s| vi_sort_key(s));
        assert_eq!(names, vec!["An Giang", "Ăn", "Âu", "Bạc Liêu", "Dak", "Điện Biên", "Đồng Nai"]);
    }
}
