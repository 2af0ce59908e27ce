use yew::prelude::*;

use crate::ui::components::chart_canvas::ChartCanvas;
use crate::ui::components::controls::Controls;
use crate::ui::components::export_bar::ExportBar;
use std::rc::Rc;

use crate::ui::i18n::{t, win_back_line, K};
use crate::ui::state::{indicator_label, ByPtr};
use crate::ui::tables::{self, num, or_dash, rank_move, rank_of, signed, status_text, TableSource};
use crate::ui::view_model::{ControlsModel, Focus};
use chiso_charts::spec::ChartSpec;
use chiso_core::analyse::brief::{brief, BriefSet, Line};
use chiso_core::analyse::trend::Reference;
use chiso_core::analyse::{comparison, targets, Status};
use chiso_core::{Catalog, Lang};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub my_unit: Option<String>,
    /// The data set shown and the choices on it; none before any data.
    pub focus: Option<Rc<Focus>>,
    pub controls: Option<Rc<ControlsModel>>,
    /// Everything loaded: every data set of the brief, and the target sheets.
    pub catalog: ByPtr<Catalog>,
    /// The chosen data set's place (shown as `focus` has it, regrouped when that is on).
    pub dataset: usize,
}

impl Props {
    fn label(&self, name: &str) -> String {
        indicator_label(self.lang, self.focus.as_deref().map(Focus::data), name)
    }
}

/// My unit's brief, for the meeting that analyses where it lost points: every loaded data
/// set where the unit has values, its standing, each component against the group, the three
/// components to work on, the targets; printable on A4 (one data set a page) and as CSV.
#[function_component]
pub fn BriefPanel(p: &Props) -> Html {
    let lang = p.lang;
    let controls = match &p.controls {
        Some(c) => html! { <Controls model={c.clone()} period={false} indicator={false} group={false} /> },
        None => html! {},
    };
    let Some(unit) = p.my_unit.clone() else {
        return html! {
            <section class="view brief" data-view="brief" aria-labelledby="view-title">
                <h2 id="view-title">{t(lang, K::BriefTitle)}</h2>
                {controls}
                <p class="empty">{t(lang, K::BriefChooseUnit)}</p>
            </section>
        };
    };
    // Every data set, the shown one (regrouped when that is on) in its place.
    let current = p.focus.as_ref().map(|f| f.data.0.clone());
    let sets: Vec<(Rc<chiso_core::DataSet>, BriefSet)> = p
        .catalog
        .0
        .datasets
        .iter()
        .enumerate()
        .map(|(i, d)| if i == p.dataset { current.clone().unwrap_or_else(|| d.clone()) } else { d.clone() })
        .filter_map(|d| brief(&d, &unit).map(|b| (d, b)))
        .collect();
    let name = |i: &str| p.label(i);
    let briefs: Vec<BriefSet> = sets.iter().map(|(_, b)| b.clone()).collect();
    let table = tables::brief(lang, &briefs, &name);
    let first_chart = briefs.first().map(|b| ChartSpec::Trend { view: b.trend.clone(), my_unit: Some(unit.clone()) });
    let targets_html = p.catalog.0.targets.iter().map(|sheet| {
        let v = targets(sheet);
        html! {
            <div class="brief-targets" data-brief-targets={sheet.name.clone()}>
                <h4>{format!("{} — {}", t(lang, K::BriefTargets), sheet.name)}</h4>
                <ul>
                    { for v.rows.iter().map(|r| html! {
                        <li data-status={r.status.name()} class={classes!("status", r.status.name())}>
                            {format!("{} ({}): {}", r.target.indicator, r.target.text, status_text(lang, r.status))}
                            if r.status != Status::NoData {
                                {format!(" — {} {}", r.latest.map(|v| lang.num(v, 2)).unwrap_or_default(),
                                    r.margin.map(|m| format!("({})", signed(lang, m, 2))).unwrap_or_default())}
                            }
                        </li>
                    }) }
                </ul>
            </div>
        }
    });
    html! {
        <section class="view brief" data-view="brief" data-unit={unit.clone()} aria-labelledby="view-title">
            <h2 id="view-title">{format!("{} — {unit}", t(lang, K::BriefTitle))}</h2>
            {controls}
            <ExportBar lang={lang} chart={first_chart} table={TableSource::ready(table.clone())} name="ho-so-don-vi" />
            if sets.is_empty() {
                <p class="empty">{t(lang, K::BriefNoData)}</p>
            }
            { for sets.iter().map(|(d, b)| set_html(p, d, b, &unit)) }
            { for targets_html }
        </section>
    }
}

fn line_summary(lang: chiso_core::Lang, l: &Line, previous: Option<&str>) -> String {
    let mut out = format!(
        "{}: {} · {}: {}",
        t(lang, K::BriefScore),
        num(lang, l.value, 2),
        t(lang, K::BriefRankOf),
        rank_of(l.rank, l.of)
    );
    if let Some(p) = previous {
        if l.rank_change.is_some() || l.value_change.is_some() {
            out.push_str(&format!(
                " · {} {p}: {}, {}",
                t(lang, K::BriefSince),
                rank_move(l.rank_change),
                or_dash(l.value_change.map(|c| signed(lang, c, 2)))
            ));
        }
    }
    out
}

/// One data set of the brief: a page of its own when printed.
fn set_html(p: &Props, d: &chiso_core::DataSet, b: &BriefSet, unit: &str) -> Html {
    let lang = p.lang;
    let name = |i: &str| p.label(i);
    let win_back = b.win_back.iter().map(|k| {
        let l = &b.components[*k];
        let below = l.below_median.filter(|m| *m > 0.0);
        let below = below.map(|m| lang.num(m, 2)).unwrap_or_else(|| "0".into());
        let text =
            win_back_line(lang, &name(&l.indicator), &below, &num(lang, l.lost_to_best, 2), &rank_of(l.rank, l.of));
        html! { <li data-win-back={l.indicator.clone()}>{text}</li> }
    });
    let mut trend = b.trend.clone();
    for sr in &mut trend.series {
        match sr.reference {
            Some(Reference::Median) => sr.unit = t(lang, K::BriefMedian).to_string(),
            Some(Reference::Best) => sr.unit = t(lang, K::BriefBest).to_string(),
            None => {}
        }
    }
    let trend_table = TableSource::ready(tables::trend(lang, &trend));
    let trend_spec = ChartSpec::Trend { view: trend, my_unit: Some(unit.to_string()) };
    let cmp = comparison(d, &b.period, &[unit.to_string()], Some(unit));
    let cmp_table = TableSource::ready(tables::comparison(lang, &cmp));
    let cmp_spec = ChartSpec::Comparison { view: cmp };
    let overall = b.overall.as_ref();
    // The scale, where the file gives one.
    let has_max = overall.into_iter().chain(&b.components).any(|l| l.max_possible.is_some());
    html! {
        <article class="brief-set" data-brief-dataset={b.dataset.clone()} data-brief-period={b.period.clone()}>
            <h3>{format!("{} — {}", b.dataset, b.period)}
                if !b.group.is_empty() { {format!(" — {}", b.group)} }
            </h3>
            if let Some(o) = overall {
                <p class="brief-overall" data-brief-value={o.value.map(|v| v.to_string()).unwrap_or_default()}
                    data-brief-rank={rank_of(o.rank, o.of)}>
                    <strong>{name(&o.indicator)}</strong>{" — "}{line_summary(lang, o, b.previous.as_deref())}
                </p>
            }
            <table class="brief-lines" data-table="brief">
                <thead><tr>
                    <th scope="col">{t(lang, K::BriefComponent)}</th>
                    <th scope="col" class="num">{t(lang, K::BriefScore)}</th>
                    <th scope="col" class="num">{t(lang, K::BriefRankOf)}</th>
                    <th scope="col" class="num">{t(lang, K::Change)}</th>
                    <th scope="col" class="num">{t(lang, K::BriefBest)}</th>
                    <th scope="col" class="num">{t(lang, K::BriefMedian)}</th>
                    <th scope="col" class="num">{t(lang, K::BriefLostToBest)}</th>
                    <th scope="col" class="num">{t(lang, K::BriefBelowMedian)}</th>
                    if has_max {
                        <th scope="col" class="num">{t(lang, K::BriefMax)}</th>
                        <th scope="col" class="num">{t(lang, K::BriefLostToMax)}</th>
                    }
                </tr></thead>
                <tbody>
                    { for overall.into_iter().chain(&b.components).map(|l| html! {
                        <tr data-indicator={l.indicator.clone()} class={classes!(overall.is_some_and(|o| std::ptr::eq(o, l)).then_some("overall"))}>
                            <th scope="row">{name(&l.indicator)}</th>
                            <td class="num">{num(lang, l.value, 2)}</td>
                            <td class="num">{rank_of(l.rank, l.of)}</td>
                            <td class="num">{rank_move(l.rank_change)}</td>
                            <td class="num" title={l.leader.clone().unwrap_or_default()}>{num(lang, l.best, 2)}</td>
                            <td class="num">{num(lang, l.median, 2)}</td>
                            <td class="num">{num(lang, l.lost_to_best, 2)}</td>
                            <td class="num">{num(lang, l.below_median, 2)}</td>
                            if has_max {
                                <td class="num">{num(lang, l.max_possible, 2)}</td>
                                <td class="num">{num(lang, l.lost_to_max, 2)}</td>
                            }
                        </tr>
                    }) }
                </tbody>
            </table>
            if !b.win_back.is_empty() {
                <h4>{t(lang, K::BriefWinBack)}</h4>
                <ol class="win-back">{ for win_back }</ol>
            }
            <div class="brief-charts">
                <ChartCanvas lang={lang} spec={trend_spec} title={t(lang, K::BriefTrend).to_string()} table={trend_table} table_summary={t(lang, K::DataTable)} />
                if !b.components.is_empty() {
                    <ChartCanvas lang={lang} spec={cmp_spec} title={t(lang, K::BriefComponents).to_string()} table={cmp_table} table_summary={t(lang, K::DataTable)} />
                }
            </div>
        </article>
    }
}
