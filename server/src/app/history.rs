//! A record's history as people read it: its fields at any version, what each event changed,
//! and what changed in a tenant's records between two moments.
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
use antikor_shared::progress::{Evidence, ProgressReported};
use antikor_shared::risk::{Rating, RiskRecord};
use antikor_shared::signal::{IntakeListsSet, InternalChannelRecorded};
use antikor_shared::tenant::TenantRegistered;
use antikor_shared::text::{date_bg, date_time};
use antikor_shared::{RecordedEvent, StreamId, TenantId};
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

/// A record's fields at one version, in its order: label and value (absent values left out).
type Fields = Vec<(&'static str, String)>;

/// The records a stream holds at one version, by part ("" for a stream that is one record,
/// the measure's key for a plan's measures).
type States = BTreeMap<String, Fields>;

impl App {
    /// What changed in `tenant`'s records that `scope` sees between two moments.
    pub async fn diff(
        &self,
        scope: &ReadScope,
        tenant: Option<TenantId>,
        from: Moment,
        to: Moment,
    ) -> AppResult<AuditDiff> {
        let log = self.log(scope);
        let filter = log.filter(tenant, None, None)?;
        let tenant = filter
            .tenant
            .clone()
            .ok_or_else(|| AppError::BadRequest("Изберете институция.".into()))?;
        let (from, to) = (self.position_of(from)?, self.position_of(to)?);
        if from > to {
            return Err(AppError::BadRequest("Първият момент е след втория.".into()));
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
            return Err(AppError::BadRequest(format!(
                "Между двата момента има повече от {MAX_DIFF_EVENTS} събития: изберете по-кратък период."
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
            let before = states(&stream, &events);
            events.extend(changed.iter().cloned());
            let after = states(&stream, &events);
            for (part, fields) in compare(&before, &after) {
                let change = match (before.contains_key(&part), after.contains_key(&part)) {
                    (false, _) => ChangeKind::Added,
                    (true, false) => ChangeKind::Removed,
                    (true, true) => ChangeKind::Changed,
                };
                records.push(RecordChange {
                    stream: stream.clone(),
                    record: self.part_name(&tenant, &stream, &part),
                    change,
                    fields,
                    events: changed
                        .iter()
                        .filter(|e| concerns(e, &part))
                        .map(|e| self.change_event(e))
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

    /// Every version of one record of `tenant` that `scope` sees, with what each changed.
    pub fn history(
        &self,
        scope: &ReadScope,
        tenant: Option<TenantId>,
        stream: StreamId,
    ) -> AppResult<RecordHistory> {
        if streams::record_kind(&stream) == RecordKind::Journal {
            return Err(AppError::NotFound(
                "Това е дневник на събития (входове, ключове), а не запис: вижте одитната следа."
                    .into(),
            ));
        }
        let log = self.log(scope);
        let filter = log.filter(tenant, Some(stream.clone()), None)?;
        let tenant = filter
            .tenant
            .clone()
            .ok_or_else(|| AppError::BadRequest("Изберете институция.".into()))?;
        let events = self.stream_events(scope, &tenant, &stream, MAX_VERSIONS as u64)?;
        if events.is_empty() {
            return Err(AppError::NotFound(
                "Няма такъв запис или нямате достъп до него.".into(),
            ));
        }
        let mut versions = Vec::with_capacity(events.len());
        let mut before = States::new();
        for upto in 1..=events.len() {
            let after = states(&stream, &events[..upto]);
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
                event: self.change_event(event),
                fields,
            });
            before = after;
        }
        Ok(RecordHistory {
            record: self.record_name(&tenant, &stream),
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

    /// A change's event as a comparison lists it (its sentence only: the event itself does
    /// not leave, so it is neither copied nor redacted).
    fn change_event(&self, event: &RecordedEvent) -> ChangeEvent {
        ChangeEvent {
            position: event.position,
            recorded_at: event.recorded_at,
            actor: event.actor.clone(),
            summary: self.describe(event).summary,
        }
    }

    /// The name of a record's part: the record's own name, or a plan's measure.
    fn part_name(&self, tenant: &TenantId, stream: &StreamId, part: &str) -> String {
        let name = self.record_name(tenant, stream);
        if part.is_empty() {
            return name;
        }
        let year = stream.as_str().strip_prefix("plan-").unwrap_or_default();
        format!("Мярка {part} ({year})")
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
                .find(|(l, _)| *l == label)
                .map(|(_, v)| v.clone())
        };
        let labels = new.iter().map(|(l, _)| *l).chain(
            old.iter()
                .map(|(l, _)| *l)
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

/// What a stream's events leave, record by record, field by field.
fn states(stream: &StreamId, events: &[RecordedEvent]) -> States {
    let one = |fields: Option<Fields>| {
        fields
            .map(|f| States::from([(String::new(), f)]))
            .unwrap_or_default()
    };
    let last =
        |decode: &dyn Fn(&RecordedEvent) -> Option<Fields>| events.iter().rev().find_map(decode);
    match streams::record_kind(stream) {
        RecordKind::Progress => one(last(&|e| {
            decoded::<ProgressReported>(&UPCASTERS, e).map(|r| progress_fields(&r))
        })),
        RecordKind::Tenant => one(last(&|e| {
            decoded::<TenantRegistered>(&UPCASTERS, e).map(|r| tenant_fields(&r))
        })),
        RecordKind::Contacts => one(last(&|e| {
            decoded::<ExpertContactsUpdated>(&UPCASTERS, e).map(|c| contacts_fields(&c))
        })),
        RecordKind::Channel => one(last(&|e| {
            decoded::<InternalChannelRecorded>(&UPCASTERS, e).map(|c| channel_fields(&c))
        })),
        RecordKind::Lists => one(last(&|e| {
            decoded::<IntakeListsSet>(&UPCASTERS, e).map(|l| lists_fields(&l))
        })),
        RecordKind::Account => one(account_fields(events)),
        RecordKind::Activity => {
            one(activity_record(&UPCASTERS, events).map(|r| activity_fields(&r.activity)))
        }
        RecordKind::Risk => one(risk_record(&UPCASTERS, events).map(|r| risk_fields(&r))),
        RecordKind::Signal => one(signal_fields(events)),
        RecordKind::Plan => plan_states(events),
        RecordKind::Journal => States::new(),
    }
}

fn progress_fields(r: &ProgressReported) -> Fields {
    let evidence: Vec<&str> = r
        .evidence
        .iter()
        .map(|e| match e {
            Evidence::Link(text) | Evidence::Document(text) => text.as_str(),
            Evidence::File(file) => file.name.as_str(),
        })
        .collect();
    fields([
        ("Степен на изпълнение", Some(r.level.label_bg().to_owned())),
        ("Бележка", Some(r.note.clone())),
        ("Доказателства", list(&evidence)),
        ("Отчетено към", Some(date_bg(r.reported_for))),
    ])
}

fn risk_fields(r: &RiskRecord) -> Fields {
    let rating = |r: Option<Rating>| {
        r.map(|r| {
            format!(
                "{}×{} = {} ({})",
                r.likelihood,
                r.impact,
                r.score(),
                r.band().label_bg().to_lowercase()
            )
        })
    };
    let treatment = r.treatment.as_ref();
    fields([
        ("Година", Some(r.identified.year.to_string())),
        (
            "Област на дейност",
            Some(r.identified.area.label_bg().to_owned()),
        ),
        ("Процес или звено", Some(r.identified.unit.clone())),
        ("Описание", Some(r.identified.description.clone())),
        ("Причини", Some(r.identified.causes.clone())),
        ("Собственик", Some(r.identified.owner.clone())),
        ("Присъщ риск", rating(r.inherent())),
        (
            "Съществуващи контроли",
            r.assessment.as_ref().map(|a| a.controls.clone()),
        ),
        ("Остатъчен риск", rating(r.residual())),
        (
            "Отговор",
            treatment.map(|t| t.response.label_bg().to_owned()),
        ),
        ("Планирани мерки", treatment.map(|t| t.actions.clone())),
        ("Мерки от плана", treatment.and_then(|t| list(&t.measures))),
        (
            "Срок на мерките",
            treatment.and_then(|t| t.due_on).map(date_bg),
        ),
        ("Срок за преглед", Some(date_bg(r.identified.review_on))),
        ("Прегледи", Some(r.reviews.len().to_string())),
        ("Състояние", Some(r.status().label_bg().to_owned())),
        (
            "Причина за закриването",
            r.closed.as_ref().map(|c| c.reason.clone()),
        ),
    ])
}

fn tenant_fields(r: &TenantRegistered) -> Fields {
    fields([
        ("Наименование", Some(r.name_bg.clone())),
        ("Вид", Some(r.kind.label_bg().to_owned())),
        ("Код", Some(r.official_code.clone())),
        ("Област", r.province.as_ref().map(ToString::to_string)),
        ("ЕКАТТЕ", r.ekatte.clone()),
        ("Население (2011)", r.population_2011.map(|p| p.to_string())),
    ])
}

fn contacts_fields(c: &ExpertContactsUpdated) -> Fields {
    let people: Vec<String> = c
        .contacts
        .iter()
        .map(|p| format!("{}, {}, {}, {}", p.name, p.position, p.phone, p.email))
        .collect();
    fields([("Контакти", list(&people))])
}

fn channel_fields(c: &InternalChannelRecorded) -> Fields {
    fields([
        ("Задължена да поддържа канал", Some(yes_no(c.obliged))),
        ("Население", c.population.map(|p| p.to_string())),
        ("Служители", c.staff.map(|s| s.to_string())),
        ("Бележка", Some(c.note.clone())),
    ])
}

fn lists_fields(l: &IntakeListsSet) -> Fields {
    fields([("Звена", list(&l.units)), ("Дейности", list(&l.activities))])
}

fn account_fields(events: &[RecordedEvent]) -> Option<Fields> {
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
        ("Име", name),
        ("Роля", Some(state.role.label_bg().to_owned())),
        (
            "Състояние",
            Some(
                if state.disabled {
                    "деактивиран"
                } else {
                    "активен"
                }
                .to_owned(),
            ),
        ),
        ("Последна смяна на паролата", password_changed),
    ]))
}

fn activity_fields(activity: &Activity) -> Fields {
    let measures = |m: &[String]| list(m);
    match activity {
        Activity::Meeting(m) => fields([
            ("Вид", Some(m.meeting_kind.label_bg().to_owned())),
            ("Дата", Some(date_bg(m.date))),
            ("Заглавие", Some(m.title.clone())),
            ("Участници", Some(m.participants.to_string())),
            ("Организации", list(&m.organisations)),
            ("Дневен ред", Some(m.agenda.clone())),
            ("Решения", Some(m.decisions.clone())),
            ("Протокол", Some(m.protocol.clone())),
            ("Открито за гражданите", Some(yes_no(m.public))),
            ("Мерки", measures(&m.measures)),
        ]),
        Activity::Training(t) => fields([
            ("Дата", Some(date_bg(t.date))),
            ("Тема", Some(t.topic.clone())),
            ("Участници", Some(t.participants.to_string())),
            ("Мерки", measures(&t.measures)),
        ]),
        Activity::Media(m) => fields([
            (
                "Вид",
                Some(antikor_shared::activity_draft::media_kind_label(m.media_kind).to_owned()),
            ),
            ("Дата", Some(date_bg(m.date))),
            ("Медия или канал", Some(m.channel.clone())),
            ("Съдържание", Some(m.summary.clone())),
            ("Мерки", measures(&m.measures)),
        ]),
        Activity::DeclarationCheck(d) => fields([
            ("Период от", Some(date_bg(d.period_from))),
            ("Период до", Some(date_bg(d.period_to))),
            ("Проверяващ орган", Some(d.checking_body.clone())),
            (
                "Проверени декларации",
                Some(d.declarations_checked.to_string()),
            ),
            ("Несъответствия", Some(d.irregularities_found.to_string())),
            ("Сезирани органи", Some(d.referrals.to_string())),
            ("Мерки", measures(&d.measures)),
        ]),
        Activity::ContestedAct(a) => fields([
            (
                "Акт",
                Some(antikor_shared::activity_draft::act_kind_label(a.act_kind).to_owned()),
            ),
            ("Номер", Some(a.act_number.clone())),
            ("Дата на акта", Some(date_bg(a.act_date))),
            ("Община", Some(a.municipality.clone())),
            ("Получен на", Some(date_bg(a.received_on))),
            (
                "Действие",
                Some(
                    match a.action {
                        antikor_shared::activity::ActAction::Returned => "Върнат за ново обсъждане",
                        antikor_shared::activity::ActAction::ContestedInCourt => {
                            "Оспорен пред съда"
                        }
                    }
                    .to_owned(),
                ),
            ),
            ("Действие на", Some(date_bg(a.action_on))),
            ("Основания", Some(a.grounds.clone())),
            ("Ново решение на съвета", a.council_revote.clone()),
            ("Съдебно дело", a.court_case.clone()),
            ("Изход от делото", a.court_outcome.clone()),
            ("Публикуван на", a.published_on.map(date_bg)),
            ("Мерки", measures(&a.measures)),
        ]),
    }
}

/// A signal's plain fields: the sealed ones (who reported it, what they said) are never
/// shown here, only what the register keeps in the clear.
fn signal_fields(events: &[RecordedEvent]) -> Option<Fields> {
    let mut case = None;
    for event in events {
        if let Some(e) = decoded_set::<SignalEvent>(&UPCASTERS, event) {
            case = SignalAggregate::apply(case, &e);
        }
    }
    let case = case?;
    let classification = case.classification.as_ref();
    Some(fields([
        ("Номер", Some(case.filed.reference.clone())),
        ("Получен на", Some(date_bg(case.filed.received))),
        ("Канал", Some(case.filed.channel.label_bg().to_owned())),
        (
            "Категория",
            Some(
                classification
                    .map_or(case.filed.category, |c| c.category)
                    .label_bg()
                    .to_owned(),
            ),
        ),
        (
            "Режим",
            classification.map(|c| c.regime.label_bg().to_owned()),
        ),
        ("Потвърден на", case.acknowledged.map(date_bg)),
        ("УИН", case.uin.clone()),
        (
            "Възложен на",
            case.assigned_to.as_ref().map(ToString::to_string),
        ),
        (
            "Препратен",
            case.forwarded
                .as_ref()
                .map(|f| format!("{}, изх. № {}, {}", f.to, f.outgoing_number, date_bg(f.on))),
        ),
        ("Обратна информация на", case.feedback.map(date_bg)),
        (
            "Приключен",
            case.closed
                .as_ref()
                .map(|c| format!("{} – {}", date_bg(c.on), c.outcome.label_bg())),
        ),
        (
            "Свързани сигнали",
            (!case.links.is_empty()).then(|| case.links.len().to_string()),
        ),
        (
            "Личните данни",
            case.key_destroyed.then(|| "унищожени".to_owned()),
        ),
    ]))
}

/// A plan's state: the plan itself ("" part) and each measure by its key.
fn plan_states(events: &[RecordedEvent]) -> States {
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
            ("Заглавие", Some(plan.title.clone())),
            (
                "Въз основа на плана за",
                plan.based_on.map(|y| y.to_string()),
            ),
            ("Раздели", Some(plan.sections.len().to_string())),
        ]),
    )]);
    for m in &plan.measures {
        states.insert(
            m.measure.key.clone(),
            fields([
                ("Текст", Some(m.measure.text.clone())),
                ("Срок", Some(m.measure.deadline.label_bg())),
                ("Отговорници", list(&m.measure.responsible)),
                ("Индикатор", Some(m.measure.indicator.clone())),
                ("Очакван резултат", Some(m.measure.expected_result.clone())),
                ("Оттеглена", m.withdrawn.clone()),
            ]),
        );
    }
    states
}

/// The fields that have a value, in order.
fn fields<const N: usize>(values: [(&'static str, Option<String>); N]) -> Fields {
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

fn yes_no(value: bool) -> String {
    if value { "да" } else { "не" }.to_owned()
}
