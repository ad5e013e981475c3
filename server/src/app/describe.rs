//! What the audit trail and the dashboard say of an event: one sentence in the reader's
//! language and the name of the record it belongs to.

use super::App;
use crate::codec::UPCASTERS;
use crate::projections::work::activity_record;
use crate::streams;
use crate::vault::redacted;
use antikor_shared::api::AuditEntry;
use antikor_shared::events::EventType;
use antikor_shared::i18n::Lang;
use antikor_shared::summary::{Described, activity_named};
use antikor_shared::{RecordedEvent, StreamId, TenantId, tr};

/// Events' sentences and record names by position and language, sized by
/// [`DESCRIPTIONS_BYTES`].
pub(super) type Descriptions = quick_cache::sync::Cache<(u64, Lang), Described, DescribedWeight>;

/// About how much the sentences kept for the pages read again may take (some 50,000).
const DESCRIPTIONS_BYTES: u64 = 16 << 20;

/// A description's weight in the cache: its text, and about what its entry takes besides.
#[derive(Clone)]
pub(super) struct DescribedWeight;

impl quick_cache::Weighter<(u64, Lang), Described> for DescribedWeight {
    fn weight(&self, _: &(u64, Lang), described: &Described) -> u64 {
        (described.summary.len() + described.record.len() + 96) as u64
    }
}

/// An empty [`Descriptions`].
pub(super) fn descriptions() -> Descriptions {
    Descriptions::with_weighter(
        (DESCRIPTIONS_BYTES / 320) as usize,
        DESCRIPTIONS_BYTES,
        DescribedWeight,
    )
}

impl App {
    /// The event as the audit trail shows it: described from the payload as stored (no
    /// sentence reads a sealed field), then with the sealed fields replaced by their hashes.
    /// The caller has checked that its reader may see the event; `lang` is the reader's.
    pub(crate) fn audit_entry(&self, event: RecordedEvent, lang: Lang) -> AuditEntry {
        let Described { summary, record } = self.describe(&event, lang);
        AuditEntry {
            event: redacted(event),
            summary,
            record,
        }
    }

    /// The record a stream holds, as people reading `lang` name it: "Отчет по мярка I.1
    /// (2017)", "Сигнал BLG52-2026-0003", "Заседание на съвета „…“". A stream of a kind
    /// Antikor does not make is named as it is stored.
    pub(crate) fn record_name(&self, tenant: &TenantId, stream: &StreamId, lang: Lang) -> String {
        if let Some(name) = streams::record_name(stream, lang) {
            return name;
        }
        if let Some(id) = streams::signal_id(stream) {
            return match self.models_unscoped().signals.get(tenant, id) {
                Some(signal) => tr!(
                    lang,
                    "history-record-signal",
                    reference = &signal.case.filed.reference
                ),
                None => tr!(lang, "history-record-signal-unknown"),
            };
        }
        if let Some(id) = streams::risk_id(stream) {
            return match self.models_unscoped().risks.get(tenant, id) {
                Some(risk) => tr!(lang, "history-record-risk", code = risk.code()),
                None => tr!(lang, "history-record-risk-unknown"),
            };
        }
        if streams::activity_id(stream).is_some() {
            // The record's first event says what it is; later ones only correct it.
            let first = self.stream_event(tenant, stream, 1);
            if let Some(record) = first.and_then(|e| activity_record(&UPCASTERS, [&e], lang)) {
                return activity_named(&record.activity, lang);
            }
            return tr!(lang, "history-record-activity-unknown");
        }
        stream.to_string()
    }

    /// The sentence of an event (upcast to its type's current shape first) and its record's
    /// name, in `lang`, from one reading of its payload. An event this version of Antikor
    /// cannot read is named by its type.
    ///
    /// What is said of an event depends on the history up to it alone (its earlier versions,
    /// its record's first event, the names its tenant and record were given then), so once the
    /// read models have folded it, it is said the same way for good: it is kept, and the pages
    /// everyone reads again (the newest of the audit trail) are not described anew each time.
    pub(super) fn describe(&self, event: &RecordedEvent, lang: Lang) -> Described {
        let key = (event.position, lang);
        if let Some(described) = self.descriptions.get(&key) {
            return described;
        }
        // Read before describing: a model folded past the event names everything it names.
        let folded = self.models_unscoped().position >= event.position;
        let described = self.describe_afresh(event, lang);
        if folded {
            self.descriptions.insert(key, described.clone());
        }
        described
    }

    /// [`Self::describe`] without the cache.
    fn describe_afresh(&self, event: &RecordedEvent, lang: Lang) -> Described {
        let record = || self.record_name(&event.tenant, &event.stream, lang);
        let unreadable = || Described {
            summary: tr!(
                lang,
                "history-event-unreadable",
                event_type = &event.event_type
            ),
            record: record(),
        };
        let Some(event_type) = EventType::parse(&event.event_type) else {
            return Described {
                summary: tr!(
                    lang,
                    "history-event-unknown",
                    event_type = &event.event_type
                ),
                record: record(),
            };
        };
        // Most events are of their type's current shape: only older ones are copied to be
        // brought up to date.
        let upcast_copy;
        let current = if event.schema_version == event_type.schema_version() {
            event
        } else {
            match upcast(event.clone()) {
                Some(copy) => {
                    upcast_copy = copy;
                    &upcast_copy
                }
                None => return unreadable(),
            }
        };
        let name = self.tenant_name(&event.tenant);
        let tenant = match name.get(lang) {
            "" => event.tenant.as_str(),
            name => name,
        };
        let previous = || {
            let version = event.version.checked_sub(1).filter(|v| *v > 0)?;
            let before = self.stream_event(&event.tenant, &event.stream, version)?;
            Some(upcast(before)?.payload.get().to_owned())
        };
        event_type
            .describe(lang, current.payload.get(), tenant, record, previous)
            .unwrap_or_else(|error| {
                tracing::warn!(position = event.position, %error, "an event's payload has no sentence");
                unreadable()
            })
    }

    /// The event of a stream at `version`, if it has one.
    fn stream_event(
        &self,
        tenant: &TenantId,
        stream: &StreamId,
        version: u64,
    ) -> Option<RecordedEvent> {
        self.store
            .read_stream(tenant, stream, version, 1)
            .inspect_err(|error| tracing::warn!(%error, "a record's event could not be read"))
            .ok()?
            .pop()
            .filter(|e| e.version == version)
    }
}

/// The event with its payload in its type's current shape.
fn upcast(mut event: RecordedEvent) -> Option<RecordedEvent> {
    UPCASTERS
        .upcast(&mut event)
        .inspect_err(|error| tracing::warn!(position = event.position, %error, "undecodable event"))
        .ok()?;
    Some(event)
}
