//! The yearly anonymous staff survey on corruption risk (plan measure VI.2): the region's
//! questionnaire, each tenant's opening with one-time access codes, answers recorded without
//! identity, and results shown only where enough people answered.
//!
//! Anonymity rests on two hashes of each code: the log keeps the issue hash of every code
//! handed out (to check a code) and, with each answer, the spend hash of the code it was given
//! with (to refuse a second answer). Both are SHA-256 of the code under different labels, so
//! without the code itself nothing links an issued code to an answer; Antikor never stores a
//! code, and never who received one.

use crate::TenantId;
use crate::i18n::Lang;
use crate::tenant::TenantName;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The fewest answers a group's results are shown for (employee-survey tools' usual default;
/// a region may raise it, never lower it).
pub const MIN_ANSWERS: u32 = 5;

/// The most codes one issue hands out.
pub const MAX_CODES_PER_ISSUE: u32 = 1000;

/// How many random characters a code has: 16 of Crockford's base32, 80 bits.
pub const CODE_CHARS: usize = 16;

/// The alphabet of codes: Crockford's base32 (no I, L, O, U to misread).
pub const CODE_ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// What a question asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum QuestionKind {
    /// Yes, no or can't say.
    YesNo,
    /// Agreement on a scale from 1 (not at all) to 5 (fully).
    Scale,
    /// One of the options given.
    Choice {
        /// The options, in order.
        options: Vec<String>,
    },
    /// A free text (shown only to the tenant's officers).
    Text,
}

/// One question of a questionnaire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Question {
    /// Its key, unique in the questionnaire (`q1`, `q2`…).
    pub key: String,
    /// The question.
    pub text: String,
    /// What it asks for.
    #[serde(flatten)]
    pub kind: QuestionKind,
}

impl Question {
    /// The labels of the closed answers, in order (none for a free text).
    pub fn options(&self) -> Vec<String> {
        match &self.kind {
            QuestionKind::YesNo => ["Да", "Не", "Не мога да преценя"]
                .map(str::to_owned)
                .to_vec(),
            QuestionKind::Scale => (1..=5).map(|n| n.to_string()).collect(),
            QuestionKind::Choice { options } => options.clone(),
            QuestionKind::Text => Vec::new(),
        }
    }

    /// The labels of the closed answers in `lang`, in order (none for a free text). A choice's
    /// options are the questionnaire's own words, as it was published.
    pub fn options_in(&self, lang: Lang) -> Vec<String> {
        match &self.kind {
            QuestionKind::YesNo => vec![
                crate::tr!(lang, "labels-survey-answer-yes"),
                crate::tr!(lang, "labels-survey-answer-no"),
                crate::tr!(lang, "labels-survey-answer-cannot-say"),
            ],
            QuestionKind::Scale | QuestionKind::Choice { .. } | QuestionKind::Text => {
                self.options()
            }
        }
    }
}

/// `QuestionnairePublished` v1: the region published a version of a year's questionnaire (in
/// its regional administration's `questionnaire-{year}` stream). A published version never
/// changes: a change is a new version, and a tenant's opening keeps the version it opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuestionnairePublished {
    /// The year.
    pub year: i32,
    /// The version, from 1.
    pub version: u32,
    /// Its title.
    pub title: String,
    /// What respondents read first.
    pub intro: String,
    /// The questions.
    pub questions: Vec<Question>,
    /// The fewest answers a result is shown for (at least [`MIN_ANSWERS`]).
    pub min_answers: u32,
}

/// `SurveyOpened` v1: a tenant opened the year's survey for its staff, on a version of the
/// questionnaire (its `survey-{year}` stream).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyOpened {
    /// The year.
    pub year: i32,
    /// The questionnaire's version.
    pub version: u32,
    /// The last day answers are taken.
    pub closes_on: NaiveDate,
}

/// `SurveyCodesIssued` v1: one-time access codes handed out, as their issue hashes (see
/// [`issue_hash`]); the codes themselves were shown once and are not kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyCodesIssued {
    /// The issue hashes, hex.
    pub hashes: Vec<String>,
}

/// One answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Answer {
    /// The question's key.
    pub question: String,
    /// For a closed question, the option's index (0-based); for a free text, none.
    pub choice: Option<u8>,
    /// For a free text, the text.
    pub text: Option<String>,
}

/// `SurveyAnswered` v1: one person answered (the tenant's `survey-{year}-answers` stream).
/// No identity: the actor is always [`ANONYMOUS`], and the code appears only as its spend hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyAnswered {
    /// The spend hash of the code it was given with (see [`spend_hash`]), hex.
    pub spent: String,
    /// The answers; a question left out was skipped.
    pub answers: Vec<Answer>,
}

/// The actor recorded for every answer.
pub const ANONYMOUS: &str = "анонимен служител";

/// A code written as people read it: groups of four, e.g. `K7PM-Q2XD-9HTR-W4BN`.
pub fn format_code(raw: &str) -> String {
    raw.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// A code as typed, in its canonical form: upper case, without dashes or spaces, the letters
/// people confuse read as Crockford does (O as 0, I and L as 1). `None` when it cannot be a
/// code.
pub fn normalize_code(typed: &str) -> Option<String> {
    let mut out = String::with_capacity(CODE_CHARS);
    for c in typed.chars() {
        let c = match c.to_ascii_uppercase() {
            '-' | ' ' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        if !c.is_ascii() || !CODE_ALPHABET.contains(&(c as u8)) {
            return None;
        }
        out.push(c);
    }
    (out.len() == CODE_CHARS).then_some(out)
}

fn labelled(label: &[u8], code: &str) -> String {
    let mut h = Sha256::new();
    h.update(label);
    h.update(code.as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The hash the log keeps of an issued code (canonical form).
pub fn issue_hash(code: &str) -> String {
    labelled(b"antikor survey code issued\n", code)
}

/// The hash an answer carries of the code it was given with (canonical form).
pub fn spend_hash(code: &str) -> String {
    labelled(b"antikor survey code spent\n", code)
}

/// The questionnaire a region starts from: the questions of a known instrument (whether
/// unofficial payments are common, whether one was offered, reported, would be), in Bulgarian.
pub fn default_questionnaire(year: i32) -> QuestionnairePublished {
    let q = |key: &str, text: &str, kind: QuestionKind| Question {
        key: key.into(),
        text: text.into(),
        kind,
    };
    QuestionnairePublished {
        year,
        version: 1,
        title: format!("Анонимна анкета за корупционния риск, {year} г."),
        intro: "Анкетата е анонимна: кодът ви дава достъп еднократно и не се свързва с отговорите. Резултатите се показват само ако са отговорили поне 5 души.".into(),
        questions: vec![
            q(
                "q1",
                "Разпространени ли са в институцията неофициални плащания или услуги срещу административна работа?",
                QuestionKind::YesNo,
            ),
            q(
                "q2",
                "През последната година предлагано ли ви е неофициално плащане, подарък или услуга?",
                QuestionKind::YesNo,
            ),
            q(
                "q3",
                "Ако да, съобщихте ли за това?",
                QuestionKind::Choice {
                    options: vec![
                        "Да".into(),
                        "Не".into(),
                        "Не ми е предлагано".into(),
                    ],
                },
            ),
            q(
                "q4",
                "Бихте ли сигнализирали за корупция, ако станете свидетел?",
                QuestionKind::YesNo,
            ),
            q(
                "q5",
                "Доколко сте запознати с правилата за конфликт на интереси и за подаване на сигнали?",
                QuestionKind::Scale,
            ),
            q(
                "q6",
                "Кои дейности според вас крият най-голям корупционен риск?",
                QuestionKind::Text,
            ),
        ],
        min_answers: MIN_ANSWERS,
    }
}

/// A province's questionnaire of a year, as the region edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuestionnaireView {
    /// The year.
    pub year: i32,
    /// The newest published version, if any.
    pub published: Option<QuestionnairePublished>,
    /// What a new version starts from: the newest published, else the default questionnaire.
    pub draft: QuestionnairePublished,
    /// The version of the stream (for `expected_version`).
    pub version: u64,
}

/// `POST /api/questionnaires/{year}`: publish a new version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublishQuestionnaire {
    /// The stream's version as last read.
    pub expected_version: u64,
    /// Its title.
    pub title: String,
    /// What respondents read first.
    pub intro: String,
    /// The questions.
    pub questions: Vec<Question>,
    /// The fewest answers a result is shown for (at least [`MIN_ANSWERS`]).
    pub min_answers: u32,
}

/// `POST /api/surveys/{year}`: open the survey for the staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpenSurvey {
    /// The last day answers are taken.
    pub closes_on: NaiveDate,
}

/// `POST /api/surveys/{year}/codes`: hand out codes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IssueCodes {
    /// How many.
    pub count: u32,
}

/// `POST /api/public/survey/form`: the questionnaire for a code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyAccess {
    /// The tenant whose survey.
    pub tenant: TenantId,
    /// The year.
    pub year: i32,
    /// The code, as typed.
    pub code: String,
}

/// `POST /api/public/survey/answers`: one person's answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GiveSurveyAnswers {
    /// The survey and the code.
    #[serde(flatten)]
    pub access: SurveyAccess,
    /// The answers.
    pub answers: Vec<Answer>,
}

/// The questionnaire a respondent answers, once their code is checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyForm {
    /// The tenant's name.
    pub tenant_name: TenantName,
    /// The questionnaire.
    pub questionnaire: QuestionnairePublished,
    /// The last day answers are taken.
    pub closes_on: NaiveDate,
}

/// A tenant's survey of a year as its staff manage it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyStatus {
    /// The tenant.
    pub tenant: TenantId,
    /// The year.
    pub year: i32,
    /// The newest version of the region's questionnaire of the year, if one is published.
    pub questionnaire: Option<QuestionnairePublished>,
    /// The opening, if the tenant opened the survey.
    pub opened: Option<SurveyOpened>,
    /// Codes handed out.
    pub issued: u32,
    /// Answers received.
    pub answered: u32,
    /// The version of the tenant's survey stream (for the next change).
    pub version: u64,
}

/// Codes just issued: shown once, to be printed and handed out; Antikor keeps only hashes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IssuedCodes {
    /// The codes, in groups of four (`K7PM-Q2XD-9HTR-W4BN`).
    pub codes: Vec<String>,
    /// The survey after the issue.
    pub status: SurveyStatus,
}

/// How many chose one option.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OptionCount {
    /// The option.
    pub label: String,
    /// How many chose it.
    pub count: u32,
}

/// How a question was answered by a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuestionResult {
    /// The question.
    pub question: Question,
    /// For a closed question: each option and how many chose it.
    pub counts: Vec<OptionCount>,
    /// How many answered it.
    pub answered: u32,
    /// For a free text, the texts: only for the tenant's officers.
    pub texts: Option<Vec<String>>,
}

/// A group's results, or why they are not shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyResults {
    /// Whose (none for a region's combined results).
    pub tenant: Option<TenantId>,
    /// The year.
    pub year: i32,
    /// How many answered.
    pub respondents: u32,
    /// The fewest answers results are shown for.
    pub min_answers: u32,
    /// The results per question; `None` when fewer than `min_answers` answered
    /// ("недостатъчно отговори").
    pub questions: Option<Vec<QuestionResult>>,
}

/// One tenant's survey in the regional view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegionSurveyRow {
    /// The tenant.
    pub tenant: TenantId,
    /// Its name.
    pub name: TenantName,
    /// Whether it opened the survey.
    pub opened: bool,
    /// Whether enough answered for its results to show (and count in the combined ones).
    pub shown: bool,
    /// How many answered, when shown.
    pub respondents: Option<u32>,
}

/// The tenants' surveys of a year side by side, and the combined results of those with
/// enough answers (so that no small group's answers can be worked out from the total).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegionSurvey {
    /// The year.
    pub year: i32,
    /// Every tenant in reach.
    pub tenants: Vec<RegionSurveyRow>,
    /// The combined results (free texts never).
    pub combined: SurveyResults,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answer_labels_tell_values_apart_in_both_languages() {
        for question in default_questionnaire(2026).questions {
            assert_eq!(
                question.options_in(Lang::Bg),
                question.options(),
                "{}",
                question.key
            );
        }
        let yes_no = Question {
            key: "q".into(),
            text: String::new(),
            kind: QuestionKind::YesNo,
        };
        assert_eq!(yes_no.options_in(Lang::Bg), yes_no.options());
    }

    #[test]
    fn codes_read_back_however_they_are_typed() {
        assert_eq!(
            normalize_code("k7pm-q2xd-9htr-w4bn").as_deref(),
            Some("K7PMQ2XD9HTRW4BN")
        );
        assert_eq!(
            normalize_code("K7PM Q2XD 9HTR W4BO").as_deref(),
            Some("K7PMQ2XD9HTRW4B0")
        );
        assert_eq!(normalize_code("K7PM-Q2XD"), None);
        assert_eq!(normalize_code("K7PM-Q2XD-9HTR-W4BU"), None);
        assert_eq!(format_code("K7PMQ2XD9HTRW4BN"), "K7PM-Q2XD-9HTR-W4BN");
    }

    #[test]
    fn the_two_hashes_of_a_code_differ_and_neither_is_the_code() {
        let code = "K7PMQ2XD9HTRW4BN";
        assert_ne!(issue_hash(code), spend_hash(code));
        assert_eq!(issue_hash(code).len(), 64);
        assert!(!issue_hash(code).contains(code));
    }
}
