//! A data set's observations as serde sees them (`#[serde(with)]` on
//! [`DataSet::observations`](crate::model::DataSet), and the import worker's parts,
//! [`crate::wire`]): the distinct texts, then one row `(group, unit, period, indicator,
//! value, rank)` per observation, names as numbers into the texts. Decoding gives every
//! observation of a text the same [`Text`].
use serde::de::{self, DeserializeSeed, SeqAccess, Visitor};
use serde::{Deserializer, Serialize, Serializer};

use crate::model::{ByObject, Interner, Observation, Text};

/// The rank as a number, 0 for none (a byte less than an option).
type Row = (u32, u32, u32, u32, Option<f64>, u64);

pub fn serialize<S: Serializer>(observations: &[Observation], s: S) -> Result<S::Ok, S::Error> {
    // Observations share text objects: numbered by object, one look-up of an address per
    // field, the letters only of an object not seen before.
    let mut numbers: ByObject<4> = ByObject::default();
    let mut id = |column: usize, text: &Text| numbers.id(column, text).0;
    let ids: Vec<[u32; 4]> =
        observations.iter().map(|o| [id(0, &o.group), id(1, &o.unit), id(2, &o.period), id(3, &o.indicator)]).collect();
    let rows = Rows(observations, &ids);
    let texts: Vec<&str> = numbers.texts().iter().map(Text::as_str).collect();
    (texts, rows).serialize(s)
}

struct Rows<'a>(&'a [Observation], &'a [[u32; 4]]);

impl Serialize for Rows<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let rank = |o: &Observation| o.rank.map_or(0, |r| u64::from(r) + 1);
        s.collect_seq(self.0.iter().zip(self.1).map(|(o, &[g, u, p, i])| (g, u, p, i, o.value, rank(o))))
    }
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Observation>, D::Error> {
    Observations { shared: None, most: 1 << 16 }.deserialize(d)
}

/// Reading observations with what the reader knows beyond the bytes: the texts that earlier
/// parts of the same outcome gave out (`shared`: a part's texts are swapped for them, so
/// that a whole data set shares one [`Text`] per name, as one buffer would have given it —
/// views find units by the text's address, and a commune's name is kept once, not once a
/// part); and `most`, the most rows the bytes can hold (the stated count is reserved up to
/// it, never trusted further).
pub struct Observations<'s> {
    pub shared: Option<&'s mut Interner>,
    pub most: usize,
}

impl<'de> DeserializeSeed<'de> for Observations<'_> {
    type Value = Vec<Observation>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_tuple(2, self)
    }
}

impl<'de> Visitor<'de> for Observations<'_> {
    type Value = Vec<Observation>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("texts and rows")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut texts: Vec<Text> = seq.next_element()?.ok_or_else(|| de::Error::invalid_length(0, &self))?;
        if let Some(shared) = self.shared {
            for text in &mut texts {
                let id = shared.id_of(text);
                *text = shared.text(id);
            }
        }
        let rows = RowsOf { texts: &texts, most: self.most };
        seq.next_element_seed(rows)?.ok_or_else(|| de::Error::invalid_length(1, &"texts and rows"))
    }
}

/// The rows, with the texts they number.
struct RowsOf<'t> {
    texts: &'t [Text],
    most: usize,
}

impl<'de> DeserializeSeed<'de> for RowsOf<'_> {
    type Value = Vec<Observation>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for RowsOf<'_> {
    type Value = Vec<Observation>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("rows")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let text = |k: u32| self.texts.get(k as usize).cloned().ok_or_else(|| de::Error::custom("unknown text"));
        // The count is the sender's word: reserved at once (2.1 million rows grown by
        // doubling held twice their size in the page's memory, which never shrinks), but
        // no more than the bytes can hold.
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(self.most.max(1 << 16)));
        while let Some((g, u, p, i, value, rank)) = seq.next_element::<Row>()? {
            let rank = match rank.checked_sub(1) {
                Some(r) => Some(u32::try_from(r).map_err(|_| de::Error::custom("bad rank"))?),
                None => None,
            };
            out.push(Observation {
                group: text(g)?,
                unit: text(u)?,
                period: text(p)?,
                indicator: text(i)?,
                value,
                rank,
            });
        }
        Ok(out)
    }
}
