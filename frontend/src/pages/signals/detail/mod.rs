//! `/signals/{id}`: one signal's case for its officers: the account, the clocks, the sealed identities, the history and the forms of every step.

mod steps;

use super::{StepClock, error_text, size_text};
use crate::api::{self, ApiError};
use crate::components::{Loaded, set_title};
use crate::directory::use_people;
use crate::form::{FormError, Submit, date_error, use_submit_explained};
use crate::format::{date_bg, date_time, event_type_text, utc_exact};
use crate::pages::audit::Filters;
use crate::session::{Session, use_session};
use antikor_shared::signal::{Channel, SignalDetail, SignalIdentity};
use antikor_shared::streams;
use antikor_shared::wire::code;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use serde::Serialize;
use steps::{
    AcknowledgeForm, AssignForm, ClassifyForm, CloseForm, ForwardForm, LinkForm, NoteForm,
    RisksForm,
};

/// Whether `text` looks like a signal's id (a UUID), so that a mistyped address is refused
/// before asking the server.
pub fn is_signal_id(text: &str) -> bool {
    text.len() == 36
        && text.char_indices().all(|(i, c)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                c == '-'
            } else {
                c.is_ascii_hexdigit()
            }
        })
}

/// A day typed into a date field.
fn parse_day(text: &str) -> Result<NaiveDate, String> {
    text.trim()
        .parse()
        .map_err(|_| date_error(&t!("signals-case-date-what")))
}

/// `/signals/{id}`.
#[component]
pub fn SignalPage() -> impl IntoView {
    set_title(&t!("signals-case-title"));
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).unwrap_or_default());
    let detail = LocalResource::new(move || {
        let id = id.get();
        async move {
            if !is_signal_id(&id) {
                return Err(ApiError::Invalid(t!("signals-case-bad-address")));
            }
            api::signals::detail(&id).await
        }
    });
    let retry = Callback::new(move |()| detail.refetch());
    let body = move || {
        Suspend::new(async move {
            let d = detail.await?;
            set_title(&t!("signals-case-heading", reference = &d.row.reference));
            Ok::<_, ApiError>(view! { <Case initial=d /> })
        })
    };
    view! {
        <p class="breadcrumb">
            <A href="/signals">{t!("signals-register-title")}</A>
        </p>
        <Loaded retry>{body}</Loaded>
    }
}

/// The case as loaded, and what every step form needs to send itself.
#[derive(Clone, Copy)]
struct CaseCtx {
    detail: RwSignal<SignalDetail>,
    id: StoredValue<String>,
    session: Session,
}

impl CaseCtx {
    /// The version this page shows: a step sent against it fails if someone changed the case.
    fn version(&self) -> u64 {
        self.detail.with_untracked(|d| d.row.version)
    }

    /// Reads the case again, as the server now has it.
    async fn reload(self) -> Result<(), ApiError> {
        let fresh = api::signals::detail(&self.id.get_value()).await?;
        self.detail.try_set(fresh);
        Ok(())
    }

    /// Sends one step; on success the page shows the case as the server now has it.
    fn send<B: Serialize + 'static>(
        &self,
        step: &'static str,
        body: B,
        form: Submit,
        saved: String,
        on_saved: impl FnOnce() + 'static,
    ) {
        let ctx = *self;
        let id = self.id.get_value();
        let call = async move { api::signals::step(&id, step, &body).await };
        form.send_versioned(
            call,
            ctx.reload(),
            t!("signals-case-reloaded"),
            move |fresh| {
                ctx.detail.try_set(fresh);
                form.succeed(saved);
                on_saved();
            },
        );
    }
}

/// The whole case: what the register holds, then the step forms.
#[component]
fn Case(initial: SignalDetail) -> impl IntoView {
    let id = initial.row.id.to_string();
    let ctx = CaseCtx {
        detail: RwSignal::new(initial),
        id: StoredValue::new(id),
        session: use_session(),
    };
    let detail = ctx.detail;
    let open = move || detail.with(|d| d.row.closed.is_none());
    let pending_ack = move || detail.with(|d| d.row.acknowledgment.done.is_none());
    let acknowledged = move || detail.with(|d| d.row.acknowledgment.done.is_some());
    // Only a reporter of the public form holds a receipt code to read messages with.
    let with_code = move || detail.with(|d| d.row.channel == Channel::WebForm);
    // Risks are related once the signal is classified, as the server requires.
    let classified = move || detail.with(|d| d.row.regime.is_some());
    let overview = move || detail.with(|d| view! { <Overview detail=d.clone() /> });
    let history = move || detail.with(|d| view! { <History detail=d.clone() /> });
    view! {
        {overview}
        <IdentityPanel ctx />
        <section aria-labelledby="steps-heading" class="signal-steps">
            <h2 id="steps-heading">{t!("signals-case-steps")}</h2>
            <Show
                when=open
                fallback=|| view! { <p class="muted">{t!("signals-case-closed-notice")}</p> }
            >
                <Show when=pending_ack>
                    <AcknowledgeForm ctx />
                </Show>
                <AssignForm ctx />
                <ClassifyForm ctx />
                <NoteForm
                    ctx
                    step="actions"
                    title=t!("signals-case-action-title")
                    dated=true
                    label=t!("signals-case-action-label")
                    saved=t!("signals-case-action-saved")
                />
                <Show when=acknowledged>
                    <NoteForm
                        ctx
                        step="feedback"
                        title=t!("signals-case-feedback-title")
                        dated=true
                        label=t!("signals-case-feedback-label")
                        saved=t!("signals-case-feedback-saved")
                    />
                </Show>
                <Show when=with_code>
                    <NoteForm
                        ctx
                        step="messages"
                        title=t!("signals-message-to-reporter")
                        dated=false
                        label=t!("signals-case-message-label")
                        saved=t!("signals-case-message-saved")
                    />
                </Show>
                <ForwardForm ctx />
                <LinkForm ctx />
                <Show when=classified>
                    <RisksForm ctx />
                </Show>
                <CloseForm ctx />
            </Show>
        </section>
        {history}
    }
}

/// A labelled value of the overview, left out when there is none.
fn field(label: String, value: Option<String>) -> Option<impl IntoView> {
    value.map(|v| {
        view! {
            <dt>{label}</dt>
            <dd>{v}</dd>
        }
    })
}

/// What the register holds about the signal, its clocks, account, attachments and links.
#[component]
fn Overview(detail: SignalDetail) -> impl IntoView {
    let d = detail;
    let r = d.row.clone();
    let id = r.id.to_string();
    let oral = r.channel.is_oral().then(|| match d.confirmed_by_reporter {
        Some(true) => format!(" {}", t!("signals-case-oral-confirmed")),
        Some(false) => format!(" {}", t!("signals-case-oral-unconfirmed")),
        None => String::new(),
    });
    let feedback = r.feedback.map_or_else(
        || view! { <span class="muted">{t!("signals-case-feedback-pending")}</span> }.into_any(),
        |step| view! { <StepClock step /> }.into_any(),
    );
    let account = match d.account {
        Some(a) => view! {
            <dl id="signal-account" class="fields">
                <dt>{t!("signals-what")}</dt>
                <dd class="pre-line">{a.what}</dd>
                <dt>{t!("signals-where")}</dt>
                <dd>{a.place}</dd>
                <dt>{t!("signals-when")}</dt>
                <dd>{a.when}</dd>
            </dl>
        }
        .into_any(),
        None => view! {
            <p id="signal-account" class="notice notice--info">
                {t!("signals-case-key-destroyed")}
            </p>
        }
        .into_any(),
    };
    let attachments = if d.attachments.is_empty() {
        view! { <p class="muted">{t!("signals-case-no-attachments")}</p> }.into_any()
    } else {
        let items = d
            .attachments
            .into_iter()
            .map(|a| {
                let name = a.name.clone().unwrap_or_else(|| t!("signals-case-attachment-name", number = a.number));
                let line = format!(" ({}, {})", a.media_type, size_text(a.bytes));
                let link = if r.key_destroyed {
                    view! { <span>{name}</span> }.into_any()
                } else {
                    view! {
                        <a href=api::signals::attachment_url(&id, a.number) download=name.clone()>{name.clone()}</a>
                    }
                    .into_any()
                };
                view! {
                    <li data-number=a.number.to_string()>
                        {link}
                        <span class="muted small">{line}</span>
                    </li>
                }
            })
            .collect_view();
        view! { <ul id="signal-attachments" class="row-list">{items}</ul> }.into_any()
    };
    let links = (!d.links.is_empty()).then(|| {
        let items = d
            .links
            .into_iter()
            .map(|l| view! { <li><A href=format!("/signals/{}", l.id)>{l.reference}</A></li> })
            .collect_view();
        view! {
            <h3>{t!("signals-case-related-signals")}</h3>
            <ul id="signal-links" class="row-list">{items}</ul>
        }
    });
    let risks = (!d.risks.is_empty()).then(|| {
        let items = d
            .risks
            .into_iter()
            .map(|r| {
                view! {
                    <li data-id=r.id.to_string()>
                        <A href=format!("/risks/{}", r.id)>{r.code}</A>
                        " "
                        <span>{r.description}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3>{t!("signals-related-risks")}</h3>
            <ul id="signal-risks" class="row-list">{items}</ul>
        }
    });
    // The register is the officer's own institution's: its trail holds the case's versions.
    let history = use_session().user_untracked().map(|me| {
        view! {
            <p>
                <A attr:id="signal-trail" href=Filters::record_history_href(&me.tenant, streams::signal(r.id))>
                    {t!("signals-case-trail")}
                </A>
            </p>
        }
    });
    view! {
        <h1 id="signal-heading" data-status=code(r.status) data-version=r.version.to_string()>
            {t!("signals-case-heading", reference = &r.reference)}
        </h1>
        {history}
        <dl id="signal-overview" class="fields">
            <dt>{t!("signals-status")}</dt>
            <dd id="signal-status">{r.status.label(crate::i18n::lang())}</dd>
            {field(t!("signals-case-uin"), r.uin.clone())}
            <dt>{t!("signals-received")}</dt>
            <dd>{t!("signals-on-date", date = date_bg(r.received))}</dd>
            <dt>{t!("signals-channel")}</dt>
            <dd>{r.channel.label(crate::i18n::lang())} {oral}</dd>
            <dt>{t!("signals-case-reporter")}</dt>
            <dd>
                {if r.anonymous {
                    t!("signals-anonymous")
                } else if d.has_reporter {
                    t!("signals-case-reporter-sealed")
                } else {
                    t!("signals-case-reporter-none")
                }}
            </dd>
            <dt>{t!("signals-category")}</dt>
            <dd>{r.category.label(crate::i18n::lang())}</dd>
            {field(t!("signals-regime"), r.regime.map(|g| g.label(crate::i18n::lang()).to_owned()))}
            {field(t!("signals-unit"), r.unit.clone())}
            {field(t!("signals-activity"), r.activity.clone())}
            {field(t!("signals-assigned-to"), r.assigned_to.as_ref().map(ToString::to_string))}
            <dt>{t!("signals-acknowledgment")}</dt>
            <dd id="signal-ack-clock"><StepClock step=r.acknowledgment /></dd>
            <dt>{t!("signals-feedback")}</dt>
            <dd id="signal-feedback-clock">{feedback}</dd>
            {field(t!("signals-case-forwarded-to"), r.forwarded_to.clone())}
            {field(
                t!("signals-case-closed"),
                r.closed.map(|c| {
                    t!("signals-closed-on", date = date_bg(c.on), outcome = c.outcome.label(crate::i18n::lang()))
                }),
            )}
            {field(
                t!("signals-case-retention"),
                r.retention_until.map(|d| t!("signals-on-date", date = date_bg(d))),
            )}
        </dl>
        <h2>{t!("signals-description")}</h2>
        {account}
        <h3>{t!("signals-case-attachments")}</h3>
        {attachments}
        {links}
        {risks}
    }
}

/// The sealed identities: opened only after the officer confirms, since every opening is
/// itself recorded in the log.
#[component]
fn IdentityPanel(ctx: CaseCtx) -> impl IntoView {
    let asking = RwSignal::new(false);
    let form = use_submit_explained(error_text);
    let shown = RwSignal::new(None::<SignalIdentity>);
    let sealed = move || {
        ctx.detail
            .with(|d| !d.row.key_destroyed && (d.has_reporter || d.has_concerned))
    };
    let open = move |_| {
        let id = ctx.id.get_value();
        let call = async move {
            let identity = api::signals::identity(&id).await?;
            // The opening is a new event of the case: its history and version change. Not
            // reading them now only leaves the page a step behind, so that is not a failure.
            let _ = ctx.reload().await;
            Ok(identity)
        };
        form.send(call, move |identity| {
            shown.try_set(Some(identity));
            asking.try_set(false);
        });
    };
    let identity = move || {
        shown.get().map(|i| {
            let reporter = i.reporter.map_or_else(
                || {
                    view! {
                        <dt>{t!("signals-case-reporter")}</dt>
                        <dd>{t!("signals-case-reporter-none")}</dd>
                    }
                    .into_any()
                },
                |r| {
                    view! {
                        <dt>{t!("signals-case-reporter")}</dt>
                        <dd id="identity-reporter-name">{r.name}</dd>
                        <dt>{t!("signals-identity-contact")}</dt>
                        <dd id="identity-reporter-contact">{r.contact}</dd>
                    }
                    .into_any()
                },
            );
            view! {
                <dl id="signal-identity" class="fields">
                    {reporter}
                    <dt>{t!("signals-identity-concerned")}</dt>
                    <dd id="identity-concerned">
                        {i.concerned.unwrap_or_else(|| t!("signals-identity-concerned-none"))}
                    </dd>
                </dl>
                <button type="button" id="identity-hide" class="button" on:click=move |_| shown.set(None)>
                    {t!("signals-identity-hide")}
                </button>
            }
        })
    };
    view! {
        <section aria-labelledby="identity-heading" class="signal-identity">
            <h2 id="identity-heading">{t!("signals-identity-heading")}</h2>
            <Show
                when=sealed
                fallback=|| view! { <p class="muted">{t!("signals-identity-none")}</p> }
            >
                <Show
                    when=move || shown.with(Option::is_some)
                    fallback=move || {
                        view! {
                            <p class="muted">
                                {t!("signals-identity-sealed")}
                            </p>
                            <Show
                                when=move || asking.get()
                                fallback=move || {
                                    view! {
                                        <button type="button" id="identity-ask" class="button" on:click=move |_| asking.set(true)>
                                            {t!("signals-identity-ask")}
                                        </button>
                                    }
                                }
                            >
                                <div id="identity-confirm" class="notice notice--warn" role="alert">
                                    <p>
                                        {t!("signals-identity-warning")}
                                    </p>
                                    <div class="form-actions">
                                        <button type="button" id="identity-open" class="button button--primary" disabled=form.busy() on:click=open>
                                            {t!("signals-identity-open")}
                                        </button>
                                        <button type="button" id="identity-cancel" class="button" on:click=move |_| asking.set(false)>
                                            {t!("signals-identity-cancel")}
                                        </button>
                                    </div>
                                </div>
                            </Show>
                        }
                    }
                >
                    {identity}
                </Show>
            </Show>
            <FormError id="identity-error" error=form.error() />
        </section>
    }
}

/// The case's history, oldest first.
#[component]
fn History(detail: SignalDetail) -> impl IntoView {
    let items = detail
        .history
        .into_iter()
        .map(|s| {
            view! {
                <li data-event-type=s.event_type.clone() data-position=s.position.to_string()>
                    <p>
                        <strong>{s.summary}</strong>
                        <span class="muted small">
                            " · "
                            {let actor = s.actor.clone(); move || use_people().name(&actor)}
                            " · "
                            <time datetime=utc_exact(s.at) title=event_type_text(&s.event_type)>
                                {date_time(s.at)}
                            </time>
                        </span>
                    </p>
                    {s.text.map(|t| view! { <p class="pre-line">{t}</p> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="history-heading">
            <h2 id="history-heading">{t!("signals-case-history")}</h2>
            <ol id="signal-history" class="row-list">{items}</ol>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signal_ids_are_uuids() {
        assert!(is_signal_id("0f3a8c1e-6a1b-4b8e-9d2a-1c3e5f7a9b0d"));
        assert!(!is_signal_id("0f3a8c1e6a1b4b8e9d2a1c3e5f7a9b0d"));
        assert!(!is_signal_id("BLG01-2026-0001"));
        assert!(!is_signal_id("0f3a8c1e-6a1b-4b8e-9d2a-1c3e5f7a9b0g"));
        assert!(!is_signal_id(""));
    }

    #[test]
    fn days_are_parsed_or_explained() {
        assert_eq!(
            parse_day(" 2026-03-02 "),
            Ok(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
        );
        assert!(parse_day("02.03.2026").is_err());
    }
}
