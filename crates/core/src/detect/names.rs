//! Headers → period and indicator: what each value and rank column's header names.

use super::roles::Role;
use super::words::{FILLER, GENERIC_GROUPS, LOWER_BETTER, OVERALL_NAMES, ROLE_WORDS};
use crate::model::OVERALL;
use crate::text::{find_quarter, find_year, fold, has_phrase};

/// Splits a header into (period, indicator) given the sheet's own period.
pub(super) fn header_meaning(parts: &[String], sheet_year: Option<u16>) -> (Option<String>, String) {
    (header_period(parts, sheet_year), indicator_name(parts))
}

/// The period a header names (a year, a quarter), else the sheet's own.
fn header_period(parts: &[String], sheet_year: Option<u16>) -> Option<String> {
    let joined = parts.join(" ");
    let year = find_year(&joined).or(sheet_year);
    match (year, find_quarter(&joined)) {
        (Some(y), Some(q)) => Some(format!("{y}-Q{q}")),
        (Some(y), None) => Some(y.to_string()),
        (None, Some(q)) => Some(format!("Q{q}")),
        (None, None) => None,
    }
}

/// The indicator a header names, as the file writes it: years and role words ("Điểm",
/// "Xếp hạng") dropped, a generic group title ("Chỉ số thành phần") left out, the generic
/// [`OVERALL`] only when nothing else is named.
fn indicator_name(parts: &[String]) -> String {
    let mut kept: Vec<String> = parts.iter().map(|p| strip_role_words(p)).filter(|s| !s.is_empty()).collect();
    if kept.len() > 1 {
        kept.retain(|k| !GENERIC_GROUPS.contains(&fold(k).as_str()));
    }
    let name = kept.join(" / ");
    let folded = fold(&name);
    if folded.is_empty() || OVERALL_NAMES.contains(&folded.as_str()) || GENERIC_GROUPS.contains(&folded.as_str()) {
        OVERALL.to_string()
    } else {
        name
    }
}

/// What one value or rank column's header says.
#[derive(Clone, Debug, PartialEq)]
struct ColumnName {
    period: Option<String>,
    indicator: String,
    /// The English name, where the header names the indicator in both languages.
    en: Option<String>,
}

/// Each value and rank column's period and indicator, judged over the whole header:
/// - a short label under the long one it abbreviates ("Chỉ số 1: Chi phí gia nhập thị
///   trường" over "Chỉ số 1") gives way to the long one;
/// - a group title over several components ("Điểm đạt được theo từng lĩnh vực") is not
///   glued to each component's name (the period it holds still counts);
/// - an English row over a Vietnamese one (or under it) names each indicator in both
///   languages: one indicator, named in Vietnamese, the English name kept beside it.
fn column_names(labels: &[Vec<String>], roles: &[Role], sheet_year: Option<u16>) -> Vec<Option<ColumnName>> {
    let width = labels.len();
    let numeric = |c: usize| matches!(roles[c], Role::Value | Role::Rank);
    let mut parts: Vec<Vec<String>> =
        (0..width).map(|c| if numeric(c) { drop_abbreviations(&labels[c]) } else { Vec::new() }).collect();
    // Group titles: the first part shared by columns whose other parts name different things.
    let mut firsts: Vec<&str> = Vec::new();
    for p in parts.iter().filter(|p| p.len() >= 2) {
        if !firsts.contains(&p[0].as_str()) {
            firsts.push(p[0].as_str());
        }
    }
    let firsts: Vec<String> = firsts.into_iter().map(str::to_string).collect();
    for t in &firsts {
        let cols: Vec<usize> = (0..width).filter(|&c| parts[c].len() >= 2 && parts[c][0] == *t).collect();
        let lower: Vec<String> = cols.iter().map(|&c| strip_role_words(&parts[c][1..].join(" "))).collect();
        let mut names: Vec<&String> = lower.iter().filter(|n| !n.is_empty()).collect();
        names.sort();
        names.dedup();
        if names.len() >= 2 {
            for (&c, l) in cols.iter().zip(&lower) {
                if !l.is_empty() {
                    parts[c].remove(0);
                }
            }
        }
    }
    // Both languages: some parts in plain ASCII letters, the others in Vietnamese letters.
    let split = |p: &[String]| -> Option<(Vec<String>, Vec<String>)> {
        let (en, vi): (Vec<String>, Vec<String>) = p
            .iter()
            .filter(|s| !strip_role_words(s).is_empty() && !GENERIC_GROUPS.contains(&fold(s).as_str()))
            .cloned()
            .partition(|s| s.is_ascii());
        (!en.is_empty() && !vi.is_empty()).then_some((en, vi))
    };
    let bilingual_cols = (0..width).filter(|&c| roles[c] == Role::Value && split(&parts[c]).is_some()).count();
    let value_cols = (0..width).filter(|&c| roles[c] == Role::Value).count();
    let bilingual = bilingual_cols >= 2 || (bilingual_cols == 1 && value_cols == 1);
    (0..width)
        .map(|c| {
            if !numeric(c) {
                return None;
            }
            let period = header_period(&labels[c], sheet_year);
            let (indicator, en) = match split(&parts[c]).filter(|_| bilingual) {
                Some((en, vi)) => {
                    let en = indicator_name(&en);
                    (indicator_name(&vi), (en != OVERALL).then_some(en))
                }
                None => (indicator_name(&parts[c]), None),
            };
            Some(ColumnName { period, indicator, en })
        })
        .collect()
}

/// A header's parts without a short one that only abbreviates its neighbour ("Chỉ số 1"
/// under "Chỉ số 1: Chi phí gia nhập thị trường").
fn drop_abbreviations(parts: &[String]) -> Vec<String> {
    let folded: Vec<String> = parts.iter().map(|p| fold(p)).collect();
    let mut keep = vec![true; parts.len()];
    for i in 0..parts.len() {
        for j in 0..parts.len() {
            let (a, b) = (&folded[i], &folded[j]);
            if i != j
                && keep[j]
                && !a.is_empty()
                && a.len() < b.len()
                && b.starts_with(a.as_str())
                && b.as_bytes()[a.len()] == b' '
            {
                keep[i] = false;
            }
        }
    }
    parts.iter().zip(keep).filter(|(_, k)| *k).map(|(p, _)| p.clone()).collect()
}

/// Drops years, quarters and role words ("Điểm", "Xếp hạng", "Năm") from the edges of a
/// header part; words inside a name stay ("tổ chức thực hiện văn bản").
fn strip_role_words(part: &str) -> String {
    let words: Vec<&str> = part.split_whitespace().collect();
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    let (mut lo, mut hi) = (0, words.len());
    // How many words of a role phrase (or a year, or "Quý I") start at i / end at j.
    let at_start = |i: usize, hi: usize| -> usize {
        if find_year(words[i]).is_some() && folded[i].len() <= 9 {
            return 1;
        }
        if (folded[i] == "quy" || folded[i] == "quarter") && i + 1 < hi {
            return 2;
        }
        if folded[i].is_empty() {
            return 1;
        }
        (1..=3).filter(|&n| i + n <= hi && ROLE_WORDS.contains(&folded[i..i + n].join(" ").as_str())).max().unwrap_or(0)
    };
    let at_end = |lo: usize, j: usize| -> usize {
        if find_year(words[j - 1]).is_some() && folded[j - 1].len() <= 9 {
            return 1;
        }
        if folded[j - 1].is_empty() {
            return 1;
        }
        if j >= lo + 2 && (folded[j - 2] == "quy" || folded[j - 2] == "quarter") {
            return 2;
        }
        (1..=3).filter(|&n| j >= lo + n && ROLE_WORDS.contains(&folded[j - n..j].join(" ").as_str())).max().unwrap_or(0)
    };
    loop {
        let before = (lo, hi);
        while lo < hi {
            let words_off = at_start(lo, hi);
            if words_off == 0 {
                break;
            }
            lo += words_off;
        }
        while lo < hi {
            let words_off = at_end(lo, hi);
            if words_off == 0 {
                break;
            }
            hi -= words_off;
        }
        if (lo, hi) == before {
            break;
        }
    }
    let left = words[lo.min(hi)..hi].join(" ");
    // "Tổng điểm đạt được": the role words name a total, and what is left ("đạt được")
    // names nothing: the header is kept whole, as the file writes it.
    if lo < hi && FILLER.contains(&fold(&left).as_str()) {
        return part.trim().to_string();
    }
    left.trim_matches(|c: char| c.is_whitespace() || "/-–:;,()[].".contains(c)).to_string()
}

/// What the value and rank columns mean.
pub(super) struct Meanings {
    /// Each column's (period, indicator), for value and rank columns.
    pub(super) meaning: Vec<Option<(Option<String>, String)>>,
    /// Indicators named in both languages: (Vietnamese, English).
    pub(super) names_en: Vec<(String, String)>,
    /// Indicators whose header says lower is better.
    pub(super) lower: Vec<String>,
}

/// Each value or rank column's (period, indicator), from the header as a whole. A rank
/// column that matches no score column ranks the nearest score column on its left (the
/// file's own ranks: "PCI 2016 | Xếp hạng"), else the nearest on its right.
pub(super) fn meanings(labels: &[Vec<String>], roles: &[Role], sheet_year: Option<u16>) -> Meanings {
    let width = roles.len();
    let names_of = column_names(labels, roles, sheet_year);
    let mut names_en: Vec<(String, String)> = Vec::new();
    for n in names_of.iter().flatten() {
        if let Some(en) = &n.en {
            if !names_en.iter().any(|(vi, _)| *vi == n.indicator) {
                names_en.push((n.indicator.clone(), en.clone()));
            }
        }
    }
    let mut meaning: Vec<Option<(Option<String>, String)>> =
        names_of.into_iter().map(|n| n.map(|n| (n.period, n.indicator))).collect();
    for c in 0..width {
        if roles[c] != Role::Rank {
            continue;
        }
        let matched = (0..width).any(|v| roles[v] == Role::Value && meaning[v] == meaning[c]);
        if !matched {
            let left = (0..c).rev().find(|&v| roles[v] == Role::Value);
            if let Some(v) = left.or_else(|| (c + 1..width).find(|&v| roles[v] == Role::Value)) {
                meaning[c] = meaning[v].clone();
            }
        }
    }
    let lower: Vec<String> = (0..width)
        .filter_map(|c| {
            let (_, indicator) = meaning[c].as_ref()?;
            has_phrase(&fold(&labels[c].join(" ")), LOWER_BETTER).then(|| indicator.clone())
        })
        .collect();
    Meanings { meaning, names_en, lower }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_words() {
        assert_eq!(strip_role_words("Năm 2022"), "");
        assert_eq!(strip_role_words("Xếp hạng"), "");
        assert_eq!(strip_role_words("Cải cách TTHC (điểm)"), "Cải cách TTHC");
        assert_eq!(header_meaning(&["Quý I".into()], Some(2023)).0.as_deref(), Some("2023-Q1"));
        // An index's own name is kept as the file writes it; a generic score is the overall.
        assert_eq!(
            header_meaning(&["PAR INDEX 2022".into(), "Điểm".into()], None),
            (Some("2022".into()), "PAR INDEX".into())
        );
        assert_eq!(
            header_meaning(&["Năm 2022".into(), "Tổng điểm".into()], None),
            (Some("2022".into()), OVERALL.into())
        );
        assert_eq!(header_meaning(&["PCI 2016".into()], None), (Some("2016".into()), "PCI".into()));
        assert_eq!(
            strip_role_words("Xây dựng và tổ chức thực hiện văn bản QPPL"),
            "Xây dựng và tổ chức thực hiện văn bản QPPL"
        );
        assert_eq!(strip_role_words("Điểm Cải cách TTHC năm 2021"), "Cải cách TTHC");
        assert_eq!(strip_role_words("Tổng điểm đạt được"), "Tổng điểm đạt được");
        assert_eq!(strip_role_words("Điểm đạt được"), "Điểm đạt được");
    }
}
