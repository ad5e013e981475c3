//! The app's language: chosen with the header's switch, remembered by the browser, fixed for
//! the life of the page.
//!
//! Switching reloads the page rather than re-rendering it: every text is then a plain `String`
//! made once ([`t!`]), no page needs a reactive language, and a language is changed seldom.

use antikor_shared::i18n::Lang;
use std::cell::Cell;

/// Where the browser keeps the chosen language (`localStorage`).
const STORAGE_KEY: &str = "antikor.lang";

thread_local! {
    // The browser runs the app on one thread; read from storage once, on first use.
    static LANG: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// The language of this page: the one chosen in this browser, else Bulgarian.
pub fn lang() -> Lang {
    LANG.with(|cell| {
        cell.get().unwrap_or_else(|| {
            let lang = storage()
                .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
                .and_then(|tag| Lang::from_tag(&tag))
                .unwrap_or_default();
            cell.set(Some(lang));
            lang
        })
    })
}

/// Remembers `lang` for this browser and loads the page again in it.
pub fn choose(lang: Lang) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(STORAGE_KEY, lang.tag());
    }
    let _ = leptos::prelude::window().location().reload();
}

/// Gives the page's language its messages: the catalogue `boot.js` fetched for it (only that
/// language is sent to the browser) and left in `globalThis.antikorCatalogue`, taken from
/// there so that one copy stays.
pub fn install_catalogue() {
    let window = leptos::prelude::window();
    let key = wasm_bindgen::JsValue::from_str("antikorCatalogue");
    let source = js_sys::Reflect::get(&window, &key)
        .ok()
        .and_then(|value| value.as_string());
    let _ = js_sys::Reflect::delete_property(&window, &key);
    match source {
        Some(source) => {
            antikor_shared::i18n::install(lang(), source);
        }
        // Every text would show as its id: say why, for whoever opens the console.
        None => leptos::logging::error!("boot.js left no catalogue: the page has no texts"),
    }
}

/// Tells the browser (and screen readers) the page's language, `<html lang="…">`, and the
/// server too, in a cookie: the live feed and downloads by link cannot send it in a header.
pub fn mark_document() {
    let document = leptos::prelude::document();
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", lang().tag());
    }
    if let Ok(document) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlDocument>(document) {
        let _ = document.set_cookie(&format!(
            "{}={}; path=/; max-age=31536000; SameSite=Lax",
            antikor_shared::i18n::LANG_COOKIE,
            lang().tag()
        ));
    }
}

/// The browser's storage; none on the host, where unit tests run in Bulgarian.
fn storage() -> Option<web_sys::Storage> {
    if cfg!(target_arch = "wasm32") {
        leptos::prelude::window().local_storage().ok().flatten()
    } else {
        None
    }
}

/// A message of the catalogue in the page's language: `t!("id")`, or with its variables
/// `t!("id", count = n, name = text)`. See `antikor_shared::i18n`.
macro_rules! t {
    ($id:literal) => {
        antikor_shared::tr!($crate::i18n::lang(), $id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        antikor_shared::tr!($crate::i18n::lang(), $id, $($name = $value),+)
    };
}
