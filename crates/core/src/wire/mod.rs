//! A compact binary form of an import's outcome and of the import's options, to pass them
//! between the page and the import worker in one transferred buffer (no JSON on the hot
//! path; each distinct text is written once and then referred to by number).
//!
//! Layout: a version byte, then values in a fixed order. Integers are LEB128 varints,
//! numbers little-endian f64, texts either `0, length, UTF-8` (new) or `k + 1` (the k-th
//! text seen before). Decoding checks every length and never panics on bad bytes.

use rustc_hash::FxHashMap as FxMap;

use crate::detect::ImportOptions;
use crate::import::ImportOutcome;
use crate::model::messages::{DocKind, Legacy, Limit, Note, RowWhy, SameWhy, TableLayout};
use crate::model::{DataSet, ImportReport, ImportStatus, Observation, Target, TargetSheet, Text};
use crate::text::value::TargetOp;

const VERSION: u8 = 1;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WireError(pub &'static str);

type Res<T> = Result<T, WireError>;

/// Writes values; remembers texts so that each is written once.
#[derive(Default)]
struct Writer<'a> {
    buf: Vec<u8>,
    seen: FxMap<&'a str, u32>,
    /// Shared texts by address: one look-up by pointer, not by hashing the letters.
    shared: FxMap<usize, u32>,
}

impl<'a> Writer<'a> {
    fn uint(&mut self, mut v: u64) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.buf.push(b);
                return;
            }
            self.buf.push(b | 0x80);
        }
    }

    fn num(&mut self, v: f64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    fn opt_num(&mut self, v: Option<f64>) {
        match v {
            Some(v) => {
                self.buf.push(1);
                self.num(v);
            }
            None => self.buf.push(0),
        }
    }

    fn opt_uint(&mut self, v: Option<u64>) {
        self.uint(v.map_or(0, |v| v.saturating_add(1)));
    }

    fn text(&mut self, s: &'a str) {
        if let Some(k) = self.seen.get(s) {
            self.uint(*k as u64 + 1);
            return;
        }
        self.seen.insert(s, self.seen.len() as u32);
        self.uint(0);
        self.uint(s.len() as u64);
        self.buf.extend_from_slice(s.as_bytes());
    }

    /// A [`Text`]: the same text object as before is found by its address.
    fn shared(&mut self, t: &'a Text) {
        if let Some(k) = self.shared.get(&t.addr()) {
            self.uint(*k as u64 + 1);
            return;
        }
        let k = match self.seen.get(t.as_str()) {
            Some(k) => *k,
            None => self.seen.len() as u32,
        };
        self.shared.insert(t.addr(), k);
        self.text(t.as_str());
    }

    fn opt_text(&mut self, s: Option<&'a str>) {
        match s {
            Some(s) => {
                self.buf.push(1);
                self.text(s);
            }
            None => self.buf.push(0),
        }
    }

    fn texts(&mut self, v: &'a [String]) {
        self.uint(v.len() as u64);
        for s in v {
            self.text(s);
        }
    }
}

struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
    seen: Vec<Text>,
}

impl<'b> Reader<'b> {
    fn byte(&mut self) -> Res<u8> {
        let b = *self.bytes.get(self.at).ok_or(WireError("ends early"))?;
        self.at += 1;
        Ok(b)
    }

    fn uint(&mut self) -> Res<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(WireError("bad integer"))
    }

    fn size(&mut self) -> Res<usize> {
        let v = self.uint()?;
        // No count can exceed the bytes left (every item takes at least one byte).
        if v > (self.bytes.len() - self.at) as u64 + 1 {
            return Err(WireError("count past the end"));
        }
        Ok(v as usize)
    }

    fn num(&mut self) -> Res<f64> {
        let end = self.at.checked_add(8).filter(|e| *e <= self.bytes.len()).ok_or(WireError("ends early"))?;
        let mut a = [0u8; 8];
        a.copy_from_slice(&self.bytes[self.at..end]);
        self.at = end;
        Ok(f64::from_le_bytes(a))
    }

    fn opt_num(&mut self) -> Res<Option<f64>> {
        Ok(if self.byte()? == 0 { None } else { Some(self.num()?) })
    }

    fn opt_uint(&mut self) -> Res<Option<u64>> {
        Ok(self.uint()?.checked_sub(1))
    }

    /// A text, shared with every other place it is written (observations share names).
    fn shared(&mut self) -> Res<Text> {
        let k = self.uint()?;
        if k > 0 {
            return self.seen.get((k - 1) as usize).cloned().ok_or(WireError("unknown text"));
        }
        let len = self.size()?;
        let end = self.at.checked_add(len).filter(|e| *e <= self.bytes.len()).ok_or(WireError("ends early"))?;
        let s = Text::from(std::str::from_utf8(&self.bytes[self.at..end]).map_err(|_| WireError("bad text"))?);
        self.at = end;
        self.seen.push(s.clone());
        Ok(s)
    }

    fn text(&mut self) -> Res<String> {
        self.shared().map(String::from)
    }

    fn opt_text(&mut self) -> Res<Option<String>> {
        Ok(if self.byte()? == 0 { None } else { Some(self.text()?) })
    }

    fn texts(&mut self) -> Res<Vec<String>> {
        let n = self.size()?;
        (0..n).map(|_| self.text()).collect()
    }

    fn usize(&mut self) -> Res<usize> {
        Ok(self.uint()? as usize)
    }
}

// ---------------------------------------------------------------------------------------
// The outcome

/// The outcome as bytes.
pub fn encode(o: &ImportOutcome) -> Vec<u8> {
    let mut w = Writer::default();
    w.buf.push(VERSION);
    w.uint(o.datasets.len() as u64);
    for d in &o.datasets {
        w.text(&d.name);
        w.text(&d.source);
        w.texts(&d.lower_is_better);
        w.uint(d.names_en.len() as u64);
        for (vi, en) in &d.names_en {
            w.text(vi);
            w.text(en);
        }
        w.uint(d.max_possible.len() as u64);
        for (i, v) in &d.max_possible {
            w.text(i);
            w.num(*v);
        }
        w.uint(d.observations.len() as u64);
        for ob in &d.observations {
            w.shared(&ob.group);
            w.shared(&ob.unit);
            w.shared(&ob.period);
            w.shared(&ob.indicator);
            w.opt_num(ob.value);
            w.opt_uint(ob.rank.map(u64::from));
        }
    }
    w.uint(o.targets.len() as u64);
    for s in &o.targets {
        w.text(&s.name);
        w.text(&s.source);
        w.uint(s.targets.len() as u64);
        for t in &s.targets {
            w.text(&t.indicator);
            w.text(&t.text);
            w.buf.push(op_code(t.op));
            w.num(t.threshold);
            w.uint(t.actuals.len() as u64);
            for (p, v) in &t.actuals {
                w.text(p);
                w.opt_num(*v);
            }
        }
    }
    let r = &o.report;
    w.text(&r.file);
    w.buf.push(match r.status {
        ImportStatus::Ok => 0,
        ImportStatus::Warning => 1,
        ImportStatus::Error => 2,
    });
    for list in [&r.found, &r.skipped, &r.warnings] {
        w.uint(list.len() as u64);
        for n in list {
            put_note(&mut w, n);
        }
    }
    w.uint(r.merges.len() as u64);
    for (a, b) in &r.merges {
        w.text(a);
        w.text(b);
    }
    match &r.error {
        Some(n) => {
            w.buf.push(1);
            put_note(&mut w, n);
        }
        None => w.buf.push(0),
    }
    w.buf
}

/// Bytes back to the outcome; an error for anything [`encode`] did not write.
pub fn decode(bytes: &[u8]) -> Result<ImportOutcome, WireError> {
    let mut r = Reader { bytes, at: 0, seen: Vec::new() };
    if r.byte()? != VERSION {
        return Err(WireError("unknown version"));
    }
    let n = r.size()?;
    let mut datasets = Vec::with_capacity(n);
    for _ in 0..n {
        let name = r.text()?;
        let source = r.text()?;
        let lower_is_better = r.texts()?;
        let n = r.size()?;
        let mut names_en = Vec::with_capacity(n);
        for _ in 0..n {
            names_en.push((r.text()?, r.text()?));
        }
        let n = r.size()?;
        let mut max_possible = Vec::with_capacity(n);
        for _ in 0..n {
            max_possible.push((r.text()?, r.num()?));
        }
        let n = r.size()?;
        let mut observations = Vec::with_capacity(n);
        for _ in 0..n {
            observations.push(Observation {
                group: r.shared()?,
                unit: r.shared()?,
                period: r.shared()?,
                indicator: r.shared()?,
                value: r.opt_num()?,
                rank: r.opt_uint()?.map(|v| v.min(u32::MAX as u64) as u32),
            });
        }
        datasets.push(DataSet {
            name,
            source,
            observations,
            lower_is_better,
            names_en,
            regrouped: false,
            max_possible,
        });
    }
    let n = r.size()?;
    let mut targets = Vec::with_capacity(n);
    for _ in 0..n {
        let name = r.text()?;
        let source = r.text()?;
        let n = r.size()?;
        let mut list = Vec::with_capacity(n);
        for _ in 0..n {
            let indicator = r.text()?;
            let text = r.text()?;
            let op = op_of(r.byte()?)?;
            let threshold = r.num()?;
            let k = r.size()?;
            let mut actuals = Vec::with_capacity(k);
            for _ in 0..k {
                actuals.push((r.text()?, r.opt_num()?));
            }
            list.push(Target { indicator, text, op, threshold, actuals });
        }
        targets.push(TargetSheet { name, source, targets: list });
    }
    let mut report = ImportReport::new(&r.text()?);
    report.status = match r.byte()? {
        0 => ImportStatus::Ok,
        1 => ImportStatus::Warning,
        2 => ImportStatus::Error,
        _ => return Err(WireError("bad status")),
    };
    for list in [&mut report.found, &mut report.skipped, &mut report.warnings] {
        let n = r.size()?;
        for _ in 0..n {
            list.push(get_note(&mut r)?);
        }
    }
    let n = r.size()?;
    for _ in 0..n {
        report.merges.push((r.text()?, r.text()?));
    }
    report.error = if r.byte()? == 0 { None } else { Some(get_note(&mut r)?) };
    if r.at != bytes.len() {
        return Err(WireError("bytes left over"));
    }
    Ok(ImportOutcome { datasets, targets, report })
}

fn op_code(op: TargetOp) -> u8 {
    match op {
        TargetOp::Gt => 0,
        TargetOp::Ge => 1,
        TargetOp::Lt => 2,
        TargetOp::Le => 3,
        TargetOp::Eq => 4,
    }
}

fn op_of(b: u8) -> Res<TargetOp> {
    Ok(match b {
        0 => TargetOp::Gt,
        1 => TargetOp::Ge,
        2 => TargetOp::Lt,
        3 => TargetOp::Le,
        4 => TargetOp::Eq,
        _ => return Err(WireError("bad operator")),
    })
}

/// The fixed words some notes carry (layouts, encodings, kinds of document, limits).
const WORDS: &[&str] = &[
    "wide",
    "long",
    "ranking",
    "targets",
    "TCVN3",
    "VNI",
    "PDF",
    "HTML",
    "XML",
    "file bytes",
    "cells in a sheet",
    "zip entry bytes",
    "uncompressed bytes",
];

fn word(w: &mut Writer<'_>, s: &str) {
    // A word not in the list (a new one not added here) travels as its position past the end.
    w.uint(WORDS.iter().position(|x| *x == s).unwrap_or(WORDS.len()) as u64);
}

fn get_word(r: &mut Reader<'_>) -> Res<&'static str> {
    Ok(WORDS.get(r.usize()?).copied().unwrap_or("?"))
}

fn put_note<'a>(w: &mut Writer<'a>, n: &'a Note) {
    match n {
        Note::DataSet { name, units, periods, indicators, values } => {
            w.buf.push(0);
            w.text(name);
            w.uint(*units as u64);
            w.texts(periods);
            w.uint(*indicators as u64);
            w.uint(*values as u64);
        }
        Note::Targets { name, count } => {
            w.buf.push(1);
            w.text(name);
            w.uint(*count as u64);
        }
        Note::Layout { sheet, layout } => {
            w.buf.push(2);
            w.text(sheet);
            word(w, layout.word());
        }
        Note::LegacyText { sheet, encoding } => {
            w.buf.push(3);
            w.text(sheet);
            word(w, encoding.name());
        }
        Note::TitleRow { sheet, row, text }
        | Note::FooterRow { sheet, row, text }
        | Note::AggregateRow { sheet, row, text } => {
            w.buf.push(match n {
                Note::TitleRow { .. } => 4,
                Note::FooterRow { .. } => 5,
                _ => 6,
            });
            w.text(sheet);
            w.uint(*row as u64);
            w.text(text);
        }
        Note::OrdinalColumn { sheet, col } => {
            w.buf.push(7);
            w.text(sheet);
            w.uint(*col as u64);
        }
        Note::NotesColumn { sheet, col, header } => {
            w.buf.push(8);
            w.text(sheet);
            w.uint(*col as u64);
            w.text(header);
        }
        Note::MissingCell { sheet, row, col, text } | Note::UnreadCell { sheet, row, col, text } => {
            w.buf.push(if matches!(n, Note::MissingCell { .. }) { 9 } else { 10 });
            w.text(sheet);
            w.uint(*row as u64);
            w.uint(*col as u64);
            w.text(text);
        }
        Note::EmptySheet { sheet } | Note::NoTableInSheet { sheet } | Note::NoPeriod { sheet } => {
            w.buf.push(match n {
                Note::EmptySheet { .. } => 11,
                Note::NoTableInSheet { .. } => 12,
                _ => 13,
            });
            w.text(sheet);
        }
        Note::Truncated { sheet, rows } => {
            w.buf.push(14);
            w.text(sheet);
            w.uint(*rows as u64);
        }
        Note::NotSpreadsheet { kind } => {
            w.buf.push(15);
            word(w, kind.word());
        }
        Note::Corrupt { detail } => {
            w.buf.push(16);
            w.text(detail);
        }
        Note::TooLarge { what, limit } => {
            w.buf.push(17);
            word(w, what.word());
            w.uint(*limit);
        }
        Note::UnknownFormat => w.buf.push(18),
        Note::TruncatedFile => w.buf.push(19),
        Note::Encrypted => w.buf.push(20),
        Note::EmptyFile => w.buf.push(21),
        Note::NoTable => w.buf.push(22),
        Note::Cancelled => w.buf.push(23),
        Note::ReaderFailed => w.buf.push(24),
        Note::MapUsed { name, p63, p34 } => {
            w.buf.push(29);
            w.text(name);
            w.texts(p63);
            w.texts(p34);
        }
        Note::NotUnitRow { sheet, row, text, why } => {
            w.buf.push(25);
            w.text(sheet);
            w.uint(*row as u64);
            w.text(text);
            w.buf.push(match why {
                RowWhy::Header => 0,
                RowWhy::Repeat => 1,
            });
        }
        Note::IdentifierColumn { sheet, col, header } => {
            w.buf.push(26);
            w.text(sheet);
            w.uint(*col as u64);
            w.text(header);
        }
        Note::AliasColumn { sheet, col } => {
            w.buf.push(27);
            w.text(sheet);
            w.uint(*col as u64);
        }
        Note::SameTable { used, other, why } => {
            w.buf.push(28);
            w.text(used);
            w.text(other);
            w.buf.push(match why {
                SameWhy::Identical => 0,
                SameWhy::Newer => 1,
                SameWhy::Vietnamese => 2,
                SameWhy::Chosen => 3,
            });
        }
    }
}

fn get_note(r: &mut Reader<'_>) -> Res<Note> {
    Ok(match r.byte()? {
        0 => Note::DataSet {
            name: r.text()?,
            units: r.usize()?,
            periods: r.texts()?,
            indicators: r.usize()?,
            values: r.usize()?,
        },
        1 => Note::Targets { name: r.text()?, count: r.usize()? },
        2 => Note::Layout {
            sheet: r.text()?,
            layout: TableLayout::from_word(get_word(r)?).ok_or(WireError("bad layout"))?,
        },
        3 => Note::LegacyText {
            sheet: r.text()?,
            encoding: match get_word(r)? {
                "TCVN3" => Legacy::Tcvn3,
                "VNI" => Legacy::Vni,
                _ => return Err(WireError("bad encoding")),
            },
        },
        4 => Note::TitleRow { sheet: r.text()?, row: r.usize()?, text: r.text()? },
        5 => Note::FooterRow { sheet: r.text()?, row: r.usize()?, text: r.text()? },
        6 => Note::AggregateRow { sheet: r.text()?, row: r.usize()?, text: r.text()? },
        7 => Note::OrdinalColumn { sheet: r.text()?, col: r.usize()? },
        8 => Note::NotesColumn { sheet: r.text()?, col: r.usize()?, header: r.text()? },
        9 => Note::MissingCell { sheet: r.text()?, row: r.usize()?, col: r.usize()?, text: r.text()? },
        10 => Note::UnreadCell { sheet: r.text()?, row: r.usize()?, col: r.usize()?, text: r.text()? },
        11 => Note::EmptySheet { sheet: r.text()? },
        12 => Note::NoTableInSheet { sheet: r.text()? },
        13 => Note::NoPeriod { sheet: r.text()? },
        14 => Note::Truncated { sheet: r.text()?, rows: r.usize()? },
        15 => Note::NotSpreadsheet { kind: DocKind::from_word(get_word(r)?).ok_or(WireError("bad kind"))? },
        16 => Note::Corrupt { detail: r.text()? },
        17 => Note::TooLarge { what: Limit::from_word(get_word(r)?).ok_or(WireError("bad limit"))?, limit: r.uint()? },
        18 => Note::UnknownFormat,
        19 => Note::TruncatedFile,
        20 => Note::Encrypted,
        21 => Note::EmptyFile,
        22 => Note::NoTable,
        23 => Note::Cancelled,
        24 => Note::ReaderFailed,
        25 => Note::NotUnitRow {
            sheet: r.text()?,
            row: r.usize()?,
            text: r.text()?,
            why: match r.byte()? {
                0 => RowWhy::Header,
                1 => RowWhy::Repeat,
                _ => return Err(WireError("unknown row reason")),
            },
        },
        29 => Note::MapUsed { name: r.text()?, p63: r.texts()?, p34: r.texts()? },
        26 => Note::IdentifierColumn { sheet: r.text()?, col: r.usize()?, header: r.text()? },
        27 => Note::AliasColumn { sheet: r.text()?, col: r.usize()? },
        28 => Note::SameTable {
            used: r.text()?,
            other: r.text()?,
            why: match r.byte()? {
                0 => SameWhy::Identical,
                1 => SameWhy::Newer,
                2 => SameWhy::Vietnamese,
                3 => SameWhy::Chosen,
                _ => return Err(WireError("unknown reason")),
            },
        },
        _ => return Err(WireError("unknown note")),
    })
}

// ---------------------------------------------------------------------------------------
// A request to the worker: the file's name, the user's corrections and the file's bytes.

/// A request as bytes: the file's name and the corrections (the file's bytes travel
/// beside it, in their own buffer).
pub fn encode_request(file_name: &str, o: &ImportOptions) -> Vec<u8> {
    let mut w = Writer::default();
    w.buf.push(VERSION);
    w.text(file_name);
    w.opt_uint(o.header_row.map(|v| v as u64));
    w.opt_uint(o.unit_col.map(|v| v as u64));
    w.opt_text(o.period.as_deref());
    for cols in [&o.value_cols, &o.rank_cols] {
        w.uint(cols.len() as u64);
        for c in cols {
            w.uint(*c as u64);
        }
    }
    w.opt_text(o.sheet.as_deref());
    w.buf
}

pub fn decode_request(bytes: &[u8]) -> Result<(String, ImportOptions), WireError> {
    let mut r = Reader { bytes, at: 0, seen: Vec::new() };
    if r.byte()? != VERSION {
        return Err(WireError("unknown version"));
    }
    let name = r.text()?;
    let header_row = r.opt_uint()?.map(|v| v as usize);
    let unit_col = r.opt_uint()?.map(|v| v as usize);
    let period = r.opt_text()?;
    let mut cols = [Vec::new(), Vec::new()];
    for c in &mut cols {
        let n = r.size()?;
        for _ in 0..n {
            c.push(r.usize()?);
        }
    }
    let [value_cols, rank_cols] = cols;
    let sheet = r.opt_text()?;
    Ok((name, ImportOptions { header_row, unit_col, period, value_cols, rank_cols, sheet }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{import_file, import_file_with};

    fn round_trip(o: &ImportOutcome) {
        let bytes = encode(o);
        assert_eq!(&decode(&bytes).unwrap(), o);
    }

    #[test]
    fn outcomes_round_trip() {
        let csv = "Bảng xếp hạng PAR Index 2022\nSTT,Tỉnh,Điểm 2021,Điểm 2022,Hạng 2022\n1,Hà Nội,\"85,4\",-,2\n2,Huế,80,\"88,1%\",1\nTổng,,165,,\n";
        round_trip(&import_file(csv.as_bytes(), "a.csv"));
        round_trip(&import_file(b"\x00\x01garbage", "b.xlsx"));
        round_trip(&import_file(b"", "c.csv"));
        round_trip(&import_file(b"%PDF-1.4", "d.xlsx"));
        let targets = "STT,Chỉ tiêu,Kế hoạch năm 2023,Quý I,Quý II\n1,Tỷ lệ hồ sơ trực tuyến,Trên 80%,\"75,5%\",82%\n2,Phiếu hài lòng,≥ 90%,910/940,-\n";
        let o = import_file(targets.as_bytes(), "t.csv");
        assert!(!o.targets.is_empty());
        round_trip(&o);
        let mut o = import_file_with(csv.as_bytes(), "a.csv", &ImportOptions::default());
        o.report.merges.push(("TP HCM".into(), "Thành phố Hồ Chí Minh".into()));
        o.report.error = Some(Note::TooLarge { what: Limit::CellsInSheet, limit: 5_000_000 });
        o.report.warnings.push(Note::LegacyText { sheet: "S".into(), encoding: Legacy::Vni });
        o.report.warnings.push(Note::Cancelled);
        round_trip(&o);
    }

    #[test]
    fn texts_are_written_once() {
        let csv: String = std::iter::once("Tỉnh,Điểm 2021,Điểm 2022\n".to_string())
            .chain((0..200).map(|i| format!("Đơn vị số {i},{i},{}\n", i + 1)))
            .collect();
        let o = import_file(csv.as_bytes(), "a.csv");
        let bytes = encode(&o);
        // 400 observations: each repeats the indicator, period and data set texts.
        let plain: usize = o.datasets[0]
            .observations
            .iter()
            .map(|ob| ob.unit.len() + ob.period.len() + ob.indicator.len() + ob.group.len())
            .sum();
        assert!(bytes.len() < plain, "{} bytes for {plain} bytes of text", bytes.len());
        assert_eq!(decode(&bytes).unwrap(), o);
    }

    #[test]
    fn bad_bytes_are_an_error_never_a_panic() {
        let o = import_file("Tỉnh,Điểm 2022\nHà Nội,85\n".as_bytes(), "a.csv");
        let bytes = encode(&o);
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer).is_err());
        assert_eq!(decode(&[9]), Err(WireError("unknown version")));
        let mut rng = 0x2545_f491u32;
        for _ in 0..2000 {
            let mut b = bytes.clone();
            for _ in 0..3 {
                rng ^= rng << 13;
                rng ^= rng >> 17;
                rng ^= rng << 5;
                let i = rng as usize % b.len();
                b[i] = (rng >> 8) as u8;
            }
            let _ = decode(&b);
        }
    }

    #[test]
    fn requests_round_trip() {
        let o = ImportOptions {
            header_row: Some(3),
            unit_col: Some(1),
            period: Some("2023".into()),
            value_cols: vec![2, 3],
            rank_cols: vec![4],
            sheet: Some("Tổng hợp".into()),
        };
        assert_eq!(decode_request(&encode_request("Xếp hạng.xlsx", &o)).unwrap(), ("Xếp hạng.xlsx".into(), o));
        let d = ImportOptions::default();
        assert_eq!(decode_request(&encode_request("a.csv", &d)).unwrap(), ("a.csv".into(), d));
        assert!(decode_request(&[1, 0, 200]).is_err());
    }
}
