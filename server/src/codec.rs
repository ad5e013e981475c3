//! How stored events are read back: every read of the log decodes through the same upcasters
//! (old schema versions brought to the current one), into one payload type or into an
//! aggregate's event enum.

use antikor_migrations::{UpcastError, Upcasters};
use antikor_shared::events::AnyEvent;
use antikor_shared::{EventHeader, RecordedEvent};
use std::sync::LazyLock;

/// The upcasters every read of the log decodes through.
pub static UPCASTERS: LazyLock<Upcasters> = LazyLock::new(Upcasters::antikor);

/// The event decoded as `E` (upcast first), or `None` when it is of another type. An event of
/// the right type that cannot be decoded is logged and skipped, so that one bad record cannot
/// stop the server from starting.
pub fn decoded<E: antikor_shared::DomainEvent>(
    upcasters: &Upcasters,
    event: &RecordedEvent,
) -> Option<E> {
    logged(event, upcasters.decode::<E>(event)?)
}

/// The event decoded into the aggregate's event enum `S` (upcast first), or `None` when it is
/// of another aggregate's type. Undecodable events are logged and skipped, as in [`decoded`].
pub fn decoded_set<S: antikor_shared::events::EventSet>(
    upcasters: &Upcasters,
    event: &RecordedEvent,
) -> Option<S> {
    logged(event, upcasters.decode_set::<S>(event)?)
}

fn logged<T>(event: &RecordedEvent, decoded: Result<T, UpcastError>) -> Option<T> {
    logged_at(event.position, decoded)
}

fn logged_at<T>(position: u64, decoded: Result<T, UpcastError>) -> Option<T> {
    decoded
        .inspect_err(|error| {
            tracing::error!(position, %error, "undecodable event skipped");
        })
        .ok()
}

/// `event`'s payload in the event enum of its set (upcast first); `None` for an unknown type,
/// and for a payload that does not decode (logged, as in [`decoded`]).
pub fn typed(event: &RecordedEvent) -> Option<AnyEvent> {
    logged(event, UPCASTERS.decode_any(event)?)
}

/// [`typed`] of an event given as its header and its payload's text, as a replay reads them.
pub fn typed_payload(header: &EventHeader, payload: &str) -> Option<AnyEvent> {
    logged_at(
        header.position,
        UPCASTERS.decode_any_payload(header, payload)?,
    )
}
