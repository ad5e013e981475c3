//! `/reminders`: what waits for the user's action, the bell in the header that leads here, and
//! the user's choice of e-mail about it.

use crate::api::{self, ApiError};
use crate::components::{Loaded, set_title};
use crate::form::{InputField, NoticeView, SubmitButton, use_submit};
use crate::format::date_bg;
use antikor_shared::notifications::{
    Delivery, MAX_EMAIL_LEN, NotificationSettings, email_is_valid,
};
use antikor_shared::reminders::{Reminder, ReminderTarget, Reminders};
use antikor_shared::wire::code;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

/// Where a reminder is dealt with in the app.
pub(crate) fn reminder_href(target: &ReminderTarget) -> String {
    match target {
        ReminderTarget::Signal { id } => format!("/signals/{id}"),
        // The dashboard holds the form that reports on each measure.
        ReminderTarget::Measure { year, .. } => format!("/dashboard?year={year}"),
        ReminderTarget::Activity { .. } => "/activities?kind=contested_act".to_owned(),
        ReminderTarget::Risk { id } => format!("/risks/{id}"),
        ReminderTarget::Survey { year } => format!("/survey?year={year}"),
    }
}

/// "Просрочено от 01.12.2026" or "до 05.12.2026".
pub(crate) fn reminder_when(r: &Reminder) -> String {
    if r.overdue {
        t!("shell-reminder-overdue", date = date_bg(r.due))
    } else {
        t!("shell-reminder-due", date = date_bg(r.due))
    }
}

/// What the bell says to a screen reader and on hover.
fn bell_label(r: &Reminders) -> String {
    match (r.total, r.overdue) {
        (0, _) => t!("shell-reminders-bell-none"),
        (n, 0) => t!("shell-reminders-bell", count = n),
        (n, o) => t!("shell-reminders-bell-overdue", count = n, overdue = o),
    }
}

/// The bell in the header: how many things wait, asked again at every change of page (a
/// reminder dealt with on one page leaves the count on the next).
#[component]
pub fn ReminderBell() -> impl IntoView {
    let location = use_location();
    let reminders = LocalResource::new(move || {
        location.pathname.track();
        api::reminders()
    });
    move || {
        // Nothing while it loads or when the server cannot say: a bell is no error page.
        let r = reminders.get().and_then(Result::ok)?;
        let label = bell_label(&r);
        let class = if r.overdue > 0 {
            "reminder-bell reminder-bell--overdue"
        } else {
            "reminder-bell"
        };
        Some(view! {
            <A href="/reminders" attr:id="reminder-bell" attr:class=class attr:title=label.clone() attr:aria-label=label attr:data-total=r.total.to_string()>
                <svg class="reminder-bell__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                    <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
                </svg>
                {(r.total > 0).then(|| view! { <span class="reminder-bell__count">{r.total}</span> })}
            </A>
        })
    }
}

/// `/reminders`.
#[component]
pub fn RemindersPage() -> impl IntoView {
    set_title(&t!("shell-reminders-title"));
    let reminders = LocalResource::new(api::reminders);
    let retry = Callback::new(move |()| reminders.refetch());
    let list = move || {
        Suspend::new(async move {
            let r = reminders.await?;
            if r.items.is_empty() {
                return Ok::<_, ApiError>(
                    view! { <p id="reminders-none" class="muted">{t!("shell-reminders-empty")}</p> }
                        .into_any(),
                );
            }
            let more = (r.total > r.items.len() as u64).then(|| {
                view! {
                    <p class="muted">
                        {t!("shell-reminders-first", shown = r.items.len(), total = r.total)}
                    </p>
                }
            });
            let items = r
                .items
                .into_iter()
                .map(|item| {
                    let badge = if item.overdue {
                        "badge badge--warn"
                    } else {
                        "badge badge--soon"
                    };
                    let (due, target) = (reminder_when(&item), reminder_href(&item.target));
                    view! {
                        <li data-kind=code(item.kind) data-overdue=item.overdue.to_string()>
                            <span class="muted small">{item.kind.label(crate::i18n::lang())}</span>
                            " "
                            <A href=target>{item.subject}</A>
                            " "
                            <span class=badge>{due}</span>
                        </li>
                    }
                })
                .collect_view();
            Ok(view! {
                <ul id="reminders" class="row-list">{items}</ul>
                {more}
            }
            .into_any())
        })
    };
    view! {
        <h1>{t!("shell-reminders-title")}</h1>
        <p class="muted">{t!("shell-reminders-intro")}</p>
        <Loaded retry>{list}</Loaded>
        <EmailChoice />
    }
}

/// The address typed, ready to send: trimmed, required unless e-mail is off, and an address.
fn checked_settings(email: &str, delivery: Delivery) -> Result<NotificationSettings, String> {
    let email = email.trim();
    if email.is_empty() {
        if delivery != Delivery::Off {
            return Err(t!("shell-email-missing"));
        }
    } else if !email_is_valid(email) {
        return Err(t!("shell-email-invalid", email = email));
    }
    Ok(NotificationSettings {
        email: (!email.is_empty()).then(|| email.to_owned()),
        delivery,
        mail_configured: false,
    })
}

/// The user's choice of e-mail about what waits.
#[component]
fn EmailChoice() -> impl IntoView {
    let settings = LocalResource::new(api::notification_settings);
    let email = RwSignal::new(String::new());
    let delivery = RwSignal::new(Delivery::Off);
    let configured = RwSignal::new(true);
    // What the server holds fills the form once it comes.
    Effect::new(move |_| {
        if let Some(Ok(s)) = settings.get() {
            email.set(s.email.unwrap_or_default());
            delivery.set(s.delivery);
            configured.set(s.mail_configured);
        }
    });
    let form = use_submit();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        if !form.begin(&ev) {
            return;
        }
        let body = match checked_settings(&email.get_untracked(), delivery.get_untracked()) {
            Ok(body) => body,
            Err(text) => return form.fail(text),
        };
        form.send(
            async move { api::choose_notifications(&body).await },
            move |_| form.succeed(t!("shell-email-saved")),
        );
    };
    let choices = Delivery::ALL
        .into_iter()
        .map(|d| {
            let id = format!("delivery-{}", code(d));
            view! {
                <label>
                    <input
                        type="radio"
                        id=id
                        name="delivery"
                        value=code(d)
                        prop:checked=move || delivery.get() == d
                        on:change=move |_| delivery.set(d)
                    />
                    " "
                    {d.label(crate::i18n::lang())}
                </label>
            }
        })
        .collect_view();
    view! {
        <h2 id="email-heading">{t!("shell-email-heading")}</h2>
        <form id="notifications-form" class="form-card" on:submit=submit novalidate>
            <p class="muted">{t!("shell-email-intro")}</p>
            <Show when=move || !configured.get()>
                <p id="mail-not-configured" class="muted">{t!("shell-email-not-configured")}</p>
            </Show>
            <InputField id="notifications-email" label=t!("shell-email-address") kind="email" value=email maxlength=MAX_EMAIL_LEN autocomplete="email" />
            <fieldset>
                <legend>{t!("shell-email-how-often")}</legend>
                <div class="field field--check">{choices}</div>
            </fieldset>
            <NoticeView id="notifications-result" notice=form.outcome() />
            <SubmitButton id="notifications-submit" form text=t!("shell-email-submit") />
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn reminders(total: u64, overdue: u64) -> Reminders {
        Reminders {
            today: NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
            total,
            overdue,
            items: Vec::new(),
        }
    }

    #[test]
    fn the_bell_says_how_many_wait_and_how_many_are_late_in_bulgarian() {
        assert_eq!(bell_label(&reminders(0, 0)), "Няма напомняния");
        assert_eq!(bell_label(&reminders(1, 0)), "1 напомняне");
        assert_eq!(bell_label(&reminders(1, 1)), "1 напомняне, просрочено");
        assert_eq!(bell_label(&reminders(3, 0)), "3 напомняния");
        assert_eq!(
            bell_label(&reminders(5, 2)),
            "5 напомняния, 2 от тях просрочени"
        );
    }

    #[test]
    fn an_address_is_needed_for_e_mail_and_must_be_one() {
        assert_eq!(checked_settings("  ", Delivery::Off).unwrap().email, None);
        assert!(checked_settings("", Delivery::Digest).is_err());
        assert!(checked_settings("ivanova@", Delivery::Immediate).is_err());
        let s = checked_settings(" ivanova@bansko.bg ", Delivery::Digest).unwrap();
        assert_eq!(s.email.as_deref(), Some("ivanova@bansko.bg"));
    }

    #[test]
    fn each_reminder_leads_where_it_is_dealt_with() {
        let signal = ReminderTarget::Signal {
            id: Default::default(),
        };
        assert_eq!(
            reminder_href(&signal),
            "/signals/00000000-0000-0000-0000-000000000000"
        );
        let measure = ReminderTarget::Measure {
            year: 2026,
            key: "I.1".into(),
        };
        assert_eq!(reminder_href(&measure), "/dashboard?year=2026");
        let survey = ReminderTarget::Survey { year: 2026 };
        assert_eq!(reminder_href(&survey), "/survey?year=2026");
    }
}
