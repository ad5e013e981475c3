//! Checks of the texts people type, shared by every aggregate: trimmed, required or optional,
//! up to a length, refused with one wording that names the field.

use antikor_shared::i18n::Text;
use antikor_shared::msg;

/// A field a person fills in, as the refusals of its checks name it. Its name in each language
/// is the variant of the catalogue's `rules-field` that its [`key`](Self::key) chooses, so a
/// message naming a field says `{ rules-field }` and is given `field = field.key()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    // Signals.
    /// Звено.
    Unit,
    /// Дейност.
    Activity,
    /// Име.
    Name,
    /// Данни за връзка.
    Contact,
    /// Какво се е случило.
    WhatHappened,
    /// Къде.
    Where,
    /// Кога.
    When,
    /// Засегнато лице.
    Concerned,
    /// УИН.
    Uin,
    /// Съобщение.
    Message,
    /// До кого.
    ForwardedTo,
    /// Изходящ номер.
    OutgoingNumber,
    /// Действие.
    Action,
    /// Обратна информация.
    Feedback,
    /// Мотиви (of closing a signal).
    Reasons,
    /// Основание (of the internal channel's decision).
    Basis,
    // Activities and contacts.
    /// Дата.
    Date,
    /// Заглавие.
    Title,
    /// Дневен ред.
    Agenda,
    /// Тема.
    Topic,
    /// Медия или канал.
    MediaChannel,
    /// Съдържание.
    Summary,
    /// Край на периода.
    PeriodEnd,
    /// Проверяващ орган.
    CheckingBody,
    /// Дата на действието.
    ActionDate,
    /// Номер на акта.
    ActNumber,
    /// Мотиви (of contesting an act).
    Grounds,
    /// Ново гласуване.
    CouncilRevote,
    /// Съдебно дело.
    CourtCase,
    /// Изход от делото.
    CourtOutcome,
    /// Дата на публикуване.
    PublishedOn,
    /// Причина за поправката.
    CorrectionReason,
    /// Имейл.
    Email,
    /// Длъжност.
    Position,
    /// Телефон.
    Phone,
    /// Име на файла.
    FileName,
    // Risks.
    /// Процес или звено.
    ProcessOrUnit,
    /// Описание на риска.
    RiskDescription,
    /// Причини.
    Causes,
    /// Срок за преглед.
    ReviewDue,
    /// Присъщ риск.
    InherentRisk,
    /// Остатъчен риск.
    ResidualRisk,
    /// Съществуващи контроли.
    Controls,
    /// Обосновка за приемането.
    AcceptanceReason,
    /// Планирани мерки.
    PlannedMeasures,
    /// Срок на мерките.
    MeasuresDue,
    /// Дата на прегледа.
    ReviewDate,
    /// Констатации.
    Findings,
    /// Следващ преглед.
    NextReview,
    /// Причина за закриването.
    CloseReason,
    // Progress.
    /// Връзка.
    Link,
    /// Документ.
    Document,
    /// Към дата.
    AsOf,
    // Surveys.
    /// Възможен отговор.
    AnswerOption,
    /// Въпрос.
    Question,
    // The plan.
    /// №.
    Number,
    /// Мярка.
    Measure,
    /// Индикатор.
    Indicator,
    /// Резултат.
    Result,
    /// Причина.
    Reason,
    /// Отговорник.
    Responsible,
}

impl Field {
    /// The variant of `rules-field` that names the field.
    pub fn key(self) -> &'static str {
        match self {
            Self::Unit => "unit",
            Self::Activity => "activity",
            Self::Name => "name",
            Self::Contact => "contact",
            Self::WhatHappened => "what-happened",
            Self::Where => "where",
            Self::When => "when",
            Self::Concerned => "concerned",
            Self::Uin => "uin",
            Self::Message => "message",
            Self::ForwardedTo => "forwarded-to",
            Self::OutgoingNumber => "outgoing-number",
            Self::Action => "action",
            Self::Feedback => "feedback",
            Self::Reasons => "reasons",
            Self::Basis => "basis",
            Self::Date => "date",
            Self::Title => "title",
            Self::Agenda => "agenda",
            Self::Topic => "topic",
            Self::MediaChannel => "media-channel",
            Self::Summary => "summary",
            Self::PeriodEnd => "period-end",
            Self::CheckingBody => "checking-body",
            Self::ActionDate => "action-date",
            Self::ActNumber => "act-number",
            Self::Grounds => "grounds",
            Self::CouncilRevote => "council-revote",
            Self::CourtCase => "court-case",
            Self::CourtOutcome => "court-outcome",
            Self::PublishedOn => "published-on",
            Self::CorrectionReason => "correction-reason",
            Self::Email => "email",
            Self::Position => "position",
            Self::Phone => "phone",
            Self::FileName => "file-name",
            Self::ProcessOrUnit => "process-or-unit",
            Self::RiskDescription => "risk-description",
            Self::Causes => "causes",
            Self::ReviewDue => "review-due",
            Self::InherentRisk => "inherent-risk",
            Self::ResidualRisk => "residual-risk",
            Self::Controls => "controls",
            Self::AcceptanceReason => "acceptance-reason",
            Self::PlannedMeasures => "planned-measures",
            Self::MeasuresDue => "measures-due",
            Self::ReviewDate => "review-date",
            Self::Findings => "findings",
            Self::NextReview => "next-review",
            Self::CloseReason => "close-reason",
            Self::Link => "link",
            Self::Document => "document",
            Self::AsOf => "as-of",
            Self::AnswerOption => "answer-option",
            Self::Question => "question",
            Self::Number => "number",
            Self::Measure => "measure",
            Self::Indicator => "indicator",
            Self::Result => "result",
            Self::Reason => "reason",
            Self::Responsible => "responsible",
        }
    }
}

/// A text that failed its check; the message names the field. Each aggregate's rejection
/// turns it into its own "bad field" case.
#[derive(Debug, Clone, PartialEq)]
pub struct BadText(pub Text);

/// The refusal of a text longer than `max` characters in `field`.
pub fn too_long(field: Field, max: usize) -> Text {
    msg!("rules-field-too-long", field = field.key(), max = max)
}

/// A required text of up to `max` characters, trimmed.
pub fn text(value: &str, field: Field, max: usize) -> Result<String, BadText> {
    let value = value.trim();
    if value.is_empty() {
        return Err(BadText(msg!("rules-field-empty", field = field.key())));
    }
    if value.chars().count() > max {
        return Err(BadText(too_long(field, max)));
    }
    Ok(value.to_owned())
}

/// An optional text of up to `max` characters, trimmed (empty counts as none).
pub fn optional(value: Option<&str>, field: Field, max: usize) -> Result<Option<String>, BadText> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => text(v, field, max).map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use antikor_shared::i18n::Lang;
    use antikor_shared::tr;

    #[test]
    fn texts_are_trimmed_required_and_bounded_in_characters_not_bytes() {
        let refusal = |r: Result<String, BadText>| r.unwrap_err().0;
        assert_eq!(
            text("  Заседание ", Field::Title, 9),
            Ok("Заседание".into())
        );
        assert_eq!(
            refusal(text(" ", Field::Title, 9)).to_string(),
            "Попълнете полето „Заглавие“."
        );
        assert_eq!(
            refusal(text("Заседания", Field::Title, 8)).to_string(),
            "Полето „Заглавие“ е до 8 знака."
        );
        assert_eq!(
            refusal(text("Заседания", Field::Title, 8)).render(Lang::En),
            "The field “Title” takes up to 8 characters."
        );
        assert_eq!(optional(Some("  "), Field::Reason, 5), Ok(None));
        assert_eq!(optional(None, Field::Reason, 5), Ok(None));
        assert!(optional(Some("прекалено"), Field::Reason, 5).is_err());
    }

    /// Every field has its name in both languages: none falls through to its bare key.
    #[test]
    fn every_field_is_named_in_both_languages() {
        use Field::*;
        let all = [
            Unit,
            Activity,
            Name,
            Contact,
            WhatHappened,
            Where,
            When,
            Concerned,
            Uin,
            Message,
            ForwardedTo,
            OutgoingNumber,
            Action,
            Feedback,
            Reasons,
            Basis,
            Date,
            Title,
            Agenda,
            Topic,
            MediaChannel,
            Summary,
            PeriodEnd,
            CheckingBody,
            ActionDate,
            ActNumber,
            Grounds,
            CouncilRevote,
            CourtCase,
            CourtOutcome,
            PublishedOn,
            CorrectionReason,
            Email,
            Position,
            Phone,
            FileName,
            ProcessOrUnit,
            RiskDescription,
            Causes,
            ReviewDue,
            InherentRisk,
            ResidualRisk,
            Controls,
            AcceptanceReason,
            PlannedMeasures,
            MeasuresDue,
            ReviewDate,
            Findings,
            NextReview,
            CloseReason,
            Link,
            Document,
            AsOf,
            AnswerOption,
            Question,
            Number,
            Measure,
            Indicator,
            Result,
            Reason,
            Responsible,
        ];
        for field in all {
            for lang in Lang::ALL {
                let name = tr!(lang, "rules-field", field = field.key());
                assert_ne!(name, field.key(), "{field:?} has no name in {lang:?}");
                assert!(!name.is_empty(), "{field:?} in {lang:?}");
            }
        }
        assert_eq!(
            tr!(Lang::Bg, "rules-field", field = Field::WhatHappened.key()),
            "Какво се е случило"
        );
        assert_eq!(
            tr!(Lang::En, "rules-field", field = Field::WhatHappened.key()),
            "What happened"
        );
    }
}
