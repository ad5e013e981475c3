//! The register of corruption signals: the pieces its pages share (roles, errors, clocks, the reporter's form).

pub mod analysis;
mod attachments;
pub mod detail;
mod draft;
pub mod intake;
pub mod register;
pub mod report;
pub mod statistics;
pub mod track;

pub use attachments::{AttachmentPicker, size_text};
pub use draft::{Draft, DraftFields, ListChoice};

use crate::api::ApiError;
use antikor_shared::account::Role;
use antikor_shared::signal::{Clock, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, StatutoryStep};
use antikor_shared::wire::code;
use leptos::prelude::*;

/// Only a tenant's officers see its individual signals; the server refuses everyone else.
pub fn handles_signals(role: Role) -> bool {
    role == Role::Officer
}

/// Officers and the tenant's admin record whether it must run an internal channel.
pub fn records_channel(role: Role) -> bool {
    matches!(role, Role::Officer | Role::TenantAdmin)
}

/// Trimmed text, or `None` when nothing was typed.
pub fn optional(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// The text shown for a failed call. The server explains its refusals itself; a proxy or the
/// body limit in front of it may answer 413 or 429 without an explanation.
pub fn error_text(error: &ApiError) -> String {
    match error {
        ApiError::Unexpected { status: 413 } => t!(
            "signals-error-too-large",
            files = MAX_ATTACHMENTS,
            megabytes = MAX_ATTACHMENT_BYTES / (1024 * 1024)
        ),
        ApiError::Unexpected { status: 429 } => t!("signals-error-too-many-attempts"),
        other => other.to_string(),
    }
}

/// The class of a statutory clock's badge: overdue stands out, met steps are quiet.
pub fn clock_class(clock: Clock) -> &'static str {
    match clock {
        Clock::Overdue | Clock::MetLate => "badge badge--warn",
        Clock::DueSoon => "badge badge--soon",
        Clock::Met => "badge badge--ok",
        Clock::Running => "badge",
    }
}

/// A statutory step: its due date, when it was done, and where its clock stands.
#[component]
pub fn StepClock(
    /// The step.
    step: StatutoryStep,
) -> impl IntoView {
    let done = step
        .done
        .map(|d| t!("signals-clock-done", date = crate::format::date_bg(d)));
    view! {
        <span class="step-clock" data-clock=code(step.clock)>
            <span class="nowrap">{t!("signals-clock-due", date = crate::format::date_bg(step.due))}</span>
            {done}
            " "
            <span class=clock_class(step.clock)>{step.clock.label(crate::i18n::lang())}</span>
        </span>
    }
}

/// The units and the activities `tenant` offers, loaded when it changes (empty while none is
/// chosen or they are loading). The intake and classification forms share it.
pub(super) fn intake_lists(tenant: Signal<String>) -> (Signal<Vec<String>>, Signal<Vec<String>>) {
    let lists = LocalResource::new(move || {
        let tenant = tenant.get();
        async move {
            if tenant.is_empty() {
                None
            } else {
                crate::api::signals::lists(&tenant).await.ok()
            }
        }
    });
    let units = Signal::derive(move || lists.get().flatten().map(|l| l.units).unwrap_or_default());
    let activities = Signal::derive(move || {
        lists
            .get()
            .flatten()
            .map(|l| l.activities)
            .unwrap_or_default()
    });
    (units, activities)
}

#[cfg(test)]
mod tests {
    use antikor_shared::signal::{Category, Clock, Outcome, Regime, SignalStatus};
    use antikor_shared::wire::{code, from_code};

    #[test]
    fn codes_are_the_wire_names() {
        assert_eq!(code(SignalStatus::InProgress), "in_progress");
        assert_eq!(code(Clock::DueSoon), "due_soon");
        assert_eq!(code(Category::ConflictOfInterest), "conflict_of_interest");
        for s in SignalStatus::ALL {
            assert_eq!(from_code::<SignalStatus>(&code(s)), Some(s));
        }
        for r in Regime::ALL {
            assert_eq!(from_code::<Regime>(&code(r)), Some(r));
        }
        for o in Outcome::ALL {
            assert_eq!(from_code::<Outcome>(&code(o)), Some(o));
        }
        assert_eq!(from_code::<Category>(""), None);
        assert_eq!(from_code::<Category>("bribe"), None);
    }
}
