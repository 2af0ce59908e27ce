//! The workbooks agencies publish, as look-alikes written from descriptions of the real
//! files (tests/support/published.rs) and BIFF8 files written by xlwt
//! (tests/fixtures/make_fixtures.py): each reads to exactly its expected tidy rows.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/published.rs"]
mod published;
#[path = "support/tidy.rs"]
mod tidy;

use std::collections::BTreeSet;

use chiso_core::export::tidy_csv;
use chiso_core::model::messages::{Finding, RowWhy, SameWhy, Skip};
use chiso_core::{import_file, import_file_with, Catalog, ImportOptions, ImportOutcome, ImportStatus};
use published::{Published, Row};
use tidy::{same, tidy_rows};

fn read(p: &Published) -> (ImportOutcome, Catalog) {
    let o = import_file(&p.bytes, &p.file);
    assert_ne!(o.report.status, ImportStatus::Error, "{}: {:?}", p.file, o.report);
    let mut c = Catalog::default();
    c.add(o.clone());
    (o, c)
}

fn check(p: &Published) -> ImportOutcome {
    let (o, c) = read(p);
    same(&tidy_rows(&c), &p.rows.iter().cloned().collect(), &p.file);
    assert_eq!(c.datasets.len(), 1, "{}", p.file);
    assert_eq!(c.datasets[0].name, p.dataset, "{}", p.file);
    o
}

fn expected_csv(name: &str) -> BTreeSet<Row> {
    tidy::expected_csv(&format!("tests/fixtures/{name}"))
}

fn fixture(name: &str) -> (ImportOutcome, Catalog) {
    let bytes = std::fs::read(format!("tests/fixtures/{name}")).unwrap();
    let o = import_file(&bytes, name);
    let mut c = Catalog::default();
    c.add(o.clone());
    (o, c)
}

#[test]
fn side_by_side_ranked_lists_in_biff8() {
    let (o, c) = fixture("pci-2016-side-by-side.xlwt.xls");
    same(&tidy_rows(&c), &expected_csv("pci-2016-side-by-side.expected.csv"), "pci 2016");
    assert_eq!(c.datasets[0].name, "PCI");
    assert_eq!(c.datasets[0].overall().as_deref(), Some("PCI"));
    // Min, Max and Trung bình are listed as skipped, with their reason.
    let skipped: Vec<String> = o
        .report
        .skipped
        .iter()
        .filter_map(|n| match n {
            Skip::AggregateRow { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(skipped, ["Min", "Max", "Trung bình"]);
}

#[test]
fn side_by_side_two_row_header_64_provinces() {
    let o = check(&published::pci_side_by_side_two_rows().unwrap());
    let d = &o.datasets[0];
    assert_eq!(d.units().len(), 64);
    assert!(d.units().iter().any(|u| u == "Hà Tây"));
}

#[test]
fn rows_that_are_not_units_are_skipped_with_a_reason() {
    let o = check(&published::par_rows_that_are_not_units().unwrap());
    let aggregates = o.report.skipped.iter().filter(|n| matches!(n, Skip::AggregateRow { .. })).count();
    assert_eq!(aggregates, 14);
    let why: Vec<(String, RowWhy)> = o
        .report
        .skipped
        .iter()
        .filter_map(|n| match n {
            Skip::NotUnitRow { text, why, .. } => Some((text.clone(), *why)),
            _ => None,
        })
        .collect();
    assert_eq!(
        why,
        [
            ("Tỉnh, thành phố".to_string(), RowWhy::Header),
            ("Đà Nẵng".to_string(), RowWhy::Repeat),
            ("Xếp hạng".to_string(), RowWhy::Header)
        ]
    );
}

#[test]
fn ranks_are_read_as_the_file_gives_them() {
    for header in ["Rank", "Ranking", "Xếp hạng", "Thứ hạng", "Hạng", "XẾP HẠNG"] {
        for left in [false, true] {
            check(&published::ranks_as_given(header, left).unwrap());
        }
    }
}

#[test]
fn bilingual_headers_identifiers_and_a_stale_english_copy() {
    let (o, c) = fixture("papi-2019-bilingual.xlwt.xls");
    same(&tidy_rows(&c), &expected_csv("papi-2019-bilingual.expected.csv"), "papi 2019");
    let d = &c.datasets[0];
    let names = std::fs::read_to_string("tests/fixtures/papi-2019-bilingual.names.csv").unwrap();
    let mut r = csv::ReaderBuilder::new().from_reader(names.as_bytes());
    for rec in r.records() {
        let rec = rec.unwrap();
        if rec[0] != rec[1] {
            assert_eq!(d.name_en(&rec[0]), Some(&rec[1]), "{}", &rec[0]);
        }
    }
    // The English copy (an older year, other values) is named, and the Vietnamese one used.
    assert!(
        o.report.found.contains(&Finding::SameTable {
            used: "Tổng hợp".into(),
            other: "Summary".into(),
            why: SameWhy::Newer
        }),
        "{:?}",
        o.report.found
    );
    assert!(o.report.skipped.iter().any(|n| matches!(n, Skip::IdentifierColumn { col: 0, .. })));
    assert!(o.report.skipped.iter().any(|n| matches!(n, Skip::AliasColumn { col: 1, .. })));
    // The user can pick the other copy.
    let bytes = std::fs::read("tests/fixtures/papi-2019-bilingual.xlwt.xls").unwrap();
    let opts = ImportOptions { sheet: Some("Summary".into()), ..Default::default() };
    let o = import_file_with(&bytes, "papi-2019-bilingual.xlwt.xls", &opts);
    assert_eq!(o.datasets[0].periods(), ["2018"]);
    assert!(o.report.found.iter().any(|n| matches!(n, Finding::SameTable { why: SameWhy::Chosen, .. })));
}

#[test]
fn a_researchers_panel_with_ids_and_names_in_two_languages() {
    let o = check(&published::pci_panel().unwrap());
    assert_eq!(o.datasets[0].indicators(), ["PCI", "Weighted PCI", "CP1", "CP2"]);
}

#[test]
fn provinces_across_indicators_down() {
    let o = check(&published::par_transposed().unwrap());
    // The scale column ("Thang điểm") gives the most each indicator can score.
    let d = &o.datasets[0];
    assert_eq!(d.max_of("Cải cách thể chế"), Some(12.0));
    assert_eq!(d.max_of(chiso_core::model::OVERALL), Some(36.0));
    let b = chiso_core::analyse::brief::brief(d, "Hà Nội").unwrap();
    let l = b.components.iter().find(|l| l.indicator == "Cải cách TTHC").unwrap();
    assert_eq!(l.max_possible, Some(14.0));
    assert!((l.lost_to_max.unwrap() - (14.0 - l.value.unwrap())).abs() < 1e-9);
}

#[test]
fn the_same_table_sorted_twice_is_one_data_set() {
    let o = check(&published::sipas_sorted_twice().unwrap());
    assert!(o.report.found.iter().any(|n| matches!(n, Finding::SameTable { why: SameWhy::Identical, .. })));
}

#[test]
fn names_kept_as_written_and_no_letterhead_for_a_name() {
    check(&published::par_official().unwrap());
}

#[test]
fn unit_names_from_the_wild() {
    check(&published::wild_names_csv());
}

#[test]
fn the_period_from_the_file_name() {
    check(&published::pci_year_in_file_name().unwrap());
}

/// A 2024 release on the 63 provinces and a 2025 one on the 34, dropped together: one data
/// set, each year on its map, the 2025 names (official forms, Huế) one unit with the 2024
/// ones they continue; regrouped, 2024 becomes the 34 with means and ranks.
#[test]
fn a_2024_and_a_2025_release_together() {
    use chiso_core::analyse::regroup::regroup;
    use chiso_core::model::map2025::{Map, Map2025};
    let (fa, a, ea) = published::par_2024_63().unwrap();
    let (fb, b, eb) = published::par_2025_34().unwrap();
    let mut c = Catalog::default();
    let ob = import_file(&b, &fb);
    assert!(ob
        .report
        .found
        .iter()
        .any(|n| matches!(n, Finding::MapUsed { p34, p63, .. } if p34 == &["2025"] && p63.is_empty())));
    c.add(import_file(&a, &fa));
    c.add(ob);
    assert_eq!(c.datasets.len(), 1);
    let d = &c.datasets[0];
    assert_eq!(d.name, "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA CÁC TỈNH, THÀNH PHỐ");
    let m = Map2025::default();
    let maps = m.maps(d);
    assert_eq!((maps["2024"], maps["2025"]), (Map::P63, Map::P34));
    let get =
        |u: &str, p: &str| d.observations.iter().find(|o| o.unit == u && o.period == p).map(|o| (o.value, o.rank));
    for (u, v, r) in &ea {
        assert_eq!(get(u, "2024"), Some((Some(*v), Some(*r))), "{u}");
    }
    for (u, v, r) in &eb {
        assert_eq!(get(u, "2025"), Some((Some(*v), Some(*r))), "{u}");
    }
    // Regrouped onto the 34: 2024 Ninh Bình is the mean of Ninh Bình, Hà Nam and Nam Định.
    let (r, derived) = regroup(d, &m);
    let v24 = |u: &str| ea.iter().find(|(x, _, _)| x == u).map(|(_, v, _)| *v).unwrap();
    let nb = r.observations.iter().find(|o| o.unit == "Ninh Bình" && o.period == "2024").unwrap();
    let mean = (v24("Ninh Bình") + v24("Hà Nam") + v24("Nam Định")) / 3.0;
    assert!((nb.value.unwrap() - mean).abs() < 1e-9);
    assert_eq!(r.observations.iter().filter(|o| o.period == "2024").count(), 34);
    let mut ranks: Vec<u32> = r.observations.iter().filter(|o| o.period == "2024").filter_map(|o| o.rank).collect();
    ranks.sort();
    assert_eq!(ranks.first(), Some(&1));
    assert_eq!(derived.iter().filter(|x| x.period == "2024").count(), 34);
    // The tidy export: every row's province after 1 July 2025.
    let csv = tidy_csv(&c);
    assert!(csv.lines().any(|l| l.contains(",Hà Nam,2024,") && l.ends_with(",Ninh Bình")));
    // Huế (TT.Huế in the 2024 file, Thành phố Huế in the 2025 one) under its name in force.
    assert!(csv.lines().any(|l| l.contains(",Huế,2024,") && l.ends_with(",Huế")));
    assert!(csv.lines().any(|l| l.contains(",Huế,2025,") && l.ends_with(",Huế")));
    assert!(!csv.contains("Thừa Thiên"));
    assert_eq!(csv.lines().count(), 1 + 63 + 34);
}
