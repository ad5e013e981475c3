//! The form that opens a new account.

use super::{Directory, tenant_kind, tenant_options};
use crate::access::{check_new_password, grantable_roles};
use crate::api;
use crate::form::{
    FormError, InputField, Labelled, Notice, PasswordField, SubmitButton, use_submit,
};
use antikor_shared::account::{
    CreateAccount, PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS, Role, SessionInfo,
};
use antikor_shared::wire::{code, from_code};
use antikor_shared::{TenantId, Username};
use leptos::prelude::*;

/// Checks what was typed and builds the request, or says what to fix.
fn checked(
    username: &str,
    display_name: &str,
    tenant: String,
    role: Role,
    fitting: &[Role],
    password: String,
) -> Result<CreateAccount, String> {
    let parsed = Username::parse(username.trim().to_owned())
        .map_err(|_| t!("admin-create-username-invalid"))?;
    let display = display_name.trim().to_owned();
    if display.is_empty() {
        return Err(t!("admin-create-display-name-missing"));
    }
    let tenant = TenantId::parse(tenant).map_err(|_| t!("admin-create-institution-missing"))?;
    if !fitting.contains(&role) {
        return Err(t!("admin-create-role-unfit"));
    }
    check_new_password(&password, &password)?;
    Ok(CreateAccount {
        tenant,
        username: parsed.to_string(),
        display_name: display,
        role,
        password,
    })
}

/// The form that opens a new account.
#[component]
pub(super) fn CreateAccountForm(
    admin: Role,
    me: SessionInfo,
    filter: Memo<Option<TenantId>>,
    directory: Directory,
    done: Callback<Notice>,
) -> impl IntoView {
    let regional = matches!(admin, Role::RegionalAdmin | Role::NationalAdmin);
    // A tenant admin opens accounts in the own tenant only; a regional or national admin starts
    // from the institution the list is filtered to.
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
    let form = use_submit();

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
        if !form.begin(&ev) {
            return;
        }
        let body = match checked(
            &username.get_untracked(),
            &display_name.get_untracked(),
            tenant.get_untracked(),
            role.get_untracked(),
            &roles.get_untracked(),
            password.get_untracked(),
        ) {
            Ok(body) => body,
            Err(text) => return form.fail(text),
        };
        form.send(
            async move { api::create_account(&body).await },
            move |account| {
                username.try_set(String::new());
                display_name.try_set(String::new());
                password.try_set(String::new());
                done.try_run(Notice::ok(t!(
                    "admin-create-done",
                    username = account.username.to_string(),
                    role = account.role.label(crate::i18n::lang())
                )));
            },
        );
    };

    let tenant_field = if regional {
        let options = tenant_options(directory, move || Some(tenant.get()));
        view! {
            <Labelled id="new-tenant" label=t!("admin-create-institution")>
                <select id="new-tenant" required on:change=move |ev| tenant.set(event_target_value(&ev))>
                    <option value="" prop:selected=move || tenant.with(String::is_empty)>
                        {t!("admin-create-choose-institution")}
                    </option>
                    {options}
                </select>
            </Labelled>
        }
        .into_any()
    } else {
        view! {
            <div class="field">
                <span class="field__label">{t!("admin-create-institution")}</span>
                <span class="field__static" lang=me.tenant_name.lang_mark(crate::i18n::lang())>
                    {me.tenant_name.get(crate::i18n::lang()).to_owned()}
                </span>
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
                    <option value=code(r) prop:selected=r == current>
                        {r.label(crate::i18n::lang())}
                    </option>
                }
            })
            .collect_view()
    };

    view! {
        <details class="form-card create-account" open>
            <summary>{t!("admin-create-title")}</summary>
            <form id="account-create" on:submit=submit novalidate>
                <div class="form-grid">
                    <Labelled
                        id="new-username"
                        label=t!("admin-create-username")
                        help=t!("admin-create-username-help")
                    >
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
                    </Labelled>
                    <InputField id="new-display-name" label=t!("admin-create-display-name") value=display_name maxlength=200 autocomplete="off" required=true />
                    {tenant_field}
                    <Labelled id="new-role" label=t!("admin-create-role")>
                        <select
                            id="new-role"
                            on:change=move |ev| {
                                if let Some(r) = from_code(&event_target_value(&ev)) {
                                    role.set(r);
                                }
                            }
                        >
                            {role_options}
                        </select>
                    </Labelled>
                    <PasswordField
                        id="new-password"
                        label=t!("admin-create-password")
                        value=password
                        new=true
                        help=t!("admin-create-password-help", min = PASSWORD_MIN_CHARS, max = PASSWORD_MAX_CHARS)
                    />
                </div>
                <FormError id="account-error" error=form.error() />
                <SubmitButton id="new-submit" form text=t!("admin-create-submit") />
            </form>
        </details>
    }
}
