//! The accounts page: who may log in and with which role; administrators open accounts,
//! change roles, disable and enable them and reset passwords, the auditor reads.

use crate::access::{check_new_password, grantable_roles, role_code, role_from_code};
use crate::api::{self, ApiError};
use crate::components::{FormError, Loaded, set_title};
use crate::csv::ExportTable;
use crate::directory::use_directory;
use crate::format::{date_time, href_with_query, utc_exact};
use crate::session::use_session;
use antikor_shared::account::{
    Account, CreateAccount, DisableAccount, EnableAccount, GrantRole, PASSWORD_MAX_CHARS,
    PASSWORD_MIN_CHARS, ResetPassword, Role, SessionInfo,
};
use antikor_shared::tenant::TenantKind;
use antikor_shared::{TenantId, Username};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use std::future::Future;

/// The longest reason for disabling an account the form accepts.
const REASON_MAX: usize = 500;

/// One tenant as the page needs it: for names, the filter and the roles that fit.
#[derive(Debug, Clone, PartialEq, Eq)]
struct TenantEntry {
    id: String,
    name: String,
    kind: TenantKind,
}

/// The tenants, in the server's order.
type Directory = Memo<Vec<TenantEntry>>;

fn tenant_name(directory: &[TenantEntry], id: &str) -> String {
    directory
        .iter()
        .find(|t| t.id == id)
        .map_or_else(|| id.to_owned(), |t| t.name.clone())
}

fn tenant_kind(directory: &[TenantEntry], id: &str) -> Option<TenantKind> {
    directory.iter().find(|t| t.id == id).map(|t| t.kind)
}

/// A message over the table: what an action did, or why it did not.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Notice {
    text: String,
    error: bool,
}

/// What an administrator can do to one account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ActionKind {
    Role,
    Disable,
    Enable,
    Reset,
}

impl ActionKind {
    fn code(self) -> &'static str {
        match self {
            Self::Role => "role",
            Self::Disable => "disable",
            Self::Enable => "enable",
            Self::Reset => "reset",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Role => "Смяна на роля",
            Self::Disable => "Деактивиране",
            Self::Enable => "Активиране",
            Self::Reset => "Нова парола",
        }
    }
}

/// The open action form: whose, and which. One at a time, so its fields can have fixed ids.
type Open = Option<(String, ActionKind)>;

/// The page's address, filtered to one tenant or not.
fn accounts_href(tenant: Option<&str>) -> String {
    href_with_query("/accounts", [("tenant", tenant.map(str::to_owned))])
}

/// `/accounts?tenant=`.
#[component]
pub fn AccountsPage() -> impl IntoView {
    set_title("Профили");
    let session = use_session();
    // The guard renders this page only for a logged-in user.
    let Some(me) = session.user_untracked() else {
        return ().into_any();
    };
    let admin = me.role.manages_accounts().then_some(me.role);
    let all_tenants = me.role.sees_all_tenants();

    let query = use_query_map();
    let filter = Memo::new(move |_| {
        query.with(|q| {
            q.get("tenant")
                .and_then(|t| TenantId::parse(t).ok())
                .filter(|_| all_tenants)
        })
    });
    let accounts = LocalResource::new(move || api::accounts(filter.get()));
    let tenants = use_directory();
    let directory: Directory = Memo::new(move |_| {
        tenants
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .map(|t| TenantEntry {
                id: t.id.to_string(),
                name: t.registration.name_bg,
                kind: t.registration.kind,
            })
            .collect()
    });

    let notice = RwSignal::new(None::<Notice>);
    let open = RwSignal::new(None::<(String, ActionKind)>);
    // After any change the list is read again, so it shows what the server holds.
    let done = Callback::new(move |n: Notice| {
        open.set(None);
        notice.set(Some(n));
        accounts.refetch();
    });
    let retry = Callback::new(move |()| accounts.refetch());

    let me_for_table = me.clone();
    let table = move || {
        let me = me_for_table.clone();
        Suspend::new(async move {
            let mut list = accounts.await?;
            list.sort_by(|a, b| (&a.tenant, &a.username).cmp(&(&b.tenant, &b.username)));
            Ok::<_, ApiError>(view! { <AccountsTable list me admin directory open done /> })
        })
    };

    let notice_view = move || {
        notice.get().map(|n| {
            if n.error {
                view! {
                    <div id="accounts-notice" class="notice notice--error" role="alert">
                        {n.text}
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <div id="accounts-notice" class="notice notice--ok" role="status">
                        {n.text}
                    </div>
                }
                .into_any()
            }
        })
    };

    let lead = match me.role {
        Role::Auditor => {
            "Профилите във всички институции. Като одитор ги виждате, без да можете да ги променяте."
        }
        Role::RegionalAdmin => {
            "Профилите във всички институции: създаване, смяна на роля, деактивиране и нова парола."
        }
        _ => {
            "Профилите във вашата институция: създаване, смяна на роля, деактивиране и нова парола."
        }
    };

    view! {
        <h1>"Профили"</h1>
        <p class="lead">{lead}</p>
        {all_tenants.then(|| view! { <TenantFilter filter directory /> })}
        {admin
            .map(|admin| {
                view! { <CreateAccountForm admin me=me.clone() filter directory done /> }
            })}
        {notice_view}
        <Loaded retry keep_shown=true>{table}</Loaded>
    }
    .into_any()
}

/// The institution filter of regional administrators and auditors; it changes the address.
#[component]
fn TenantFilter(filter: Memo<Option<TenantId>>, directory: Directory) -> impl IntoView {
    let navigate = use_navigate();
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let tenant = (!value.is_empty()).then_some(value);
        navigate(
            &accounts_href(tenant.as_deref()),
            NavigateOptions::default(),
        );
    };
    let options = move || {
        let current = filter.get();
        directory
            .get()
            .into_iter()
            .map(|t| {
                let selected = current.as_ref().is_some_and(|c| c.as_str() == t.id);
                view! {
                    <option value=t.id prop:selected=selected>
                        {t.name}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <form class="filters" role="search" aria-label="Филтър" on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="accounts-tenant">"Институция"</label>
                <select id="accounts-tenant" on:change=on_change>
                    <option value="" prop:selected=move || filter.with(Option::is_none)>
                        "Всички институции"
                    </option>
                    {options}
                </select>
            </div>
        </form>
    }
}

/// The form that opens a new account.
#[component]
fn CreateAccountForm(
    admin: Role,
    me: SessionInfo,
    filter: Memo<Option<TenantId>>,
    directory: Directory,
    done: Callback<Notice>,
) -> impl IntoView {
    let regional = admin == Role::RegionalAdmin;
    // A tenant admin opens accounts in the own tenant only; a regional admin starts from the
    // institution the list is filtered to.
    let initial_tenant = if regional {
        filter
            .get_untracked()
            .map(|t| t.to_string())
            .unwrap_or_default()
    } else {
        me.tenant.to_string()
    };
    let username = RwSignal::new(String::new());
    let display_name = RwSignal::new(String::new());
    let tenant = RwSignal::new(initial_tenant);
    let role = RwSignal::new(Role::Officer);
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let roles = Memo::new(move |_| {
        let kind = tenant.with(|t| directory.with(|d| tenant_kind(d, t)));
        grantable_roles(admin, kind)
    });
    // A role that does not fit the newly chosen institution falls back to the first that does.
    Effect::new(move |_| {
        let fitting = roles.get();
        if !fitting.contains(&role.get_untracked())
            && let Some(first) = fitting.first()
        {
            role.set(*first);
        }
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let name = username.get_untracked().trim().to_owned();
        let checked = (|| {
            let parsed = Username::parse(name.clone()).map_err(|_| {
                "Потребителското име може да съдържа малки латински букви, цифри и знаците . - _ \
                 (до 64 знака) и започва с буква или цифра."
                    .to_owned()
            })?;
            let display = display_name.get_untracked().trim().to_owned();
            if display.is_empty() {
                return Err("Въведете име и фамилия.".to_owned());
            }
            let tenant = TenantId::parse(tenant.get_untracked())
                .map_err(|_| "Изберете институция.".to_owned())?;
            let role = role.get_untracked();
            if !roles.get_untracked().contains(&role) {
                return Err("Изберете роля, която подхожда на институцията.".to_owned());
            }
            let password = password.get_untracked();
            check_new_password(&password, &password)?;
            Ok(CreateAccount {
                tenant,
                username: parsed.to_string(),
                display_name: display,
                role,
                password,
            })
        })();
        let body = match checked {
            Ok(body) => body,
            Err(text) => {
                error.set(Some(text));
                return;
            }
        };
        error.set(None);
        busy.set(true);
        spawn_local(async move {
            let result = api::create_account(&body).await;
            busy.try_set(false);
            match result {
                Ok(account) => {
                    username.try_set(String::new());
                    display_name.try_set(String::new());
                    password.try_set(String::new());
                    done.try_run(Notice {
                        text: format!(
                            "Профилът „{}“ е създаден с роля „{}“.",
                            account.username,
                            account.role.label_bg()
                        ),
                        error: false,
                    });
                }
                Err(e) => {
                    error.try_set(Some(e.to_string()));
                }
            }
        });
    };

    let tenant_field = if regional {
        let options = move || {
            let current = tenant.get();
            directory
                .get()
                .into_iter()
                .map(|t| {
                    let selected = t.id == current;
                    view! {
                        <option value=t.id prop:selected=selected>
                            {t.name}
                        </option>
                    }
                })
                .collect_view()
        };
        view! {
            <div class="field">
                <label for="new-tenant">"Институция"</label>
                <select id="new-tenant" required on:change=move |ev| tenant.set(event_target_value(&ev))>
                    <option value="" prop:selected=move || tenant.with(String::is_empty)>
                        "Изберете институция"
                    </option>
                    {options}
                </select>
            </div>
        }
        .into_any()
    } else {
        view! {
            <div class="field">
                <span class="field__label">"Институция"</span>
                <span class="field__static">{me.tenant_name_bg.clone()}</span>
            </div>
        }
        .into_any()
    };

    let role_options = move || {
        let current = role.get();
        roles
            .get()
            .into_iter()
            .map(|r| {
                view! {
                    <option value=role_code(r) prop:selected=r == current>
                        {r.label_bg()}
                    </option>
                }
            })
            .collect_view()
    };

    view! {
        <details class="form-card create-account" open>
            <summary>"Нов профил"</summary>
            <form id="account-create" on:submit=submit novalidate>
                <div class="form-grid">
                    <div class="field">
                        <label for="new-username">"Потребителско име"</label>
                        <input
                            id="new-username"
                            type="text"
                            autocomplete="off"
                            autocapitalize="none"
                            spellcheck="false"
                            maxlength="64"
                            aria-describedby="new-username-help"
                            required
                            bind:value=username
                        />
                        <p id="new-username-help" class="field__help">
                            "Малки латински букви, цифри и . - _, напр. bansko.ivanova"
                        </p>
                    </div>
                    <div class="field">
                        <label for="new-display-name">"Име и фамилия"</label>
                        <input
                            id="new-display-name"
                            type="text"
                            autocomplete="off"
                            maxlength="200"
                            required
                            bind:value=display_name
                        />
                    </div>
                    {tenant_field}
                    <div class="field">
                        <label for="new-role">"Роля"</label>
                        <select
                            id="new-role"
                            on:change=move |ev| {
                                if let Some(r) = role_from_code(&event_target_value(&ev)) {
                                    role.set(r);
                                }
                            }
                        >
                            {role_options}
                        </select>
                    </div>
                    <div class="field">
                        <label for="new-password">"Начална парола"</label>
                        <input
                            id="new-password"
                            type="password"
                            autocomplete="new-password"
                            minlength=PASSWORD_MIN_CHARS.to_string()
                            maxlength=PASSWORD_MAX_CHARS.to_string()
                            aria-describedby="new-password-help"
                            required
                            bind:value=password
                        />
                        <p id="new-password-help" class="field__help">
                            {format!("Между {PASSWORD_MIN_CHARS} и {PASSWORD_MAX_CHARS} знака. Съобщете я на служителя по сигурен път; той може да я смени от „Смяна на парола“.")}
                        </p>
                    </div>
                </div>
                <FormError id="account-error" error />
                <div class="form-actions">
                    <button id="new-submit" type="submit" class="button button--primary" disabled=busy>
                        "Създай профила"
                    </button>
                </div>
            </form>
        </details>
    }
}

/// The accounts as CSV, in the table's columns without the actions.
fn accounts_csv(list: &[Account], directory: &[TenantEntry]) -> Vec<Vec<String>> {
    let header = [
        "Потребител",
        "Име",
        "Институция",
        "Роля",
        "Състояние",
        "Последен вход",
    ];
    let mut rows = vec![header.map(str::to_owned).to_vec()];
    rows.extend(list.iter().map(|a| {
        vec![
            a.username.to_string(),
            a.display_name.clone(),
            tenant_name(directory, a.tenant.as_str()),
            a.role.label_bg().to_owned(),
            if a.disabled {
                "Деактивиран"
            } else {
                "Активен"
            }
            .to_owned(),
            a.last_login_at
                .map_or_else(|| "никога".to_owned(), date_time),
        ]
    }));
    rows
}

/// The accounts, one row each, with the action form under the row it belongs to.
#[component]
fn AccountsTable(
    list: Vec<Account>,
    me: SessionInfo,
    admin: Option<Role>,
    directory: Directory,
    open: RwSignal<Open>,
    done: Callback<Notice>,
) -> impl IntoView {
    let columns = if admin.is_some() { 7 } else { 6 };
    let empty = list.is_empty();
    let csv_list = list.clone();
    let csv = Callback::new(move |()| directory.with(|d| accounts_csv(&csv_list, d)));
    let rows = list
        .into_iter()
        .map(|account| {
            let own = account.username == me.username;
            view! { <AccountRow account own admin directory open done columns /> }
        })
        .collect_view();
    view! {
        <ExportTable id="accounts-table" filename="profili.csv" rows=csv>
            <caption class="visually-hidden">"Профили и техните роли"</caption>
            <thead>
                <tr>
                    <th scope="col">"Потребител"</th>
                    <th scope="col">"Име"</th>
                    <th scope="col">"Институция"</th>
                    <th scope="col">"Роля"</th>
                    <th scope="col">"Състояние"</th>
                    <th scope="col">"Последен вход"</th>
                    {admin.is_some().then(|| view! { <th scope="col">"Действия"</th> })}
                </tr>
            </thead>
            <tbody>
                {rows}
                {empty
                    .then(|| {
                        view! {
                            <tr class="empty-row">
                                <td colspan=columns.to_string()>"Няма профили."</td>
                            </tr>
                        }
                    })}
            </tbody>
        </ExportTable>
    }
}

/// One account, its action buttons for administrators, and the open action form if it is this
/// account's.
#[component]
fn AccountRow(
    account: Account,
    own: bool,
    admin: Option<Role>,
    directory: Directory,
    open: RwSignal<Open>,
    done: Callback<Notice>,
    columns: usize,
) -> impl IntoView {
    let username = account.username.to_string();
    let tenant = account.tenant.to_string();
    let tenant_label = {
        let tenant = tenant.clone();
        move || directory.with(|d| tenant_name(d, &tenant))
    };
    let kind = {
        let tenant = tenant.clone();
        move || directory.with(|d| tenant_kind(d, &tenant))
    };
    let state = if account.disabled {
        "disabled"
    } else {
        "active"
    };
    let last_login = match account.last_login_at {
        Some(at) => view! { <time datetime=utc_exact(at)>{date_time(at)}</time> }.into_any(),
        None => view! { <span class="muted">"никога"</span> }.into_any(),
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
                    <span class="muted">"Вашият профил · "</span>
                    <A href="/password">"Смяна на парола"</A>
                </td>
            }
            .into_any();
        }
        let can_change_role = {
            let current = account.role;
            let kind = kind.clone();
            move || grantable_roles(admin, kind()).iter().any(|r| *r != current)
        };
        let offered: Vec<ActionKind> = if account.disabled {
            vec![ActionKind::Role, ActionKind::Enable, ActionKind::Reset]
        } else {
            vec![ActionKind::Role, ActionKind::Disable, ActionKind::Reset]
        };
        let buttons = offered
            .into_iter()
            .map(|action| {
                let username = username.clone();
                let is_open = is_open.clone();
                let button = move || {
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
                };
                if action == ActionKind::Role {
                    // Offered only when another role fits the account's institution.
                    let can_change_role = can_change_role.clone();
                    (move || can_change_role().then(button.clone())).into_any()
                } else {
                    button().into_any()
                }
            })
            .collect_view();
        view! { <td class="actions">{buttons}</td> }.into_any()
    });

    let panel = {
        let username = username.clone();
        let account = account.clone();
        move || {
            let action = open.with(|o| {
                o.as_ref()
                    .filter(|(u, _)| *u == username)
                    .map(|(_, action)| *action)
            })?;
            let admin = admin?;
            let roles: Vec<Role> = grantable_roles(admin, kind())
                .into_iter()
                .filter(|r| *r != account.role)
                .collect();
            Some(view! {
                <tr class="account-panel" data-username=username.clone()>
                    <td colspan=columns.to_string()>
                        <ActionForm account=account.clone() action roles open done />
                    </td>
                </tr>
            })
        }
    };

    view! {
        <tr
            class="account-row"
            class:account-row--disabled=account.disabled
            data-username=username.clone()
            data-tenant=tenant.clone()
            data-role=role_code(account.role)
            data-state=state
        >
            <th scope="row">
                <code>{username.clone()}</code>
            </th>
            <td>{account.display_name.clone()}</td>
            <td>{tenant_label}</td>
            <td>{account.role.label_bg()}</td>
            <td>
                {if account.disabled {
                    view! { <span class="status status--warn">"Деактивиран"</span> }.into_any()
                } else {
                    view! { <span class="status status--ok">"Активен"</span> }.into_any()
                }}
            </td>
            <td class="nowrap">{last_login}</td>
            {actions}
        </tr>
        {panel}
    }
}

/// Waits for one account change and reports it: done (the list reloads), a conflict (someone
/// changed the account first: the list reloads too) or an error shown in the form.
async fn finish(
    call: impl Future<Output = Result<Account, ApiError>>,
    success: String,
    busy: RwSignal<bool>,
    error: RwSignal<Option<String>>,
    done: Callback<Notice>,
) {
    match call.await {
        Ok(_) => {
            done.try_run(Notice {
                text: success,
                error: false,
            });
        }
        Err(e) if e.is_conflict() => {
            done.try_run(Notice {
                text: format!("{e} Списъкът е презареден с последните данни."),
                error: true,
            });
        }
        Err(e) => {
            busy.try_set(false);
            error.try_set(Some(e.to_string()));
        }
    }
}

/// The form of one action on one account.
#[component]
fn ActionForm(
    account: Account,
    action: ActionKind,
    /// The roles the account may be given instead of its current one.
    roles: Vec<Role>,
    open: RwSignal<Open>,
    done: Callback<Notice>,
) -> impl IntoView {
    let role = RwSignal::new(roles.first().copied().unwrap_or(account.role));
    let reason = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    // The form appears under the row; focus follows, so keyboard users land in it.
    let first = match action {
        ActionKind::Role => "action-role",
        ActionKind::Disable => "action-reason",
        ActionKind::Reset => "action-password",
        ActionKind::Enable => "action-submit",
    };
    request_animation_frame(move || crate::components::focus_by_id(first));

    let name = account.username.to_string();
    let submit = {
        let account = account.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if busy.get_untracked() {
                return;
            }
            let username = account.username.clone();
            let expected_version = Some(account.version);
            let who = username.to_string();
            match action {
                ActionKind::Role => {
                    let role = role.get_untracked();
                    let text = format!("Ролята на „{who}“ е сменена на „{}“.", role.label_bg());
                    let body = GrantRole {
                        role,
                        expected_version,
                    };
                    spawn_local(finish(
                        async move { api::grant_role(&username, &body).await },
                        text,
                        busy,
                        error,
                        done,
                    ));
                }
                ActionKind::Disable => {
                    let reason = reason.get_untracked().trim().to_owned();
                    if reason.is_empty() {
                        error.set(Some("Напишете причината за деактивирането.".to_owned()));
                        return;
                    }
                    let text = format!("Профилът „{who}“ е деактивиран; сесиите му са прекратени.");
                    let body = DisableAccount {
                        reason,
                        expected_version,
                    };
                    spawn_local(finish(
                        async move { api::disable_account(&username, &body).await },
                        text,
                        busy,
                        error,
                        done,
                    ));
                }
                ActionKind::Enable => {
                    let text = format!("Профилът „{who}“ е активиран отново.");
                    let body = EnableAccount { expected_version };
                    spawn_local(finish(
                        async move { api::enable_account(&username, &body).await },
                        text,
                        busy,
                        error,
                        done,
                    ));
                }
                ActionKind::Reset => {
                    let new = password.get_untracked();
                    if let Err(text) = check_new_password(&new, &new) {
                        error.set(Some(text));
                        return;
                    }
                    let text = format!(
                        "Паролата на „{who}“ е сменена. Съобщете я на служителя по сигурен път."
                    );
                    let body = ResetPassword { password: new };
                    spawn_local(finish(
                        async move { api::reset_password(&username, &body).await },
                        text,
                        busy,
                        error,
                        done,
                    ));
                }
            }
            error.set(None);
            busy.set(true);
        }
    };

    let fields = match action {
        ActionKind::Role => {
            let options = roles
                .iter()
                .map(|r| {
                    let r = *r;
                    view! {
                        <option value=role_code(r) prop:selected=move || role.get() == r>
                            {r.label_bg()}
                        </option>
                    }
                })
                .collect_view();
            view! {
                <div class="field">
                    <label for="action-role">"Нова роля (сега: " {account.role.label_bg()} ")"</label>
                    <select
                        id="action-role"
                        on:change=move |ev| {
                            if let Some(r) = role_from_code(&event_target_value(&ev)) {
                                role.set(r);
                            }
                        }
                    >
                        {options}
                    </select>
                </div>
            }
            .into_any()
        }
        ActionKind::Disable => view! {
            <div class="field">
                <label for="action-reason">"Причина за деактивирането"</label>
                <textarea
                    id="action-reason"
                    rows="2"
                    maxlength=REASON_MAX.to_string()
                    aria-describedby="action-reason-help"
                    required
                    bind:value=reason
                ></textarea>
                <p id="action-reason-help" class="field__help">
                    "Записва се в одитната следа. Профилът не може да влиза, докато не бъде активиран отново."
                </p>
            </div>
        }
        .into_any(),
        ActionKind::Enable => view! {
            <p>"Профилът ще може да влиза отново със същата парола."</p>
        }
        .into_any(),
        ActionKind::Reset => view! {
            <div class="field">
                <label for="action-password">"Нова парола"</label>
                <input
                    id="action-password"
                    type="password"
                    autocomplete="new-password"
                    minlength=PASSWORD_MIN_CHARS.to_string()
                    maxlength=PASSWORD_MAX_CHARS.to_string()
                    required
                    bind:value=password
                />
                <p class="field__help">
                    {format!("Между {PASSWORD_MIN_CHARS} и {PASSWORD_MAX_CHARS} знака. Текущите сесии на профила се прекратяват.")}
                </p>
            </div>
        }
        .into_any(),
    };

    view! {
        <form id="action-form" class="action-form" data-action=action.code() on:submit=submit novalidate>
            <h2 class="action-form__title">{action.label()} " — " <code>{name}</code></h2>
            {fields}
            <FormError id="action-error" error />
            <div class="form-actions">
                <button id="action-submit" type="submit" class="button button--primary" disabled=busy>
                    {action.label()}
                </button>
                <button id="action-cancel" type="button" class="button" on:click=move |_| open.set(None)>
                    "Отказ"
                </button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenant_lookups_fall_back_to_the_slug() {
        let directory = vec![TenantEntry {
            id: "bansko".to_owned(),
            name: "Община Банско".to_owned(),
            kind: TenantKind::Municipality,
        }];
        assert_eq!(tenant_name(&directory, "bansko"), "Община Банско");
        assert_eq!(tenant_name(&directory, "razlog"), "razlog");
        assert_eq!(
            tenant_kind(&directory, "bansko"),
            Some(TenantKind::Municipality)
        );
        assert_eq!(tenant_kind(&directory, "razlog"), None);
    }

    #[test]
    fn filter_addresses() {
        assert_eq!(accounts_href(None), "/accounts");
        assert_eq!(accounts_href(Some("bansko")), "/accounts?tenant=bansko");
    }
}
