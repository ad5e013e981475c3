//! What came of a form or an action, shown as a notice, and the end of a form under a row.

use super::Submit;
use leptos::prelude::*;

/// A message about what a request did, or why it did not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The text shown, in the page's language.
    pub text: String,
    /// Whether it tells of a failure.
    pub error: bool,
}

impl Notice {
    /// What a request did.
    pub fn ok(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            error: false,
        }
    }

    /// Why a request did not go through.
    pub fn error(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            error: true,
        }
    }
}

/// A notice when there is one: a failure as an alert, anything else as a status;
/// `data-state` (`ok`, `error`) says which for the browser tests.
#[component]
pub fn NoticeView(
    /// The notice's id, when the page has one such notice.
    #[prop(optional)]
    id: Option<&'static str>,
    /// Classes added to `notice`, e.g. `step-saved`.
    #[prop(optional)]
    class: &'static str,
    /// What to show; `None` shows nothing.
    #[prop(into)]
    notice: Signal<Option<Notice>>,
) -> impl IntoView {
    move || {
        notice.get().map(|n| {
            let (state, role) = if n.error {
                ("error", "alert")
            } else {
                ("ok", "status")
            };
            let class = format!("notice notice--{state} {class}");
            view! {
                <p id=id class=class.trim_end().to_owned() role=role data-state=state>
                    {n.text}
                </p>
            }
        })
    }
}

/// A form's error, when it has one, as an alert; its id (or, for a form repeated on every
/// row, its class) is how the browser tests find it.
#[component]
pub fn FormError(
    /// The alert's id.
    #[prop(optional)]
    id: Option<&'static str>,
    /// Classes added to `notice`.
    #[prop(optional)]
    class: &'static str,
    /// The error to show; `None` shows nothing.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let class = format!("notice notice--error {class}");
    move || {
        error.get().map(|e| {
            view! { <p id=id class=class.trim_end().to_owned() role="alert">{e}</p> }
        })
    }
}

/// The end of a form opened under a table row: its error, the submit button and "Откажи".
#[component]
pub fn PanelFormEnd(
    /// The error alert's id.
    error_id: &'static str,
    /// The form's sending state.
    form: Submit,
    /// The submit button's id.
    submit_id: &'static str,
    /// The submit button's text.
    #[prop(into)]
    submit: String,
    /// Closes the form.
    cancel: Callback<()>,
) -> impl IntoView {
    view! {
        <FormError id=error_id error=form.error() />
        <div class="form-actions">
            <button type="submit" id=submit_id class="button button--primary" disabled=form.busy()>
                {submit}
            </button>
            <button type="button" class="button" on:click=move |_| cancel.run(())>
                {t!("shell-cancel")}
            </button>
        </div>
    }
}

/// A form's submit button in its own actions row, disabled while the form is being sent (and
/// while `waiting` says the form still waits for something, such as files being read).
#[component]
pub fn SubmitButton(
    /// The button's id.
    id: &'static str,
    /// The form's sending state.
    form: Submit,
    /// The button's text.
    #[prop(into)]
    text: String,
    /// What else the form waits for before it may be sent.
    #[prop(optional, into)]
    waiting: Option<Signal<bool>>,
) -> impl IntoView {
    let disabled = move || form.busy().get() || waiting.is_some_and(|w| w.get());
    view! {
        <div class="form-actions">
            <button type="submit" id=id class="button button--primary" disabled=disabled>
                {text}
            </button>
        </div>
    }
}

/// A form of a record's page in a disclosure (a signal's steps, a risk's assessment): its
/// fields, what went wrong or what it saved, and its button.
#[component]
pub fn StepForm(
    /// The disclosure's id; the form's is `{id}-form`.
    id: &'static str,
    /// The id of its error alert.
    error_id: &'static str,
    /// The id of its button, when a test or a label names it.
    #[prop(optional)]
    submit_id: Option<&'static str>,
    /// Its summary line.
    #[prop(into)]
    title: String,
    /// Whether it starts open.
    #[prop(optional)]
    open: bool,
    /// Its sending state.
    form: Submit,
    /// Sends it, once its fields passed the browser's checks.
    on_submit: Callback<()>,
    /// The button's text.
    #[prop(into)]
    button: String,
    children: Children,
) -> impl IntoView {
    view! {
        <details class="step-form" id=id open=open>
            <summary>{title}</summary>
            <form
                class="action-form"
                id=format!("{id}-form")
                on:submit=move |ev: leptos::ev::SubmitEvent| {
                    if form.begin(&ev) {
                        on_submit.run(());
                    }
                }
                novalidate
            >
                {children()}
                <FormError id=error_id error=form.error() />
                <NoticeView class="step-saved" notice=form.saved() />
                <div class="form-actions">
                    <button type="submit" id=submit_id class="button button--primary step-submit" disabled=form.busy()>
                        {button}
                    </button>
                </div>
            </form>
        </details>
    }
}
