//! Exports: the tidy CSV of every loaded data set, and the target sheets.

use crate::import::catalog::Catalog;
use crate::model::map2025::Map2025;
use rustc_hash::FxHashMap;

/// The tidy columns, as the page hooks promise them.
pub const TIDY_HEADER: [&str; 8] =
    ["dataset", "group", "unit", "period", "indicator", "value", "rank", "province_2025"];
pub const TARGET_HEADER: [&str; 7] = ["indicator", "target", "operator", "threshold", "latest_period", "latest", "met"];

/// Text that a spreadsheet would take for a formula gets a leading apostrophe.
pub fn safe_text(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// A number with '.' as the decimal point, no thousands separator, no float noise.
pub fn plain(v: f64) -> String {
    let r = (v * 1e9).round() / 1e9;
    format!("{r}")
}

fn write(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = w.write_record(header);
    for r in rows {
        let _ = w.write_record(&r);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Any table as CSV, text made safe for spreadsheets.
pub fn table_csv(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    write(header, rows.map(|r| r.iter().map(|c| safe_text(c)).collect()))
}

pub fn tidy_csv(c: &Catalog) -> String {
    let map = Map2025::shared();
    // One look-up per unit object (observations share their names), not per row.
    let mut province: FxHashMap<usize, &'static str> = FxHashMap::default();
    let rows = c.datasets.iter().flat_map(|d| d.observations.iter().map(move |o| (d, o))).map(move |(d, o)| {
        let p = *province.entry(o.unit.addr()).or_insert_with(|| map.province_2025(&o.unit).unwrap_or_default());
        vec![
            safe_text(&d.name),
            safe_text(&o.group),
            safe_text(&o.unit),
            safe_text(&o.period),
            safe_text(&o.indicator),
            o.value.map(plain).unwrap_or_default(),
            o.rank.map(|r| r.to_string()).unwrap_or_default(),
            p.to_string(),
        ]
    });
    write(&TIDY_HEADER, rows)
}

pub fn targets_csv(c: &Catalog) -> String {
    let rows = c.targets.iter().flat_map(|s| {
        s.targets.iter().map(|t| {
            let latest = t.latest();
            vec![
                safe_text(&t.indicator),
                safe_text(&t.text),
                t.op.as_str().to_string(),
                plain(t.threshold),
                latest.map(|(p, _)| p.to_string()).unwrap_or_default(),
                latest.map(|(_, v)| plain(v)).unwrap_or_default(),
                t.met().map(|m| m.to_string()).unwrap_or_default(),
            ]
        })
    });
    write(&TARGET_HEADER, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(safe_text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe_text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe_text("Hà Nội"), "Hà Nội");
        assert_eq!(plain(85.43), "85.43");
        assert_eq!(plain(0.1 + 0.2), "0.3");
        assert_eq!(plain(156.0), "156");
    }
}
