//! Target sheets: indicators with their targets ("Trên 80%") and what was achieved.

use super::frame::Frame;
use super::ledger::{column_mark, Ledger, Mark};
use super::names::header_meaning;
use super::roles::Role;
use super::{nonempty, num, Found, Notes, TargetTable};
use crate::model::messages::{Skip, Warning};
use crate::model::Target;
use crate::read::grid::Grid;
use crate::text::clean;
use crate::text::value::parse_target;

pub(super) fn targets(
    g: &Grid,
    f: &Frame,
    (roles, labels): (&[Role], &[Vec<String>]),
    (sheet_year, title): (Option<u16>, Option<String>),
    notes: &mut Notes,
    ledger: &mut Ledger,
) -> Found {
    let sheet = g.name.clone();
    let Some(tc) = roles.iter().position(|r| *r == Role::TargetText) else {
        return Found::Nothing;
    };
    let ic = roles.iter().position(|r| *r == Role::Indicator);
    let actual_cols: Vec<(usize, String)> = (0..roles.len())
        .filter(|&c| roles[c] == Role::Value || roles[c] == Role::Rank)
        .map(|c| {
            let (period, _) = header_meaning(&labels[c], sheet_year);
            let period = match period {
                Some(quarter) if quarter.starts_with('Q') => {
                    sheet_year.map_or(quarter.clone(), |year| format!("{year}-{quarter}"))
                }
                Some(period) => period,
                None => labels[c].join(" / "),
            };
            (c, period)
        })
        .collect();
    let mut out = Vec::new();
    for r in f.body_start..f.body_end {
        let text = g.get(r, tc).text();
        let Some(spec) = parse_target(&text) else {
            if !text.is_empty() {
                notes.warn_cell(Warning::UnreadCell { sheet: sheet.clone(), row: r + 1, col: tc, text });
            } else if nonempty(&g.rows[r]).next().is_some() {
                notes.skip_cell(Skip::NoTargetRow { sheet: sheet.clone(), row: r + 1 });
            }
            ledger.rest_of_row(r, Mark::Skipped);
            continue;
        };
        ledger.mark(r, tc, Mark::Read);
        let indicator = ic.map(|c| g.get(r, c).text()).unwrap_or_else(|| format!("{}", r + 1));
        let actuals = actual_cols
            .iter()
            .map(|(c, p)| {
                let cell = g.get(r, *c);
                let value = num(cell).as_value();
                if value.is_some() {
                    ledger.mark(r, *c, Mark::Read);
                } else if !cell.is_empty() {
                    let text = cell.text();
                    notes.skip_cell(Skip::MissingCell { sheet: sheet.clone(), row: r + 1, col: *c, text });
                    ledger.mark(r, *c, Mark::Skipped);
                }
                (p.clone(), value)
            })
            .collect();
        for (c, _) in nonempty(&g.rows[r]) {
            if ledger.get(r, c) == Mark::None {
                ledger.mark(r, c, column_mark(&roles[c]));
            }
        }
        out.push(Target { indicator, text: clean(&text), op: spec.op, threshold: spec.threshold, actuals });
    }
    if out.is_empty() {
        notes.skip(Skip::NoTableInSheet { sheet });
        return Found::Nothing;
    }
    Found::Targets(TargetTable { sheet, title, targets: out, cells: Default::default() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::{detect, Context};

    #[test]
    fn target_sheet() {
        let g = Grid::from_text(
            "Chỉ tiêu 2023",
            &[
                &["STT", "Chỉ tiêu", "Kế hoạch năm 2023", "Quý I", "Quý II"],
                &["1", "Tỷ lệ hồ sơ trực tuyến", "Trên 80%", "75,5%", "82%"],
                &["2", "Tỷ lệ hồ sơ trễ hạn", "Dưới 2%", "1,2%", "-"],
            ],
        );
        match detect(&g, &Context::default(), &mut Notes::default()) {
            Found::Targets(t) => {
                assert_eq!(t.targets.len(), 2);
                assert_eq!(t.targets[0].indicator, "Tỷ lệ hồ sơ trực tuyến");
                assert_eq!(t.targets[0].actuals, vec![("2023-Q1".into(), Some(75.5)), ("2023-Q2".into(), Some(82.0))]);
                assert_eq!(t.targets[1].met(), Some(true));
            }
            other => panic!("{other:?}"),
        }
    }
}
