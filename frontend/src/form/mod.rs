//! The form kit: one way to send a form, show what came of it, and lay out its fields.
//!
//! Every form that changes something goes through [`Submit`], so the busy flag, the outcome and
//! what a conflict (409) means are decided once, here, and not on every page.

mod dates;
mod fields;
mod notice;

pub use dates::{DateInput, TimeInput, date_error};
pub use fields::{InputField, Labelled, PasswordField, TextAreaField};
pub use notice::{FormError, Notice, NoticeView, PanelFormEnd, StepForm, SubmitButton};

use crate::api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

/// Said after a conflict when even reading the record again failed.
fn reload_failed() -> String {
    t!("shell-reload-page")
}

/// A form's sending state: whether a request runs, and what the last one (or the form's own
/// checks) came to. `Copy`, so every closure of the form can hold it.
#[derive(Clone, Copy)]
pub struct Submit {
    busy: RwSignal<bool>,
    outcome: RwSignal<Option<Notice>>,
    /// How a failed call reads; the signal pages explain a few statuses of their own.
    explain: fn(&ApiError) -> String,
}

/// A form's [`Submit`], failures shown as the server (or [`ApiError`]) words them.
pub fn use_submit() -> Submit {
    use_submit_explained(|e| e.to_string())
}

/// A form's [`Submit`] whose failed calls read as `explain` says.
pub fn use_submit_explained(explain: fn(&ApiError) -> String) -> Submit {
    Submit {
        busy: RwSignal::new(false),
        outcome: RwSignal::new(None),
        explain,
    }
}

/// Reads a list again and puts the entry `same` picks into `row`: how a table row shows the
/// record as it is now after a conflict; `gone` is said when the list no longer holds it.
/// `list` may be the whole list or what a search of its pages found (an `Option`).
pub async fn reload_row<T: Send + Sync + 'static, L: IntoIterator<Item = T>>(
    row: RwSignal<T>,
    list: impl Future<Output = Result<L, ApiError>>,
    same: impl Fn(&T) -> bool,
    gone: &str,
) -> Result<(), ApiError> {
    let fresh = list
        .await?
        .into_iter()
        .find(|entry| same(entry))
        .ok_or_else(|| ApiError::Invalid(gone.to_owned()))?;
    row.try_set(fresh);
    Ok(())
}

impl Submit {
    /// Whether a request is running: the submit button is disabled meanwhile.
    pub fn busy(self) -> Signal<bool> {
        self.busy.into()
    }

    /// What the last attempt came to, success or failure.
    pub fn outcome(self) -> RwSignal<Option<Notice>> {
        self.outcome
    }

    /// The failure to show in the form's alert, if the last attempt failed.
    pub fn error(self) -> Signal<Option<String>> {
        let outcome = self.outcome;
        Signal::derive(move || {
            outcome.with(|o| o.as_ref().filter(|n| n.error).map(|n| n.text.clone()))
        })
    }

    /// What the last attempt did, if it went through and the form said so with
    /// [`Submit::succeed`]; forms that show failures apart from successes show this.
    pub fn saved(self) -> Signal<Option<Notice>> {
        let outcome = self.outcome;
        Signal::derive(move || outcome.with(|o| o.clone().filter(|n| !n.error)))
    }

    /// Takes a submit event over from the browser; `false` while a request still runs, so a
    /// second Enter does not send the form twice.
    pub fn begin(self, ev: &leptos::ev::SubmitEvent) -> bool {
        ev.prevent_default();
        !self.busy.get_untracked()
    }

    /// Shows why the form was not sent (a check in the browser failed).
    pub fn fail(self, text: impl Into<String>) {
        self.outcome.set(Some(Notice::error(text)));
    }

    /// Shows what a sent form did, next to the form.
    pub fn succeed(self, text: impl Into<String>) {
        self.outcome.try_set(Some(Notice::ok(text)));
    }

    /// Sends `call`; `done` gets the answer, a failure is shown in the form.
    pub fn send<T: 'static>(
        self,
        call: impl Future<Output = Result<T, ApiError>> + 'static,
        done: impl FnOnce(T) + 'static,
    ) {
        self.run(call, None::<std::future::Ready<_>>, String::new(), done);
    }

    /// Sends a change made against a version of a record, with the one conflict policy: when
    /// someone changed the record first (409), `reload` reads it again so the page shows it
    /// as it is now, the form keeps what was typed, and the user is told (`reloaded`) so they
    /// can decide whether to send it again.
    pub fn send_versioned<T: 'static>(
        self,
        call: impl Future<Output = Result<T, ApiError>> + 'static,
        reload: impl Future<Output = Result<(), ApiError>> + 'static,
        reloaded: impl Into<String>,
        done: impl FnOnce(T) + 'static,
    ) {
        self.run(call, Some(reload), reloaded.into(), done);
    }

    fn run<T: 'static>(
        self,
        call: impl Future<Output = Result<T, ApiError>> + 'static,
        reload: Option<impl Future<Output = Result<(), ApiError>> + 'static>,
        reloaded: String,
        done: impl FnOnce(T) + 'static,
    ) {
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        self.outcome.set(None);
        spawn_local(async move {
            match call.await {
                Ok(answer) => done(answer),
                Err(e) => {
                    let text = match reload {
                        // Futures are lazy: the record is read again only on a conflict.
                        Some(reload) if e.is_conflict() => {
                            let said = if reload.await.is_ok() {
                                reloaded
                            } else {
                                reload_failed()
                            };
                            format!("{e} {said}")
                        }
                        _ => (self.explain)(&e),
                    };
                    self.outcome.try_set(Some(Notice::error(text)));
                }
            }
            // The form may be gone by now (a success closed it): nothing left to update then.
            self.busy.try_set(false);
        });
    }
}
