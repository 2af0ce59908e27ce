//! The benchmark workbooks' generators, shared by `examples/gen_bench.rs` (at bench size)
//! and the native tests (small, to check that every cell is accounted for).
#![allow(dead_code)]

use rust_xlsxwriter::Workbook;

use super::gen;

type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// Wide form: one row per unit, a two-row header (year over indicator).
pub fn wide_workbook(units: u32, years: u16, indicators: u16, unit: &dyn Fn(u32) -> String) -> Res<Workbook> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "SỐ LIỆU CẤP XÃ (BENCHMARK)")?;
    ws.write_string(2, 0, "STT")?;
    ws.write_string(2, 1, "Đơn vị")?;
    for y in 0..years {
        let c0 = 2 + y * indicators;
        ws.merge_range(2, c0, 2, c0 + indicators - 1, &format!("Năm {}", 2015 + y), &rust_xlsxwriter::Format::new())?;
        for i in 0..indicators {
            ws.write_string(3, c0 + i, indicator(i))?;
        }
    }
    for u in 0..units {
        let r = 4 + u;
        ws.write_number(r, 0, (u + 1) as f64)?;
        ws.write_string(r, 1, unit(u))?;
        for y in 0..years {
            for i in 0..indicators {
                ws.write_number(r, 2 + y * indicators + i, value(u, y, i))?;
            }
        }
    }
    Ok(wb)
}

/// Commune scale: one sheet per year, `units` communes (with their province as a column)
/// × `indicators` scores: 10,600 × 10 × 20 ≈ 2.1 million values.
pub fn commune_workbook(units: u32, years: u16, indicators: u16) -> Res<Workbook> {
    let mut wb = Workbook::new();
    let provinces = chiso_core::text::provinces::the_34();
    for y in 0..years {
        let ws = wb.add_worksheet();
        let year = 2016 + y;
        ws.set_name(format!("Năm {year}"))?;
        ws.write_string(0, 0, format!("CHỈ SỐ CẤP XÃ NĂM {year} (BENCHMARK)"))?;
        for (c, h) in ["STT", "Tỉnh, thành phố", "Xã, phường"].iter().enumerate() {
            ws.write_string(2, c as u16, *h)?;
        }
        for i in 0..indicators {
            ws.write_string(2, 3 + i, indicator(i))?;
        }
        for u in 0..units {
            let r = 3 + u;
            ws.write_number(r, 0, (u + 1) as f64)?;
            ws.write_string(r, 1, provinces[(u as usize) % provinces.len()].province().official.unwrap_or_default())?;
            ws.write_string(r, 2, format!("Xã số {u:05}"))?;
            for i in 0..indicators {
                ws.write_number(r, 3 + i, value(u, y, i))?;
            }
        }
    }
    Ok(wb)
}

pub fn value(u: u32, y: u16, i: u16) -> f64 {
    let mut r = gen::Lcg::new(u as u64 * 1_000_003 + y as u64 * 101 + i as u64);
    gen::round2(40.0 + 55.0 * r.next())
}

pub fn indicator(i: u16) -> String {
    format!("Chỉ tiêu {:02}", i + 1)
}

/// Long form: one row per (unit, year, indicator) with the value and its rank.
pub fn long_workbook(units: u32, years: u16, indicators: u16, unit: &dyn Fn(u32) -> String) -> Res<Workbook> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Dữ liệu")?;
    for (c, h) in ["Đơn vị", "Năm", "Chỉ số", "Giá trị", "Xếp hạng"].iter().enumerate() {
        ws.write_string(0, c as u16, *h)?;
    }
    let mut row = 1u32;
    for y in 0..years {
        for i in 0..indicators {
            let vals: Vec<f64> = (0..units).map(|u| value(u, y, i)).collect();
            let ranks = gen::competition_ranks(&vals);
            for u in 0..units {
                ws.write_string(row, 0, unit(u))?;
                ws.write_number(row, 1, (2015 + y) as f64)?;
                ws.write_string(row, 2, indicator(i))?;
                ws.write_number(row, 3, vals[u as usize])?;
                ws.write_number(row, 4, ranks[u as usize] as f64)?;
                row += 1;
            }
        }
    }
    Ok(wb)
}
