//! The audit trail's filters and cursors, read from and written to the page's URL.

use crate::api::{ApiError, PAGE_SIZE};
use crate::format::href_with_query;
use antikor_shared::api::AuditQuery;
use antikor_shared::{RecordedEvent, StreamId, TenantId};

/// What the audit trail shows, as its URL says:
/// `/audit?tenant=&stream=&event_type=&actor=&from=&to=&before=&after=`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Only this tenant's events.
    pub tenant: Option<TenantId>,
    /// Only this stream's events (only with `tenant`).
    pub stream: Option<StreamId>,
    /// Only events of this type.
    pub event_type: Option<String>,
    /// Only events this person caused (a username, `system`, `reporter`).
    pub actor: Option<String>,
    /// Only events from this moment on (RFC 3339, UTC) or this position.
    pub from: Option<String>,
    /// Only events up to this moment (RFC 3339, UTC) or this position.
    pub to: Option<String>,
    /// The page just older than this position.
    pub before: Option<u64>,
    /// The page just newer than this position.
    pub after: Option<u64>,
}

impl Filters {
    /// Reads the filters from URL query values; empty values mean "not set".
    pub fn parse(get: impl Fn(&str) -> Option<String>) -> Result<Self, ApiError> {
        let value = |key: &str| {
            get(key)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        // Takes the message that names the value that is not one.
        let invalid = |text: fn() -> String| ApiError::Invalid(text());
        let tenant = value("tenant")
            .map(TenantId::parse)
            .transpose()
            .map_err(|_| invalid(|| t!("audit-address-invalid-tenant")))?;
        let stream = value("stream")
            .map(StreamId::parse)
            .transpose()
            .map_err(|_| invalid(|| t!("audit-address-invalid-stream")))?;
        let position = |key: &str, what: fn() -> String| {
            value(key)
                .map(|v| v.parse::<u64>())
                .transpose()
                .map_err(|_| invalid(what))
        };
        let moment = |key: &str, what: fn() -> String| {
            value(key)
                .map(|v| {
                    if is_moment(&v) {
                        Ok(v)
                    } else {
                        Err(invalid(what))
                    }
                })
                .transpose()
        };
        let from = moment("from", || t!("audit-address-invalid-from"))?;
        let to = moment("to", || t!("audit-address-invalid-to"))?;
        let before = position("before", || t!("audit-address-invalid-before"))?;
        let after = position("after", || t!("audit-address-invalid-after"))?;
        if stream.is_some() && tenant.is_none() {
            return Err(ApiError::Invalid(t!("audit-address-stream-without-tenant")));
        }
        if before.is_some() && after.is_some() {
            return Err(ApiError::Invalid(t!("audit-address-before-and-after")));
        }
        Ok(Self {
            tenant,
            stream,
            event_type: value("event_type"),
            actor: value("actor"),
            from,
            to,
            before,
            after,
        })
    }

    /// The API query for this page.
    pub fn query(&self) -> AuditQuery {
        AuditQuery {
            tenant: self.tenant.clone(),
            stream: self.stream.clone(),
            event_type: self.event_type.clone(),
            actor: self.actor.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            before: self.before,
            after: self.after,
            limit: Some(PAGE_SIZE),
        }
    }

    /// The app's URL for these filters.
    pub fn href(&self) -> String {
        href_with_query(
            "/audit",
            [
                ("tenant", self.tenant.as_ref().map(ToString::to_string)),
                ("stream", self.stream.as_ref().map(ToString::to_string)),
                ("event_type", self.event_type.clone()),
                ("actor", self.actor.clone()),
                ("from", self.from.clone()),
                ("to", self.to.clone()),
                ("before", self.before.map(|p| p.to_string())),
                ("after", self.after.map(|p| p.to_string())),
            ],
        )
    }

    /// The trail of one record of `tenant`: its versions, newest first, each with what it
    /// changed (an event's page shows the record's versions side by side).
    pub fn record_history_href(tenant: &TenantId, stream: StreamId) -> String {
        Self {
            tenant: Some(tenant.clone()),
            stream: Some(stream),
            ..Self::default()
        }
        .href()
    }

    /// The same filters on the newest page.
    pub fn newest(&self) -> Self {
        Self {
            before: None,
            after: None,
            ..self.clone()
        }
    }

    /// The same filters on the page older than `position`.
    pub fn older_than(&self, position: u64) -> Self {
        Self {
            before: Some(position),
            after: None,
            ..self.clone()
        }
    }

    /// The same filters on the page newer than `position`.
    pub fn newer_than(&self, position: u64) -> Self {
        Self {
            before: None,
            after: Some(position),
            ..self.clone()
        }
    }

    /// Whether any filter (not a cursor) is set.
    pub fn is_filtered(&self) -> bool {
        self.tenant.is_some()
            || self.stream.is_some()
            || self.event_type.is_some()
            || self.actor.is_some()
            || self.from.is_some()
            || self.to.is_some()
    }

    /// Narrows the filters to `scope`, the only tenant the user may read (officers and tenant
    /// admins; `None` for roles that see every tenant). Returns whether the address asked for
    /// another tenant, whose stream filter then cannot apply either.
    pub fn within(self, scope: Option<&TenantId>) -> (Self, bool) {
        match scope {
            Some(own) if self.tenant.as_ref() != Some(own) => {
                let foreign = self.tenant.is_some();
                let stream = if foreign { None } else { self.stream.clone() };
                let narrowed = Self {
                    tenant: Some(own.clone()),
                    stream,
                    ..self
                };
                (narrowed, foreign)
            }
            _ => (self, false),
        }
    }

    /// Whether a newly committed event passes the filters; cursors are not considered. A
    /// stretch of time with an end takes no new events; one that starts in the past takes
    /// them all.
    pub fn matches(&self, event: &RecordedEvent) -> bool {
        self.to.is_none()
            && self.tenant.as_ref().is_none_or(|t| *t == event.tenant)
            && self.actor.as_ref().is_none_or(|a| *a == event.actor)
            && self.stream.as_ref().is_none_or(|s| *s == event.stream)
            && self
                .event_type
                .as_ref()
                .is_none_or(|t| *t == event.event_type)
    }
}

/// Whether the API takes `value` as a moment: a log position or an RFC 3339 instant.
fn is_moment(value: &str) -> bool {
    value.bytes().all(|b| b.is_ascii_digit()) || chrono::DateTime::parse_from_rfc3339(value).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> Result<Filters, ApiError> {
        Filters::parse(|k| {
            pairs
                .iter()
                .find(|(key, _)| *key == k)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    fn event(tenant: &str, stream: &str, event_type: &str) -> RecordedEvent {
        serde_json::from_value(serde_json::json!({
            "position": 7, "tenant": tenant, "stream": stream, "version": 1,
            "id": "00000000-0000-0000-0000-000000000001", "event_type": event_type,
            "schema_version": 1, "recorded_at": "2025-01-01T10:00:00Z", "actor": "system",
            "correlation_id": "00000000-0000-0000-0000-000000000002", "causation_id": null,
            "payload": {"a": 1}, "hash": "ab"
        }))
        .unwrap()
    }

    #[test]
    fn filters_round_trip_through_the_url() {
        let f = parse(&[
            ("tenant", "bansko"),
            ("stream", "signal:1"),
            ("before", "120"),
        ])
        .unwrap();
        assert_eq!(
            f.href(),
            "/audit?tenant=bansko&stream=signal%3A1&before=120"
        );
        assert_eq!(f.newest().href(), "/audit?tenant=bansko&stream=signal%3A1");
        assert_eq!(
            f.newer_than(5).href(),
            "/audit?tenant=bansko&stream=signal%3A1&after=5"
        );
        assert_eq!(
            parse(&[("tenant", ""), ("event_type", "")]).unwrap(),
            Filters::default()
        );
        assert_eq!(f.query().limit, Some(PAGE_SIZE));
        let span = parse(&[("from", "2026-11-26T10:45:00Z"), ("to", "37")]).unwrap();
        assert_eq!(span.href(), "/audit?from=2026-11-26T10%3A45%3A00Z&to=37");
        assert_eq!(span.query().from.as_deref(), Some("2026-11-26T10:45:00Z"));
        assert!(span.is_filtered());
    }

    #[test]
    fn invalid_addresses_are_refused() {
        assert!(parse(&[("tenant", "Not Valid")]).is_err());
        assert!(parse(&[("stream", "tenant")]).is_err());
        assert!(parse(&[("before", "x")]).is_err());
        assert!(parse(&[("before", "3"), ("after", "1")]).is_err());
        assert!(parse(&[("from", "вчера")]).is_err());
        assert!(parse(&[("to", "2026-13-01T00:00:00Z")]).is_err());
    }

    #[test]
    fn live_events_are_matched_against_filters() {
        let e = event("bansko", "tenant", "TenantRegistered");
        assert!(Filters::default().matches(&e));
        assert!(parse(&[("tenant", "bansko")]).unwrap().matches(&e));
        assert!(!parse(&[("tenant", "petrich")]).unwrap().matches(&e));
        assert!(
            !parse(&[("tenant", "bansko"), ("stream", "other")])
                .unwrap()
                .matches(&e)
        );
        assert!(!parse(&[("event_type", "X")]).unwrap().matches(&e));
        // Cursors say where the page is, not which events belong to it.
        assert!(parse(&[("before", "3")]).unwrap().matches(&e));
        // A span that started in the past takes new events; one that ended takes none.
        let since = parse(&[("from", "2025-01-01T08:00:00Z")]).unwrap();
        assert!(since.matches(&e));
        assert!(!parse(&[("to", "120")]).unwrap().matches(&e));
        assert!(parse(&[("actor", "system")]).unwrap().matches(&e));
        assert!(!parse(&[("actor", "petrich.officer")]).unwrap().matches(&e));
    }

    #[test]
    fn scoped_users_read_their_own_tenant() {
        let own = TenantId::parse("blagoevgrad").unwrap();
        let (f, foreign) = parse(&[("event_type", "LoginFailed")])
            .unwrap()
            .within(Some(&own));
        assert_eq!(f.tenant.as_ref(), Some(&own));
        assert_eq!(f.event_type.as_deref(), Some("LoginFailed"));
        assert!(!foreign);

        let (f, foreign) = parse(&[("tenant", "bansko"), ("stream", "tenant")])
            .unwrap()
            .within(Some(&own));
        assert_eq!(f.tenant.as_ref(), Some(&own));
        assert_eq!(f.stream, None, "another tenant's stream does not apply");
        assert!(foreign);

        let own_stream = parse(&[("tenant", "blagoevgrad"), ("stream", "tenant")]).unwrap();
        assert_eq!(own_stream.clone().within(Some(&own)), (own_stream, false));

        let everyone = parse(&[("tenant", "bansko")]).unwrap();
        assert_eq!(everyone.clone().within(None), (everyone, false));
    }
}
