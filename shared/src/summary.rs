//! One sentence in Bulgarian for every event type: what the audit trail, the event page and the
//! dashboard say happened, in the words of the people who did it.
//!
//! Every payload implements [`Summary`]; the list of event types (`events::event_sets!`) calls
//! it for each type, so a new event type does not compile until it can say what it records.
//! A summary reads only the payload's plain fields: the confidential register's sealed fields
//! have no text to show, and the sentence of a signal's event names its case by its reference.

use crate::account::{
    AccountCreated, AccountDisabled, AccountEnabled, LoggedOut, LoginFailed, LoginFailure,
    LoginSucceeded, PasswordChangeKind, PasswordChanged, RoleGranted,
};
use crate::activity::{
    ActAction, ActContested, ActKind, Activity, ActivityCorrected, ContestedActFollowedUp,
    DeclarationsChecked, ExpertContactsUpdated, MediaActivityCarriedOut, MediaKind, MeetingHeld,
    TrainingHeld,
};
use crate::notifications::{Delivery, NotificationKind, NotificationSent, NotificationsChosen};
use crate::plan::{MeasureAdded, MeasureUpdated, MeasureWithdrawn, PlanAdopted};
use crate::progress::ProgressReported;
use crate::risk::{
    Rating, RiskAssessed, RiskClosed, RiskIdentified, RiskReviewed, RiskTreatmentPlanned,
};
use crate::signal::{
    IntakeListsSet, InternalChannelRecorded, SignalAcknowledged, SignalAssigned, SignalClassified,
    SignalClosed, SignalFeedbackGiven, SignalFiled, SignalFollowedUp, SignalForwarded,
    SignalIdentityViewed, SignalKeyDestroyed, SignalLinked, SignalMessageSent,
    SignalReporterReplied, SignalRisksLinked, VaultKeyRotated,
};
use crate::survey::{QuestionnairePublished, SurveyAnswered, SurveyCodesIssued, SurveyOpened};
use crate::tenant::TenantRegistered;
use crate::text::{date_bg, date_time};
use crate::tlog::LogKeyAdopted;

/// What a summary may name besides its own payload.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The tenant whose log holds the event, by its Bulgarian name ("Община Петрич").
    pub tenant: &'a str,
    /// The record the event belongs to, as people name it ("Сигнал BLG52-2026-0003").
    pub record: &'a str,
}

/// What a reader says of one event: its sentence and its record's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Described {
    /// The sentence.
    pub summary: String,
    /// The record's name.
    pub record: String,
}

/// A payload's sentence.
pub trait Summary {
    /// Whether the sentence tells the change from the stream's previous event of the same type
    /// (a progress report's level before and after); a reader fetches that event only then.
    const READS_PREVIOUS: bool = false;

    /// The record's name, when the payload itself says it: the event that records an activity
    /// holds it whole, so a reader need not look the record up.
    fn names_record(&self) -> Option<String> {
        None
    }

    /// The sentence, given the context and, for a type that reads it, the stream's previous
    /// event when it is of the same type.
    fn summary(&self, context: &Context, previous: Option<&Self>) -> String;
}

/// `n` and the noun in the form Bulgarian gives it after that number: `1 участник`,
/// `12 участници`.
pub fn counted(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A quoted title, as Bulgarian quotes it.
fn quoted(text: &str) -> String {
    format!("„{}“", text.trim())
}

impl Summary for TenantRegistered {
    fn summary(&self, _: &Context, _: Option<&Self>) -> String {
        format!(
            "Регистрирана институция {} ({}, код {})",
            self.name_bg,
            self.kind.label_bg().to_lowercase(),
            self.official_code
        )
    }
}

impl Summary for AccountCreated {
    fn summary(&self, _: &Context, _: Option<&Self>) -> String {
        format!(
            "Създаден профил {} – {} ({})",
            self.username,
            self.display_name,
            self.role.label_bg().to_lowercase()
        )
    }
}

impl Summary for RoleGranted {
    fn summary(&self, _: &Context, _: Option<&Self>) -> String {
        format!(
            "Профил {}: роля {} → {}",
            self.username,
            self.previous.label_bg().to_lowercase(),
            self.role.label_bg().to_lowercase()
        )
    }
}

impl Summary for AccountDisabled {
    fn summary(&self, _: &Context, _: Option<&Self>) -> String {
        format!(
            "Деактивиран профил {}: {}",
            self.username,
            self.reason.trim()
        )
    }
}

impl Summary for AccountEnabled {
    fn summary(&self, _: &Context, _: Option<&Self>) -> String {
        format!("Профилът {} е активиран отново", self.username)
    }
}

impl Summary for PasswordChanged {
    fn summary(&self, _: &Context, _: Option<&Self>) -> String {
        match self.kind {
            PasswordChangeKind::ByOwner => {
                format!("{} смени паролата си", self.username)
            }
            PasswordChangeKind::ResetByAdmin => format!(
                "Администратор зададе нова парола на профил {}",
                self.username
            ),
        }
    }
}

impl Summary for NotificationsChosen {
    fn summary(&self, _: &Context, _: Option<&Self>) -> String {
        match (&self.email, self.delivery) {
            (Some(email), delivery) if delivery != Delivery::Off => format!(
                "{} избра известия по електронна поща на {email}: {}",
                self.username,
                delivery.label_bg().to_lowercase()
            ),
            _ => format!("{} спря известията по електронна поща", self.username),
        }
    }
}

impl Summary for NotificationSent {
    fn summary(&self, _: &Context, _: Option<&Self>) -> String {
        let what = match self.kind {
            NotificationKind::Digest => "дневно писмо",
            NotificationKind::NewSignals => "писмо за нов сигнал",
        };
        format!(
            "Изпратено {what} до {} ({} броя)",
            self.username, self.items
        )
    }
}

impl Summary for LoginSucceeded {
    fn summary(&self, _: &Context, _: Option<&Self>) -> String {
        format!("Вход на {}", self.username)
    }
}

impl Summary for LoginFailed {
    fn summary(&self, _: &Context, _: Option<&Self>) -> String {
        let who = self.username.as_ref().map_or_else(
            || "непознато потребителско име".to_owned(),
            |u| u.to_string(),
        );
        let why = match self.failure {
            LoginFailure::UnknownAccount => "няма такъв профил",
            LoginFailure::WrongPassword => "грешна парола",
            LoginFailure::AccountDisabled => "профилът е деактивиран",
        };
        let mut text = format!("Неуспешен вход ({who}): {why}");
        if let Some(until) = self.blocked_until {
            text.push_str(&format!("; входът е спрян до {}", date_time(until)));
        }
        text
    }
}

impl Summary for LoggedOut {
    fn summary(&self, _: &Context, _: Option<&Self>) -> String {
        format!("Изход на {}", self.username)
    }
}

impl Summary for PlanAdopted {
    fn summary(&self, _: &Context, _: Option<&Self>) -> String {
        let mut text = format!("Приет план за {}: {}", self.year, quoted(&self.title));
        if let Some(base) = self.based_on {
            text.push_str(&format!(" (въз основа на плана за {base})"));
        }
        text
    }
}

impl Summary for MeasureAdded {
    fn summary(&self, _: &Context, _: Option<&Self>) -> String {
        format!(
            "Добавена мярка {} към плана за {}",
            self.measure.key, self.year
        )
    }
}

impl Summary for MeasureUpdated {
    fn summary(&self, _: &Context, _: Option<&Self>) -> String {
        let changed: Vec<&str> = [
            (self.text.is_some(), "текст"),
            (self.deadline.is_some(), "срок"),
            (self.responsible.is_some(), "отговорници"),
            (self.indicator.is_some(), "индикатор"),
            (self.expected_result.is_some(), "очакван резултат"),
        ]
        .into_iter()
        .filter_map(|(changed, field)| changed.then_some(field))
        .collect();
        let mut text = format!("Променена мярка {} ({})", self.key, self.year);
        if !changed.is_empty() {
            text.push_str(": ");
            text.push_str(&changed.join(", "));
        }
        text
    }
}

impl Summary for MeasureWithdrawn {
    fn summary(&self, _: &Context, _: Option<&Self>) -> String {
        format!(
            "Оттеглена мярка {} ({}): {}",
            self.key,
            self.year,
            self.reason.trim()
        )
    }
}

impl Summary for ProgressReported {
    const READS_PREVIOUS: bool = true;

    fn summary(&self, context: &Context, previous: Option<&Self>) -> String {
        let level = self.level.label_bg().to_lowercase();
        let change = match previous {
            Some(before) if before.level != self.level => {
                format!("{} → {level}", before.level.label_bg().to_lowercase())
            }
            Some(_) => format!("{level} (без промяна на степента)"),
            None => level,
        };
        format!(
            "{} отчете мярка {} ({}): {change}",
            context.tenant, self.measure, self.year
        )
    }
}

impl Summary for MeetingHeld {
    fn names_record(&self) -> Option<String> {
        Some(self.name())
    }

    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!(
            "{} записа {} {} на {} ({})",
            context.tenant,
            self.meeting_kind.label_bg().to_lowercase(),
            quoted(&self.title),
            date_bg(self.date),
            counted(self.participants.into(), "участник", "участници")
        )
    }
}

impl Summary for TrainingHeld {
    fn names_record(&self) -> Option<String> {
        Some(self.name())
    }

    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!(
            "{} записа обучение {} на {} ({})",
            context.tenant,
            quoted(&self.topic),
            date_bg(self.date),
            counted(self.participants.into(), "участник", "участници")
        )
    }
}

impl Summary for MediaActivityCarriedOut {
    fn names_record(&self) -> Option<String> {
        Some(self.name())
    }

    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!(
            "{} записа {} в {} на {}",
            context.tenant,
            media_named(self.media_kind).to_lowercase(),
            self.channel.trim(),
            date_bg(self.date)
        )
    }
}

/// Media work, short: the form's longer label explains what an appearance is.
fn media_named(kind: MediaKind) -> &'static str {
    match kind {
        MediaKind::Appearance => "Медийна изява",
        MediaKind::Campaign => "Информационна кампания",
    }
}

impl Summary for DeclarationsChecked {
    fn names_record(&self) -> Option<String> {
        Some(self.name())
    }

    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!(
            "{} записа проверка на {} за {} – {}: {}",
            context.tenant,
            counted(self.declarations_checked.into(), "декларация", "декларации"),
            date_bg(self.period_from),
            date_bg(self.period_to),
            counted(
                self.irregularities_found.into(),
                "несъответствие",
                "несъответствия"
            )
        )
    }
}

/// "решение № 12 от 01.02.2017", "заповед № 3 от …".
fn act_named(kind: ActKind, number: &str, date: chrono::NaiveDate) -> String {
    let kind = match kind {
        ActKind::CouncilDecision => "решение на общинския съвет",
        ActKind::MayorOrder => "заповед на кмета",
    };
    format!("{kind} № {} от {}", number.trim(), date_bg(date))
}

impl Summary for ActContested {
    fn names_record(&self) -> Option<String> {
        Some(self.name())
    }

    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        let action = match self.action {
            ActAction::Returned => "върна за ново обсъждане",
            ActAction::ContestedInCourt => "оспори пред съда",
        };
        format!(
            "{} {action} {} ({})",
            context.tenant,
            act_named(self.act_kind, &self.act_number, self.act_date),
            self.municipality
        )
    }
}

impl Summary for ActivityCorrected {
    fn summary(&self, _: &Context, _: Option<&Self>) -> String {
        format!(
            "Поправен запис {}: {}",
            activity_named(&self.activity),
            self.reason.trim()
        )
    }
}

/// An activity as a record's name says it: its kind and title.
pub fn activity_named(activity: &Activity) -> String {
    match activity {
        Activity::Meeting(m) => m.name(),
        Activity::Training(t) => t.name(),
        Activity::Media(m) => m.name(),
        Activity::DeclarationCheck(d) => d.name(),
        Activity::ContestedAct(a) => a.name(),
    }
}

/// An activity's record named by what it holds.
trait ActivityName {
    fn name(&self) -> String;
}

impl ActivityName for MeetingHeld {
    fn name(&self) -> String {
        format!("{} {}", self.meeting_kind.label_bg(), quoted(&self.title))
    }
}

impl ActivityName for TrainingHeld {
    fn name(&self) -> String {
        format!("Обучение {}", quoted(&self.topic))
    }
}

impl ActivityName for MediaActivityCarriedOut {
    fn name(&self) -> String {
        format!(
            "{} в {} от {}",
            media_named(self.media_kind),
            self.channel.trim(),
            date_bg(self.date)
        )
    }
}

impl ActivityName for DeclarationsChecked {
    fn name(&self) -> String {
        format!(
            "Проверка на декларации за {} – {}",
            date_bg(self.period_from),
            date_bg(self.period_to)
        )
    }
}

impl ActivityName for ActContested {
    fn name(&self) -> String {
        // The participle agrees with the act: "решение" is neuter, "заповед" feminine.
        let contested = match self.act_kind {
            ActKind::CouncilDecision => "Оспорено",
            ActKind::MayorOrder => "Оспорена",
        };
        format!(
            "{contested} {}",
            act_named(self.act_kind, &self.act_number, self.act_date)
        )
    }
}

impl Summary for ContestedActFollowedUp {
    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        let mut what = Vec::new();
        if let Some(revote) = &self.council_revote {
            what.push(format!("ново решение на съвета: {}", revote.trim()));
        }
        if let Some(case) = &self.court_case {
            what.push(format!("дело № {}", case.trim()));
        }
        if let Some(outcome) = &self.court_outcome {
            what.push(format!("изход: {}", outcome.trim()));
        }
        if let Some(on) = self.published_on {
            what.push(format!("публикувано на {}", date_bg(on)));
        }
        format!("Развитие по {}: {}", context.record, what.join("; "))
    }
}

impl Summary for ExpertContactsUpdated {
    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!(
            "{} обнови контактите на експертите ({})",
            context.tenant,
            counted(self.contacts.len() as u64, "контакт", "контакта")
        )
    }
}

/// A rating as the register writes it: "вероятност 3 × въздействие 4 = 12 (среден)".
fn rating(r: Rating) -> String {
    format!(
        "вероятност {} × въздействие {} = {} ({})",
        r.likelihood,
        r.impact,
        r.score(),
        r.band().label_bg().to_lowercase()
    )
}

impl Summary for RiskIdentified {
    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!(
            "{} вписа риск в регистъра за {} г. ({}): {}",
            context.tenant,
            self.year,
            self.area.label_bg().to_lowercase(),
            self.description.trim()
        )
    }
}

impl Summary for RiskAssessed {
    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!(
            "{} оценен: присъщ риск {}, остатъчен {}",
            context.record,
            rating(self.inherent),
            rating(self.residual)
        )
    }
}

impl Summary for RiskTreatmentPlanned {
    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!(
            "{}: отговор „{}“, {}",
            context.record,
            self.response.label_bg().to_lowercase(),
            self.actions.trim()
        )
    }
}

impl Summary for RiskReviewed {
    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!(
            "{} прегледан към {}: {}; следващ преглед до {}",
            context.record,
            date_bg(self.reviewed_on),
            rating(self.residual),
            date_bg(self.next_review_on)
        )
    }
}

/// The names of attached files, quoted.
fn file_names(files: &[crate::files::FileRef]) -> String {
    files
        .iter()
        .map(|f| quoted(&f.name))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Summary for crate::risk::RiskFilesAttached {
    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!(
            "Към {} са приложени {}",
            context.record,
            file_names(&self.files)
        )
    }
}

impl Summary for crate::activity::ActivityFilesAttached {
    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!(
            "Към {} са приложени {}",
            context.record,
            file_names(&self.files)
        )
    }
}

impl Summary for RiskClosed {
    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!("{} закрит: {}", context.record, self.reason.trim())
    }
}

impl Summary for QuestionnairePublished {
    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!(
            "{} публикува анкетата за служителите за {} г., версия {} ({})",
            context.tenant,
            self.year,
            self.version,
            counted(self.questions.len() as u64, "въпрос", "въпроса")
        )
    }
}

impl Summary for SurveyOpened {
    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!(
            "{} откри анкетата за служителите за {} г. (версия {}) до {}",
            context.tenant,
            self.year,
            self.version,
            date_bg(self.closes_on)
        )
    }
}

impl Summary for SurveyCodesIssued {
    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!(
            "{} издаде {} за анкетата",
            context.tenant,
            counted(self.hashes.len() as u64, "код за достъп", "кода за достъп")
        )
    }
}

impl Summary for SurveyAnswered {
    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!("Анонимен отговор на анкетата на {}", context.tenant)
    }
}

impl Summary for SignalFiled {
    fn summary(&self, _: &Context, _: Option<&Self>) -> String {
        format!(
            "Получен {}сигнал {} ({}, {}) на {}",
            if self.anonymous {
                "анонимен "
            } else {
                ""
            },
            self.reference,
            self.channel.label_bg().to_lowercase(),
            self.category.label_bg().to_lowercase(),
            date_bg(self.received)
        )
    }
}

impl Summary for SignalAcknowledged {
    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!(
            "{}: потвърдено получаване на {}",
            context.record,
            date_bg(self.on)
        )
    }
}

impl Summary for SignalAssigned {
    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!("{}: възложен на {}", context.record, self.to)
    }
}

impl Summary for SignalClassified {
    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!(
            "{}: класифициран – {}; {}",
            context.record,
            self.regime.label_bg(),
            self.category.label_bg().to_lowercase()
        )
    }
}

impl Summary for SignalForwarded {
    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!(
            "{}: препратен на {} с изх. № {} от {}",
            context.record,
            self.to.trim(),
            self.outgoing_number.trim(),
            date_bg(self.on)
        )
    }
}

impl Summary for SignalFollowedUp {
    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!(
            "{}: действие по сигнала на {}",
            context.record,
            date_bg(self.on)
        )
    }
}

impl Summary for SignalFeedbackGiven {
    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!(
            "{}: дадена обратна информация на {}",
            context.record,
            date_bg(self.on)
        )
    }
}

impl Summary for SignalMessageSent {
    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!("{}: съобщение до подателя", context.record)
    }
}

impl Summary for SignalReporterReplied {
    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!("{}: съобщение от подателя", context.record)
    }
}

impl Summary for SignalClosed {
    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!(
            "{}: приключен на {} – {}",
            context.record,
            date_bg(self.on),
            self.outcome.label_bg().to_lowercase()
        )
    }
}

impl Summary for SignalLinked {
    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!("{}: свързан с друг сигнал", context.record)
    }
}

impl Summary for SignalRisksLinked {
    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!(
            "{}: свързан с {} от регистъра на рисковете",
            context.record,
            counted(self.risks.len() as u64, "риск", "риска")
        )
    }
}

impl Summary for SignalIdentityViewed {
    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        let fields: Vec<&str> = self
            .fields
            .iter()
            .map(|field| match field.as_str() {
                "reporter" => "данните на подателя",
                "concerned" => "засегнатите лица",
                "account" => "изложението",
                other => other,
            })
            .collect();
        format!("{}: отворени {}", context.record, fields.join(", "))
    }
}

impl Summary for SignalKeyDestroyed {
    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!(
            "{}: личните данни са унищожени (срокът за съхранение изтече на {})",
            context.record,
            date_bg(self.retention_ended)
        )
    }
}

impl Summary for InternalChannelRecorded {
    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!(
            "{} записа решение за вътрешен канал за сигнали: {}",
            context.tenant,
            if self.obliged {
                "задължена е да поддържа канал"
            } else {
                "не е задължена да поддържа канал"
            }
        )
    }
}

impl Summary for IntakeListsSet {
    fn summary(&self, context: &Context, _: Option<&Self>) -> String {
        format!(
            "{} обнови списъците за сигнали: {}, {}",
            context.tenant,
            counted(self.units.len() as u64, "звено", "звена"),
            counted(self.activities.len() as u64, "дейност", "дейности")
        )
    }
}

impl Summary for VaultKeyRotated {
    fn summary(&self, _: &Context, _: Option<&Self>) -> String {
        format!(
            "Сменен главен ключ на хранилището ({} на сигнали са презаписани)",
            counted(self.signal_keys, "ключ", "ключа")
        )
    }
}

impl Summary for LogKeyAdopted {
    fn summary(&self, _: &Context, _: Option<&Self>) -> String {
        format!(
            "{} ключ за подписване на дневника {}",
            if self.previous_key.is_some() {
                "Сменен"
            } else {
                "Приет"
            },
            self.origin
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::EventType;

    /// An event of Petrich's report on I.1, described.
    fn describe(
        event_type: EventType,
        payload: &str,
        previous: impl FnOnce() -> Option<String>,
    ) -> Described {
        event_type
            .describe(
                payload,
                "Община Петрич",
                || "Отчет по мярка I.1 (2017)".to_owned(),
                previous,
            )
            .unwrap()
    }

    fn report(level: &str) -> String {
        format!(
            r#"{{"year":2017,"measure":"I.1","level":"{level}","note":"","evidence":[],"reported_for":"2017-12-31"}}"#
        )
    }

    #[test]
    fn a_progress_report_tells_the_level_before_and_after() {
        let summary = |previous: Option<String>| {
            describe(EventType::ProgressReported, &report("completed"), || {
                previous
            })
            .summary
        };
        assert_eq!(
            summary(Some(report("substantial"))),
            "Община Петрич отчете мярка I.1 (2017): съществен напредък → изпълнена"
        );
        assert_eq!(
            summary(None),
            "Община Петрич отчете мярка I.1 (2017): изпълнена"
        );
        assert_eq!(
            summary(Some(report("completed"))),
            "Община Петрич отчете мярка I.1 (2017): изпълнена (без промяна на степента)"
        );
        // A previous event of another shape (not a report) is as good as none.
        assert_eq!(summary(Some("{}".into())), summary(None));
    }

    #[test]
    fn only_the_types_that_tell_a_change_ask_for_the_previous_event() {
        let role = r#"{"username":"petrich.ivanova","role":"tenant_admin","previous":"officer"}"#;
        let summary = describe(EventType::RoleGranted, role, || {
            panic!("a role grant names its previous role")
        })
        .summary;
        assert_eq!(
            summary,
            "Профил petrich.ivanova: роля служител → администратор на институцията"
        );
    }

    #[test]
    fn a_payload_that_is_not_its_types_shape_is_an_error_not_a_sentence() {
        assert!(
            EventType::AccountCreated
                .describe(r#"{"username":"x"}"#, "Община Петрич", String::new, || None)
                .is_err()
        );
    }

    #[test]
    fn the_event_that_records_an_activity_names_its_record_itself() {
        let meeting = r#"{"date":"2017-05-12","meeting_kind":"council_session","title":"Отчет за първото тримесечие","participants":1,"organisations":[],"agenda":"","decisions":"","protocol":"","public":true,"measures":[]}"#;
        let described = EventType::MeetingHeld
            .describe(meeting, "Община Петрич", || panic!("no lookup"), || None)
            .unwrap();
        assert_eq!(
            described.record,
            "Заседание на съвета „Отчет за първото тримесечие“"
        );
        assert_eq!(
            described.summary,
            "Община Петрич записа заседание на съвета „Отчет за първото тримесечие“ на 12.05.2017 (1 участник)"
        );
    }

    #[test]
    fn counts_take_the_nouns_form_for_their_number() {
        assert_eq!(counted(1, "участник", "участници"), "1 участник");
        assert_eq!(counted(12, "участник", "участници"), "12 участници");
        assert_eq!(counted(0, "контакт", "контакта"), "0 контакта");
    }
}
