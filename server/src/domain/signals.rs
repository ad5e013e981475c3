//! The signals register as commands and a fold: what a signal's state is after its events
//! (`SignalState::apply`), and which event a command makes of it (`decide`), or why not.
//! Pure: texts are sealed through a [`Sealer`] handed in, dates are checked against `today`.

use crate::domain::clocks;
use crate::store::NewEvent;
use crate::vault::Sealer;
use antikor_migrations::Upcasters;
use antikor_shared::signal::{
    AttachmentRecord, Category, Closure, IntakeListsSet, InternalChannelRecorded, MAX_LIST_ENTRIES,
    Outcome, RECEIPT_FIELD, ReceiptVerifier, RecordChannel, RecordSignal, Regime, Reporter,
    SetIntakeLists, SignalAccount, SignalAcknowledged, SignalAssigned, SignalClassified,
    SignalClosed, SignalFeedbackGiven, SignalFiled, SignalFollowedUp, SignalForwarded,
    SignalIdentityViewed, SignalKeyDestroyed, SignalLinked, SignalMessageSent,
    SignalReporterReplied, SignalStatus,
};
use antikor_shared::{RecordedEvent, Username};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::BTreeSet;
use uuid::Uuid;

/// Why a command on a signal was refused; `Display` is the Bulgarian message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignalRejection {
    /// A field is missing, too long or inconsistent.
    #[error("{0}")]
    BadField(String),
    /// A date in the future or before the signal was received.
    #[error("{0}")]
    BadDate(String),
    /// Someone changed the signal since the caller read it.
    #[error(
        "Сигналът е променен междувременно от друг служител. Прегледайте промените и опитайте отново."
    )]
    Stale,
    /// The step was already taken.
    #[error("{0}")]
    AlreadyDone(String),
    /// The case is closed.
    #[error("Сигналът е приключен; по него не се вписват нови действия.")]
    Closed,
    /// The retention period ended and the personal data were destroyed.
    #[error("Срокът за съхранение е изтекъл и личните данни по сигнала са унищожени.")]
    Destroyed,
    /// A step that needs an earlier one.
    #[error("{0}")]
    OutOfOrder(String),
}

fn bad(message: impl Into<String>) -> SignalRejection {
    SignalRejection::BadField(message.into())
}

/// A required text of up to `max` characters, trimmed.
fn text(value: &str, field: &str, max: usize) -> Result<String, SignalRejection> {
    let value = value.trim();
    if value.is_empty() {
        return Err(bad(format!("Попълнете полето „{field}“.")));
    }
    if value.chars().count() > max {
        return Err(bad(format!("Полето „{field}“ е до {max} знака.")));
    }
    Ok(value.to_owned())
}

/// An optional text of up to `max` characters, trimmed (empty counts as none).
fn optional(
    value: Option<&str>,
    field: &str,
    max: usize,
) -> Result<Option<String>, SignalRejection> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => text(v, field, max).map(Some),
    }
}

fn date_bg(day: NaiveDate) -> String {
    day.format("%d.%m.%Y").to_string()
}

/// A step's date: not in the future, not before `earliest`.
fn step_date(
    on: NaiveDate,
    earliest: NaiveDate,
    earliest_what: &str,
    today: NaiveDate,
) -> Result<NaiveDate, SignalRejection> {
    if on > today {
        return Err(SignalRejection::BadDate(format!(
            "Датата {} е в бъдещето.",
            date_bg(on)
        )));
    }
    if on < earliest {
        return Err(SignalRejection::BadDate(format!(
            "Датата {} е преди {earliest_what} ({}).",
            date_bg(on),
            date_bg(earliest)
        )));
    }
    Ok(on)
}

/// Whitespace runs as one space and letters in lower case: how two spellings of an entry
/// are compared.
fn folded(value: &str) -> String {
    value
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A unit or an activity as an entry of the tenant's `list`, spelled as the list spells it.
/// Anything else is refused: a name typed here would reach the public statistics, and the
/// reporter's own words belong in the sealed account.
fn choice(
    value: Option<&str>,
    list: &[String],
    field: &str,
) -> Result<Option<String>, SignalRejection> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let wanted = folded(value);
    match list.iter().find(|entry| folded(entry) == wanted) {
        Some(entry) => Ok(Some(entry.clone())),
        None if list.is_empty() => Err(bad(format!(
            "Институцията не е определила списък за полето „{field}“: оставете го празно и \
             опишете подробностите в описанието на сигнала."
        ))),
        None => Err(bad(format!(
            "Изберете полето „{field}“ от списъка на институцията. Ако нищо в него не \
             подхожда, оставете полето празно и опишете подробностите в описанието на сигнала."
        ))),
    }
}

/// Checks a tenant's new lists: each entry trimmed, non-empty, up to 200 characters, once.
pub fn decide_lists(body: SetIntakeLists) -> Result<IntakeListsSet, SignalRejection> {
    let clean = |entries: Vec<String>, field: &str| {
        let mut out: Vec<String> = Vec::new();
        for entry in &entries {
            let entry = entry.split_whitespace().collect::<Vec<_>>().join(" ");
            if entry.is_empty() {
                continue;
            }
            let entry = text(&entry, field, 200)?;
            if out.iter().any(|e| folded(e) == folded(&entry)) {
                return Err(bad(format!("„{entry}“ се повтаря в списъка „{field}“.")));
            }
            out.push(entry);
        }
        if out.len() > MAX_LIST_ENTRIES {
            return Err(bad(format!(
                "Списъкът „{field}“ е до {MAX_LIST_ENTRIES} записа."
            )));
        }
        Ok(out)
    };
    Ok(IntakeListsSet {
        units: clean(body.units, "Звено")?,
        activities: clean(body.activities, "Дейност")?,
    })
}

// ---------------------------------------------------------------------------------------------
// Intake.

/// Checks and cleans a new signal: required texts, sizes, the date, an oral signal confirmed,
/// the unit and activity from the tenant's `lists`. Its attachments pass through unchecked
/// (see [`attachment_type`]).
pub fn check_intake(
    intake: RecordSignal,
    lists: &IntakeListsSet,
    today: NaiveDate,
) -> Result<RecordSignal, SignalRejection> {
    if intake.received > today {
        return Err(SignalRejection::BadDate(format!(
            "Датата на получаване {} е в бъдещето.",
            date_bg(intake.received)
        )));
    }
    if intake.channel.is_oral() && !intake.confirmed_by_reporter {
        return Err(bad(
            "Устно подаденият сигнал се вписва, след като подателят потвърди записа (с подпис).",
        ));
    }
    let reporter = match intake.reporter {
        None => None,
        Some(r) if r.name.trim().is_empty() && r.contact.trim().is_empty() => None,
        Some(r) => Some(Reporter {
            name: text(&r.name, "Име", 200)?,
            contact: optional(Some(&r.contact), "Данни за връзка", 500)?.unwrap_or_default(),
        }),
    };
    Ok(RecordSignal {
        reporter,
        account: SignalAccount {
            what: text(&intake.account.what, "Какво се е случило", 20_000)?,
            place: optional(Some(&intake.account.place), "Къде", 500)?.unwrap_or_default(),
            when: optional(Some(&intake.account.when), "Кога", 200)?.unwrap_or_default(),
        },
        concerned: optional(intake.concerned.as_deref(), "Засегнато лице", 500)?,
        unit: choice(intake.unit.as_deref(), &lists.units, "Звено")?,
        activity: choice(intake.activity.as_deref(), &lists.activities, "Дейност")?,
        confirmed_by_reporter: intake.confirmed_by_reporter,
        ..intake
    })
}

/// The media type of an attachment, judged by its first bytes (not by its name or what the
/// browser claims): PDF, JPEG, PNG, or UTF-8 text.
pub fn attachment_type(name: &str, bytes: &[u8]) -> Result<&'static str, SignalRejection> {
    use antikor_shared::signal::MAX_ATTACHMENT_BYTES;
    if bytes.is_empty() {
        return Err(bad(format!("Файлът „{name}“ е празен.")));
    }
    if bytes.len() > MAX_ATTACHMENT_BYTES {
        return Err(bad(format!(
            "Файлът „{name}“ е по-голям от {} MB.",
            MAX_ATTACHMENT_BYTES / (1024 * 1024)
        )));
    }
    if bytes.starts_with(b"%PDF-") {
        Ok("application/pdf")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Ok("image/jpeg")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok("image/png")
    } else if std::str::from_utf8(bytes).is_ok() && !bytes.contains(&0) {
        Ok("text/plain")
    } else {
        Err(bad(format!(
            "Файлът „{name}“ не е PDF, JPEG, PNG или текст. Приемаме само тези видове."
        )))
    }
}

/// The `SignalFiled` event of a checked intake, with its already stored `attachments`:
/// personal fields sealed.
pub fn file(
    intake: RecordSignal,
    reference: String,
    receipt_hash: Option<String>,
    attachments: Vec<AttachmentRecord>,
    sealer: &impl Sealer,
) -> SignalFiled {
    SignalFiled {
        reference,
        received: intake.received,
        channel: intake.channel,
        anonymous: intake.reporter.is_none(),
        reporter: intake.reporter.map(|r| sealer.seal_json("reporter", &r)),
        account: sealer.seal_json("account", &intake.account),
        concerned: intake.concerned.map(|c| sealer.seal_text("concerned", &c)),
        category: intake.category,
        unit: intake.unit,
        activity: intake.activity,
        confirmed_by_reporter: intake
            .channel
            .is_oral()
            .then_some(intake.confirmed_by_reporter),
        receipt_hash: receipt_hash
            .map(|phc| ReceiptVerifier::Sealed(sealer.seal_text(RECEIPT_FIELD, &phc))),
        attachments,
    }
}

// ---------------------------------------------------------------------------------------------
// Events and state.

/// Any event of a signal's stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignalEvent {
    /// Filed.
    Filed(SignalFiled),
    /// Acknowledged.
    Acknowledged(SignalAcknowledged),
    /// Assigned.
    Assigned(SignalAssigned),
    /// Classified.
    Classified(SignalClassified),
    /// Forwarded.
    Forwarded(SignalForwarded),
    /// Followed up.
    FollowedUp(SignalFollowedUp),
    /// Feedback given.
    FeedbackGiven(SignalFeedbackGiven),
    /// Message to the reporter.
    MessageSent(SignalMessageSent),
    /// The reporter's message.
    ReporterReplied(SignalReporterReplied),
    /// Closed.
    Closed(SignalClosed),
    /// Linked.
    Linked(SignalLinked),
    /// Identity opened.
    IdentityViewed(SignalIdentityViewed),
    /// Key destroyed.
    KeyDestroyed(SignalKeyDestroyed),
}

macro_rules! signal_events {
    ($($variant:ident),*) => {
        impl SignalEvent {
            /// The event ready to append, with a fresh id.
            pub fn to_new(&self) -> NewEvent {
                match self {
                    $(Self::$variant(e) => NewEvent::from_domain(Uuid::new_v4(), e),)*
                }
            }

            /// The event decoded from the log (upcast first), when it is a signal's.
            pub fn decode(upcasters: &Upcasters, event: &RecordedEvent) -> Option<Self> {
                $(if let Some(e) = crate::projections::decoded(upcasters, event) {
                    return Some(Self::$variant(e));
                })*
                None
            }
        }
    };
}

signal_events!(
    Filed,
    Acknowledged,
    Assigned,
    Classified,
    Forwarded,
    FollowedUp,
    FeedbackGiven,
    MessageSent,
    ReporterReplied,
    Closed,
    Linked,
    IdentityViewed,
    KeyDestroyed
);

/// A signal as its events leave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignalState {
    /// Its id.
    pub id: Uuid,
    /// When it was filed (the log's time).
    pub filed_at: DateTime<Utc>,
    /// The filing, as recorded.
    pub filed: SignalFiled,
    /// Acknowledged on.
    pub acknowledged: Option<NaiveDate>,
    /// The УИН.
    pub uin: Option<String>,
    /// The officer responsible.
    pub assigned_to: Option<Username>,
    /// The latest classification.
    pub classification: Option<SignalClassified>,
    /// Where it was forwarded.
    pub forwarded: Option<SignalForwarded>,
    /// When feedback was first given.
    pub feedback: Option<NaiveDate>,
    /// Whether anything was done after acknowledgment.
    pub examined: bool,
    /// How it ended.
    pub closed: Option<Closure>,
    /// Related signals.
    pub links: BTreeSet<Uuid>,
    /// Whether its key was destroyed.
    pub key_destroyed: bool,
    /// Its stream's version.
    pub version: u64,
}

impl SignalState {
    /// The state after `SignalFiled`.
    pub fn filed(id: Uuid, filed: SignalFiled, at: DateTime<Utc>) -> Self {
        Self {
            id,
            filed_at: at,
            filed,
            acknowledged: None,
            uin: None,
            assigned_to: None,
            classification: None,
            forwarded: None,
            feedback: None,
            examined: false,
            closed: None,
            links: BTreeSet::new(),
            key_destroyed: false,
            version: 1,
        }
    }

    /// Folds in one later event.
    pub fn apply(&mut self, event: &SignalEvent) {
        self.version += 1;
        match event {
            SignalEvent::Filed(_) => {}
            SignalEvent::Acknowledged(e) => {
                self.acknowledged = Some(e.on);
                self.uin = e.uin.clone();
            }
            SignalEvent::Assigned(e) => {
                self.assigned_to = Some(e.to.clone());
                self.examined = true;
            }
            SignalEvent::Classified(e) => {
                self.classification = Some(e.clone());
                self.examined = true;
            }
            SignalEvent::Forwarded(e) => {
                self.forwarded = Some(e.clone());
                self.examined = true;
            }
            SignalEvent::FollowedUp(_) => self.examined = true,
            SignalEvent::FeedbackGiven(e) => {
                self.feedback.get_or_insert(e.on);
            }
            SignalEvent::Closed(e) => {
                self.closed = Some(Closure {
                    on: e.on,
                    outcome: e.outcome,
                })
            }
            SignalEvent::Linked(e) => {
                self.links.insert(e.other);
            }
            SignalEvent::KeyDestroyed(_) => self.key_destroyed = true,
            SignalEvent::MessageSent(_)
            | SignalEvent::ReporterReplied(_)
            | SignalEvent::IdentityViewed(_) => {}
        }
    }

    /// Where it stands.
    pub fn status(&self) -> SignalStatus {
        if self.closed.is_some() {
            SignalStatus::Closed
        } else if self.feedback.is_some() {
            SignalStatus::FeedbackGiven
        } else if self.acknowledged.is_some() && self.examined {
            SignalStatus::InProgress
        } else if self.acknowledged.is_some() {
            SignalStatus::Acknowledged
        } else {
            SignalStatus::Received
        }
    }

    /// The category (as classified, or as filed).
    pub fn category(&self) -> Category {
        self.classification
            .as_ref()
            .map_or(self.filed.category, |c| c.category)
    }

    /// The unit concerned (as classified, or as filed).
    pub fn unit(&self) -> Option<&str> {
        match &self.classification {
            Some(c) => c.unit.as_deref(),
            None => self.filed.unit.as_deref(),
        }
    }

    /// The activity concerned (as classified, or as filed).
    pub fn activity(&self) -> Option<&str> {
        match &self.classification {
            Some(c) => c.activity.as_deref(),
            None => self.filed.activity.as_deref(),
        }
    }

    /// The regime, once classified.
    pub fn regime(&self) -> Option<Regime> {
        self.classification.as_ref().map(|c| c.regime)
    }

    /// When the acknowledgment is due.
    pub fn acknowledgment_due(&self) -> NaiveDate {
        clocks::acknowledgment_due(self.filed.received)
    }

    /// When feedback is due, once acknowledged.
    pub fn feedback_due(&self) -> Option<NaiveDate> {
        self.acknowledged.map(clocks::feedback_due)
    }

    /// When the retention period ends: five years after closing.
    pub fn retention_until(&self, years: u32) -> Option<NaiveDate> {
        self.closed.map(|c| {
            c.on.checked_add_months(chrono::Months::new(12 * years))
                .unwrap_or(NaiveDate::MAX)
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Commands.

/// What an officer (or, for `ReporterReply`, the reporter) does with a signal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignalCommand {
    /// Confirm receipt to the reporter.
    Acknowledge {
        /// When.
        on: NaiveDate,
        /// The УИН.
        uin: Option<String>,
        /// A message to the reporter.
        message: Option<String>,
    },
    /// Make an officer responsible.
    Assign {
        /// Whom.
        to: Username,
        /// Whether they are an active officer of the signal's tenant (the caller looks it up).
        is_officer: bool,
    },
    /// Decide the regime and what it concerns.
    Classify {
        /// Regime.
        regime: Regime,
        /// Category.
        category: Category,
        /// Unit.
        unit: Option<String>,
        /// Activity.
        activity: Option<String>,
        /// The tenant's current lists (the caller looks them up).
        lists: IntakeListsSet,
    },
    /// Send to the competent body.
    Forward {
        /// To whom.
        to: String,
        /// Outgoing number.
        outgoing_number: String,
        /// When.
        on: NaiveDate,
    },
    /// Record a follow-up action.
    FollowUp {
        /// When.
        on: NaiveDate,
        /// What.
        text: String,
    },
    /// Give the statutory feedback.
    GiveFeedback {
        /// When.
        on: NaiveDate,
        /// The feedback.
        text: String,
    },
    /// Write to the reporter.
    SendMessage {
        /// The message.
        text: String,
    },
    /// The reporter writes back.
    ReporterReply {
        /// The message.
        text: String,
    },
    /// End the case.
    Close {
        /// When.
        on: NaiveDate,
        /// How.
        outcome: Outcome,
        /// Why.
        reason: String,
    },
    /// Relate to another signal of the tenant (found by the caller).
    Link {
        /// The other signal.
        other: Uuid,
    },
}

/// The event a command makes of a signal. `expected` is the version the caller read (`None`
/// for the reporter, who holds no version); the store checks it once more when appending.
pub fn decide(
    state: &SignalState,
    expected: Option<u64>,
    command: SignalCommand,
    today: NaiveDate,
    sealer: &impl Sealer,
) -> Result<SignalEvent, SignalRejection> {
    if state.key_destroyed {
        return Err(SignalRejection::Destroyed);
    }
    if state.closed.is_some() {
        return Err(SignalRejection::Closed);
    }
    if expected.is_some_and(|v| v != state.version) {
        return Err(SignalRejection::Stale);
    }
    let received = state.filed.received;
    Ok(match command {
        SignalCommand::Acknowledge { on, uin, message } => {
            if let Some(done) = state.acknowledged {
                return Err(SignalRejection::AlreadyDone(format!(
                    "Получаването вече е потвърдено на {}.",
                    date_bg(done)
                )));
            }
            let on = step_date(on, received, "получаването", today)?;
            let uin = optional(uin.as_deref(), "УИН", 40)?;
            let message = optional(message.as_deref(), "Съобщение", 4000)?;
            SignalEvent::Acknowledged(SignalAcknowledged {
                on,
                uin,
                message: message.map(|m| sealer.seal_text("message", &m)),
            })
        }
        SignalCommand::Assign { to, is_officer } => {
            if !is_officer {
                return Err(bad(format!(
                    "„{to}“ не е служител на институцията с достъп до регистъра."
                )));
            }
            if state.assigned_to.as_ref() == Some(&to) {
                return Err(SignalRejection::AlreadyDone(format!(
                    "Сигналът вече е възложен на „{to}“."
                )));
            }
            SignalEvent::Assigned(SignalAssigned { to })
        }
        SignalCommand::Classify {
            regime,
            category,
            unit,
            activity,
            lists,
        } => {
            let event = SignalClassified {
                regime,
                category,
                unit: choice(unit.as_deref(), &lists.units, "Звено")?,
                activity: choice(activity.as_deref(), &lists.activities, "Дейност")?,
            };
            if state.classification.as_ref() == Some(&event) {
                return Err(SignalRejection::AlreadyDone(
                    "Сигналът вече е класифициран така.".into(),
                ));
            }
            SignalEvent::Classified(event)
        }
        SignalCommand::Forward {
            to,
            outgoing_number,
            on,
        } => SignalEvent::Forwarded(SignalForwarded {
            to: text(&to, "До кого", 300)?,
            outgoing_number: text(&outgoing_number, "Изходящ номер", 100)?,
            on: step_date(on, received, "получаването", today)?,
        }),
        SignalCommand::FollowUp { on, text: t } => SignalEvent::FollowedUp(SignalFollowedUp {
            on: step_date(on, received, "получаването", today)?,
            action: sealer.seal_text("action", &text(&t, "Действие", 10_000)?),
        }),
        SignalCommand::GiveFeedback { on, text: t } => {
            let Some(acknowledged) = state.acknowledged else {
                return Err(SignalRejection::OutOfOrder(
                    "Първо потвърдете получаването на сигнала.".into(),
                ));
            };
            SignalEvent::FeedbackGiven(SignalFeedbackGiven {
                on: step_date(on, acknowledged, "потвърждаването", today)?,
                text: sealer.seal_text("feedback", &text(&t, "Обратна информация", 10_000)?),
            })
        }
        SignalCommand::SendMessage { text: t } => {
            if state.filed.receipt_hash.is_none() {
                return Err(SignalRejection::OutOfOrder(
                    "Подателят няма код за проследяване: свържете се с него по посочения от него начин."
                        .into(),
                ));
            }
            SignalEvent::MessageSent(SignalMessageSent {
                text: sealer.seal_text("message", &text(&t, "Съобщение", 4000)?),
            })
        }
        SignalCommand::ReporterReply { text: t } => {
            SignalEvent::ReporterReplied(SignalReporterReplied {
                text: sealer.seal_text("reply", &text(&t, "Съобщение", 10_000)?),
            })
        }
        SignalCommand::Close {
            on,
            outcome,
            reason,
        } => {
            if outcome == Outcome::Forwarded && state.forwarded.is_none() {
                return Err(SignalRejection::OutOfOrder(
                    "Сигналът не е препращан: впишете първо препращането по компетентност.".into(),
                ));
            }
            SignalEvent::Closed(SignalClosed {
                on: step_date(on, received, "получаването", today)?,
                outcome,
                reason: sealer.seal_text("reason", &text(&reason, "Мотиви", 10_000)?),
            })
        }
        SignalCommand::Link { other } => {
            if other == state.id {
                return Err(bad("Сигналът не може да се свърже сам със себе си."));
            }
            if state.links.contains(&other) {
                return Err(SignalRejection::AlreadyDone(
                    "Сигналите вече са свързани.".into(),
                ));
            }
            SignalEvent::Linked(SignalLinked { other })
        }
    })
}

/// Whether a tenant must run an internal channel: not when it has under 10,000 inhabitants
/// or under 50 staff (the whistleblower law's exemption).
pub fn decide_channel(body: RecordChannel) -> Result<InternalChannelRecorded, SignalRejection> {
    if body.population.is_none() && body.staff.is_none() {
        return Err(bad("Посочете броя на жителите или на служителите."));
    }
    let exempt = body.population.is_some_and(|p| p < 10_000) || body.staff.is_some_and(|s| s < 50);
    Ok(InternalChannelRecorded {
        obliged: !exempt,
        population: body.population,
        staff: body.staff,
        note: optional(Some(&body.note), "Основание", 1000)?.unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use antikor_shared::signal::{Channel, Sealed};

    /// Seals in the clear, so that the tests can read what was sealed.
    struct Clear;

    impl Sealer for Clear {
        fn seal(&self, field: &str, clear: &[u8]) -> Sealed {
            Sealed {
                sealed_v1: format!("{field}:{}", String::from_utf8_lossy(clear)),
            }
        }
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    const TODAY: (i32, u32, u32) = (2026, 3, 20);

    fn today() -> NaiveDate {
        day(TODAY.0, TODAY.1, TODAY.2)
    }

    fn intake() -> RecordSignal {
        RecordSignal {
            channel: Channel::WebForm,
            received: day(2026, 3, 2),
            confirmed_by_reporter: false,
            reporter: None,
            account: SignalAccount {
                what: "  Искат пари за разрешително.  ".into(),
                place: "Общинска администрация".into(),
                when: "февруари 2026".into(),
            },
            concerned: Some(" ".into()),
            unit: Some(" устройство  на територията ".into()),
            activity: None,
            category: Category::Bribery,
            attachments: vec![],
        }
    }

    /// Given a signal filed on 2 March 2026 through the web form, with a receipt code.
    fn given() -> SignalState {
        let filed = file(
            check_intake(intake(), &IntakeListsSet::default(), today()).unwrap(),
            "BLG03-2026-0001".into(),
            Some("$argon2id$…".into()),
            vec![],
            &Clear,
        );
        SignalState::filed(Uuid::from_u128(1), filed, Utc::now())
    }

    /// Given the signal after `events`.
    fn given_after(events: &[SignalEvent]) -> SignalState {
        let mut state = given();
        events.iter().for_each(|e| state.apply(e));
        state
    }

    fn when(state: &SignalState, command: SignalCommand) -> Result<SignalEvent, SignalRejection> {
        decide(state, Some(state.version), command, today(), &Clear)
    }

    fn acknowledged(on: NaiveDate) -> SignalEvent {
        SignalEvent::Acknowledged(SignalAcknowledged {
            on,
            uin: None,
            message: None,
        })
    }

    fn acknowledge(on: NaiveDate) -> SignalCommand {
        SignalCommand::Acknowledge {
            on,
            uin: Some(" 0000-1234 ".into()),
            message: Some("Сигналът е получен.".into()),
        }
    }

    #[test]
    fn filing_trims_texts_seals_personal_fields_and_marks_anonymity() {
        let mut named = intake();
        named.reporter = Some(Reporter {
            name: " Мария Иванова ".into(),
            contact: "maria@example.bg".into(),
        });
        named.concerned = Some("Г. Георгиев".into());
        let filed = file(
            check_intake(named, &IntakeListsSet::default(), today()).unwrap(),
            "BLG03-2026-0002".into(),
            None,
            vec![],
            &Clear,
        );
        assert!(!filed.anonymous);
        assert!(
            filed
                .reporter
                .unwrap()
                .sealed_v1
                .contains("\"name\":\"Мария Иванова\"")
        );
        assert_eq!(filed.concerned.unwrap().sealed_v1, "concerned:Г. Георгиев");
        assert!(
            filed
                .account
                .sealed_v1
                .contains("\"what\":\"Искат пари за разрешително.\"")
        );
        let anonymous = given();
        assert!(anonymous.filed.anonymous);
        assert_eq!(anonymous.filed.concerned, None, "a blank name is no name");
        assert_eq!(anonymous.filed.confirmed_by_reporter, None);
    }

    #[test]
    fn units_and_activities_come_only_from_the_tenants_lists() {
        let filed = check_intake(intake(), &IntakeListsSet::default(), today()).unwrap();
        assert_eq!(
            filed.unit.as_deref(),
            Some("Устройство на територията"),
            "spelled as the list spells it"
        );
        let mut typed = intake();
        typed.unit = Some("Иван Петров от кабинет 12".into());
        let Err(SignalRejection::BadField(message)) =
            check_intake(typed, &IntakeListsSet::default(), today())
        else {
            panic!("a name typed as a unit must be refused");
        };
        assert!(message.contains("от списъка"), "{message}");
        let none = IntakeListsSet {
            units: vec![],
            activities: vec![],
        };
        assert!(check_intake(intake(), &none, today()).is_err());
        let mut unnamed = intake();
        unnamed.unit = None;
        assert_eq!(check_intake(unnamed, &none, today()).unwrap().unit, None);
        let classify = SignalCommand::Classify {
            regime: Regime::General,
            category: Category::Bribery,
            unit: None,
            activity: Some("Кабинетът на Петров".into()),
            lists: IntakeListsSet::default(),
        };
        assert!(matches!(
            when(&given(), classify),
            Err(SignalRejection::BadField(_))
        ));
    }

    #[test]
    fn lists_are_trimmed_without_blanks_or_repeats() {
        let lists = decide_lists(SetIntakeLists {
            units: vec!["  Отдел  „Местни данъци“ ".into(), " ".into()],
            activities: vec![],
        })
        .unwrap();
        assert_eq!(lists.units, ["Отдел „Местни данъци“"]);
        assert!(
            decide_lists(SetIntakeLists {
                units: vec!["Кметства".into(), "кметства".into()],
                activities: vec![],
            })
            .is_err()
        );
        assert!(
            decide_lists(SetIntakeLists {
                units: vec![],
                activities: vec!["я".repeat(201)],
            })
            .is_err()
        );
    }

    #[test]
    fn intake_refuses_an_empty_account_a_future_date_and_an_unconfirmed_oral_signal() {
        let mut empty = intake();
        empty.account.what = "   ".into();
        assert!(matches!(
            check_intake(empty, &IntakeListsSet::default(), today()),
            Err(SignalRejection::BadField(_))
        ));
        let mut future = intake();
        future.received = day(2026, 3, 21);
        assert!(matches!(
            check_intake(future, &IntakeListsSet::default(), today()),
            Err(SignalRejection::BadDate(_))
        ));
        let mut oral = intake();
        oral.channel = Channel::Phone;
        assert!(check_intake(oral.clone(), &IntakeListsSet::default(), today()).is_err());
        oral.confirmed_by_reporter = true;
        let filed = file(
            check_intake(oral, &IntakeListsSet::default(), today()).unwrap(),
            "R".into(),
            None,
            vec![],
            &Clear,
        );
        assert_eq!(filed.confirmed_by_reporter, Some(true));
    }

    #[test]
    fn attachments_are_typed_by_their_bytes() {
        assert_eq!(
            attachment_type("a.pdf", b"%PDF-1.7 x"),
            Ok("application/pdf")
        );
        assert_eq!(
            attachment_type("a.jpg", &[0xFF, 0xD8, 0xFF, 0xE0]),
            Ok("image/jpeg")
        );
        assert_eq!(
            attachment_type("a.png", b"\x89PNG\r\n\x1a\n..."),
            Ok("image/png")
        );
        assert_eq!(
            attachment_type("a.txt", "бележка".as_bytes()),
            Ok("text/plain")
        );
        assert!(
            attachment_type("a.pdf", b"MZ\x90\x00\x03").is_err(),
            "an .exe named .pdf"
        );
        assert!(attachment_type("a.txt", b"").is_err());
        let big = vec![b'a'; antikor_shared::signal::MAX_ATTACHMENT_BYTES + 1];
        assert!(attachment_type("a.txt", &big).is_err());
    }

    #[test]
    fn acknowledging_records_the_uin_and_seals_the_message() {
        let event = when(&given(), acknowledge(day(2026, 3, 5))).unwrap();
        let SignalEvent::Acknowledged(e) = event else {
            panic!("{event:?}")
        };
        assert_eq!(e.on, day(2026, 3, 5));
        assert_eq!(e.uin.as_deref(), Some("0000-1234"));
        assert_eq!(e.message.unwrap().sealed_v1, "message:Сигналът е получен.");
    }

    #[test]
    fn acknowledging_twice_before_receipt_or_ahead_of_time_is_refused() {
        let state = given_after(&[acknowledged(day(2026, 3, 5))]);
        assert!(matches!(
            when(&state, acknowledge(day(2026, 3, 6))),
            Err(SignalRejection::AlreadyDone(_))
        ));
        assert!(matches!(
            when(&given(), acknowledge(day(2026, 3, 1))),
            Err(SignalRejection::BadDate(_))
        ));
        assert!(matches!(
            when(&given(), acknowledge(day(2026, 3, 21))),
            Err(SignalRejection::BadDate(_))
        ));
    }

    #[test]
    fn a_stale_version_is_a_conflict() {
        let state = given();
        assert_eq!(
            decide(
                &state,
                Some(state.version + 1),
                acknowledge(day(2026, 3, 5)),
                today(),
                &Clear
            ),
            Err(SignalRejection::Stale)
        );
    }

    #[test]
    fn assigning_needs_an_officer_of_the_tenant_and_a_change() {
        let to = Username::parse("bansko.officer").unwrap();
        let refused = when(
            &given(),
            SignalCommand::Assign {
                to: to.clone(),
                is_officer: false,
            },
        );
        assert!(matches!(refused, Err(SignalRejection::BadField(_))));
        let event = when(
            &given(),
            SignalCommand::Assign {
                to: to.clone(),
                is_officer: true,
            },
        )
        .unwrap();
        let state = given_after(&[acknowledged(day(2026, 3, 5)), event]);
        assert_eq!(state.status(), SignalStatus::InProgress);
        assert!(matches!(
            when(
                &state,
                SignalCommand::Assign {
                    to,
                    is_officer: true
                }
            ),
            Err(SignalRejection::AlreadyDone(_))
        ));
    }

    #[test]
    fn classifying_overrides_the_reporters_category_and_unit() {
        let command = SignalCommand::Classify {
            regime: Regime::Whistleblower,
            category: Category::PublicProcurement,
            unit: Some("Обществени поръчки".into()),
            activity: Some(" ".into()),
            lists: IntakeListsSet::default(),
        };
        let event = when(&given(), command.clone()).unwrap();
        let state = given_after(&[event]);
        assert_eq!(state.category(), Category::PublicProcurement);
        assert_eq!(state.unit(), Some("Обществени поръчки"));
        assert_eq!(state.activity(), None);
        assert_eq!(state.regime(), Some(Regime::Whistleblower));
        assert!(matches!(
            when(&state, command),
            Err(SignalRejection::AlreadyDone(_))
        ));
    }

    #[test]
    fn forwarding_needs_a_body_a_number_and_a_date_in_range() {
        let forward = |to: &str, on| SignalCommand::Forward {
            to: to.into(),
            outgoing_number: "91-00-12".into(),
            on,
        };
        assert!(when(&given(), forward("", day(2026, 3, 10))).is_err());
        assert!(when(&given(), forward("Районна прокуратура", day(2026, 3, 25))).is_err());
        let event = when(&given(), forward("Районна прокуратура", day(2026, 3, 10))).unwrap();
        assert_eq!(
            given_after(&[event]).forwarded.map(|f| f.to),
            Some("Районна прокуратура".into())
        );
    }

    #[test]
    fn follow_ups_are_sealed() {
        let event = when(
            &given(),
            SignalCommand::FollowUp {
                on: day(2026, 3, 12),
                text: "Изискани документи от отдела.".into(),
            },
        )
        .unwrap();
        let SignalEvent::FollowedUp(e) = event else {
            panic!()
        };
        assert_eq!(e.action.sealed_v1, "action:Изискани документи от отдела.");
    }

    #[test]
    fn feedback_comes_after_acknowledgment_and_counts_its_first_date() {
        let feedback = |on| SignalCommand::GiveFeedback {
            on,
            text: "Проверката приключи.".into(),
        };
        assert!(matches!(
            when(&given(), feedback(day(2026, 3, 10))),
            Err(SignalRejection::OutOfOrder(_))
        ));
        let state = given_after(&[acknowledged(day(2026, 3, 5))]);
        assert!(matches!(
            when(&state, feedback(day(2026, 3, 4))),
            Err(SignalRejection::BadDate(_))
        ));
        let first = when(&state, feedback(day(2026, 3, 10))).unwrap();
        let state = given_after(&[acknowledged(day(2026, 3, 5)), first]);
        let second = when(&state, feedback(day(2026, 3, 15))).unwrap();
        let state = given_after(&[
            acknowledged(day(2026, 3, 5)),
            when(&state, feedback(day(2026, 3, 10))).unwrap(),
            second,
        ]);
        assert_eq!(state.feedback, Some(day(2026, 3, 10)));
        assert_eq!(state.status(), SignalStatus::FeedbackGiven);
        assert_eq!(state.feedback_due(), Some(day(2026, 6, 5)));
    }

    #[test]
    fn messages_need_a_reporter_who_can_read_them() {
        let message = SignalCommand::SendMessage {
            text: "Моля, уточнете датата.".into(),
        };
        assert!(when(&given(), message.clone()).is_ok());
        let mut by_post = given();
        by_post.filed.receipt_hash = None;
        assert!(matches!(
            when(&by_post, message),
            Err(SignalRejection::OutOfOrder(_))
        ));
        let reply = decide(
            &given(),
            None,
            SignalCommand::ReporterReply {
                text: "На 14 февруари.".into(),
            },
            today(),
            &Clear,
        );
        assert!(matches!(reply, Ok(SignalEvent::ReporterReplied(_))));
    }

    #[test]
    fn closing_ends_the_case_and_starts_the_retention_period() {
        let close = |outcome| SignalCommand::Close {
            on: day(2026, 3, 18),
            outcome,
            reason: "Анонимен сигнал.".into(),
        };
        assert!(matches!(
            when(&given(), close(Outcome::Forwarded)),
            Err(SignalRejection::OutOfOrder(_))
        ));
        let event = when(&given(), close(Outcome::NoProceedings)).unwrap();
        let state = given_after(&[event]);
        assert_eq!(state.status(), SignalStatus::Closed);
        assert_eq!(state.retention_until(5), Some(day(2031, 3, 18)));
        assert_eq!(
            when(&state, acknowledge(day(2026, 3, 19))),
            Err(SignalRejection::Closed)
        );
        let reply = decide(
            &state,
            None,
            SignalCommand::ReporterReply { text: "x".into() },
            today(),
            &Clear,
        );
        assert_eq!(reply, Err(SignalRejection::Closed));
    }

    #[test]
    fn links_are_to_another_signal_once() {
        let other = Uuid::from_u128(2);
        assert!(
            when(
                &given(),
                SignalCommand::Link {
                    other: Uuid::from_u128(1)
                }
            )
            .is_err()
        );
        let event = when(&given(), SignalCommand::Link { other }).unwrap();
        let state = given_after(&[event]);
        assert!(matches!(
            when(&state, SignalCommand::Link { other }),
            Err(SignalRejection::AlreadyDone(_))
        ));
    }

    #[test]
    fn small_bodies_need_no_internal_channel() {
        let channel = |population, staff| {
            decide_channel(RecordChannel {
                population,
                staff,
                note: "  ".into(),
            })
        };
        assert!(channel(None, None).is_err());
        assert!(
            !channel(Some(8_500), Some(120)).unwrap().obliged,
            "Belitsa-sized"
        );
        assert!(!channel(Some(30_000), Some(45)).unwrap().obliged);
        let obliged = channel(Some(30_000), Some(120)).unwrap();
        assert!(obliged.obliged);
        assert_eq!(obliged.note, "");
    }

    #[test]
    fn nothing_is_recorded_on_a_signal_whose_key_was_destroyed() {
        let state = given_after(&[SignalEvent::KeyDestroyed(SignalKeyDestroyed {
            retention_ended: day(2026, 3, 1),
        })]);
        assert_eq!(
            when(&state, acknowledge(day(2026, 3, 5))),
            Err(SignalRejection::Destroyed)
        );
    }
}
