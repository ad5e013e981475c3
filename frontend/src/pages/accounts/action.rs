//! The form of one action on one account: a new role, disabling, enabling, a new password.

use super::{ActionKind, Open};
use crate::access::check_new_password;
use crate::api::{self, ApiError};
use crate::components::focus_by_id;
use crate::form::{
    FormError, Labelled, Notice, PasswordField, TextAreaField, reload_row, use_submit,
};
use antikor_shared::account::{
    Account, DisableAccount, EnableAccount, GrantRole, PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS,
    ResetPassword, Role,
};
use antikor_shared::wire::{code, from_code};
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;

/// The longest reason for disabling an account the form accepts.
const REASON_MAX: usize = 500;

/// Said after a conflict, once the account is shown as it is now.
fn reloaded() -> String {
    t!("admin-action-reloaded")
}

/// One request of the form, whichever action it is.
type Call = Pin<Box<dyn Future<Output = Result<Account, ApiError>>>>;

/// Reads the account again, as the server now has it, into its row.
async fn reload(account: RwSignal<Account>) -> Result<(), ApiError> {
    let username = account.with_untracked(|a| a.username.clone());
    let found = async { api::account(&username).await.map(Some) };
    let gone = t!("admin-action-account-gone");
    reload_row(account, found, |a| a.username == username, &gone).await
}

/// The form of one action on one account.
#[component]
pub(super) fn ActionForm(
    /// The account, as its row shows it; a conflict reloads it.
    account: RwSignal<Account>,
    action: ActionKind,
    /// The roles the account may be given instead of its current one.
    roles: Vec<Role>,
    open: RwSignal<Open>,
    done: Callback<Notice>,
) -> impl IntoView {
    let shown = account.get_untracked();
    let role = RwSignal::new(roles.first().copied().unwrap_or(shown.role));
    let reason = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let form = use_submit();

    // The form appears under the row; focus follows, so keyboard users land in it.
    let first = match action {
        ActionKind::Role => "action-role",
        ActionKind::Disable => "action-reason",
        ActionKind::Reset => "action-password",
        ActionKind::Enable => "action-submit",
    };
    request_animation_frame(move || focus_by_id(first));

    let submit = move |ev: leptos::ev::SubmitEvent| {
        if !form.begin(&ev) {
            return;
        }
        // The version the user saw: a change made since is a conflict.
        let (username, expected_version) =
            account.with_untracked(|a| (a.username.clone(), Some(a.version)));
        let who = username.to_string();
        let (call, text): (Call, String) = match action {
            ActionKind::Role => {
                let role = role.get_untracked();
                let body = GrantRole {
                    role,
                    expected_version,
                };
                (
                    Box::pin(async move { api::grant_role(&username, &body).await }),
                    t!(
                        "admin-action-role-done",
                        username = who,
                        role = role.label(crate::i18n::lang())
                    ),
                )
            }
            ActionKind::Disable => {
                let reason = reason.get_untracked().trim().to_owned();
                if reason.is_empty() {
                    return form.fail(t!("admin-action-reason-missing"));
                }
                let body = DisableAccount {
                    reason,
                    expected_version,
                };
                (
                    Box::pin(async move { api::disable_account(&username, &body).await }),
                    t!("admin-action-disable-done", username = who),
                )
            }
            ActionKind::Enable => {
                let body = EnableAccount { expected_version };
                (
                    Box::pin(async move { api::enable_account(&username, &body).await }),
                    t!("admin-action-enable-done", username = who),
                )
            }
            ActionKind::Reset => {
                let new = password.get_untracked();
                if let Err(text) = check_new_password(&new, &new) {
                    return form.fail(text);
                }
                let body = ResetPassword { password: new };
                (
                    Box::pin(async move { api::reset_password(&username, &body).await }),
                    t!("admin-action-reset-done", username = who),
                )
            }
        };
        form.send_versioned(call, reload(account), reloaded(), move |_| {
            done.run(Notice::ok(text));
        });
    };

    let fields = match action {
        ActionKind::Role => {
            let options = roles
                .iter()
                .map(|r| {
                    let r = *r;
                    view! {
                        <option value=code(r) prop:selected=move || role.get() == r>
                            {r.label(crate::i18n::lang())}
                        </option>
                    }
                })
                .collect_view();
            view! {
                <Labelled id="action-role" label=t!("admin-action-new-role", role = shown.role.label(crate::i18n::lang()))>
                    <select
                        id="action-role"
                        on:change=move |ev| {
                            if let Some(r) = from_code(&event_target_value(&ev)) {
                                role.set(r);
                            }
                        }
                    >
                        {options}
                    </select>
                </Labelled>
            }
            .into_any()
        }
        ActionKind::Disable => view! {
            <TextAreaField
                id="action-reason"
                label=t!("admin-action-reason")
                value=reason
                rows=2
                maxlength=REASON_MAX
                help=t!("admin-action-reason-help")
            />
        }
        .into_any(),
        ActionKind::Enable => view! {
            <p>{t!("admin-action-enable-note")}</p>
        }
        .into_any(),
        ActionKind::Reset => view! {
            <PasswordField
                id="action-password"
                label=t!("admin-action-password")
                value=password
                new=true
                help=t!("admin-action-password-help", min = PASSWORD_MIN_CHARS, max = PASSWORD_MAX_CHARS)
            />
        }
        .into_any(),
    };

    view! {
        <form id="action-form" class="action-form" data-action=action.code() on:submit=submit novalidate>
            <h2 class="action-form__title">{action.label()} " — " <code>{shown.username.to_string()}</code></h2>
            {fields}
            <FormError id="action-error" error=form.error() />
            <div class="form-actions">
                <button id="action-submit" type="submit" class="button button--primary" disabled=form.busy()>
                    {action.label()}
                </button>
                <button id="action-cancel" type="button" class="button" on:click=move |_| open.set(None)>
                    {t!("admin-action-cancel")}
                </button>
            </div>
        </form>
    }
}
