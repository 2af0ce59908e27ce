//! The view state in the address: JSON ([`json`]) → deflate ([`deflate`]) → URL-safe base64, behind a
//! version tag ("1."), so that old links keep opening after the format changes.
//! Decoding never panics: a damaged, truncated or crafted hash gives an error.

pub mod deflate;
pub mod json;

use std::io::Read;

use base64::Engine;

use crate::link::deflate::deflate;
use json::Json;

use crate::model::{DataSet, Observation, Target, TargetSheet, Text};
use crate::text::value::TargetOp;

/// The version this build writes; it reads this one and every older one.
pub const VERSION: u32 = 1;
/// The longest decompressed state accepted from an address (a guard against bombs).
pub const MAX_STATE_BYTES: u64 = 4 * 1024 * 1024;
/// Links longer than this break in mail and chat tools (measured limit kept low on purpose).
pub const LINK_WARN_CHARS: usize = 8000;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewState {
    /// The data set's name.
    pub ds: Option<String>,
    /// The files the data set came from: what to drop when the link has no data.
    pub files: Vec<String>,
    pub view: String,
    pub units: Vec<String>,
    pub my: Option<String>,
    pub ind: Option<String>,
    pub per: Option<String>,
    pub grp: Option<String>,
    pub lang: String,
    pub sort: String,
    pub desc: bool,
    /// The target sheet's name, in the targets view.
    pub ts: Option<String>,
    /// Pre-2025 province data regrouped onto the 34 provinces.
    pub r34: bool,
    /// The rows the view needs, when the link carries its data.
    pub data: Option<Embedded>,
}

/// (group, unit, period, indicator, value, rank), names as indices into the lists.
pub type EmbeddedRow = (u32, u32, u32, u32, Option<f64>, Option<u32>);
/// (indicator, text, operator, threshold, actuals by period)
pub type EmbeddedTarget = (String, String, String, f64, Vec<(String, Option<f64>)>);

/// A data set (or part of it) and target sheets, columnar and compact.
#[derive(Clone, Debug, Default, PartialEq)]
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

#[derive(Clone, Debug, Default, PartialEq)]
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
    let packed = deflate(state.to_json().as_bytes());
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
    json::parse(&json).as_ref().and_then(ViewState::from_json).ok_or(CodecError::Damaged("content"))
}

// The JSON of version 1: the field names below, a field left out when it holds its default,
// rows and targets as arrays. Reading follows what serde did when it wrote these links:
// missing fields take their default, unknown ones are skipped, `null` is accepted where the
// field is optional, a wrong type is an error.

/// Writes `{"k":v,...}`: each field through `put`, which returns false to leave it out.
struct Obj<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Obj<'a> {
    fn new(out: &'a mut String) -> Self {
        out.push('{');
        Obj { out, first: true }
    }
    fn key(&mut self, k: &str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        json::write_str(self.out, k);
        self.out.push(':');
        self.out
    }
    fn str(&mut self, k: &str, v: &str) {
        json::write_str(self.key(k), v);
    }
    fn opt(&mut self, k: &str, v: &Option<String>) {
        if let Some(v) = v {
            self.str(k, v);
        }
    }
    fn nonempty(&mut self, k: &str, v: &str) {
        if !v.is_empty() {
            self.str(k, v);
        }
    }
    fn strs(&mut self, k: &str, v: &[String], always: bool) {
        if always || !v.is_empty() {
            let out = self.key(k);
            list(out, v, |out, s| json::write_str(out, s));
        }
    }
    fn end(self) {
        self.out.push('}');
    }
}

fn list<T>(out: &mut String, items: &[T], mut each: impl FnMut(&mut String, &T)) {
    out.push('[');
    for (k, item) in items.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        each(out, item);
    }
    out.push(']');
}

fn fields(j: &Json) -> Option<&[(String, Json)]> {
    match j {
        Json::Obj(f) => Some(f),
        _ => None,
    }
}
fn string(j: &Json) -> Option<String> {
    j.as_str().map(str::to_string)
}
fn opt_string(j: &Json) -> Option<Option<String>> {
    match j {
        Json::Null => Some(None),
        j => string(j).map(Some),
    }
}
fn strings(j: &Json) -> Option<Vec<String>> {
    j.as_arr()?.iter().map(string).collect()
}
/// An array of exactly `n` items.
fn tuple(j: &Json, n: usize) -> Option<&[Json]> {
    j.as_arr().filter(|a| a.len() == n)
}

impl ViewState {
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        let mut o = Obj::new(&mut out);
        o.opt("ds", &self.ds);
        o.strs("files", &self.files, false);
        o.nonempty("view", &self.view);
        o.strs("units", &self.units, false);
        o.opt("my", &self.my);
        o.opt("ind", &self.ind);
        o.opt("per", &self.per);
        o.opt("grp", &self.grp);
        o.nonempty("lang", &self.lang);
        o.nonempty("sort", &self.sort);
        if self.desc {
            o.key("desc").push_str("true");
        }
        o.opt("ts", &self.ts);
        if self.r34 {
            o.key("r34").push_str("true");
        }
        if let Some(e) = &self.data {
            e.write(o.key("data"));
        }
        o.end();
        out
    }

    pub fn from_json(j: &Json) -> Option<ViewState> {
        let mut s = ViewState::default();
        for (k, v) in fields(j)? {
            match k.as_str() {
                "ds" => s.ds = opt_string(v)?,
                "files" => s.files = strings(v)?,
                "view" => s.view = string(v)?,
                "units" => s.units = strings(v)?,
                "my" => s.my = opt_string(v)?,
                "ind" => s.ind = opt_string(v)?,
                "per" => s.per = opt_string(v)?,
                "grp" => s.grp = opt_string(v)?,
                "lang" => s.lang = string(v)?,
                "sort" => s.sort = string(v)?,
                "desc" => match v {
                    Json::Bool(b) => s.desc = *b,
                    _ => return None,
                },
                "ts" => s.ts = opt_string(v)?,
                "r34" => match v {
                    Json::Bool(b) => s.r34 = *b,
                    _ => return None,
                },
                "data" => s.data = if *v == Json::Null { None } else { Some(Embedded::read(v)?) },
                _ => {}
            }
        }
        Some(s)
    }
}

impl Embedded {
    fn write(&self, out: &mut String) {
        let mut o = Obj::new(out);
        o.str("name", &self.name);
        o.strs("groups", &self.groups, true);
        o.strs("units", &self.units, true);
        o.strs("periods", &self.periods, true);
        o.strs("indicators", &self.indicators, true);
        o.strs("lower", &self.lower, true);
        list(o.key("rows"), &self.rows, |out, &(g, u, p, i, value, rank)| {
            use std::fmt::Write;
            let _ = write!(out, "[{g},{u},{p},{i},");
            json::write_num(out, value);
            match rank {
                Some(r) => {
                    let _ = write!(out, ",{r}]");
                }
                None => out.push_str(",null]"),
            }
        });
        list(o.key("targets"), &self.targets, |out, t| {
            let mut o = Obj::new(out);
            o.str("name", &t.name);
            list(o.key("rows"), &t.rows, |out, (indicator, text, op, threshold, actuals)| {
                out.push('[');
                for s in [indicator, text, op] {
                    json::write_str(out, s);
                    out.push(',');
                }
                json::write_num(out, Some(*threshold));
                out.push(',');
                list(out, actuals, |out, (period, value)| {
                    out.push('[');
                    json::write_str(out, period);
                    out.push(',');
                    json::write_num(out, *value);
                    out.push(']');
                });
                out.push(']');
            });
            o.end();
        });
        o.end();
    }

    fn read(j: &Json) -> Option<Embedded> {
        let mut e = Embedded::default();
        for (k, v) in fields(j)? {
            match k.as_str() {
                "name" => e.name = string(v)?,
                "groups" => e.groups = strings(v)?,
                "units" => e.units = strings(v)?,
                "periods" => e.periods = strings(v)?,
                "indicators" => e.indicators = strings(v)?,
                "lower" => e.lower = strings(v)?,
                "rows" => {
                    e.rows = v
                        .as_arr()?
                        .iter()
                        .map(|r| {
                            let r = tuple(r, 6)?;
                            let rank = match &r[5] {
                                Json::Null => None,
                                n => Some(n.as_u32()?),
                            };
                            Some((
                                r[0].as_u32()?,
                                r[1].as_u32()?,
                                r[2].as_u32()?,
                                r[3].as_u32()?,
                                r[4].as_opt_num()?,
                                rank,
                            ))
                        })
                        .collect::<Option<_>>()?
                }
                "targets" => e.targets = v.as_arr()?.iter().map(EmbeddedTargets::read).collect::<Option<_>>()?,
                _ => {}
            }
        }
        Some(e)
    }
}

impl EmbeddedTargets {
    fn read(j: &Json) -> Option<EmbeddedTargets> {
        let mut t = EmbeddedTargets::default();
        for (k, v) in fields(j)? {
            match k.as_str() {
                "name" => t.name = string(v)?,
                "rows" => {
                    t.rows = v
                        .as_arr()?
                        .iter()
                        .map(|r| {
                            let r = tuple(r, 5)?;
                            let actuals = r[4]
                                .as_arr()?
                                .iter()
                                .map(|a| {
                                    let a = tuple(a, 2)?;
                                    Some((string(&a[0])?, a[1].as_opt_num()?))
                                })
                                .collect::<Option<_>>()?;
                            let threshold = r[3].as_opt_num()??;
                            Some((string(&r[0])?, string(&r[1])?, string(&r[2])?, threshold, actuals))
                        })
                        .collect::<Option<_>>()?
                }
                _ => {}
            }
        }
        Some(t)
    }
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
        let texts = |list: &Vec<String>| list.iter().map(Text::from).collect::<Vec<Text>>();
        let (groups, units, periods, indicators) =
            (texts(&self.groups), texts(&self.units), texts(&self.periods), texts(&self.indicators));
        let get = |list: &Vec<Text>, i: u32| list.get(i as usize).cloned();
        let observations = self
            .rows
            .iter()
            .filter_map(|(g, u, p, i, value, rank)| {
                Some(Observation {
                    group: get(&groups, *g)?,
                    unit: get(&units, *u)?,
                    period: get(&periods, *p)?,
                    indicator: get(&indicators, *i)?,
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
            names_en: Vec::new(),
            regrouped: false,
            max_possible: Vec::new(),
            summary: Default::default(),
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
    use std::io::Write;

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

    /// Links written by the serde_json codec of earlier builds: they must open the same.
    #[test]
    fn old_links_still_open() {
        let full = ViewState {
            ds: Some("PAR INDEX".into()),
            grp: Some("Sở, ngành".into()),
            ts: Some("CT".into()),
            ..sample_state()
        };
        let mut e = Embedded {
            name: "PAR INDEX \"2023\"".into(),
            groups: vec!["".into(), "Sở".into()],
            units: vec!["Hà Nội".into(), "Bà Rịa – Vũng Tàu".into(), "a\\b\n\t\u{1}/".into()],
            periods: vec!["2022".into(), "2023".into()],
            indicators: vec!["Chỉ số tổng hợp".into()],
            lower: vec!["Tỷ lệ hồ sơ trễ hạn".into()],
            ..Default::default()
        };
        e.rows = vec![
            (0, 0, 0, 0, Some(85.43), Some(2)),
            (1, 1, 1, 0, None, None),
            (0, 2, 1, 0, Some(-0.0001), Some(63)),
            (0, 1, 0, 0, Some(1e20), None),
            (0, 0, 1, 0, Some(100.0), Some(1)),
        ];
        e.targets = vec![EmbeddedTargets {
            name: "Chỉ tiêu 2024".into(),
            rows: vec![(
                "Tỷ lệ hài lòng".into(),
                "Trên 80%".into(),
                ">".into(),
                80.0,
                vec![("Q1".into(), Some(81.5)), ("Q2".into(), None)],
            )],
        }];
        let with_data = ViewState { view: "ranking".into(), data: Some(e), ..Default::default() };
        let cases = [
            ("1.q64FAA", ViewState::default()),
            ("1.TY49CsJAEIWvskwdRbRLJypoI6IpBLEIZk0WkjXsjz-IB7C0sLBSsNMbuIVFTrI38WllN-973wyzp0RTSKP2mA2G3d6UAlqKnIPNaJEJvaoVsa1vc72leUBrwTewjeIygWmlMD-zX93Y0LuLAIwy754xizJRPSTrW_96f1eLHRb_PYETIXVgH5n27sSMd2eZMoB7ib7kCn2z0WwhpKpEmHh3DZhMq5vMAPNYpqBcYtYrZTCv49xyxITrBYVGWR7Q90XqRHT4AA", full.clone()),
            ("1.TVFNSwMxEP0rIeDJWJNtK6UHwS_QS7G1iNDsIdplDa7ZkmbtoRS8iIgnKR482eLJHr0I5rjo_4i_xEkKagbC5L2XN5PJGF_JZISbWAt1IVWKCe4LI3BzjJW4TIA43Oqgg9bu3gniOKJRlWPQpDovBkPc7PnDkbPPOCa4UNIEbL-coZazTxLIbcg7zt4L9H09RcefrypF3XJWACU4P-WKG15QStm6txgkWub9YAK1IhD5kp6Rqi_PhMl1IHfOnb1DQ2cfkHH2ETwBeBl4YZaPEu01XWffUebsreemaPg1R0Y7ewPHj7nyUp2PvFuPkmU06pValUQx6THigxJVZFnYAKMkCtgarfh-yUY1gCxcZclqRP-US5hRkBIWQykjdJqE6fwOdvkGI8tFgeCVNfzX0P_ey5lEWfkWvqary4VCDboC-SYmDW8P6jaDnFXqUBq3YWihDViTeDL5AQ", with_data.clone()),
        ];
        for (hash, state) in cases {
            assert_eq!(decode(hash), Ok(state.clone()), "{hash}");
            assert_eq!(decode(&encode(&state)), Ok(state));
        }
        // The JSON written now is the text serde_json wrote (numbers aside: "1e20" for "1e+20").
        assert_eq!(
            full.to_json(),
            r#"{"ds":"PAR INDEX","files":["chiso-mau.xlsx"],"view":"trend","units":["Hà Nội","Thừa Thiên Huế"],"my":"Hà Nội","ind":"Chỉ số tổng hợp","per":"2023","grp":"Sở, ngành","lang":"en","sort":"value","desc":true,"ts":"CT"}"#
        );
        assert_eq!(
            with_data.to_json(),
            r#"{"view":"ranking","data":{"name":"PAR INDEX \"2023\"","groups":["","Sở"],"units":["Hà Nội","Bà Rịa – Vũng Tàu","a\\b\n\t\u0001/"],"periods":["2022","2023"],"indicators":["Chỉ số tổng hợp"],"lower":["Tỷ lệ hồ sơ trễ hạn"],"rows":[[0,0,0,0,85.43,2],[1,1,1,0,null,null],[0,2,1,0,-0.0001,63],[0,1,0,0,1e20,null],[0,0,1,0,100.0,1]],"targets":[{"name":"Chỉ tiêu 2024","rows":[["Tỷ lệ hài lòng","Trên 80%",">",80.0,[["Q1",81.5],["Q2",null]]]]}]}}"#
        );
    }

    /// What serde refused is refused (wrong types, short rows); what it allowed is allowed.
    #[test]
    fn content_is_checked() {
        let pack = |json: &str| {
            format!("1.{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(deflate(json.as_bytes())))
        };
        let open = |json: &str| decode(&pack(json));
        assert_eq!(open(r#"{"view":"trend","future_field":[1,{"x":null}]}"#).map(|s| s.view), Ok("trend".into()));
        assert_eq!(open(r#"{"my":null,"data":null}"#), Ok(ViewState::default()));
        for bad in [
            "[]",
            r#"{"view":1}"#,
            r#"{"desc":"yes"}"#,
            r#"{"units":["a",2]}"#,
            r#"{"data":{"rows":[[0,0,0,0,1.5]]}}"#,
            r#"{"data":{"rows":[[0,0,0,-1,1.5,null]]}}"#,
            r#"{"data":{"rows":[[0,0,0,0,1.5,2.5]]}}"#,
            r#"{"data":{"targets":[{"rows":[["a","b",">",null,[]]]}]}}"#,
            r#"{"view":"trend"} trailing"#,
        ] {
            assert_eq!(open(bad), Err(CodecError::Damaged("content")), "{bad}");
        }
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
            names_en: Vec::new(),
            regrouped: false,
            max_possible: Vec::new(),
            summary: Default::default(),
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
