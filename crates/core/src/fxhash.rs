//! A fast hash for the import's internal maps (names, keys of cells), in the manner of
//! rustc's FxHash: a multiply and a rotate per word, and a finaliser that mixes every bit. The standard SipHash resists crafted
//! collisions but took a tenth of a large import; a crafted file here can at worst slow its
//! own import, which runs in the worker, is bounded by the cell limit, and can be cancelled.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub type FxSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

#[derive(Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last) ^ ((rest.len() as u64) << 56));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // The multiply carries differences only upwards, and the table indexes by the
        // bottom bits: mix the state once at the end (MurmurHash3's finaliser).
        let mut h = self.hash;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// Numbers distinct texts from 0 in first-seen order. Texts of a field of the observations
/// come in runs (a unit's rows, a period's columns): a repeat costs one comparison, not a hash.
#[derive(Default)]
pub struct Numbers<'a> {
    ids: FxMap<&'a str, u32>,
    last: Option<(&'a str, u32)>,
}

impl<'a> Numbers<'a> {
    pub fn id(&mut self, t: &'a str) -> u32 {
        if let Some((l, v)) = self.last {
            if l == t {
                return v;
            }
        }
        let n = self.ids.len() as u32;
        let v = *self.ids.entry(t).or_insert(n);
        self.last = Some((t, v));
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_work_and_texts_spread() {
        let mut m: FxMap<String, usize> = FxMap::default();
        for i in 0..10_000 {
            m.insert(format!("Xã số {i:04}"), i);
        }
        assert_eq!(m.len(), 10_000);
        assert_eq!(m["Xã số 0042"], 42);
        // Texts differing in one byte, or only in length, hash apart.
        let h = |s: &str| {
            let mut x = FxHasher::default();
            x.write(s.as_bytes());
            x.finish()
        };
        assert_ne!(h("Hà Nội"), h("Hà Nộj"));
        assert_ne!(h("a"), h("a\0"));
        // 10,000 names in 16,384 buckets: a uniform hash fills about 7,460 of them, by the
        // high bits (hashbrown's tags) and by the low bits (its index) alike.
        for bucket in [|x: u64| x >> 50, |x: u64| x & 0x3fff] {
            let used: FxSet<u64> = (0..10_000).map(|i| bucket(h(&format!("Đơn vị {i}")))).collect();
            assert!(used.len() > 7_000, "{} of 16384 buckets", used.len());
        }
    }
}
