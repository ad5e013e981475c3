//! Small pieces shared by the pages: loading and error blocks, the document title.

use crate::api::ApiError;
use leptos::error::Error;
use leptos::prelude::*;

/// Shown while data loads; `role="status"` lets screen readers announce it.
#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="loading" role="status" data-testid="loading">
            "Зареждане…"
        </p>
    }
}

/// The text shown for one caught error: our own Bulgarian message for [`ApiError`].
fn error_text(error: &Error) -> String {
    error
        .downcast_ref::<ApiError>()
        .map(ToString::to_string)
        .unwrap_or_else(|| format!("Неочаквана грешка: {error}"))
}

/// The messages of the errors an `ErrorBoundary` caught, with a button to try again.
#[component]
pub fn ErrorMessages(
    /// What the boundary caught.
    errors: ArcRwSignal<Errors>,
    /// Runs when the person asks to try again.
    retry: Callback<()>,
) -> impl IntoView {
    let messages = move || {
        errors
            .read()
            .iter()
            .map(|(_, e)| view! { <p>{error_text(e)}</p> })
            .collect_view()
    };
    view! {
        <div class="notice notice--error" role="alert" data-testid="error">
            {messages}
            <button type="button" class="button" on:click=move |_| retry.run(())>
                "Опитайте отново"
            </button>
        </div>
    }
}

/// One error block for a known [`ApiError`], outside an `ErrorBoundary`.
#[component]
pub fn ErrorNotice(
    /// What went wrong.
    error: ApiError,
) -> impl IntoView {
    view! {
        <div class="notice notice--error" role="alert" data-testid="error">
            <p>{error.to_string()}</p>
        </div>
    }
}

/// Sets the browser tab's title for the current page.
pub fn set_title(page: &str) {
    let title = if page.is_empty() {
        "Антикор".to_owned()
    } else {
        format!("{page} — Антикор")
    };
    document().set_title(&title);
}
