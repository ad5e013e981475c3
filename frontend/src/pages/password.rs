//! The page where a logged-in user changes their own password.

use crate::access::check_new_password;
use crate::api;
use crate::components::set_title;
use crate::session::use_session;
use antikor_shared::account::ChangePassword;
use antikor_shared::account::{PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The outcome shown under the form.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    Done,
    Failed(String),
}

/// `/password`.
#[component]
pub fn PasswordPage() -> impl IntoView {
    set_title("Смяна на парола");
    let session = use_session();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let busy = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let body = ChangePassword {
            current_password: current.get_untracked(),
            new_password: new.get_untracked(),
        };
        if body.current_password.is_empty() {
            outcome.set(Some(Outcome::Failed(
                "Въведете сегашната си парола.".to_owned(),
            )));
            return;
        }
        if let Err(text) = check_new_password(&body.new_password, &confirm.get_untracked()) {
            outcome.set(Some(Outcome::Failed(text)));
            return;
        }
        if body.new_password == body.current_password {
            outcome.set(Some(Outcome::Failed(
                "Новата парола трябва да е различна от сегашната.".to_owned(),
            )));
            return;
        }
        outcome.set(None);
        busy.set(true);
        spawn_local(async move {
            let result = api::change_password(&body).await;
            busy.try_set(false);
            match result {
                Ok(info) => {
                    // The server ended every session of the account and opened this new one.
                    session.start(info);
                    current.try_set(String::new());
                    new.try_set(String::new());
                    confirm.try_set(String::new());
                    outcome.try_set(Some(Outcome::Done));
                }
                Err(e) => {
                    outcome.try_set(Some(Outcome::Failed(e.to_string())));
                }
            }
        });
    };

    let result = move || {
        outcome.get().map(|o| match o {
            Outcome::Done => view! {
                <p id="password-result" class="notice notice--ok" role="status" data-state="ok">
                    "Паролата е сменена. Сесиите ви на други устройства са прекратени."
                </p>
            }
            .into_any(),
            Outcome::Failed(text) => view! {
                <p id="password-result" class="notice notice--error" role="alert" data-state="error">
                    {text}
                </p>
            }
            .into_any(),
        })
    };

    let hint = format!(
        "Между {PASSWORD_MIN_CHARS} и {PASSWORD_MAX_CHARS} знака. Изберете дълга фраза, която не използвате другаде; често срещани пароли се отказват."
    );

    view! {
        <h1>"Смяна на парола"</h1>
        <form id="password-form" class="form-card" on:submit=submit novalidate>
            <div class="field">
                <label for="current-password">"Сегашна парола"</label>
                <input
                    id="current-password"
                    type="password"
                    autocomplete="current-password"
                    maxlength=PASSWORD_MAX_CHARS.to_string()
                    required
                    bind:value=current
                />
            </div>
            <div class="field">
                <label for="new-password">"Нова парола"</label>
                <input
                    id="new-password"
                    type="password"
                    autocomplete="new-password"
                    minlength=PASSWORD_MIN_CHARS.to_string()
                    maxlength=PASSWORD_MAX_CHARS.to_string()
                    aria-describedby="new-password-help"
                    required
                    bind:value=new
                />
                <p id="new-password-help" class="field__help">{hint}</p>
            </div>
            <div class="field">
                <label for="confirm-password">"Новата парола още веднъж"</label>
                <input
                    id="confirm-password"
                    type="password"
                    autocomplete="new-password"
                    maxlength=PASSWORD_MAX_CHARS.to_string()
                    required
                    bind:value=confirm
                />
            </div>
            {result}
            <div class="form-actions">
                <button id="password-submit" type="submit" class="button button--primary" disabled=busy>
                    "Смени паролата"
                </button>
            </div>
        </form>
    }
}
