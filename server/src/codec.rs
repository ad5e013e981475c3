//! How stored events are read back: every read of the log decodes through the same upcasters
//! (old schema versions brought to the current one), into one payload type or into an
//! aggregate's event enum.

use antikor_migrations::{UpcastError, Upcasters};
use antikor_shared::RecordedEvent;
use antikor_shared::events::AnyEvent;
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
    decoded
        .inspect_err(|error| {
            tracing::error!(position = event.position, %error, "undecodable event skipped");
        })
        .ok()
}

/// `event`'s payload in the event enum of its set (upcast first); `None` for an unknown type,
/// and for a payload that does not decode (logged, as in [`decoded`]).
pub fn typed(event: &RecordedEvent) -> Option<AnyEvent> {
    logged(event, UPCASTERS.decode_any(event)?)
}
