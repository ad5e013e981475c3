//! The annual report on a province's plan (or one institution's part of it): what
//! `GET /api/report/{year}` answers, and the tables that the page, its CSV files and the Word
//! document all print from, so that the three say the same.

use crate::activity::{Activity, ActivityKind};
use crate::activity_draft::{act_action_label, act_kind_label, media_kind_label};
use crate::ids::{ProvinceCode, TenantId};
use crate::plan::PlanMeasure;
use crate::progress::{CompletionLevel, Evidence};
use crate::signal::SignalStatistics;
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
    pub name_bg: String,
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
    pub columns: Vec<&'static str>,
    /// The rows.
    pub rows: Vec<Vec<String>>,
}

impl ReportTable {
    /// The table as CSV rows, the column names first.
    pub fn csv(&self) -> Vec<Vec<String>> {
        let mut out = vec![self.columns.iter().map(|c| (*c).to_owned()).collect()];
        out.extend(self.rows.iter().cloned());
        out
    }
}

/// A level as the report writes it.
pub fn level_text(level: Option<CompletionLevel>) -> &'static str {
    level.map_or("Няма отчет", CompletionLevel::label_bg)
}

/// A measure's deadline, who answers for it and how it is judged, in one line.
pub fn measure_terms(m: &PlanMeasure) -> String {
    format!(
        "Срок: {} · Отговорник: {} · Индикатор: {}",
        m.deadline_in_source.trim(),
        m.responsible.join("; "),
        m.indicator.trim()
    )
}

/// One piece of evidence as one line.
pub fn evidence_text(evidence: &Evidence) -> &str {
    match evidence {
        Evidence::Link(s) | Evidence::Document(s) => s,
        Evidence::File(f) => &f.name,
    }
}

/// What became of a contested act so far.
fn act_outcome(act: &crate::activity::ActContested) -> String {
    let mut parts = Vec::new();
    if let Some(revote) = &act.council_revote {
        parts.push(format!("Ново обсъждане: {revote}"));
    }
    if let Some(case) = &act.court_case {
        parts.push(format!("Дело {case}"));
    }
    match &act.court_outcome {
        Some(outcome) => parts.push(format!("Решение на съда: {outcome}")),
        None if act.court_case.is_some() => parts.push("Делото не е приключило".to_owned()),
        None => {}
    }
    if parts.is_empty() {
        "Очаква се".to_owned()
    } else {
        parts.join("; ")
    }
}

impl AnnualReport {
    /// An institution's name in the report (its slug when it is not one of the report's, as
    /// a contested act's municipality outside it may be).
    pub fn name_of(&self, tenant: &str) -> String {
        self.institutions
            .iter()
            .find(|i| i.tenant.as_str() == tenant)
            .map_or_else(|| tenant.to_owned(), |i| i.name_bg.clone())
    }

    /// Whether the reader sees anyone's notes: then the measures' tables have their columns.
    pub fn detailed(&self) -> bool {
        self.institutions.iter().any(|i| i.detailed)
    }

    /// The institutions that have not reported on any measure of the year.
    pub fn not_reported(&self) -> impl Iterator<Item = &ReportInstitution> {
        self.institutions.iter().filter(|i| !i.reported())
    }

    /// The report's title.
    pub fn title(&self) -> String {
        let whose = match &self.institution {
            Some(t) => format!(" — {}", self.name_of(t.as_str())),
            None => String::new(),
        };
        format!(
            "Годишен отчет за изпълнението на плана за {} г.{whose}",
            self.year
        )
    }

    /// Who files it.
    pub fn issuer(&self) -> String {
        format!(
            "Областен обществен съвет за превенция и противодействие на корупцията — област {}",
            self.province_name
        )
    }

    /// Each institution's measures by level, overdue measures and activities by kind.
    pub fn institutions_table(&self) -> ReportTable {
        let mut columns = vec!["Институция"];
        columns.extend(CompletionLevel::ALL.iter().rev().map(|l| l.label_bg()));
        columns.extend(["Без отчет", "Просрочени"]);
        columns.extend(ActivityKind::ALL.iter().map(|k| k.label_bg()));
        let rows = self
            .institutions
            .iter()
            .map(|i| {
                let c = &i.counts;
                let mut row = vec![i.name_bg.clone()];
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
            caption: format!("Изпълнение и дейности по институции, {} г.", self.year),
            columns,
            rows,
        }
    }

    /// Every measure with each institution's level (and, for the institutions the reader
    /// sees in detail, what was done and what shows it): one row per measure and institution.
    pub fn measures_table(&self) -> ReportTable {
        let detailed = self.detailed();
        let mut columns = vec!["Раздел", "Мярка", "Текст", "Срок", "Институция", "Степен"];
        if detailed {
            columns.extend(["Какво е направено", "Доказателства", "Към дата"]);
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
                    row.extend([String::new(), format!("Оттеглена: {reason}")]);
                    row.resize(columns.len(), String::new());
                    rows.push(row);
                    continue;
                }
                for l in &m.levels {
                    let mut row = lead();
                    row.extend([
                        self.name_of(l.tenant.as_str()),
                        level_text(l.level).to_owned(),
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
            caption: format!("Мерките на плана за {} г. по институции", self.year),
            columns,
            rows,
        }
    }

    /// The list of one kind of activity as a table, its columns chosen for the kind.
    pub fn activity_table(&self, list: &ActivityList) -> ReportTable {
        let columns: Vec<&'static str> = match list.kind {
            ActivityKind::Meeting => vec![
                "Дата",
                "Институция",
                "Вид",
                "Тема",
                "Участници",
                "Решения",
                "Мерки",
            ],
            ActivityKind::Training => vec!["Дата", "Институция", "Тема", "Участници", "Мерки"],
            ActivityKind::Media => vec![
                "Дата",
                "Институция",
                "Вид",
                "Медия или канал",
                "Съдържание",
                "Мерки",
            ],
            ActivityKind::DeclarationCheck => vec![
                "Период",
                "Институция",
                "Проверяващ орган",
                "Проверени декларации",
                "Установени нарушения",
                "Сигнали до компетентен орган",
                "Мерки",
            ],
            ActivityKind::ContestedAct => vec![
                "Акт",
                "Община",
                "Действие",
                "Основания",
                "Резултат",
                "Мерки",
            ],
        };
        let rows = list
            .items
            .iter()
            .map(|item| {
                let by = self.name_of(item.tenant.as_str());
                let measures = item.activity.measures().join(", ");
                match &item.activity {
                    Activity::Meeting(m) => vec![
                        date_bg(m.date),
                        by,
                        m.meeting_kind.label_bg().to_owned(),
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
                        media_kind_label(m.media_kind).to_owned(),
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
                        format!(
                            "{} № {} от {}",
                            act_kind_label(a.act_kind),
                            a.act_number,
                            date_bg(a.act_date)
                        ),
                        self.name_of(&a.municipality),
                        format!("{} на {}", act_action_label(a.action), date_bg(a.action_on)),
                        a.grounds.clone(),
                        act_outcome(a),
                        measures,
                    ],
                }
            })
            .collect();
        let shown = list.items.len() as u64;
        let caption = if shown < list.total {
            format!(
                "{}, {} г.: последните {shown} от {}",
                list.kind.label_bg(),
                self.year,
                list.total
            )
        } else {
            format!("{}, {} г.", list.kind.label_bg(), self.year)
        };
        ReportTable {
            caption,
            columns,
            rows,
        }
    }

    /// Each institution's corruption-risk register of the year in figures (measure VI.1).
    pub fn risks_table(&self) -> ReportTable {
        let rows = self
            .institutions
            .iter()
            .map(|i| {
                let r = &i.risks;
                if r.open + r.closed == 0 {
                    let mut row = vec![i.name_bg.clone(), "Няма регистър".to_owned()];
                    row.extend(std::iter::repeat_n(String::new(), 7));
                    return row;
                }
                let [low, medium, high] = r.by_band;
                [
                    i.name_bg.clone(),
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
            caption: format!(
                "Регистри на корупционните рискове за {} г. (мярка VI.1): отворени рискове по остатъчно ниво",
                self.year
            ),
            columns: vec![
                "Институция",
                "Отворени",
                "Висок",
                "Среден",
                "Нисък",
                "Неоценени",
                "Без мерки",
                "Просрочени прегледи",
                "Закрити",
            ],
            rows,
        }
    }

    /// The signals received by each institution and how the statutory clocks were kept.
    pub fn signals_table(&self) -> ReportTable {
        let s = &self.signals;
        let rows = s
            .by_tenant
            .iter()
            .map(|t| {
                let rate = |r: Option<u32>| r.map_or_else(|| "—".to_owned(), |r| format!("{r} %"));
                vec![
                    t.name.clone(),
                    t.received.label(),
                    format!(
                        "{} от {}",
                        t.acknowledged_in_time.label(),
                        t.acknowledgments_due.label()
                    ),
                    rate(t.acknowledgment_rate),
                    format!(
                        "{} от {}",
                        t.feedback_in_time.label(),
                        t.feedback_due.label()
                    ),
                    rate(t.feedback_rate),
                ]
            })
            .collect();
        ReportTable {
            caption: format!(
                "Сигнали за корупция, получени през {} г. (общо {}; броеве под 3 не се показват)",
                self.year,
                s.total.label()
            ),
            columns: vec![
                "Институция",
                "Получени",
                "Потвърдени в 7-дневния срок",
                "% в срок",
                "Обратна информация в 3-месечния срок",
                "% в срок",
            ],
            rows,
        }
    }

    /// The signals by category, suppressed as the public statistics are.
    pub fn signal_categories_table(&self) -> ReportTable {
        ReportTable {
            caption: format!("Сигнали по категория, {} г.", self.year),
            columns: vec!["Категория", "Брой"],
            rows: self
                .signals
                .by_category
                .iter()
                .map(|c| vec![c.label.clone(), c.count.label()])
                .collect(),
        }
    }
}
