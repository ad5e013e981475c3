//! `/signal/track`: the reporter follows a signal with its number and receipt code, reads the messages and replies.

use super::{error_text, optional};
use crate::api::{self, ApiError};
use crate::components::{focus_by_id, set_title, shown_name};
use crate::form::{FormError, NoticeView, SubmitButton, TextAreaField, use_submit_explained};
use crate::format::{date_bg, date_time, utc_exact};
use antikor_shared::signal::{MessageKind, ReporterAccess, ReporterReply, ReporterView};
use antikor_shared::wire::code;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// Who wrote a message, as the reporter reads it.
pub fn message_kind_label(kind: MessageKind) -> String {
    match kind {
        MessageKind::Acknowledgment => t!("citizen-track-kind-acknowledgment"),
        MessageKind::Officer => t!("citizen-track-kind-officer"),
        MessageKind::Feedback => t!("citizen-track-kind-feedback"),
        MessageKind::Reporter => t!("citizen-track-kind-reporter"),
    }
}

/// `/signal/track`; `?reference=` fills in the number. The code never goes in the address,
/// where the browser's history would keep it.
#[component]
pub fn TrackSignalPage() -> impl IntoView {
    set_title(&t!("citizen-track-title"));
    let query = use_query_map();
    let reference = RwSignal::new(
        query
            .with_untracked(|q| q.get("reference"))
            .unwrap_or_default(),
    );
    let receipt_code = RwSignal::new(String::new());
    let access = RwSignal::new(None::<ReporterAccess>);
    let case = RwSignal::new(None::<ReporterView>);
    let form = use_submit_explained(error_text);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        if !form.begin(&ev) {
            return;
        }
        let (Some(reference), Some(code)) = (
            optional(&reference.get_untracked()),
            optional(&receipt_code.get_untracked()),
        ) else {
            return form.fail(t!("citizen-track-missing"));
        };
        let asked = ReporterAccess { reference, code };
        let shown = asked.clone();
        let call = async move {
            // A wrong number or code reads as one: which of the two was wrong is not said.
            api::signals::reporter_status(&asked).await.map_err(|e| {
                if e.is_not_found() {
                    ApiError::Invalid(t!("citizen-track-not-found"))
                } else {
                    e
                }
            })
        };
        form.send(call, move |view| {
            access.try_set(Some(shown));
            case.try_set(Some(view));
            // After the next frame, once the new section is on the page.
            request_animation_frame(|| focus_by_id("track-case"));
        });
    };
    // On a shared computer the next person must not find the case open.
    let close = move |_| {
        access.set(None);
        case.set(None);
        receipt_code.set(String::new());
    };

    // A memo: a reply changes the case, and must not rebuild the page around it.
    let shown = Memo::new(move |_| case.with(Option::is_some));

    view! {
        <h1>{t!("citizen-track-title")}</h1>
        {move || {
            if shown.get() {
                view! {
                    <CaseForReporter case access />
                    <p>
                        <button type="button" id="track-close" class="button" on:click=close>
                            {t!("citizen-track-close")}
                        </button>
                    </p>
                }
                    .into_any()
            } else {
                view! {
                    <p class="lead">
                        {t!("citizen-track-lead")}
                    </p>
                    <form id="track-form" class="form-card" on:submit=submit novalidate autocomplete="off">
                        <div class="form-grid">
                            <div class="field">
                                <label for="track-reference">{t!("citizen-reference")}</label>
                                <input id="track-reference" type="text" spellcheck="false" bind:value=reference />
                            </div>
                            <div class="field">
                                <label for="track-code">{t!("citizen-receipt-code")}</label>
                                <input id="track-code" type="password" spellcheck="false" autocomplete="off" bind:value=receipt_code />
                            </div>
                        </div>
                        <FormError id="track-error" error=form.error() />
                        <SubmitButton id="track-submit" form text=t!("citizen-track-submit") />
                    </form>
                    <p>
                        {t!("citizen-track-no-code")}
                        " "
                        <A href="/signal">{t!("citizen-track-file-new")}</A>
                        " "
                        {t!("citizen-track-contact")}
                        " "
                        <A href="/report-corruption">{t!("citizen-how-to-report-quoted")}</A>
                        "."
                    </p>
                }
                    .into_any()
            }
        }}
    }
}

/// What the reporter sees of the signal, with the form to write back.
#[component]
fn CaseForReporter(
    case: RwSignal<Option<ReporterView>>,
    access: RwSignal<Option<ReporterAccess>>,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let form = use_submit_explained(error_text);
    let reply = move |ev: leptos::ev::SubmitEvent| {
        if !form.begin(&ev) {
            return;
        }
        let Some(access) = access.get_untracked() else {
            return;
        };
        let Some(message) = optional(&text.get_untracked()) else {
            return form.fail(t!("citizen-track-reply-missing"));
        };
        let body = ReporterReply {
            access,
            text: message,
        };
        form.send(
            async move { api::signals::reporter_reply(&body).await },
            move |view| {
                case.try_set(Some(view));
                text.try_set(String::new());
                form.succeed(t!("citizen-track-reply-sent"));
            },
        );
    };
    let summary = move || {
        case.get().map(|c| {
            let closed = c.closed.map(|cl| {
                view! {
                    <dt>{t!("citizen-track-closed")}</dt>
                    <dd id="track-closed">
                        {t!(
                            "citizen-track-closed-on",
                            date = date_bg(cl.on),
                            outcome = cl.outcome.label(crate::i18n::lang())
                        )}
                    </dd>
                }
            });
            let (institution, institution_lang) = shown_name(&c.institution);
            view! {
                <dl class="fields">
                    <dt>{t!("citizen-track-number")}</dt>
                    <dd id="track-reference-shown">{c.reference.clone()}</dd>
                    <dt>{t!("citizen-track-institution")}</dt>
                    <dd lang=institution_lang>{institution}</dd>
                    <dt>{t!("citizen-track-received")}</dt>
                    <dd>{t!("citizen-date", date = date_bg(c.received))}</dd>
                    <dt>{t!("citizen-track-status")}</dt>
                    <dd id="track-status" data-status=code(c.status)>{c.status.label(crate::i18n::lang())}</dd>
                    <dt>{t!("citizen-track-acknowledged")}</dt>
                    <dd>
                        {c
                            .acknowledged
                            .map_or_else(
                                || t!("citizen-track-not-yet"),
                                |d| t!("citizen-date", date = date_bg(d)),
                            )}
                    </dd>
                    {feedback_text(&c)
                        .map(|(label, value)| {
                            view! {
                                <dt>{label}</dt>
                                <dd id="track-feedback">{value}</dd>
                            }
                        })}
                    {closed}
                </dl>
            }
        })
    };
    let messages = move || {
        let list = case.with(|c| c.as_ref().map(|c| c.messages.clone()).unwrap_or_default());
        if list.is_empty() {
            return view! { <p id="track-messages" class="muted">{t!("citizen-track-no-messages")}</p> }
                .into_any();
        }
        let items = list
            .into_iter()
            .map(|m| {
                let mine = m.kind == MessageKind::Reporter;
                view! {
                    <li class="message" class:message--mine=mine data-kind=code(m.kind)>
                        <p class="message__meta muted small">
                            {message_kind_label(m.kind)}
                            " · "
                            <time datetime=utc_exact(m.at)>{date_time(m.at)}</time>
                        </p>
                        <p class="message__text pre-line">
                            {m
                                .text
                                .unwrap_or_else(|| t!("citizen-track-text-destroyed"))}
                        </p>
                    </li>
                }
            })
            .collect_view();
        view! { <ol id="track-messages" class="messages">{items}</ol> }.into_any()
    };
    let open = move || case.with(|c| c.as_ref().is_some_and(|c| c.closed.is_none()));
    view! {
        <section id="track-case" tabindex="-1" aria-labelledby="track-case-heading">
            <h2 id="track-case-heading">{t!("citizen-track-case-heading")}</h2>
            {summary}
            <h3>{t!("citizen-track-messages")}</h3>
            {messages}
            <Show
                when=open
                fallback=|| view! { <p class="muted">{t!("citizen-track-case-closed")}</p> }
            >
                <form id="track-reply-form" class="form-card" on:submit=reply novalidate>
                    <TextAreaField id="track-reply" label=t!("citizen-track-reply") value=text rows=5 maxlength=10000 class="field--wide" />
                    <FormError id="track-reply-error" error=form.error() />
                    <NoticeView id="track-reply-sent" notice=form.saved() />
                    <SubmitButton id="track-reply-submit" form text=t!("citizen-track-reply-submit") />
                </form>
            </Show>
        </section>
    }
}

/// The feedback's line, label and value: when it was given, or (while it is still owed) by
/// when it is due.
fn feedback_text(c: &ReporterView) -> Option<(String, String)> {
    let given = c.messages.iter().find(|m| m.kind == MessageKind::Feedback);
    match (given, c.feedback_due) {
        (Some(m), _) => Some((
            t!("citizen-track-feedback"),
            t!("citizen-track-feedback-given", at = date_time(m.at)),
        )),
        (None, Some(due)) => Some((
            t!("citizen-track-feedback-due"),
            t!("citizen-date", date = date_bg(due)),
        )),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use antikor_shared::signal::{SignalMessage, SignalStatus};
    use chrono::{NaiveDate, TimeZone, Utc};

    #[test]
    fn the_feedback_line_says_when_it_was_given_once_it_was() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        let mut case = ReporterView {
            reference: "BLG33-2026-0001".into(),
            institution: antikor_shared::tenant::TenantName {
                bg: "Община Банско".into(),
                en: "Bansko Municipality".into(),
            },
            received: day(2),
            status: SignalStatus::Acknowledged,
            acknowledged: Some(day(3)),
            feedback_due: Some(day(31)),
            closed: None,
            messages: Vec::new(),
        };
        assert_eq!(
            feedback_text(&case),
            Some((
                "Обратна информация до".to_owned(),
                "31.03.2026 г.".to_owned()
            ))
        );
        case.messages.push(SignalMessage {
            at: Utc.with_ymd_and_hms(2026, 3, 20, 8, 30, 0).unwrap(),
            kind: MessageKind::Feedback,
            text: Some("Проверката приключи.".into()),
        });
        let (label, value) = feedback_text(&case).unwrap();
        assert_eq!(label, "Обратна информация");
        assert!(value.starts_with("дадена на 20.03.2026"), "{value}");
    }
}
