//! The reporter's part of a signal form, shared by the public report and the officer's intake.

use super::{AttachmentPicker, intake_lists, optional};
use crate::form::{InputField, Labelled, TextAreaField};
use antikor_shared::signal::{Category, NewAttachment, Reporter, SignalAccount};
use antikor_shared::wire::{code, from_code};
use leptos::prelude::*;

/// The reporter's part of a signal as typed: the same for the public form and the officer's
/// intake.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DraftValues {
    /// Whether the reporter gives no name.
    pub anonymous: bool,
    /// The reporter's name.
    pub name: String,
    /// How to reach them.
    pub contact: String,
    /// What happened.
    pub what: String,
    /// Where.
    pub place: String,
    /// When.
    pub when: String,
    /// The person concerned.
    pub concerned: String,
    /// The unit concerned.
    pub unit: String,
    /// The activity concerned.
    pub activity: String,
    /// The category's wire name.
    pub category: String,
}

/// The draft checked and ready for a request body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedDraft {
    /// The reporter, unless anonymous.
    pub reporter: Option<Reporter>,
    /// What, where, when.
    pub account: SignalAccount,
    /// The person concerned.
    pub concerned: Option<String>,
    /// The unit.
    pub unit: Option<String>,
    /// The activity.
    pub activity: Option<String>,
    /// The category.
    pub category: Category,
}

impl DraftValues {
    /// Checks what the server would refuse anyway, so the person learns it before sending.
    pub fn check(&self) -> Result<CheckedDraft, String> {
        let reporter = if self.anonymous {
            None
        } else {
            // A name without a contact is allowed: the reporter may still follow the signal
            // with the receipt code.
            let Some(name) = optional(&self.name) else {
                return Err(t!("signals-draft-name-missing"));
            };
            Some(Reporter {
                name,
                contact: self.contact.trim().to_owned(),
            })
        };
        let Some(what) = optional(&self.what) else {
            return Err(t!("signals-draft-what-missing"));
        };
        let Some(category) = from_code::<Category>(&self.category) else {
            return Err(t!("signals-draft-category-missing"));
        };
        Ok(CheckedDraft {
            reporter,
            account: SignalAccount {
                what,
                place: self.place.trim().to_owned(),
                when: self.when.trim().to_owned(),
            },
            concerned: optional(&self.concerned),
            unit: optional(&self.unit),
            activity: optional(&self.activity),
            category,
        })
    }
}

/// The fields of [`DraftValues`] as signals a form binds to.
#[derive(Debug, Clone, Copy)]
pub struct Draft {
    anonymous: RwSignal<bool>,
    name: RwSignal<String>,
    contact: RwSignal<String>,
    what: RwSignal<String>,
    place: RwSignal<String>,
    when: RwSignal<String>,
    concerned: RwSignal<String>,
    unit: RwSignal<String>,
    activity: RwSignal<String>,
    category: RwSignal<String>,
}

impl Default for Draft {
    /// An empty draft; anonymous until the person chooses to give a name.
    fn default() -> Self {
        Self {
            anonymous: RwSignal::new(true),
            name: RwSignal::new(String::new()),
            contact: RwSignal::new(String::new()),
            what: RwSignal::new(String::new()),
            place: RwSignal::new(String::new()),
            when: RwSignal::new(String::new()),
            concerned: RwSignal::new(String::new()),
            unit: RwSignal::new(String::new()),
            activity: RwSignal::new(String::new()),
            category: RwSignal::new(String::new()),
        }
    }
}

impl Draft {
    /// What is typed now.
    pub fn values(&self) -> DraftValues {
        DraftValues {
            anonymous: self.anonymous.get_untracked(),
            name: self.name.get_untracked(),
            contact: self.contact.get_untracked(),
            what: self.what.get_untracked(),
            place: self.place.get_untracked(),
            when: self.when.get_untracked(),
            concerned: self.concerned.get_untracked(),
            unit: self.unit.get_untracked(),
            activity: self.activity.get_untracked(),
            category: self.category.get_untracked(),
        }
    }
}

/// The reporter's fields of a signal: who (or anonymous), what, where, when, whom and what it
/// concerns, and the attachments. `prefix` starts every id, so two forms never clash.
#[component]
pub fn DraftFields(
    /// The draft.
    draft: Draft,
    /// The attachments read so far.
    files: RwSignal<Vec<NewAttachment>>,
    /// Files still being read.
    reading: RwSignal<usize>,
    /// The ids' prefix.
    prefix: &'static str,
    /// The institution whose lists of units and activities the form offers (empty: none
    /// chosen yet).
    #[prop(into)]
    tenant: Signal<String>,
) -> impl IntoView {
    let id = move |name: &str| format!("{prefix}-{name}");
    let (units, activities) = intake_lists(tenant);
    let categories = Category::ALL
        .into_iter()
        .map(|c| view! { <option value=code(c)>{c.label(crate::i18n::lang())}</option> })
        .collect_view();
    let named = move || !draft.anonymous.get();
    view! {
        <fieldset class="signal-who">
            <legend>{t!("signals-draft-who")}</legend>
            <div class="field field--check">
                <label>
                    <input
                        type="radio"
                        name=id("who")
                        id=id("anonymous")
                        prop:checked=move || draft.anonymous.get()
                        on:change=move |_| draft.anonymous.set(true)
                    />
                    " "
                    {t!("signals-draft-anonymous")}
                </label>
                <label>
                    <input
                        type="radio"
                        name=id("who")
                        id=id("named")
                        prop:checked=named
                        on:change=move |_| draft.anonymous.set(false)
                    />
                    " "
                    {t!("signals-draft-named")}
                </label>
            </div>
            <Show when=named>
                <div class="form-grid">
                    <InputField id=id("name") label=t!("signals-draft-name") autocomplete="name" maxlength=200 value=draft.name />
                    <InputField id=id("contact") label=t!("signals-draft-contact") maxlength=500 value=draft.contact
                        help=t!("signals-draft-contact-help") />
                </div>
            </Show>
        </fieldset>
        <fieldset>
            <legend>{t!("signals-draft-what-happened")}</legend>
            <TextAreaField id=id("what") label=t!("signals-description") rows=7 maxlength=20000 value=draft.what class="field--wide" />
            <div class="form-grid">
                <InputField id=id("place") label=t!("signals-where") maxlength=500 value=draft.place />
                <InputField id=id("when") label=t!("signals-when") maxlength=200 value=draft.when
                    help=t!("signals-draft-when-help") />
                <div class="field">
                    <label for=id("category")>{t!("signals-draft-category")}</label>
                    <select id=id("category") bind:value=draft.category>
                        <option value="">{t!("signals-choose")}</option>
                        {categories}
                    </select>
                </div>
                <ListChoice id=id("unit") label=t!("signals-draft-unit") value=draft.unit choices=units
                    help=t!("signals-draft-unit-help") />
                <ListChoice id=id("activity") label=t!("signals-draft-activity") value=draft.activity choices=activities
                    help=t!("signals-draft-activity-help") />
                <InputField id=id("concerned") label=t!("signals-draft-concerned") maxlength=500 value=draft.concerned
                    help=t!("signals-draft-concerned-help") />
            </div>
        </fieldset>
        <AttachmentPicker files reading id=id("files") />
    }
}

/// A unit or an activity chosen from the institution's list: only such names reach the
/// public statistics, so the form offers no free text here. A value the list no longer
/// holds is cleared.
#[component]
pub fn ListChoice(
    /// The select's id.
    id: String,
    /// Its label.
    #[prop(into)]
    label: String,
    /// The chosen entry (empty: none).
    value: RwSignal<String>,
    /// The list's entries.
    choices: Signal<Vec<String>>,
    /// A line of help under the field.
    #[prop(into)]
    help: String,
) -> impl IntoView {
    Effect::new(move |_| {
        let list = choices.get();
        if !value.with_untracked(|v| v.is_empty() || list.contains(v)) {
            value.set(String::new());
        }
    });
    let help_id = format!("{id}-help");
    let options = move || {
        choices
            .get()
            .into_iter()
            .map(|c| {
                let selected = c.clone();
                view! {
                    <option value=c.clone() prop:selected=move || value.with(|v| *v == selected)>
                        {c.clone()}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <Labelled id=id.clone() label help>
            <select id=id.clone() on:change=move |ev| value.set(event_target_value(&ev)) aria-describedby=help_id>
                <option value="" prop:selected=move || value.with(String::is_empty)>{t!("signals-draft-not-specified")}</option>
                {options}
            </select>
        </Labelled>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_needs_a_description_a_category_and_a_name_unless_anonymous() {
        let mut d = DraftValues {
            anonymous: true,
            what: "  Поискаха ми пари за разрешително. ".into(),
            place: " Банско ".into(),
            category: "bribery".into(),
            unit: "  ".into(),
            ..DraftValues::default()
        };
        let checked = d.check().unwrap();
        assert_eq!(checked.reporter, None);
        assert_eq!(checked.account.what, "Поискаха ми пари за разрешително.");
        assert_eq!(checked.account.place, "Банско");
        assert_eq!(checked.unit, None);
        assert_eq!(checked.category, Category::Bribery);

        d.anonymous = false;
        assert!(d.check().unwrap_err().contains("името си"));
        d.name = " Иван Иванов ".into();
        assert_eq!(
            d.check().unwrap().reporter,
            Some(Reporter {
                name: "Иван Иванов".into(),
                contact: String::new()
            })
        );

        d.category = String::new();
        assert!(d.check().unwrap_err().contains("Изберете вид"));
        d.category = "other".into();
        d.what = "   ".into();
        assert!(d.check().unwrap_err().contains("Опишете"));
    }
}
