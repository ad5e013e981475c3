//! One sentence for every event type, in the reader's language: what the audit trail, the
//! event page and the dashboard say happened, in the words of the people who did it.
//!
//! Every payload implements [`Summary`]; the list of event types (`events::event_sets!`) calls
//! it for each type, so a new event type does not compile until it can say what it records.
//! A summary reads only the payload's plain fields: the confidential register's sealed fields
//! have no text to show, and the sentence of a signal's event names its case by its reference.
//! The sentences are messages of the catalogue's `history` area (`shared/locales/*/history.ftl`).

use crate::account::{
    AccountCreated, AccountDisabled, AccountEnabled, LoggedOut, LoginFailed, LoginFailure,
    LoginSucceeded, PasswordChangeKind, PasswordChanged, RoleGranted,
};
use crate::activity::{
    ActAction, ActContested, ActKind, Activity, ActivityCorrected, ContestedActFollowedUp,
    DeclarationsChecked, ExpertContactsUpdated, MediaActivityCarriedOut, MediaKind, MeetingHeld,
    TrainingHeld,
};
use crate::i18n::Lang;
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
use crate::tr;

/// What a summary may name besides its own payload, and in which language it speaks.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The reader's language.
    pub lang: Lang,
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

    /// The record's name in `lang`, when the payload itself says it: the event that records an
    /// activity holds it whole, so a reader need not look the record up.
    fn names_record(&self, _lang: Lang) -> Option<String> {
        None
    }

    /// The sentence in the context's language, given the context and, for a type that reads
    /// it, the stream's previous event when it is of the same type.
    fn summary(&self, context: &Context, previous: Option<&Self>) -> String;
}

/// A quoted text, as `lang` quotes it: „…“ in Bulgarian, “…” in English.
fn quoted(lang: Lang, text: &str) -> String {
    tr!(lang, "history-quoted", text = text.trim())
}

impl Summary for TenantRegistered {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-tenant-registered",
            name = self.name().get(c.lang),
            kind = self.kind.label(c.lang).to_lowercase(),
            code = &self.official_code,
        )
    }
}

impl Summary for AccountCreated {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-account-created",
            username = self.username.to_string(),
            name = &self.display_name,
            role = self.role.label(c.lang).to_lowercase(),
        )
    }
}

impl Summary for RoleGranted {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-role-granted",
            username = self.username.to_string(),
            previous = self.previous.label(c.lang).to_lowercase(),
            role = self.role.label(c.lang).to_lowercase(),
        )
    }
}

impl Summary for AccountDisabled {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-account-disabled",
            username = self.username.to_string(),
            reason = self.reason.trim(),
        )
    }
}

impl Summary for AccountEnabled {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-account-enabled",
            username = self.username.to_string()
        )
    }
}

impl Summary for PasswordChanged {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        let username = self.username.to_string();
        match self.kind {
            PasswordChangeKind::ByOwner => {
                tr!(c.lang, "history-password-changed", username = username)
            }
            PasswordChangeKind::ResetByAdmin => {
                tr!(c.lang, "history-password-reset", username = username)
            }
        }
    }
}

impl Summary for NotificationsChosen {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        let username = self.username.to_string();
        match (&self.email, self.delivery) {
            (Some(email), delivery) if delivery != Delivery::Off => tr!(
                c.lang,
                "history-notifications-chosen",
                username = username,
                email = email,
                delivery = delivery.label(c.lang).to_lowercase(),
            ),
            _ => tr!(c.lang, "history-notifications-stopped", username = username),
        }
    }
}

impl Summary for NotificationSent {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        let username = self.username.to_string();
        match self.kind {
            NotificationKind::Digest => tr!(
                c.lang,
                "history-digest-sent",
                username = username,
                items = self.items,
            ),
            NotificationKind::NewSignals => tr!(
                c.lang,
                "history-new-signals-mail-sent",
                username = username,
                items = self.items,
            ),
        }
    }
}

impl Summary for LoginSucceeded {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-logged-in",
            username = self.username.to_string()
        )
    }
}

impl Summary for LoginFailed {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        let who = self.username.as_ref().map_or_else(
            || tr!(c.lang, "history-login-unknown-username"),
            |u| u.to_string(),
        );
        let reason = match self.failure {
            LoginFailure::UnknownAccount => tr!(c.lang, "history-login-failure-unknown-account"),
            LoginFailure::WrongPassword => tr!(c.lang, "history-login-failure-wrong-password"),
            LoginFailure::AccountDisabled => {
                tr!(c.lang, "history-login-failure-account-disabled")
            }
        };
        match self.blocked_until {
            Some(until) => tr!(
                c.lang,
                "history-login-failed-blocked",
                who = who,
                reason = reason,
                until = date_time(until),
            ),
            None => tr!(c.lang, "history-login-failed", who = who, reason = reason),
        }
    }
}

impl Summary for LoggedOut {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-logged-out",
            username = self.username.to_string()
        )
    }
}

impl Summary for PlanAdopted {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        let (year, title) = (self.year.to_string(), self.title.trim());
        match self.based_on {
            Some(base) => tr!(
                c.lang,
                "history-plan-adopted-based-on",
                year = year,
                title = title,
                base = base.to_string(),
            ),
            None => tr!(c.lang, "history-plan-adopted", year = year, title = title),
        }
    }
}

impl Summary for MeasureAdded {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-measure-added",
            key = &self.measure.key,
            year = self.year.to_string(),
        )
    }
}

impl Summary for MeasureUpdated {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        let lang = c.lang;
        let changed: Vec<String> = [
            (self.text.is_some(), tr!(lang, "history-field-text")),
            (self.deadline.is_some(), tr!(lang, "history-field-deadline")),
            (
                self.responsible.is_some(),
                tr!(lang, "history-field-responsible"),
            ),
            (
                self.indicator.is_some(),
                tr!(lang, "history-field-indicator"),
            ),
            (
                self.expected_result.is_some(),
                tr!(lang, "history-field-expected-result"),
            ),
        ]
        .into_iter()
        .filter_map(|(changed, field)| changed.then(|| field.to_lowercase()))
        .collect();
        let (key, year) = (&self.key, self.year.to_string());
        if changed.is_empty() {
            tr!(lang, "history-measure-updated", key = key, year = year)
        } else {
            tr!(
                lang,
                "history-measure-updated-fields",
                key = key,
                year = year,
                fields = changed.join(", "),
            )
        }
    }
}

impl Summary for MeasureWithdrawn {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-measure-withdrawn",
            key = &self.key,
            year = self.year.to_string(),
            reason = self.reason.trim(),
        )
    }
}

impl Summary for ProgressReported {
    const READS_PREVIOUS: bool = true;

    fn summary(&self, c: &Context, previous: Option<&Self>) -> String {
        let lang = c.lang;
        let level = self.level.label(lang).to_lowercase();
        let (tenant, measure, year) = (c.tenant, &self.measure, self.year.to_string());
        match previous {
            Some(before) if before.level != self.level => tr!(
                lang,
                "history-progress-reported-changed",
                tenant = tenant,
                measure = measure,
                year = year,
                before = before.level.label(lang).to_lowercase(),
                level = level,
            ),
            Some(_) => tr!(
                lang,
                "history-progress-reported-unchanged",
                tenant = tenant,
                measure = measure,
                year = year,
                level = level,
            ),
            None => tr!(
                lang,
                "history-progress-reported",
                tenant = tenant,
                measure = measure,
                year = year,
                level = level,
            ),
        }
    }
}

impl Summary for MeetingHeld {
    fn names_record(&self, lang: Lang) -> Option<String> {
        Some(self.name(lang))
    }

    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-meeting-recorded",
            tenant = c.tenant,
            kind = self.meeting_kind.label(c.lang).to_lowercase(),
            title = self.title.trim(),
            date = date_bg(self.date),
            participants = self.participants,
        )
    }
}

impl Summary for TrainingHeld {
    fn names_record(&self, lang: Lang) -> Option<String> {
        Some(self.name(lang))
    }

    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-training-recorded",
            tenant = c.tenant,
            topic = self.topic.trim(),
            date = date_bg(self.date),
            participants = self.participants,
        )
    }
}

impl Summary for MediaActivityCarriedOut {
    fn names_record(&self, lang: Lang) -> Option<String> {
        Some(self.name(lang))
    }

    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        let (tenant, channel, date) = (c.tenant, self.channel.trim(), date_bg(self.date));
        match self.media_kind {
            MediaKind::Appearance => tr!(
                c.lang,
                "history-media-appearance-recorded",
                tenant = tenant,
                channel = channel,
                date = date,
            ),
            MediaKind::Campaign => tr!(
                c.lang,
                "history-media-campaign-recorded",
                tenant = tenant,
                channel = channel,
                date = date,
            ),
        }
    }
}

impl Summary for DeclarationsChecked {
    fn names_record(&self, lang: Lang) -> Option<String> {
        Some(self.name(lang))
    }

    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-declarations-checked",
            tenant = c.tenant,
            declarations = self.declarations_checked,
            from = date_bg(self.period_from),
            to = date_bg(self.period_to),
            irregularities = self.irregularities_found,
        )
    }
}

/// "решение на общинския съвет № 12 от 01.02.2017", "заповед на кмета № 3 от …".
fn act_named(lang: Lang, kind: ActKind, number: &str, date: chrono::NaiveDate) -> String {
    let (number, date) = (number.trim(), date_bg(date));
    match kind {
        ActKind::CouncilDecision => tr!(
            lang,
            "history-act-council-decision",
            number = number,
            date = date
        ),
        ActKind::MayorOrder => tr!(
            lang,
            "history-act-mayor-order",
            number = number,
            date = date
        ),
    }
}

impl Summary for ActContested {
    fn names_record(&self, lang: Lang) -> Option<String> {
        Some(self.name(lang))
    }

    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        let act = act_named(c.lang, self.act_kind, &self.act_number, self.act_date);
        let (tenant, municipality) = (c.tenant, &self.municipality);
        match self.action {
            ActAction::Returned => tr!(
                c.lang,
                "history-act-returned",
                tenant = tenant,
                act = act,
                municipality = municipality,
            ),
            ActAction::ContestedInCourt => tr!(
                c.lang,
                "history-act-contested-in-court",
                tenant = tenant,
                act = act,
                municipality = municipality,
            ),
        }
    }
}

impl Summary for ActivityCorrected {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-activity-corrected",
            record = activity_named(&self.activity, c.lang),
            reason = self.reason.trim(),
        )
    }
}

/// An activity as a record's name says it in `lang`: its kind and title.
pub fn activity_named(activity: &Activity, lang: Lang) -> String {
    match activity {
        Activity::Meeting(m) => m.name(lang),
        Activity::Training(t) => t.name(lang),
        Activity::Media(m) => m.name(lang),
        Activity::DeclarationCheck(d) => d.name(lang),
        Activity::ContestedAct(a) => a.name(lang),
    }
}

/// An activity's record named by what it holds.
trait ActivityName {
    fn name(&self, lang: Lang) -> String;
}

impl ActivityName for MeetingHeld {
    fn name(&self, lang: Lang) -> String {
        tr!(
            lang,
            "history-meeting-name",
            kind = self.meeting_kind.label(lang),
            title = self.title.trim(),
        )
    }
}

impl ActivityName for TrainingHeld {
    fn name(&self, lang: Lang) -> String {
        tr!(lang, "history-training-name", topic = self.topic.trim())
    }
}

impl ActivityName for MediaActivityCarriedOut {
    fn name(&self, lang: Lang) -> String {
        let (channel, date) = (self.channel.trim(), date_bg(self.date));
        match self.media_kind {
            MediaKind::Appearance => tr!(
                lang,
                "history-media-appearance-name",
                channel = channel,
                date = date
            ),
            MediaKind::Campaign => tr!(
                lang,
                "history-media-campaign-name",
                channel = channel,
                date = date
            ),
        }
    }
}

impl ActivityName for DeclarationsChecked {
    fn name(&self, lang: Lang) -> String {
        tr!(
            lang,
            "history-declarations-check-name",
            from = date_bg(self.period_from),
            to = date_bg(self.period_to),
        )
    }
}

impl ActivityName for ActContested {
    fn name(&self, lang: Lang) -> String {
        let act = act_named(lang, self.act_kind, &self.act_number, self.act_date);
        // The participle agrees with the act: "решение" is neuter, "заповед" feminine.
        match self.act_kind {
            ActKind::CouncilDecision => tr!(lang, "history-contested-decision-name", act = act),
            ActKind::MayorOrder => tr!(lang, "history-contested-order-name", act = act),
        }
    }
}

impl Summary for ContestedActFollowedUp {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        let lang = c.lang;
        let mut what = Vec::new();
        if let Some(revote) = &self.council_revote {
            what.push(tr!(
                lang,
                "history-follow-up-revote",
                decision = revote.trim()
            ));
        }
        if let Some(case) = &self.court_case {
            what.push(tr!(
                lang,
                "history-follow-up-court-case",
                case = case.trim()
            ));
        }
        if let Some(outcome) = &self.court_outcome {
            what.push(tr!(
                lang,
                "history-follow-up-court-outcome",
                outcome = outcome.trim()
            ));
        }
        if let Some(on) = self.published_on {
            what.push(tr!(lang, "history-follow-up-published", date = date_bg(on)));
        }
        tr!(
            lang,
            "history-act-followed-up",
            record = c.record,
            details = what.join("; "),
        )
    }
}

impl Summary for ExpertContactsUpdated {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-contacts-updated",
            tenant = c.tenant,
            count = self.contacts.len(),
        )
    }
}

/// A rating as the register writes it: "вероятност 3 × въздействие 4 = 12 (среден)".
fn rating(lang: Lang, r: Rating) -> String {
    tr!(
        lang,
        "history-rating",
        likelihood = r.likelihood,
        impact = r.impact,
        score = r.score(),
        band = r.band().label(lang).to_lowercase(),
    )
}

impl Summary for RiskIdentified {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-risk-identified",
            tenant = c.tenant,
            year = self.year.to_string(),
            area = self.area.label(c.lang).to_lowercase(),
            description = self.description.trim(),
        )
    }
}

impl Summary for RiskAssessed {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-risk-assessed",
            record = c.record,
            inherent = rating(c.lang, self.inherent),
            residual = rating(c.lang, self.residual),
        )
    }
}

impl Summary for RiskTreatmentPlanned {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-risk-treatment-planned",
            record = c.record,
            response = self.response.label(c.lang).to_lowercase(),
            actions = self.actions.trim(),
        )
    }
}

impl Summary for RiskReviewed {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-risk-reviewed",
            record = c.record,
            date = date_bg(self.reviewed_on),
            rating = rating(c.lang, self.residual),
            next = date_bg(self.next_review_on),
        )
    }
}

/// The names of attached files, quoted.
fn file_names(lang: Lang, files: &[crate::files::FileRef]) -> String {
    files
        .iter()
        .map(|f| quoted(lang, &f.name))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Summary for crate::risk::RiskFilesAttached {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-files-attached",
            record = c.record,
            files = file_names(c.lang, &self.files),
        )
    }
}

impl Summary for crate::activity::ActivityFilesAttached {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-files-attached",
            record = c.record,
            files = file_names(c.lang, &self.files),
        )
    }
}

impl Summary for RiskClosed {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-risk-closed",
            record = c.record,
            reason = self.reason.trim(),
        )
    }
}

impl Summary for QuestionnairePublished {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-questionnaire-published",
            tenant = c.tenant,
            year = self.year.to_string(),
            version = self.version.to_string(),
            questions = self.questions.len(),
        )
    }
}

impl Summary for SurveyOpened {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-survey-opened",
            tenant = c.tenant,
            year = self.year.to_string(),
            version = self.version.to_string(),
            date = date_bg(self.closes_on),
        )
    }
}

impl Summary for SurveyCodesIssued {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-survey-codes-issued",
            tenant = c.tenant,
            count = self.hashes.len(),
        )
    }
}

impl Summary for SurveyAnswered {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(c.lang, "history-survey-answered", tenant = c.tenant)
    }
}

impl Summary for SignalFiled {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        let lang = c.lang;
        let (reference, channel, category, date) = (
            &self.reference,
            self.channel.label(lang).to_lowercase(),
            self.category.label(lang).to_lowercase(),
            date_bg(self.received),
        );
        if self.anonymous {
            tr!(
                lang,
                "history-signal-filed-anonymous",
                reference = reference,
                channel = channel,
                category = category,
                date = date,
            )
        } else {
            tr!(
                lang,
                "history-signal-filed",
                reference = reference,
                channel = channel,
                category = category,
                date = date,
            )
        }
    }
}

impl Summary for SignalAcknowledged {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-signal-acknowledged",
            record = c.record,
            date = date_bg(self.on),
        )
    }
}

impl Summary for SignalAssigned {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-signal-assigned",
            record = c.record,
            to = self.to.to_string(),
        )
    }
}

impl Summary for SignalClassified {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-signal-classified",
            record = c.record,
            regime = self.regime.label(c.lang),
            category = self.category.label(c.lang).to_lowercase(),
        )
    }
}

impl Summary for SignalForwarded {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-signal-forwarded",
            record = c.record,
            to = self.to.trim(),
            number = self.outgoing_number.trim(),
            date = date_bg(self.on),
        )
    }
}

impl Summary for SignalFollowedUp {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-signal-followed-up",
            record = c.record,
            date = date_bg(self.on),
        )
    }
}

impl Summary for SignalFeedbackGiven {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-signal-feedback-given",
            record = c.record,
            date = date_bg(self.on),
        )
    }
}

impl Summary for SignalMessageSent {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(c.lang, "history-signal-message-sent", record = c.record)
    }
}

impl Summary for SignalReporterReplied {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(c.lang, "history-signal-reporter-replied", record = c.record)
    }
}

impl Summary for SignalClosed {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-signal-closed",
            record = c.record,
            date = date_bg(self.on),
            outcome = self.outcome.label(c.lang).to_lowercase(),
        )
    }
}

impl Summary for SignalLinked {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(c.lang, "history-signal-linked", record = c.record)
    }
}

impl Summary for SignalRisksLinked {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-signal-risks-linked",
            record = c.record,
            count = self.risks.len(),
        )
    }
}

impl Summary for SignalIdentityViewed {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        let lang = c.lang;
        let fields: Vec<String> = self
            .fields
            .iter()
            .map(|field| match field.as_str() {
                "reporter" => tr!(lang, "history-sealed-reporter"),
                "concerned" => tr!(lang, "history-sealed-concerned"),
                "account" => tr!(lang, "history-sealed-account"),
                other => other.to_owned(),
            })
            .collect();
        tr!(
            lang,
            "history-signal-identity-viewed",
            record = c.record,
            fields = fields.join(", "),
        )
    }
}

impl Summary for SignalKeyDestroyed {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-signal-key-destroyed",
            record = c.record,
            date = date_bg(self.retention_ended),
        )
    }
}

impl Summary for InternalChannelRecorded {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        if self.obliged {
            tr!(
                c.lang,
                "history-internal-channel-obliged",
                tenant = c.tenant
            )
        } else {
            tr!(
                c.lang,
                "history-internal-channel-not-obliged",
                tenant = c.tenant
            )
        }
    }
}

impl Summary for IntakeListsSet {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-intake-lists-set",
            tenant = c.tenant,
            units = self.units.len(),
            activities = self.activities.len(),
        )
    }
}

impl Summary for VaultKeyRotated {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        tr!(
            c.lang,
            "history-vault-key-rotated",
            count = self.signal_keys
        )
    }
}

impl Summary for LogKeyAdopted {
    fn summary(&self, c: &Context, _: Option<&Self>) -> String {
        if self.previous_key.is_some() {
            tr!(c.lang, "history-log-key-replaced", origin = &self.origin)
        } else {
            tr!(c.lang, "history-log-key-adopted", origin = &self.origin)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::EventType;

    /// An event of Petrich's report on I.1, described in `lang`.
    fn describe_in(
        lang: Lang,
        event_type: EventType,
        payload: &str,
        previous: impl FnOnce() -> Option<String>,
    ) -> Described {
        event_type
            .describe(
                lang,
                payload,
                "Община Петрич",
                || "Отчет по мярка I.1 (2017)".to_owned(),
                previous,
            )
            .unwrap()
    }

    /// The same, in Bulgarian.
    fn describe(
        event_type: EventType,
        payload: &str,
        previous: impl FnOnce() -> Option<String>,
    ) -> Described {
        describe_in(Lang::Bg, event_type, payload, previous)
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
                .describe(
                    Lang::Bg,
                    r#"{"username":"x"}"#,
                    "Община Петрич",
                    String::new,
                    || None
                )
                .is_err()
        );
    }

    const MEETING: &str = r#"{"date":"2017-05-12","meeting_kind":"council_session","title":"Отчет за първото тримесечие","participants":1,"organisations":[],"agenda":"","decisions":"","protocol":"","public":true,"measures":[]}"#;

    #[test]
    fn the_event_that_records_an_activity_names_its_record_itself() {
        let described = EventType::MeetingHeld
            .describe(
                Lang::Bg,
                MEETING,
                "Община Петрич",
                || panic!("no lookup"),
                || None,
            )
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
    fn sentences_speak_the_readers_language() {
        let described = describe_in(Lang::En, EventType::MeetingHeld, MEETING, || None);
        assert_eq!(
            described.record,
            "Council session “Отчет за първото тримесечие”"
        );
        assert_eq!(
            described.summary,
            "Община Петрич recorded a meeting: council session “Отчет за първото тримесечие” on 12.05.2017 (1 participant)"
        );
        let summary = describe_in(
            Lang::En,
            EventType::ProgressReported,
            &report("completed"),
            || Some(report("substantial")),
        )
        .summary;
        assert_eq!(
            summary,
            "Община Петрич reported on measure I.1 (2017): substantial progress → completed"
        );
    }

    #[test]
    fn counts_take_the_nouns_form_for_their_number() {
        let contacts =
            |lang, n: usize| tr!(lang, "history-contacts-updated", tenant = "X", count = n);
        assert_eq!(
            contacts(Lang::Bg, 1),
            "X обнови контактите на експертите (1 контакт)"
        );
        assert_eq!(
            contacts(Lang::Bg, 3),
            "X обнови контактите на експертите (3 контакта)"
        );
        assert_eq!(
            contacts(Lang::En, 1),
            "X updated the experts' contacts (1 contact)"
        );
        assert_eq!(
            contacts(Lang::En, 3),
            "X updated the experts' contacts (3 contacts)"
        );
    }
}
