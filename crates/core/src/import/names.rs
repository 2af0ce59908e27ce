//! What a data set is called: from its table's title, else from its sheet or file.

use crate::text::{clean, find_year, fold};

/// A data set's name from a title row: years and "năm" dropped.
pub(super) fn title_name(title: &str) -> String {
    // "(Kèm theo Quyết định số …)" says where the table was published, not what it is.
    let title = match title.find('(') {
        Some(i) if fold(&title[i..]).starts_with("kem theo") || fold(&title[i..]).contains("quyet dinh") => &title[..i],
        _ => title,
    };
    // "PHỤ LỤC I: KẾT QUẢ …", "Biểu số 02 - Kết quả …": the appendix's label goes.
    let title = match title.find([':', '-', '–']) {
        Some(i) if ["phu luc", "bieu so", "mau so"].iter().any(|l| fold(&title[..i]).starts_with(l)) && i < 20 => {
            title[i + title[i..].chars().next().map_or(1, char::len_utf8)..].trim()
        }
        _ => title,
    };
    let words: Vec<&str> = title.split_whitespace().collect();
    let mut out: Vec<&str> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if find_year(w).is_some() {
            if out.last().is_some_and(|l| fold(l) == "nam" || fold(l) == "year") {
                out.pop();
            }
            continue;
        }
        if (fold(w) == "nam" || fold(w) == "year") && words.get(i + 1).is_some_and(|n| find_year(n).is_some()) {
            continue;
        }
        out.push(w);
    }
    // "... GIAI ĐOẠN 2017 - 2022" leaves "GIAI ĐOẠN -": drop what only framed the years.
    loop {
        let last = out.last().map(|w| fold(w)).unwrap_or_default();
        if ["giai", "doan", "tu", "den", "nam", "ky", "-", "–", ""].contains(&last.as_str()) && !out.is_empty() {
            out.pop();
        } else {
            break;
        }
    }
    let mut name = out.join(" ");
    // "… NĂM 2024 (SIPAS 2024)" leaves "(SIPAS": a bracket the years closed goes with them.
    if let Some(open) = name.rfind('(').filter(|i| !name[*i..].contains(')')) {
        name.truncate(open);
    }
    shorten(&clean(name.trim_matches(|c: char| c.is_whitespace() || ":-–,".contains(c))))
}

/// The longest a data set's name gets: a long title is cut after a word, with "…".
const MAX_NAME_CHARS: usize = 80;

fn shorten(name: &str) -> String {
    if name.chars().count() <= MAX_NAME_CHARS {
        return name.to_string();
    }
    // Cut at a clause break if there is one early enough, else after a word.
    let head: String = name.chars().take(MAX_NAME_CHARS).collect();
    let cut = head
        .rfind([':', ';', '(', '–'])
        .filter(|i| *i >= 20)
        .or_else(|| head.rfind(' ').filter(|i| *i >= 20))
        .unwrap_or(head.len());
    format!("{}…", head[..cut].trim_end_matches(|c: char| c.is_whitespace() || ",:;-–(".contains(c)))
}

/// A name for a table without a title: the sheet's name unless it is a default one
/// ("Sheet1", "Trang tính1"), else the file's; years dropped as from a title.
pub(super) fn untitled_name(sheet: &str, file_name: &str) -> String {
    let f = fold(sheet);
    let default = f.is_empty()
        || ["sheet", "trang tinh", "trang", "worksheet", "bang", "data", "du lieu", "tabelle", "feuil"]
            .iter()
            .any(|d| f.strip_prefix(d).is_some_and(|rest| rest.trim().chars().all(|c| c.is_ascii_digit())))
        || is_place(sheet);
    let raw = if default || sheet == file_stem(file_name) { file_stem(file_name) } else { sheet.to_string() };
    // "PAR_INDEX_2024" and "PCI-2019": a year joined to the words by _ or - is a word too.
    let spaced_year = raw.split_whitespace().any(|w| find_year(w).is_some() && w.len() == 4);
    let raw = if !spaced_year && find_year(&raw).is_some() { clean(&raw.replace(['_', '-'], " ")) } else { raw };
    let name = title_name(&raw);
    if name.is_empty() {
        shorten(&raw)
    } else {
        name
    }
}

fn file_stem(file_name: &str) -> String {
    clean(file_name.rsplit_once('.').map_or(file_name, |(s, _)| s))
}

/// A document's table named by where it is («trang 3–5, bảng 1», «Phụ lục I, bảng 2»,
/// «Bảng 2»: the readers of PDF and Word name them so): a place, not a name for its data.
pub(super) fn is_place(sheet: &str) -> bool {
    let f = fold(sheet);
    ((f.starts_with("trang ") || f.starts_with("phu luc ")) && f.contains("bang "))
        || f.strip_prefix("bang ").is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_documents_place_is_not_a_name() {
        assert_eq!(untitled_name("trang 3–5, bảng 1", "sipas-2024.pdf"), "sipas");
        assert_eq!(untitled_name("Phụ lục I, bảng 2", "Quyết định 1234.docx"), "Quyết định 1234");
        assert_eq!(untitled_name("Kết quả SIPAS", "a.pdf"), "Kết quả SIPAS");
    }

    #[test]
    fn a_bracket_the_years_closed_goes_with_them() {
        assert_eq!(
            title_name("CHỈ SỐ HÀI LÒNG VỀ SỰ PHỤC VỤ HÀNH CHÍNH NĂM 2024 (SIPAS 2024)"),
            "CHỈ SỐ HÀI LÒNG VỀ SỰ PHỤC VỤ HÀNH CHÍNH"
        );
        assert_eq!(title_name("Chỉ số PCI (VCCI) 2019"), "Chỉ số PCI (VCCI)");
    }
}
