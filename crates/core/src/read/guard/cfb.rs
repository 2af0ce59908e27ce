//! A structural check of OLE compound files (.xls, encrypted .xlsx) before calamine reads
//! them. Two things fuzzing found: calamine follows sector chains without guarding against
//! cycles (a crafted file makes it loop and grow memory without end), and it reserves
//! memory for the cells a sheet's DIMENSIONS record claims (billions, so the allocation
//! aborts). Here every chain is walked once with a visited set and length bounds, and the
//! workbook stream's DIMENSIONS records are read and bounded before calamine sees them.

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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The file ends before what its structure points to.
    Truncated,
    /// A sheet claims more cells than the limit.
    TooManyCells,
    Broken(&'static str),
}

impl From<&'static str> for Problem {
    fn from(why: &'static str) -> Problem {
        if why.contains("beyond the end") {
            Problem::Truncated
        } else {
            Problem::Broken(why)
        }
    }
}

/// `Err` when the compound file's chains are not sound or a sheet claims too many cells.
pub fn check(bytes: &[u8], max_cells: u64) -> Result<(), Problem> {
    let workbook = structure(bytes)?;
    if let Some(stream) = workbook {
        biff_records_sound(&stream)?;
        if biff_claims_cells(&stream) > max_cells {
            return Err(Problem::TooManyCells);
        }
    }
    Ok(())
}

/// Records calamine reads at fixed offsets without checking their length (found by
/// fuzzing): a short one would make it index past the end and panic.
fn biff_records_sound(stream: &[u8]) -> Result<(), Problem> {
    let mut at = 0;
    while at + 4 <= stream.len() {
        let typ = u16::from_le_bytes([stream[at], stream[at + 1]]);
        let len = u16::from_le_bytes([stream[at + 2], stream[at + 3]]) as usize;
        let data = &stream[at + 4..(at + 4 + len).min(stream.len())];
        // BOF: calamine reads its version from the first two bytes.
        if typ == 0x0809 && data.len() < 2 {
            return Err(Problem::Broken("BOF record"));
        }
        // BoundSheet8: calamine reads 6 bytes, then slices the stream at the sheet's
        // offset without checking it lies inside the stream.
        if typ == 0x0085 {
            let pos = u32_at(data, 0).ok_or("sheet record")? as usize;
            if data.len() < 6 || pos > stream.len() {
                return Err(Problem::Broken("sheet record"));
            }
        }
        // Lbl (a defined name): calamine reads its lengths from the first 6 bytes.
        if typ == 0x0018 && data.len() < 6 {
            return Err(Problem::Broken("defined name record"));
        }
        // MERGEDCELLS: a count, then 8 bytes per merged range.
        if typ == 0x00E5 {
            let count = u16_at(data, 0).ok_or("merged cells record")? as usize;
            if 2 + count * 8 > data.len() {
                return Err(Problem::Broken("merged cells record"));
            }
        }
        at += 4 + len;
    }
    Ok(())
}

/// The most cells calamine would allocate for one sheet of a BIFF stream: the largest
/// DIMENSIONS record (counted the way calamine counts it, wrapping as its release build
/// does), and the bounding box of each sheet's cell records (calamine makes a dense range
/// of it).
fn biff_claims_cells(stream: &[u8]) -> u64 {
    let mut at = 0;
    let mut most = 0u64;
    // (min row, min col, max row, max col) of the current sheet's cells.
    let mut bbox: Option<(u32, u32, u32, u32)> = None;
    let area =
        |b: Option<(u32, u32, u32, u32)>| b.map_or(0, |(r0, c0, r1, c1)| (r1 - r0 + 1) as u64 * (c1 - c0 + 1) as u64);
    while at + 4 <= stream.len() {
        let typ = u16::from_le_bytes([stream[at], stream[at + 1]]);
        let len = u16::from_le_bytes([stream[at + 2], stream[at + 3]]) as usize;
        let data = &stream[at + 4..(at + 4 + len).min(stream.len())];
        match typ {
            // BOF: a new substream (sheet) starts.
            0x0809 => {
                most = most.max(area(bbox));
                bbox = None;
            }
            0x0200 => {
                let dims = match data.len() {
                    10 => Some((
                        u16_at(data, 0).map(u32::from),
                        u16_at(data, 2).map(u32::from),
                        u16_at(data, 4).map(u32::from),
                        u16_at(data, 6).map(u32::from),
                    )),
                    14 | 16 => Some((
                        u32_at(data, 0),
                        u32_at(data, 4),
                        u16_at(data, 8).map(u32::from),
                        u16_at(data, 10).map(u32::from),
                    )),
                    _ => None,
                };
                if let Some((Some(rf), Some(rl), Some(mut cf), Some(cl))) = dims {
                    if cf > 0xFF || cl < cf {
                        cf = 0;
                    }
                    let (rows, cols) = if rl >= 1 && cl >= 1 {
                        (
                            (rl - 1).wrapping_sub(rf).wrapping_add(1) as u64,
                            (cl - 1).wrapping_sub(cf).wrapping_add(1) as u64,
                        )
                    } else {
                        (1, 1)
                    };
                    most = most.max(rows.saturating_mul(cols));
                }
            }
            // Cell records: Formula, Blank, Number, Label, BoolErr, RK, LabelSst, MulRk, MulBlank.
            0x0006 | 0x0201 | 0x0203 | 0x0204 | 0x0205 | 0x027E | 0x00FD | 0x00BD | 0x00BE => {
                if let (Some(r), Some(c)) = (u16_at(data, 0), u16_at(data, 2)) {
                    let (r, c) = (r as u32, c as u32);
                    // MulRk and MulBlank end with their last column.
                    let last = if matches!(typ, 0x00BD | 0x00BE) && data.len() >= 6 {
                        u16_at(data, data.len() - 2).map_or(c, |l| (l as u32).max(c))
                    } else {
                        c
                    };
                    bbox = Some(match bbox {
                        None => (r, c, r, last),
                        Some((r0, c0, r1, c1)) => (r0.min(r), c0.min(c), r1.max(r), c1.max(last)),
                    });
                }
            }
            _ => {}
        }
        at += 4 + len;
    }
    most.max(area(bbox))
}

/// Checks every chain; returns the workbook stream ("Workbook" or "Book") if there is one.
fn structure(bytes: &[u8]) -> Result<Option<Vec<u8>>, Problem> {
    let shift = u16_at(bytes, 0x1E).ok_or("header")?;
    if shift != 9 && shift != 12 {
        return Err("sector size".into());
    }
    let f = File { bytes, size: 1 << shift };
    let sectors_in_file = bytes.len() / f.size;
    // DIFAT: 109 entries in the header, then a chain of DIFAT sectors.
    let mut difat: Vec<u32> = (0..109).filter_map(|k| u32_at(bytes, 0x4C + 4 * k)).collect();
    let mut next = u32_at(bytes, 0x44).ok_or("header")?;
    let mut seen = std::collections::HashSet::new();
    while next < MAX_REGULAR {
        if !seen.insert(next) || seen.len() > sectors_in_file {
            return Err("DIFAT cycle".into());
        }
        let mut words = f.words(next).ok_or("DIFAT beyond the end")?;
        next = words.pop().ok_or("DIFAT")?;
        difat.extend(words);
    }
    let mut fat = Vec::new();
    for id in difat.into_iter().filter(|id| *id < MAX_REGULAR) {
        fat.extend(f.words(id).ok_or("FAT beyond the end")?);
        if fat.len() > sectors_in_file * 2 + 1024 {
            return Err("FAT larger than the file".into());
        }
    }
    let dir_start = u32_at(bytes, 0x30).ok_or("header")?;
    let dir_chain = chain(&fat, dir_start).ok_or("directory chain")?;
    let cutoff = u32_at(bytes, 0x38).ok_or("header")? as u64;
    let minifat_start = u32_at(bytes, 0x3C).ok_or("header")?;
    let minifat_chain = chain(&fat, minifat_start).ok_or("mini FAT chain")?;
    let read = |c: &[u32], size: u64| -> Result<Vec<u8>, Problem> {
        let mut out = Vec::with_capacity(size.min(bytes.len() as u64) as usize);
        for id in c {
            out.extend_from_slice(f.sector(*id).ok_or("stream beyond the end")?);
        }
        out.truncate(size as usize);
        Ok(out)
    };
    let mut root_stream = Vec::new();
    let mut workbook: Option<(u32, u64)> = None;
    for id in dir_chain {
        let sector = f.sector(id).ok_or("directory beyond the end")?;
        for entry in sector.chunks_exact(128) {
            let kind = entry[0x42];
            if kind == 0 {
                continue;
            }
            let start = u32_at(entry, 0x74).ok_or("entry")?;
            let size = u32_at(entry, 0x78).ok_or("entry")? as u64;
            let name_len = (u16_at(entry, 0x40).unwrap_or(0) as usize).min(64);
            let name: String =
                char::decode_utf16(entry[..name_len].chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])))
                    .map(|c| c.unwrap_or('?'))
                    .collect();
            // The root entry's stream (the mini stream) and large streams live in the FAT.
            if kind == 5 || size >= cutoff {
                let c = chain(&fat, start).ok_or("stream chain")?;
                if size > c.len() as u64 * f.size as u64 {
                    return Err("stream longer than its chain".into());
                }
                if kind == 5 {
                    root_stream = read(&c, size)?;
                }
            }
            let name = name.trim_end_matches('\0');
            if kind == 2 && (name == "Workbook" || name == "Book") {
                workbook = Some((start, size));
            }
        }
    }
    let Some((start, size)) = workbook else { return Ok(None) };
    if size >= cutoff {
        let c = chain(&fat, start).ok_or("stream chain")?;
        return read(&c, size).map(Some);
    }
    // A small workbook lives in the mini stream, in 64-byte sectors.
    let minifat: Vec<u32> =
        read(&minifat_chain, u64::MAX)?.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
    let c = chain(&minifat, start).ok_or("mini stream chain")?;
    let mut out = Vec::new();
    for id in c {
        let at = id as usize * 64;
        out.extend_from_slice(root_stream.get(at..at + 64).ok_or("mini stream beyond the end")?);
    }
    out.truncate(size as usize);
    Ok(Some(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn far_apart_cells_in_biff_are_counted() {
        let record = |typ: u16, data: &[u8]| {
            let mut v = typ.to_le_bytes().to_vec();
            v.extend((data.len() as u16).to_le_bytes());
            v.extend(data);
            v
        };
        let mut stream = record(0x0809, &[0; 16]);
        // Number at A1 and at (65535, 255): a 65536 × 256 box.
        stream.extend(record(0x0203, &[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
        stream.extend(record(0x0203, &[0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
        assert_eq!(biff_claims_cells(&stream), 65536 * 256);
    }

    #[test]
    fn chains_with_cycles_are_refused() {
        assert_eq!(chain(&[1, 2, ENDOFCHAIN], 0), Some(vec![0, 1, 2]));
        assert_eq!(chain(&[1, 0], 0), None);
        assert_eq!(chain(&[5], 0), None);
        assert_eq!(chain(&[], ENDOFCHAIN), Some(vec![]));
    }
}
