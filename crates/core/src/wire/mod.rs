//! An import's outcome and the import's options as bytes, to pass them between the page and
//! the import worker in one transferred buffer (no JSON on the hot path): a version byte, then
//! postcard (serde derive on the model). Observations travel columnar ([`crate::model::rows`]): each
//! distinct text once, then rows of numbers into that list, so the page's observations share
//! their texts again. Decoding checks every length and never panics on bad bytes.

use serde::de::{DeserializeOwned, DeserializeSeed};
use serde::Serialize;

use crate::detect::ImportOptions;
use crate::import::ImportOutcome;
use crate::model::rows;

/// The first byte; a buffer of another version (an older page or worker) is refused.
/// 3: the report's notes typed per layer (found, skipped, warnings, error).
const VERSION: u8 = 3;

/// Why bytes are not an outcome or a request that [`encode`] or [`encode_request`] wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WireError {
    EndsEarly,
    BytesLeftOver,
    BadBytes,
    UnknownVersion,
    /// The head's counts of observations do not match its data sets.
    BadCounts,
    /// A part for a data set the head does not have.
    BadDataSet,
    /// More observations for a data set than the head announced.
    TooManyObservations,
    /// Parts missing when the outcome is asked for.
    PartsMissing,
}

impl std::fmt::Display for WireError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            WireError::EndsEarly => "ends early",
            WireError::BytesLeftOver => "bytes left over",
            WireError::BadBytes => "bad bytes",
            WireError::UnknownVersion => "unknown version",
            WireError::BadCounts => "bad counts",
            WireError::BadDataSet => "bad data set",
            WireError::TooManyObservations => "too many observations",
            WireError::PartsMissing => "parts missing",
        })
    }
}

fn to_bytes(value: &impl Serialize) -> Vec<u8> {
    // Writing to a Vec fails only for what postcard cannot write (maps of unknown length),
    // which the model has none of.
    postcard::to_allocvec(&(VERSION, value)).unwrap_or_default()
}

fn from_bytes<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, WireError> {
    from_bytes_seed(bytes, std::marker::PhantomData)
}

/// Bytes that [`to_bytes`] wrote, read with a seed (what the reader knows beyond them).
fn from_bytes_seed<'de, S: DeserializeSeed<'de>>(bytes: &'de [u8], seed: S) -> Result<S::Value, WireError> {
    match bytes.split_first() {
        None => Err(WireError::EndsEarly),
        Some((&VERSION, rest)) => {
            let mut de = postcard::Deserializer::from_bytes(rest);
            match seed.deserialize(&mut de) {
                Ok(value) if de.finalize().is_ok_and(|left| left.is_empty()) => Ok(value),
                Ok(_) => Err(WireError::BytesLeftOver),
                Err(postcard::Error::DeserializeUnexpectedEnd) => Err(WireError::EndsEarly),
                Err(_) => Err(WireError::BadBytes),
            }
        }
        Some(_) => Err(WireError::UnknownVersion),
    }
}

/// The outcome as bytes.
pub fn encode(o: &ImportOutcome) -> Vec<u8> {
    to_bytes(o)
}

/// Bytes back to the outcome; an error for anything [`encode`] did not write.
pub fn decode(bytes: &[u8]) -> Result<ImportOutcome, WireError> {
    from_bytes(bytes)
}

/// An outcome in parts, so that the page can decode a commune-level one (2.1 million
/// observations) a part per task instead of all in one: the first part holds everything but
/// the observations, and how many each data set has; each other part up to `rows`
/// observations of one data set, in order.
pub fn encode_parts(o: &ImportOutcome, rows: usize) -> Vec<Vec<u8>> {
    let mut parts = Vec::new();
    encode_parts_each(o, rows, &mut |p| parts.push(p));
    parts
}

/// [`encode_parts`], giving each part to `part` as soon as it is written (the worker hands
/// it to JS and frees it: a commune-level outcome's 35 MB of parts are never all held in
/// wasm memory beside the outcome).
pub fn encode_parts_each(o: &ImportOutcome, rows: usize, part: &mut dyn FnMut(Vec<u8>)) {
    let mut head = ImportOutcome { datasets: Vec::new(), targets: o.targets.clone(), report: o.report.clone() };
    let mut counts = Vec::new();
    for d in &o.datasets {
        head.datasets.push(d.clone_without_observations());
        counts.push(d.observations.len() as u64);
    }
    part(to_bytes(&(&head, &counts)));
    for (i, d) in o.datasets.iter().enumerate() {
        for chunk in d.observations.chunks(rows.max(1)) {
            part(to_bytes(&(i as u32, ChunkRef(chunk))));
        }
    }
}

/// An outcome being put together from its parts ([`encode_parts`]).
pub struct Parts {
    outcome: ImportOutcome,
    expected: Vec<u64>,
    /// The texts given out so far (see [`rows::Observations`]).
    shared: crate::model::Interner,
}

impl Parts {
    /// The first part: everything but the observations (room made for them: no more than
    /// `all_bytes`, the size of all the parts, can hold, at 6 bytes a row at least).
    pub fn start(head: &[u8], all_bytes: usize) -> Result<Parts, WireError> {
        let (mut outcome, expected): (ImportOutcome, Vec<u64>) = from_bytes(head)?;
        if expected.len() != outcome.datasets.len() {
            return Err(WireError::BadCounts);
        }
        // Room at once (growing by doubling held twice the rows in the page's memory), but
        // no more than the parts can hold (the counts are the sender's word).
        let most = (all_bytes / 6) as u64;
        for (d, n) in outcome.datasets.iter_mut().zip(&expected) {
            d.observations.reserve_exact((*n).min(most) as usize);
        }
        Ok(Parts { outcome, expected, shared: Default::default() })
    }

    /// A part of observations, added to its data set.
    pub fn add(&mut self, part: &[u8]) -> Result<(), WireError> {
        // A row takes at least 6 bytes: no list of rows is longer than this.
        let seed = Chunk(rows::Observations { shared: Some(&mut self.shared), most: part.len() / 6 });
        let (i, rows) = from_bytes_seed(part, seed)?;
        let d = self.outcome.datasets.get_mut(i as usize).ok_or(WireError::BadDataSet)?;
        if (d.observations.len() + rows.len()) as u64 > self.expected[i as usize] {
            return Err(WireError::TooManyObservations);
        }
        d.observations.extend(rows);
        Ok(())
    }

    /// The outcome, once every part has come.
    pub fn finish(self) -> Result<ImportOutcome, WireError> {
        let complete = self.outcome.datasets.iter().zip(&self.expected).all(|(d, n)| d.observations.len() as u64 == *n);
        if complete {
            Ok(self.outcome)
        } else {
            Err(WireError::PartsMissing)
        }
    }
}

/// Observations of a part, written.
struct ChunkRef<'a>(&'a [crate::model::Observation]);

impl Serialize for ChunkRef<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        rows::serialize(self.0, s)
    }
}

/// Observations of a part, read: (data set, observations), the texts shared with the
/// outcome's earlier parts.
struct Chunk<'s>(rows::Observations<'s>);

impl<'de> DeserializeSeed<'de> for Chunk<'_> {
    type Value = (u32, Vec<crate::model::Observation>);
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_tuple(2, self)
    }
}

impl<'de> serde::de::Visitor<'de> for Chunk<'_> {
    type Value = (u32, Vec<crate::model::Observation>);
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a data set's number and observations")
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        use serde::de::Error;
        let set: u32 = seq.next_element()?.ok_or_else(|| A::Error::invalid_length(0, &"2"))?;
        let rows = seq.next_element_seed(self.0)?.ok_or_else(|| A::Error::invalid_length(1, &"2"))?;
        Ok((set, rows))
    }
}

/// A request as bytes: the file's name and the corrections (the file's bytes travel
/// beside it, in their own buffer).
pub fn encode_request(file_name: &str, o: &ImportOptions) -> Vec<u8> {
    to_bytes(&(file_name, o.header_row, o.unit_col, &o.period, &o.value_cols, &o.rank_cols, &o.sheet))
}

type Request = (String, Option<usize>, Option<usize>, Option<String>, Vec<usize>, Vec<usize>, Option<String>);

pub fn decode_request(bytes: &[u8]) -> Result<(String, ImportOptions), WireError> {
    let (name, header_row, unit_col, period, value_cols, rank_cols, sheet) = from_bytes::<Request>(bytes)?;
    Ok((name, ImportOptions { header_row, unit_col, period, value_cols, rank_cols, sheet }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{import_file, import_file_with};
    use crate::model::messages::{Finding, Legacy, Limit, ReadError, Warning};

    fn round_trip(o: &ImportOutcome) {
        let bytes = encode(o);
        assert_eq!(&decode(&bytes).unwrap(), o);
    }

    #[test]
    fn an_outcome_in_parts_is_the_same_outcome() {
        let csv = "Tỉnh,Điểm 2021,Điểm 2022\nHà Nội,85,86\nHuế,80,81\nĐà Nẵng,90,91\n";
        let o = import_file(csv.as_bytes(), "a.csv");
        let parts = encode_parts(&o, 2);
        assert_eq!(parts.len(), 1 + 3, "a head and 6 observations, 2 a part");
        let all = parts.iter().map(Vec::len).sum();
        let mut p = Parts::start(&parts[0], all).unwrap();
        for part in &parts[1..] {
            p.add(part).unwrap();
        }
        let back = p.finish().unwrap();
        assert_eq!(back, o);
        // Every part's "2021" and each unit's name are one text object, as in one buffer.
        let obs = &back.datasets[0].observations;
        let addrs = |f: fn(&crate::model::Observation) -> &crate::model::Text| {
            obs.iter().map(|o| (f(o).to_string(), f(o).addr())).collect::<std::collections::BTreeSet<_>>()
        };
        assert_eq!(addrs(|o| &o.period).len(), 2);
        assert_eq!(addrs(|o| &o.unit).len(), 3);
        // A part missing, a part twice, a part for another data set, bad bytes: errors.
        let mut p = Parts::start(&parts[0], all).unwrap();
        p.add(&parts[1]).unwrap();
        assert_eq!(p.finish().err(), Some(WireError::PartsMissing));
        let mut p = Parts::start(&parts[0], all).unwrap();
        for part in &parts[1..] {
            p.add(part).unwrap();
        }
        assert_eq!(p.add(&parts[1]).err(), Some(WireError::TooManyObservations));
        let other = to_bytes(&(7u32, ChunkRef(&o.datasets[0].observations[..1])));
        assert_eq!(Parts::start(&parts[0], all).unwrap().add(&other).err(), Some(WireError::BadDataSet));
        assert!(Parts::start(&parts[1], all).is_err());
        assert!(Parts::start(&[], 0).is_err());
        // A failed import is one part.
        let failed = import_file(b"", "c.csv");
        let parts = encode_parts(&failed, 2);
        assert_eq!(parts.len(), 1);
        assert_eq!(Parts::start(&parts[0], 10).unwrap().finish().unwrap(), failed);
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
        o.report.error = Some(ReadError::TooLarge { what: Limit::CellsInSheet, limit: 5_000_000 });
        o.report.found.push(Finding::LegacyText { sheet: "S".into(), encoding: Legacy::Vni });
        o.report.warnings.push(Warning::NoPeriod { sheet: "S".into() });
        round_trip(&o);
        o.report.error = Some(ReadError::Cancelled);
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
        let back = decode(&bytes).unwrap();
        assert_eq!(back, o);
        // The page's observations share their texts again: one object per distinct text.
        let obs = &back.datasets[0].observations;
        let objects: std::collections::HashSet<usize> = obs.iter().map(|ob| ob.indicator.addr()).collect();
        let texts: std::collections::HashSet<&str> = obs.iter().map(|ob| ob.indicator.as_str()).collect();
        assert_eq!(objects.len(), texts.len());
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
        assert_eq!(decode(&[9]), Err(WireError::UnknownVersion));
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
