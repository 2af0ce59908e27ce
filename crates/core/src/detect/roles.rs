//! Columns: what each one holds (units, ranks, values, periods, indicators, targets,
//! notes), and sheets turned so that the units run down.

use super::frame::Frame;
use super::words::{is_role, GROUP, IDENTIFIER, INDICATOR, NOTES, ORDINAL, PERIOD, RANK, TARGET_COL, UNIT};
use super::{kind, num, ImportOptions, Kind};
use crate::read::grid::{Cell, Grid};
use crate::text::fold;
use crate::text::units::{is_aggregate, unit_key, Registry};
use crate::text::value::{parse_num, parse_target, Num};
use rustc_hash::FxHashSet as FxSet;

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Role {
    Ordinal,
    /// Codes of the units ("Mã tỉnh", "tinhid", "PCI ID").
    Identifier,
    Unit,
    /// Units again, for the value columns to its right: ranked lists side by side, each
    /// (unit, score) pair in its own order.
    UnitAgain,
    /// The same unit as the unit column on each row, in another spelling or language.
    Alias,
    Group,
    Period,
    Indicator,
    Value,
    Rank,
    TargetText,
    Notes,
    Unused,
}

struct Stats {
    numbers: usize,
    years: usize,
    labels: usize,
    nonempty: usize,
}

fn column_stats(g: &Grid, f: &Frame, c: usize) -> Stats {
    let mut stats = Stats { numbers: 0, years: 0, labels: 0, nonempty: 0 };
    for r in f.body_start..f.body_end {
        match kind(g.get(r, c)) {
            Kind::Empty => continue,
            Kind::Number => stats.numbers += 1,
            Kind::Year => stats.years += 1,
            Kind::Label => stats.labels += 1,
            Kind::Missing => {}
        }
        stats.nonempty += 1;
    }
    stats
}

fn is_sequence(g: &Grid, f: &Frame, c: usize) -> bool {
    let mut expect = 1.0;
    let mut seen = 0;
    for r in f.body_start..f.body_end {
        match num(g.get(r, c)) {
            Num::Value(v) if v == expect => {
                expect += 1.0;
                seen += 1;
            }
            Num::Missing => {}
            _ => return false,
        }
    }
    seen >= 3
}

fn target_share(g: &Grid, f: &Frame, c: usize) -> (usize, usize) {
    let (mut hits, mut worded, mut total) = (0, 0, 0);
    // A target sheet has tens of rows: the first few hundred decide.
    for r in f.body_start..f.body_end.min(f.body_start + 300) {
        if let Cell::Text(s) = g.get(r, c) {
            total += 1;
            if parse_target(s).is_some() {
                hits += 1;
                if parse_num(s) == Num::NotNumber {
                    worded += 1;
                }
            }
        } else if !g.get(r, c).is_empty() {
            total += 1;
        }
    }
    (hits + worded, total * 2)
}

pub(super) fn roles(g: &Grid, f: &Frame, labels: &[Vec<String>], options: &ImportOptions) -> Vec<Role> {
    let unit_col = options.unit_col;
    let width = labels.len();
    let mut roles = vec![Role::Unused; width];
    let headers: Vec<String> = labels.iter().map(|l| fold(&l.join(" "))).collect();
    let stats: Vec<Stats> = (0..width).map(|c| column_stats(g, f, c)).collect();
    for c in 0..width {
        let header = &headers[c];
        let column = &stats[c];
        if column.nonempty == 0 {
            continue;
        }
        let numeric = column.numbers + column.years >= column.labels && column.numbers + column.years > 0;
        let last = labels[c].last().map(|l| fold(l)).unwrap_or_default();
        roles[c] = if ORDINAL.contains(&header.as_str()) || (header.is_empty() && c == 0 && is_sequence(g, f, c)) {
            Role::Ordinal
        } else if labels[c].iter().any(|p| IDENTIFIER.contains(&fold(p).as_str())) {
            Role::Identifier
        } else if numeric && (names_rank(&last) || (labels[c].len() == 1 && names_rank(header))) {
            Role::Rank
        } else if !numeric && is_role(header, GROUP) && !is_role(header, UNIT) && !is_role(header, RANK) {
            Role::Group
        } else if column.years > 0 && column.numbers == 0 && PERIOD.contains(&header.as_str()) {
            Role::Period
        } else if !numeric && is_role(header, TARGET_COL) && {
            let (hits, total) = target_share(g, f, c);
            hits * 2 >= total && hits > 0
        } {
            Role::TargetText
        } else if !numeric && INDICATOR.contains(&header.as_str()) {
            Role::Indicator
        } else if numeric {
            Role::Value
        } else if is_role(header, NOTES) {
            Role::Notes
        } else if is_role(header, UNIT) {
            Role::Unit
        } else {
            Role::Notes
        };
    }
    // Target sheets without a keyword in the header: a column of worded targets.
    if !roles.contains(&Role::TargetText) {
        let worded = (0..width).find(|&c| {
            let (hits, total) = target_share(g, f, c);
            matches!(roles[c], Role::Notes | Role::Indicator) && total > 0 && hits * 10 >= total * 7
        });
        if let Some(c) = worded {
            roles[c] = Role::TargetText;
        }
    }
    // The user's choice of score and rank columns wins.
    if !options.value_cols.is_empty() || !options.rank_cols.is_empty() {
        for (c, r) in roles.iter_mut().enumerate() {
            if options.rank_cols.contains(&c) {
                *r = Role::Rank;
            } else if options.value_cols.contains(&c) {
                *r = Role::Value;
            } else if !options.value_cols.is_empty() && matches!(r, Role::Value | Role::Rank) {
                *r = Role::Notes;
            }
        }
    }
    // The user's choice of unit column wins.
    if let Some(u) = unit_col.filter(|u| *u < width) {
        for r in roles.iter_mut().filter(|r| **r == Role::Unit) {
            *r = Role::Notes;
        }
        roles[u] = Role::Unit;
    }
    // A province column beside the units (communes, wards, departments of several
    // provinces): the province repeats down its rows, the units do not. It is their group.
    let units: Vec<usize> = (0..width).filter(|&c| roles[c] == Role::Unit).collect();
    if units.len() >= 2 && unit_col.is_none() && !roles.contains(&Role::Group) {
        // Judged on the first rows of the body: every count over the same rows.
        let window = f.body_start..f.body_end.min(f.body_start + 2000);
        let distinct = |c: usize| {
            let texts: FxSet<String> = window.clone().map(|r| g.get(r, c).text()).filter(|t| !t.is_empty()).collect();
            texts.len()
        };
        let filled = |c: usize| window.clone().filter(|&r| kind(g.get(r, c)) == Kind::Label).count();
        let registry = Registry::shared();
        let provinces = |c: usize| {
            window.clone().filter(|&r| matches!(g.get(r, c), Cell::Text(t) if registry.province(t).is_some())).count()
        };
        let repeating = units
            .iter()
            .copied()
            .find(|&c| filled(c) >= 4 && distinct(c) * 3 <= filled(c) && provinces(c) * 10 >= filled(c) * 8);
        let distinct_other = units.iter().copied().find(|&c| Some(c) != repeating && distinct(c) * 10 >= filled(c) * 9);
        if let (Some(p), Some(_)) = (repeating, distinct_other) {
            roles[p] = Role::Group;
        }
    }
    // Exactly one unit column: the named one, else the first column of labels.
    let units: Vec<usize> = (0..width).filter(|&c| roles[c] == Role::Unit).collect();
    if units.len() > 1 {
        for &c in &units[1..] {
            roles[c] = Role::Notes;
        }
    }
    if units.is_empty() && !roles.contains(&Role::TargetText) {
        if let Some(c) = (0..width)
            .find(|&c| roles[c] == Role::Notes || roles[c] == Role::Indicator && !roles.contains(&Role::Period))
        {
            roles[c] = Role::Unit;
        }
    }
    if !roles.contains(&Role::TargetText) {
        unit_columns(g, f, &mut roles);
    }
    if roles.contains(&Role::TargetText) {
        // The indicator is the first label column that is not the target itself.
        for r in roles.iter_mut() {
            if *r == Role::Unit {
                *r = Role::Indicator;
            }
        }
        if !roles.contains(&Role::Indicator) {
            if let Some(c) = (0..width).find(|&c| roles[c] == Role::Notes) {
                roles[c] = Role::Indicator;
            }
        }
    }
    roles
}

/// Does a header part name a rank: a rank word at its start ("Xếp hạng chỉ số thành
/// phần"), or at the end of a short label ("PCI 2016 Rank"). A long name that merely ends
/// in one ("… phát triển KT-XH", where XH abbreviates xã hội) names a component.
fn names_rank(folded: &str) -> bool {
    if !is_role(folded, RANK) {
        return false;
    }
    let starts = RANK.iter().any(|p| folded == *p || folded.starts_with(&format!("{p} ")));
    starts || folded.split(' ').count() <= 4
}

/// Other columns of unit names beside the unit column: ranked lists side by side (the same
/// units in another order: [`Role::UnitAgain`]) or the same unit on each row in another
/// spelling or language ([`Role::Alias`]; the column with Vietnamese letters is kept as the
/// unit column). Judged on the first rows of the body, by canonical unit keys.
fn unit_columns(g: &Grid, f: &Frame, roles: &mut [Role]) {
    let Some(mut main) = roles.iter().position(|r| *r == Role::Unit) else { return };
    let end = f.body_end.min(f.body_start + 2000);
    let registry = Registry::shared();
    let key = |c: &Cell| -> Option<String> {
        let Cell::Text(t) = c else { return None };
        if kind(c) != Kind::Label || is_aggregate(t) {
            return None;
        }
        Some(unit_key(&registry.canonical(t)))
    };
    let keys = |c: usize| -> Vec<Option<String>> { (f.body_start..end).map(|r| key(g.get(r, c))).collect() };
    let main_keys = keys(main);
    let set: FxSet<&str> = main_keys.iter().flatten().map(String::as_str).collect();
    if set.len() < 3 {
        return;
    }
    let candidates: Vec<usize> =
        (0..roles.len()).filter(|&c| c != main && matches!(roles[c], Role::Notes | Role::Unit)).collect();
    for c in candidates {
        let ck = keys(c);
        let filled = ck.iter().flatten().count();
        if filled < 3 {
            continue;
        }
        let in_set = ck.iter().flatten().filter(|k| set.contains(k.as_str())).count();
        let both = main_keys.iter().zip(&ck).filter(|(a, b)| a.is_some() && b.is_some()).count();
        let same_row = main_keys.iter().zip(&ck).filter(|(a, b)| a.is_some() && a == b).count();
        if both > 0 && same_row * 10 >= both * 8 {
            // The same units row by row: keep the column written in Vietnamese letters.
            if vietnamese_letters(g, f, c) > vietnamese_letters(g, f, main) {
                roles[main] = Role::Alias;
                roles[c] = Role::Unit;
                main = c;
            } else {
                roles[c] = Role::Alias;
            }
        } else if in_set * 10 >= filled * 8 {
            roles[c] = Role::UnitAgain;
        }
    }
}

/// A sheet with provinces across and indicators down (a code row over a name row, a
/// scale column "Thang điểm"), turned so that provinces run down: title rows, a header of
/// the indicators, one row per column of the sheet (a column that names no province, such
/// as the scale, becomes a row that is not a unit). `None` when the columns do not name
/// provinces, or the rows already do.
pub(super) fn transposed(g: &Grid, f: &Frame, roles: &[Role], labels: &[Vec<String>]) -> Option<(Grid, Turned)> {
    let registry = Registry::shared();
    let unit_col = roles.iter().position(|r| *r == Role::Unit)?;
    let value_cols: Vec<usize> = (0..roles.len()).filter(|&c| matches!(roles[c], Role::Value | Role::Rank)).collect();
    let province = |c: usize| labels[c].iter().rev().find(|p| registry.province(p).is_some()).cloned();
    let named: Vec<Option<String>> = value_cols.iter().map(|&c| province(c)).collect();
    let provinces = named.iter().flatten().count();
    if provinces < 3 || provinces * 10 < value_cols.len() * 6 {
        return None;
    }
    let body: Vec<usize> = (f.body_start..f.body_end).filter(|&r| !g.get(r, unit_col).is_empty()).collect();
    // Indicators down run to tens of rows; a sheet of thousands of rows is not turned.
    if body.len() > 2_000 {
        return None;
    }
    let provinces_down =
        body.iter().filter(|&&r| matches!(g.get(r, unit_col), Cell::Text(t) if registry.province(t).is_some())).count();
    if provinces_down * 5 > body.len() {
        return None;
    }
    let mut rows: Vec<Vec<Cell>> =
        f.titles.iter().map(|(_, t)| vec![Cell::Text(crate::model::Text::from(t.as_str()))]).collect();
    rows.push(Vec::new());
    let mut header = vec![Cell::Text("Tỉnh, thành phố".into())];
    header.extend(body.iter().map(|&r| g.get(r, unit_col).clone()));
    rows.push(header);
    for (k, &c) in value_cols.iter().enumerate() {
        let name = named[k].clone().unwrap_or_else(|| labels[c].join(" / "));
        let mut row = vec![Cell::Text(name.into())];
        row.extend(body.iter().map(|&r| g.get(r, c).clone()));
        rows.push(row);
    }
    let header_row = f.titles.len() + 1;
    let turned = Turned { body, value_cols, unit_col, header_row };
    Some((Grid { name: g.name.clone(), rows, merges: Vec::new(), ..Default::default() }, turned))
}

/// Where a turned sheet's cells came from: the unit column's cell of body row `body[k]` is
/// the turned header's cell `k + 1`; value column `value_cols[j]` of that row is the cell
/// `k + 1` of the turned row `header_row + 1 + j`.
pub(super) struct Turned {
    pub(super) body: Vec<usize>,
    pub(super) value_cols: Vec<usize>,
    pub(super) unit_col: usize,
    pub(super) header_row: usize,
}

/// How many cells of a column hold letters beyond ASCII (Vietnamese names do).
fn vietnamese_letters(g: &Grid, f: &Frame, c: usize) -> usize {
    (f.body_start..f.body_end.min(f.body_start + 2000))
        .filter(|&r| matches!(g.get(r, c), Cell::Text(t) if !t.is_ascii()))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::tests::ranking;
    use crate::detect::{detect, Context, Found, Notes};

    /// Communes, wards and special zones since 1 July 2025, with their province beside them:
    /// the communes are the units, the province their group.
    #[test]
    fn communes_with_a_province_column() {
        let g = Grid::from_text(
            "DDCI xã 2025",
            &[
                &["STT", "Tỉnh, thành phố", "Xã, phường, đặc khu", "Điểm"],
                &["1", "Thành phố Hà Nội", "Phường Ba Đình", "81,5"],
                &["2", "Thành phố Hà Nội", "Phường Hoàn Kiếm", "79"],
                &["3", "Thành phố Hà Nội", "Xã Sóc Sơn", "75,2"],
                &["4", "Tỉnh An Giang", "Đặc khu Phú Quốc", "80"],
                &["5", "Tỉnh An Giang", "Phường Long Xuyên", "77"],
                &["6", "Tỉnh An Giang", "Xã Mỹ Hòa Hưng", "70"],
            ],
        );
        let t = ranking(&g);
        let got: Vec<(&str, &str, Option<f64>)> =
            t.records.iter().map(|r| (r.group.as_str(), r.unit.as_str(), r.value)).collect();
        assert_eq!(got[0], ("Thành phố Hà Nội", "Phường Ba Đình", Some(81.5)));
        assert_eq!(got[3], ("Tỉnh An Giang", "Đặc khu Phú Quốc", Some(80.0)));
        assert_eq!(got.len(), 6);
        assert_eq!(t.records[0].period, "2025");
    }

    /// Thousands of communes (more than the rows judged): still the communes are the units.
    #[test]
    fn many_communes_with_a_province_column() {
        let provinces = ["Thành phố Hà Nội", "Tỉnh An Giang", "Tỉnh Lào Cai"];
        let names: Vec<String> = (0..3000).map(|i| format!("Xã số {i:04}")).collect();
        let mut rows: Vec<Vec<String>> = vec![vec!["Tỉnh, thành phố".into(), "Xã, phường".into(), "Điểm 2025".into()]];
        for (i, n) in names.iter().enumerate() {
            rows.push(vec![provinces[i % 3].into(), n.clone(), format!("{}", 50 + i % 40)]);
        }
        let refs: Vec<Vec<&str>> = rows.iter().map(|r| r.iter().map(String::as_str).collect()).collect();
        let refs: Vec<&[&str]> = refs.iter().map(|r| r.as_slice()).collect();
        let t = ranking(&Grid::from_text("DDCI", &refs));
        assert_eq!(t.records.len(), 3000);
        assert_eq!((t.records[4].group.as_str(), t.records[4].unit.as_str()), ("Tỉnh An Giang", "Xã số 0004"));
    }

    #[test]
    fn the_users_corrections_win() {
        // A code column beside the names: detection takes the codes for units.
        let g = Grid::from_text(
            "x",
            &[
                &["Mã", "Cơ quan", "Kết quả", "TT", "Dân số"],
                &["A01", "Văn phòng", "80", "2", "5"],
                &["A02", "Thanh tra", "82", "1", "7"],
            ],
        );
        let opts = ImportOptions {
            header_row: Some(1),
            unit_col: Some(1),
            period: Some("2024".into()),
            value_cols: vec![2],
            rank_cols: vec![3],
            sheet: None,
        };
        let ctx = Context { file_year: None, options: opts, transposed: false };
        match detect(&g, &ctx, &mut Notes::default()) {
            Found::Ranking(t) => {
                let got: Vec<(&str, &str, Option<f64>, Option<u32>)> =
                    t.records.iter().map(|r| (r.unit.as_str(), r.period.as_str(), r.value, r.rank)).collect();
                assert_eq!(
                    got,
                    vec![("Văn phòng", "2024", Some(80.0), Some(2)), ("Thanh tra", "2024", Some(82.0), Some(1))]
                );
            }
            other => panic!("{other:?}"),
        }
    }
}
