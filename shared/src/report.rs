//! The annual report on a province's plan (or one institution's part of it): what
//! `GET /api/report/{year}` answers, and the tables that the page, its CSV files and the Word
//! document all print from, so that the three say the same.

use crate::activity::{Activity, ActivityKind};
use crate::i18n::Lang;
use crate::ids::{ProvinceCode, TenantId};
use crate::plan::PlanMeasure;
use crate::progress::{CompletionLevel, Evidence};
use crate::signal::SignalStatistics;
use crate::tenant::TenantName;
use crate::text::date_bg;
use crate::views::{KindCount, LevelCounts};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How many records of each kind of activity a report lists; the rest are counted and sent as
/// the activities' CSV. A report is read and signed by people: a year of a busy province fits,
/// a runaway import does not make it unprintable.
pub const LISTED_PER_KIND: usize = 300;

/// `GET /api/report/{year}`: a year's plan and what the institutions did about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnnualReport {
    /// The plan's year.
    pub year: i32,
    /// The province whose council keeps the plan.
    pub province: ProvinceCode,
    /// Its name (Благоевград).
    pub province_name: String,
    /// The plan's heading.
    pub plan_title: String,
    /// The one institution the report is about (`None`: the province's whole report).
    pub institution: Option<TenantId>,
    /// The day the report describes: "overdue" is judged on it.
    pub today: NaiveDate,
    /// The log position it was built at.
    pub position: u64,
    /// The institutions it covers, the regional administration first.
    pub institutions: Vec<ReportInstitution>,
    /// The plan's sections with their measures and each institution's level.
    pub sections: Vec<ReportSection>,
    /// The year's activities, one list per kind.
    pub activities: Vec<ActivityList>,
    /// The signals received in the year, as the public statistics show them (small counts
    /// suppressed).
    pub signals: SignalStatistics,
}

/// One institution of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportInstitution {
    /// The tenant.
    pub tenant: TenantId,
    /// Its name.
    pub name: TenantName,
    /// Its measures by level.
    pub counts: LevelCounts,
    /// How many of its measures are overdue.
    pub overdue: u32,
    /// Its activities of the year by kind.
    pub activities: Vec<KindCount>,
    /// Whether the reader sees its notes, evidence and every activity; otherwise its levels,
    /// public meetings and contested acts only, as every visitor does.
    pub detailed: bool,
    /// Its corruption-risk register of the year in figures (measure VI.1): counts only, never
    /// a risk's text.
    #[serde(default)]
    pub risks: crate::risk::RiskSummary,
}

impl ReportInstitution {
    /// Whether it reported on at least one measure of the year.
    pub fn reported(&self) -> bool {
        self.counts.not_reported < self.counts.total()
    }
}

/// A section of the plan in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportSection {
    /// Its numeral.
    pub numeral: String,
    /// Its title.
    pub title: String,
    /// Its measures in force by level, over the report's institutions.
    pub levels: LevelCounts,
    /// Its measures, withdrawn ones included.
    pub measures: Vec<ReportMeasure>,
}

/// A measure with each institution's level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportMeasure {
    /// The measure as the plan has it.
    pub measure: PlanMeasure,
    /// Why it was withdrawn, if it was (then nobody reports on it).
    pub withdrawn: Option<String>,
    /// One entry per institution, in the report's order (empty for a withdrawn measure).
    pub levels: Vec<InstitutionLevel>,
}

/// Where one institution stands on a measure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InstitutionLevel {
    /// The institution.
    pub tenant: TenantId,
    /// Its newest level (`None`: no report).
    pub level: Option<CompletionLevel>,
    /// What it reported, when it did and the reader sees its notes.
    pub detail: Option<ReportDetail>,
}

/// What an institution wrote in its newest report on a measure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportDetail {
    /// What was done, in the officer's words.
    pub note: String,
    /// What shows it.
    pub evidence: Vec<Evidence>,
    /// The day the report describes.
    pub reported_for: NaiveDate,
}

/// The year's activities of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivityList {
    /// The kind.
    pub kind: ActivityKind,
    /// How many the reader may see in all.
    pub total: u64,
    /// The newest [`LISTED_PER_KIND`] of them, oldest first.
    pub items: Vec<ReportActivity>,
}

/// One activity in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportActivity {
    /// Whose.
    pub tenant: TenantId,
    /// The record as it stands.
    pub activity: Activity,
}

/// A table of the report: a caption, column names and rows of as many cells, the same in the
/// page, its CSV file and the Word document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportTable {
    /// What it shows.
    pub caption: String,
    /// The columns' names.
    pub columns: Vec<String>,
    /// The rows.
    pub rows: Vec<Vec<String>>,
}

impl ReportTable {
    /// The table as CSV rows, the column names first.
    pub fn csv(&self) -> Vec<Vec<String>> {
        let mut out = vec![self.columns.clone()];
        out.extend(self.rows.iter().cloned());
        out
    }
}

/// A level as the report in `lang` writes it ("No report" for none).
pub fn level_text(level: Option<CompletionLevel>, lang: Lang) -> String {
    match level {
        Some(level) => level.label(lang),
        None => crate::tr!(lang, "labels-completion-level-none"),
    }
}

/// A measure's deadline, who answers for it and how it is judged, in one line, in `lang`.
pub fn measure_terms(m: &PlanMeasure, lang: Lang) -> String {
    crate::tr!(
        lang,
        "report-measure-terms",
        deadline = m.deadline_in_source.trim(),
        responsible = m.responsible.join("; "),
        indicator = m.indicator.trim(),
    )
}

/// One piece of evidence as one line.
pub fn evidence_text(evidence: &Evidence) -> &str {
    match evidence {
        Evidence::Link(s) | Evidence::Document(s) => s,
        Evidence::File(f) => &f.name,
    }
}

/// What became of a contested act so far, in `lang`.
fn act_outcome(act: &crate::activity::ActContested, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(revote) = &act.council_revote {
        parts.push(crate::tr!(lang, "report-act-revote", revote = revote));
    }
    if let Some(case) = &act.court_case {
        parts.push(crate::tr!(lang, "report-act-court-case", case = case));
    }
    match &act.court_outcome {
        Some(outcome) => parts.push(crate::tr!(
            lang,
            "report-act-court-outcome",
            outcome = outcome
        )),
        None if act.court_case.is_some() => parts.push(crate::tr!(lang, "report-act-case-pending")),
        None => {}
    }
    if parts.is_empty() {
        crate::tr!(lang, "report-act-awaited")
    } else {
        parts.join("; ")
    }
}

impl AnnualReport {
    /// An institution's name in the report, in `lang` (its slug when it is not one of the
    /// report's, as a contested act's municipality outside it may be).
    pub fn name_of(&self, tenant: &str, lang: Lang) -> String {
        self.institution_name(tenant)
            .map_or_else(|| tenant.to_owned(), |name| name.get(lang).to_owned())
    }

    /// An institution's name in both languages, when it is one of the report's.
    pub fn institution_name(&self, tenant: &str) -> Option<&TenantName> {
        self.institutions
            .iter()
            .find(|i| i.tenant.as_str() == tenant)
            .map(|i| &i.name)
    }

    /// Whether the reader sees anyone's notes: then the measures' tables have their columns.
    pub fn detailed(&self) -> bool {
        self.institutions.iter().any(|i| i.detailed)
    }

    /// The institutions that have not reported on any measure of the year.
    pub fn not_reported(&self) -> impl Iterator<Item = &ReportInstitution> {
        self.institutions.iter().filter(|i| !i.reported())
    }

    /// The report's title, in `lang`.
    pub fn title(&self, lang: Lang) -> String {
        // The year as a text: a number would be written with digit groups ("2 017").
        let year = self.year.to_string();
        match &self.institution {
            Some(t) => crate::tr!(
                lang,
                "labels-report-title-institution",
                year = year,
                institution = self.name_of(t.as_str(), lang)
            ),
            None => crate::tr!(lang, "labels-report-title", year = year),
        }
    }

    /// Who files it, in `lang`.
    pub fn issuer(&self, lang: Lang) -> String {
        crate::tr!(lang, "labels-report-issuer", province = &self.province_name)
    }

    /// Each institution's measures by level, overdue measures and activities by kind, in
    /// `lang`.
    pub fn institutions_table(&self, lang: Lang) -> ReportTable {
        let mut columns = vec![crate::tr!(lang, "report-column-institution")];
        columns.extend(CompletionLevel::ALL.iter().rev().map(|l| l.label(lang)));
        columns.extend([
            crate::tr!(lang, "report-column-not-reported"),
            crate::tr!(lang, "report-column-overdue"),
        ]);
        columns.extend(ActivityKind::ALL.iter().map(|k| k.label(lang)));
        let rows = self
            .institutions
            .iter()
            .map(|i| {
                let c = &i.counts;
                let mut row = vec![i.name.get(lang).to_owned()];
                row.extend(
                    [
                        c.completed,
                        c.substantial,
                        c.limited,
                        c.not_started,
                        c.not_reported,
                        i.overdue,
                    ]
                    .map(|n| n.to_string()),
                );
                row.extend(ActivityKind::ALL.iter().map(|k| {
                    i.activities
                        .iter()
                        .find(|a| a.kind == *k)
                        .map_or(0, |a| a.count)
                        .to_string()
                }));
                row
            })
            .collect();
        ReportTable {
            caption: crate::tr!(
                lang,
                "report-institutions-caption",
                year = self.year.to_string()
            ),
            columns,
            rows,
        }
    }

    /// Every measure with each institution's level (and, for the institutions the reader
    /// sees in detail, what was done and what shows it): one row per measure and institution,
    /// in `lang`.
    pub fn measures_table(&self, lang: Lang) -> ReportTable {
        let detailed = self.detailed();
        let mut columns = vec![
            crate::tr!(lang, "report-column-section"),
            crate::tr!(lang, "report-column-measure"),
            crate::tr!(lang, "report-column-text"),
            crate::tr!(lang, "report-column-deadline"),
            crate::tr!(lang, "report-column-institution"),
            crate::tr!(lang, "report-column-level"),
        ];
        if detailed {
            columns.extend([
                crate::tr!(lang, "report-column-what-was-done"),
                crate::tr!(lang, "report-column-evidence"),
                crate::tr!(lang, "report-column-as-of"),
            ]);
        }
        let mut rows = Vec::new();
        for section in &self.sections {
            for m in &section.measures {
                let lead = || {
                    vec![
                        section.numeral.clone(),
                        m.measure.number_in_source.clone(),
                        m.measure.text.clone(),
                        m.measure.deadline_in_source.clone(),
                    ]
                };
                if let Some(reason) = &m.withdrawn {
                    let mut row = lead();
                    row.extend([
                        String::new(),
                        crate::tr!(lang, "report-measure-withdrawn", reason = reason),
                    ]);
                    row.resize(columns.len(), String::new());
                    rows.push(row);
                    continue;
                }
                for l in &m.levels {
                    let mut row = lead();
                    row.extend([
                        self.name_of(l.tenant.as_str(), lang),
                        level_text(l.level, lang),
                    ]);
                    if detailed {
                        let d = l.detail.as_ref();
                        row.extend([
                            d.map(|d| d.note.clone()).unwrap_or_default(),
                            d.map(|d| {
                                d.evidence
                                    .iter()
                                    .map(evidence_text)
                                    .collect::<Vec<_>>()
                                    .join("; ")
                            })
                            .unwrap_or_default(),
                            d.map(|d| date_bg(d.reported_for)).unwrap_or_default(),
                        ]);
                    }
                    rows.push(row);
                }
            }
        }
        ReportTable {
            caption: crate::tr!(
                lang,
                "report-measures-caption",
                year = self.year.to_string()
            ),
            columns,
            rows,
        }
    }

    /// The list of one kind of activity as a table in `lang`, its columns chosen for the kind.
    pub fn activity_table(&self, list: &ActivityList, lang: Lang) -> ReportTable {
        let date = || crate::tr!(lang, "report-column-date");
        let institution = || crate::tr!(lang, "report-column-institution");
        let kind = || crate::tr!(lang, "report-column-kind");
        let participants = || crate::tr!(lang, "report-column-participants");
        let measures = || crate::tr!(lang, "report-column-measures");
        let columns: Vec<String> = match list.kind {
            ActivityKind::Meeting => vec![
                date(),
                institution(),
                kind(),
                crate::tr!(lang, "report-column-topic"),
                participants(),
                crate::tr!(lang, "report-column-decisions"),
                measures(),
            ],
            ActivityKind::Training => vec![
                date(),
                institution(),
                crate::tr!(lang, "report-column-topic"),
                participants(),
                measures(),
            ],
            ActivityKind::Media => vec![
                date(),
                institution(),
                kind(),
                crate::tr!(lang, "report-column-channel"),
                crate::tr!(lang, "report-column-content"),
                measures(),
            ],
            ActivityKind::DeclarationCheck => vec![
                crate::tr!(lang, "report-column-period"),
                institution(),
                crate::tr!(lang, "report-column-checking-body"),
                crate::tr!(lang, "report-column-declarations-checked"),
                crate::tr!(lang, "report-column-irregularities-found"),
                crate::tr!(lang, "report-column-referrals"),
                measures(),
            ],
            ActivityKind::ContestedAct => vec![
                crate::tr!(lang, "report-column-act"),
                crate::tr!(lang, "report-column-municipality"),
                crate::tr!(lang, "report-column-action"),
                crate::tr!(lang, "report-column-grounds"),
                crate::tr!(lang, "report-column-outcome"),
                measures(),
            ],
        };
        let rows = list
            .items
            .iter()
            .map(|item| {
                let by = self.name_of(item.tenant.as_str(), lang);
                let measures = item.activity.measures().join(", ");
                match &item.activity {
                    Activity::Meeting(m) => vec![
                        date_bg(m.date),
                        by,
                        m.meeting_kind.label(lang),
                        m.title.clone(),
                        m.participants.to_string(),
                        m.decisions.clone(),
                        measures,
                    ],
                    Activity::Training(t) => vec![
                        date_bg(t.date),
                        by,
                        t.topic.clone(),
                        t.participants.to_string(),
                        measures,
                    ],
                    Activity::Media(m) => vec![
                        date_bg(m.date),
                        by,
                        m.media_kind.label(lang),
                        m.channel.clone(),
                        m.summary.clone(),
                        measures,
                    ],
                    Activity::DeclarationCheck(c) => vec![
                        format!("{} – {}", date_bg(c.period_from), date_bg(c.period_to)),
                        by,
                        c.checking_body.clone(),
                        c.declarations_checked.to_string(),
                        c.irregularities_found.to_string(),
                        c.referrals.to_string(),
                        measures,
                    ],
                    Activity::ContestedAct(a) => vec![
                        crate::tr!(
                            lang,
                            "report-act",
                            kind = a.act_kind.label(lang),
                            number = &a.act_number,
                            date = date_bg(a.act_date),
                        ),
                        self.name_of(&a.municipality, lang),
                        crate::tr!(
                            lang,
                            "report-act-action",
                            action = a.action.label(lang),
                            date = date_bg(a.action_on),
                        ),
                        a.grounds.clone(),
                        act_outcome(a, lang),
                        measures,
                    ],
                }
            })
            .collect();
        let shown = list.items.len() as u64;
        let (kind, year) = (list.kind.label(lang), self.year.to_string());
        let caption = if shown < list.total {
            crate::tr!(
                lang,
                "report-activities-caption-latest",
                kind = kind,
                year = year,
                shown = shown,
                total = list.total,
            )
        } else {
            crate::tr!(lang, "report-activities-caption", kind = kind, year = year)
        };
        ReportTable {
            caption,
            columns,
            rows,
        }
    }

    /// Each institution's corruption-risk register of the year in figures (measure VI.1), in
    /// `lang`.
    pub fn risks_table(&self, lang: Lang) -> ReportTable {
        let rows = self
            .institutions
            .iter()
            .map(|i| {
                let r = &i.risks;
                if r.open + r.closed == 0 {
                    let mut row = vec![
                        i.name.get(lang).to_owned(),
                        crate::tr!(lang, "report-risks-no-register"),
                    ];
                    row.extend(std::iter::repeat_n(String::new(), 7));
                    return row;
                }
                let [low, medium, high] = r.by_band;
                [
                    i.name.get(lang).to_owned(),
                    r.open.to_string(),
                    high.to_string(),
                    medium.to_string(),
                    low.to_string(),
                    r.unassessed.to_string(),
                    r.untreated.to_string(),
                    r.overdue_reviews.to_string(),
                    r.closed.to_string(),
                ]
                .into()
            })
            .collect();
        ReportTable {
            caption: crate::tr!(lang, "report-risks-caption", year = self.year.to_string()),
            columns: vec![
                crate::tr!(lang, "report-column-institution"),
                crate::tr!(lang, "report-column-risks-open"),
                crate::tr!(lang, "report-column-risks-high"),
                crate::tr!(lang, "report-column-risks-medium"),
                crate::tr!(lang, "report-column-risks-low"),
                crate::tr!(lang, "report-column-risks-unassessed"),
                crate::tr!(lang, "report-column-risks-untreated"),
                crate::tr!(lang, "report-column-risks-overdue-reviews"),
                crate::tr!(lang, "report-column-risks-closed"),
            ],
            rows,
        }
    }

    /// The signals received by each institution and how the statutory clocks were kept, in
    /// `lang`.
    pub fn signals_table(&self, lang: Lang) -> ReportTable {
        let s = &self.signals;
        let rate = |r: Option<u32>| {
            r.map_or_else(
                || "—".to_owned(),
                |r| crate::tr!(lang, "report-rate", rate = r),
            )
        };
        let of = |done: crate::signal::Cell, due: crate::signal::Cell| {
            crate::tr!(
                lang,
                "report-cells-of",
                done = done.label(lang),
                due = due.label(lang),
            )
        };
        let rows = s
            .by_tenant
            .iter()
            .map(|t| {
                vec![
                    t.name.get(lang).to_owned(),
                    t.received.label(lang),
                    of(t.acknowledged_in_time, t.acknowledgments_due),
                    rate(t.acknowledgment_rate),
                    of(t.feedback_in_time, t.feedback_due),
                    rate(t.feedback_rate),
                ]
            })
            .collect();
        let on_time = || crate::tr!(lang, "report-column-on-time-rate");
        ReportTable {
            caption: crate::tr!(
                lang,
                "report-signals-caption",
                year = self.year.to_string(),
                total = s.total.label(lang),
            ),
            columns: vec![
                crate::tr!(lang, "report-column-institution"),
                crate::tr!(lang, "report-column-received"),
                crate::tr!(lang, "report-column-acknowledged-in-time"),
                on_time(),
                crate::tr!(lang, "report-column-feedback-in-time"),
                on_time(),
            ],
            rows,
        }
    }

    /// The signals by category, suppressed as the public statistics are, in `lang`.
    pub fn signal_categories_table(&self, lang: Lang) -> ReportTable {
        ReportTable {
            caption: crate::tr!(
                lang,
                "report-categories-caption",
                year = self.year.to_string()
            ),
            columns: vec![
                crate::tr!(lang, "report-column-category"),
                crate::tr!(lang, "report-column-count"),
            ],
            rows: self
                .signals
                .by_category
                .iter()
                .map(|c| {
                    // The line's key is the category's code: its name in `lang`, or the
                    // label it came with for a code this build does not know.
                    let label = serde_json::from_value::<crate::signal::Category>(
                        serde_json::Value::String(c.key.clone()),
                    )
                    .map_or_else(|_| c.label.clone(), |category| category.label(lang));
                    vec![label, c.count.label(lang)]
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod label_tests {
    use super::*;

    fn report(institution: Option<&str>) -> AnnualReport {
        let empty = serde_json::json!({
            "year": null, "total": {"shown": "zero"}, "by_tenant": [], "by_category": [],
            "by_unit": [], "by_activity": [], "by_status": [], "by_regime": [],
            "by_channel": [], "by_quarter": [],
        });
        serde_json::from_value(serde_json::json!({
            "year": 2017,
            "province": "BLG",
            "province_name": "Благоевград",
            "plan_title": "План",
            "institution": institution,
            "today": "2017-12-31",
            "position": 1,
            "institutions": [],
            "sections": [],
            "activities": [],
            "signals": empty,
        }))
        .expect("a report")
    }

    #[test]
    fn report_labels_tell_values_apart_in_both_languages() {
        assert_eq!(
            report(None).title(Lang::Bg),
            "Годишен отчет за изпълнението на плана за 2017 г."
        );
        assert!(
            report(Some("bansko"))
                .title(Lang::Bg)
                .starts_with("Годишен отчет за изпълнението на плана за 2017 г. — ")
        );
        assert_eq!(
            report(None).title(Lang::En),
            "Annual report on the implementation of the 2017 plan"
        );
        crate::i18n::assert_distinct_labels(
            CompletionLevel::ALL.map(Some).into_iter().chain([None]),
            level_text,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A report of 2017 with one institution, a measure in force and a withdrawn one, a
    /// contested act and the signals' statistics.
    fn report() -> AnnualReport {
        let measure = |key: &str| {
            json!({
                "key": key, "section": "I", "number_in_source": key, "text": "Мярка",
                "deadline": {"from": {"year": 2017, "month": 3}, "to": {"year": 2017, "month": 3}},
                "deadline_in_source": " март 2017 ", "responsible": ["Областен управител", "Кметове"],
                "indicator": " Брой ", "expected_result": "",
            })
        };
        let cell = |n: u64| json!({"shown": "exact", "count": n});
        serde_json::from_value(json!({
            "year": 2017,
            "province": "BLG",
            "province_name": "Благоевград",
            "plan_title": "План",
            "institution": null,
            "today": "2017-12-31",
            "position": 1,
            "institutions": [{
                "tenant": "bansko", "name": {"bg": "Община Банско", "en": "Bansko Municipality"},
                "counts": {"completed": 0, "substantial": 0, "limited": 0, "not_started": 0,
                    "not_reported": 1},
                "overdue": 0, "activities": [], "detailed": false,
            }],
            "sections": [{
                "numeral": "I", "title": "Раздел",
                "levels": {"completed": 0, "substantial": 0, "limited": 0, "not_started": 0,
                    "not_reported": 1},
                "measures": [
                    {"measure": measure("I.1"), "withdrawn": null,
                        "levels": [{"tenant": "bansko", "level": null, "detail": null}]},
                    {"measure": measure("I.2"), "withdrawn": "Отпадна", "levels": []},
                ],
            }],
            "activities": [{
                "kind": "contested_act", "total": 1234,
                "items": [{"tenant": "oblast-blagoevgrad", "activity": {
                    "kind": "contested_act", "act_kind": "council_decision", "act_number": "123",
                    "act_date": "2017-03-01", "municipality": "bansko",
                    "received_on": "2017-03-05", "action": "contested_in_court",
                    "action_on": "2017-03-10", "grounds": "Основания", "council_revote": null,
                    "court_case": "45/2017", "court_outcome": null, "published_on": null,
                    "measures": ["I.1"],
                }}],
            }],
            "signals": {
                "year": 2017, "total": cell(12),
                "by_tenant": [{
                    "tenant": "bansko", "name": {"bg": "Община Банско", "en": ""},
                    "received": cell(12),
                    "acknowledged_in_time": cell(10), "acknowledgments_due": cell(12),
                    "feedback_in_time": {"shown": "fewer_than_three"},
                    "feedback_due": {"shown": "withheld"},
                    "acknowledgment_rate": 83, "feedback_rate": null, "obliged": true,
                }],
                "by_category": [
                    {"key": "bribery", "label": "Подкуп", "count": cell(7)},
                    {"key": "unknown", "label": "Друго име", "count": {"shown": "zero"}},
                ],
                "by_unit": [], "by_activity": [], "by_status": [], "by_regime": [],
                "by_channel": [], "by_quarter": [],
            },
        }))
        .expect("a report")
    }

    fn cyrillic(text: &str) -> bool {
        text.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
    }

    /// Every caption and column name of every table, in `lang`.
    fn headings(report: &AnnualReport, lang: Lang) -> Vec<String> {
        let mut tables = vec![
            report.institutions_table(lang),
            report.measures_table(lang),
            report.risks_table(lang),
            report.signals_table(lang),
            report.signal_categories_table(lang),
        ];
        tables.extend(
            report
                .activities
                .iter()
                .map(|l| report.activity_table(l, lang)),
        );
        tables
            .into_iter()
            .flat_map(|t| std::iter::once(t.caption).chain(t.columns))
            .collect()
    }

    #[test]
    fn the_tables_keep_their_bulgarian_and_speak_english() {
        let report = report();
        let m = &report.sections[0].measures[0].measure;
        assert_eq!(
            measure_terms(m, Lang::Bg),
            "Срок: март 2017 · Отговорник: Областен управител; Кметове · Индикатор: Брой"
        );
        assert_eq!(
            measure_terms(m, Lang::En),
            "Deadline: март 2017 · Responsible: Областен управител; Кметове · Indicator: Брой"
        );

        let measures = report.measures_table(Lang::Bg);
        assert_eq!(
            measures.caption,
            "Мерките на плана за 2017 г. по институции"
        );
        assert_eq!(
            measures.columns,
            ["Раздел", "Мярка", "Текст", "Срок", "Институция", "Степен"]
        );
        assert_eq!(measures.rows[0][5], "Няма отчет");
        assert_eq!(measures.rows[1][5], "Оттеглена: Отпадна");
        let measures = report.measures_table(Lang::En);
        assert_eq!(measures.rows[0][5], "Not reported");
        assert_eq!(measures.rows[1][5], "Withdrawn: Отпадна");

        let institutions = report.institutions_table(Lang::Bg);
        assert_eq!(
            institutions.caption,
            "Изпълнение и дейности по институции, 2017 г."
        );
        assert_eq!(institutions.columns[5..7], ["Без отчет", "Просрочени"]);

        let acts = report.activity_table(&report.activities[0], Lang::Bg);
        assert_eq!(
            acts.caption,
            "Оспорени актове, 2017 г.: последните 1 от 1\u{2009}234"
        );
        assert_eq!(
            acts.rows[0][..5],
            [
                "Решение на общински съвет № 123 от 01.03.2017",
                "Община Банско",
                "Оспорен пред административния съд на 10.03.2017",
                "Основания",
                "Дело 45/2017; Делото не е приключило",
            ]
        );
        let acts = report.activity_table(&report.activities[0], Lang::En);
        assert_eq!(acts.caption, "Contested acts, 2017: the latest 1 of 1,234");
        assert_eq!(
            acts.rows[0][..5],
            [
                "Municipal Council decision No. 123 of 01.03.2017",
                "Bansko Municipality",
                "Contested before the administrative court on 10.03.2017",
                "Основания",
                "Case 45/2017; The case is pending",
            ]
        );

        let signals = report.signals_table(Lang::Bg);
        assert_eq!(
            signals.caption,
            "Сигнали за корупция, получени през 2017 г. (общо 12; броеве под 3 не се показват)"
        );
        assert_eq!(
            signals.rows[0],
            [
                "Община Банско",
                "12",
                "10 от 12",
                "83 %",
                "< 3 от скрито",
                "—"
            ]
        );
        assert_eq!(
            report.signals_table(Lang::En).rows[0][..5],
            [
                // No English name came with this line: the Bulgarian stands in.
                "Община Банско",
                "12",
                "10 of 12",
                "83%",
                "< 3 of withheld"
            ]
        );
        // Institutions by their name in the reader's language.
        assert_eq!(
            report.institutions_table(Lang::En).rows[0][0],
            "Bansko Municipality"
        );
        assert_eq!(
            report.institutions_table(Lang::Bg).rows[0][0],
            "Община Банско"
        );
        let categories = report.signal_categories_table(Lang::Bg);
        assert_eq!(categories.caption, "Сигнали по категория, 2017 г.");
        assert_eq!(categories.columns, ["Категория", "Брой"]);
        assert_eq!(categories.rows[1], ["Друго име", "0"]);
        let categories = report.signal_categories_table(Lang::En);
        assert!(!cyrillic(&categories.rows[0][0]), "{:?}", categories.rows);

        let risks = report.risks_table(Lang::Bg);
        assert_eq!(risks.rows[0][1], "Няма регистър");
        assert_eq!(report.risks_table(Lang::En).rows[0][1], "No register");

        // No Bulgarian left in the English tables' captions and column names.
        let english = headings(&report, Lang::En);
        assert!(english.iter().all(|h| !cyrillic(h)), "{english:?}");
        assert!(
            headings(&report, Lang::Bg)
                .iter()
                .all(|h| cyrillic(h) || h.starts_with('%'))
        );
    }
}
