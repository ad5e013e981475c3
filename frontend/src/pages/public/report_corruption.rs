//! `/report-corruption`: the brochure of measure IV.2 on how to report corruption.

use crate::api::{self, ApiError};
use crate::components::{Loaded, set_title};
use antikor_shared::ids::regional_tenant;
use leptos::prelude::*;
use leptos_router::components::A;

/// `/report-corruption`: the brochure of measure IV.2.
#[component]
pub fn ReportCorruptionPage() -> impl IntoView {
    set_title(&t!("public-report-title"));
    let contacts = LocalResource::new(|| async { api::tenant_contacts(&regional_tenant()).await });
    let retry = Callback::new(move |()| contacts.refetch());
    let secretariat = move || {
        Suspend::new(async move {
            let list = contacts.await?.map(|r| r.contacts).unwrap_or_default();
            if list.is_empty() {
                return Ok::<_, ApiError>(
                    view! {
                        <p id="report-contacts" class="notice notice--info" data-count="0">
                            {t!("public-report-no-contacts")}
                            " "
                            <A href="/council">{t!("public-report-no-contacts-link")}</A>
                            "."
                        </p>
                    }
                    .into_any(),
                );
            }
            let count = list.len();
            let items = list
                .into_iter()
                .map(|c| {
                    let mail = format!("mailto:{}", c.email);
                    let tel = format!("tel:{}", c.phone.replace(' ', ""));
                    view! {
                        <li>
                            <strong>{c.name}</strong>
                            {format!(", {}", c.position)}
                            <br />
                            {t!("public-report-phone")}
                            " "
                            <a href=tel>{c.phone}</a>
                            " · "
                            {t!("public-report-email")}
                            " "
                            <a href=mail>{c.email}</a>
                        </li>
                    }
                })
                .collect_view();
            Ok(view! { <ul id="report-contacts" class="row-list" data-count=count.to_string()>{items}</ul> }.into_any())
        })
    };
    view! {
        <article class="brochure">
            <h1>{t!("public-report-title")}</h1>
            <p class="lead">{t!("public-report-lead")}</p>
            <section aria-labelledby="council-heading">
                <h2 id="council-heading">{t!("public-report-council-heading")}</h2>
                <p>
                    {t!("public-report-council-text")}
                    " "
                    <A href="/plan">{t!("public-report-council-plan")}</A>
                    ", "
                    <A href="/progress">{t!("public-report-council-progress")}</A>
                    ", "
                    <A href="/meetings">{t!("public-report-council-meetings")}</A>
                    " "
                    {t!("public-report-council-and")}
                    " "
                    <A href="/council">{t!("public-report-council-members")}</A>
                    "."
                </p>
            </section>
            <section aria-labelledby="channels-heading">
                <h2 id="channels-heading">{t!("public-report-channels-heading")}</h2>
                <ul id="report-channels" class="channels">
                    <li>
                        <strong>{t!("public-report-channel-email")}</strong>
                        " — "
                        {t!("public-report-channel-email-text")}
                    </li>
                    <li>
                        <strong>{t!("public-report-channel-phone")}</strong>
                        " — "
                        {t!("public-report-channel-phone-text")}
                    </li>
                    <li>
                        <strong>{t!("public-report-channel-post")}</strong>
                        " — "
                        {t!("public-report-channel-post-text")}
                    </li>
                    <li>
                        <strong>{t!("public-report-channel-in-person")}</strong>
                        " — "
                        {t!("public-report-channel-in-person-text")}
                    </li>
                    <li>
                        <strong>{t!("public-report-channel-online")}</strong>
                        " — "
                        <A href="/signal" attr:id="report-signal-form">
                            {t!("public-report-channel-online-form")}
                        </A>
                        " "
                        {t!("public-report-channel-online-text")}
                        " "
                        <A href="/signal/track" attr:id="report-signal-track">
                            {t!("public-report-channel-online-track")}
                        </A>
                        " "
                        {t!("public-report-channel-online-track-text")}
                        " "
                        <A href="/signals/statistics">{t!("public-report-channel-online-statistics")}</A>
                        " "
                        {t!("public-report-channel-online-statistics-text")}
                    </li>
                </ul>
                <h3>{t!("public-report-contacts-heading")}</h3>
                <Loaded retry>{secretariat}</Loaded>
                <p>
                    {t!("public-report-experts")}
                    " "
                    <A href="/council">{t!("public-report-experts-link")}</A>
                    "."
                </p>
            </section>
            <section aria-labelledby="protections-heading">
                <h2 id="protections-heading">{t!("public-report-protections-heading")}</h2>
                <div id="report-protections">
                    <p>
                        {t!("public-report-protections-intro")}
                        " "
                        <em>{t!("public-report-protections-law")}</em>
                        " "
                        {t!("public-report-protections-law-note")}
                    </p>
                    <ul>
                        <li>{t!("public-report-protection-acknowledgment")}</li>
                        <li>{t!("public-report-protection-feedback")}</li>
                        <li>{t!("public-report-protection-uin")}</li>
                        <li>{t!("public-report-protection-confidentiality")}</li>
                        <li>{t!("public-report-protection-anonymous")}</li>
                    </ul>
                    <p>{t!("public-report-protections-other")}</p>
                </div>
            </section>
        </article>
    }
}
