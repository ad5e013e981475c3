//! Date and time fields typed the Bulgarian way (дд.мм.гггг, чч:мм) whatever the browser's
//! language: a native date field shows its locale's order, mm/dd/yyyy in an English browser.

use antikor_shared::text::{date_bg, parse_date_typed, parse_time_typed};
use chrono::NaiveDate;
use leptos::prelude::*;

/// What a date field's value becomes from the text typed: the ISO day (`2017-12-15`) once
/// the text is a whole date, else the text as typed, so that the form's check can say what is
/// wrong with it.
fn date_value(typed: &str) -> String {
    parse_date_typed(typed).map_or_else(|| typed.trim().to_owned(), |day| day.to_string())
}

/// How a date field shows a value: an ISO day as `dd.mm.yyyy`, anything else as it is.
fn date_shown(value: &str) -> String {
    value
        .parse::<NaiveDate>()
        .map_or_else(|_| value.to_owned(), date_bg)
}

/// What a time field's value becomes from the text typed: `HH:MM`, or the text as typed.
fn time_value(typed: &str) -> String {
    parse_time_typed(typed).unwrap_or_else(|| typed.trim().to_owned())
}

/// A text input for a value kept outside (`value`, changed through `set`) but shown and typed
/// differently: `to_value` reads what is typed, `shown` writes a value for the eye. A value
/// set from outside (a reset, a record loaded) replaces the text; one typed here leaves it, so
/// the caret never jumps, and the text takes its tidy form when the field is left.
#[component]
fn TypedInput(
    id: String,
    value: Signal<String>,
    set: Callback<String>,
    to_value: fn(&str) -> String,
    shown: fn(&str) -> String,
    placeholder: String,
    maxlength: &'static str,
    /// `date-input` or `time-input`, then any classes of the caller's.
    class: String,
    #[prop(optional_no_strip)] describedby: Option<String>,
) -> impl IntoView {
    let text = RwSignal::new(shown(&value.get_untracked()));
    Effect::watch(
        move || value.get(),
        move |current, _, _| {
            if to_value(&text.get_untracked()) != *current {
                text.set(shown(current));
            }
        },
        false,
    );
    // The placeholder goes as soon as something is typed: the format is also said to screen
    // readers, with the caller's help, as the field's description.
    let format_id = format!("{id}-format");
    let described = match describedby.filter(|d| !d.is_empty()) {
        Some(help) => format!("{format_id} {help}"),
        None => format_id.clone(),
    };
    view! {
        <span id=format_id class="visually-hidden">{t!("shell-typed-as", format = placeholder.clone())}</span>
        <input
            id=id
            class=class
            type="text"
            inputmode="decimal"
            autocomplete="off"
            placeholder=placeholder
            maxlength=maxlength
            aria-describedby=described
            prop:value=move || text.get()
            on:input=move |ev| {
                let typed = event_target_value(&ev);
                set.run(to_value(&typed));
                text.set(typed);
            }
            // What the field holds when it is left is what counts, also when no input event
            // told of it (a WebDriver's clear, some autofills): then it takes its tidy form.
            on:change=move |ev| {
                let value = to_value(&event_target_value(&ev));
                set.run(value.clone());
                text.set(shown(&value));
            }
        />
    }
}

/// A day typed as `дд.мм.гггг`; the value is the ISO day once the text is one (see
/// [`date_value`]).
#[component]
pub fn DateInput(
    /// The input's id.
    #[prop(into)]
    id: String,
    /// The ISO day, or the text typed while it is none.
    #[prop(into)]
    value: Signal<String>,
    /// Takes the value as it is typed.
    #[prop(into)]
    set: Callback<String>,
    /// The id of the help text that describes it.
    #[prop(optional, into)]
    describedby: Option<String>,
    /// The input's classes.
    #[prop(optional)]
    class: Option<&'static str>,
) -> impl IntoView {
    view! {
        <TypedInput
            id
            value
            set
            to_value=date_value
            shown=date_shown
            placeholder=t!("shell-date-format")
            maxlength="13"
            describedby
            class=format!("date-input {}", class.unwrap_or_default())
        />
    }
}

/// A time of day typed as `чч:мм` (24 hours); the value is `HH:MM` once the text is one.
#[component]
pub fn TimeInput(
    /// The input's id.
    #[prop(into)]
    id: String,
    /// `HH:MM`, or the text typed while it is none.
    #[prop(into)]
    value: Signal<String>,
    /// Takes the value as it is typed.
    #[prop(into)]
    set: Callback<String>,
    /// The id of the help text that describes it.
    #[prop(optional, into)]
    describedby: Option<String>,
) -> impl IntoView {
    view! {
        <TypedInput
            id
            value
            set
            to_value=time_value
            shown=|v| v.to_owned()
            placeholder=t!("shell-time-format")
            maxlength="5"
            describedby
            class="time-input".to_owned()
        />
    }
}

/// The message for a date field whose text is no day.
pub fn date_error(what: &str) -> String {
    t!("shell-date-error", what = what)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_day_becomes_its_iso_value_and_shows_the_bulgarian_way() {
        assert_eq!(date_value("5.12.2017"), "2017-12-05");
        assert_eq!(date_value(" 05.12.2017 г."), "2017-12-05");
        assert_eq!(date_value("5.12."), "5.12.");
        assert_eq!(date_shown("2017-12-05"), "05.12.2017");
        assert_eq!(date_shown("5.12."), "5.12.");
        assert_eq!(date_shown(""), "");
        assert_eq!(time_value("9:30"), "09:30");
        assert_eq!(time_value("9:3"), "9:3");
    }

    #[test]
    fn a_date_error_says_the_format_in_the_pages_language() {
        use antikor_shared::i18n::Lang;
        assert_eq!(
            date_error("датата"),
            "Въведете датата във вида дд.мм.гггг, например 15.12.2017."
        );
        assert_eq!(
            antikor_shared::tr!(Lang::En, "shell-date-error", what = "the date"),
            "Enter the date as dd.mm.yyyy, for example 15.12.2017."
        );
    }
}
