//! The login page: username and password, then back to the page that asked for a login.

use crate::access::safe_next;
use crate::api;
use crate::components::{focus_by_id, set_title};
use crate::form::{FormError, Labelled, PasswordField, use_submit};
use crate::session::{Auth, SessionNotice, use_session};
use antikor_shared::account::LoginRequest;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

/// `/login?next=`.
#[component]
pub fn LoginPage() -> impl IntoView {
    set_title(&t!("shell-login"));
    let session = use_session();
    let query = use_query_map();
    let next = Memo::new(move |_| query.with(|q| safe_next(q.get("next").as_deref())));
    let navigate = use_navigate();

    // One place leads on after a login, whether it happened here or the user arrived logged in.
    Effect::new(move |_| {
        if matches!(session.auth.get(), Auth::User(_)) {
            let to = next.get_untracked().unwrap_or_else(|| "/".to_owned());
            navigate(
                &to,
                NavigateOptions {
                    replace: true,
                    ..NavigateOptions::default()
                },
            );
        }
    });

    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let form = use_submit();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        if !form.begin(&ev) {
            return;
        }
        let request = LoginRequest {
            username: username.get_untracked().trim().to_owned(),
            password: password.get_untracked(),
        };
        if request.username.is_empty() || request.password.is_empty() {
            return form.fail(t!("shell-login-missing"));
        }
        let call = async move {
            let answer = api::login(&request).await;
            // Whatever came of it, the password is not kept in the page.
            password.try_set(String::new());
            if answer.is_err() {
                focus_by_id("login-password");
            }
            answer
        };
        form.send(call, move |info| session.start(info));
    };

    let notice = move || {
        let text = session
            .notice
            .get()
            .map(SessionNotice::text)
            .or_else(|| next.get().map(|_| t!("shell-login-to-open-page")));
        text.map(|text| {
            view! {
                <p id="login-notice" class="notice notice--info" role="status">
                    {text}
                </p>
            }
        })
    };

    view! {
        <section class="login">
            <h1>{t!("shell-login")}</h1>
            {notice}
            <form id="login-form" class="form-card" on:submit=submit novalidate>
                <Labelled id="login-username" label=t!("shell-login-username")>
                    <input
                        id="login-username"
                        name="username"
                        type="text"
                        autocomplete="username"
                        autocapitalize="none"
                        spellcheck="false"
                        required
                        bind:value=username
                    />
                </Labelled>
                <PasswordField id="login-password" label=t!("shell-login-password") value=password name="password" />
                <FormError id="login-error" error=form.error() />
                <div class="form-actions">
                    <button id="login-submit" type="submit" class="button button--primary" disabled=form.busy()>
                        {move || if form.busy().get() { t!("shell-login-busy") } else { t!("shell-login") }}
                    </button>
                </div>
            </form>
        </section>
    }
}
