//! The staff survey as aggregates: the region's questionnaire of a year (versions, never
//! changed in place), a tenant's opening and its codes, and the answers, each refused a second
//! time for the same code without the code ever being stored.

use crate::domain::Aggregate;
use crate::domain::fields::{Field, text};
use crate::domain::work::{WorkRejection, bad};
use antikor_shared::events::{QuestionnaireEvent, SurveyAnswerEvent, SurveyEvent};
use antikor_shared::msg;
use antikor_shared::survey::{
    Answer, MAX_CODES_PER_ISSUE, MIN_ANSWERS, Question, QuestionKind, QuestionnairePublished,
    SurveyAnswered, SurveyCodesIssued, SurveyOpened,
};
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeSet;

/// The most questions a questionnaire has.
const MAX_QUESTIONS: usize = 40;
/// The most options a closed question offers.
const MAX_OPTIONS: usize = 10;
/// The most codes a tenant hands out for one year.
const MAX_CODES_PER_YEAR: usize = 20_000;
/// The longest free-text answer.
const MAX_TEXT_ANSWER: usize = 2000;

/// A year's questionnaire (the regional administration's `questionnaire-{year}` stream).
#[derive(Debug, Clone, Copy)]
pub struct QuestionnaireAggregate;

fn check_question(q: Question, keys: &mut BTreeSet<String>) -> Result<Question, WorkRejection> {
    let key = q.key.trim().to_owned();
    let key_ok = !key.is_empty()
        && key.len() <= 20
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if !key_ok {
        return Err(bad(msg!("rules-question-key-form", key = key.as_str())));
    }
    if !keys.insert(key.clone()) {
        return Err(bad(msg!("rules-question-key-twice", key = key.as_str())));
    }
    let kind = match q.kind {
        QuestionKind::Choice { options } => {
            let options: Vec<String> = options
                .iter()
                .map(|o| text(o, Field::AnswerOption, 200))
                .collect::<Result<_, _>>()?;
            let distinct: BTreeSet<&String> = options.iter().collect();
            if options.len() < 2 || options.len() > MAX_OPTIONS || distinct.len() != options.len() {
                return Err(bad(msg!(
                    "rules-question-options",
                    key = key.as_str(),
                    max = MAX_OPTIONS
                )));
            }
            QuestionKind::Choice { options }
        }
        other => other,
    };
    Ok(Question {
        text: text(&q.text, Field::Question, 500)?,
        key,
        kind,
    })
}

/// Checks a questionnaire to publish as `version` of `year`.
fn check_questionnaire(
    q: QuestionnairePublished,
    year: i32,
    version: u32,
) -> Result<QuestionnairePublished, WorkRejection> {
    if q.questions.is_empty() || q.questions.len() > MAX_QUESTIONS {
        return Err(bad(msg!("rules-questionnaire-size", max = MAX_QUESTIONS)));
    }
    if q.min_answers < MIN_ANSWERS || q.min_answers > 1000 {
        return Err(bad(msg!(
            "rules-questionnaire-threshold",
            min = MIN_ANSWERS
        )));
    }
    let intro = q.intro.trim().to_owned();
    if intro.chars().count() > 2000 {
        return Err(bad(msg!("rules-intro-too-long")));
    }
    let mut keys = BTreeSet::new();
    Ok(QuestionnairePublished {
        year,
        version,
        title: text(&q.title, Field::Title, 200)?,
        intro,
        questions: q
            .questions
            .into_iter()
            .map(|question| check_question(question, &mut keys))
            .collect::<Result<_, _>>()?,
        min_answers: q.min_answers,
    })
}

impl Aggregate for QuestionnaireAggregate {
    type Event = QuestionnaireEvent;
    /// The newest version.
    type State = Option<QuestionnairePublished>;
    /// The questionnaire to publish (its year and version are the stream's).
    type Command = QuestionnairePublished;
    /// The year.
    type Context = i32;
    type Rejection = WorkRejection;

    fn decide(
        newest: &Option<QuestionnairePublished>,
        draft: QuestionnairePublished,
        year: &i32,
    ) -> Result<Vec<QuestionnaireEvent>, WorkRejection> {
        let version = newest.as_ref().map_or(1, |n| n.version + 1);
        let published = check_questionnaire(draft, *year, version)?;
        if let Some(newest) = newest {
            let same = QuestionnairePublished {
                version: newest.version,
                ..published.clone()
            };
            if same == *newest {
                return Err(bad(msg!(
                    "rules-questionnaire-unchanged",
                    version = newest.version.to_string()
                )));
            }
        }
        Ok(vec![QuestionnaireEvent::Published(published)])
    }

    fn apply(_: Option<QuestionnairePublished>, event: &QuestionnaireEvent) -> Self::State {
        let QuestionnaireEvent::Published(published) = event;
        Some(published.clone())
    }

    fn stale(year: &i32, _read: u64, _actual: u64) -> Option<WorkRejection> {
        Some(WorkRejection::Stale(msg!(
            "rules-questionnaire-changed",
            year = year.to_string()
        )))
    }
}

/// A tenant's survey of a year (its `survey-{year}` stream): opened, codes issued.
#[derive(Debug, Clone, Copy)]
pub struct SurveyAggregate;

/// What is done with a tenant's survey.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SurveyCommand {
    /// Open it for the staff until a day.
    Open {
        /// The last day answers are taken.
        closes_on: NaiveDate,
    },
    /// Hand out codes, given as their issue hashes (the codes are made by the caller and
    /// shown once).
    IssueCodes {
        /// The issue hashes.
        hashes: Vec<String>,
    },
}

/// What a tenant's survey's events leave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SurveyState {
    /// The opening.
    pub opened: Option<SurveyOpened>,
    /// Codes handed out.
    pub issued: usize,
}

/// What a survey command needs besides the stream.
#[derive(Debug, Clone)]
pub struct SurveyContext {
    /// The year.
    pub year: i32,
    /// The newest version of the region's questionnaire of the year.
    pub questionnaire: Option<u32>,
    /// Today.
    pub today: NaiveDate,
}

impl Aggregate for SurveyAggregate {
    type Event = SurveyEvent;
    type State = SurveyState;
    type Command = SurveyCommand;
    type Context = SurveyContext;
    type Rejection = WorkRejection;

    fn decide(
        state: &SurveyState,
        command: SurveyCommand,
        ctx: &SurveyContext,
    ) -> Result<Vec<SurveyEvent>, WorkRejection> {
        let event = match command {
            SurveyCommand::Open { closes_on } => {
                if state.opened.is_some() {
                    return Err(WorkRejection::Stale(msg!(
                        "rules-survey-already-open",
                        year = ctx.year.to_string()
                    )));
                }
                let version = ctx.questionnaire.ok_or_else(|| {
                    bad(msg!(
                        "rules-survey-not-published",
                        year = ctx.year.to_string()
                    ))
                })?;
                if closes_on < ctx.today || closes_on.year() > ctx.year + 1 {
                    return Err(WorkRejection::BadDate(msg!(
                        "rules-survey-closing-date",
                        year = (ctx.year + 1).to_string()
                    )));
                }
                SurveyEvent::Opened(SurveyOpened {
                    year: ctx.year,
                    version,
                    closes_on,
                })
            }
            SurveyCommand::IssueCodes { hashes } => {
                let Some(opened) = &state.opened else {
                    return Err(bad(msg!("rules-survey-open-first")));
                };
                if opened.closes_on < ctx.today {
                    return Err(bad(msg!("rules-survey-ended-codes")));
                }
                if hashes.is_empty() || hashes.len() > MAX_CODES_PER_ISSUE as usize {
                    return Err(bad(msg!(
                        "rules-codes-per-issue",
                        max = MAX_CODES_PER_ISSUE
                    )));
                }
                if state.issued + hashes.len() > MAX_CODES_PER_YEAR {
                    return Err(bad(msg!("rules-codes-per-year", max = MAX_CODES_PER_YEAR)));
                }
                SurveyEvent::CodesIssued(SurveyCodesIssued { hashes })
            }
        };
        Ok(vec![event])
    }

    fn apply(mut state: SurveyState, event: &SurveyEvent) -> SurveyState {
        match event {
            SurveyEvent::Opened(o) => state.opened = Some(o.clone()),
            SurveyEvent::CodesIssued(c) => state.issued += c.hashes.len(),
        }
        state
    }
}

/// The answers to a tenant's survey of a year (its `survey-{year}-answers` stream): the spend
/// hashes already used are the stream's own, so two answers with one code cannot both land.
#[derive(Debug, Clone, Copy)]
pub struct AnswersAggregate;

/// One person's answers, with what their code was found to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GiveAnswers {
    /// Whether the code's issue hash is among the tenant's issued codes of the year.
    pub issued: bool,
    /// The code's spend hash.
    pub spent: String,
    /// The answers.
    pub answers: Vec<Answer>,
}

/// What answers are checked against.
#[derive(Debug, Clone)]
pub struct AnswersContext {
    /// The questionnaire the tenant opened, and its last day; `None` when it is not open.
    pub opened: Option<(QuestionnairePublished, NaiveDate)>,
    /// Today.
    pub today: NaiveDate,
}

/// Why an answer is refused (before anything about it is recorded).
pub fn check_answers(
    questionnaire: &QuestionnairePublished,
    answers: Vec<Answer>,
) -> Result<Vec<Answer>, WorkRejection> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::with_capacity(answers.len());
    for answer in answers {
        let Some(question) = questionnaire
            .questions
            .iter()
            .find(|q| q.key == answer.question)
        else {
            return Err(bad(msg!(
                "rules-no-such-question",
                key = answer.question.as_str()
            )));
        };
        if !seen.insert(question.key.clone()) {
            return Err(bad(msg!(
                "rules-question-answered-twice",
                key = question.key.as_str()
            )));
        }
        let answer = match &question.kind {
            QuestionKind::Text => {
                let text = answer.text.as_deref().map(str::trim).unwrap_or_default();
                if answer.choice.is_some() || text.chars().count() > MAX_TEXT_ANSWER {
                    return Err(bad(msg!(
                        "rules-answer-free-text",
                        question = question.text.as_str(),
                        max = MAX_TEXT_ANSWER
                    )));
                }
                if text.is_empty() {
                    continue;
                }
                Answer {
                    question: question.key.clone(),
                    choice: None,
                    text: Some(text.to_owned()),
                }
            }
            _ => {
                let options = question.options().len();
                match answer.choice {
                    Some(c) if usize::from(c) < options && answer.text.is_none() => Answer {
                        question: question.key.clone(),
                        choice: Some(c),
                        text: None,
                    },
                    _ => {
                        return Err(bad(msg!(
                            "rules-answer-choose-one",
                            question = question.text.as_str()
                        )));
                    }
                }
            }
        };
        out.push(answer);
    }
    if out.is_empty() {
        return Err(bad(msg!("rules-answer-at-least-one")));
    }
    Ok(out)
}

impl Aggregate for AnswersAggregate {
    type Event = SurveyAnswerEvent;
    /// The spend hashes used.
    type State = BTreeSet<String>;
    type Command = GiveAnswers;
    type Context = AnswersContext;
    type Rejection = WorkRejection;

    fn decide(
        spent: &BTreeSet<String>,
        command: GiveAnswers,
        ctx: &AnswersContext,
    ) -> Result<Vec<SurveyAnswerEvent>, WorkRejection> {
        let Some((questionnaire, closes_on)) = &ctx.opened else {
            return Err(WorkRejection::NoSurvey);
        };
        if !command.issued {
            return Err(WorkRejection::BadCode);
        }
        if spent.contains(&command.spent) {
            return Err(WorkRejection::Stale(msg!("rules-survey-code-used")));
        }
        if ctx.today > *closes_on {
            return Err(bad(msg!("rules-survey-ended-answers")));
        }
        Ok(vec![SurveyAnswerEvent::Answered(SurveyAnswered {
            spent: command.spent,
            answers: check_answers(questionnaire, command.answers)?,
        })])
    }

    fn apply(mut spent: BTreeSet<String>, event: &SurveyAnswerEvent) -> BTreeSet<String> {
        let SurveyAnswerEvent::Answered(a) = event;
        spent.insert(a.spent.clone());
        spent
    }
}

#[cfg(test)]
mod tests {
    //! Given the survey's events, when a command arrives, then these events or this refusal.
    use super::*;
    use crate::domain::testing::given;
    use crate::domain::work::testing::day;
    use antikor_shared::survey::{default_questionnaire, issue_hash, spend_hash};

    #[test]
    fn a_questionnaire_is_versioned_and_never_below_the_threshold() {
        let draft = default_questionnaire(2026);
        let first = given::<QuestionnaireAggregate>([])
            .when(draft.clone(), &2026)
            .unwrap();
        let [QuestionnaireEvent::Published(v1)] = &first[..] else {
            panic!("{first:?}")
        };
        assert_eq!(v1.version, 1);
        let published = given::<QuestionnaireAggregate>(first.clone());
        // The same again is no new version; a change is version 2.
        assert!(published.when(draft.clone(), &2026).is_err());
        let mut changed = draft.clone();
        changed.title = "Анкета 2026".into();
        let second = published.when(changed, &2026).unwrap();
        let [QuestionnaireEvent::Published(v2)] = &second[..] else {
            panic!("{second:?}")
        };
        assert_eq!(v2.version, 2);
        let mut lower = draft.clone();
        lower.min_answers = 3;
        assert!(
            given::<QuestionnaireAggregate>([])
                .when(lower, &2026)
                .is_err()
        );
        let mut twice = draft;
        twice.questions[1].key = "q1".into();
        assert!(
            given::<QuestionnaireAggregate>([])
                .when(twice, &2026)
                .is_err()
        );
    }

    fn ctx() -> SurveyContext {
        SurveyContext {
            year: 2026,
            questionnaire: Some(1),
            today: day(2026, 10, 1),
        }
    }

    #[test]
    fn a_survey_opens_once_on_a_published_questionnaire_and_then_takes_codes() {
        let none = SurveyContext {
            questionnaire: None,
            ..ctx()
        };
        let open = SurveyCommand::Open {
            closes_on: day(2026, 11, 30),
        };
        assert!(
            given::<SurveyAggregate>([])
                .when(open.clone(), &none)
                .is_err()
        );
        let codes = SurveyCommand::IssueCodes {
            hashes: vec![issue_hash("K7PMQ2XD9HTRW4BN")],
        };
        assert!(
            given::<SurveyAggregate>([])
                .when(codes.clone(), &ctx())
                .is_err()
        );
        let opened = given::<SurveyAggregate>([])
            .when(open.clone(), &ctx())
            .unwrap();
        let survey = given::<SurveyAggregate>(opened);
        assert!(matches!(
            survey.when(open, &ctx()),
            Err(WorkRejection::Stale(_))
        ));
        assert!(survey.when(codes, &ctx()).is_ok());
    }

    fn answers_ctx() -> AnswersContext {
        AnswersContext {
            opened: Some((default_questionnaire(2026), day(2026, 11, 30))),
            today: day(2026, 10, 1),
        }
    }

    fn give(code: &str, answers: Vec<Answer>) -> GiveAnswers {
        GiveAnswers {
            issued: true,
            spent: spend_hash(code),
            answers,
        }
    }

    fn choice(q: &str, c: u8) -> Answer {
        Answer {
            question: q.into(),
            choice: Some(c),
            text: None,
        }
    }

    #[test]
    fn a_code_answers_once_and_only_the_questions_asked() {
        let code = "K7PMQ2XD9HTRW4BN";
        let first = given::<AnswersAggregate>([])
            .when(give(code, vec![choice("q1", 0)]), &answers_ctx())
            .unwrap();
        let [SurveyAnswerEvent::Answered(a)] = &first[..] else {
            panic!("{first:?}")
        };
        assert_eq!(a.spent, spend_hash(code));
        assert!(!a.spent.contains(code) && a.spent != issue_hash(code));
        let again = given::<AnswersAggregate>(first)
            .when(give(code, vec![choice("q2", 1)]), &answers_ctx())
            .unwrap_err();
        assert!(again.to_string().contains("вече е отговорено"), "{again}");
        let fresh = given::<AnswersAggregate>([]);
        let bad_choice = fresh.when(give(code, vec![choice("q1", 3)]), &answers_ctx());
        assert!(bad_choice.is_err());
        let unknown = fresh.when(give(code, vec![choice("q99", 0)]), &answers_ctx());
        assert!(unknown.is_err());
        let mut not_issued = give(code, vec![choice("q1", 0)]);
        not_issued.issued = false;
        assert!(matches!(
            fresh.when(not_issued, &answers_ctx()),
            Err(WorkRejection::BadCode)
        ));
        let late = AnswersContext {
            today: day(2026, 12, 1),
            ..answers_ctx()
        };
        assert!(
            fresh
                .when(give(code, vec![choice("q1", 0)]), &late)
                .is_err()
        );
    }
}
