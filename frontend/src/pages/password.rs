//! The page where a logged-in user changes their own password.

use crate::access::check_new_password;
use crate::api;
use crate::components::set_title;
use crate::form::{NoticeView, PasswordField, SubmitButton, use_submit};
use crate::session::use_session;
use antikor_shared::account::ChangePassword;
use antikor_shared::account::{PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS};
use leptos::prelude::*;

/// Checks what was typed as far as the browser can, or says what to fix.
fn checked(current: String, new: String, confirm: &str) -> Result<ChangePassword, String> {
    if current.is_empty() {
        return Err(t!("shell-password-current-missing"));
    }
    check_new_password(&new, confirm)?;
    if new == current {
        return Err(t!("shell-password-same"));
    }
    Ok(ChangePassword {
        current_password: current,
        new_password: new,
    })
}

/// `/password`.
#[component]
pub fn PasswordPage() -> impl IntoView {
    set_title(&t!("shell-change-password"));
    let session = use_session();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let form = use_submit();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        if !form.begin(&ev) {
            return;
        }
        let body = match checked(
            current.get_untracked(),
            new.get_untracked(),
            &confirm.get_untracked(),
        ) {
            Ok(body) => body,
            Err(text) => return form.fail(text),
        };
        form.send(
            async move { api::change_password(&body).await },
            move |info| {
                // The server ended every session of the account and opened this new one.
                session.start(info);
                current.try_set(String::new());
                new.try_set(String::new());
                confirm.try_set(String::new());
                form.succeed(t!("shell-password-changed"));
            },
        );
    };

    let hint = t!(
        "shell-password-hint",
        min = PASSWORD_MIN_CHARS,
        max = PASSWORD_MAX_CHARS
    );

    view! {
        <h1>{t!("shell-change-password")}</h1>
        <form id="password-form" class="form-card" on:submit=submit novalidate>
            <PasswordField id="current-password" label=t!("shell-password-current") value=current />
            <PasswordField id="new-password" label=t!("shell-password-new") value=new new=true help=hint />
            <PasswordField id="confirm-password" label=t!("shell-password-confirm") value=confirm new=true />
            <NoticeView id="password-result" notice=form.outcome() />
            <SubmitButton id="password-submit" form text=t!("shell-password-submit") />
        </form>
    }
}
