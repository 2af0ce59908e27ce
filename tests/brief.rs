//! My unit's brief on the generated PAR Index workbook (the built-in sample): its figures
//! worked out again here from the generator's numbers.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/gen.rs"]
mod gen;

use chiso_core::analyse::brief::brief;
use chiso_core::{import_file, Catalog};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

#[test]
fn the_brief_of_a_province_in_the_sample() {
    let bytes = gen::sample_workbook().unwrap();
    let mut c = Catalog::default();
    c.add(import_file(&bytes, "chiso-mau.xlsx"));
    let d = &c.datasets[0];
    let scores = gen::sample_scores_2025();
    let unit = "Lạng Sơn";
    let mine = scores.iter().position(|(_, c, _)| c == unit).unwrap();
    let b = brief(d, unit).expect("Lạng Sơn has values");
    // The latest period with a value: 2025, on the 34; no change across 1 July 2025.
    assert_eq!(b.period, "2025");
    let totals: Vec<f64> = scores.iter().map(|(_, _, s)| gen::round2(s.iter().sum())).collect();
    let ranks = gen::competition_ranks(&totals);
    let o = b.overall.as_ref().unwrap();
    assert_eq!((o.value, o.rank, o.of), (Some(totals[mine]), Some(ranks[mine]), 34));
    assert_eq!(o.rank_change, None, "ranks among the 63 and the 34 do not compare");
    let best = totals.iter().cloned().fold(f64::MIN, f64::max);
    assert!((o.lost_to_best.unwrap() - (best - totals[mine])).abs() < 1e-6);
    // Every component: rank among the 34, points behind the best and the median.
    for (k, (name, _)) in gen::PAR_COMPONENTS.iter().enumerate() {
        let col: Vec<f64> = scores.iter().map(|(_, _, s)| s[k]).collect();
        let line = b.components.iter().find(|l| l.indicator == *name).unwrap();
        let v = col[mine];
        assert_eq!(line.value, Some(v));
        assert_eq!(line.rank, Some(gen::competition_ranks(&col)[mine]), "{name}");
        let top = col.iter().cloned().fold(f64::MIN, f64::max);
        assert!((line.lost_to_best.unwrap() - (top - v)).abs() < 1e-6, "{name}");
        let below = (median(col.clone()) - v).max(0.0);
        assert!((line.below_median.unwrap() - below).abs() < 1e-6, "{name}");
    }
    // The three to win back: the largest gaps below the median (then behind the best).
    let mut gaps: Vec<(f64, f64, &str)> =
        b.components.iter().map(|l| (l.below_median.unwrap(), l.lost_to_best.unwrap(), l.indicator.as_str())).collect();
    gaps.sort_by(|a, b| (b.0, b.1).partial_cmp(&(a.0, a.1)).unwrap());
    let want: Vec<&str> = gaps.iter().filter(|g| g.0 > 0.0 || g.1 > 0.0).take(3).map(|g| g.2).collect();
    let got: Vec<&str> = b.win_back.iter().map(|k| b.components[*k].indicator.as_str()).collect();
    assert_eq!(got, want);
    assert_eq!(got.len(), 3);
    // A province absorbed in 2025 gets its brief from 2023, ranked among the 63 and with
    // its change since 2022.
    let h = brief(d, "Hà Nam").unwrap();
    assert_eq!(h.period, "2023");
    assert_eq!(h.overall.as_ref().unwrap().of, 63);
    assert!(h.overall.as_ref().unwrap().rank_change.is_some());
}
