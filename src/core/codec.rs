//! The view state in the address: serde → JSON → deflate → URL-safe base64, behind a
//! version tag ("1."), so that old links keep opening after the format changes.
//! Decoding never panics: a damaged, truncated or crafted hash gives an error.

use std::io::{Read, Write};

use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::core::model::{DataSet, Observation, Target, TargetSheet};
use crate::core::value::TargetOp;

/// The version this build writes; it reads this one and every older one.
pub const VERSION: u32 = 1;
/// The longest decompressed state accepted from an address (a guard against bombs).
pub const MAX_STATE_BYTES: u64 = 4 * 1024 * 1024;
/// Links longer than this break in mail and chat tools (measured limit kept low on purpose).
pub const LINK_WARN_CHARS: usize = 8000;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewState {
    /// The data set's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ds: Option<String>,
    /// The files the data set came from: what to drop when the link has no data.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub view: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub my: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grp: Option<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub lang: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub sort: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub desc: bool,
    /// The target sheet's name, in the targets view.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ts: Option<String>,
    /// The rows the view needs, when the link carries its data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<Embedded>,
}

/// (group, unit, period, indicator, value, rank), names as indices into the lists.
pub type EmbeddedRow = (u32, u32, u32, u32, Option<f64>, Option<u32>);
/// (indicator, text, operator, threshold, actuals by period)
pub type EmbeddedTarget = (String, String, String, f64, Vec<(String, Option<f64>)>);

/// A data set (or part of it) and target sheets, columnar and compact.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Embedded {
    pub name: String,
    pub groups: Vec<String>,
    pub units: Vec<String>,
    pub periods: Vec<String>,
    pub indicators: Vec<String>,
    pub lower: Vec<String>,
    pub rows: Vec<EmbeddedRow>,
    pub targets: Vec<EmbeddedTargets>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EmbeddedTargets {
    pub name: String,
    pub rows: Vec<EmbeddedTarget>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodecError {
    /// Not of the form "N.payload".
    NotALink,
    /// Written by a newer version of Chỉ Số.
    FutureVersion(u32),
    /// Damaged: bad base64, bad compressed data, bad or oversized content.
    Damaged(&'static str),
}

pub fn encode(state: &ViewState) -> String {
    let json = serde_json::to_vec(state).unwrap_or_default();
    let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = z.write_all(&json);
    let packed = z.finish().unwrap_or_default();
    format!("{VERSION}.{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed))
}

pub fn decode(hash: &str) -> Result<ViewState, CodecError> {
    let hash = hash.trim_start_matches('#');
    let (version, payload) = hash.split_once('.').ok_or(CodecError::NotALink)?;
    let version: u32 = version.parse().map_err(|_| CodecError::NotALink)?;
    if version > VERSION {
        return Err(CodecError::FutureVersion(version));
    }
    if version == 0 {
        return Err(CodecError::NotALink);
    }
    let packed = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|_| CodecError::Damaged("base64"))?;
    let mut json = Vec::new();
    flate2::read::DeflateDecoder::new(packed.as_slice())
        .take(MAX_STATE_BYTES + 1)
        .read_to_end(&mut json)
        .map_err(|_| CodecError::Damaged("deflate"))?;
    if json.len() as u64 > MAX_STATE_BYTES {
        return Err(CodecError::Damaged("size"));
    }
    serde_json::from_slice(&json).map_err(|_| CodecError::Damaged("content"))
}

impl Embedded {
    /// The observations of a data set that a filter keeps.
    pub fn from_dataset(d: &DataSet, keep: impl Fn(&Observation) -> bool) -> Embedded {
        fn index(list: &mut Vec<String>, s: &str) -> u32 {
            match list.iter().position(|x| x == s) {
                Some(i) => i as u32,
                None => {
                    list.push(s.to_string());
                    (list.len() - 1) as u32
                }
            }
        }
        let mut e = Embedded { name: d.name.clone(), lower: d.lower_is_better.clone(), ..Default::default() };
        for o in d.observations.iter().filter(|o| keep(o)) {
            let row = (
                index(&mut e.groups, &o.group),
                index(&mut e.units, &o.unit),
                index(&mut e.periods, &o.period),
                index(&mut e.indicators, &o.indicator),
                o.value,
                o.rank,
            );
            e.rows.push(row);
        }
        e
    }

    /// Back to a data set; rows pointing outside the lists are dropped.
    pub fn to_dataset(&self, source: &str) -> DataSet {
        let get = |list: &Vec<String>, i: u32| list.get(i as usize).cloned();
        let observations = self
            .rows
            .iter()
            .filter_map(|(g, u, p, i, value, rank)| {
                Some(Observation {
                    group: get(&self.groups, *g)?,
                    unit: get(&self.units, *u)?,
                    period: get(&self.periods, *p)?,
                    indicator: get(&self.indicators, *i)?,
                    value: value.filter(|v| v.is_finite()),
                    rank: *rank,
                })
            })
            .collect();
        DataSet {
            name: self.name.clone(),
            source: source.to_string(),
            observations,
            lower_is_better: self.lower.clone(),
        }
    }
}

impl EmbeddedTargets {
    pub fn from_sheet(s: &TargetSheet) -> Self {
        EmbeddedTargets {
            name: s.name.clone(),
            rows: s
                .targets
                .iter()
                .map(|t| {
                    (t.indicator.clone(), t.text.clone(), t.op.as_str().to_string(), t.threshold, t.actuals.clone())
                })
                .collect(),
        }
    }

    pub fn to_sheet(&self, source: &str) -> TargetSheet {
        let op = |s: &str| match s {
            ">" => Some(TargetOp::Gt),
            ">=" => Some(TargetOp::Ge),
            "<" => Some(TargetOp::Lt),
            "<=" => Some(TargetOp::Le),
            "=" => Some(TargetOp::Eq),
            _ => None,
        };
        TargetSheet {
            name: self.name.clone(),
            source: source.to_string(),
            targets: self
                .rows
                .iter()
                .filter_map(|(indicator, text, o, threshold, actuals)| {
                    Some(Target {
                        indicator: indicator.clone(),
                        text: text.clone(),
                        op: op(o)?,
                        threshold: *threshold,
                        actuals: actuals.clone(),
                    })
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sample_state() -> ViewState {
        ViewState {
            ds: Some("PAR INDEX".into()),
            files: vec!["chiso-mau.xlsx".into()],
            view: "trend".into(),
            units: vec!["Hà Nội".into(), "Thừa Thiên Huế".into()],
            my: Some("Hà Nội".into()),
            ind: Some("Chỉ số tổng hợp".into()),
            per: Some("2023".into()),
            lang: "en".into(),
            sort: "value".into(),
            desc: true,
            ..Default::default()
        }
    }

    #[test]
    fn round_trip_and_compact() {
        let s = sample_state();
        let h = encode(&s);
        assert!(h.starts_with("1."));
        assert!(h.chars().all(|c| c.is_ascii_alphanumeric() || "._-".contains(c)), "{h}");
        assert_eq!(decode(&h), Ok(s.clone()));
        assert_eq!(decode(&format!("#{h}")), Ok(s));
        assert!(h.len() < 300, "{} chars", h.len());
    }

    #[test]
    fn bad_hashes_are_errors() {
        let h = encode(&sample_state());
        assert_eq!(decode(""), Err(CodecError::NotALink));
        assert_eq!(decode("hello"), Err(CodecError::NotALink));
        assert_eq!(decode("9.abc"), Err(CodecError::FutureVersion(9)));
        assert!(matches!(decode(&h[..h.len() / 2]), Err(CodecError::Damaged(_))));
        assert!(matches!(decode("1.!!!"), Err(CodecError::Damaged("base64"))));
        // A compressed bomb: a huge run of zeros.
        let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(&vec![b' '; 8 * 1024 * 1024]).unwrap();
        let bomb = format!("1.{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(z.finish().unwrap()));
        assert_eq!(decode(&bomb), Err(CodecError::Damaged("size")));
    }

    #[test]
    fn embedded_data_round_trips() {
        let d = DataSet {
            name: "D".into(),
            source: "f.xlsx".into(),
            observations: vec![
                Observation {
                    group: "".into(),
                    unit: "A".into(),
                    period: "2020".into(),
                    indicator: "X".into(),
                    value: Some(1.5),
                    rank: Some(1),
                },
                Observation {
                    group: "".into(),
                    unit: "B".into(),
                    period: "2020".into(),
                    indicator: "X".into(),
                    value: None,
                    rank: None,
                },
            ],
            lower_is_better: vec![],
        };
        let e = Embedded::from_dataset(&d, |_| true);
        let s = ViewState { data: Some(e), ..Default::default() };
        let back = decode(&encode(&s)).unwrap().data.unwrap().to_dataset("f.xlsx");
        assert_eq!(back, d);
    }

    proptest! {
        #[test]
        fn any_state_round_trips(units in proptest::collection::vec("\\\\PC{0,12}", 0..5), view in "[a-z]{0,10}", desc: bool, per in proptest::option::of("[0-9]{4}")) {
            let s = ViewState { units, view, desc, per, ..Default::default() };
            prop_assert_eq!(decode(&encode(&s)), Ok(s));
        }

        #[test]
        fn random_text_never_panics(s in "\\\\PC{0,200}") {
            let _ = decode(&s);
        }

        #[test]
        fn random_payloads_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = decode(&format!("1.{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&bytes)));
        }
    }
}
