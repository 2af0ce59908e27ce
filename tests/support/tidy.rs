//! What a test compares an import with: its tidy rows (the tidy CSV without the data set's
//! name: group, unit, period, indicator, value, rank) against a fixture's expected CSV of
//! the same columns, as sets. Shared by the tests of workbooks, Word documents and PDFs
//! (crates/pdf/tests/fixtures.rs includes it by path).

use std::collections::BTreeSet;

use chiso_core::export::tidy_csv;
use chiso_core::model::messages::Skip;
use chiso_core::{Catalog, ImportOutcome};

pub type Row = [String; 6];

/// The catalog's tidy rows.
pub fn tidy_rows(c: &Catalog) -> BTreeSet<Row> {
    let csv = tidy_csv(c);
    let mut r = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            std::array::from_fn(|i| rec[i + 1].to_string())
        })
        .collect()
}

/// An expected CSV's rows (with its header row, `group,unit,period,indicator,value,rank`).
pub fn expected_csv(path: &str) -> BTreeSet<Row> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut r = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    r.records().map(|rec| std::array::from_fn(|i| rec.as_ref().unwrap()[i].to_string())).collect()
}

/// The report's title rows of a sheet (a document's table: «Phụ lục I, bảng 1»), in order.
#[allow(dead_code)]
pub fn title_rows(o: &ImportOutcome, sheet: &str) -> Vec<String> {
    o.report
        .skipped
        .iter()
        .filter_map(|n| match n {
            Skip::TitleRow { sheet: s, text, .. } if s == sheet => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// Fails with the rows missing and the rows too many.
pub fn same(got: &BTreeSet<Row>, want: &BTreeSet<Row>, what: &str) {
    let missing: Vec<_> = want.difference(got).collect();
    let extra: Vec<_> = got.difference(want).collect();
    assert!(missing.is_empty() && extra.is_empty(), "{what}\nmissing: {missing:#?}\nextra: {extra:#?}");
}
