//! `/signals`: the institution's register of signals for its officers, with the statutory clocks and due filters.

use super::StepClock;
use crate::api::{self, ApiError, Page};
use crate::components::{Loaded, set_title};
use crate::format::{date_bg, href_with_query};
use crate::pages::reminders::{reminder_href, reminder_when};
use crate::paging::{Paged, PagedList};
use antikor_shared::reminders::{Reminder, ReminderKind};
use antikor_shared::signal::{Clock, SignalRow, SignalStatus};
use antikor_shared::wire::{code, from_code};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

/// Which rows the register shows by their clocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// Every row.
    All,
    /// A step's deadline has passed.
    Overdue,
    /// A step is due within days.
    Soon,
}

impl Due {
    /// The address value.
    pub fn code(self) -> Option<&'static str> {
        match self {
            Self::All => None,
            Self::Overdue => Some("overdue"),
            Self::Soon => Some("soon"),
        }
    }

    /// The filter an address value asks for; anything else shows every row.
    pub fn parse(value: Option<&str>) -> Self {
        match value {
            Some("overdue") => Self::Overdue,
            Some("soon") => Self::Soon,
            _ => Self::All,
        }
    }

    /// Whether a row passes: the acknowledgment's or the feedback's clock is in this state.
    pub fn admits(self, row: &SignalRow) -> bool {
        let wanted = match self {
            Self::All => return true,
            Self::Overdue => Clock::Overdue,
            Self::Soon => Clock::DueSoon,
        };
        row.acknowledgment.clock == wanted || row.feedback.is_some_and(|f| f.clock == wanted)
    }
}

/// `/signals?status=&due=`.
#[component]
pub fn SignalsPage() -> impl IntoView {
    set_title(&t!("signals-register-title"));
    let query = use_query_map();
    let navigate = use_navigate();
    let status = Memo::new(move |_| {
        query.with(|q| q.get("status").and_then(|s| from_code::<SignalStatus>(&s)))
    });
    let due = Memo::new(move |_| query.with(|q| Due::parse(q.get("due").as_deref())));
    let list = Paged::new(
        move || Ok::<_, ApiError>((status.get(), due.get())),
        |(status, due): (Option<SignalStatus>, Due), page| async move {
            let status = status.map(code);
            if due == Due::All {
                return api::signals::register(status.as_deref(), &page).await;
            }
            // The server does not filter by the clocks: the whole register (of the status) is
            // read and filtered here, and shown as one page.
            let rows: Vec<SignalRow> = api::signals::register_all(status.as_deref())
                .await?
                .into_iter()
                .filter(|r| due.admits(r))
                .collect();
            Ok(Page {
                total: u64::try_from(rows.len()).unwrap_or(u64::MAX),
                items: rows,
                next: None,
            })
        },
    );
    let go = move |status: Option<SignalStatus>, due: Due| {
        let href = href_with_query(
            "/signals",
            [
                ("status", status.map(code)),
                ("due", due.code().map(str::to_owned)),
            ],
        );
        navigate(&href, NavigateOptions::default());
    };
    let on_status = {
        let go = go.clone();
        move |ev: leptos::ev::Event| {
            go(from_code(&event_target_value(&ev)), due.get_untracked());
        }
    };
    let on_due = move |ev: leptos::ev::Event| {
        go(
            status.get_untracked(),
            Due::parse(Some(event_target_value(&ev).as_str())),
        );
    };
    let status_options = SignalStatus::ALL
        .into_iter()
        .map(|s| {
            view! {
                <option value=code(s) prop:selected=move || status.get() == Some(s)>
                    {s.label(crate::i18n::lang())}
                </option>
            }
        })
        .collect_view();
    view! {
        <h1>{t!("signals-register-title")}</h1>
        <p class="lead">
            {t!("signals-register-lead")}
        </p>
        <div class="table-tools">
            <p>
                <A href="/signals/new">{t!("signals-register-new")}</A>
                " · "
                <A href="/signals/analysis">{t!("signals-register-analysis")}</A>
                " · "
                <a id="signals-register-csv" href=api::signals::REGISTER_CSV download="">
                    {t!("signals-register-csv")}
                </a>
            </p>
        </div>
        <div class="filters">
            <div class="field">
                <label for="signals-status">{t!("signals-status")}</label>
                <select id="signals-status" on:change=on_status>
                    <option value="" prop:selected=move || status.get().is_none()>
                        {t!("signals-register-all")}
                    </option>
                    {status_options}
                </select>
            </div>
            <div class="field">
                <label for="signals-due">{t!("signals-register-due")}</label>
                <select id="signals-due" on:change=on_due>
                    <option value="" prop:selected=move || due.get() == Due::All>{t!("signals-register-all")}</option>
                    <option value="overdue" prop:selected=move || due.get() == Due::Overdue>
                        {t!("signals-register-overdue")}
                    </option>
                    <option value="soon" prop:selected=move || due.get() == Due::Soon>
                        {t!("signals-register-due-soon")}
                    </option>
                </select>
            </div>
        </div>
        <PagedList list id="signals">
            <RegisterTable list />
        </PagedList>
    }
}

/// One signal's row of the register.
fn signal_row(r: SignalRow) -> impl IntoView {
    let href = format!("/signals/{}", r.id);
    let reference = r.reference.clone();
    let feedback = r.feedback.map_or_else(
        || {
            view! { <span class="muted">{t!("signals-register-after-acknowledgment")}</span> }
                .into_any()
        },
        |step| view! { <StepClock step /> }.into_any(),
    );
    let closed = r.closed.map(|c| {
        view! {
            <br />
            <span class="muted small">
                {t!(
                    "signals-closed-on",
                    date = date_bg(c.on),
                    outcome = c.outcome.label(crate::i18n::lang()).to_lowercase(),
                )}
            </span>
        }
    });
    view! {
        <tr
            class="signal-row"
            data-id=r.id.to_string()
            data-reference=r.reference.clone()
            data-status=code(r.status)
        >
            <th scope="row" class="nowrap">
                <A href=href>{reference}</A>
                {r.uin.clone().map(|u| view! { <br /><span class="muted small">{t!("signals-uin-value", uin = u)}</span> })}
            </th>
            <td class="nowrap">{date_bg(r.received)}</td>
            <td>
                {r.channel.label(crate::i18n::lang())}
                {r.anonymous.then(|| view! { <br /><span class="muted small">{t!("signals-anonymous")}</span> })}
            </td>
            <td>
                {r.category.label(crate::i18n::lang())}
                {r.regime.map(|g| view! { <br /><span class="muted small">{g.label(crate::i18n::lang())}</span> })}
            </td>
            <td class="signal-status">
                {r.status.label(crate::i18n::lang())}
                {closed}
            </td>
            <td>{r.assigned_to.as_ref().map(ToString::to_string)}</td>
            <td class="signal-ack">
                <StepClock step=r.acknowledgment />
            </td>
            <td class="signal-feedback">{feedback}</td>
        </tr>
    }
}

/// The register's rows loaded, newest first as the server sends them.
#[component]
fn RegisterTable(list: Paged<SignalRow>) -> impl IntoView {
    let count = list.count();
    let total = list.total();
    let empty = Memo::new(move |_| count.get() == 0);
    view! {
        <Show
            when=move || !empty.get()
            fallback=|| view! { <p id="signals-empty" class="muted">{t!("signals-register-empty")}</p> }
        >
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="signals-table-caption">
                <table id="signals-table" class="data-table" data-count=move || count.get().to_string()>
                    <caption id="signals-table-caption">{move || t!("signals-register-caption", count = total.get())}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!("signals-register-number")}</th>
                            <th scope="col">{t!("signals-received")}</th>
                            <th scope="col">{t!("signals-channel")}</th>
                            <th scope="col">{t!("signals-register-category-regime")}</th>
                            <th scope="col">{t!("signals-status")}</th>
                            <th scope="col">{t!("signals-assigned-to")}</th>
                            // The clocks' names break before their terms, so that the whole
                            // register fits a 1366 px screen without scrolling.
                            <th scope="col">{t!("signals-acknowledgment")} <br /> {t!("signals-register-acknowledgment-term")}</th>
                            <th scope="col">{t!("signals-feedback")} <br /> {t!("signals-register-feedback-term")}</th>
                        </tr>
                    </thead>
                    <tbody>{list.rows(signal_row)}</tbody>
                </table>
            </div>
        </Show>
    }
}

/// For the officers' dashboard: the signals whose acknowledgment or feedback the reminders name
/// (see `/reminders`: due within days, or overdue), each linking to its case. The server picks
/// them, reading only the register's oldest open signals.
#[component]
pub fn SignalsDue() -> impl IntoView {
    let reminders = LocalResource::new(api::reminders);
    let retry = Callback::new(move |()| reminders.refetch());
    let list = move || {
        Suspend::new(async move {
            let due: Vec<Reminder> = reminders
                .await?
                .items
                .into_iter()
                .filter(|r| matches!(r.kind, ReminderKind::Acknowledge | ReminderKind::Feedback))
                .collect();
            if due.is_empty() {
                return Ok::<_, ApiError>(
                    view! { <p id="signals-due" class="muted">{t!("signals-due-none")}</p> }
                        .into_any(),
                );
            }
            let items = due
                .into_iter()
                .map(|r| {
                    let (target, when) = (reminder_href(&r.target), reminder_when(&r));
                    let badge = if r.overdue {
                        "badge badge--warn"
                    } else {
                        "badge badge--soon"
                    };
                    view! {
                        <li data-kind=code(r.kind) data-overdue=r.overdue.to_string()>
                            <A href=target>{r.subject}</A>
                            <span class="muted small">{format!(" · {} ", r.kind.label(crate::i18n::lang()))}</span>
                            <span class=badge>{when}</span>
                        </li>
                    }
                })
                .collect_view();
            Ok(view! { <ul id="signals-due" class="row-list">{items}</ul> }.into_any())
        })
    };
    view! {
        <section aria-labelledby="signals-due-heading">
            <h2 id="signals-due-heading">{t!("signals-due-heading")}</h2>
            <Loaded retry>{list}</Loaded>
            <p>
                <A href="/signals">{t!("signals-register-title")}</A>
            </p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use antikor_shared::signal::{Category, Channel, StatutoryStep};
    use chrono::NaiveDate;

    fn row(ack: Clock, feedback: Option<Clock>) -> SignalRow {
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let step = |clock| StatutoryStep {
            due: day,
            done: None,
            clock,
        };
        SignalRow {
            // The id's type is inferred, so the test needs no direct dependency on its crate.
            id: serde_json::from_value(serde_json::json!("0f3a8c1e-6a1b-4b8e-9d2a-1c3e5f7a9b0d"))
                .unwrap(),
            reference: "BLG01-2026-0001".into(),
            received: day,
            channel: Channel::WebForm,
            anonymous: true,
            category: Category::Bribery,
            regime: None,
            unit: None,
            activity: None,
            status: SignalStatus::Received,
            assigned_to: None,
            uin: None,
            acknowledgment: step(ack),
            feedback: feedback.map(step),
            forwarded_to: None,
            closed: None,
            retention_until: None,
            key_destroyed: false,
            version: 1,
        }
    }

    #[test]
    fn due_filters_look_at_both_clocks() {
        let late_ack = row(Clock::Overdue, None);
        let soon_feedback = row(Clock::Met, Some(Clock::DueSoon));
        let calm = row(Clock::Met, Some(Clock::Running));
        assert!(Due::Overdue.admits(&late_ack));
        assert!(!Due::Overdue.admits(&soon_feedback));
        assert!(Due::Soon.admits(&soon_feedback));
        assert!(!Due::Soon.admits(&calm));
        assert!(Due::All.admits(&calm));
        assert_eq!(Due::parse(Some("overdue")), Due::Overdue);
        assert_eq!(Due::parse(Some("whatever")), Due::All);
        assert_eq!(Due::parse(Due::Soon.code()), Due::Soon);
    }
}
