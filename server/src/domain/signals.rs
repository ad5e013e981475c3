//! The signals register as an aggregate: what a signal's case is after its events
//! ([`SignalCase::apply`]), and which events a command makes of it, or why not.
//! Pure: texts are sealed through a [`Sealer`] handed in, dates are checked against `today`.

use crate::domain::fields::{BadText, Field, optional, text};
use crate::domain::{Aggregate, clocks};
use crate::util::errors::AppError;
use antikor_shared::Username;
use antikor_shared::events::{ChannelEvent, IntakeListsEvent, SignalEvent};
use antikor_shared::i18n::Text;
use antikor_shared::msg;
use antikor_shared::signal::{
    AttachmentRecord, Category, Closure, IntakeListsSet, InternalChannelRecorded, MAX_LIST_ENTRIES,
    Outcome, RECEIPT_FIELD, ReceiptVerifier, RecordChannel, RecordSignal, Regime, Reporter, Sealed,
    SetIntakeLists, SignalAccount, SignalAcknowledged, SignalAssigned, SignalClassified,
    SignalClosed, SignalFeedbackGiven, SignalFiled, SignalFollowedUp, SignalForwarded,
    SignalIdentityViewed, SignalKeyDestroyed, SignalLinked, SignalMessageSent,
    SignalReporterReplied, SignalRisksLinked, SignalStatus,
};
use antikor_shared::text::date_bg;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeSet;
use std::sync::Arc;
use uuid::Uuid;

/// Why a command on a signal was refused; [`text`](Self::text) is the message for the person,
/// and `Display` its Bulgarian.
#[derive(Debug, Clone, PartialEq)]
pub enum SignalRejection {
    /// A field is missing, too long or inconsistent.
    BadField(Text),
    /// A date in the future or before the signal was received.
    BadDate(Text),
    /// Someone changed the signal since the caller read it.
    Stale,
    /// The step was already taken.
    AlreadyDone(Text),
    /// The case is closed.
    Closed,
    /// The retention period ended and the personal data were destroyed.
    Destroyed,
    /// A step that needs an earlier one.
    OutOfOrder(Text),
    /// No signal was filed under this id.
    NotFiled,
}

impl SignalRejection {
    /// The refusal, for the person, in whichever language they read.
    pub fn text(&self) -> Text {
        match self {
            Self::BadField(text)
            | Self::BadDate(text)
            | Self::AlreadyDone(text)
            | Self::OutOfOrder(text) => text.clone(),
            Self::Stale => msg!("rules-signal-changed"),
            Self::Closed => msg!("rules-signal-closed"),
            Self::Destroyed => msg!("rules-signal-destroyed"),
            Self::NotFiled => msg!("rules-no-such-signal"),
        }
    }
}

/// The Bulgarian message.
impl std::fmt::Display for SignalRejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.text().fmt(f)
    }
}

impl std::error::Error for SignalRejection {}

/// How a signal's personal fields are sealed before they are recorded: with the signal's own
/// key in the vault (`crate::vault`), whose destruction makes them unreadable for good.
pub trait Sealer {
    /// The ciphertext of `clear` as field `field`.
    fn seal(&self, field: &str, clear: &[u8]) -> Sealed;

    /// A text sealed as field `field`.
    fn seal_text(&self, field: &str, clear: &str) -> Sealed {
        self.seal(field, clear.as_bytes())
    }
}

/// How the API answers each refusal.
impl From<SignalRejection> for AppError {
    fn from(r: SignalRejection) -> Self {
        let message = r.text();
        match r {
            SignalRejection::BadField(_) | SignalRejection::BadDate(_) => Self::BadRequest(message),
            SignalRejection::NotFiled => Self::NotFound(message),
            SignalRejection::Stale
            | SignalRejection::AlreadyDone(_)
            | SignalRejection::Closed
            | SignalRejection::Destroyed
            | SignalRejection::OutOfOrder(_) => Self::Conflict(message),
        }
    }
}

impl From<BadText> for SignalRejection {
    fn from(BadText(message): BadText) -> Self {
        Self::BadField(message)
    }
}

fn bad(message: Text) -> SignalRejection {
    SignalRejection::BadField(message)
}

/// The step a later one's date may not precede.
#[derive(Debug, Clone, Copy)]
enum Since {
    /// The signal's receipt.
    Receipt,
    /// The acknowledgment of its receipt.
    Acknowledgment,
}

/// A step's date: not in the future, not before `earliest`, the day of `since`.
fn step_date(
    on: NaiveDate,
    earliest: NaiveDate,
    since: Since,
    today: NaiveDate,
) -> Result<NaiveDate, SignalRejection> {
    if on > today {
        return Err(SignalRejection::BadDate(msg!(
            "rules-date-in-future",
            date = date_bg(on)
        )));
    }
    if on < earliest {
        let (date, earliest) = (date_bg(on), date_bg(earliest));
        return Err(SignalRejection::BadDate(match since {
            Since::Receipt => {
                msg!(
                    "rules-date-before-receipt",
                    date = date,
                    earliest = earliest
                )
            }
            Since::Acknowledgment => msg!(
                "rules-date-before-acknowledgment",
                date = date,
                earliest = earliest
            ),
        }));
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
    field: Field,
) -> Result<Option<String>, SignalRejection> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let wanted = folded(value);
    match list.iter().find(|entry| folded(entry) == wanted) {
        Some(entry) => Ok(Some(entry.clone())),
        None if list.is_empty() => Err(bad(msg!("rules-choice-no-list", field = field.key()))),
        None => Err(bad(msg!("rules-choice-from-list", field = field.key()))),
    }
}

/// Checks a tenant's new lists: each entry trimmed, non-empty, up to 200 characters, once.
pub fn decide_lists(body: SetIntakeLists) -> Result<IntakeListsSet, SignalRejection> {
    let clean = |entries: Vec<String>, field: Field| {
        let mut out: Vec<String> = Vec::new();
        for entry in &entries {
            let entry = entry.split_whitespace().collect::<Vec<_>>().join(" ");
            if entry.is_empty() {
                continue;
            }
            let entry = text(&entry, field, 200)?;
            if out.iter().any(|e| folded(e) == folded(&entry)) {
                return Err(bad(msg!(
                    "rules-list-entry-repeated",
                    entry = entry,
                    field = field.key()
                )));
            }
            out.push(entry);
        }
        if out.len() > MAX_LIST_ENTRIES {
            return Err(bad(msg!(
                "rules-list-too-long",
                field = field.key(),
                max = MAX_LIST_ENTRIES
            )));
        }
        Ok(out)
    };
    Ok(IntakeListsSet {
        units: clean(body.units, Field::Unit)?,
        activities: clean(body.activities, Field::Activity)?,
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
        return Err(SignalRejection::BadDate(msg!(
            "rules-receipt-date-in-future",
            date = date_bg(intake.received)
        )));
    }
    if intake.channel.is_oral() && !intake.confirmed_by_reporter {
        return Err(bad(msg!("rules-oral-signal-confirmation")));
    }
    let reporter = match intake.reporter {
        None => None,
        Some(r) if r.name.trim().is_empty() && r.contact.trim().is_empty() => None,
        Some(r) => Some(Reporter {
            name: text(&r.name, Field::Name, 200)?,
            contact: optional(Some(&r.contact), Field::Contact, 500)?.unwrap_or_default(),
        }),
    };
    Ok(RecordSignal {
        reporter,
        account: SignalAccount {
            what: text(&intake.account.what, Field::WhatHappened, 20_000)?,
            place: optional(Some(&intake.account.place), Field::Where, 500)?.unwrap_or_default(),
            when: optional(Some(&intake.account.when), Field::When, 200)?.unwrap_or_default(),
        },
        concerned: optional(intake.concerned.as_deref(), Field::Concerned, 500)?,
        unit: choice(intake.unit.as_deref(), &lists.units, Field::Unit)?,
        activity: choice(
            intake.activity.as_deref(),
            &lists.activities,
            Field::Activity,
        )?,
        confirmed_by_reporter: intake.confirmed_by_reporter,
        ..intake
    })
}

/// The media type of an attachment, judged by its first bytes (not by its name or what the
/// browser claims): PDF, JPEG, PNG, or UTF-8 text.
pub fn attachment_type(name: &str, bytes: &[u8]) -> Result<&'static str, SignalRejection> {
    use antikor_shared::signal::MAX_ATTACHMENT_BYTES;
    if bytes.is_empty() {
        return Err(bad(msg!("rules-file-empty", name = name)));
    }
    if bytes.len() > MAX_ATTACHMENT_BYTES {
        return Err(bad(msg!(
            "rules-file-too-large",
            name = name,
            megabytes = MAX_ATTACHMENT_BYTES / (1024 * 1024)
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
        Err(bad(msg!("rules-file-type", name = name)))
    }
}

/// A value sealed as JSON.
fn sealed_json(sealer: &dyn Sealer, field: &str, value: &impl Serialize) -> Sealed {
    sealer.seal(
        field,
        &serde_json::to_vec(value).expect("values serialize to JSON"),
    )
}

/// The `SignalFiled` event of a checked intake, with its already stored `attachments`:
/// personal fields sealed.
fn file(
    intake: RecordSignal,
    reference: String,
    receipt_hash: Option<String>,
    attachments: Vec<AttachmentRecord>,
    sealer: &dyn Sealer,
) -> SignalFiled {
    SignalFiled {
        reference,
        received: intake.received,
        channel: intake.channel,
        anonymous: intake.reporter.is_none(),
        reporter: intake.reporter.map(|r| sealed_json(sealer, "reporter", &r)),
        account: sealed_json(sealer, "account", &intake.account),
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
// The case and its aggregate.

/// A signal's case as its events leave it: what decisions on it need and its register row
/// shows. Where it sits in the log (its id, when it was filed, its stream's version) is kept
/// beside it by whoever folded it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SignalCase {
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
    /// Related signals (the links this signal's stream recorded; the register also shows
    /// the links other signals made to it).
    pub links: BTreeSet<Uuid>,
    /// The risks of the tenant's register it concerns.
    #[serde(default)]
    pub risks: BTreeSet<Uuid>,
    /// Whether its key was destroyed.
    pub key_destroyed: bool,
}

impl SignalCase {
    /// The case a filing opens.
    pub fn filed(filed: SignalFiled) -> Self {
        Self {
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
            risks: BTreeSet::new(),
            key_destroyed: false,
        }
    }

    /// Folds in one later event (a second filing changes nothing).
    pub fn apply(&mut self, event: &SignalEvent) {
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
            SignalEvent::RisksLinked(e) => self.risks = e.risks.iter().copied().collect(),
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

/// One signal's stream: filed, handled by its officers, answered by its reporter, and its
/// personal data destroyed when the retention period ends.
#[derive(Debug, Clone, Copy)]
pub struct SignalAggregate;

/// What a decision on a signal needs besides its case.
#[derive(Clone)]
pub struct SignalContext {
    /// The signal's id (a signal is not linked to itself).
    pub id: Uuid,
    /// The day in Sofia: no step is dated after it.
    pub today: NaiveDate,
    /// The signal's key, which seals what is recorded; `None` once it was destroyed.
    pub sealer: Option<Arc<dyn Sealer + Send + Sync>>,
}

impl SignalContext {
    fn sealer(&self) -> Result<&(dyn Sealer + Send + Sync), SignalRejection> {
        self.sealer.as_deref().ok_or(SignalRejection::Destroyed)
    }
}

impl Aggregate for SignalAggregate {
    type Event = SignalEvent;
    type State = Option<SignalCase>;
    type Command = SignalCommand;
    type Context = SignalContext;
    type Rejection = SignalRejection;

    fn decide(
        state: &Option<SignalCase>,
        command: SignalCommand,
        context: &SignalContext,
    ) -> Result<Vec<SignalEvent>, SignalRejection> {
        decide(state.as_ref(), command, context)
    }

    fn apply(state: Option<SignalCase>, event: &SignalEvent) -> Option<SignalCase> {
        match (state, event) {
            (None, SignalEvent::Filed(filed)) => Some(SignalCase::filed(filed.clone())),
            (Some(mut case), event) => {
                case.apply(event);
                Some(case)
            }
            // Nothing is recorded on a signal before its filing opens the stream.
            (None, _) => None,
        }
    }

    fn stale(_: &SignalContext, _read: u64, _actual: u64) -> Option<SignalRejection> {
        Some(SignalRejection::Stale)
    }
}

// ---------------------------------------------------------------------------------------------
// Commands.

/// What is done with a signal: filed, handled by an officer, answered by the reporter, opened,
/// and destroyed by the retention sweep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignalCommand {
    /// Open the case of a checked intake (see [`check_intake`]), its attachments already
    /// stored; personal fields are sealed.
    File {
        /// The checked intake.
        intake: RecordSignal,
        /// The register's number.
        reference: String,
        /// The PHC string of the reporter's receipt code, when they have one.
        receipt_hash: Option<String>,
        /// The stored attachments.
        attachments: Vec<AttachmentRecord>,
    },
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
        /// Whether the other signal already links to this one (the caller looks it up).
        linked_back: bool,
    },
    /// Relate to risks of the tenant's register (replacing the risks related before).
    LinkRisks {
        /// The risks.
        risks: BTreeSet<Uuid>,
        /// Whether every one of them is an open risk of the tenant's register (the caller
        /// looks them up).
        known: bool,
    },
    /// Record that sealed personal fields (`reporter`, `concerned`, `attachment-N`) are being
    /// opened, before they are shown.
    RecordOpening {
        /// The fields.
        fields: Vec<String>,
    },
    /// Record that the retention period ended and the key was destroyed (it already is).
    RecordKeyDestroyed {
        /// When the period ended.
        retention_ended: NaiveDate,
    },
}

/// The most risks one signal is related to: a signal that bears on more says little of each.
pub const MAX_LINKED_RISKS: usize = 20;

/// The events a command makes of a signal's case (`None`: not filed yet), or why not.
fn decide(
    case: Option<&SignalCase>,
    command: SignalCommand,
    context: &SignalContext,
) -> Result<Vec<SignalEvent>, SignalRejection> {
    let Some(case) = case else {
        return match command {
            SignalCommand::File {
                intake,
                reference,
                receipt_hash,
                attachments,
            } => Ok(vec![SignalEvent::Filed(file(
                intake,
                reference,
                receipt_hash,
                attachments,
                context.sealer()?,
            ))]),
            _ => Err(SignalRejection::NotFiled),
        };
    };
    let today = context.today;
    let received = case.filed.received;
    let event = match command {
        SignalCommand::File { .. } => {
            return Err(SignalRejection::AlreadyDone(msg!("rules-signal-filed")));
        }
        // Opening sealed fields and destroying the key concern closed cases too.
        SignalCommand::RecordOpening { .. } if case.key_destroyed => {
            return Err(SignalRejection::Destroyed);
        }
        // The sweep met a key whose destruction is recorded: nothing more to record.
        SignalCommand::RecordKeyDestroyed { .. } if case.key_destroyed => return Ok(vec![]),
        SignalCommand::RecordOpening { fields } => {
            SignalEvent::IdentityViewed(SignalIdentityViewed { fields })
        }
        SignalCommand::RecordKeyDestroyed { retention_ended } => {
            SignalEvent::KeyDestroyed(SignalKeyDestroyed { retention_ended })
        }
        // Every other command is a step of the case's handling: not once its data are
        // destroyed, not once it is closed.
        _ if case.key_destroyed => return Err(SignalRejection::Destroyed),
        _ if case.closed.is_some() => return Err(SignalRejection::Closed),
        SignalCommand::Acknowledge { on, uin, message } => {
            if let Some(done) = case.acknowledged {
                return Err(SignalRejection::AlreadyDone(msg!(
                    "rules-already-acknowledged",
                    date = date_bg(done)
                )));
            }
            let on = step_date(on, received, Since::Receipt, today)?;
            let uin = optional(uin.as_deref(), Field::Uin, 40)?;
            let message = match optional(message.as_deref(), Field::Message, 4000)? {
                Some(m) => Some(context.sealer()?.seal_text("message", &m)),
                None => None,
            };
            SignalEvent::Acknowledged(SignalAcknowledged { on, uin, message })
        }
        SignalCommand::Assign { to, is_officer } => {
            if !is_officer {
                return Err(bad(msg!("rules-not-an-officer", username = to.to_string())));
            }
            if case.assigned_to.as_ref() == Some(&to) {
                return Err(SignalRejection::AlreadyDone(msg!(
                    "rules-already-assigned",
                    username = to.to_string()
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
                unit: choice(unit.as_deref(), &lists.units, Field::Unit)?,
                activity: choice(activity.as_deref(), &lists.activities, Field::Activity)?,
            };
            if case.classification.as_ref() == Some(&event) {
                return Err(SignalRejection::AlreadyDone(msg!(
                    "rules-already-classified"
                )));
            }
            SignalEvent::Classified(event)
        }
        SignalCommand::Forward {
            to,
            outgoing_number,
            on,
        } => SignalEvent::Forwarded(SignalForwarded {
            to: text(&to, Field::ForwardedTo, 300)?,
            outgoing_number: text(&outgoing_number, Field::OutgoingNumber, 100)?,
            on: step_date(on, received, Since::Receipt, today)?,
        }),
        SignalCommand::FollowUp { on, text: t } => SignalEvent::FollowedUp(SignalFollowedUp {
            on: step_date(on, received, Since::Receipt, today)?,
            action: context
                .sealer()?
                .seal_text("action", &text(&t, Field::Action, 10_000)?),
        }),
        SignalCommand::GiveFeedback { on, text: t } => {
            let Some(acknowledged) = case.acknowledged else {
                return Err(SignalRejection::OutOfOrder(msg!("rules-acknowledge-first")));
            };
            SignalEvent::FeedbackGiven(SignalFeedbackGiven {
                on: step_date(on, acknowledged, Since::Acknowledgment, today)?,
                text: context
                    .sealer()?
                    .seal_text("feedback", &text(&t, Field::Feedback, 10_000)?),
            })
        }
        SignalCommand::SendMessage { text: t } => {
            if case.filed.receipt_hash.is_none() {
                return Err(SignalRejection::OutOfOrder(msg!(
                    "rules-reporter-without-code"
                )));
            }
            SignalEvent::MessageSent(SignalMessageSent {
                text: context
                    .sealer()?
                    .seal_text("message", &text(&t, Field::Message, 4000)?),
            })
        }
        SignalCommand::ReporterReply { text: t } => {
            SignalEvent::ReporterReplied(SignalReporterReplied {
                text: context
                    .sealer()?
                    .seal_text("reply", &text(&t, Field::Message, 10_000)?),
            })
        }
        SignalCommand::Close {
            on,
            outcome,
            reason,
        } => {
            if outcome == Outcome::Forwarded && case.forwarded.is_none() {
                return Err(SignalRejection::OutOfOrder(msg!("rules-not-forwarded")));
            }
            SignalEvent::Closed(SignalClosed {
                on: step_date(on, received, Since::Receipt, today)?,
                outcome,
                reason: context
                    .sealer()?
                    .seal_text("reason", &text(&reason, Field::Reasons, 10_000)?),
            })
        }
        SignalCommand::Link { other, linked_back } => {
            if other == context.id {
                return Err(bad(msg!("rules-link-to-itself")));
            }
            if linked_back || case.links.contains(&other) {
                return Err(SignalRejection::AlreadyDone(msg!("rules-already-linked")));
            }
            SignalEvent::Linked(SignalLinked { other })
        }
        SignalCommand::LinkRisks { risks, known } => {
            if case.classification.is_none() {
                return Err(SignalRejection::OutOfOrder(msg!(
                    "rules-classify-before-risks"
                )));
            }
            if !known {
                return Err(bad(msg!("rules-risk-not-open")));
            }
            if risks.len() > MAX_LINKED_RISKS {
                return Err(bad(msg!("rules-risks-at-most", max = MAX_LINKED_RISKS)));
            }
            if risks == case.risks {
                return Err(SignalRejection::AlreadyDone(msg!(
                    "rules-risks-already-linked"
                )));
            }
            SignalEvent::RisksLinked(SignalRisksLinked {
                risks: risks.into_iter().collect(),
            })
        }
    };
    Ok(vec![event])
}

/// A tenant's decision on its internal channel (its `internal-channel` stream), replaced as a
/// whole.
#[derive(Debug, Clone, Copy)]
pub struct ChannelAggregate;

impl Aggregate for ChannelAggregate {
    type Event = ChannelEvent;
    /// Nothing: a new decision does not depend on the old one.
    type State = ();
    type Command = RecordChannel;
    type Context = ();
    type Rejection = SignalRejection;

    fn decide(_: &(), body: RecordChannel, _: &()) -> Result<Vec<ChannelEvent>, SignalRejection> {
        Ok(vec![ChannelEvent::Recorded(decide_channel(body)?)])
    }

    fn apply(_: (), _: &ChannelEvent) {}
}

/// A tenant's lists of units and activities signals name (its `intake-lists` stream),
/// replaced as a whole.
#[derive(Debug, Clone, Copy)]
pub struct IntakeListsAggregate;

impl Aggregate for IntakeListsAggregate {
    type Event = IntakeListsEvent;
    /// Nothing: new lists do not depend on the old ones.
    type State = ();
    type Command = SetIntakeLists;
    type Context = ();
    type Rejection = SignalRejection;

    fn decide(
        _: &(),
        body: SetIntakeLists,
        _: &(),
    ) -> Result<Vec<IntakeListsEvent>, SignalRejection> {
        Ok(vec![IntakeListsEvent::Set(decide_lists(body)?)])
    }

    fn apply(_: (), _: &IntakeListsEvent) {}
}

/// Whether a tenant must run an internal channel: not when it has under 10,000 inhabitants
/// or under 50 staff (the whistleblower law's exemption).
pub fn decide_channel(body: RecordChannel) -> Result<InternalChannelRecorded, SignalRejection> {
    if body.population.is_none() && body.staff.is_none() {
        return Err(bad(msg!("rules-population-or-staff")));
    }
    let exempt = body.population.is_some_and(|p| p < 10_000) || body.staff.is_some_and(|s| s < 50);
    Ok(InternalChannelRecorded {
        obliged: !exempt,
        population: body.population,
        staff: body.staff,
        note: optional(Some(&body.note), Field::Basis, 1000)?.unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing;
    use antikor_shared::signal::Channel;

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

    /// The filing of a signal on 2 March 2026 through the web form, with a receipt code.
    fn filing() -> SignalEvent {
        SignalEvent::Filed(file(
            check_intake(intake(), &IntakeListsSet::default(), today()).unwrap(),
            "BLG03-2026-0001".into(),
            Some("$argon2id$…".into()),
            vec![],
            &Clear,
        ))
    }

    /// Given that signal.
    fn given() -> SignalCase {
        given_after(&[])
    }

    /// Given the signal after `events`.
    fn given_after(events: &[SignalEvent]) -> SignalCase {
        let history = std::iter::once(filing()).chain(events.iter().cloned());
        testing::given::<SignalAggregate>(history)
            .state()
            .clone()
            .expect("filed")
    }

    /// Signal 1, today, sealing in the clear.
    fn context() -> SignalContext {
        SignalContext {
            id: Uuid::from_u128(1),
            today: today(),
            sealer: Some(Arc::new(Clear)),
        }
    }

    /// The one event `command` makes of `case`.
    fn when(case: &SignalCase, command: SignalCommand) -> Result<SignalEvent, SignalRejection> {
        let mut events = SignalAggregate::decide(&Some(case.clone()), command, &context())?;
        assert_eq!(events.len(), 1, "{events:?}");
        Ok(events.remove(0))
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
        let message = message.to_string();
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
    fn a_signal_is_filed_once_and_nothing_is_done_with_one_never_filed() {
        let file_again = SignalCommand::File {
            intake: intake(),
            reference: "BLG03-2026-0002".into(),
            receipt_hash: None,
            attachments: vec![],
        };
        let filed = testing::given::<SignalAggregate>([]).when(file_again.clone(), &context());
        assert!(matches!(filed.as_deref(), Ok([SignalEvent::Filed(_)])));
        assert!(matches!(
            when(&given(), file_again),
            Err(SignalRejection::AlreadyDone(_))
        ));
        assert_eq!(
            testing::given::<SignalAggregate>([]).when(acknowledge(today()), &context()),
            Err(SignalRejection::NotFiled)
        );
        assert_eq!(
            SignalAggregate::stale(&context(), 1, 2),
            Some(SignalRejection::Stale),
            "a step decided on an older version is refused in the register's words"
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
        let reply = when(
            &given(),
            SignalCommand::ReporterReply {
                text: "На 14 февруари.".into(),
            },
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
        let reply = when(&state, SignalCommand::ReporterReply { text: "x".into() });
        assert_eq!(reply, Err(SignalRejection::Closed));
    }

    #[test]
    fn risks_are_related_to_a_classified_signal_and_only_known_ones() {
        let risk = Uuid::from_u128(7);
        let link = |known| SignalCommand::LinkRisks {
            risks: BTreeSet::from([risk]),
            known,
        };
        assert!(matches!(
            when(&given(), link(true)),
            Err(SignalRejection::OutOfOrder(_))
        ));
        let classify = SignalCommand::Classify {
            regime: Regime::General,
            category: Category::Bribery,
            unit: None,
            activity: None,
            lists: IntakeListsSet::default(),
        };
        let classified = when(&given(), classify).unwrap();
        let state = given_after(std::slice::from_ref(&classified));
        assert!(matches!(
            when(&state, link(false)),
            Err(SignalRejection::BadField(_))
        ));
        let related = when(&state, link(true)).unwrap();
        assert_eq!(
            related,
            SignalEvent::RisksLinked(SignalRisksLinked { risks: vec![risk] })
        );
        let state = given_after(&[classified, related]);
        assert_eq!(state.risks, BTreeSet::from([risk]));
        assert!(matches!(
            when(&state, link(true)),
            Err(SignalRejection::AlreadyDone(_))
        ));
    }

    #[test]
    fn links_are_to_another_signal_once() {
        let other = Uuid::from_u128(2);
        assert!(
            when(
                &given(),
                SignalCommand::Link {
                    other: Uuid::from_u128(1),
                    linked_back: false,
                }
            )
            .is_err()
        );
        let link = |linked_back| SignalCommand::Link { other, linked_back };
        assert!(
            matches!(
                when(&given(), link(true)),
                Err(SignalRejection::AlreadyDone(_))
            ),
            "the other signal links here already"
        );
        let event = when(&given(), link(false)).unwrap();
        let state = given_after(&[event]);
        assert!(matches!(
            when(&state, link(false)),
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
        let opening = SignalCommand::RecordOpening {
            fields: vec!["reporter".into()],
        };
        assert_eq!(when(&state, opening), Err(SignalRejection::Destroyed));
        let sweep = SignalCommand::RecordKeyDestroyed {
            retention_ended: day(2026, 3, 1),
        };
        assert_eq!(
            SignalAggregate::decide(&Some(state), sweep, &context()),
            Ok(vec![]),
            "a second sweep records nothing"
        );
    }

    #[test]
    fn a_closed_case_is_still_opened_and_swept() {
        let closed = given_after(&[SignalEvent::Closed(SignalClosed {
            on: day(2026, 3, 10),
            outcome: Outcome::NoProceedings,
            reason: Sealed {
                sealed_v1: "reason:x".into(),
            },
        })]);
        let opening = SignalCommand::RecordOpening {
            fields: vec!["concerned".into()],
        };
        assert!(matches!(
            when(&closed, opening),
            Ok(SignalEvent::IdentityViewed(_))
        ));
        let sweep = SignalCommand::RecordKeyDestroyed {
            retention_ended: day(2031, 3, 10),
        };
        assert!(matches!(
            when(&closed, sweep),
            Ok(SignalEvent::KeyDestroyed(_))
        ));
    }
}
