//! Merged regions of every sheet of an xlsx workbook, found by scanning the sheets' XML for
//! `<mergeCell ref="A1:B2"/>`.
//!
//! calamine finds merged cells by parsing a whole sheet's XML a second time (the list comes
//! after the cells); on a 144,000-row sheet that was a fifth of the import. Here each
//! sheet is inflated once more and searched as bytes, with no XML events. The sheet names
//! come from `xl/workbook.xml` and their files from its relationships, as calamine does.

use std::collections::HashMap;
use std::io::{Cursor, Read};

/// A merged region: (first row, first column, last row, last column), 0-based, inclusive.
pub type Region = (u32, u32, u32, u32);

/// Sheet name → its merged regions; `None` when the workbook's parts cannot be read this
/// way (the caller then asks calamine). Entries larger than `max_entry` are not read.
pub fn merged_regions(bytes: &[u8], max_entry: u64) -> Option<HashMap<String, Vec<Region>>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut read = |name: &str| -> Option<Vec<u8>> {
        let entry = zip.by_name(name).ok()?;
        if entry.size() > max_entry {
            return None;
        }
        let mut out = Vec::with_capacity(entry.size() as usize);
        entry.take(max_entry).read_to_end(&mut out).ok()?;
        Some(out)
    };
    let workbook = read("xl/workbook.xml")?;
    let rels = read("xl/_rels/workbook.xml.rels")?;
    let targets: HashMap<String, String> =
        tags(&rels, b"Relationship").filter_map(|t| Some((attr(t, b"Id")?, attr(t, b"Target")?))).collect();
    let mut out = HashMap::new();
    for tag in tags(&workbook, b"sheet") {
        let (Some(name), Some(id)) = (attr(tag, b"name"), attr_ending(tag, b":id")) else { continue };
        let Some(target) = targets.get(&id) else { continue };
        let path = match target.strip_prefix('/') {
            Some(abs) => abs.to_string(),
            None => format!("xl/{target}"),
        };
        let Some(xml) = read(&path) else { continue };
        let regions = tags(&xml, b"mergeCell").filter_map(|t| region(&attr(t, b"ref")?)).collect();
        out.insert(name, regions);
    }
    Some(out)
}

/// The attribute text of each element with this local name (`<x>` or `<p:x>`).
fn tags<'a>(xml: &'a [u8], local: &'a [u8]) -> impl Iterator<Item = &'a [u8]> + 'a {
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(i) = find(&xml[at..], local) {
            let start = at + i;
            at = start + local.len();
            let before = start.checked_sub(1).map(|k| xml[k]);
            let after = xml.get(at).copied();
            if matches!(before, Some(b'<' | b':')) && matches!(after, Some(b' ' | b'\t' | b'\r' | b'\n' | b'/' | b'>'))
            {
                let end = find(&xml[at..], b">").map_or(xml.len(), |e| at + e);
                let attrs = &xml[at..end];
                at = end;
                return Some(attrs);
            }
        }
        None
    })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

/// An attribute's value (unescaped), by exact name preceded by a space.
fn attr(tag: &[u8], name: &[u8]) -> Option<String> {
    attrs(tag).find(|(n, _)| *n == name).map(|(_, v)| unescape(v))
}

/// An attribute whose name ends so (`r:id`, whatever the prefix).
fn attr_ending(tag: &[u8], suffix: &[u8]) -> Option<String> {
    attrs(tag).find(|(n, _)| n.ends_with(suffix)).map(|(_, v)| unescape(v))
}

fn attrs(tag: &[u8]) -> impl Iterator<Item = (&[u8], &[u8])> {
    let mut rest = tag;
    std::iter::from_fn(move || {
        let eq = rest.iter().position(|b| *b == b'=')?;
        let name = rest[..eq].trim_ascii();
        let name = name.rsplit(|b| b.is_ascii_whitespace()).next().unwrap_or(name);
        let after = rest[eq + 1..].trim_ascii_start();
        let quote = *after.first()?;
        if quote != b'"' && quote != b'\'' {
            return None;
        }
        let end = after[1..].iter().position(|b| *b == quote)?;
        let value = &after[1..1 + end];
        rest = &after[2 + end..];
        Some((name, value))
    })
}

fn unescape(v: &[u8]) -> String {
    let s = String::from_utf8_lossy(v);
    if !s.contains('&') {
        return s.into_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest: &str = &s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let Some(semi) = tail.find(';') else {
            out.push_str(tail);
            return out;
        };
        let entity = &tail[1..semi];
        let ch = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => out.push(c),
            None => out.push_str(&tail[..=semi]),
        }
        rest = &tail[semi + 1..];
    }
    out.push_str(rest);
    out
}

/// "C3:N3" → (2, 2, 2, 13); a single cell is no region.
fn region(r: &str) -> Option<Region> {
    let (a, b) = r.split_once(':')?;
    let (r0, c0) = cell(a)?;
    let (r1, c1) = cell(b)?;
    Some((r0.min(r1), c0.min(c1), r0.max(r1), c0.max(c1)))
}

fn cell(s: &str) -> Option<(u32, u32)> {
    let s = s.trim().trim_start_matches('$');
    let letters = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let col = s[..letters].bytes().fold(0u32, |acc, b| acc * 26 + (b.to_ascii_uppercase() - b'A' + 1) as u32) - 1;
    let row: u32 = s[letters..].trim_start_matches('$').parse().ok()?;
    Some((row.checked_sub(1)?, col))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_and_cells() {
        assert_eq!(region("C3:N3"), Some((2, 2, 2, 13)));
        assert_eq!(region("$A$1:$B$2"), Some((0, 0, 1, 1)));
        assert_eq!(region("AA10:A1"), Some((0, 0, 9, 26)));
        assert_eq!(region("A1"), None);
        assert_eq!(region("A0:B2"), None);
        assert_eq!(region("1:2"), None);
    }

    #[test]
    fn tags_and_attributes() {
        let xml = br#"<sheets><sheet name="N&#259;m 2022 &amp; B" sheetId="1" r:id="rId2"/><x:sheet name='T' r:id="rId3"/><sheetData/></sheets>"#;
        let found: Vec<(Option<String>, Option<String>)> =
            tags(xml, b"sheet").map(|t| (attr(t, b"name"), attr_ending(t, b":id"))).collect();
        assert_eq!(
            found,
            vec![(Some("Năm 2022 & B".into()), Some("rId2".into())), (Some("T".into()), Some("rId3".into()))]
        );
    }
}
