//! A bound on the cells calamine expands an ODS sheet into, read from content.xml before
//! calamine sees it: `table:number-rows-repeated` and `number-columns-repeated` let a
//! small file ask for hundreds of millions of cells (calamine's own cap is 100 million,
//! gigabytes once read; a browser tab cannot hold that).

use std::io::Read;

fn attr_num(tag: &str, name: &str) -> u64 {
    let key = format!("{name}=\"");
    tag.find(&key)
        .and_then(|i| {
            let rest = &tag[i + key.len()..];
            rest[..rest.find('"')?].parse().ok()
        })
        .unwrap_or(1)
}

/// Where the next start tag of `open` ("<table:table") begins at or after `from`; a longer
/// name ("<table:table-row") does not count.
fn next_start(xml: &str, open: &str, mut from: usize) -> Option<usize> {
    while let Some(i) = xml[from..].find(open) {
        let start = from + i;
        if xml[start + open.len()..].starts_with([' ', '>', '/', '\n', '\t', '\r']) {
            return Some(start);
        }
        from = start + open.len();
    }
    None
}

/// The start tags of `element` in `xml`, each with what follows it up to the next one.
fn elements<'a>(xml: &'a str, element: &str) -> Vec<(&'a str, &'a str)> {
    let open = format!("<{element}");
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(start) = next_start(xml, &open, at) {
        let after = &xml[start + open.len()..];
        let Some(end) = after.find('>') else { break };
        let tag = &after[..end + 1];
        let body_start = start + open.len() + end + 1;
        let next = next_start(xml, &open, body_start).unwrap_or(xml.len());
        out.push((tag, &xml[body_start..next]));
        at = body_start;
    }
    out
}

/// The largest number of cells one table of content.xml expands to (an upper bound).
pub fn claims_cells(content_xml: &str) -> u64 {
    let mut most = 0u64;
    for (_, table) in elements(content_xml, "table:table") {
        let mut rows: Vec<(u64, u64)> = Vec::new();
        for (tag, body) in elements(table, "table:table-row") {
            let repeat = attr_num(tag, "table:number-rows-repeated");
            let mut cols = 0u64;
            let mut used = 0u64;
            if !tag.ends_with("/>") {
                for kind in ["table:table-cell", "table:covered-table-cell"] {
                    for (ctag, cbody) in elements(body, kind) {
                        let n = attr_num(ctag, "table:number-columns-repeated");
                        cols = cols.saturating_add(n);
                        let has_content =
                            ctag.contains("office:value") || (!ctag.ends_with("/>") && cbody.contains("<text:"));
                        if has_content {
                            used = cols;
                        }
                    }
                }
            }
            rows.push((repeat, used));
        }
        let width = rows.iter().map(|r| r.1).max().unwrap_or(0);
        let Some(last) = rows.iter().rposition(|r| r.1 > 0) else { continue };
        let total = rows[..=last].iter().fold(0u64, |acc, (rep, _)| acc.saturating_add(rep.saturating_mul(width)));
        most = most.max(total);
    }
    most
}

/// Reads content.xml of an ODS (at most `max_bytes` of it) and bounds its cells.
pub fn check(bytes: &[u8], max_bytes: u64) -> Option<u64> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let entry = zip.by_name("content.xml").ok()?;
    let mut xml = Vec::new();
    entry.take(max_bytes).read_to_end(&mut xml).ok()?;
    Some(claims_cells(&String::from_utf8_lossy(&xml)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_rows_and_columns_are_counted() {
        let xml = r#"<office:body><table:table table:name="S">
            <table:table-row><table:table-cell office:value-type="string"><text:p>Tỉnh</text:p></table:table-cell></table:table-row>
            <table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="100" office:value-type="float" office:value="1"/></table:table-row>
        </table:table></office:body>"#;
        assert_eq!(claims_cells(xml), 100 + 1_000_000 * 100);
        let small = r#"<table:table><table:table-row><table:table-cell office:value="1"/><table:table-cell table:number-columns-repeated="1000"/></table:table-row></table:table>"#;
        assert_eq!(claims_cells(small), 1, "trailing empty repeats are not cells");
    }
}
