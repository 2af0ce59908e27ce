//! The importer on generated workbooks and text files: what officials send, read right.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/gen.rs"]
mod gen;

use chiso_core::export::{targets_csv, tidy_csv};
use chiso_core::model::OVERALL;
use chiso_core::{import_file, Catalog, ImportStatus};

fn catalog(files: &[(&[u8], &str)]) -> Catalog {
    let mut c = Catalog::default();
    for (bytes, name) in files {
        c.add(import_file(bytes, name));
    }
    c
}

/// (unit, period, indicator) → (value, rank) of the first data set.
fn cell(c: &Catalog, unit: &str, period: &str, indicator: &str) -> Option<(Option<f64>, Option<u32>)> {
    c.datasets[0]
        .observations
        .iter()
        .find(|o| o.unit == unit && o.period == period && o.indicator == indicator)
        .map(|o| (o.value, o.rank))
}

#[test]
fn the_committed_sample_is_what_the_generator_writes() {
    let committed = std::fs::read("assets/sample/chiso-mau.xlsx").expect("sample present");
    let fresh = gen::sample_workbook().unwrap();
    let a = catalog(&[(&committed, "chiso-mau.xlsx")]);
    let b = catalog(&[(&fresh, "chiso-mau.xlsx")]);
    assert_eq!(tidy_csv(&a), tidy_csv(&b), "run `make sample` to refresh assets/sample");
    assert_eq!(targets_csv(&a), targets_csv(&b));
}

#[test]
fn the_sample_reads_as_63_provinces_5_years_9_indicators() {
    let bytes = gen::sample_workbook().unwrap();
    let o = import_file(&bytes, "chiso-mau.xlsx");
    assert_eq!(o.report.status, ImportStatus::Ok, "{:?}", o.report);
    assert_eq!(o.datasets.len(), 1);
    let d = &o.datasets[0];
    // As read, the 2025 sheet's official forms ("Tỉnh Tuyên Quang") are spellings of
    // their own; shown, they are the same 63 units (the 34 kept their predecessors' names).
    assert_eq!(d.units().len(), 63 + 34);
    assert_eq!(catalog(&[(&bytes, "chiso-mau.xlsx")]).datasets[0].units().len(), 63);
    // 2019–2023 on the 63 provinces, 2025 on the 34 (official forms read as one unit each).
    assert_eq!(d.periods(), vec!["2019", "2020", "2021", "2022", "2023", "2025"]);
    let ind = d.indicators();
    assert_eq!(ind.len(), 9);
    // The overall column is named as the sample's header writes it, and comes first.
    assert_eq!(ind[0], gen::SAMPLE_OVERALL);
    assert_eq!(d.overall().as_deref(), Some(gen::SAMPLE_OVERALL));
    for (name, _) in gen::PAR_COMPONENTS {
        assert!(ind.iter().any(|i| i == name), "{name} missing from {ind:?}");
    }
    // Values and ranks match what the generator wrote, for every province and year.
    let c = catalog(&[(&bytes, "chiso-mau.xlsx")]);
    for year in gen::SAMPLE_YEARS {
        let scores = gen::sample_scores(year);
        let totals: Vec<f64> = scores.iter().map(|(_, s)| gen::round2(s.iter().sum())).collect();
        let ranks = gen::competition_ranks(&totals);
        for (i, (name, s)) in scores.iter().enumerate() {
            let p = year.to_string();
            assert_eq!(
                cell(&c, name, &p, gen::SAMPLE_OVERALL),
                Some((Some(totals[i]), Some(ranks[i]))),
                "{name} {year}"
            );
            assert_eq!(cell(&c, name, &p, gen::PAR_COMPONENTS[2].0).and_then(|x| x.0), Some(s[2]));
        }
    }
    // Components have no rank column: ranks are computed within the year.
    let comp = gen::PAR_COMPONENTS[0].0;
    let mut r: Vec<u32> =
        d.observations.iter().filter(|o| o.period == "2019" && o.indicator == comp).filter_map(|o| o.rank).collect();
    r.sort();
    assert_eq!(r[0], 1);
    assert_eq!(r.len(), 63);
}

/// A data set read from a sheet per year holds one text object per unit and group, shared
/// by its observations of every year: rankings find a unit's previous rank by address.
#[test]
fn a_units_observations_share_one_text_across_sheets() {
    let bytes = gen::sample_workbook().unwrap();
    let o = import_file(&bytes, "chiso-mau.xlsx");
    let d = &o.datasets[0];
    let mut units: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut groups: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut periods = std::collections::HashSet::new();
    for ob in &d.observations {
        assert_eq!(*units.entry(ob.unit.as_str()).or_insert(ob.unit.addr()), ob.unit.addr(), "{}", ob.unit.as_str());
        assert_eq!(*groups.entry(ob.group.as_str()).or_insert(ob.group.addr()), ob.group.addr());
        periods.insert(ob.period.as_str());
    }
    assert!(periods.len() >= 5 && units.len() >= 63, "{} periods, {} units", periods.len(), units.len());
}

#[test]
fn the_sample_2025_is_the_34_provinces() {
    use chiso_core::model::map2025::{Map, Map2025};
    let bytes = gen::sample_workbook().unwrap();
    let c = catalog(&[(&bytes, "chiso-mau.xlsx")]);
    let d = &c.datasets[0];
    let m = Map2025::default();
    assert_eq!(m.maps(d).get("2025"), Some(&Map::P34));
    assert_eq!(m.maps(d).get("2023"), Some(&Map::P63));
    let scores = gen::sample_scores_2025();
    let totals: Vec<f64> = scores.iter().map(|(_, _, s)| gen::round2(s.iter().sum())).collect();
    let ranks = gen::competition_ranks(&totals);
    for (i, (_, canonical, _)) in scores.iter().enumerate() {
        assert_eq!(
            cell(&c, canonical, "2025", gen::SAMPLE_OVERALL),
            Some((Some(totals[i]), Some(ranks[i]))),
            "{canonical}"
        );
    }
    let in_2025: std::collections::BTreeSet<&str> =
        d.observations.iter().filter(|o| o.period == "2025").map(|o| o.unit.as_str()).collect();
    assert_eq!(in_2025.len(), 34);
    assert!(in_2025.contains("Huế") && !in_2025.contains("Hà Nam"));
    // The tidy export says each unit's province after 1 July 2025.
    let csv = chiso_core::export::tidy_csv(&c);
    assert!(csv.contains(",Huế,2025,Chỉ số PAR INDEX,"), "{}", &csv[..300]);
    assert!(csv.lines().any(|l| l.contains(",Hà Nam,2023,Chỉ số PAR INDEX,") && l.ends_with(",Ninh Bình")));
    assert!(csv.lines().any(|l| l.contains(",Huế,2025,Chỉ số PAR INDEX,") && l.ends_with(",Huế")));
}

/// Huế, a centrally run city since 1 January 2025, is shown under that name in every
/// period: its former names resolve to it, and the sample (whose 2019–2023 sheets write
/// "Thừa Thiên Huế" and whose 2025 sheet writes "Thành phố Huế") shows one unit, "Huế",
/// from 2019 through 2025.
#[test]
fn hue_is_shown_under_its_name_in_force() {
    let registry = chiso_core::text::units::Registry::default();
    for spelling in ["Thừa Thiên Huế", "TT-Huế", "Thành phố Huế"] {
        assert_eq!(registry.canonical(spelling), "Huế", "{spelling}");
    }
    let bytes = gen::sample_workbook().unwrap();
    let c = catalog(&[(&bytes, "chiso-mau.xlsx")]);
    let csv = tidy_csv(&c);
    assert!(!csv.contains("Thừa Thiên") && !csv.contains("Thành phố Huế"), "a former name or official form shown");
    let hue: Vec<&str> =
        csv.lines().filter(|l| l.contains(",Huế,") && l.contains(&format!(",{},", gen::SAMPLE_OVERALL))).collect();
    for year in ["2019", "2020", "2021", "2022", "2023", "2025"] {
        let line = hue.iter().find(|l| l.contains(&format!(",Huế,{year},"))).unwrap_or_else(|| panic!("{year}"));
        assert!(line.ends_with(",Huế"), "{line}");
    }
    assert_eq!(hue.len(), 6, "one row per year: {hue:?}");
    // One unit across the change, among the 63 (the 34 of 2025 keep their names).
    let units = c.datasets[0].units();
    assert_eq!(units.len(), 63);
    assert_eq!(units.iter().filter(|u| u.contains("Huế")).count(), 1, "{units:?}");
}

#[test]
fn the_sample_targets_resolve() {
    let bytes = gen::sample_workbook().unwrap();
    let c = catalog(&[(&bytes, "chiso-mau.xlsx")]);
    let csv = targets_csv(&c);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "indicator,target,operator,threshold,latest_period,latest,met");
    assert!(lines.contains(&"Tỷ lệ hồ sơ giải quyết trễ hạn,Dưới 2%,<,2,2023-Q4,1.2,true"), "{csv}");
    assert!(
        lines.contains(&"Số hồ sơ trực tuyến toàn trình (nghìn),Tăng 30% so với năm 2018 (40),>=,52,2023-Q4,53,true")
    );
    assert!(lines.contains(&"Phiếu khảo sát hợp lệ,Tối thiểu 90%,>=,90,2023-Q4,96.81,true"));
    assert!(lines.contains(&"Tỷ lệ TTHC có phát sinh hồ sơ trực tuyến,Đạt 100%,>=,100,2023-Q4,96,false"));
    assert_eq!(lines.len(), 8);
}

#[test]
fn a_messy_ranking_sheet_is_read_right() {
    let (bytes, expected) = gen::messy_ranking_workbook(2022).unwrap();
    let o = import_file(&bytes, "xep-hang.xlsx");
    assert_eq!(o.report.status, ImportStatus::Ok);
    assert!(o.report.merges.contains(&("TP HCM".into(), "TP. Hồ Chí Minh".into())));
    let c = catalog(&[(&bytes, "xep-hang.xlsx")]);
    assert_eq!(c.datasets[0].name, "KẾT QUẢ XẾP HẠNG CHỈ SỐ HÀI LÒNG");
    assert_eq!(c.datasets[0].observations.len(), expected.len());
    for (unit, value, rank) in expected {
        assert_eq!(cell(&c, &unit, "2022", OVERALL), Some((value, rank)), "{unit}");
    }
}

/// Text files as offices save them: each with the expected (unit, period, value, rank).
#[test]
fn text_files_table() {
    type Row = (&'static str, &'static str, Option<f64>, Option<u32>);
    let cases: &[(&str, &[u8], &[Row])] = &[
        (
            "semicolon, BOM, decimal comma.csv",
            "\u{feff}Tỉnh;Điểm 2021;Xếp hạng 2021\nHà Nội;85,43;2\nHuế;88,1;1\n".as_bytes(),
            &[("Hà Nội", "2021", Some(85.43), Some(2)), ("Huế", "2021", Some(88.1), Some(1))],
        ),
        (
            "years as columns, quoted.csv",
            b"STT,\"T\xe1\xbb\x89nh, th\xc3\xa0nh ph\xe1\xbb\x91\",N\xc4\x83m 2020,N\xc4\x83m 2021\n1,TP HCM,\"80,5\",-\n2,\xc4\x90\xc4\x83k L\xc4\x83k,79,81\n",
            &[
                ("TP. Hồ Chí Minh", "2020", Some(80.5), Some(1)),
                ("TP. Hồ Chí Minh", "2021", None, None),
                ("Đắk Lắk", "2020", Some(79.0), Some(2)),
                ("Đắk Lắk", "2021", Some(81.0), Some(1)),
            ],
        ),
        (
            "tab separated percent.tsv",
            "Đơn vị\tTỷ lệ hài lòng 2023\nSở Y tế\t85,43%\nSở Tư pháp\t91%\n".as_bytes(),
            &[("Sở Y tế", "2023", Some(85.43), Some(2)), ("Sở Tư pháp", "2023", Some(91.0), Some(1))],
        ),
    ];
    for (name, bytes, rows) in cases {
        let o = import_file(bytes, name);
        assert_ne!(o.report.status, ImportStatus::Error, "{name}: {:?}", o.report);
        let c = catalog(&[(bytes, name)]);
        let d = &c.datasets[0];
        assert_eq!(d.observations.len(), rows.len(), "{name}: {:?}", d.observations);
        for (unit, period, value, rank) in *rows {
            let o = d.observations.iter().find(|o| o.unit == *unit && o.period == *period);
            let got = o.map(|o| (o.value, o.rank));
            assert_eq!(got, Some((*value, *rank)), "{name}: {unit} {period}");
        }
    }
}

#[test]
fn files_added_later_join_the_same_data_set_and_units() {
    let a = "Tỉnh,Điểm\nThành phố Hồ Chí Minh,80\nHà Nội,82\n";
    let b = "Tỉnh,Điểm\nTP HCM,84\nHà Nội,81\n";
    let mut c = Catalog::default();
    c.add(import_file(a.as_bytes(), "Chỉ số 2021.csv"));
    c.add(import_file(b.as_bytes(), "Chỉ số 2022.csv"));
    // The file names differ only by the year: one data set "Chỉ số" over both years (as
    // "PCI 2016.xls" and "PCI 2019.xlsx" make one PCI trend); units one spelling across both.
    let units: std::collections::BTreeSet<String> = c.datasets.iter().flat_map(|d| d.units()).collect();
    assert_eq!(units.into_iter().collect::<Vec<_>>(), vec!["Hà Nội", "TP. Hồ Chí Minh"]);
    assert_eq!(c.datasets.len(), 1);
    assert_eq!(c.datasets[0].name, "Chỉ số");
    assert_eq!(c.datasets[0].periods(), vec!["2021", "2022"]);
    // Other names stay two data sets.
    c.add(import_file(b.as_bytes(), "Khảo sát 2022.csv"));
    assert_eq!(c.datasets.len(), 2);
    assert_eq!(c.datasets[1].periods(), vec!["2022"]);
}

/// Link lengths for each view of the sample, with and without data (printed for the notes);
/// links with data stay under the length mail and chat tools keep.
#[test]
fn link_lengths_of_the_sample_views() {
    use chiso::ui::state::{Action, AppState, View};
    use chiso_core::link::{encode, LINK_WARN_CHARS};
    let bytes = gen::sample_workbook().unwrap();
    let mut s = AppState::default();
    s.apply(Action::Loaded(Box::new(import_file(&bytes, "chiso-mau.xlsx"))));
    s.apply(Action::SetMyUnit(Some("Hà Nội".into())));
    for v in View::ALL {
        s.apply(Action::SetView(v));
        let plain = encode(&s.view_state(false)).len();
        let full = encode(&s.view_state(true)).len();
        println!("{}: {plain} chars without data, {full} with data", v.name());
        assert!(plain < 400);
        assert!(full < LINK_WARN_CHARS, "{}: {full}", v.name());
    }
}

#[test]
fn progress_moves_forward_from_reading_to_the_end() {
    use chiso_core::{import_file_progress, ImportOptions};
    // A long sheet (xlsx, streamed) and a long CSV: progress rises, stays within 0..=1,
    // is reported many times, and the outcome is the same as without progress.
    let mut csv = String::from("Đơn vị,Năm,Chỉ số,Giá trị\n");
    for u in 0..3000 {
        for y in 2020..2025 {
            csv.push_str(&format!("Xã {u},{y},Tổng hợp,{}\n", 50 + (u * 7 + y) % 40));
        }
    }
    let xlsx = gen::sample_workbook().unwrap();
    for (bytes, name) in [(csv.as_bytes(), "xa.csv"), (xlsx.as_slice(), "mau.xlsx")] {
        let mut seen = Vec::new();
        let o = import_file_progress(bytes, name, &ImportOptions::default(), &mut |f| seen.push(f));
        assert!(seen.len() >= 3, "{name}: {} reports", seen.len());
        assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{name}: {seen:?}");
        assert!(seen.iter().all(|f| (0.0..=1.0).contains(f)), "{name}: {seen:?}");
        assert_eq!(o, import_file(bytes, name));
    }
}

/// encoding_rs is trimmed (vendor/encoding_rs/CHISO.md): the encodings Vietnamese files use
/// decode as before; the CJK ones decode to one replacement character instead of text.
#[test]
fn encodings_kept_and_trimmed() {
    // Windows-1258 writes "Huế" as ê + a combining acute accent (0xEC).
    let (text, _, bad) = encoding_rs::WINDOWS_1258.decode(b"Hu\xea\xec");
    assert_eq!(text, "Hu\u{ea}\u{301}");
    assert!(!bad);
    let (text, _, bad) = encoding_rs::WINDOWS_1252.decode(b"Qu\xb6ng Ninh");
    assert_eq!(text, "Qu¶ng Ninh");
    assert!(!bad);
    let (text, _, _) = encoding_rs::UTF_16LE.decode(&[0x10, 0x01, 0x61, 0x00]);
    assert_eq!(text, "Đa");
    for label in ["windows-1258", "utf-8", "utf-16le", "iso-8859-1", "shift_jis"] {
        assert!(encoding_rs::Encoding::for_label(label.as_bytes()).is_some(), "{label}");
    }
    let (text, _, bad) = encoding_rs::SHIFT_JIS.decode(b"\x82\xa0\x82\xa2");
    assert_eq!(text, "\u{fffd}");
    assert!(bad);
}
