//! The live feed's side of the audit trail: the connection's state and the events that arrived.

use antikor_shared::api::AuditEntry;

/// At most this many live events are kept while the person reads an older page.
pub(super) const LIVE_CAP: usize = 500;

/// The state of the live connection, shown next to the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LiveState {
    Connecting,
    Open,
    Retrying,
    Closed,
}

impl LiveState {
    /// The state as the `data-state` attribute names it.
    pub(super) fn code(self) -> &'static str {
        match self {
            Self::Connecting => "connecting",
            Self::Open => "open",
            Self::Retrying => "retrying",
            Self::Closed => "closed",
        }
    }

    /// The state as the person reads it.
    pub(super) fn label(self) -> String {
        match self {
            Self::Connecting => t!("audit-live-connecting"),
            Self::Open => t!("audit-live-open"),
            Self::Retrying => t!("audit-live-retrying"),
            Self::Closed => t!("audit-live-closed"),
        }
    }
}

/// Events that arrived over the live feed since the current page was read, newest first.
#[derive(Debug, Clone, Default)]
pub(super) struct LiveBuffer {
    /// The events, newest first.
    pub(super) events: Vec<AuditEntry>,
    /// Matching events dropped because the buffer was full.
    pub(super) overflow: u64,
}

// A position names one event forever, so positions are enough to tell buffers apart.
impl PartialEq for LiveBuffer {
    fn eq(&self, other: &Self) -> bool {
        self.overflow == other.overflow && same_positions(&self.events, &other.events)
    }
}

/// Whether two event lists hold the same positions in the same order.
pub(super) fn same_positions<'a>(
    a: impl IntoIterator<Item = &'a AuditEntry>,
    b: impl IntoIterator<Item = &'a AuditEntry>,
) -> bool {
    a.into_iter()
        .map(|e| e.event.position)
        .eq(b.into_iter().map(|e| e.event.position))
}
