//! The view state in the address: serde → JSON → deflate → URL-safe base64, behind a
//! version tag ("1."), so that old links keep opening after the format changes.
//! Decoding never panics: a damaged, truncated or crafted hash gives an error.

use std::io::Read;

use base64::Engine;
use serde::{Deserialize, Deserializer, Serialize};

use crate::analyse::SortKey;
use crate::model::lang::Lang;
use crate::model::{DataSet, Observation, Target, TargetSheet, Text};
use crate::text::value::TargetOp;

/// The version this build writes; it reads this one and every older one.
pub const VERSION: u32 = 1;
/// The longest decompressed state accepted from an address (a guard against bombs).
pub const MAX_STATE_BYTES: u64 = 4 * 1024 * 1024;
/// Links longer than this break in mail and chat tools (measured limit kept low on purpose).
pub const LINK_WARN_CHARS: usize = 8000;
/// miniz_oxide's level (0–10): links are short, so the slowest and smallest.
const LEVEL: u8 = 10;

// The JSON of version 1: the field names below, a field left out when it holds its default,
// rows and targets as arrays. Missing fields take their default, unknown ones are skipped,
// `null` is accepted where the field is optional, a wrong type is an error, and a struct is
// read from a JSON object only (serde would also take an array of its fields in order).

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewState {
    /// The data set's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ds: Option<String>,
    /// The files the data set came from: what to drop when the link has no data.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "known")]
    pub view: Option<View>,
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
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "known")]
    pub lang: Option<Lang>,
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "known")]
    pub sort: Option<SortKey>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub desc: bool,
    /// The target sheet's name, in the targets view.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ts: Option<String>,
    /// Pre-2025 province data regrouped onto the 34 provinces.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub r34: bool,
    /// Data sets joined by hand: pairs of the names of the files' data sets.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub join: Vec<(String, String)>,
    /// Names of the files' data sets split by hand (never joined again automatically).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub split: Vec<String>,
    /// The rows the view needs, when the link carries its data.
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "opt_object")]
    pub data: Option<Embedded>,
}

/// (group, unit, period, indicator, value, rank), names as indices into the lists.
pub type EmbeddedRow = (u32, u32, u32, u32, Option<f64>, Option<u32>);
/// (indicator, text, operator, threshold, actuals by period); an operator this build does
/// not know (from a later one) reads as `None`, and its row is left out.
pub type EmbeddedTarget = (String, String, LinkOp, f64, Vec<(String, Option<f64>)>);

/// A target's operator as a link carries it (`">="`): `None` for one this build does not
/// know.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinkOp(pub Option<TargetOp>);

impl Serialize for LinkOp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de> Deserialize<'de> for LinkOp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        known(d).map(LinkOp)
    }
}

/// The views of the page, named in links and in the page hooks `data-view` and
/// `view-<name>` as [`View::name`] says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    #[default]
    Ranking,
    Comparison,
    Trend,
    Targets,
    /// My unit's brief across every loaded data set.
    Brief,
}

impl View {
    pub const ALL: [View; 5] = [View::Ranking, View::Comparison, View::Trend, View::Targets, View::Brief];

    /// The value of the page hooks `data-view` and `view-<name>`, and of links.
    pub fn name(self) -> &'static str {
        match self {
            View::Ranking => "ranking",
            View::Comparison => "comparison",
            View::Trend => "trend",
            View::Targets => "targets",
            View::Brief => "brief",
        }
    }

    pub fn from_name(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.name() == s)
    }
}

/// A name this build knows (a view, a language, a sort key, an operator), or `None` for one
/// a later build wrote: the link opens without it. Not a string: an error, as for any field.
fn known<'de, D: Deserializer<'de>, T: serde::de::DeserializeOwned>(d: D) -> Result<Option<T>, D::Error> {
    use serde::de::IntoDeserializer;
    let name = Option::<String>::deserialize(d)?;
    Ok(name.and_then(|n| {
        let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> = n.as_str().into_deserializer();
        T::deserialize(de).ok()
    }))
}

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
    #[serde(deserialize_with = "objects")]
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
    Damaged(Damage),
}

/// How a link is damaged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Damage {
    /// Its payload is not base64.
    Base64,
    /// Its payload does not inflate.
    Deflate,
    /// It inflates past the most a view's state takes.
    Size,
    /// What it holds is not a view's state.
    Content,
}

pub fn encode(state: &ViewState) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec(state.to_json().as_bytes(), LEVEL);
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
        .map_err(|_| CodecError::Damaged(Damage::Base64))?;
    // flate2's inflater: the page has it anyway for xlsx.
    let mut json = Vec::new();
    flate2::read::DeflateDecoder::new(packed.as_slice())
        .take(MAX_STATE_BYTES + 1)
        .read_to_end(&mut json)
        .map_err(|_| CodecError::Damaged(Damage::Deflate))?;
    if json.len() as u64 > MAX_STATE_BYTES {
        return Err(CodecError::Damaged(Damage::Size));
    }
    ViewState::from_json(&json).ok_or(CodecError::Damaged(Damage::Content))
}

impl ViewState {
    /// The state as the JSON a link carries.
    pub fn to_json(&self) -> String {
        // Strings, numbers and structs: nothing here can fail to serialize.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The state from the JSON of a link; `None` for anything else.
    pub fn from_json(json: &[u8]) -> Option<ViewState> {
        serde_json::from_slice::<Object<ViewState>>(json).ok().map(|o| o.0)
    }
}

/// A struct read from a JSON object only.
struct Object<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Fields<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Fields<T> {
            type Value = Object<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Object<T>, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(Object)
            }
        }
        d.deserialize_map(Fields(std::marker::PhantomData))
    }
}

fn opt_object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    Ok(Option::<Object<T>>::deserialize(d)?.map(|o| o.0))
}

fn objects<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    Ok(Vec::<Object<T>>::deserialize(d)?.into_iter().map(|o| o.0).collect())
}

impl Embedded {
    /// The observations of a data set that a filter keeps.
    pub fn from_dataset(d: &DataSet, keep: impl Fn(&Observation) -> bool) -> Embedded {
        // The model's interner numbers each column's texts in first-seen order (a look-up
        // per row, where a search of the list was one per distinct text: a link with the
        // data of 10,600 communes searched 10,600 names for each of its rows).
        let mut columns: [crate::model::Interner; 4] = Default::default();
        let mut e = Embedded { name: d.name.clone(), lower: d.lower_is_better.clone(), ..Default::default() };
        for o in d.observations.iter().filter(|o| keep(o)) {
            let [g, u, p, i] = &mut columns;
            e.rows.push((
                g.id_of(&o.group),
                u.id_of(&o.unit),
                p.id_of(&o.period),
                i.id_of(&o.indicator),
                o.value,
                o.rank,
            ));
        }
        let strings = |c: &crate::model::Interner| c.texts().iter().map(Text::to_string).collect::<Vec<String>>();
        let [g, u, p, i] = &columns;
        (e.groups, e.units, e.periods, e.indicators) = (strings(g), strings(u), strings(p), strings(i));
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
        DataSet::new(self.name.clone(), source).with_observations(observations).with_lower_is_better(self.lower.clone())
    }
}

impl EmbeddedTargets {
    pub fn from_sheet(s: &TargetSheet) -> Self {
        EmbeddedTargets {
            name: s.name.clone(),
            rows: s
                .targets
                .iter()
                .map(|t| (t.indicator.clone(), t.text.clone(), LinkOp(Some(t.op)), t.threshold, t.actuals.clone()))
                .collect(),
        }
    }

    pub fn to_sheet(&self, source: &str) -> TargetSheet {
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
                        op: o.0?,
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
            view: Some(View::Trend),
            units: vec!["Hà Nội".into(), "Thừa Thiên Huế".into()],
            my: Some("Hà Nội".into()),
            ind: Some("Chỉ số tổng hợp".into()),
            per: Some("2023".into()),
            lang: Some(Lang::En),
            sort: Some(SortKey::Value),
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
                LinkOp(Some(TargetOp::Gt)),
                80.0,
                vec![("Q1".into(), Some(81.5)), ("Q2".into(), None)],
            )],
        }];
        let with_data = ViewState { view: Some(View::Ranking), data: Some(e), ..Default::default() };
        let cases = [
            ("1.q64FAA", ViewState::default()),
            ("1.TY49CsJAEIWvskwdRbRLJypoI6IpBLEIZk0WkjXsjz-IB7C0sLBSsNMbuIVFTrI38WllN-973wyzp0RTSKP2mA2G3d6UAlqKnIPNaJEJvaoVsa1vc72leUBrwTewjeIygWmlMD-zX93Y0LuLAIwy754xizJRPSTrW_96f1eLHRb_PYETIXVgH5n27sSMd2eZMoB7ib7kCn2z0WwhpKpEmHh3DZhMq5vMAPNYpqBcYtYrZTCv49xyxITrBYVGWR7Q90XqRHT4AA", full.clone()),
            ("1.TVFNSwMxEP0rIeDJWJNtK6UHwS_QS7G1iNDsIdplDa7ZkmbtoRS8iIgnKR482eLJHr0I5rjo_4i_xEkKagbC5L2XN5PJGF_JZISbWAt1IVWKCe4LI3BzjJW4TIA43Oqgg9bu3gniOKJRlWPQpDovBkPc7PnDkbPPOCa4UNIEbL-coZazTxLIbcg7zt4L9H09RcefrypF3XJWACU4P-WKG15QStm6txgkWub9YAK1IhD5kp6Rqi_PhMl1IHfOnb1DQ2cfkHH2ETwBeBl4YZaPEu01XWffUebsreemaPg1R0Y7ewPHj7nyUp2PvFuPkmU06pValUQx6THigxJVZFnYAKMkCtgarfh-yUY1gCxcZclqRP-US5hRkBIWQykjdJqE6fwOdvkGI8tFgeCVNfzX0P_ey5lEWfkWvqary4VCDboC-SYmDW8P6jaDnFXqUBq3YWihDViTeDL5AQ", with_data.clone()),
            // Written by the hand-written JSON writer and deflate compressor of the builds
            // between (JSON with "1e20"; fixed and dynamic Huffman codes).
            ("1.TY47ysJAFIW3Mtw6_4-oVTpRQRsRTSGIRTBjMhDHMA8fiAuwtLCwUrDTHTiFRVYyO_Gojd093_3O5W4p0RRSvzFg3V6rPaKAZiLnYGOaZkIv_uax_V_nek2TgJaCr2AbxWUC00phPmanvLCedycBGGXe3WMWZaK8Sdax_vF8V-cbFH89gRMhNWHvmfbuwIx3R5kygGuBfcEV9tVKtYaQqgJh6N05YDItLzIDzGOZgnKJWS-UwbyMc8sRE66nFBpleUDvF6kZgapa_Qt3Lw", ViewState { r34: true, ..full.clone() }),
            ("1.TVE9SwMxGP4rIeAWa3JtpXQQ_AJdiq1FhOaGaI8zeOZKmrNDKbiIiJMUBydbnOzoIpjx0P8Rf4lvUrAmEN48z5Pn_cgYX8tkhJtYC3UpVYoJ7gsjcHOMlbhKgDja7qDD1t7-KeI4olGVY9CkOi8GQ9zs-cuxsy84JrhQ0gTsoJyhlrPPEsgdiDvOPgj0czNFJ19vKkXdclYAJTg_44obXlBK2Ya3GCRa5v1gArkiEPmUnpGqL8-FyXUgdy-cvUdDZx-RcfYJPAF4HXhhlo8S7TVdZz9Q5uyd56Zo-D1HRjt7C9fPufJSnY-8W4-S5W7UK7UqiWLSY8RvSlSRZeEAjJIoYOu04uslm9UAsvCUJRFdCZcoo6AkLIZMRug0CcP5m-uyBSPLRYGgyRpe1fO_9HImUVa-h5_p6nKhUIOuQbyFScPbg7rNIGaVOqTGbZhZKAPWJJ5MfgE", with_data.clone()),
        ];
        for (hash, state) in cases {
            assert_eq!(decode(hash), Ok(state.clone()), "{hash}");
            assert_eq!(decode(&encode(&state)), Ok(state));
        }
        // The JSON written now is serde_json's, as before the hand-written codec (which wrote
        // "1e20" where serde_json writes "1e+20"; both read back the same, below).
        assert_eq!(
            full.to_json(),
            r#"{"ds":"PAR INDEX","files":["chiso-mau.xlsx"],"view":"trend","units":["Hà Nội","Thừa Thiên Huế"],"my":"Hà Nội","ind":"Chỉ số tổng hợp","per":"2023","grp":"Sở, ngành","lang":"en","sort":"value","desc":true,"ts":"CT"}"#
        );
        let with_data_json = r#"{"view":"ranking","data":{"name":"PAR INDEX \"2023\"","groups":["","Sở"],"units":["Hà Nội","Bà Rịa – Vũng Tàu","a\\b\n\t\u0001/"],"periods":["2022","2023"],"indicators":["Chỉ số tổng hợp"],"lower":["Tỷ lệ hồ sơ trễ hạn"],"rows":[[0,0,0,0,85.43,2],[1,1,1,0,null,null],[0,2,1,0,-0.0001,63],[0,1,0,0,1e20,null],[0,0,1,0,100.0,1]],"targets":[{"name":"Chỉ tiêu 2024","rows":[["Tỷ lệ hài lòng","Trên 80%",">",80.0,[["Q1",81.5],["Q2",null]]]]}]}}"#;
        assert_eq!(with_data.to_json(), with_data_json.replace("1e20", "1e+20"));
        assert_eq!(ViewState::from_json(with_data_json.as_bytes()), Some(with_data.clone()));
    }

    /// What serde refused is refused (wrong types, short rows); what it allowed is allowed.
    #[test]
    fn content_is_checked() {
        let pack = |json: &str| {
            let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), LEVEL);
            format!("1.{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed))
        };
        let open = |json: &str| decode(&pack(json));
        assert_eq!(open(r#"{"view":"trend","future_field":[1,{"x":null}]}"#).map(|s| s.view), Ok(Some(View::Trend)));
        // A view, language, sort or operator of a later build: the link opens without it.
        let later =
            r#"{"view":"slope","lang":"fr","sort":"trend","data":{"targets":[{"rows":[["a","b","~",1.0,[]]]}]}}"#;
        let s = open(later).unwrap();
        assert_eq!((s.view, s.lang, s.sort), (None, None, None));
        assert!(s.data.unwrap().targets[0].to_sheet("f").targets.is_empty());
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
            assert_eq!(open(bad), Err(CodecError::Damaged(Damage::Content)), "{bad}");
        }
    }

    /// The JSON reader: escapes and surrogate pairs read, lone surrogates and hostile depth
    /// refused (no stack overflow), every number back to the same bits.
    #[test]
    fn json_edge_cases() {
        // `my`: a string field (the view is a name of this build's, `View`).
        let my = |json: &str| ViewState::from_json(json.as_bytes()).map(|s| s.my);
        assert_eq!(
            my(r#"{"my":"Hu\u1ebf \ud83d\ude00 \"\\\/\b\f\n\r\t"}"#),
            Some(Some("Huế 😀 \"\\/\u{8}\u{c}\n\r\t".into()))
        );
        for bad in [r#"{"my":"\ud800"}"#, r#"{"my":"\udc00"}"#, r#"{"my":"\u12"}"#, "{\"my\":\"a\nb\"}"] {
            assert_eq!(my(bad), None, "{bad}");
        }
        let view = |json: &str| ViewState::from_json(json.as_bytes()).map(|s| s.view);
        // Too deep where a field is read; skipped without recursion where none is.
        let deep = |field: &str| format!("{{\"{field}\":{}{}}}", "[".repeat(1_000_000), "]".repeat(1_000_000));
        assert_eq!(view(&deep("units")), None);
        assert_eq!(view(&deep("future_field")), Some(None));
        for v in [0.0, -0.0, 1.0, 85.43, -0.0001, 1e20, 1e-300, f64::MAX, f64::MIN_POSITIVE, 1.0 / 3.0, 0.1 + 0.2] {
            let s = ViewState {
                data: Some(Embedded { rows: vec![(0, 0, 0, 0, Some(v), None)], ..Default::default() }),
                ..Default::default()
            };
            let back = ViewState::from_json(s.to_json().as_bytes()).and_then(|s| s.data).map(|e| e.rows[0].4);
            assert_eq!(back.flatten().map(f64::to_bits), Some(v.to_bits()), "{v:?}");
        }
    }

    /// Joins and splits by hand travel in the link; a link without them is written as before.
    #[test]
    fn joins_and_splits_round_trip() {
        let s = ViewState {
            join: vec![("KẾT QUẢ 2024".into(), "KẾT QUẢ 2025".into())],
            split: vec!["A".into(), "B \"2\"".into()],
            ..sample_state()
        };
        assert_eq!(decode(&encode(&s)), Ok(s.clone()));
        let json = s.to_json();
        assert!(json.ends_with(r#","join":[["KẾT QUẢ 2024","KẾT QUẢ 2025"]],"split":["A","B \"2\""]}"#), "{json}");
        assert!(!sample_state().to_json().contains("join"));
        assert!(!sample_state().to_json().contains("split"));
        // Read from a link written before the fields existed, and with them null-free.
        assert_eq!(ViewState::from_json(br#"{"join":[],"split":[]}"#), Some(ViewState::default()));
        assert_eq!(ViewState::from_json(br#"{"join":[["a"]]}"#), None);
    }

    #[test]
    fn bad_hashes_are_errors() {
        let h = encode(&sample_state());
        assert_eq!(decode(""), Err(CodecError::NotALink));
        assert_eq!(decode("hello"), Err(CodecError::NotALink));
        assert_eq!(decode("9.abc"), Err(CodecError::FutureVersion(9)));
        assert!(matches!(decode(&h[..h.len() / 2]), Err(CodecError::Damaged(_))));
        assert!(matches!(decode("1.!!!"), Err(CodecError::Damaged(Damage::Base64))));
        // A compressed bomb: a huge run of zeros.
        let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(&vec![b' '; 8 * 1024 * 1024]).unwrap();
        let bomb = format!("1.{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(z.finish().unwrap()));
        assert_eq!(decode(&bomb), Err(CodecError::Damaged(Damage::Size)));
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
            given_ranks: Vec::new(),
            summary: Default::default(),
        };
        let e = Embedded::from_dataset(&d, |_| true);
        let s = ViewState { data: Some(e), ..Default::default() };
        let back = decode(&encode(&s)).unwrap().data.unwrap().to_dataset("f.xlsx");
        assert_eq!(back, d);
    }

    proptest! {
        #[test]
        fn any_state_round_trips(units in proptest::collection::vec("\\\\PC{0,12}", 0..5), view in proptest::option::of(proptest::sample::select(View::ALL.to_vec())), desc: bool, per in proptest::option::of("[0-9]{4}")) {
            let s = ViewState { units, view, desc, per, ..Default::default() };
            prop_assert_eq!(decode(&encode(&s)), Ok(s));
        }

        #[test]
        fn any_number_round_trips(v in any::<f64>().prop_filter("finite", |v| v.is_finite())) {
            let s = ViewState { data: Some(Embedded { rows: vec![(0, 0, 0, 0, Some(v), None)], ..Default::default() }), ..Default::default() };
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
