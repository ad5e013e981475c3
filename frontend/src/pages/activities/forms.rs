//! The forms that record an activity, correct one, and follow a contested act up.

use super::fields::ActivityFields;
use super::{Names, Panel};
use crate::api::{self, ApiError};
use crate::controls::today;
use crate::form::{
    FormError, InputField, Labelled, Notice, PanelFormEnd, Submit, TextAreaField, date_error,
    reload_row, use_submit,
};
use antikor_shared::activity::{ActivityKind, ContestedActFollowedUp};
use antikor_shared::activity_draft::Draft;
use antikor_shared::views::{ActivityRecord, CorrectActivity, FollowUpAct};
use antikor_shared::wire::{code, from_code};
use leptos::prelude::*;
use std::future::Future;

/// Reads an activity again, as the server now has it, into its row.
async fn reload(record: RwSignal<ActivityRecord>) -> Result<(), ApiError> {
    let id = record.with_untracked(|r| r.id);
    let found = async move { api::activity(&id.to_string()).await.map(Some) };
    let gone = t!("work-activities-gone");
    reload_row(record, found, move |r| r.id == id, &gone).await
}

/// Sends a change to `record` made against the version read, as both of a row's panel forms
/// do: a conflict reloads the record, a success closes the panel and says `done`.
fn send_change(
    form: Submit,
    call: impl Future<Output = Result<ActivityRecord, ApiError>> + 'static,
    record: RwSignal<ActivityRecord>,
    panel: RwSignal<Panel>,
    changed: Callback<Notice>,
    done: String,
) {
    form.send_versioned(
        call,
        reload(record),
        t!("work-activities-reloaded"),
        move |_| {
            panel.set(Panel::Closed);
            changed.run(Notice::ok(done));
        },
    );
}

/// Records a new activity of the user's institution.
#[component]
pub(super) fn RecordForm(
    regional: bool,
    names: Memo<Names>,
    changed: Callback<Notice>,
) -> impl IntoView {
    let draft = RwSignal::new(Draft::new(ActivityKind::Meeting, today()));
    let kind = Memo::new(move |_| draft.with(|d| d.kind));
    let form = use_submit();
    // Contested acts are the regional administration's (art. 45(4) of the Local
    // Self-Government Act); the server refuses them from anyone else.
    let kind_options = ActivityKind::ALL
        .into_iter()
        .filter(|k| regional || *k != ActivityKind::ContestedAct)
        .map(|k| {
            view! {
                <option value=code(k) prop:selected=move || kind.get() == k>
                    {k.label_singular(crate::i18n::lang())}
                </option>
            }
        })
        .collect_view();
    let on_kind = move |ev: leptos::ev::Event| {
        if let Some(k) = from_code(&event_target_value(&ev)) {
            form.outcome().set(None);
            draft.set(Draft::new(k, today()));
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        if !form.begin(&ev) {
            return;
        }
        let activity = match draft.with_untracked(Draft::to_activity) {
            Ok(a) => a,
            Err(text) => return form.fail(text.render(crate::i18n::lang())),
        };
        form.send(
            async move { api::record_activity(&activity).await },
            move |record| {
                let k = record.activity.kind();
                draft.try_set(Draft::new(k, today()));
                changed.run(Notice::ok(t!(
                    "work-activities-recorded",
                    kind = k.label_singular(crate::i18n::lang()).to_lowercase()
                )));
            },
        );
    };
    view! {
        <details class="form-card" id="activity-record">
            <summary>{t!("work-activities-new")}</summary>
            <form id="activity-form" data-kind=move || code(kind.get()) on:submit=submit novalidate>
                <Labelled id="activity-kind" label=t!("work-activities-kind") class="field--narrow">
                    <select id="activity-kind" on:change=on_kind>{kind_options}</select>
                </Labelled>
                <ActivityFields draft kind prefix="activity" names />
                <FormError id="activity-error" error=form.error() />
                <button type="submit" id="activity-submit" class="button button--primary" disabled=form.busy()>
                    {t!("work-activities-record")}
                </button>
            </form>
        </details>
    }
}

/// Corrects an activity: the whole record again, and why.
#[component]
pub(super) fn CorrectionForm(
    record: RwSignal<ActivityRecord>,
    names: Memo<Names>,
    panel: RwSignal<Panel>,
    changed: Callback<Notice>,
) -> impl IntoView {
    let draft = RwSignal::new(record.with_untracked(|r| Draft::from_activity(&r.activity)));
    let kind = Memo::new(move |_| draft.with(|d| d.kind));
    let reason = RwSignal::new(String::new());
    let form = use_submit();
    let id = record.with_untracked(|r| r.id.to_string());
    let submit = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            if !form.begin(&ev) {
                return;
            }
            let activity = match draft.with_untracked(Draft::to_activity) {
                Ok(a) => a,
                Err(text) => return form.fail(text.render(crate::i18n::lang())),
            };
            let why = reason.get_untracked().trim().to_owned();
            if why.is_empty() {
                return form.fail(t!("work-activities-reason-missing"));
            }
            let body = CorrectActivity {
                activity,
                reason: why,
                // Against the record as last read: after a conflict, the reloaded one.
                expected_version: record.with_untracked(|r| r.version),
            };
            let id = id.clone();
            let call = async move { api::correct_activity(&id, &body).await };
            let done = t!("work-activities-corrected");
            send_change(form, call, record, panel, changed, done);
        }
    };
    view! {
        <form id="correction-form" class="action-form action-form--wide" data-id=id on:submit=submit novalidate>
            <h3 class="action-form__title">
                {t!("work-activities-correction-heading", kind = kind.get_untracked().label_singular(crate::i18n::lang()).to_lowercase())}
            </h3>
            <ActivityFields draft kind prefix="correction" names />
            <TextAreaField id="correction-reason" label=t!("work-activities-correction-reason") value=reason maxlength=1000 />
            <PanelFormEnd
                error_id="correction-error"
                form
                submit_id="correction-submit"
                submit=t!("work-activities-correction-submit")
                cancel=Callback::new(move |()| panel.set(Panel::Closed))
            />
        </form>
    }
}

/// Trimmed text, or `None` when the field was left empty.
fn typed(value: RwSignal<String>) -> Option<String> {
    let v = value.get_untracked().trim().to_owned();
    (!v.is_empty()).then_some(v)
}

/// Records what followed a contested act: the council's new vote, the court, the publication.
#[component]
pub(super) fn FollowUpForm(
    record: RwSignal<ActivityRecord>,
    panel: RwSignal<Panel>,
    changed: Callback<Notice>,
) -> impl IntoView {
    let revote = RwSignal::new(String::new());
    let case = RwSignal::new(String::new());
    let outcome = RwSignal::new(String::new());
    let published = RwSignal::new(String::new());
    let form = use_submit();
    let id = record.with_untracked(|r| r.id.to_string());
    let submit = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            if !form.begin(&ev) {
                return;
            }
            let published_on = match typed(published).map(|d| d.parse()) {
                None => None,
                Some(Ok(d)) => Some(d),
                Some(Err(_)) => {
                    return form.fail(date_error(&t!("work-activities-published-date-field")));
                }
            };
            let follow_up = ContestedActFollowedUp {
                council_revote: typed(revote),
                court_case: typed(case),
                court_outcome: typed(outcome),
                published_on,
            };
            if follow_up == ContestedActFollowedUp::default() {
                return form.fail(t!("work-activities-follow-up-empty"));
            }
            let body = FollowUpAct {
                follow_up,
                expected_version: record.with_untracked(|r| r.version),
            };
            let id = id.clone();
            let call = async move { api::follow_up_act(&id, &body).await };
            send_change(
                form,
                call,
                record,
                panel,
                changed,
                t!("work-activities-followed-up"),
            );
        }
    };
    view! {
        <form id="follow-up-form" class="action-form" data-id=id on:submit=submit novalidate>
            <h3 class="action-form__title">{t!("work-activities-follow-up-heading")}</h3>
            <p class="muted small">{t!("work-activities-follow-up-hint")}</p>
            <TextAreaField id="follow-up-revote" label=t!("work-activities-follow-up-revote") value=revote />
            <div class="form-grid">
                <InputField id="follow-up-case" label=t!("work-activities-follow-up-case") value=case />
                <InputField
                    id="follow-up-published"
                    label=t!("work-activities-follow-up-published")
                    kind="date"
                    value=published
                />
            </div>
            <TextAreaField id="follow-up-outcome" label=t!("work-activities-follow-up-outcome") value=outcome />
            <PanelFormEnd
                error_id="follow-up-error"
                form
                submit_id="follow-up-submit"
                submit=t!("work-activities-follow-up-submit")
                cancel=Callback::new(move |()| panel.set(Panel::Closed))
            />
        </form>
    }
}
