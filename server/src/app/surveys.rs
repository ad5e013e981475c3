//! The staff survey as its keepers and respondents use it: the region's questionnaire (through
//! a plan editor's [`TenantWrite`]), a tenant's opening and codes, anonymous answers, and the
//! results of a tenant (a [`TenantRead`]) and of a province (a [`ReadScope`]).

use super::App;
use crate::access::{ReadScope, TenantRead, TenantWrite};
use crate::domain::surveys::{
    AnswersAggregate, AnswersContext, GiveAnswers, QuestionnaireAggregate, SurveyAggregate,
    SurveyCommand, SurveyContext,
};
use crate::projections::surveys::TenantSurvey;
use crate::streams;
use crate::util::errors::{AppError, AppResult};
use antikor_shared::survey::{
    ANONYMOUS, Answer, CODE_ALPHABET, CODE_CHARS, IssuedCodes, QuestionnairePublished,
    QuestionnaireView, RegionSurvey, RegionSurveyRow, SurveyForm, SurveyResults, SurveyStatus,
    default_questionnaire, format_code, issue_hash, normalize_code, spend_hash,
};
use antikor_shared::{ProvinceCode, TenantId};
use rand::Rng;

/// A code that is no code, or not one of the tenant's: said the same way whatever was wrong,
/// so that the form tells a guesser nothing.
fn bad_code() -> AppError {
    AppError::Forbidden(antikor_shared::msg!("requests-survey-code-invalid"))
}

/// A fresh code, in canonical form (80 random bits).
fn new_code() -> String {
    let mut rng = rand::rng();
    (0..CODE_CHARS)
        .map(|_| char::from(CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())]))
        .collect()
}

impl App {
    /// The province of a tenant's survey (its questionnaire is the province's).
    fn survey_province(&self, tenant: &TenantId) -> AppResult<ProvinceCode> {
        self.tenant_province(tenant)
    }

    /// A province's questionnaire of a year, and the draft a new version starts from.
    pub fn questionnaire(&self, province: &ProvinceCode, year: i32) -> QuestionnaireView {
        let models = self.models_unscoped();
        let published = models
            .surveys
            .questionnaire_of(province, year, None)
            .cloned();
        QuestionnaireView {
            year,
            draft: published
                .clone()
                .unwrap_or_else(|| default_questionnaire(year)),
            version: published.as_ref().map_or(0, |p| u64::from(p.version)),
            published,
        }
    }

    /// Publishes a new version of the year's questionnaire of the editor's province.
    pub async fn publish_questionnaire(
        &self,
        scope: &TenantWrite,
        year: i32,
        expected_version: u64,
        draft: QuestionnairePublished,
    ) -> AppResult<QuestionnaireView> {
        let province = self.tenant_province(scope.tenant())?;
        self.execute::<QuestionnaireAggregate>(
            scope,
            streams::questionnaire(year),
            Some(expected_version),
            draft,
            &year,
        )
        .await?;
        Ok(self.questionnaire(&province, year))
    }

    /// A tenant's survey of a year as its staff manage it.
    pub fn survey_status(&self, scope: &TenantRead, year: i32) -> AppResult<SurveyStatus> {
        let province = self.survey_province(scope.tenant())?;
        let models = self.models_unscoped();
        let survey = models.surveys.of(scope.tenant(), year);
        Ok(SurveyStatus {
            tenant: scope.tenant().clone(),
            year,
            questionnaire: models
                .surveys
                .questionnaire_of(&province, year, None)
                .cloned(),
            opened: survey.and_then(|s| s.opened.clone()),
            issued: survey.map_or(0, |s| s.issued()),
            answered: survey.map_or(0, |s| s.respondents),
            version: survey.map_or(0, |s| s.version),
        })
    }

    fn survey_context(&self, scope: &TenantWrite, year: i32) -> AppResult<SurveyContext> {
        let province = self.survey_province(scope.tenant())?;
        Ok(SurveyContext {
            year,
            questionnaire: self
                .models_unscoped()
                .surveys
                .questionnaire_of(&province, year, None)
                .map(|q| q.version),
            today: self.clock.today(),
        })
    }

    /// Opens the caller's tenant's survey of a year, on the region's newest questionnaire.
    pub async fn open_survey(
        &self,
        scope: &TenantWrite,
        year: i32,
        closes_on: chrono::NaiveDate,
    ) -> AppResult<SurveyStatus> {
        let context = self.survey_context(scope, year)?;
        let command = SurveyCommand::Open { closes_on };
        self.execute::<SurveyAggregate>(scope, streams::survey(year), None, command, &context)
            .await?;
        self.survey_status(&TenantRead::of(scope), year)
    }

    /// Hands out `count` new codes of the caller's tenant's survey: the codes are returned
    /// once, and only their issue hashes are recorded.
    pub async fn issue_survey_codes(
        &self,
        scope: &TenantWrite,
        year: i32,
        count: u32,
    ) -> AppResult<IssuedCodes> {
        let context = self.survey_context(scope, year)?;
        let codes: Vec<String> = (0..count.min(antikor_shared::survey::MAX_CODES_PER_ISSUE + 1))
            .map(|_| new_code())
            .collect();
        let hashes = codes.iter().map(|c| issue_hash(c)).collect();
        let command = SurveyCommand::IssueCodes { hashes };
        self.execute::<SurveyAggregate>(scope, streams::survey(year), None, command, &context)
            .await?;
        Ok(IssuedCodes {
            codes: codes.iter().map(|c| format_code(c)).collect(),
            status: self.survey_status(&TenantRead::of(scope), year)?,
        })
    }

    /// The questionnaire a code opens: the tenant's survey of the year, while it is open and
    /// the code unused.
    pub fn survey_form(&self, tenant: &TenantId, year: i32, code: &str) -> AppResult<SurveyForm> {
        let code = normalize_code(code).ok_or_else(bad_code)?;
        let province = self.survey_province(tenant).map_err(|_| bad_code())?;
        let models = self.models_unscoped();
        let survey = models.surveys.of(tenant, year).ok_or_else(bad_code)?;
        if !survey.was_issued(&issue_hash(&code)) {
            return Err(bad_code());
        }
        if survey.was_spent(&spend_hash(&code)) {
            return Err(AppError::Conflict(antikor_shared::msg!(
                "requests-survey-code-spent"
            )));
        }
        let opened = survey.opened.as_ref().ok_or_else(bad_code)?;
        if self.clock.today() > opened.closes_on {
            return Err(AppError::Conflict(antikor_shared::msg!(
                "requests-survey-closed"
            )));
        }
        let questionnaire = models
            .surveys
            .questionnaire_of(&province, year, Some(opened.version))
            .cloned()
            .ok_or_else(bad_code)?;
        Ok(SurveyForm {
            tenant_name: models.tenant_name(tenant),
            questionnaire,
            closes_on: opened.closes_on,
        })
    }

    /// Records one person's answers, given with a code of the tenant's survey. Nothing of the
    /// person is recorded: the actor is [`ANONYMOUS`], and the code only as its spend hash.
    pub async fn answer_survey(
        &self,
        tenant: &TenantId,
        year: i32,
        code: &str,
        answers: Vec<Answer>,
    ) -> AppResult<()> {
        let code = normalize_code(code).ok_or_else(bad_code)?;
        let province = self.survey_province(tenant).map_err(|_| bad_code())?;
        let (issued, opened) = {
            let models = self.models_unscoped();
            let survey = models.surveys.of(tenant, year);
            let issued = survey.is_some_and(|s| s.was_issued(&issue_hash(&code)));
            let opened = survey.and_then(|s| s.opened.as_ref()).and_then(|o| {
                let q = models
                    .surveys
                    .questionnaire_of(&province, year, Some(o.version))?;
                Some((q.clone(), o.closes_on))
            });
            (issued, opened)
        };
        if !issued {
            return Err(bad_code());
        }
        let context = AnswersContext {
            opened,
            today: self.clock.today(),
        };
        let command = GiveAnswers {
            issued,
            spent: spend_hash(&code),
            answers,
        };
        let scope = TenantWrite::system(tenant.clone(), ANONYMOUS);
        self.execute::<AnswersAggregate>(
            &scope,
            streams::survey_answers(year),
            None,
            command,
            &context,
        )
        .await?;
        Ok(())
    }

    /// A tenant's results of a year, free texts only with `texts` (its officers).
    pub fn survey_results(
        &self,
        scope: &TenantRead,
        year: i32,
        texts: bool,
    ) -> AppResult<SurveyResults> {
        let province = self.survey_province(scope.tenant())?;
        Ok(self
            .models_unscoped()
            .surveys
            .results(&province, scope.tenant(), year, texts))
    }

    /// The surveys of a province's tenants in `scope` side by side, and the combined results
    /// of the tenants whose own results show (never free texts).
    pub fn region_survey(
        &self,
        scope: &ReadScope,
        province: &ProvinceCode,
        year: i32,
    ) -> RegionSurvey {
        let models = self.models_unscoped();
        let newest = models.surveys.questionnaire_of(province, year, None);
        let mut tenants = Vec::new();
        let mut combined: Option<Vec<antikor_shared::survey::QuestionResult>> = None;
        let mut respondents = 0;
        for tenant in models.tenant_list() {
            if tenant.registration.province.as_ref() != Some(province) || !scope.covers(&tenant.id)
            {
                continue;
            }
            let survey = models.surveys.of(&tenant.id, year);
            let results = models.surveys.results(province, &tenant.id, year, false);
            let shown = results.questions.is_some();
            if let (Some(questions), Some(newest)) = (results.questions, newest) {
                respondents += results.respondents;
                let sum =
                    combined.get_or_insert_with(|| TenantSurvey::default().tally(newest, false));
                // Only what asks the same as the newest version adds up across tenants.
                for total in sum.iter_mut() {
                    if let Some(part) = questions.iter().find(|q| q.question == total.question) {
                        total.answered += part.answered;
                        for (t, p) in total.counts.iter_mut().zip(&part.counts) {
                            t.count += p.count;
                        }
                    }
                }
            }
            tenants.push(RegionSurveyRow {
                tenant: tenant.id,
                name: tenant.registration.name(),
                opened: survey.is_some_and(|s| s.opened.is_some()),
                shown,
                respondents: shown.then_some(results.respondents),
            });
        }
        let min_answers = newest.map_or(antikor_shared::survey::MIN_ANSWERS, |q| q.min_answers);
        RegionSurvey {
            year,
            tenants,
            combined: SurveyResults {
                tenant: None,
                year,
                respondents,
                min_answers,
                questions: combined.filter(|_| respondents >= min_answers),
            },
        }
    }
}
