//! The register of corruption signals: the pieces its pages share (codes, clocks, the form's fields, attachments).

pub mod detail;
pub mod intake;
pub mod register;
pub mod report;
pub mod statistics;
pub mod track;

use crate::api::ApiError;
use crate::wire::{code, from_code};
use antikor_shared::account::Role;
use antikor_shared::signal::{
    Category, Clock, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, NewAttachment, Reporter, SignalAccount,
    StatutoryStep,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Only a tenant's officers see its individual signals; the server refuses everyone else.
pub fn handles_signals(role: Role) -> bool {
    role == Role::Officer
}

/// Officers and the tenant's admin record whether it must run an internal channel.
pub fn records_channel(role: Role) -> bool {
    matches!(role, Role::Officer | Role::TenantAdmin)
}

/// Trimmed text, or `None` when nothing was typed.
pub fn optional(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// The text shown for a failed call. The server explains its refusals itself; a proxy or the
/// body limit in front of it may answer 413 or 429 without an explanation.
pub fn error_text(error: &ApiError) -> String {
    match error {
        ApiError::Unexpected { status: 413 } => format!(
            "Сигналът е твърде голям: приложенията могат да са до {MAX_ATTACHMENTS} файла, всеки до {} MB.",
            MAX_ATTACHMENT_BYTES / (1024 * 1024)
        ),
        ApiError::Unexpected { status: 429 } => {
            "Твърде много опити от вашия адрес. Изчакайте няколко минути и опитайте отново."
                .to_owned()
        }
        other => other.to_string(),
    }
}

/// The class of a statutory clock's badge: overdue stands out, met steps are quiet.
pub fn clock_class(clock: Clock) -> &'static str {
    match clock {
        Clock::Overdue | Clock::MetLate => "badge badge--warn",
        Clock::DueSoon => "badge badge--soon",
        Clock::Met => "badge badge--ok",
        Clock::Running => "badge",
    }
}

/// Whether a step needs attention now: overdue, or due within days.
pub fn pressing(step: &StatutoryStep) -> bool {
    matches!(step.clock, Clock::Overdue | Clock::DueSoon)
}

/// A statutory step: its due date, when it was done, and where its clock stands.
#[component]
pub fn StepClock(
    /// The step.
    step: StatutoryStep,
) -> impl IntoView {
    let done = step
        .done
        .map(|d| format!(", изпълнено на {}", crate::format::date_bg(d)));
    view! {
        <span class="step-clock" data-clock=code(step.clock)>
            <span class="nowrap">{format!("до {}", crate::format::date_bg(step.due))}</span>
            {done}
            " "
            <span class=clock_class(step.clock)>{step.clock.label_bg()}</span>
        </span>
    }
}

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
                return Err("Посочете името си или изберете анонимен сигнал.".to_owned());
            };
            Some(Reporter {
                name,
                contact: self.contact.trim().to_owned(),
            })
        };
        let Some(what) = optional(&self.what) else {
            return Err("Опишете какво се е случило.".to_owned());
        };
        let Some(category) = from_code::<Category>(&self.category) else {
            return Err("Изберете вид на нарушението.".to_owned());
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
        .map(|c| view! { <option value=code(c)>{c.label_bg()}</option> })
        .collect_view();
    let named = move || !draft.anonymous.get();
    view! {
        <fieldset class="signal-who">
            <legend>"Кой подава сигнала"</legend>
            <div class="field field--check">
                <label>
                    <input
                        type="radio"
                        name=id("who")
                        id=id("anonymous")
                        prop:checked=move || draft.anonymous.get()
                        on:change=move |_| draft.anonymous.set(true)
                    />
                    " Анонимно — без име и данни за връзка"
                </label>
                <label>
                    <input
                        type="radio"
                        name=id("who")
                        id=id("named")
                        prop:checked=named
                        on:change=move |_| draft.anonymous.set(false)
                    />
                    " С име и данни за връзка"
                </label>
            </div>
            <Show when=named>
                <div class="form-grid">
                    <div class="field">
                        <label for=id("name")>"Име и фамилия"</label>
                        <input id=id("name") type="text" autocomplete="name" maxlength="200" bind:value=draft.name />
                    </div>
                    <div class="field">
                        <label for=id("contact")>"Как да се свържем с вас (по желание)"</label>
                        <input id=id("contact") type="text" maxlength="500" bind:value=draft.contact aria-describedby=id("contact-help") />
                        <p id=id("contact-help") class="field__help">"Адрес, електронна поща или телефон."</p>
                    </div>
                </div>
            </Show>
        </fieldset>
        <fieldset>
            <legend>"Какво се е случило"</legend>
            <div class="field field--wide">
                <label for=id("what")>"Описание"</label>
                <textarea id=id("what") rows="7" maxlength="20000" bind:value=draft.what></textarea>
            </div>
            <div class="form-grid">
                <div class="field">
                    <label for=id("place")>"Къде"</label>
                    <input id=id("place") type="text" maxlength="500" bind:value=draft.place />
                </div>
                <div class="field">
                    <label for=id("when")>"Кога"</label>
                    <input id=id("when") type="text" maxlength="200" bind:value=draft.when aria-describedby=id("when-help") />
                    <p id=id("when-help") class="field__help">"Дата или период, доколкото ги знаете."</p>
                </div>
                <div class="field">
                    <label for=id("category")>"Вид на нарушението"</label>
                    <select id=id("category") bind:value=draft.category>
                        <option value="">"Изберете…"</option>
                        {categories}
                    </select>
                </div>
                <ListChoice id=id("unit") label="Звено (по желание)" value=draft.unit choices=units
                    help="От списъка на институцията. Ако нищо не подхожда, оставете „не е посочено“ и го опишете в описанието." />
                <ListChoice id=id("activity") label="Дейност (по желание)" value=draft.activity choices=activities
                    help="Например „обществени поръчки“, ако е в списъка." />
                <div class="field">
                    <label for=id("concerned")>"Засегнато лице (по желание)"</label>
                    <input id=id("concerned") type="text" maxlength="500" bind:value=draft.concerned aria-describedby=id("concerned-help") />
                    <p id=id("concerned-help") class="field__help">"Името и длъжността се пазят запечатани, както вашите."</p>
                </div>
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
    label: &'static str,
    /// The chosen entry (empty: none).
    value: RwSignal<String>,
    /// The list's entries.
    choices: Signal<Vec<String>>,
    /// A line of help under the field.
    help: &'static str,
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
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id.clone() on:change=move |ev| value.set(event_target_value(&ev)) aria-describedby=help_id.clone()>
                <option value="" prop:selected=move || value.with(String::is_empty)>"Не е посочено"</option>
                {options}
            </select>
            <p id=help_id class="field__help">{help}</p>
        </div>
    }
}

/// Whether a file may be attached: its type (by name or by what the browser says) and size,
/// and how many are attached already.
pub fn check_file(name: &str, media_type: &str, bytes: f64, already: usize) -> Result<(), String> {
    if already >= MAX_ATTACHMENTS {
        return Err(format!("Може да приложите до {MAX_ATTACHMENTS} файла."));
    }
    let lower = name.to_lowercase();
    let by_name = [".pdf", ".jpg", ".jpeg", ".png", ".txt"]
        .iter()
        .any(|ext| lower.ends_with(ext));
    let by_type = matches!(
        media_type,
        "application/pdf" | "image/jpeg" | "image/png" | "text/plain"
    );
    if !by_name && !by_type {
        return Err(format!(
            "„{name}“: приемат се само PDF, JPEG, PNG и текстови файлове."
        ));
    }
    if bytes <= 0.0 {
        return Err(format!("„{name}“ е празен."));
    }
    // Sizes of files a browser reads are whole numbers far below 2^53.
    #[allow(clippy::cast_precision_loss)]
    let limit = MAX_ATTACHMENT_BYTES as f64;
    if bytes > limit {
        return Err(format!(
            "„{name}“ е по-голям от {} MB.",
            MAX_ATTACHMENT_BYTES / (1024 * 1024)
        ));
    }
    Ok(())
}

/// The base64 part of a `data:` URL, which is exactly the standard, padded base64 the API takes.
pub fn data_url_base64(url: &str) -> Option<&str> {
    url.strip_prefix("data:")?
        .split_once(";base64,")
        .map(|(_, b64)| b64)
}

/// A human size: `840 KB`, `1,4 MB`.
pub fn size_text(bytes: u64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        // One decimal is all a person needs of a file's size.
        #[allow(clippy::cast_precision_loss)]
        let mb = bytes as f64 / (1024.0 * 1024.0);
        format!("{mb:.1} MB").replace('.', ",")
    }
}

/// Reads `file` as a `data:` URL and hands its base64 to `done`, or an error text.
fn read_file(file: web_sys::File, done: impl FnOnce(Result<NewAttachment, String>) + 'static) {
    let name = file.name();
    let Ok(reader) = web_sys::FileReader::new() else {
        done(Err(format!("„{name}“ не може да бъде прочетен.")));
        return;
    };
    let result_reader = reader.clone();
    // The reader calls back once, with the whole file or an error.
    let on_end = wasm_bindgen::closure::Closure::once_into_js(move || {
        let url = result_reader
            .result()
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        match data_url_base64(&url) {
            Some(b64) if !b64.is_empty() => done(Ok(NewAttachment {
                name,
                content_base64: b64.to_owned(),
            })),
            _ => done(Err(format!("„{name}“ не може да бъде прочетен."))),
        }
    });
    reader.set_onloadend(Some(on_end.unchecked_ref()));
    if reader.read_as_data_url(&file).is_err() {
        reader.set_onloadend(None);
    }
}

/// Choosing up to three files, each checked and read into base64 before the form is sent.
#[component]
pub fn AttachmentPicker(
    /// The files read so far.
    files: RwSignal<Vec<NewAttachment>>,
    /// Files still being read (the form waits for them).
    reading: RwSignal<usize>,
    /// The input's id.
    id: String,
) -> impl IntoView {
    let errors = RwSignal::new(Vec::<String>::new());
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let mut problems = Vec::new();
        let mut count = files.with_untracked(Vec::len) + reading.get_untracked();
        if let Some(list) = input.files() {
            for i in 0..list.length() {
                let Some(file) = list.get(i) else { continue };
                if let Err(problem) = check_file(&file.name(), &file.type_(), file.size(), count) {
                    problems.push(problem);
                    continue;
                }
                count += 1;
                reading.update(|n| *n += 1);
                read_file(file, move |read| {
                    reading.try_update(|n| *n = n.saturating_sub(1));
                    match read {
                        Ok(file) => {
                            files.try_update(|f| f.push(file));
                        }
                        Err(problem) => {
                            errors.try_update(|e| e.push(problem));
                        }
                    }
                });
            }
        }
        errors.set(problems);
        // Cleared, so that the same file can be chosen again after it was removed.
        input.set_value("");
    };
    let list = move || {
        files
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, f)| {
                // Three quarters of the base64 length is the file's size, give or take padding.
                let bytes = (f.content_base64.len() as u64) / 4 * 3;
                view! {
                    <li class="attachment" data-name=f.name.clone()>
                        {f.name.clone()}
                        <span class="muted small">{format!(" ({})", size_text(bytes))}</span>
                        " "
                        <button
                            type="button"
                            class="button button--small attachment-remove"
                            on:click=move |_| files.update(|f| {
                                if i < f.len() {
                                    f.remove(i);
                                }
                            })
                        >
                            "Премахни"
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let help = format!("{id}-help");
    view! {
        <fieldset class="attachments">
            <legend>"Приложения (по желание)"</legend>
            <div class="field field--wide">
                <label for=id.clone()>"Добавете файлове"</label>
                <input
                    id=id.clone()
                    type="file"
                    multiple=true
                    accept=".pdf,.jpg,.jpeg,.png,.txt,application/pdf,image/jpeg,image/png,text/plain"
                    on:change=on_change
                    aria-describedby=help.clone()
                />
                <p id=help class="field__help">
                    {format!(
                        "До {MAX_ATTACHMENTS} файла (PDF, JPEG, PNG или текст), всеки до {} MB. Файловете се съхраняват криптирани.",
                        MAX_ATTACHMENT_BYTES / (1024 * 1024)
                    )}
                </p>
            </div>
            <ul class="row-list attachment-list">{list}</ul>
            <Show when=move || { reading.get() > 0 }>
                <p class="muted small" role="status">"Файловете се прочитат…"</p>
            </Show>
            {move || {
                let list = errors.get();
                (!list.is_empty())
                    .then(|| {
                        view! {
                            <div class="notice notice--error attachment-errors" role="alert">
                                {list.into_iter().map(|e| view! { <p>{e}</p> }).collect_view()}
                            </div>
                        }
                    })
            }}
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use antikor_shared::signal::{Outcome, Regime, SignalStatus};

    #[test]
    fn codes_are_the_wire_names() {
        assert_eq!(code(SignalStatus::InProgress), "in_progress");
        assert_eq!(code(Clock::DueSoon), "due_soon");
        assert_eq!(code(Category::ConflictOfInterest), "conflict_of_interest");
        for s in SignalStatus::ALL {
            assert_eq!(from_code::<SignalStatus>(&code(s)), Some(s));
        }
        for r in Regime::ALL {
            assert_eq!(from_code::<Regime>(&code(r)), Some(r));
        }
        for o in Outcome::ALL {
            assert_eq!(from_code::<Outcome>(&code(o)), Some(o));
        }
        assert_eq!(from_code::<Category>(""), None);
        assert_eq!(from_code::<Category>("bribe"), None);
    }

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

    #[test]
    fn files_are_checked_by_type_size_and_count() {
        assert!(check_file("акт.pdf", "", 1000.0, 0).is_ok());
        assert!(check_file("snimka", "image/jpeg", 1000.0, 2).is_ok());
        assert!(check_file("a.PNG", "", 1000.0, 0).is_ok());
        assert!(check_file("a.exe", "application/x-msdownload", 10.0, 0).is_err());
        assert!(check_file("a.pdf", "", 0.0, 0).is_err());
        assert!(check_file("a.pdf", "", 2.0 * 1024.0 * 1024.0, 0).is_ok());
        assert!(check_file("a.pdf", "", 2.0 * 1024.0 * 1024.0 + 1.0, 0).is_err());
        assert!(
            check_file("a.pdf", "", 10.0, 3)
                .unwrap_err()
                .contains("до 3")
        );
    }

    #[test]
    fn data_urls_give_their_base64() {
        assert_eq!(
            data_url_base64("data:application/pdf;base64,JVBERi0xLjQK"),
            Some("JVBERi0xLjQK")
        );
        assert_eq!(
            data_url_base64("data:text/plain;charset=utf-8;base64,0JDQkQ=="),
            Some("0JDQkQ==")
        );
        assert_eq!(data_url_base64("data:,hello"), None);
        assert_eq!(data_url_base64("blob:x"), None);
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(size_text(1), "1 KB");
        assert_eq!(size_text(840 * 1024), "840 KB");
        assert_eq!(size_text(1536 * 1024), "1,5 MB");
    }
}

/// The units and the activities `tenant` offers, loaded when it changes (empty while none is
/// chosen or they are loading). The intake and classification forms share it.
pub(super) fn intake_lists(tenant: Signal<String>) -> (Signal<Vec<String>>, Signal<Vec<String>>) {
    let lists = LocalResource::new(move || {
        let tenant = tenant.get();
        async move {
            if tenant.is_empty() {
                None
            } else {
                crate::api::signals::lists(&tenant).await.ok()
            }
        }
    });
    let units = Signal::derive(move || lists.get().flatten().map(|l| l.units).unwrap_or_default());
    let activities = Signal::derive(move || {
        lists
            .get()
            .flatten()
            .map(|l| l.activities)
            .unwrap_or_default()
    });
    (units, activities)
}
