//! The accounts table, its CSV, and each account's row with its action buttons.

use super::action::ActionForm;
use super::{ActionKind, Directory, Open, TenantEntry, tenant_kind, tenant_name};
use crate::access::grantable_roles;
use crate::csv::{Column, CsvSource, ExportTable, csv_rows, headings};
use crate::form::Notice;
use crate::format::{date_time, utc_exact};
use crate::pages::audit::Filters;
use crate::paging::Paged;
use antikor_shared::account::{Account, Role, SessionInfo};
use antikor_shared::streams;
use antikor_shared::wire::code;
use leptos::prelude::*;
use leptos_router::components::A;

/// An account's state as the table and the file word it.
fn state_text(account: &Account) -> String {
    if account.disabled {
        t!("admin-account-disabled")
    } else {
        t!("admin-account-active")
    }
}

/// The table's columns; the file leaves out the actions.
const COLUMNS: [Column<Account, [TenantEntry]>; 7] = [
    Column::both(
        || t!("admin-accounts-column-username"),
        |a, _| a.username.to_string(),
    ),
    Column::both(
        || t!("admin-accounts-column-name"),
        |a, _| a.display_name.clone(),
    ),
    Column::both(
        || t!("admin-accounts-column-institution"),
        |a, d| tenant_name(d, a.tenant.as_str()),
    ),
    Column::both(
        || t!("admin-accounts-column-role"),
        |a, _| a.role.label(crate::i18n::lang()).to_owned(),
    ),
    Column::both(|| t!("admin-accounts-column-state"), |a, _| state_text(a)),
    Column::both(
        || t!("admin-accounts-column-last-login"),
        |a, _| {
            a.last_login_at
                .map_or_else(|| t!("admin-account-never-logged-in"), date_time)
        },
    ),
    Column::page_only(|| t!("admin-accounts-column-actions")),
];

/// The accounts loaded, one row each, with the action form under the row it belongs to; the
/// file has every account of the filter.
#[component]
pub(super) fn AccountsTable(
    list: Paged<Account>,
    me: SessionInfo,
    admin: Option<Role>,
    directory: Directory,
    open: RwSignal<Open>,
    done: Callback<Notice>,
) -> impl IntoView {
    // Only administrators see the actions column.
    let columns = if admin.is_some() {
        &COLUMNS[..]
    } else {
        &COLUMNS[..COLUMNS.len() - 1]
    };
    let span = columns.len();
    let count = list.count();
    let csv = CsvSource::load(move || {
        let all = list.load_all();
        async move {
            let accounts = all.await?;
            Ok(directory
                .try_with_untracked(|d| csv_rows(&COLUMNS, &accounts, d))
                .unwrap_or_default())
        }
    });
    let rows = list.rows(move |account: Account| {
        let own = account.username == me.username;
        let account = RwSignal::new(account);
        view! { <AccountRow account own admin directory open done span /> }
    });
    view! {
        <ExportTable id="accounts-table" filename="profili.csv" rows=csv>
            <caption id="accounts-table-caption" class="visually-hidden">{t!("admin-accounts-caption")}</caption>
            <thead>
                <tr>{headings(columns)}</tr>
            </thead>
            <tbody>
                {rows}
                {move || (count.get() == 0)
                    .then(|| {
                        view! {
                            <tr class="empty-row">
                                <td colspan=span.to_string()>{t!("admin-accounts-empty")}</td>
                            </tr>
                        }
                    })}
            </tbody>
        </ExportTable>
    }
}

/// One account, its action buttons for administrators, and the open action form if it is this
/// account's. The account is a signal: a conflict reloads it in place, the form staying open.
#[component]
fn AccountRow(
    account: RwSignal<Account>,
    own: bool,
    admin: Option<Role>,
    directory: Directory,
    open: RwSignal<Open>,
    done: Callback<Notice>,
    span: usize,
) -> impl IntoView {
    let (username, tenant) =
        account.with_untracked(|a| (a.username.to_string(), a.tenant.to_string()));
    let kind = {
        let tenant = tenant.clone();
        move || directory.with(|d| tenant_kind(d, &tenant))
    };
    let is_open = {
        let username = username.clone();
        move |action: ActionKind| open.with(|o| o.as_ref() == Some(&(username.clone(), action)))
    };
    let actions = admin.map(|admin| {
        if own {
            // The server refuses to let admins lock themselves out; the own password is changed
            // with the current one, on the password page.
            return view! {
                <td class="actions">
                    <span class="muted">{t!("admin-account-own")} " · "</span>
                    <A href="/password">{t!("admin-account-change-password")}</A>
                </td>
            }
            .into_any();
        }
        let button = {
            let username = username.clone();
            move |action: ActionKind| {
                let username = username.clone();
                let is_open = is_open.clone();
                let toggle = move |_| {
                    let target = (username.clone(), action);
                    open.update(|o| {
                        *o = if o.as_ref() == Some(&target) {
                            None
                        } else {
                            Some(target)
                        };
                    });
                };
                view! {
                    <button
                        type="button"
                        class=format!("button button--small action-{}", action.code())
                        aria-expanded=move || is_open(action).to_string()
                        on:click=toggle
                    >
                        {action.label()}
                    </button>
                }
            }
        };
        let kind = kind.clone();
        let buttons = move || {
            let (current, disabled) = account.with(|a| (a.role, a.disabled));
            // A role change is offered only when another role fits the account's institution.
            let role = grantable_roles(admin, kind())
                .iter()
                .any(|r| *r != current)
                .then(|| button(ActionKind::Role));
            let toggle = if disabled {
                ActionKind::Enable
            } else {
                ActionKind::Disable
            };
            view! { {role} {button(toggle)} {button(ActionKind::Reset)} }
        };
        view! { <td class="actions">{buttons}</td> }.into_any()
    });

    let panel = {
        let username = username.clone();
        move || {
            let action = open.with(|o| {
                o.as_ref()
                    .filter(|(u, _)| *u == username)
                    .map(|(_, action)| *action)
            })?;
            let admin = admin?;
            // Read once: a reload after a conflict must not rebuild the form and lose the typing.
            let current = account.with_untracked(|a| a.role);
            let roles: Vec<Role> = grantable_roles(admin, kind())
                .into_iter()
                .filter(|r| *r != current)
                .collect();
            Some(view! {
                <tr class="account-panel" data-username=username.clone()>
                    <td colspan=span.to_string()>
                        <ActionForm account action roles open done />
                    </td>
                </tr>
            })
        }
    };

    let tenant_label = {
        let tenant = tenant.clone();
        move || directory.with(|d| tenant_name(d, &tenant))
    };
    // The account's versions: created, roles, passwords set, disabled and enabled.
    let history = account.with_untracked(|a| {
        view! {
            <br />
            <A attr:class="account-history small" href=Filters::record_history_href(&a.tenant, streams::account(&a.username))>
                {t!("admin-account-history")}
            </A>
        }
    });
    let disabled = move || account.with(|a| a.disabled);
    let last_login = move || match account.with(|a| a.last_login_at) {
        Some(at) => view! { <time datetime=utc_exact(at)>{date_time(at)}</time> }.into_any(),
        None => {
            view! { <span class="muted">{t!("admin-account-never-logged-in")}</span> }.into_any()
        }
    };
    view! {
        <tr
            class="account-row"
            class:account-row--disabled=disabled
            data-username=username.clone()
            data-tenant=tenant
            data-role=move || account.with(|a| code(a.role))
            data-state=move || if disabled() { "disabled" } else { "active" }
        >
            <th scope="row">
                <code>{username.clone()}</code>
                {history}
            </th>
            <td>{move || account.with(|a| a.display_name.clone())}</td>
            <td>{tenant_label}</td>
            <td>{move || account.with(|a| a.role.label(crate::i18n::lang()))}</td>
            <td>
                {move || {
                    let class = if disabled() { "status status--warn" } else { "status status--ok" };
                    view! { <span class=class>{account.with(state_text)}</span> }
                }}
            </td>
            <td class="nowrap">{last_login}</td>
            {actions}
        </tr>
        {panel}
    }
}
