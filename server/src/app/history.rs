//! A record's history as people read it, in their language: its fields at any version, what
//! each event changed, and what changed in a tenant's records between two moments.
//!
//! A record is a stream (a plan is one record per measure). Its state at a moment is the fold
//! of its own events up to that moment, so a comparison reads the events between the two
//! moments and, for each record they touch, the record's earlier events: it costs what the
//! changes cost, however long the log before them is.

use super::App;
use super::log::Moment;
use crate::access::ReadScope;
use crate::codec::{UPCASTERS, decoded, decoded_set};
use crate::domain::Aggregate;
use crate::domain::accounts::AccountAggregate;
use crate::domain::plan::PlanAggregate;
use crate::domain::signals::SignalAggregate;
use crate::projections::risks::risk_record;
use crate::projections::work::activity_record;
use crate::store::{Direction, StoreError};
use crate::streams::{self, RecordKind};
use crate::util::errors::{AppError, AppResult};
use antikor_shared::account::AccountCreated;
use antikor_shared::activity::{Activity, ExpertContactsUpdated};
use antikor_shared::api::{
    AuditDiff, ChangeEvent, ChangeKind, FieldChange, RecordChange, RecordHistory, RecordVersion,
};
use antikor_shared::events::{AccountEvent, PlanEvent, SignalEvent};
use antikor_shared::i18n::{Lang, number};
use antikor_shared::progress::{Evidence, ProgressReported};
use antikor_shared::risk::{Rating, RiskRecord};
use antikor_shared::signal::{IntakeListsSet, InternalChannelRecorded};
use antikor_shared::tenant::TenantRegistered;
use antikor_shared::text::{date_bg, date_time};
use antikor_shared::{RecordedEvent, StreamId, TenantId, msg, tr};
use std::collections::BTreeMap;

/// The most events a comparison reads between its two moments: past that, a person is asked
/// for a shorter stretch rather than the server for a long walk.
pub const MAX_DIFF_EVENTS: usize = 10_000;

/// How many events a comparison reads at a time.
const DIFF_BATCH: usize = 256;

/// The most versions a record's history lists, its oldest first: each version is folded from
/// the record's events up to it, so a history costs the square of its length (a record of
/// 300 versions folds 45,000 events; Antikor's records hold tens).
pub const MAX_VERSIONS: usize = 300;

/// A record's fields at one version, in its order: label and value (absent values left out),
/// both in the reader's language.
type Fields = Vec<(String, String)>;

/// The records a stream holds at one version, by part ("" for a stream that is one record,
/// the measure's key for a plan's measures).
type States = BTreeMap<String, Fields>;

impl App {
    /// What changed in `tenant`'s records that `scope` sees between two moments, told in
    /// `lang`.
    pub async fn diff(
        &self,
        scope: &ReadScope,
        tenant: Option<TenantId>,
        from: Moment,
        to: Moment,
        lang: Lang,
    ) -> AppResult<AuditDiff> {
        let log = self.log(scope);
        let filter = log.filter(tenant, None, None)?;
        let tenant = filter
            .tenant
            .clone()
            .ok_or_else(|| AppError::BadRequest(msg!("history-choose-institution")))?;
        let (from, to) = (self.position_of(from)?, self.position_of(to)?);
        if from > to {
            return Err(AppError::BadRequest(msg!("history-moments-reversed")));
        }
        // Read in batches up to `to`: one read of the limit would read that many events past
        // `to` whenever the stretch is short and the tenant's log goes on after it.
        let mut between = Vec::new();
        let mut cursor = from;
        while between.len() <= MAX_DIFF_EVENTS {
            let batch = log.visible(&filter, Direction::Forward, cursor, DIFF_BATCH)?;
            let full = batch.len() == DIFF_BATCH;
            cursor = batch.last().map_or(to, |e| e.position);
            between.extend(batch.into_iter().filter(|e| e.position <= to));
            if !full || cursor >= to {
                break;
            }
        }
        if between.len() > MAX_DIFF_EVENTS {
            return Err(AppError::BadRequest(msg!(
                "history-too-many-events",
                max = MAX_DIFF_EVENTS
            )));
        }
        // The streams in the order of their first change, each with its events between.
        let mut order: Vec<StreamId> = Vec::new();
        let mut touched: BTreeMap<StreamId, Vec<RecordedEvent>> = BTreeMap::new();
        for event in between {
            if streams::record_kind(&event.stream) == RecordKind::Journal {
                continue;
            }
            let list = touched.entry(event.stream.clone()).or_default();
            if list.is_empty() {
                order.push(event.stream.clone());
            }
            list.push(event);
        }
        let mut records = Vec::new();
        for stream in order {
            let changed = touched.remove(&stream).unwrap_or_default();
            let first = changed.first().map_or(1, |e| e.version);
            let mut events = self.stream_events(scope, &tenant, &stream, first - 1)?;
            let before = states(&stream, &events, lang);
            events.extend(changed.iter().cloned());
            let after = states(&stream, &events, lang);
            for (part, fields) in compare(&before, &after) {
                let change = match (before.contains_key(&part), after.contains_key(&part)) {
                    (false, _) => ChangeKind::Added,
                    (true, false) => ChangeKind::Removed,
                    (true, true) => ChangeKind::Changed,
                };
                records.push(RecordChange {
                    stream: stream.clone(),
                    record: self.part_name(&tenant, &stream, &part, lang),
                    change,
                    fields,
                    events: changed
                        .iter()
                        .filter(|e| concerns(e, &part))
                        .map(|e| self.change_event(e, lang))
                        .collect(),
                });
            }
        }
        Ok(AuditDiff {
            tenant,
            from,
            to,
            records,
        })
    }

    /// Every version of one record of `tenant` that `scope` sees, with what each changed,
    /// told in `lang`.
    pub fn history(
        &self,
        scope: &ReadScope,
        tenant: Option<TenantId>,
        stream: StreamId,
        lang: Lang,
    ) -> AppResult<RecordHistory> {
        if streams::record_kind(&stream) == RecordKind::Journal {
            return Err(AppError::NotFound(msg!("history-journal-not-a-record")));
        }
        let log = self.log(scope);
        let filter = log.filter(tenant, Some(stream.clone()), None)?;
        let tenant = filter
            .tenant
            .clone()
            .ok_or_else(|| AppError::BadRequest(msg!("history-choose-institution")))?;
        let events = self.stream_events(scope, &tenant, &stream, MAX_VERSIONS as u64)?;
        if events.is_empty() {
            return Err(AppError::NotFound(msg!("history-no-such-record")));
        }
        let mut versions = Vec::with_capacity(events.len());
        let mut before = States::new();
        for upto in 1..=events.len() {
            let after = states(&stream, &events[..upto], lang);
            let event = &events[upto - 1];
            let fields = compare(&before, &after)
                .into_iter()
                .flat_map(|(part, fields)| {
                    fields.into_iter().map(move |mut f| {
                        if !part.is_empty() {
                            f.field = format!("{part}: {}", f.field);
                        }
                        f
                    })
                })
                .collect();
            versions.push(RecordVersion {
                version: event.version,
                event: self.change_event(event, lang),
                fields,
            });
            before = after;
        }
        Ok(RecordHistory {
            record: self.record_name(&tenant, &stream, lang),
            stream,
            versions,
        })
    }

    /// The first `upto` events of a stream that the scope sees (all of its events are of
    /// one record, so the scope sees all or none of them).
    fn stream_events(
        &self,
        scope: &ReadScope,
        tenant: &TenantId,
        stream: &StreamId,
        upto: u64,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        if upto == 0 {
            return Ok(Vec::new());
        }
        let limit = usize::try_from(upto).unwrap_or(usize::MAX);
        let mut events = self.store.read_stream(tenant, stream, 1, limit)?;
        events.retain(|e| scope.sees(e));
        Ok(events)
    }

    /// A change's event as a comparison lists it (its sentence only, in `lang`: the event
    /// itself does not leave, so it is neither copied nor redacted).
    fn change_event(&self, event: &RecordedEvent, lang: Lang) -> ChangeEvent {
        ChangeEvent {
            position: event.position,
            recorded_at: event.recorded_at,
            actor: event.actor.clone(),
            summary: self.describe(event, lang).summary,
        }
    }

    /// The name of a record's part in `lang`: the record's own name, or a plan's measure.
    fn part_name(&self, tenant: &TenantId, stream: &StreamId, part: &str, lang: Lang) -> String {
        if part.is_empty() {
            return self.record_name(tenant, stream, lang);
        }
        let year = stream.as_str().strip_prefix("plan-").unwrap_or_default();
        tr!(lang, "history-plan-measure", key = part, year = year)
    }
}

/// Whether an event of a record concerns its part `part` (a plan's event its measure).
fn concerns(event: &RecordedEvent, part: &str) -> bool {
    if part.is_empty() {
        return true;
    }
    let Ok(payload) = serde_json::from_str::<serde_json::Value>(event.payload.get()) else {
        return false;
    };
    payload["key"] == part || payload["measure"]["key"] == part
}

/// The parts whose fields differ between two versions, each with its changed fields in the
/// part's order (the later version's, then fields only the earlier one had).
fn compare(before: &States, after: &States) -> Vec<(String, Vec<FieldChange>)> {
    let parts = after
        .keys()
        .chain(before.keys().filter(|k| !after.contains_key(*k)));
    let empty = Fields::new();
    let mut changes = Vec::new();
    for part in parts {
        let (old, new) = (
            before.get(part).unwrap_or(&empty),
            after.get(part).unwrap_or(&empty),
        );
        let value = |fields: &Fields, label: &str| {
            fields
                .iter()
                .find(|(l, _)| l == label)
                .map(|(_, v)| v.clone())
        };
        let labels = new.iter().map(|(l, _)| l.as_str()).chain(
            old.iter()
                .map(|(l, _)| l.as_str())
                .filter(|l| value(new, l).is_none()),
        );
        let fields: Vec<FieldChange> = labels
            .filter_map(|label| {
                let (b, a) = (value(old, label), value(new, label));
                (b != a).then(|| FieldChange {
                    field: label.to_owned(),
                    before: b,
                    after: a,
                })
            })
            .collect();
        if !fields.is_empty() || before.contains_key(part) != after.contains_key(part) {
            changes.push((part.clone(), fields));
        }
    }
    changes
}

/// What a stream's events leave, record by record, field by field, in `lang`.
fn states(stream: &StreamId, events: &[RecordedEvent], lang: Lang) -> States {
    let one = |fields: Option<Fields>| {
        fields
            .map(|f| States::from([(String::new(), f)]))
            .unwrap_or_default()
    };
    let last =
        |decode: &dyn Fn(&RecordedEvent) -> Option<Fields>| events.iter().rev().find_map(decode);
    match streams::record_kind(stream) {
        RecordKind::Progress => one(last(&|e| {
            decoded::<ProgressReported>(&UPCASTERS, e).map(|r| progress_fields(&r, lang))
        })),
        RecordKind::Tenant => one(last(&|e| {
            decoded::<TenantRegistered>(&UPCASTERS, e).map(|r| tenant_fields(&r, lang))
        })),
        RecordKind::Contacts => one(last(&|e| {
            decoded::<ExpertContactsUpdated>(&UPCASTERS, e).map(|c| contacts_fields(&c, lang))
        })),
        RecordKind::Channel => one(last(&|e| {
            decoded::<InternalChannelRecorded>(&UPCASTERS, e).map(|c| channel_fields(&c, lang))
        })),
        RecordKind::Lists => one(last(&|e| {
            decoded::<IntakeListsSet>(&UPCASTERS, e).map(|l| lists_fields(&l, lang))
        })),
        RecordKind::Account => one(account_fields(events, lang)),
        RecordKind::Activity => {
            one(activity_record(&UPCASTERS, events, lang)
                .map(|r| activity_fields(&r.activity, lang)))
        }
        RecordKind::Risk => one(risk_record(&UPCASTERS, events).map(|r| risk_fields(&r, lang))),
        RecordKind::Signal => one(signal_fields(events, lang)),
        RecordKind::Plan => plan_states(events, lang),
        RecordKind::Journal => States::new(),
    }
}

fn progress_fields(r: &ProgressReported, lang: Lang) -> Fields {
    let evidence: Vec<&str> = r
        .evidence
        .iter()
        .map(|e| match e {
            Evidence::Link(text) | Evidence::Document(text) => text.as_str(),
            Evidence::File(file) => file.name.as_str(),
        })
        .collect();
    fields([
        (tr!(lang, "history-field-level"), Some(r.level.label(lang))),
        (tr!(lang, "history-field-note"), Some(r.note.clone())),
        (tr!(lang, "history-field-evidence"), list(&evidence)),
        (
            tr!(lang, "history-field-reported-for"),
            Some(date_bg(r.reported_for)),
        ),
    ])
}

fn risk_fields(r: &RiskRecord, lang: Lang) -> Fields {
    let rating = |r: Option<Rating>| {
        r.map(|r| {
            tr!(
                lang,
                "history-rating-short",
                likelihood = r.likelihood,
                impact = r.impact,
                score = r.score(),
                band = r.band().label(lang).to_lowercase(),
            )
        })
    };
    let treatment = r.treatment.as_ref();
    fields([
        (
            tr!(lang, "history-field-year"),
            Some(r.identified.year.to_string()),
        ),
        (
            tr!(lang, "history-field-area"),
            Some(r.identified.area.label(lang)),
        ),
        (
            tr!(lang, "history-field-unit"),
            Some(r.identified.unit.clone()),
        ),
        (
            tr!(lang, "history-field-description"),
            Some(r.identified.description.clone()),
        ),
        (
            tr!(lang, "history-field-causes"),
            Some(r.identified.causes.clone()),
        ),
        (
            tr!(lang, "history-field-owner"),
            Some(r.identified.owner.clone()),
        ),
        (
            tr!(lang, "history-field-inherent-risk"),
            rating(r.inherent()),
        ),
        (
            tr!(lang, "history-field-existing-controls"),
            r.assessment.as_ref().map(|a| a.controls.clone()),
        ),
        (
            tr!(lang, "history-field-residual-risk"),
            rating(r.residual()),
        ),
        (
            tr!(lang, "history-field-response"),
            treatment.map(|t| t.response.label(lang)),
        ),
        (
            tr!(lang, "history-field-planned-actions"),
            treatment.map(|t| t.actions.clone()),
        ),
        (
            tr!(lang, "history-field-plan-measures"),
            treatment.and_then(|t| list(&t.measures)),
        ),
        (
            tr!(lang, "history-field-actions-due"),
            treatment.and_then(|t| t.due_on).map(date_bg),
        ),
        (
            tr!(lang, "history-field-review-due"),
            Some(date_bg(r.identified.review_on)),
        ),
        (
            tr!(lang, "history-field-reviews"),
            Some(count(lang, r.reviews.len())),
        ),
        (
            tr!(lang, "history-field-status"),
            Some(r.status().label(lang)),
        ),
        (
            tr!(lang, "history-field-closing-reason"),
            r.closed.as_ref().map(|c| c.reason.clone()),
        ),
    ])
}

fn tenant_fields(r: &TenantRegistered, lang: Lang) -> Fields {
    fields([
        (
            tr!(lang, "history-field-name"),
            Some(r.name().get(lang).to_owned()),
        ),
        (tr!(lang, "history-field-kind"), Some(r.kind.label(lang))),
        (
            tr!(lang, "history-field-code"),
            Some(r.official_code.clone()),
        ),
        (
            tr!(lang, "history-field-province"),
            r.province.as_ref().map(ToString::to_string),
        ),
        (tr!(lang, "history-field-ekatte"), r.ekatte.clone()),
        (
            tr!(lang, "history-field-population-2011"),
            r.population_2011.map(|p| number(lang, p.into())),
        ),
    ])
}

fn contacts_fields(c: &ExpertContactsUpdated, lang: Lang) -> Fields {
    let people: Vec<String> = c
        .contacts
        .iter()
        .map(|p| format!("{}, {}, {}, {}", p.name, p.position, p.phone, p.email))
        .collect();
    fields([(tr!(lang, "history-field-contacts"), list(&people))])
}

fn channel_fields(c: &InternalChannelRecorded, lang: Lang) -> Fields {
    fields([
        (
            tr!(lang, "history-field-obliged"),
            Some(yes_no(lang, c.obliged)),
        ),
        (
            tr!(lang, "history-field-population"),
            c.population.map(|p| number(lang, p.into())),
        ),
        (
            tr!(lang, "history-field-staff"),
            c.staff.map(|s| number(lang, s.into())),
        ),
        (tr!(lang, "history-field-note"), Some(c.note.clone())),
    ])
}

fn lists_fields(l: &IntakeListsSet, lang: Lang) -> Fields {
    fields([
        (tr!(lang, "history-field-units"), list(&l.units)),
        (tr!(lang, "history-field-activities"), list(&l.activities)),
    ])
}

fn account_fields(events: &[RecordedEvent], lang: Lang) -> Option<Fields> {
    let mut state = None;
    let mut name = None;
    let mut password_changed = None;
    for event in events {
        let Some(e) = decoded_set::<AccountEvent>(&UPCASTERS, event) else {
            continue;
        };
        if let AccountEvent::Created(AccountCreated { display_name, .. }) = &e {
            name = Some(display_name.clone());
        }
        if let AccountEvent::PasswordChanged(_) = &e {
            password_changed = Some(date_time(event.recorded_at));
        }
        state = AccountAggregate::apply(state, &e);
    }
    let state = state?;
    Some(fields([
        (tr!(lang, "history-field-display-name"), name),
        (
            tr!(lang, "history-field-role"),
            Some(state.role.label(lang)),
        ),
        (
            tr!(lang, "history-field-status"),
            Some(if state.disabled {
                tr!(lang, "history-account-state-disabled")
            } else {
                tr!(lang, "history-account-state-active")
            }),
        ),
        (
            tr!(lang, "history-field-password-changed"),
            password_changed,
        ),
    ]))
}

fn activity_fields(activity: &Activity, lang: Lang) -> Fields {
    let measures = |m: &[String]| (tr!(lang, "history-field-measures"), list(m));
    let date = |label: String, day| (label, Some(date_bg(day)));
    let text = |label: String, value: &String| (label, Some(value.clone()));
    let how_many = |label: String, n: u32| (label, Some(number(lang, n.into())));
    match activity {
        Activity::Meeting(m) => fields([
            (
                tr!(lang, "history-field-kind"),
                Some(m.meeting_kind.label(lang)),
            ),
            date(tr!(lang, "history-field-date"), m.date),
            text(tr!(lang, "history-field-title"), &m.title),
            how_many(tr!(lang, "history-field-participants"), m.participants),
            (
                tr!(lang, "history-field-organisations"),
                list(&m.organisations),
            ),
            text(tr!(lang, "history-field-agenda"), &m.agenda),
            text(tr!(lang, "history-field-decisions"), &m.decisions),
            text(tr!(lang, "history-field-protocol"), &m.protocol),
            (
                tr!(lang, "history-field-open-to-public"),
                Some(yes_no(lang, m.public)),
            ),
            measures(&m.measures),
        ]),
        Activity::Training(t) => fields([
            date(tr!(lang, "history-field-date"), t.date),
            text(tr!(lang, "history-field-topic"), &t.topic),
            how_many(tr!(lang, "history-field-participants"), t.participants),
            measures(&t.measures),
        ]),
        Activity::Media(m) => fields([
            (
                tr!(lang, "history-field-kind"),
                Some(m.media_kind.label(lang)),
            ),
            date(tr!(lang, "history-field-date"), m.date),
            text(tr!(lang, "history-field-media-channel"), &m.channel),
            text(tr!(lang, "history-field-content"), &m.summary),
            measures(&m.measures),
        ]),
        Activity::DeclarationCheck(d) => fields([
            date(tr!(lang, "history-field-period-from"), d.period_from),
            date(tr!(lang, "history-field-period-to"), d.period_to),
            text(tr!(lang, "history-field-checking-body"), &d.checking_body),
            how_many(
                tr!(lang, "history-field-declarations-checked"),
                d.declarations_checked,
            ),
            how_many(
                tr!(lang, "history-field-irregularities"),
                d.irregularities_found,
            ),
            how_many(tr!(lang, "history-field-referrals"), d.referrals),
            measures(&d.measures),
        ]),
        Activity::ContestedAct(a) => fields([
            (tr!(lang, "history-field-act"), Some(a.act_kind.label(lang))),
            text(tr!(lang, "history-field-number"), &a.act_number),
            date(tr!(lang, "history-field-act-date"), a.act_date),
            text(tr!(lang, "history-field-municipality"), &a.municipality),
            date(tr!(lang, "history-field-received-on"), a.received_on),
            (
                tr!(lang, "history-field-action"),
                Some(match a.action {
                    antikor_shared::activity::ActAction::Returned => {
                        tr!(lang, "history-act-action-returned")
                    }
                    antikor_shared::activity::ActAction::ContestedInCourt => {
                        tr!(lang, "history-act-action-contested-in-court")
                    }
                }),
            ),
            date(tr!(lang, "history-field-action-on"), a.action_on),
            text(tr!(lang, "history-field-grounds"), &a.grounds),
            (
                tr!(lang, "history-field-council-revote"),
                a.council_revote.clone(),
            ),
            (tr!(lang, "history-field-court-case"), a.court_case.clone()),
            (
                tr!(lang, "history-field-court-outcome"),
                a.court_outcome.clone(),
            ),
            (
                tr!(lang, "history-field-published-on"),
                a.published_on.map(date_bg),
            ),
            measures(&a.measures),
        ]),
    }
}

/// A signal's plain fields: the sealed ones (who reported it, what they said) are never
/// shown here, only what the register keeps in the clear.
fn signal_fields(events: &[RecordedEvent], lang: Lang) -> Option<Fields> {
    let mut case = None;
    for event in events {
        if let Some(e) = decoded_set::<SignalEvent>(&UPCASTERS, event) {
            case = SignalAggregate::apply(case, &e);
        }
    }
    let case = case?;
    let classification = case.classification.as_ref();
    Some(fields([
        (
            tr!(lang, "history-field-number"),
            Some(case.filed.reference.clone()),
        ),
        (
            tr!(lang, "history-field-received-on"),
            Some(date_bg(case.filed.received)),
        ),
        (
            tr!(lang, "history-field-channel"),
            Some(case.filed.channel.label(lang)),
        ),
        (
            tr!(lang, "history-field-category"),
            Some(
                classification
                    .map_or(case.filed.category, |c| c.category)
                    .label(lang),
            ),
        ),
        (
            tr!(lang, "history-field-regime"),
            classification.map(|c| c.regime.label(lang)),
        ),
        (
            tr!(lang, "history-field-acknowledged-on"),
            case.acknowledged.map(date_bg),
        ),
        (tr!(lang, "history-field-uin"), case.uin.clone()),
        (
            tr!(lang, "history-field-assigned-to"),
            case.assigned_to.as_ref().map(ToString::to_string),
        ),
        (
            tr!(lang, "history-field-forwarded"),
            case.forwarded.as_ref().map(|f| {
                tr!(
                    lang,
                    "history-forwarded-value",
                    to = &f.to,
                    number = &f.outgoing_number,
                    date = date_bg(f.on),
                )
            }),
        ),
        (
            tr!(lang, "history-field-feedback-on"),
            case.feedback.map(date_bg),
        ),
        (
            tr!(lang, "history-field-closed"),
            case.closed
                .as_ref()
                .map(|c| format!("{} – {}", date_bg(c.on), c.outcome.label(lang))),
        ),
        (
            tr!(lang, "history-field-linked-signals"),
            (!case.links.is_empty()).then(|| count(lang, case.links.len())),
        ),
        (
            tr!(lang, "history-field-personal-data"),
            case.key_destroyed
                .then(|| tr!(lang, "history-personal-data-destroyed")),
        ),
    ]))
}

/// A plan's state: the plan itself ("" part) and each measure by its key.
fn plan_states(events: &[RecordedEvent], lang: Lang) -> States {
    let mut plan = None;
    for event in events {
        if let Some(e) = decoded_set::<PlanEvent>(&UPCASTERS, event) {
            plan = PlanAggregate::apply(plan, &e);
        }
    }
    let Some(plan) = plan else {
        return States::new();
    };
    let mut states = States::from([(
        String::new(),
        fields([
            (tr!(lang, "history-field-title"), Some(plan.title.clone())),
            (
                tr!(lang, "history-field-based-on"),
                plan.based_on.map(|y| y.to_string()),
            ),
            (
                tr!(lang, "history-field-sections"),
                Some(count(lang, plan.sections.len())),
            ),
        ]),
    )]);
    for m in &plan.measures {
        states.insert(
            m.measure.key.clone(),
            fields([
                (
                    tr!(lang, "history-field-text"),
                    Some(m.measure.text.clone()),
                ),
                (
                    tr!(lang, "history-field-deadline"),
                    Some(m.measure.deadline.label(lang)),
                ),
                (
                    tr!(lang, "history-field-responsible"),
                    list(&m.measure.responsible),
                ),
                (
                    tr!(lang, "history-field-indicator"),
                    Some(m.measure.indicator.clone()),
                ),
                (
                    tr!(lang, "history-field-expected-result"),
                    Some(m.measure.expected_result.clone()),
                ),
                (tr!(lang, "history-field-withdrawn"), m.withdrawn.clone()),
            ]),
        );
    }
    states
}

/// The fields that have a value, in order.
fn fields<const N: usize>(values: [(String, Option<String>); N]) -> Fields {
    values
        .into_iter()
        .filter_map(|(label, value)| Some((label, value.filter(|v| !v.trim().is_empty())?)))
        .collect()
}

/// A list as one value, `None` when it is empty.
fn list(items: &[impl AsRef<str>]) -> Option<String> {
    (!items.is_empty()).then(|| {
        items
            .iter()
            .map(AsRef::as_ref)
            .collect::<Vec<_>>()
            .join("; ")
    })
}

/// A count as a value, with `lang`'s digit groups.
fn count(lang: Lang, n: usize) -> String {
    number(lang, u64::try_from(n).unwrap_or(u64::MAX))
}

fn yes_no(lang: Lang, value: bool) -> String {
    if value {
        tr!(lang, "history-yes")
    } else {
        tr!(lang, "history-no")
    }
}
