//! `/signals/new`: an officer records a signal received by e-mail, phone, post or in person.

use super::{Draft, DraftFields, error_text};
use crate::api;
use crate::components::set_title;
use crate::controls::today;
use crate::form::{DateInput, FormError, SubmitButton, date_error, use_submit_explained};
use crate::session::use_session;
use antikor_shared::signal::{Channel, NewAttachment, RecordSignal};
use antikor_shared::wire::{code, from_code};
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// `/signals/new`.
#[component]
pub fn SignalIntakePage() -> impl IntoView {
    set_title(&t!("signals-intake-title"));
    let session = use_session();
    let navigate = use_navigate();
    let own_tenant = Signal::stored(
        session
            .user_untracked()
            .map(|u| u.tenant.to_string())
            .unwrap_or_default(),
    );
    let channel = RwSignal::new(String::new());
    let received = RwSignal::new(today().to_string());
    let confirmed = RwSignal::new(false);
    let draft = Draft::default();
    let files = RwSignal::new(Vec::<NewAttachment>::new());
    let reading = RwSignal::new(0usize);
    let form = use_submit_explained(error_text);
    let oral = move || channel.with(|c| from_code::<Channel>(c).is_some_and(Channel::is_oral));

    let submit = move |ev: leptos::ev::SubmitEvent| {
        if !form.begin(&ev) {
            return;
        }
        if reading.get_untracked() > 0 {
            return form.fail(t!("signals-intake-files-reading"));
        }
        let Some(channel) = from_code::<Channel>(&channel.get_untracked()) else {
            return form.fail(t!("signals-intake-channel-missing"));
        };
        let Ok(received) = received.get_untracked().trim().parse::<NaiveDate>() else {
            return form.fail(date_error(&t!("signals-intake-received-what")));
        };
        if received > today() {
            return form.fail(t!("signals-intake-received-future"));
        }
        // The law asks for an oral signal to be written down and confirmed by the reporter.
        let confirmed = confirmed.get_untracked();
        if channel.is_oral() && !confirmed {
            return form.fail(t!("signals-intake-oral-unconfirmed"));
        }
        let checked = match draft.values().check() {
            Ok(c) => c,
            Err(text) => {
                return form.fail(text);
            }
        };
        let body = RecordSignal {
            channel,
            received,
            confirmed_by_reporter: channel.is_oral() && confirmed,
            reporter: checked.reporter,
            account: checked.account,
            concerned: checked.concerned,
            unit: checked.unit,
            activity: checked.activity,
            category: checked.category,
            attachments: files.get_untracked(),
        };
        let navigate = navigate.clone();
        form.send(
            async move { api::signals::record(&body).await },
            move |receipt| {
                navigate(
                    &format!("/signals/{}", receipt.id),
                    NavigateOptions::default(),
                );
            },
        );
    };

    let channels = Channel::OFFICER
        .into_iter()
        .map(|c| view! { <option value=code(c)>{c.label(crate::i18n::lang())}</option> })
        .collect_view();
    view! {
        <p class="breadcrumb">
            <A href="/signals">{t!("signals-register-title")}</A>
        </p>
        <h1>{t!("signals-intake-title")}</h1>
        <p class="lead">
            {t!("signals-intake-lead")}
        </p>
        <form id="intake-form" class="form-card signal-form" on:submit=submit novalidate autocomplete="off">
            <div class="form-grid">
                <div class="field">
                    <label for="intake-channel">{t!("signals-intake-channel")}</label>
                    <select id="intake-channel" bind:value=channel>
                        <option value="">{t!("signals-choose")}</option>
                        {channels}
                    </select>
                </div>
                <div class="field">
                    <label for="intake-received">{t!("signals-intake-received")}</label>
                    <DateInput id="intake-received" value=received set=move |v| received.set(v) />
                </div>
            </div>
            <Show when=oral>
                <div class="field field--wide field--check">
                    <label for="intake-confirmed">
                        <input id="intake-confirmed" type="checkbox" bind:checked=confirmed />
                        " "
                        {t!("signals-intake-confirmed")}
                    </label>
                </div>
            </Show>
            <DraftFields draft files reading prefix="intake" tenant=own_tenant />
            <FormError id="intake-error" error=form.error() />
            <SubmitButton id="intake-submit" form text=t!("signals-intake-submit") waiting=Signal::derive(move || reading.get() > 0) />
        </form>
    }
}
