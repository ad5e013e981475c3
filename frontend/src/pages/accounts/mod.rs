//! The accounts page: who may log in and with which role; administrators open accounts,
//! change roles, disable and enable them and reset passwords, the auditor reads.

mod action;
mod create;
mod table;

use crate::api::{self, ApiError};
use crate::components::set_title;
use crate::directory::use_directory;
use crate::form::{Labelled, Notice, NoticeView};
use crate::format::href_with_query;
use crate::paging::{Paged, PagedList};
use crate::session::use_session;
use antikor_shared::TenantId;
use antikor_shared::account::Role;
use antikor_shared::tenant::TenantKind;
use create::CreateAccountForm;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use table::AccountsTable;

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

    fn label(self) -> String {
        match self {
            Self::Role => t!("admin-action-role"),
            Self::Disable => t!("admin-action-disable"),
            Self::Enable => t!("admin-action-enable"),
            Self::Reset => t!("admin-action-reset"),
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
    set_title(&t!("admin-accounts-title"));
    let session = use_session();
    // The guard renders this page only for a logged-in user.
    let Some(me) = session.user_untracked() else {
        return ().into_any();
    };
    let admin = me.role.manages_accounts().then_some(me.role);
    let all_tenants = me.role.sees_other_tenants();

    let query = use_query_map();
    let filter = Memo::new(move |_| {
        query.with(|q| {
            q.get("tenant")
                .and_then(|t| TenantId::parse(t).ok())
                .filter(|_| all_tenants)
        })
    });
    // In the server's order, by username: a sort here would move rows as pages are added.
    let accounts = Paged::new(
        move || Ok::<_, ApiError>(filter.get()),
        |tenant: Option<TenantId>, page| async move { api::accounts(tenant.as_ref(), &page).await },
    );
    let tenants = use_directory();
    let directory: Directory = Memo::new(move |_| {
        tenants
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .map(|t| TenantEntry {
                id: t.id.to_string(),
                name: t.registration.name().get(crate::i18n::lang()).to_owned(),
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
        accounts.reload();
    });

    let lead = match me.role {
        Role::Auditor => t!("admin-accounts-lead-auditor"),
        Role::RegionalAdmin => t!("admin-accounts-lead-regional"),
        Role::NationalAdmin => t!("admin-accounts-lead-national"),
        _ => t!("admin-accounts-lead-tenant"),
    };

    view! {
        <h1>{t!("admin-accounts-title")}</h1>
        <p class="lead">{lead}</p>
        {all_tenants.then(|| view! { <TenantFilter filter directory /> })}
        {admin
            .map(|admin| {
                view! { <CreateAccountForm admin me=me.clone() filter directory done /> }
            })}
        <NoticeView id="accounts-notice" notice />
        <PagedList list=accounts id="accounts">
            <AccountsTable list=accounts me=me.clone() admin directory open done />
        </PagedList>
    }
    .into_any()
}

/// The options of an institution select: the directory, `current` selected.
fn tenant_options(
    directory: Directory,
    current: impl Fn() -> Option<String> + Send + Sync + 'static,
) -> impl IntoView {
    move || {
        let current = current();
        directory
            .get()
            .into_iter()
            .map(|t| {
                let selected = current.as_deref() == Some(t.id.as_str());
                view! {
                    <option value=t.id prop:selected=selected>
                        {t.name}
                    </option>
                }
            })
            .collect_view()
    }
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
    let options = tenant_options(directory, move || filter.get().map(|t| t.to_string()));
    view! {
        <form class="filters" role="search" aria-label=t!("admin-accounts-filter") on:submit=|ev| ev.prevent_default()>
            <Labelled id="accounts-tenant" label=t!("admin-accounts-institution")>
                <select id="accounts-tenant" on:change=on_change>
                    <option value="" prop:selected=move || filter.with(Option::is_none)>
                        {t!("admin-accounts-all-institutions")}
                    </option>
                    {options}
                </select>
            </Labelled>
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
