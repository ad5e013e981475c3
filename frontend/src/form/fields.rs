//! Labelled fields: a label, its control and its help text, with the ids tied together.

use super::DateInput;
use antikor_shared::account::{PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS};
use leptos::prelude::*;

/// A field's box: its label, the control the page gives as `children` (with the same `id`),
/// and the help text under it, whose id is `{id}-help`.
#[component]
pub fn Labelled(
    /// The control's id, which the label points at.
    #[prop(into)]
    id: String,
    /// The label's text.
    #[prop(into)]
    label: String,
    /// Help text under the control.
    #[prop(optional, into)]
    help: Option<String>,
    /// Classes added to `field`, e.g. `field--wide`.
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    field_box(id, label, help, class, children())
}

/// The box every labelled field shares.
fn field_box(
    id: String,
    label: String,
    help: Option<String>,
    class: &'static str,
    control: impl IntoView,
) -> impl IntoView {
    let help_id = format!("{id}-help");
    let class = format!("field {class}");
    view! {
        <div class=class.trim_end().to_owned()>
            <label for=id>{label}</label>
            {control}
            {help.map(|h| view! { <p id=help_id class="field__help">{h}</p> })}
        </div>
    }
}

/// A labelled one-line input bound to `value`.
#[component]
pub fn InputField(
    /// The input's id.
    #[prop(into)]
    id: String,
    /// The label's text.
    #[prop(into)]
    label: String,
    /// The input's `type`; `text` when not given.
    #[prop(optional)]
    kind: Option<&'static str>,
    /// What is typed.
    value: RwSignal<String>,
    /// Help text under the input, which it is described by.
    #[prop(optional, into)]
    help: Option<String>,
    /// The longest text the input takes.
    #[prop(optional)]
    maxlength: Option<usize>,
    /// The browser's autofill hint, e.g. `off`.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// Whether it must be filled in.
    #[prop(optional)]
    required: bool,
    /// The keyboard a phone offers, e.g. `numeric`.
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// Classes added to `field`.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let described = help.is_some().then(|| format!("{id}-help"));
    // Days are typed the Bulgarian way whatever the browser's language (see `DateInput`).
    if kind == Some("date") {
        let control = view! {
            <DateInput id=id.clone() value set=move |v| value.set(v) describedby=described.unwrap_or_default() />
        };
        return field_box(id, label, help, class, control).into_any();
    }
    let control = view! {
        <input
            id=id.clone()
            type=kind.unwrap_or("text")
            maxlength=maxlength.map(|m| m.to_string())
            autocomplete=autocomplete
            required=required
            inputmode=inputmode
            aria-describedby=described
            bind:value=value
        />
    };
    field_box(id, label, help, class, control).into_any()
}

/// A labelled text area bound to `value`.
#[component]
pub fn TextAreaField(
    /// The text area's id.
    #[prop(into)]
    id: String,
    /// The label's text.
    #[prop(into)]
    label: String,
    /// What is typed.
    value: RwSignal<String>,
    /// Its height in lines, when it should not be the browser's default.
    #[prop(optional)]
    rows: Option<u32>,
    /// The longest text it takes.
    #[prop(optional)]
    maxlength: Option<usize>,
    /// Help text under it, which it is described by.
    #[prop(optional, into)]
    help: Option<String>,
    /// Classes added to `field`, e.g. `field--wide`.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let described = help.is_some().then(|| format!("{id}-help"));
    let control = view! {
        <textarea
            id=id.clone()
            rows=rows.map(|r| r.to_string())
            maxlength=maxlength.map(|m| m.to_string())
            aria-describedby=described
            bind:value=value
        ></textarea>
    };
    field_box(id, label, help, class, control)
}

/// A labelled password input bound to `value`, within the shared length limits.
#[component]
pub fn PasswordField(
    /// The input's id.
    #[prop(into)]
    id: String,
    /// The label's text.
    #[prop(into)]
    label: String,
    /// What is typed.
    value: RwSignal<String>,
    /// A password being chosen (the browser may suggest one), not one being proved.
    #[prop(optional)]
    new: bool,
    /// The input's `name`, for password managers.
    #[prop(optional)]
    name: Option<&'static str>,
    /// Help text under the input, which it is described by.
    #[prop(optional, into)]
    help: Option<String>,
) -> impl IntoView {
    let described = help.is_some().then(|| format!("{id}-help"));
    let (autocomplete, minlength) = if new {
        ("new-password", Some(PASSWORD_MIN_CHARS.to_string()))
    } else {
        ("current-password", None)
    };
    let control = view! {
        <input
            id=id.clone()
            name=name
            type="password"
            autocomplete=autocomplete
            minlength=minlength
            maxlength=PASSWORD_MAX_CHARS.to_string()
            aria-describedby=described
            required
            bind:value=value
        />
    };
    field_box(id, label, help, "", control)
}
