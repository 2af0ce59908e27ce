//! A simple (one-byte) font's codes as Unicode when it has no `/ToUnicode` for a code:
//! the base encoding its `/Encoding` names (WinAnsi, MacRoman, Standard), changed by a
//! `/Differences` array of glyph names.

use super::glyphnames::GLYPH_NAMES;

/// The base encodings a simple font may name.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Base {
    WinAnsi,
    MacRoman,
    Standard,
    /// No encoding to apply (a symbolic font's own): the code as Latin-1.
    Latin1,
}

impl Base {
    pub(super) fn from_name(name: &[u8]) -> Option<Base> {
        match name {
            b"WinAnsiEncoding" => Some(Base::WinAnsi),
            b"MacRomanEncoding" => Some(Base::MacRoman),
            b"StandardEncoding" => Some(Base::Standard),
            _ => None,
        }
    }
}

/// WinAnsiEncoding 0x80–0x9F (the rest is Latin-1); `\0` where undefined.
const WIN_ANSI_80: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', //
    '\0', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
];

/// MacRomanEncoding 0x80–0xFF (below is ASCII).
const MAC_ROMAN_80: [char; 128] = [
    'Ä', 'Å', 'Ç', 'É', 'Ñ', 'Ö', 'Ü', 'á', 'à', 'â', 'ä', 'ã', 'å', 'ç', 'é', 'è', //
    'ê', 'ë', 'í', 'ì', 'î', 'ï', 'ñ', 'ó', 'ò', 'ô', 'ö', 'õ', 'ú', 'ù', 'û', 'ü', //
    '†', '°', '¢', '£', '§', '•', '¶', 'ß', '®', '©', '™', '´', '¨', '≠', 'Æ', 'Ø', //
    '∞', '±', '≤', '≥', '¥', 'µ', '∂', '∑', '∏', 'π', '∫', 'ª', 'º', 'Ω', 'æ', 'ø', //
    '¿', '¡', '¬', '√', 'ƒ', '≈', '∆', '«', '»', '…', '\u{a0}', 'À', 'Ã', 'Õ', 'Œ', 'œ', //
    '–', '—', '“', '”', '‘', '’', '÷', '◊', 'ÿ', 'Ÿ', '⁄', '€', '‹', '›', 'ﬁ', 'ﬂ', //
    '‡', '·', '‚', '„', '‰', 'Â', 'Ê', 'Á', 'Ë', 'È', 'Í', 'Î', 'Ï', 'Ì', 'Ó', 'Ô', //
    '\u{f8ff}', 'Ò', 'Ú', 'Û', 'Ù', 'ı', 'ˆ', '˜', '¯', '˘', '˙', '˚', '¸', '˝', '˛', 'ˇ',
];

/// StandardEncoding above 0x7F: (code, char).
const STANDARD_HIGH: [(u8, char); 58] = [
    (0xA1, '¡'),
    (0xA2, '¢'),
    (0xA3, '£'),
    (0xA4, '⁄'),
    (0xA5, '¥'),
    (0xA6, 'ƒ'),
    (0xA7, '§'),
    (0xA8, '¤'),
    (0xA9, '\''),
    (0xAA, '“'),
    (0xAB, '«'),
    (0xAC, '‹'),
    (0xAD, '›'),
    (0xAE, 'ﬁ'),
    (0xAF, 'ﬂ'),
    (0xB1, '–'),
    (0xB2, '†'),
    (0xB3, '‡'),
    (0xB4, '·'),
    (0xB6, '¶'),
    (0xB7, '•'),
    (0xB8, '‚'),
    (0xB9, '„'),
    (0xBA, '”'),
    (0xBB, '»'),
    (0xBC, '…'),
    (0xBD, '‰'),
    (0xBF, '¿'),
    (0xC1, '`'),
    (0xC2, '´'),
    (0xC3, 'ˆ'),
    (0xC4, '˜'),
    (0xC5, '¯'),
    (0xC6, '˘'),
    (0xC7, '˙'),
    (0xC8, '¨'),
    (0xCA, '˚'),
    (0xCB, '¸'),
    (0xCD, '˝'),
    (0xCE, '˛'),
    (0xCF, 'ˇ'),
    (0xD0, '—'),
    (0xE1, 'Æ'),
    (0xE3, 'ª'),
    (0xE8, 'Ł'),
    (0xE9, 'Ø'),
    (0xEA, 'Œ'),
    (0xEB, 'º'),
    (0xF1, 'æ'),
    (0xF5, 'ı'),
    (0xF8, 'ł'),
    (0xF9, 'ø'),
    (0xFA, 'œ'),
    (0xFB, 'ß'),
    (0x27, '’'),
    (0x60, '‘'),
    (0x7F, '\0'),
    (0xA0, '\0'),
];

/// The character a base encoding gives a code, if any.
pub(super) fn base_char(base: Base, code: u8) -> Option<char> {
    let c = match base {
        Base::Latin1 => char::from(code),
        Base::WinAnsi => match code {
            0x80..=0x9F => WIN_ANSI_80[usize::from(code - 0x80)],
            0x7F => '\0',
            _ => char::from(code),
        },
        Base::MacRoman => match code {
            0x80..=0xFF => MAC_ROMAN_80[usize::from(code - 0x80)],
            0x7F => '\0',
            _ => char::from(code),
        },
        Base::Standard => match STANDARD_HIGH.iter().find(|(k, _)| *k == code) {
            Some(&(_, c)) => c,
            None if code < 0x7F => char::from(code),
            None => '\0',
        },
    };
    (c != '\0' && (c >= ' ' || base == Base::Latin1)).then_some(c)
}

/// The Unicode text of a glyph name: the Adobe Glyph List's names for Latin, Vietnamese and
/// punctuation, one letter or digit as itself, `uniXXXX` (one or more code points),
/// `uXXXX`–`uXXXXXX`; a suffix after a full stop (`a.sc`) ignored. `None` for names with
/// no Unicode meaning (`g123`, `cid45`, `.notdef`).
pub(super) fn glyph_name_text(name: &[u8]) -> Option<String> {
    let name = std::str::from_utf8(name).ok()?;
    let base = name.split('.').next().filter(|b| !b.is_empty())?;
    // Ligature components `f_i`: each one in turn.
    if base.contains('_') {
        let text: Option<String> = base.split('_').map(|p| glyph_name_text(p.as_bytes())).collect();
        return text.filter(|t| !t.is_empty());
    }
    if let Ok(i) = GLYPH_NAMES.binary_search_by(|(n, _)| (*n).cmp(base)) {
        return Some(GLYPH_NAMES[i].1.to_string());
    }
    let mut chars = base.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_ascii_alphanumeric().then(|| c.to_string());
    }
    if let Some(hex) = base.strip_prefix("uni") {
        if hex.len() % 4 == 0 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            let units: Vec<u16> = hex
                .as_bytes()
                .chunks(4)
                .filter_map(|c| u16::from_str_radix(std::str::from_utf8(c).ok()?, 16).ok())
                .collect();
            return Some(String::from_utf16_lossy(&units)).filter(|t| !t.is_empty());
        }
        return None;
    }
    if let Some(hex) = base.strip_prefix('u') {
        if (4..=6).contains(&hex.len()) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            let c = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)?;
            return Some(c.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names_resolve_by_table_and_by_rule() {
        assert_eq!(glyph_name_text(b"Ohorn").as_deref(), Some("Ơ"));
        assert_eq!(glyph_name_text(b"adotbelow").as_deref(), Some("ạ"));
        assert_eq!(glyph_name_text(b"uni1EA1").as_deref(), Some("ạ"));
        assert_eq!(glyph_name_text(b"u1EA1").as_deref(), Some("ạ"));
        assert_eq!(glyph_name_text(b"a.sc").as_deref(), Some("a"));
        assert_eq!(glyph_name_text(b"f_i").as_deref(), Some("fi"));
        assert_eq!(glyph_name_text(b"space").as_deref(), Some(" "));
        assert_eq!(glyph_name_text(b"g123"), None);
        assert_eq!(glyph_name_text(b".notdef"), None);
        assert!(GLYPH_NAMES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn base_encodings() {
        assert_eq!(base_char(Base::WinAnsi, 0x93), Some('“'));
        assert_eq!(base_char(Base::WinAnsi, 0x81), None);
        assert_eq!(base_char(Base::WinAnsi, 0xE0), Some('à'));
        assert_eq!(base_char(Base::MacRoman, 0x8E), Some('é'));
        assert_eq!(base_char(Base::Standard, 0x27), Some('’'));
        assert_eq!(base_char(Base::Latin1, 0x81), Some('\u{81}'));
    }
}
