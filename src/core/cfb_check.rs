//! A structural check of OLE compound files (.xls, encrypted .xlsx) before calamine reads
//! them. calamine follows sector chains without guarding against cycles, so a crafted or
//! damaged file can make it loop and grow memory without end (found by fuzzing). Here every
//! chain it will follow is walked once, with a visited set and length bounds.

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const FREESECT: u32 = 0xFFFF_FFFF;
const MAX_REGULAR: u32 = 0xFFFF_FFFA;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

struct File<'a> {
    bytes: &'a [u8],
    size: usize,
}

impl File<'_> {
    fn sector(&self, id: u32) -> Option<&[u8]> {
        let start = (id as usize).checked_add(1)?.checked_mul(self.size)?;
        self.bytes.get(start..start.checked_add(self.size)?)
    }

    fn words(&self, id: u32) -> Option<Vec<u32>> {
        let s = self.sector(id)?;
        Some(s.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
    }
}

/// Walks a chain through a table; `None` on a cycle, a link outside the table or a chain
/// longer than the table.
fn chain(table: &[u32], start: u32) -> Option<Vec<u32>> {
    let mut seen = vec![false; table.len()];
    let mut out = Vec::new();
    let mut id = start;
    while id != ENDOFCHAIN && id != FREESECT {
        if id >= MAX_REGULAR {
            return None;
        }
        let i = id as usize;
        if i >= table.len() || seen[i] {
            return None;
        }
        seen[i] = true;
        out.push(id);
        id = table[i];
    }
    Some(out)
}

/// `Err` with a reason when the compound file's chains are not sound.
pub fn check(bytes: &[u8]) -> Result<(), &'static str> {
    let shift = u16_at(bytes, 0x1E).ok_or("header")?;
    if shift != 9 && shift != 12 {
        return Err("sector size");
    }
    let f = File { bytes, size: 1 << shift };
    let sectors_in_file = bytes.len() / f.size;
    // DIFAT: 109 entries in the header, then a chain of DIFAT sectors.
    let mut difat: Vec<u32> = (0..109).filter_map(|k| u32_at(bytes, 0x4C + 4 * k)).collect();
    let mut next = u32_at(bytes, 0x44).ok_or("header")?;
    let mut seen = std::collections::HashSet::new();
    while next < MAX_REGULAR {
        if !seen.insert(next) || seen.len() > sectors_in_file {
            return Err("DIFAT cycle");
        }
        let mut words = f.words(next).ok_or("DIFAT beyond the end")?;
        next = words.pop().ok_or("DIFAT")?;
        difat.extend(words);
    }
    let mut fat = Vec::new();
    for id in difat.into_iter().filter(|id| *id < MAX_REGULAR) {
        fat.extend(f.words(id).ok_or("FAT beyond the end")?);
        if fat.len() > sectors_in_file * 2 + 1024 {
            return Err("FAT larger than the file");
        }
    }
    let dir_start = u32_at(bytes, 0x30).ok_or("header")?;
    let dir_chain = chain(&fat, dir_start).ok_or("directory chain")?;
    let cutoff = u32_at(bytes, 0x38).ok_or("header")? as u64;
    let minifat_start = u32_at(bytes, 0x3C).ok_or("header")?;
    chain(&fat, minifat_start).ok_or("mini FAT chain")?;
    for id in dir_chain {
        let sector = f.sector(id).ok_or("directory beyond the end")?;
        for (k, entry) in sector.chunks_exact(128).enumerate() {
            let kind = entry[0x42];
            if kind == 0 {
                continue;
            }
            let start = u32_at(entry, 0x74).ok_or("entry")?;
            let size = u32_at(entry, 0x78).ok_or("entry")? as u64;
            // The root entry's stream (the mini stream) and large streams live in the FAT.
            let is_root = kind == 5 || (k == 0 && id == dir_start);
            if is_root || size >= cutoff {
                let c = chain(&fat, start).ok_or("stream chain")?;
                if size > c.len() as u64 * f.size as u64 {
                    return Err("stream longer than its chain");
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chains_with_cycles_are_refused() {
        assert_eq!(chain(&[1, 2, ENDOFCHAIN], 0), Some(vec![0, 1, 2]));
        assert_eq!(chain(&[1, 0], 0), None);
        assert_eq!(chain(&[5], 0), None);
        assert_eq!(chain(&[], ENDOFCHAIN), Some(vec![]));
    }
}
