//! Small pieces shared by the pages: loading and error blocks, copying, the document title,
//! tenants' names.

use crate::api::ApiError;
use antikor_shared::tenant::TenantName;
use leptos::error::Error;
use leptos::prelude::*;

/// Shown while data loads; `role="status"` lets screen readers announce it.
#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="loading" role="status" data-testid="loading">
            {t!("shell-loading")}
        </p>
    }
}

/// The text shown for one caught error: our own Bulgarian message for [`ApiError`].
fn error_text(error: &Error) -> String {
    error
        .downcast_ref::<ApiError>()
        .map(ToString::to_string)
        .unwrap_or_else(|| t!("shell-unexpected-error", error = error.to_string()))
}

/// The messages of the errors an `ErrorBoundary` caught, with a button to try again.
#[component]
pub fn ErrorMessages(
    /// What the boundary caught.
    errors: ArcRwSignal<Errors>,
    /// Runs when the person asks to try again.
    retry: Callback<()>,
) -> impl IntoView {
    let caught = errors.clone();
    let messages = move || {
        errors
            .read()
            .iter()
            .map(|(_, e)| view! { <p>{error_text(e)}</p> })
            .collect_view()
    };
    // Asking again cannot help when the address itself is wrong.
    let retryable = move || {
        caught
            .read()
            .iter()
            .any(|(_, e)| !matches!(e.downcast_ref::<ApiError>(), Some(ApiError::Invalid(_))))
    };
    view! {
        <div class="notice notice--error" role="alert" data-testid="error">
            {messages}
            <Show when=retryable>
                <button type="button" class="button" on:click=move |_| retry.run(())>
                    {t!("shell-retry")}
                </button>
            </Show>
        </div>
    }
}

/// Data being loaded: "Зареждане…" until it comes, then `children`, or the errors with a
/// button to try again.
#[component]
pub fn Loaded(
    /// Runs when the person asks to try again.
    retry: Callback<()>,
    /// Keep showing the previous data while new data loads (a `Transition`), for views whose
    /// choices change in place; otherwise a `Suspense`.
    #[prop(optional)]
    keep_shown: bool,
    children: Children,
) -> impl IntoView {
    let fallback = || view! { <Loading /> };
    let content = view! {
        <ErrorBoundary fallback=move |errors| {
            view! { <ErrorMessages errors retry /> }
        }>{children()}</ErrorBoundary>
    };
    if keep_shown {
        view! { <Transition fallback>{content}</Transition> }.into_any()
    } else {
        view! { <Suspense fallback>{content}</Suspense> }.into_any()
    }
}

/// Sets the browser tab's title for the current page.
pub fn set_title(page: &str) {
    let title = if page.is_empty() {
        t!("shell-brand")
    } else {
        t!("shell-document-title", page = page)
    };
    document().set_title(&title);
}

/// Moves keyboard focus to the main area; the skip link's own jump would be taken over by the
/// router, which changes the URL but leaves focus where it was.
pub fn focus_main(ev: leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast;
    ev.prevent_default();
    if let Some(main) = document()
        .get_element_by_id("main")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
        main.scroll_into_view();
    }
}

/// Moves keyboard focus to the element with `id`, if it is on the page.
pub fn focus_by_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// A button that copies `text` to the clipboard, then says whether that worked.
#[component]
pub fn CopyButton(
    /// The button's id.
    id: &'static str,
    /// What is copied.
    text: String,
    /// The button's label.
    #[prop(into)]
    label: String,
    /// Said when copying fails, e.g. what to do instead.
    #[prop(into)]
    failed: String,
) -> impl IntoView {
    use wasm_bindgen::JsCast;
    let copied = RwSignal::new(None::<bool>);
    let on_click = move |_| {
        let navigator = window().navigator();
        // Browsers offer the clipboard only on secure pages (https or localhost).
        let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
            .is_ok_and(|c| !c.is_undefined() && !c.is_null());
        if !has_clipboard {
            copied.set(Some(false));
            return;
        }
        let promise = navigator.clipboard().write_text(&text);
        // Each callback runs at most once; the promise settles one way only.
        let ok = wasm_bindgen::closure::Closure::once_into_js(move |_: wasm_bindgen::JsValue| {
            copied.try_set(Some(true));
        });
        let not_copied =
            wasm_bindgen::closure::Closure::once_into_js(move |_: wasm_bindgen::JsValue| {
                copied.try_set(Some(false));
            });
        let then = js_sys::Reflect::get(&promise, &"then".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        match then {
            Some(then) => {
                let _ = then.call2(&promise, &ok, &not_copied);
            }
            None => copied.set(Some(false)),
        }
    };
    view! {
        <p>
            <button type="button" id=id class="button" on:click=on_click>
                {label}
            </button>
            {move || {
                copied
                    .get()
                    .map(|ok| {
                        view! {
                            <span class="muted small" role="status">
                                {if ok { format!(" {}", t!("shell-copied")) } else { format!(" {failed}") }}
                            </span>
                        }
                    })
            }}
        </p>
    }
}

/// An attached evidence file as a list item: its name, linked to its download, and its size.
pub fn file_item(file: &antikor_shared::files::FileRef) -> impl IntoView + use<> {
    let href = format!("/api/files/{}", file.sha256);
    let size = file.size_label();
    view! {
        <li class="evidence-file">
            <a href=href download=file.name.clone()>{file.name.clone()}</a>
            " "
            <span class="muted small">{format!("({size})")}</span>
        </li>
    }
}

/// What was wrong with the files a picker was given, one line each, as an alert; nothing
/// while there is nothing wrong.
#[component]
pub fn FileProblems(
    /// The problems.
    problems: RwSignal<Vec<String>>,
    /// The alert's class besides `notice notice--error`.
    class: &'static str,
) -> impl IntoView {
    move || {
        let list = problems.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class=format!("notice notice--error {class}") role="alert">
                    {list.into_iter().map(|e| view! { <p>{e}</p> }).collect_view()}
                </div>
            }
        })
    }
}

/// A tenant's name as this page shows it, in the page's language, and the `lang` attribute to
/// give what holds it: `Some("bg")` when the Bulgarian name stands in for a missing English
/// one on an English page, else none.
pub fn shown_name(name: &TenantName) -> (String, Option<&'static str>) {
    let lang = crate::i18n::lang();
    (name.get(lang).to_owned(), name.lang_mark(lang))
}

/// Stands for the name in a sentence given to `sentence_with_name`: a private-use character,
/// which no message of the catalogue holds.
pub const NAME_HERE: &str = "\u{E000}";

/// A sentence of the catalogue with a tenant's name in it, formatted with `NAME_HERE` for the
/// name. The name is its own element, so that the official Bulgarian name standing in for a
/// missing English one is marked `lang="bg"` inside an English sentence.
pub fn sentence_with_name(name: &TenantName, sentence: String) -> impl IntoView + use<> {
    let (shown, mark) = shown_name(name);
    let (before, after) = around_name(sentence);
    view! { {before}<span lang=mark>{shown}</span>{after} }
}

/// The text before and after the name's place in a formatted sentence; a sentence without the
/// name (a translation that leaves it out) is all before.
fn around_name(sentence: String) -> (String, String) {
    match sentence.split_once(NAME_HERE) {
        Some((before, after)) => (before.to_owned(), after.to_owned()),
        None => (sentence, String::new()),
    }
}

/// A tenant's name in the page's language, marked `lang="bg"` when the Bulgarian name stands
/// in for a missing English one.
#[component]
pub fn TenantNameText(
    /// The name in both languages.
    name: TenantName,
) -> impl IntoView {
    let (text, mark) = shown_name(&name);
    view! { <span lang=mark>{text}</span> }
}

#[cfg(test)]
mod tests {
    use super::*;
    use antikor_shared::i18n::Lang;

    /// The name's place is found in a sentence the catalogue formats, in both languages, and
    /// nothing of the sentence is lost around it.
    #[test]
    fn a_name_is_cut_out_of_its_sentence_whole() {
        for lang in [Lang::Bg, Lang::En] {
            let sentence = antikor_shared::tr!(
                lang,
                "citizen-survey-closes",
                institution = NAME_HERE,
                date = "31.12.2017"
            );
            let (before, after) = around_name(sentence.clone());
            assert_eq!(before, "", "{lang:?}: {sentence}");
            assert!(
                after.starts_with(" · ") && after.contains("31.12.2017"),
                "{after}"
            );
            assert_eq!(
                format!("{before}Банско{after}").chars().count(),
                sentence.chars().count() + 5
            );
        }
        assert_eq!(
            around_name("без име".into()),
            ("без име".into(), String::new())
        );
    }
}
