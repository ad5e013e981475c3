//! The login page: username and password, then back to the page that asked for a login.

use crate::access::safe_next;
use crate::api;
use crate::components::{FormError, focus_by_id, set_title};
use crate::session::{Auth, use_session};
use antikor_shared::account::LoginRequest;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

/// `/login?next=`.
#[component]
pub fn LoginPage() -> impl IntoView {
    set_title("Вход");
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
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let request = LoginRequest {
            username: username.get_untracked().trim().to_owned(),
            password: password.get_untracked(),
        };
        if request.username.is_empty() || request.password.is_empty() {
            error.set(Some("Въведете потребителско име и парола.".to_owned()));
            return;
        }
        error.set(None);
        busy.set(true);
        spawn_local(async move {
            match api::login(&request).await {
                Ok(info) => {
                    password.try_set(String::new());
                    session.start(info);
                }
                Err(e) => {
                    busy.try_set(false);
                    password.try_set(String::new());
                    error.try_set(Some(e.to_string()));
                    focus_by_id("login-password");
                }
            }
        });
    };

    let notice = move || {
        let text = session.notice.get().map(str::to_owned).or_else(|| {
            next.get()
                .map(|_| "Влезте, за да отворите поисканата страница.".to_owned())
        });
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
            <h1>"Вход"</h1>
            {notice}
            <form id="login-form" class="form-card" on:submit=submit novalidate>
                <div class="field">
                    <label for="login-username">"Потребителско име"</label>
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
                </div>
                <div class="field">
                    <label for="login-password">"Парола"</label>
                    <input
                        id="login-password"
                        name="password"
                        type="password"
                        autocomplete="current-password"
                        required
                        maxlength="128"
                        bind:value=password
                    />
                </div>
                <FormError id="login-error" error />
                <div class="form-actions">
                    <button id="login-submit" type="submit" class="button button--primary" disabled=busy>
                        {move || if busy.get() { "Влизане…" } else { "Вход" }}
                    </button>
                </div>
            </form>
        </section>
    }
}
