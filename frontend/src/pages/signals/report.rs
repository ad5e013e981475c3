//! `/signal`: the public form for a corruption signal, without login, and its one-time receipt.

use super::{Draft, DraftFields, error_text};
use crate::api;
use crate::components::{CopyButton, focus_by_id, set_title};
use crate::directory::{tenant_options, use_directory};
use crate::form::{FormError, SubmitButton, use_submit_explained};
use crate::format::{date_bg, href_with_query};
use antikor_shared::TenantId;
use antikor_shared::signal::{FileSignal, NewAttachment, SignalReceipt};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// `/signal`; `?tenant=bansko` preselects the institution, so a municipality's site can link
/// to its own form.
#[component]
pub fn SignalFormPage() -> impl IntoView {
    set_title(&t!("citizen-report-title"));
    let query = use_query_map();
    let tenants = use_directory();
    let tenant = RwSignal::new(
        query
            .with_untracked(|q| q.get("tenant"))
            .unwrap_or_default(),
    );
    let draft = Draft::default();
    let files = RwSignal::new(Vec::<NewAttachment>::new());
    let reading = RwSignal::new(0usize);
    let form = use_submit_explained(error_text);
    let receipt = RwSignal::new(None::<SignalReceipt>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        if !form.begin(&ev) {
            return;
        }
        if reading.get_untracked() > 0 {
            return form.fail(t!("citizen-report-wait-for-files"));
        }
        let Ok(tenant) = TenantId::parse(tenant.get_untracked()) else {
            return form.fail(t!("citizen-report-no-institution"));
        };
        let checked = match draft.values().check() {
            Ok(c) => c,
            Err(text) => {
                return form.fail(text);
            }
        };
        let body = FileSignal {
            tenant,
            reporter: checked.reporter,
            account: checked.account,
            concerned: checked.concerned,
            unit: checked.unit,
            activity: checked.activity,
            category: checked.category,
            attachments: files.get_untracked(),
        };
        form.send(async move { api::signals::file(&body).await }, move |r| {
            receipt.try_set(Some(r));
            // The receipt replaces the form; move the reader to it.
            // After the next frame, once the new section is on the page.
            request_animation_frame(|| focus_by_id("signal-receipt"));
        });
    };

    let options = move || {
        let chosen = tenant.get();
        tenant_options(tenants, move |id| id.as_str() == chosen)
    };
    let tenants_failed = move || {
        tenants.get().and_then(Result::err).map(|e| {
            view! {
                <div class="notice notice--error" role="alert">
                    <p>{e.to_string()}</p>
                    <button type="button" class="button" on:click=move |_| tenants.refetch()>
                        {t!("citizen-report-reload")}
                    </button>
                </div>
            }
        })
    };

    let form = move || {
        view! {
            <Confidentiality />
            <form id="signal-form" class="form-card signal-form" on:submit=submit novalidate autocomplete="off">
                <div class="field">
                    <label for="signal-tenant">{t!("citizen-report-institution")}</label>
                    <select id="signal-tenant" on:change=move |ev| tenant.set(event_target_value(&ev))>
                        <option value="" prop:selected=move || tenant.with(String::is_empty)>
                            {t!("citizen-choose")}
                        </option>
                        {options}
                    </select>
                </div>
                {tenants_failed}
                <DraftFields draft files reading prefix="signal" tenant=tenant />
                <FormError id="signal-error" error=form.error() />
                <SubmitButton id="signal-submit" form text=t!("citizen-report-submit") waiting=Signal::derive(move || reading.get() > 0) />
            </form>
            <p>
                {t!("citizen-report-already-filed")}
                " "
                <A href="/signal/track">{t!("citizen-report-track-link")}</A>
                "."
            </p>
        }
    };

    view! {
        <h1>{t!("citizen-report-heading")}</h1>
        {move || match receipt.get() {
            Some(r) => view! { <Receipt receipt=r /> }.into_any(),
            None => form().into_any(),
        }}
    }
}

/// What happens to what the citizen writes, said before they write it.
#[component]
fn Confidentiality() -> impl IntoView {
    view! {
        <div id="signal-confidentiality" class="notice notice--info">
            <p>
                <strong>{t!("citizen-report-anonymous")}</strong>
                " "
                {t!("citizen-report-anonymous-how")}
            </p>
            <p>
                {t!("citizen-report-who-sees")}
            </p>
            <p>
                {t!("citizen-report-deadlines")}
                " "
                <A href="/report-corruption">{t!("citizen-how-to-report-quoted")}</A>
                "."
            </p>
        </div>
    }
}

/// The number and the receipt code, shown this once: the server keeps only a hash of the code.
#[component]
fn Receipt(receipt: SignalReceipt) -> impl IntoView {
    let track = href_with_query(
        "/signal/track",
        [("reference", Some(receipt.reference.clone()))],
    );
    let code = receipt.receipt_code.clone().unwrap_or_default();
    let copy_text = t!(
        "citizen-receipt-copy-text",
        reference = &receipt.reference,
        code = &code
    );
    view! {
        <section id="signal-receipt" class="receipt" tabindex="-1" aria-labelledby="receipt-heading">
            <h2 id="receipt-heading">{t!("citizen-receipt-heading")}</h2>
            <dl class="receipt__values">
                <dt>{t!("citizen-reference")}</dt>
                <dd id="receipt-reference" class="receipt__value">{receipt.reference.clone()}</dd>
                <dt>{t!("citizen-receipt-code")}</dt>
                <dd id="receipt-code" class="receipt__value">{code}</dd>
            </dl>
            <div class="notice notice--warn" role="alert">
                <p>
                    <strong>{t!("citizen-receipt-write-down")}</strong>
                    " "
                    {t!("citizen-receipt-shown-once")}
                </p>
            </div>
            <CopyButton
                id="receipt-copy"
                text=copy_text
                label=t!("citizen-receipt-copy")
                failed=t!("citizen-receipt-copy-failed")
            />
            <p>
                {t!(
                    "citizen-receipt-acknowledgment-due",
                    date = date_bg(receipt.acknowledgment_due)
                )}
            </p>
            <p>
                <a id="receipt-track" href=track>{t!("citizen-receipt-track")}</a>
            </p>
        </section>
    }
}
