//! The province tile map: one square per province, laid out roughly like the map of
//! Vietnam, coloured by the quartile of the shown values.
//!
//! A fixed grid in the code: no geodata, no network, and every province gets the same
//! area whatever its size, so Hà Nội or Bắc Ninh is as visible as Nghệ An, which a map of
//! real shapes does not give. Two grids: the 63 provinces (to 30 June 2025) and the 34
//! provincial units (from 1 July 2025).

mod layouts;

pub use layouts::{label, Layout};

use std::collections::HashMap;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::{Hit, FONT, HIGHLIGHT, INK};
use chiso_core::text::units::Registry;
use chiso_core::Lang;

/// One value per province (by canonical name) with its rank, as the ranking view gives them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TileValue {
    pub unit: String,
    pub value: Option<f64>,
    pub rank: Option<u32>,
}

/// The three quartiles (25 %, 50 %, 75 %) of the finite values, interpolated between the
/// sorted values as Excel's QUARTILE.INC does, so they match what an official computes by
/// hand; all NaN when there is no value.
pub fn quartiles(values: &[f64]) -> [f64; 3] {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return [f64::NAN; 3];
    }
    v.sort_by(f64::total_cmp);
    let at = |p: f64| {
        let h = (v.len() - 1) as f64 * p;
        let (i, f) = (h.floor() as usize, h - h.floor());
        v[i] + (v.get(i + 1).unwrap_or(&v[i]) - v[i]) * f
    };
    [at(0.25), at(0.5), at(0.75)]
}

/// The quartile a value falls in: 1 for the lowest quarter of values (up to the first
/// quartile, inclusive) to 4 for the highest.
pub fn quartile(v: f64, q: &[f64; 3]) -> u8 {
    1 + q.iter().filter(|&&b| v > b).count() as u8
}

/// Four steps of one sequential blue (ColorBrewer "Blues", colour-blind safe and legible in
/// greyscale), light to dark; dark is the best quarter.
pub const SHADES: [RGBColor; 4] =
    [RGBColor(0xc6, 0xdb, 0xef), RGBColor(0x6b, 0xae, 0xd6), RGBColor(0x21, 0x71, 0xb5), RGBColor(0x08, 0x30, 0x6b)];
/// A tile without a value: light grey, hatched in [`HATCH`].
pub const NO_DATA: RGBColor = RGBColor(0xf1, 0xf2, 0xf4);
pub const HATCH: RGBColor = RGBColor(0xc4, 0xc8, 0xce);

/// The colour step (0 light to 3 dark) of a quartile (1–4; 0 = no value): the highest
/// values darkest, or the lowest when `lower_is_better` (a rank, a processing time).
pub fn step(quartile: u8, lower_is_better: bool) -> Option<usize> {
    match quartile {
        1..=4 if lower_is_better => Some(4 - quartile as usize),
        1..=4 => Some(quartile as usize - 1),
        _ => None,
    }
}

/// The fill of a tile in a quartile (0 = no value).
pub fn shade(quartile: u8, lower_is_better: bool) -> RGBColor {
    step(quartile, lower_is_better).map_or(NO_DATA, |s| SHADES[s])
}

/// The value of each tile, in the layout's order. A value's unit is matched by its exact
/// name, else through the registry ("Thừa Thiên Huế" → "Huế"); the first value of a unit
/// wins; units not in the layout are left out.
fn matched(layout: Layout, values: &[TileValue]) -> Vec<Option<&TileValue>> {
    let tiles = layout.tiles();
    let mut by_name: HashMap<&str, &TileValue> = HashMap::new();
    for v in values {
        if let Some(name) = tile_name(tiles, &v.unit) {
            by_name.entry(name).or_insert(v);
        }
    }
    tiles.iter().map(|(name, _, _)| by_name.get(name).copied()).collect()
}

/// The tile a unit's name stands for.
fn tile_name(tiles: &[(&'static str, u8, u8)], unit: &str) -> Option<&'static str> {
    let find = |name: &str| tiles.iter().find(|tile| tile.0 == name).map(|tile| tile.0);
    find(unit).or_else(|| Registry::shared().province(unit).and_then(find))
}

/// The map as a table, for screen readers and for copying: one row per tile in the layout's
/// order, (canonical name, value, rank, quartile 1–4 of the shown values or 0 without a
/// value). Non-finite values count as missing.
pub fn table_rows(layout: Layout, values: &[TileValue]) -> Vec<(String, Option<f64>, Option<u32>, u8)> {
    let found = matched(layout, values);
    let value = |v: &Option<&TileValue>| v.and_then(|v| v.value).filter(|x| x.is_finite());
    let shown: Vec<f64> = found.iter().filter_map(value).collect();
    let q = quartiles(&shown);
    layout
        .tiles()
        .iter()
        .zip(&found)
        .map(|((name, _, _), v)| {
            let x = value(v);
            (name.to_string(), x, v.and_then(|v| v.rank), x.map_or(0, |x| quartile(x, &q)))
        })
        .collect()
}

/// CSS pixels around the map, between tiles, and the largest tile.
const MARGIN: f64 = 8.0;
const GAP: f64 = 2.0;
const MAX_TILE: f64 = 40.0;
/// Below this tile size beside the legend, the legend goes under the map.
const MIN_TILE: f64 = 28.0;
const LEGEND_W: f64 = 190.0;
const LEGEND_ROW: f64 = 22.0;
/// A note on the direction, four quartiles, no data.
const LEGEND_ROWS: f64 = 6.0;

/// Where things go, in CSS pixels.
struct Geometry {
    tile: f64,
    legend: (f64, f64),
    height: f64,
}

fn geometry(width: f64, layout: Layout) -> Geometry {
    let (cols, rows) = layout.size();
    let (cols, rows) = (cols as f64, rows as f64);
    let beside = ((width - 2.0 * MARGIN - LEGEND_W) / cols).min(MAX_TILE);
    if beside >= MIN_TILE {
        let legend = (MARGIN + cols * beside + 16.0, MARGIN);
        Geometry { tile: beside, legend, height: 2.0 * MARGIN + (rows * beside).max(LEGEND_ROWS * LEGEND_ROW) }
    } else {
        let tile = ((width - 2.0 * MARGIN) / cols).clamp(4.0, MAX_TILE);
        let legend = (MARGIN, MARGIN + rows * tile + 12.0);
        Geometry { tile, legend, height: legend.1 + LEGEND_ROWS * LEGEND_ROW + MARGIN }
    }
}

/// The height in CSS pixels for a width that keeps the tiles square, with the legend
/// beside the map when there is room, else under it.
pub fn height_for(width: u32, layout: Layout) -> u32 {
    geometry(width as f64, layout).height.ceil() as u32
}

/// The hover text of a tile: "Hà Nội: 85,43 (hạng 2)", "–" without a value.
fn hit_label(name: &str, value: Option<f64>, rank: Option<u32>, lang: Lang) -> String {
    let v = value.map_or("–".to_string(), |v| lang.num(v, 2));
    match (value, rank) {
        (Some(_), Some(r)) => match lang {
            Lang::Vi => format!("{name}: {v} (hạng {r})"),
            Lang::En => format!("{name}: {v} (rank {r})"),
        },
        _ => format!("{name}: {v}"),
    }
}

/// Draws the tiles coloured by quartile, "my unit" outlined in the highlight colour, and
/// the legend. `scale` is device pixels per CSS pixel (the canvas's devicePixelRatio; 1 for
/// SVG). Returns one hit per tile, at its centre.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    layout: Layout,
    values: &[TileValue],
    my_unit: Option<&str>,
    lower_is_better: bool,
    lang: Lang,
    scale: f64,
) -> Result<Vec<Hit>, DrawingAreaErrorKind<DB::ErrorType>> {
    let scale = if scale > 0.0 { scale } else { 1.0 };
    let px = |v: f64| (v * scale).round() as i32;
    root.fill(&WHITE)?;
    let g = geometry(root.dim_in_pixel().0 as f64 / scale, layout);
    let rows = table_rows(layout, values);
    let mine = my_unit.and_then(|u| tile_name(layout.tiles(), u));
    let font = (g.tile * 0.3).clamp(7.0, 12.0) * scale;
    let hatch_w = px(1.0).max(1) as u32;
    let mut hits = Vec::with_capacity(rows.len());
    for ((name, col, row), (_, value, rank, q)) in layout.tiles().iter().zip(&rows) {
        let (x0, y0) = (MARGIN + *col as f64 * g.tile + GAP / 2.0, MARGIN + *row as f64 * g.tile + GAP / 2.0);
        let (a, b) = ((px(x0), px(y0)), (px(x0 + g.tile - GAP), px(y0 + g.tile - GAP)));
        root.draw(&Rectangle::new([a, b], shade(*q, lower_is_better).filled()))?;
        if value.is_none() {
            hatch(root, a, b, px(6.0).max(3), HATCH.stroke_width(hatch_w))?;
        }
        if mine == Some(*name) {
            let w = px(2.5).max(2);
            for r in [[a, (b.0, a.1 + w)], [(a.0, b.1 - w), b], [a, (a.0 + w, b.1)], [(b.0 - w, a.1), b]] {
                root.draw(&Rectangle::new(r, HIGHLIGHT.filled()))?;
            }
        }
        let dark = step(*q, lower_is_better).is_some_and(|s| s >= 2);
        let color = if dark { WHITE } else { INK };
        let style =
            (FONT, font).into_font().style(FontStyle::Bold).color(&color).pos(Pos::new(HPos::Center, VPos::Center));
        let centre = ((a.0 + b.0) / 2, (a.1 + b.1) / 2);
        root.draw(&Text::new(label(name).unwrap_or(name).to_string(), centre, style))?;
        hits.push(Hit { x: centre.0, y: centre.1, label: hit_label(name, *value, *rank, lang) });
    }
    legend(root, &g, &rows, lower_is_better, lang, scale)?;
    root.present()?;
    Ok(hits)
}

/// Diagonal hatching of the square `a`–`b` (backend pixels): the lines x + y = d inside it.
fn hatch<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    a: (i32, i32),
    b: (i32, i32),
    every: i32,
    style: ShapeStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let s = (b.0 - a.0).min(b.1 - a.1);
    for d in (every..2 * s).step_by(every as usize) {
        let (u, v) = (d.min(s), d - d.min(s));
        root.draw(&PathElement::new(vec![(a.0 + u, a.1 + v), (a.0 + v, a.1 + u)], style))?;
    }
    Ok(())
}

/// The legend: which way is better, the four quartiles darkest first with their value
/// ranges, and the no-data swatch.
fn legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    g: &Geometry,
    rows: &[(String, Option<f64>, Option<u32>, u8)],
    lower_is_better: bool,
    lang: Lang,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale).round() as i32;
    let text = (FONT, 12.0 * scale).into_font().color(&INK).pos(Pos::new(HPos::Left, VPos::Center));
    let (x, y) = g.legend;
    let row_y = |k: usize| y + LEGEND_ROW * (k as f64 + 0.5);
    let note = match lang {
        Lang::Vi => "Màu đậm hơn = tốt hơn",
        Lang::En => "Darker = better",
    };
    root.draw(&Text::new(note, (px(x), px(row_y(0))), text.clone()))?;
    let shown: Vec<f64> = rows.iter().filter_map(|r| r.1).collect();
    let q = quartiles(&shown);
    let lo = shown.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = shown.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let bounds = [lo, q[0], q[1], q[2], hi];
    let swatch = |k: usize| {
        let (y0, s) = (row_y(k) - 7.0, 14.0);
        ((px(x), px(y0)), (px(x + s), px(y0 + s)))
    };
    for (k, s) in (0..4).rev().enumerate() {
        let quart = if lower_is_better { 4 - s } else { s + 1 };
        let (a, b) = swatch(k + 1);
        root.draw(&Rectangle::new([a, b], SHADES[s].filled()))?;
        let range = if shown.is_empty() {
            "–".to_string()
        } else {
            format!("{} – {}", lang.num(bounds[quart - 1], 2), lang.num(bounds[quart], 2))
        };
        root.draw(&Text::new(range, (px(x + 22.0), px(row_y(k + 1))), text.clone()))?;
    }
    let (a, b) = swatch(5);
    root.draw(&Rectangle::new([a, b], NO_DATA.filled()))?;
    hatch(root, a, b, px(4.0).max(2), HATCH.stroke_width(px(1.0).max(1) as u32))?;
    root.draw(&Rectangle::new([a, b], HATCH))?;
    let none = match lang {
        Lang::Vi => "Không có số liệu",
        Lang::En => "No data",
    };
    root.draw(&Text::new(none, (px(x + 22.0), px(row_y(5))), text))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::to_svg;

    /// Illustrative values: every tile but a few, ranked highest first.
    fn sample(layout: Layout, missing: &[&str]) -> Vec<TileValue> {
        let mut v: Vec<TileValue> = layout
            .tiles()
            .iter()
            .enumerate()
            .filter(|(_, t)| !missing.contains(&t.0))
            .map(|(k, t)| TileValue {
                unit: t.0.to_string(),
                value: Some(70.0 + ((k * 37) % 29) as f64 * 0.83),
                rank: None,
            })
            .collect();
        v.sort_by(|a, b| b.value.partial_cmp(&a.value).unwrap());
        for (k, t) in v.iter_mut().enumerate() {
            t.rank = Some(k as u32 + 1);
        }
        v
    }

    #[test]
    fn quartiles_of_one_to_eight() {
        let v: Vec<f64> = (1..=8).map(f64::from).collect();
        assert_eq!(quartiles(&v), [2.75, 4.5, 6.25]);
        let q = quartiles(&v);
        let got: Vec<u8> = v.iter().map(|x| quartile(*x, &q)).collect();
        assert_eq!(got, [1, 1, 2, 2, 3, 3, 4, 4]);
        // The order and missing values do not matter; a single value is its own quartiles.
        assert_eq!(quartiles(&[8.0, f64::NAN, 1.0, 5.0, 3.0, 2.0, 7.0, 4.0, 6.0]), [2.75, 4.5, 6.25]);
        assert_eq!(quartiles(&[5.0]), [5.0; 3]);
        assert_eq!(quartile(5.0, &[5.0; 3]), 1);
        assert!(quartiles(&[]).iter().all(|q| q.is_nan()));
    }

    #[test]
    fn colour_steps_follow_quartiles() {
        assert_eq!((1..=4).map(|q| step(q, false)).collect::<Vec<_>>(), [Some(0), Some(1), Some(2), Some(3)]);
        assert_eq!((1..=4).map(|q| step(q, true)).collect::<Vec<_>>(), [Some(3), Some(2), Some(1), Some(0)]);
        assert_eq!(step(0, false), None);
        assert_eq!(shade(4, false), SHADES[3]);
        assert_eq!(shade(1, true), SHADES[3]);
        assert_eq!(shade(0, true), NO_DATA);
        // In a drawing: the highest value darkest, or the lowest when lower is better.
        let values: Vec<TileValue> = ["Hà Nội", "Cà Mau", "Sơn La", "Huế"]
            .iter()
            .zip([10.0, 20.0, 30.0, 40.0])
            .map(|(u, v)| TileValue { unit: u.to_string(), value: Some(v), rank: None })
            .collect();
        let rows = table_rows(Layout::P34, &values);
        let q = |n: &str| rows.iter().find(|r| r.0 == n).unwrap().3;
        assert_eq!((q("Hà Nội"), q("Cà Mau"), q("Sơn La"), q("Huế")), (1, 2, 3, 4));
        assert_eq!(q("Lai Châu"), 0);
        let dark = "fill=\"#08306B\"";
        for (lower, best) in [(false, "Huế"), (true, "HN")] {
            let svg = to_svg((600, height_for(600, Layout::P34)), |root| {
                draw(&root, Layout::P34, &values, None, lower, Lang::Vi, 1.0).unwrap()
            });
            // The darkest tile is followed by its label in white; the legend swatch has no text.
            let tile = svg.split(dark).nth(1).unwrap();
            let text = tile.split("<text").nth(1).unwrap();
            assert!(text.contains(&format!(">{best}<")) || text.contains(&format!(">\n{best}\n<")), "{text}");
            assert!(text.contains("fill=\"#FFFFFF\""), "{text}");
        }
    }

    #[test]
    fn table_rows_in_layout_order() {
        let values = vec![
            TileValue { unit: "Hà Nội".into(), value: Some(85.43), rank: Some(2) },
            TileValue { unit: "Hà Nội".into(), value: Some(1.0), rank: Some(9) },
            TileValue { unit: "Hải Phòng".into(), value: Some(f64::NAN), rank: None },
            TileValue { unit: "Cả nước".into(), value: Some(50.0), rank: None },
        ];
        let rows = table_rows(Layout::P63, &values);
        assert_eq!(rows.len(), 63);
        let names: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
        assert_eq!(names, Layout::P63.tiles().iter().map(|t| t.0).collect::<Vec<_>>());
        let hn = rows.iter().find(|r| r.0 == "Hà Nội").unwrap();
        assert_eq!((hn.1, hn.2, hn.3), (Some(85.43), Some(2), 1));
        let hp = rows.iter().find(|r| r.0 == "Hải Phòng").unwrap();
        assert_eq!((hp.1, hp.3), (None, 0));
        assert_eq!(rows.iter().filter(|r| r.1.is_some()).count(), 1);
    }

    #[test]
    fn both_layouts_render_every_tile() {
        for layout in [Layout::P63, Layout::P34] {
            let n = layout.tiles().len();
            let values = sample(layout, &["Lai Châu"]);
            let mut hits = Vec::new();
            let svg = to_svg((640, height_for(640, layout)), |root| {
                hits = draw(&root, layout, &values, Some("Hà Nội"), false, Lang::Vi, 1.0).unwrap();
            });
            assert!(svg.starts_with("<svg"));
            assert!(svg.matches("<rect").count() > n, "{layout:?}");
            for (name, _, _) in layout.tiles() {
                let l = label(name).unwrap();
                assert!(svg.contains(&format!(">{l}<")) || svg.contains(&format!("\n{l}\n")), "{l}");
            }
            assert!(svg.contains("Huế") && svg.contains("ĐNg") && svg.contains("HCM"));
            assert_eq!(hits.len(), n);
            // One hit per tile, at distinct places inside the drawing.
            let places: HashSet<(i32, i32)> = hits.iter().map(|h| (h.x, h.y)).collect();
            assert_eq!(places.len(), n);
            assert!(hits.iter().all(|h| h.x > 0 && h.x < 640 && h.y > 0 && h.y < height_for(640, layout) as i32));
            let lc = hits.iter().find(|h| h.label.starts_with("Lai Châu")).unwrap();
            assert_eq!(lc.label, "Lai Châu: –");
            let hn = hits.iter().find(|h| h.label.starts_with("Hà Nội:")).unwrap();
            let v = values.iter().find(|v| v.unit == "Hà Nội").unwrap();
            let want = format!("Hà Nội: {} (hạng {})", Lang::Vi.num(v.value.unwrap(), 2), v.rank.unwrap());
            assert_eq!(hn.label, want);
            assert!(hn.label.contains(','), "{}", hn.label);
            // "My unit" in the highlight colour; the legend in Vietnamese.
            assert!(svg.contains("fill=\"#D9481B\""));
            assert!(svg.contains("Không có số liệu") && svg.contains("Màu đậm hơn = tốt hơn"));
        }
    }

    #[test]
    fn english_legend_and_hits_and_no_highlight_without_my_unit() {
        let values = vec![
            TileValue { unit: "Hà Nội".into(), value: Some(85.43), rank: Some(1) },
            TileValue { unit: "Cà Mau".into(), value: Some(60.5), rank: Some(2) },
        ];
        let mut hits = Vec::new();
        let svg = to_svg((600, height_for(600, Layout::P34)), |root| {
            hits = draw(&root, Layout::P34, &values, None, false, Lang::En, 1.0).unwrap();
        });
        assert!(svg.contains("No data") && svg.contains("Darker = better"));
        assert!(svg.contains("60.50 – ") && svg.contains(" – 85.43"), "{svg}");
        assert!(!svg.contains("#D9481B"));
        assert!(hits.iter().any(|h| h.label == "Hà Nội: 85.43 (rank 1)"));
        assert!(hits.iter().any(|h| h.label == "Huế: –"));
    }

    /// A unit under another spelling or a former name finds its tile through the registry.
    #[test]
    fn a_former_name_finds_its_tile() {
        let values: Vec<TileValue> = [("Thừa Thiên Huế", 80.0), ("TP HCM", 70.0)]
            .iter()
            .map(|(u, v)| TileValue { unit: u.to_string(), value: Some(*v), rank: None })
            .collect();
        for layout in [Layout::P63, Layout::P34] {
            let rows = table_rows(layout, &values);
            let value = |n: &str| rows.iter().find(|r| r.0 == n).and_then(|r| r.1);
            assert_eq!((value("Huế"), value("TP. Hồ Chí Minh")), (Some(80.0), Some(70.0)), "{layout:?}");
            assert!(!rows.iter().any(|r| r.0 == "Thừa Thiên Huế"));
        }
    }

    #[test]
    fn legend_numbers_have_a_decimal_comma() {
        let values: Vec<TileValue> = (1..=8)
            .zip(["Hà Nội", "Huế", "Sơn La", "Cà Mau", "Gia Lai", "Đà Nẵng", "An Giang", "Cần Thơ"])
            .map(|(v, u)| TileValue { unit: u.into(), value: Some(v as f64), rank: None })
            .collect();
        let svg = to_svg((600, height_for(600, Layout::P34)), |root| {
            draw(&root, Layout::P34, &values, None, false, Lang::Vi, 1.0).unwrap()
        });
        for range in ["1,00 – 2,75", "2,75 – 4,50", "4,50 – 6,25", "6,25 – 8,00"] {
            assert!(svg.contains(range), "{range}");
        }
    }

    #[test]
    fn height_keeps_tiles_square() {
        for layout in [Layout::P63, Layout::P34] {
            let (cols, rows) = layout.size();
            for width in [320, 400, 600, 1200] {
                let g = geometry(width as f64, layout);
                assert!(g.tile * cols as f64 + 2.0 * MARGIN <= width as f64 + 1e-9, "{width}");
                assert!(g.height >= rows as f64 * g.tile + 2.0 * MARGIN);
                assert!(g.legend.0 + 100.0 <= width as f64, "{layout:?} {width}");
                assert_eq!(height_for(width, layout), g.height.ceil() as u32);
            }
            // Wide: the legend beside the map and tiles at their largest.
            let g = geometry(1200.0, layout);
            assert_eq!(g.tile, MAX_TILE);
            assert_eq!(height_for(1200, layout), (rows as f64 * MAX_TILE + 2.0 * MARGIN) as u32);
        }
        // Narrow: under the map.
        let g = geometry(320.0, Layout::P63);
        assert!(g.legend.1 > 21.0 * g.tile);
    }

    #[test]
    fn scale_draws_in_device_pixels() {
        let values = sample(Layout::P34, &[]);
        let h = height_for(500, Layout::P34);
        let mut one = Vec::new();
        let mut two = Vec::new();
        to_svg((500, h), |root| one = draw(&root, Layout::P34, &values, None, false, Lang::Vi, 1.0).unwrap());
        to_svg((1000, 2 * h), |root| two = draw(&root, Layout::P34, &values, None, false, Lang::Vi, 2.0).unwrap());
        for (a, b) in one.iter().zip(&two) {
            assert!((a.x * 2 - b.x).abs() <= 1 && (a.y * 2 - b.y).abs() <= 1, "{a:?} {b:?}");
        }
    }

    /// Writes target/tilemap-63.svg and target/tilemap-34.svg with illustrative values, to
    /// look at: `cargo test --lib charts::tilemap -- --ignored`.
    #[test]
    #[ignore]
    fn write_previews() {
        for (layout, width, file, missing) in [
            (Layout::P63, 560, "target/tilemap-63.svg", &["Lai Châu", "Bạc Liêu"][..]),
            (Layout::P34, 560, "target/tilemap-34.svg", &["Lai Châu"][..]),
            (Layout::P63, 340, "target/tilemap-63-narrow.svg", &[][..]),
        ] {
            let values = sample(layout, missing);
            let svg = to_svg((width, height_for(width, layout)), |root| {
                draw(&root, layout, &values, Some("Huế"), false, Lang::Vi, 1.0).unwrap()
            });
            std::fs::write(file, svg).unwrap();
        }
    }
}
