//! Targets: attainment of each indicator of a target sheet.

use crate::analyse::stats::tidy;
use crate::model::{Target, TargetSheet};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Met,
    NotMet,
    NoData,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::NotMet => "not-met",
            Status::NoData => "no-data",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct TargetRow {
    pub target: Target,
    pub latest_period: Option<String>,
    pub latest: Option<f64>,
    pub status: Status,
    /// How far the latest value is on the good side of the threshold (negative = short
    /// of it), whichever way the target points: `Dưới 2%` with 1.2 is +0.8.
    pub margin: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TargetsView {
    pub name: String,
    pub rows: Vec<TargetRow>,
    pub met: usize,
    /// Targets with data.
    pub measured: usize,
}

pub fn targets(sheet: &TargetSheet) -> TargetsView {
    let rows: Vec<TargetRow> = sheet
        .targets
        .iter()
        .map(|t| {
            let latest = t.latest();
            let status = match t.met() {
                Some(true) => Status::Met,
                Some(false) => Status::NotMet,
                None => Status::NoData,
            };
            let margin =
                latest.map(|(_, v)| tidy(if t.op.lower_is_better() { t.threshold - v } else { v - t.threshold }));
            TargetRow {
                target: t.clone(),
                latest_period: latest.map(|(p, _)| p.to_string()),
                latest: latest.map(|(_, v)| v),
                status,
                margin,
            }
        })
        .collect();
    let met = rows.iter().filter(|r| r.status == Status::Met).count();
    let measured = rows.iter().filter(|r| r.status != Status::NoData).count();
    TargetsView { name: sheet.name.clone(), rows, met, measured }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::value::TargetOp;

    fn t(op: TargetOp, threshold: f64, actuals: &[Option<f64>]) -> Target {
        Target {
            indicator: "x".into(),
            text: "x".into(),
            op,
            threshold,
            actuals: actuals.iter().enumerate().map(|(i, v)| (format!("2024-Q{}", i + 1), *v)).collect(),
        }
    }

    #[test]
    fn direction_aware_margins() {
        let sheet = TargetSheet {
            name: "CT".into(),
            source: String::new(),
            targets: vec![
                t(TargetOp::Lt, 2.0, &[Some(2.5), Some(1.2)]),
                t(TargetOp::Gt, 80.0, &[Some(75.0), None]),
                t(TargetOp::Ge, 90.0, &[None]),
            ],
        };
        let v = targets(&sheet);
        assert_eq!(v.rows[0].status, Status::Met);
        assert_eq!(v.rows[0].margin, Some(0.8));
        assert_eq!(v.rows[0].latest_period.as_deref(), Some("2024-Q2"));
        assert_eq!(v.rows[1].status, Status::NotMet);
        assert_eq!(v.rows[1].margin, Some(-5.0));
        assert_eq!(v.rows[2].status, Status::NoData);
        assert_eq!((v.met, v.measured), (1, 2));
    }
}
