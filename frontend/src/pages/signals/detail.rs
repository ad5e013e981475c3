//! `/signals/{id}`: one signal's case for its officers: the account, the clocks, the sealed identities, the history and the forms of every step.

use super::{ListChoice, StepClock, error_text, intake_lists, optional, size_text};
use crate::api::{self, ApiError};
use crate::components::{Loaded, set_title};
use crate::controls::today;
use crate::form::FormError;
use crate::format::{date_bg, date_time, event_type_text, utc_exact};
use crate::session::{Session, use_session};
use crate::wire::{code, from_code};
use antikor_shared::Username;
use antikor_shared::signal::{
    Acknowledge, Assign, Category, Channel, Classify, Close, Forward, Link, Outcome, Regime,
    SignalDetail, SignalIdentity, SignalNote,
};
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use serde::Serialize;

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
        .map_err(|_| "Въведете дата във вида ГГГГ-ММ-ДД.".to_owned())
}

/// `/signals/{id}`.
#[component]
pub fn SignalPage() -> impl IntoView {
    set_title("Сигнал");
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).unwrap_or_default());
    let detail = LocalResource::new(move || {
        let id = id.get();
        async move {
            if !is_signal_id(&id) {
                return Err(ApiError::Invalid(
                    "Адресът не съдържа валиден номер на сигнал.".to_owned(),
                ));
            }
            api::signals::detail(&id).await
        }
    });
    let retry = Callback::new(move |()| detail.refetch());
    let body = move || {
        Suspend::new(async move {
            let d = detail.await?;
            set_title(&format!("Сигнал {}", d.row.reference));
            Ok::<_, ApiError>(view! { <Case initial=d /> })
        })
    };
    view! {
        <p class="breadcrumb">
            <A href="/signals">"Регистър на сигналите"</A>
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

/// A step form's own state: sending, its error, what it saved.
#[derive(Clone, Copy)]
struct FormState {
    busy: RwSignal<bool>,
    error: RwSignal<Option<String>>,
    saved: RwSignal<Option<&'static str>>,
}

impl FormState {
    fn new() -> Self {
        Self {
            busy: RwSignal::new(false),
            error: RwSignal::new(None),
            saved: RwSignal::new(None),
        }
    }

    fn fail(&self, text: impl Into<String>) {
        self.saved.set(None);
        self.error.set(Some(text.into()));
    }
}

impl CaseCtx {
    /// The version this page shows: a step sent against it fails if someone changed the case.
    fn version(&self) -> u64 {
        self.detail.with_untracked(|d| d.row.version)
    }

    /// Sends one step; on success the page shows the case as the server now has it.
    fn send<B: Serialize + 'static>(
        &self,
        step: &'static str,
        body: B,
        state: FormState,
        saved: &'static str,
        on_saved: impl FnOnce() + 'static,
    ) {
        if state.busy.get_untracked() {
            return;
        }
        let ctx = *self;
        let id = self.id.get_value();
        state.busy.set(true);
        state.error.set(None);
        state.saved.set(None);
        spawn_local(async move {
            match api::signals::step(&id, step, &body).await {
                Ok(fresh) => {
                    ctx.detail.try_set(fresh);
                    state.saved.try_set(Some(saved));
                    on_saved();
                }
                Err(e) if e.is_conflict() => {
                    // Someone changed the case meanwhile: show it as it is now, keep what this
                    // officer typed, and let them decide whether to send it again.
                    let reloaded = api::signals::detail(&id).await;
                    let note = match reloaded {
                        Ok(fresh) => {
                            ctx.detail.try_set(fresh);
                            "Сигналът по-горе е презареден; въведеното във формуляра е запазено."
                        }
                        Err(_) => "Презаредете страницата.",
                    };
                    state.error.try_set(Some(format!("{e} {note}")));
                }
                Err(e) => {
                    state.error.try_set(Some(error_text(&e)));
                }
            }
            state.busy.try_set(false);
        });
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
    let overview = move || detail.with(|d| view! { <Overview detail=d.clone() /> });
    let history = move || detail.with(|d| view! { <History detail=d.clone() /> });
    view! {
        {overview}
        <IdentityPanel ctx />
        <section aria-labelledby="steps-heading" class="signal-steps">
            <h2 id="steps-heading">"Действия по сигнала"</h2>
            <Show
                when=open
                fallback=|| view! { <p class="muted">"Сигналът е приключен: по него не се вписват нови действия."</p> }
            >
                <Show when=pending_ack>
                    <AcknowledgeForm ctx />
                </Show>
                <AssignForm ctx />
                <ClassifyForm ctx />
                <NoteForm ctx step="actions" title="Действие по проверката" dated=true label="Какво е направено" saved="Действието е записано." />
                <Show when=acknowledged>
                    <NoteForm ctx step="feedback" title="Обратна информация към подателя" dated=true label="Обратна информация (подателят я чете с кода си)" saved="Обратната информация е записана." />
                </Show>
                <Show when=with_code>
                    <NoteForm ctx step="messages" title="Съобщение до подателя" dated=false label="Съобщение (подателят го чете с кода си)" saved="Съобщението е изпратено." />
                </Show>
                <ForwardForm ctx />
                <LinkForm ctx />
                <CloseForm ctx />
            </Show>
        </section>
        {history}
    }
}

/// A labelled value of the overview, left out when there is none.
fn field(label: &'static str, value: Option<String>) -> Option<impl IntoView> {
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
    let oral = r
        .channel
        .is_oral()
        .then_some(match d.confirmed_by_reporter {
            Some(true) => " (записът е потвърден от подателя)",
            Some(false) => " (записът не е потвърден от подателя)",
            None => "",
        });
    let feedback = r.feedback.map_or_else(
        || view! { <span class="muted">"тече след потвърждението"</span> }.into_any(),
        |step| view! { <StepClock step /> }.into_any(),
    );
    let account = match d.account {
        Some(a) => view! {
            <dl id="signal-account" class="fields">
                <dt>"Какво"</dt>
                <dd class="pre-line">{a.what}</dd>
                <dt>"Къде"</dt>
                <dd>{a.place}</dd>
                <dt>"Кога"</dt>
                <dd>{a.when}</dd>
            </dl>
        }
        .into_any(),
        None => view! {
            <p id="signal-account" class="notice notice--info">
                "Срокът за съхранение е изтекъл и ключът на сигнала е унищожен: описанието, самоличността "
                "и приложенията вече не могат да бъдат прочетени."
            </p>
        }
        .into_any(),
    };
    let attachments = if d.attachments.is_empty() {
        view! { <p class="muted">"Няма приложения."</p> }.into_any()
    } else {
        let items = d
            .attachments
            .into_iter()
            .map(|a| {
                let name = a.name.clone().unwrap_or_else(|| format!("Приложение {}", a.number));
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
            <h3>"Свързани сигнали"</h3>
            <ul id="signal-links" class="row-list">{items}</ul>
        }
    });
    view! {
        <h1 id="signal-heading" data-status=code(r.status) data-version=r.version.to_string()>
            {format!("Сигнал {}", r.reference)}
        </h1>
        <dl id="signal-overview" class="fields">
            <dt>"Състояние"</dt>
            <dd id="signal-status">{r.status.label_bg()}</dd>
            {field("УИН", r.uin.clone())}
            <dt>"Получен"</dt>
            <dd>{format!("{} г.", date_bg(r.received))}</dd>
            <dt>"Канал"</dt>
            <dd>{r.channel.label_bg()} {oral}</dd>
            <dt>"Подател"</dt>
            <dd>
                {if r.anonymous { "анонимен" } else if d.has_reporter { "посочен (запечатан)" } else { "не е посочен" }}
            </dd>
            <dt>"Вид"</dt>
            <dd>{r.category.label_bg()}</dd>
            {field("Режим", r.regime.map(|g| g.label_bg().to_owned()))}
            {field("Звено", r.unit.clone())}
            {field("Дейност", r.activity.clone())}
            {field("Отговорник", r.assigned_to.as_ref().map(ToString::to_string))}
            <dt>"Потвърждение"</dt>
            <dd id="signal-ack-clock"><StepClock step=r.acknowledgment /></dd>
            <dt>"Обратна информация"</dt>
            <dd id="signal-feedback-clock">{feedback}</dd>
            {field("Препратен до", r.forwarded_to.clone())}
            {field(
                "Приключен",
                r.closed.map(|c| format!("{} г., {}", date_bg(c.on), c.outcome.label_bg())),
            )}
            {field(
                "Личните данни се пазят до",
                r.retention_until.map(|d| format!("{} г.", date_bg(d))),
            )}
        </dl>
        <h2>"Описание"</h2>
        {account}
        <h3>"Приложения"</h3>
        {attachments}
        {links}
    }
}

/// The sealed identities: opened only after the officer confirms, since every opening is
/// itself recorded in the log.
#[component]
fn IdentityPanel(ctx: CaseCtx) -> impl IntoView {
    let asking = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let shown = RwSignal::new(None::<SignalIdentity>);
    let error = RwSignal::new(None::<String>);
    let sealed = move || {
        ctx.detail
            .with(|d| !d.row.key_destroyed && (d.has_reporter || d.has_concerned))
    };
    let open = move |_| {
        if busy.get_untracked() {
            return;
        }
        let id = ctx.id.get_value();
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match api::signals::identity(&id).await {
                Ok(identity) => {
                    shown.try_set(Some(identity));
                    asking.try_set(false);
                    // The opening is a new event of the case: its history and version change.
                    if let Ok(fresh) = api::signals::detail(&id).await {
                        ctx.detail.try_set(fresh);
                    }
                }
                Err(e) => {
                    error.try_set(Some(error_text(&e)));
                }
            }
            busy.try_set(false);
        });
    };
    let identity = move || {
        shown.get().map(|i| {
            let reporter = i.reporter.map_or_else(
                || view! { <dt>"Подател"</dt><dd>"не е посочен"</dd> }.into_any(),
                |r| {
                    view! {
                        <dt>"Подател"</dt>
                        <dd id="identity-reporter-name">{r.name}</dd>
                        <dt>"Връзка"</dt>
                        <dd id="identity-reporter-contact">{r.contact}</dd>
                    }
                    .into_any()
                },
            );
            view! {
                <dl id="signal-identity" class="fields">
                    {reporter}
                    <dt>"Засегнато лице"</dt>
                    <dd id="identity-concerned">{i.concerned.unwrap_or_else(|| "не е посочено".to_owned())}</dd>
                </dl>
                <button type="button" id="identity-hide" class="button" on:click=move |_| shown.set(None)>
                    "Скрий"
                </button>
            }
        })
    };
    view! {
        <section aria-labelledby="identity-heading" class="signal-identity">
            <h2 id="identity-heading">"Самоличност"</h2>
            <Show
                when=sealed
                fallback=|| view! { <p class="muted">"Няма запечатани лични данни за отваряне."</p> }
            >
                <Show
                    when=move || shown.with(Option::is_some)
                    fallback=move || {
                        view! {
                            <p class="muted">
                                "Името и връзката с подателя и засегнатото лице са запечатани."
                            </p>
                            <Show
                                when=move || asking.get()
                                fallback=move || {
                                    view! {
                                        <button type="button" id="identity-ask" class="button" on:click=move |_| asking.set(true)>
                                            "Покажи самоличността"
                                        </button>
                                    }
                                }
                            >
                                <div id="identity-confirm" class="notice notice--warn" role="alert">
                                    <p>
                                        "Отварянето на самоличността се записва в дневника. "
                                        "Отваряйте я само когато проверката го изисква."
                                    </p>
                                    <div class="form-actions">
                                        <button type="button" id="identity-open" class="button button--primary" disabled=busy on:click=open>
                                            "Покажи и запиши"
                                        </button>
                                        <button type="button" id="identity-cancel" class="button" on:click=move |_| asking.set(false)>
                                            "Откажи"
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
            <FormError id="identity-error" error />
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
                            {s.actor}
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
            <h2 id="history-heading">"История"</h2>
            <ol id="signal-history" class="row-list">{items}</ol>
        </section>
    }
}

/// A step form in a disclosure: its fields, what went wrong or what it saved, its button.
#[component]
fn StepForm(
    /// The disclosure's id.
    id: &'static str,
    /// The id of its error alert.
    error_id: &'static str,
    /// Its summary line.
    title: &'static str,
    /// Whether it starts open.
    #[prop(optional)]
    open: bool,
    state: FormState,
    on_submit: Callback<()>,
    /// The button's text.
    button: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <details class="step-form" id=id open=open>
            <summary>{title}</summary>
            <form
                class="action-form"
                on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    on_submit.run(());
                }
                novalidate
            >
                {children()}
                <FormError id=error_id error=state.error />
                {move || {
                    state
                        .saved
                        .get()
                        .map(|t| view! { <p class="notice notice--ok step-saved" role="status">{t}</p> })
                }}
                <div class="form-actions">
                    <button type="submit" class="button button--primary step-submit" disabled=state.busy>
                        {button}
                    </button>
                </div>
            </form>
        </details>
    }
}

/// A labelled input bound to `value`.
fn input(
    id: &'static str,
    label: &'static str,
    kind: &'static str,
    value: RwSignal<String>,
) -> impl IntoView {
    let max = (kind == "date").then(|| today().to_string());
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type=kind max=max bind:value=value />
        </div>
    }
}

/// A labelled text area bound to `value`.
fn text_area(
    id: &'static str,
    label: &'static str,
    max: u32,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="field field--wide">
            <label for=id>{label}</label>
            <textarea id=id rows="4" maxlength=max.to_string() bind:value=value></textarea>
        </div>
    }
}

/// Confirming receipt to the reporter, with the УИН for whistleblower-law signals.
#[component]
fn AcknowledgeForm(ctx: CaseCtx) -> impl IntoView {
    let state = FormState::new();
    let on = RwSignal::new(today().to_string());
    let uin = RwSignal::new(String::new());
    let message = RwSignal::new(
        "Потвърждаваме, че получихме сигнала ви. Ще ви уведомим за предприетите действия."
            .to_owned(),
    );
    let submit = Callback::new(move |()| {
        let day = match parse_day(&on.get_untracked()) {
            Ok(d) => d,
            Err(e) => return state.fail(e),
        };
        let body = Acknowledge {
            expected_version: ctx.version(),
            on: day,
            uin: optional(&uin.get_untracked()),
            message: optional(&message.get_untracked()),
        };
        ctx.send(
            "acknowledge",
            body,
            state,
            "Получаването е потвърдено.",
            || {},
        );
    });
    view! {
        <StepForm id="step-acknowledge" error_id="acknowledge-error" title="Потвърждаване на получаването" open=true state on_submit=submit button="Потвърди получаването">
            <div class="form-grid">
                {input("ack-on", "Дата на потвърждението", "date", on)}
                <div class="field">
                    <label for="ack-uin">"УИН от КЗЛД (по желание)"</label>
                    <input id="ack-uin" type="text" maxlength="40" bind:value=uin aria-describedby="ack-uin-help" />
                    <p id="ack-uin-help" class="field__help">
                        "За сигнали по Закона за защита на лицата, подаващи сигнали: номерът, издаден от Комисията за защита на личните данни."
                    </p>
                </div>
            </div>
            {text_area("ack-message", "Съобщение до подателя", 4000, message)}
        </StepForm>
    }
}

/// Making an officer of the institution responsible.
#[component]
fn AssignForm(ctx: CaseCtx) -> impl IntoView {
    let state = FormState::new();
    let own = ctx
        .session
        .user_untracked()
        .map(|u| u.username.to_string())
        .unwrap_or_default();
    let to = RwSignal::new(own);
    let submit = Callback::new(move |()| {
        let Ok(username) = Username::parse(to.get_untracked().trim()) else {
            return state.fail("Въведете потребителското име на служител от институцията.");
        };
        let body = Assign {
            expected_version: ctx.version(),
            to: username,
        };
        ctx.send("assign", body, state, "Отговорникът е записан.", || {});
    });
    view! {
        <StepForm id="step-assign" error_id="assign-error" title="Отговорен служител" state on_submit=submit button="Възложи">
            {input("assign-to", "Потребителско име на служителя", "text", to)}
        </StepForm>
    }
}

/// Deciding the regime and what the signal concerns.
#[component]
fn ClassifyForm(ctx: CaseCtx) -> impl IntoView {
    let state = FormState::new();
    let start = ctx.detail.with_untracked(|d| d.row.clone());
    let regime = RwSignal::new(start.regime.map(code).unwrap_or_default());
    let category = RwSignal::new(code(start.category));
    let unit = RwSignal::new(start.unit.unwrap_or_default());
    let activity = RwSignal::new(start.activity.unwrap_or_default());
    let own = use_session()
        .user_untracked()
        .map(|u| u.tenant.to_string())
        .unwrap_or_default();
    let (units, activities) = intake_lists(Signal::stored(own));
    let submit = Callback::new(move |()| {
        let Some(regime) = from_code::<Regime>(&regime.get_untracked()) else {
            return state.fail("Изберете режим.");
        };
        let Some(category) = from_code::<Category>(&category.get_untracked()) else {
            return state.fail("Изберете вид.");
        };
        let body = Classify {
            expected_version: ctx.version(),
            regime,
            category,
            unit: optional(&unit.get_untracked()),
            activity: optional(&activity.get_untracked()),
        };
        ctx.send("classify", body, state, "Класификацията е записана.", || {});
    });
    let regimes = Regime::ALL
        .into_iter()
        .map(|r| view! { <option value=code(r)>{r.label_bg()}</option> })
        .collect_view();
    let categories = Category::ALL
        .into_iter()
        .map(|c| view! { <option value=code(c)>{c.label_bg()}</option> })
        .collect_view();
    view! {
        <StepForm id="step-classify" error_id="classify-error" title="Класифициране" state on_submit=submit button="Запиши">
            <div class="form-grid">
                <div class="field">
                    <label for="classify-regime">"Режим"</label>
                    <select id="classify-regime" bind:value=regime>
                        <option value="">"Изберете…"</option>
                        {regimes}
                    </select>
                </div>
                <div class="field">
                    <label for="classify-category">"Вид"</label>
                    <select id="classify-category" bind:value=category>{categories}</select>
                </div>
                <ListChoice id="classify-unit".to_owned() label="Звено" value=unit choices=units
                    help="От списъка на институцията." />
                <ListChoice id="classify-activity".to_owned() label="Дейност" value=activity choices=activities
                    help="От списъка на институцията." />
            </div>
        </StepForm>
    }
}

/// A dated text (a follow-up action, the feedback) or a message to the reporter.
#[component]
fn NoteForm(
    ctx: CaseCtx,
    /// The route's last segment: `actions`, `feedback` or `messages`.
    step: &'static str,
    title: &'static str,
    /// Whether the note has a date (messages are dated when recorded).
    dated: bool,
    label: &'static str,
    saved: &'static str,
) -> impl IntoView {
    let state = FormState::new();
    let on = RwSignal::new(today().to_string());
    let text = RwSignal::new(String::new());
    let submit = Callback::new(move |()| {
        let day = if dated {
            match parse_day(&on.get_untracked()) {
                Ok(d) => Some(d),
                Err(e) => return state.fail(e),
            }
        } else {
            None
        };
        let Some(written) = optional(&text.get_untracked()) else {
            return state.fail("Напишете текста.");
        };
        let body = SignalNote {
            expected_version: ctx.version(),
            on: day,
            text: written,
        };
        ctx.send(step, body, state, saved, move || text.set(String::new()));
    });
    // Ids must be static; the three steps that share this form are spelled out.
    let (form_id, date_id, text_id, error_id, max) = match step {
        "actions" => (
            "step-actions",
            "actions-on",
            "actions-text",
            "actions-error",
            10_000,
        ),
        "feedback" => (
            "step-feedback",
            "feedback-on",
            "feedback-text",
            "feedback-error",
            10_000,
        ),
        _ => (
            "step-messages",
            "messages-on",
            "messages-text",
            "messages-error",
            4000,
        ),
    };
    view! {
        <StepForm id=form_id error_id title state on_submit=submit button="Запиши">
            {dated.then(|| input(date_id, "Дата", "date", on))}
            {text_area(text_id, label, max, text)}
        </StepForm>
    }
}

/// Forwarding by competence.
#[component]
fn ForwardForm(ctx: CaseCtx) -> impl IntoView {
    let state = FormState::new();
    let to = RwSignal::new(String::new());
    let number = RwSignal::new(String::new());
    let on = RwSignal::new(today().to_string());
    let submit = Callback::new(move |()| {
        let (Some(to), Some(number)) = (
            optional(&to.get_untracked()),
            optional(&number.get_untracked()),
        ) else {
            return state.fail("Посочете органа и изходящия номер.");
        };
        let day = match parse_day(&on.get_untracked()) {
            Ok(d) => d,
            Err(e) => return state.fail(e),
        };
        let body = Forward {
            expected_version: ctx.version(),
            to,
            outgoing_number: number,
            on: day,
        };
        ctx.send("forward", body, state, "Препращането е записано.", || {});
    });
    view! {
        <StepForm id="step-forward" error_id="forward-error" title="Препращане по компетентност" state on_submit=submit button="Запиши">
            <div class="form-grid">
                {input("forward-to", "До (орган)", "text", to)}
                {input("forward-number", "Изходящ номер", "text", number)}
                {input("forward-on", "Дата", "date", on)}
            </div>
        </StepForm>
    }
}

/// Closing the case, with its outcome and the reason.
#[component]
fn CloseForm(ctx: CaseCtx) -> impl IntoView {
    let state = FormState::new();
    let on = RwSignal::new(today().to_string());
    let outcome = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let submit = Callback::new(move |()| {
        let Some(outcome) = from_code::<Outcome>(&outcome.get_untracked()) else {
            return state.fail("Изберете резултата.");
        };
        let Some(reason) = optional(&reason.get_untracked()) else {
            return state.fail("Посочете мотивите.");
        };
        let day = match parse_day(&on.get_untracked()) {
            Ok(d) => d,
            Err(e) => return state.fail(e),
        };
        let body = Close {
            expected_version: ctx.version(),
            on: day,
            outcome,
            reason,
        };
        ctx.send("close", body, state, "Сигналът е приключен.", || {});
    });
    let outcomes = Outcome::ALL
        .into_iter()
        .map(|o| view! { <option value=code(o)>{o.label_bg()}</option> })
        .collect_view();
    view! {
        <StepForm id="step-close" error_id="close-error" title="Приключване" state on_submit=submit button="Приключи сигнала">
            <div class="form-grid">
                {input("close-on", "Дата", "date", on)}
                <div class="field">
                    <label for="close-outcome">"Резултат"</label>
                    <select id="close-outcome" bind:value=outcome>
                        <option value="">"Изберете…"</option>
                        {outcomes}
                    </select>
                </div>
            </div>
            {text_area("close-reason", "Мотиви", 10_000, reason)}
            <p class="field__help">
                "Срокът за съхранение на личните данни (5 години) тече от датата на приключване."
            </p>
        </StepForm>
    }
}

/// Linking a related signal of the institution by its number.
#[component]
fn LinkForm(ctx: CaseCtx) -> impl IntoView {
    let state = FormState::new();
    let reference = RwSignal::new(String::new());
    let submit = Callback::new(move |()| {
        let Some(other) = optional(&reference.get_untracked()) else {
            return state.fail("Въведете номера на свързания сигнал.");
        };
        let body = Link {
            expected_version: ctx.version(),
            reference: other,
        };
        ctx.send(
            "links",
            body,
            state,
            "Връзката е записана.",
            move || {
                reference.set(String::new());
            },
        );
    });
    view! {
        <StepForm id="step-links" error_id="links-error" title="Свързан сигнал" state on_submit=submit button="Свържи">
            {input("link-reference", "Номер на свързания сигнал", "text", reference)}
        </StepForm>
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
