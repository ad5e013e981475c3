//! The staff surveys: each province's questionnaires by year and version, and each tenant's
//! opening, issued codes (as hashes) and answers tallied per question.

use antikor_shared::events::{QuestionnaireEvent, SurveyAnswerEvent, SurveyEvent};
use antikor_shared::survey::{
    OptionCount, Question, QuestionResult, QuestionnairePublished, SurveyOpened, SurveyResults,
};
use antikor_shared::{EventHeader, ProvinceCode, TenantId};
use std::collections::{BTreeMap, BTreeSet};

/// Every province's questionnaires and every tenant's surveys.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SurveyBook {
    /// Each province's questionnaires of a year, oldest version first.
    questionnaires: BTreeMap<(ProvinceCode, i32), Vec<QuestionnairePublished>>,
    /// Each tenant's survey of a year.
    tenants: foldhash::HashMap<TenantId, BTreeMap<i32, TenantSurvey>>,
}

/// A tenant's survey of one year.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TenantSurvey {
    /// The opening.
    pub opened: Option<SurveyOpened>,
    /// The issue hashes of the codes handed out.
    issued: BTreeSet<String>,
    /// The spend hashes of the codes answered with (unlinkable to the issue hashes without
    /// the codes).
    spent: BTreeSet<String>,
    /// The version of the `survey-{year}` stream.
    pub version: u64,
    /// How many answered.
    pub respondents: u32,
    /// Per question: how many chose each option (by index).
    choices: BTreeMap<String, Vec<u32>>,
    /// Per question: how many answered it.
    answered: BTreeMap<String, u32>,
    /// Per question: the free texts, in the order given.
    texts: BTreeMap<String, Vec<String>>,
}

impl TenantSurvey {
    /// How many codes were handed out.
    pub fn issued(&self) -> u32 {
        u32::try_from(self.issued.len()).unwrap_or(u32::MAX)
    }

    /// Whether a code with this spend hash was answered with.
    pub fn was_spent(&self, spend_hash: &str) -> bool {
        self.spent.contains(spend_hash)
    }

    /// Whether a code with this issue hash was handed out.
    pub fn was_issued(&self, issue_hash: &str) -> bool {
        self.issued.contains(issue_hash)
    }

    /// The results per question of `questionnaire`, texts included only with `texts`.
    pub fn tally(
        &self,
        questionnaire: &QuestionnairePublished,
        texts: bool,
    ) -> Vec<QuestionResult> {
        questionnaire
            .questions
            .iter()
            .map(|q| self.result(q, texts))
            .collect()
    }

    fn result(&self, q: &Question, texts: bool) -> QuestionResult {
        let chosen = self.choices.get(&q.key);
        QuestionResult {
            question: q.clone(),
            counts: q
                .options()
                .into_iter()
                .enumerate()
                .map(|(i, label)| OptionCount {
                    label,
                    count: chosen.and_then(|c| c.get(i)).copied().unwrap_or(0),
                })
                .collect(),
            answered: self.answered.get(&q.key).copied().unwrap_or(0),
            texts: texts.then(|| self.texts.get(&q.key).cloned().unwrap_or_default()),
        }
    }
}

impl SurveyBook {
    /// Folds in a questionnaire published by the regional administration of `province`.
    pub fn questionnaire(&mut self, province: Option<&ProvinceCode>, e: QuestionnaireEvent) {
        let QuestionnaireEvent::Published(published) = e;
        if let Some(province) = province {
            self.questionnaires
                .entry((province.clone(), published.year))
                .or_default()
                .push(published);
        }
    }

    fn survey_mut(&mut self, event: &EventHeader, year: i32) -> &mut TenantSurvey {
        crate::projections::tenant_entry(&mut self.tenants, &event.tenant)
            .entry(year)
            .or_default()
    }

    /// Folds in an event of a tenant's `survey-{year}` stream.
    pub fn survey(&mut self, event: &EventHeader, e: SurveyEvent) {
        let Some(year) = year_of(event.stream.as_str(), "") else {
            return;
        };
        let survey = self.survey_mut(event, year);
        survey.version = event.version;
        match e {
            SurveyEvent::Opened(o) => survey.opened = Some(o),
            SurveyEvent::CodesIssued(c) => survey.issued.extend(c.hashes),
        }
    }

    /// Folds in an answer to a tenant's survey.
    pub fn answered(&mut self, event: &EventHeader, e: SurveyAnswerEvent) {
        let Some(year) = year_of(event.stream.as_str(), "-answers") else {
            return;
        };
        let SurveyAnswerEvent::Answered(answered) = e;
        let survey = self.survey_mut(event, year);
        survey.respondents += 1;
        survey.spent.insert(answered.spent);
        for answer in answered.answers {
            *survey.answered.entry(answer.question.clone()).or_default() += 1;
            match (answer.choice, answer.text) {
                (Some(c), _) => {
                    let counts = survey.choices.entry(answer.question).or_default();
                    let c = usize::from(c);
                    if counts.len() <= c {
                        counts.resize(c + 1, 0);
                    }
                    counts[c] += 1;
                }
                (None, Some(text)) => survey.texts.entry(answer.question).or_default().push(text),
                (None, None) => {}
            }
        }
    }

    /// A province's questionnaire of a year: the newest version, or the one asked.
    pub fn questionnaire_of(
        &self,
        province: &ProvinceCode,
        year: i32,
        version: Option<u32>,
    ) -> Option<&QuestionnairePublished> {
        let versions = self.questionnaires.get(&(province.clone(), year))?;
        match version {
            None => versions.last(),
            Some(v) => versions.iter().find(|q| q.version == v),
        }
    }

    /// A tenant's survey of a year.
    pub fn of(&self, tenant: &TenantId, year: i32) -> Option<&TenantSurvey> {
        self.tenants.get(tenant)?.get(&year)
    }

    /// The questionnaire a tenant's survey of a year was opened on.
    fn opened_on(
        &self,
        province: &ProvinceCode,
        tenant: &TenantId,
        year: i32,
    ) -> Option<&QuestionnairePublished> {
        let opened = self.of(tenant, year)?.opened.as_ref()?;
        self.questionnaire_of(province, year, Some(opened.version))
    }

    /// How many answers a tenant's survey of a year needs before its results show: its
    /// questionnaire's threshold.
    pub fn min_answers(&self, province: &ProvinceCode, tenant: &TenantId, year: i32) -> u32 {
        self.opened_on(province, tenant, year)
            .map_or(antikor_shared::survey::MIN_ANSWERS, |q| q.min_answers)
    }

    /// A tenant's results of a year on the questionnaire it opened; none shown below the
    /// questionnaire's threshold.
    pub fn results(
        &self,
        province: &ProvinceCode,
        tenant: &TenantId,
        year: i32,
        texts: bool,
    ) -> SurveyResults {
        let survey = self.of(tenant, year);
        let questionnaire = self.opened_on(province, tenant, year);
        let respondents = survey.map_or(0, |s| s.respondents);
        let min_answers = self.min_answers(province, tenant, year);
        SurveyResults {
            tenant: Some(tenant.clone()),
            year,
            respondents,
            min_answers,
            questions: match (survey, questionnaire) {
                (Some(s), Some(q)) if respondents >= min_answers => Some(s.tally(q, texts)),
                _ => None,
            },
        }
    }
}

/// The year in a survey stream's name: `survey-{year}{suffix}`.
fn year_of(stream: &str, suffix: &str) -> Option<i32> {
    stream
        .strip_prefix("survey-")?
        .strip_suffix(suffix)?
        .parse()
        .ok()
}
