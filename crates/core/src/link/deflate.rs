//! A small deflate (RFC 1951) compressor for the view state in the address: LZ77 with hash
//! chains and one-step lazy matching, written as one block with Huffman codes fitted to the
//! data (or the fixed codes when shorter).
//! Any inflater reads it (the codec uses flate2's, which the page has anyway for xlsx).
//! flate2's own compressor (zlib-rs) cost ~10 KB of brotli in the page for a few hundred
//! bytes of JSON per link; on view states this writes within 5 % of its best level
//! (a test measures it).

const WINDOW: usize = 32 * 1024;
const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 258;
const MAX_CHAIN: usize = 256;
const HASH_BITS: u32 = 15;

const LEN_BASE: [u16; 29] =
    [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEN_EXTRA: [u8; 29] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
    8193, 12289, 16385, 24577,
];
const DIST_EXTRA: [u8; 30] =
    [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    /// Appends the low `len` bits of `v`, least significant first (deflate's bit order).
    fn put(&mut self, v: u32, len: u32) {
        self.acc |= (v as u64) << self.n;
        self.n += len;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    /// A Huffman code: written from its most significant bit.
    fn code(&mut self, code: u32, len: u32) {
        self.put(code.reverse_bits() >> (32 - len), len);
    }

    /// A literal/length symbol in the fixed code (RFC 1951, 3.2.6).
    fn symbol(&mut self, s: u32) {
        match s {
            0..=143 => self.code(0x30 + s, 8),
            144..=255 => self.code(0x190 + s - 144, 9),
            256..=279 => self.code(s - 256, 7),
            _ => self.code(0xC0 + s - 280, 8),
        }
    }
}

struct Matcher<'a> {
    data: &'a [u8],
    head: Vec<u32>,
    prev: Vec<u32>,
    inserted: usize,
}

impl Matcher<'_> {
    fn hash(&self, i: usize) -> usize {
        let d = self.data;
        let v = (d[i] as u32) << 16 | (d[i + 1] as u32) << 8 | d[i + 2] as u32;
        (v.wrapping_mul(0x9E37_79B1) >> (32 - HASH_BITS)) as usize
    }

    /// Adds every position before `upto` to the hash chains.
    fn insert_upto(&mut self, upto: usize) {
        while self.inserted < upto && self.inserted + MIN_MATCH <= self.data.len() {
            let h = self.hash(self.inserted);
            self.prev[self.inserted] = self.head[h];
            self.head[h] = self.inserted as u32 + 1;
            self.inserted += 1;
        }
    }

    /// The longest earlier match at `i`: (length, distance), length 0 when none.
    fn longest(&mut self, i: usize) -> (usize, usize) {
        let d = self.data;
        if i + MIN_MATCH > d.len() {
            return (0, 0);
        }
        self.insert_upto(i);
        let max = (d.len() - i).min(MAX_MATCH);
        let (mut best, mut dist) = (0, 0);
        let mut cand = self.head[self.hash(i)] as usize;
        for _ in 0..MAX_CHAIN {
            if cand == 0 || i - (cand - 1) > WINDOW {
                break;
            }
            let j = cand - 1;
            if d[j + best] == d[i + best] {
                let len = d[j..j + max].iter().zip(&d[i..i + max]).take_while(|(a, b)| a == b).count();
                if len > best {
                    (best, dist) = (len, i - j);
                    if len == max {
                        break;
                    }
                }
            }
            cand = self.prev[j] as usize;
        }
        if best < MIN_MATCH {
            (0, 0)
        } else {
            (best, dist)
        }
    }
}

enum Token {
    Literal(u8),
    Match(u16, u16),
}

fn len_index(len: usize) -> usize {
    LEN_BASE.iter().rposition(|&b| b as usize <= len).unwrap_or(0)
}

fn dist_index(dist: usize) -> usize {
    DIST_BASE.iter().rposition(|&b| b as usize <= dist).unwrap_or(0)
}

/// LZ77: literals and (length, distance) matches.
fn tokens(data: &[u8]) -> Vec<Token> {
    let mut out = Vec::with_capacity(data.len() / 3);
    let mut m = Matcher { data, head: vec![0; 1 << HASH_BITS], prev: vec![0; data.len()], inserted: 0 };
    let mut i = 0;
    while i < data.len() {
        let (len, dist) = m.longest(i);
        // Lazy matching: a longer match one byte on is worth a literal first.
        if len >= MIN_MATCH && (len >= MAX_MATCH || m.longest(i + 1).0 <= len) {
            out.push(Token::Match(len as u16, dist as u16));
            i += len;
        } else {
            out.push(Token::Literal(data[i]));
            i += 1;
        }
    }
    out
}

/// Code lengths of a Huffman code for `freq`, none longer than `limit` (frequencies are
/// halved until the tree fits). At least two symbols get a code, so the code is complete.
fn code_lengths(freq: &[u32], limit: u8) -> Vec<u8> {
    let mut f = freq.to_vec();
    for k in 0..f.len().min(2) {
        if f.iter().filter(|&&x| x > 0).count() < 2 && f[k] == 0 {
            f[k] = 1;
        }
    }
    loop {
        // Nodes 0..n are the symbols; merged nodes follow. `parent` of the root stays MAX.
        let n = f.len();
        let mut parent = vec![usize::MAX; n];
        let mut live: Vec<(u64, usize)> = (0..n).filter(|&i| f[i] > 0).map(|i| (f[i] as u64, i)).collect();
        while live.len() > 1 {
            live.sort_unstable_by(|a, b| b.cmp(a));
            let (wa, a) = live.pop().unwrap_or_default();
            let (wb, b) = live.pop().unwrap_or_default();
            let id = parent.len();
            parent.push(usize::MAX);
            parent[a] = id;
            parent[b] = id;
            live.push((wa + wb, id));
        }
        let lengths: Vec<u8> = (0..n)
            .map(|i| {
                if f[i] == 0 {
                    return 0;
                }
                let (mut depth, mut at) = (0u32, i);
                while parent[at] != usize::MAX {
                    at = parent[at];
                    depth += 1;
                }
                depth.min(255) as u8
            })
            .collect();
        if lengths.iter().all(|&l| l <= limit) {
            return lengths;
        }
        for x in f.iter_mut().filter(|x| **x > 0) {
            *x = x.div_ceil(2);
        }
    }
}

/// Canonical codes from code lengths (RFC 1951, 3.2.2).
fn canonical(lengths: &[u8]) -> Vec<u32> {
    let mut count = [0u32; 16];
    for &l in lengths {
        count[l as usize] += 1;
    }
    count[0] = 0;
    let mut next = [0u32; 16];
    let mut code = 0;
    for bits in 1..16 {
        code = (code + count[bits - 1]) << 1;
        next[bits] = code;
    }
    lengths
        .iter()
        .map(|&l| {
            let c = next[l as usize];
            next[l as usize] += 1;
            c
        })
        .collect()
}

/// Code lengths run-length coded with symbols 0..=18: (symbol, extra bits value).
fn rle(lengths: &[u8]) -> Vec<(u8, u8)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lengths.len() {
        let l = lengths[i];
        let run = lengths[i..].iter().take_while(|&&x| x == l).count();
        if l == 0 && run >= 11 {
            let r = run.min(138);
            out.push((18, (r - 11) as u8));
            i += r;
        } else if l == 0 && run >= 3 {
            out.push((17, (run - 3) as u8));
            i += run;
        } else if l != 0 && run >= 4 {
            out.push((l, 0));
            let r = (run - 1).min(6);
            out.push((16, (r - 3) as u8));
            i += 1 + r;
        } else {
            out.push((l, 0));
            i += 1;
        }
    }
    out
}

const CL_ORDER: [usize; 19] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

fn write_tokens(bits: &mut Bits, tokens: &[Token], lit: &dyn Fn(&mut Bits, u32), dist: &dyn Fn(&mut Bits, u32)) {
    for t in tokens {
        match *t {
            Token::Literal(b) => lit(bits, b as u32),
            Token::Match(len, d) => {
                let (len, d) = (len as usize, d as usize);
                let li = len_index(len);
                lit(bits, 257 + li as u32);
                bits.put((len - LEN_BASE[li] as usize) as u32, LEN_EXTRA[li] as u32);
                let di = dist_index(d);
                dist(bits, di as u32);
                bits.put((d - DIST_BASE[di] as usize) as u32, DIST_EXTRA[di] as u32);
            }
        }
    }
    lit(bits, 256);
}

fn finish(mut bits: Bits) -> Vec<u8> {
    if bits.n > 0 {
        bits.out.push(bits.acc as u8);
    }
    bits.out
}

/// Compresses `data` into a raw deflate stream (no zlib or gzip header): one block with
/// Huffman codes fitted to the data, or the fixed codes when those come out shorter.
pub fn deflate(data: &[u8]) -> Vec<u8> {
    let tokens = tokens(data);

    let mut fixed = Bits { out: Vec::with_capacity(data.len() / 2 + 16), acc: 0, n: 0 };
    fixed.put(1, 1); // the last block
    fixed.put(1, 2); // fixed codes
    write_tokens(&mut fixed, &tokens, &|b, s| b.symbol(s), &|b, d| b.code(d, 5));

    let mut lit_freq = vec![0u32; 286];
    let mut dist_freq = vec![0u32; 30];
    lit_freq[256] = 1;
    for t in &tokens {
        match *t {
            Token::Literal(b) => lit_freq[b as usize] += 1,
            Token::Match(len, d) => {
                lit_freq[257 + len_index(len as usize)] += 1;
                dist_freq[dist_index(d as usize)] += 1;
            }
        }
    }
    let lit_len = code_lengths(&lit_freq, 15);
    let dist_len = code_lengths(&dist_freq, 15);
    let hlit = 257.max(lit_len.iter().rposition(|&l| l > 0).unwrap_or(0) + 1);
    let hdist = 1.max(dist_len.iter().rposition(|&l| l > 0).unwrap_or(0) + 1);
    let mut all = lit_len[..hlit].to_vec();
    all.extend_from_slice(&dist_len[..hdist]);
    let runs = rle(&all);
    let mut cl_freq = vec![0u32; 19];
    for &(s, _) in &runs {
        cl_freq[s as usize] += 1;
    }
    let cl_len = code_lengths(&cl_freq, 7);
    let cl_code = canonical(&cl_len);
    let hclen = 4.max(CL_ORDER.iter().rposition(|&s| cl_len[s] > 0).unwrap_or(0) + 1);

    let mut dynamic = Bits { out: Vec::with_capacity(fixed.out.len()), acc: 0, n: 0 };
    dynamic.put(1, 1);
    dynamic.put(2, 2); // dynamic codes
    dynamic.put((hlit - 257) as u32, 5);
    dynamic.put((hdist - 1) as u32, 5);
    dynamic.put((hclen - 4) as u32, 4);
    for &s in &CL_ORDER[..hclen] {
        dynamic.put(cl_len[s] as u32, 3);
    }
    for &(s, extra) in &runs {
        dynamic.code(cl_code[s as usize], cl_len[s as usize] as u32);
        match s {
            16 => dynamic.put(extra as u32, 2),
            17 => dynamic.put(extra as u32, 3),
            18 => dynamic.put(extra as u32, 7),
            _ => {}
        }
    }
    let (lit_code, dist_code) = (canonical(&lit_len), canonical(&dist_len));
    write_tokens(&mut dynamic, &tokens, &|b, s| b.code(lit_code[s as usize], lit_len[s as usize] as u32), &|b, d| {
        b.code(dist_code[d as usize], dist_len[d as usize] as u32)
    });

    let (fixed, dynamic) = (finish(fixed), finish(dynamic));
    if dynamic.len() < fixed.len() {
        dynamic
    } else {
        fixed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::io::{Read, Write};

    fn inflate(packed: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::DeflateDecoder::new(packed).read_to_end(&mut out).expect("a valid deflate stream");
        out
    }

    fn best(data: &[u8]) -> usize {
        let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(data).unwrap();
        z.finish().unwrap().len()
    }

    #[test]
    fn round_trips_edge_inputs() {
        let long_run = vec![b'a'; 100_000];
        let mut far = vec![0u8; 70_000];
        for (k, b) in far.iter_mut().enumerate() {
            *b = (k.wrapping_mul(2_654_435_761) >> 13) as u8;
        }
        far.extend_from_within(..300); // a repeat beyond the 32 KB window
        far.extend_from_within(40_000..40_300); // and one within it
        let cases: Vec<Vec<u8>> = vec![
            vec![],
            b"a".to_vec(),
            b"ab".to_vec(),
            b"abcabcabcabc".to_vec(),
            long_run.clone(),
            far,
            "Bà Rịa – Vũng Tàu, Thừa Thiên Huế, Đắk Lắk".repeat(50).into_bytes(),
            (0..=255u8).collect(),
        ];
        for data in &cases {
            assert_eq!(&inflate(&deflate(data)), data, "{} bytes", data.len());
        }
        assert!(deflate(&long_run).len() < 1_000, "a run compresses: {}", deflate(&long_run).len());
    }

    /// The cost of the fixed codes on what the codec compresses: a view state carrying the
    /// rows of 63 provinces × 5 years, as JSON.
    #[test]
    fn close_to_the_best_level_on_view_states() {
        let mut json = String::from(r#"{"view":"ranking","data":{"name":"PAR INDEX","units":["#);
        for k in 0..63 {
            json.push_str(&format!("\"Tỉnh số {k} – Thừa Thiên Huế\","));
        }
        json.push_str(r#""x"],"rows":["#);
        for k in 0..315u32 {
            let v = 70.0 + ((k * 7919) % 2500) as f64 / 100.0;
            json.push_str(&format!("[0,{},{},0,{v:?},{}],", k % 63, k / 63, 1 + (k * 31) % 63));
        }
        json.push_str("[0,0,0,0,null,null]]}}");
        let ours = deflate(json.as_bytes()).len();
        let theirs = best(json.as_bytes());
        assert_eq!(inflate(&deflate(json.as_bytes())), json.as_bytes());
        assert!(ours as f64 <= theirs as f64 * 1.05, "ours {ours} bytes, best {theirs} of {}", json.len());
    }

    proptest! {
        #[test]
        fn any_bytes_round_trip(data in proptest::collection::vec(any::<u8>(), 0..2000)) {
            prop_assert_eq!(inflate(&deflate(&data)), data);
        }

        #[test]
        fn repetitive_bytes_round_trip(seed in proptest::collection::vec(0u8..4, 1..40), reps in 1usize..200) {
            let data: Vec<u8> = seed.iter().cycle().take(seed.len() * reps).copied().collect();
            prop_assert_eq!(inflate(&deflate(&data)), data);
        }
    }
}
