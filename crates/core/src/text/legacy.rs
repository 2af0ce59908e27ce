//! Old Vietnamese encodings in files typed with legacy fonts: TCVN3 (".VnTime": "Qu¶ng
//! Ninh") and VNI ("Quaûng Ninh"). A workbook stores such text as the Latin-1 characters
//! of the legacy bytes; this finds it and turns it into Unicode.

use crate::text::nfc::nfc;

/// TCVN3 (TCVN 5712 VN3) bytes 0xA0..=0xFF → Unicode (as glibc's TCVN5712-1 maps them).
const TCVN3_A0: [u16; 96] = [
    0x00a0, 0x0102, 0x00c2, 0x00ca, 0x00d4, 0x01a0, 0x01af, 0x0110, 0x0103, 0x00e2, 0x00ea, 0x00f4, 0x01a1, 0x01b0,
    0x0111, 0x1eb0, 0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00e0, 0x1ea3, 0x00e3, 0x00e1, 0x1ea1, 0x1eb2, 0x1eb1,
    0x1eb3, 0x1eb5, 0x1eaf, 0x1eb4, 0x1eae, 0x1ea6, 0x1ea8, 0x1eaa, 0x1ea4, 0x1ec0, 0x1eb7, 0x1ea7, 0x1ea9, 0x1eab,
    0x1ea5, 0x1ead, 0x00e8, 0x1ec2, 0x1ebb, 0x1ebd, 0x00e9, 0x1eb9, 0x1ec1, 0x1ec3, 0x1ec5, 0x1ebf, 0x1ec7, 0x00ec,
    0x1ec9, 0x1ec4, 0x1ebe, 0x1ed2, 0x0129, 0x00ed, 0x1ecb, 0x00f2, 0x1ed4, 0x1ecf, 0x00f5, 0x00f3, 0x1ecd, 0x1ed3,
    0x1ed5, 0x1ed7, 0x1ed1, 0x1ed9, 0x1edd, 0x1edf, 0x1ee1, 0x1edb, 0x1ee3, 0x00f9, 0x1ed6, 0x1ee7, 0x0169, 0x00fa,
    0x1ee5, 0x1eeb, 0x1eed, 0x1eef, 0x1ee9, 0x1ef1, 0x1ef3, 0x1ef7, 0x1ef9, 0x00fd, 0x1ef5, 0x1ed0,
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Legacy {
    Tcvn3,
    Vni,
}

impl Legacy {
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "TCVN3",
            Legacy::Vni => "VNI",
        }
    }

    pub fn decode(self, s: &str) -> String {
        match self {
            Legacy::Tcvn3 => tcvn3(s),
            Legacy::Vni => vni(s),
        }
    }
}

pub fn tcvn3(s: &str) -> String {
    let out: String = s
        .chars()
        .map(|c| match c as u32 {
            v @ 0xa0..=0xff => char::from_u32(TCVN3_A0[(v - 0xa0) as usize] as u32).unwrap_or(c),
            _ => c,
        })
        .collect();
    nfc(&out)
}

/// The marks VNI types after a letter, as combining characters.
fn vni_mark(c: char) -> Option<&'static str> {
    Some(match c.to_lowercase().next()? {
        'ù' => "\u{301}",
        'ø' => "\u{300}",
        'û' => "\u{309}",
        'õ' => "\u{303}",
        'ï' => "\u{323}",
        'â' => "\u{302}",
        'á' => "\u{302}\u{301}",
        'à' => "\u{302}\u{300}",
        'å' => "\u{302}\u{309}",
        'ã' => "\u{302}\u{303}",
        'ä' => "\u{302}\u{323}",
        'ê' => "\u{306}",
        'é' => "\u{306}\u{301}",
        'è' => "\u{306}\u{300}",
        'ú' => "\u{306}\u{309}",
        'ü' => "\u{306}\u{303}",
        'ë' => "\u{306}\u{323}",
        _ => return None,
    })
}

pub fn vni(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let base = match c {
            'ô' => Some('ơ'),
            'Ô' => Some('Ơ'),
            'ö' => Some('ư'),
            'Ö' => Some('Ư'),
            'a' | 'e' | 'o' | 'u' | 'y' | 'A' | 'E' | 'O' | 'U' | 'Y' => Some(c),
            _ => None,
        };
        if let Some(b) = base {
            out.push(b);
            // Only a, e, o take a circumflex; only a takes a breve.
            if let Some(&m) = chars.get(i + 1) {
                let lower_b = b.to_lowercase().next().unwrap_or(b);
                let mark = vni_mark(m).filter(|mk| {
                    let circ = mk.starts_with('\u{302}');
                    let breve = mk.starts_with('\u{306}');
                    (!circ || "aeo".contains(lower_b)) && (!breve || lower_b == 'a')
                });
                if let Some(mk) = mark {
                    out.push_str(mk);
                    i += 2;
                    continue;
                }
            }
            i += 1;
            continue;
        }
        let single = match c {
            'ñ' => "đ",
            'Ñ' => "Đ",
            'æ' => "ỉ",
            'Æ' => "Ỉ",
            'ó' => "ĩ",
            'Ó' => "Ĩ",
            'ò' => "ị",
            'Ò' => "Ị",
            'î' => "ỵ",
            'Î' => "Ỵ",
            _ => "",
        };
        if single.is_empty() {
            out.push(c);
        } else {
            out.push_str(single);
        }
        i += 1;
    }
    nfc(&out)
}

fn is_vietnamese(c: char) -> bool {
    matches!(c as u32, 0x102..=0x103 | 0x110..=0x111 | 0x128..=0x129 | 0x168..=0x169 | 0x1a0..=0x1b0 | 0x1ea0..=0x1ef9)
}

/// Latin-1 characters that Vietnamese Unicode text never holds.
fn is_foreign_latin1(c: char) -> bool {
    let v = c as u32;
    (0xa1..=0xff).contains(&v) && !"àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ".contains(c)
}

/// Decides whether texts are in a legacy encoding: only when none of them holds
/// Vietnamese Unicode letters. VNI types marks after vowels ("Haø"), so nearly all its
/// Latin-1 characters follow a vowel; TCVN3 puts one character in place of the vowel.
pub fn detect<'a>(texts: impl Iterator<Item = &'a str>) -> Option<Legacy> {
    let (mut foreign, mut latin, mut vni_covered) = (0usize, 0usize, 0usize);
    for t in texts {
        let cs: Vec<char> = t.chars().collect();
        for (k, c) in cs.iter().enumerate() {
            if is_vietnamese(*c) {
                return None;
            }
            if !(0xa0..=0xff).contains(&(*c as u32)) {
                continue;
            }
            latin += 1;
            if is_foreign_latin1(*c) {
                foreign += 1;
            }
            let after_vowel = k > 0 && "aeouyAEOUYôöÔÖ".contains(cs[k - 1]) && vni_mark(*c).is_some();
            if after_vowel || "ñÑæÆóÓòÒîÎôÔöÖ".contains(*c) {
                vni_covered += 1;
            }
        }
    }
    if foreign < 2 {
        return None;
    }
    if vni_covered * 10 >= latin * 8 {
        Some(Legacy::Vni)
    } else {
        Some(Legacy::Tcvn3)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tcvn3_to_unicode() {
        assert_eq!(tcvn3("Qu¶ng Ninh"), "Quảng Ninh");
        assert_eq!(tcvn3("B¶o Th¾ng"), "Bảo Thắng");
        assert_eq!(tcvn3("H\u{b5} N\u{e9}i"), "Hà Nội");
        assert_eq!(tcvn3("§\u{b5} N\u{bd}ng"), "Đà Nẵng");
    }

    #[test]
    fn vni_to_unicode() {
        assert_eq!(vni("Quaûng Ninh"), "Quảng Ninh");
        assert_eq!(vni("Haø Noäi"), "Hà Nội");
        assert_eq!(vni("Ñaø Naüng"), "Đà Nẵng");
        assert_eq!(vni("Thöøa Thieân Hueá"), "Thừa Thiên Huế");
        assert_eq!(vni("Tænh Bình Döông"), "Tỉnh Bình Dương");
        assert_eq!(vni("Caàn Thô"), "Cần Thơ");
    }

    #[test]
    fn detection() {
        let tcvn = ["Qu¶ng Ninh", "H\u{b5} N\u{e9}i", "TØnh"];
        assert_eq!(detect(tcvn.iter().copied()), Some(Legacy::Tcvn3));
        let v = ["Quaûng Ninh", "Haø Noäi", "Thöøa Thieân Hueá"];
        assert_eq!(detect(v.iter().copied()), Some(Legacy::Vni));
        let unicode = ["Quảng Ninh", "Hà Nội"];
        assert_eq!(detect(unicode.iter().copied()), None);
        // Plain Latin-1 words with accents are not mistaken for a legacy encoding.
        let french = ["Café", "Résumé"];
        assert_eq!(detect(french.iter().copied()), None);
    }
}
