//! Attaching files to a signal: each checked by type, size and count, then read into base64.

use crate::components::FileProblems;
use crate::upload::check_size;
use antikor_shared::i18n::Lang;
use antikor_shared::signal::{MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, NewAttachment};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Whether a file may be attached: its type (by name or by what the browser says) and size,
/// and how many are attached already.
pub fn check_file(name: &str, media_type: &str, bytes: f64, already: usize) -> Result<(), String> {
    if already >= MAX_ATTACHMENTS {
        return Err(t!("citizen-attachments-too-many", count = MAX_ATTACHMENTS));
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
        return Err(t!("citizen-attachments-wrong-type", name = name));
    }
    check_size(name, bytes, MAX_ATTACHMENT_BYTES)
}

/// The base64 part of a `data:` URL, which is exactly the standard, padded base64 the API takes.
pub fn data_url_base64(url: &str) -> Option<&str> {
    url.strip_prefix("data:")?
        .split_once(";base64,")
        .map(|(_, b64)| b64)
}

/// A human size: `840 KB`, `1,4 MB` (`1.4 MB` in English).
pub fn size_text(bytes: u64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        // One decimal is all a person needs of a file's size.
        #[allow(clippy::cast_precision_loss)]
        let mb = bytes as f64 / (1024.0 * 1024.0);
        let text = format!("{mb:.1} MB");
        match crate::i18n::lang() {
            Lang::Bg => text.replace('.', ","),
            Lang::En => text,
        }
    }
}

/// Reads `file` as a `data:` URL and hands its base64 to `done`, or an error text.
fn read_file(file: web_sys::File, done: impl FnOnce(Result<NewAttachment, String>) + 'static) {
    let name = file.name();
    let Ok(reader) = web_sys::FileReader::new() else {
        done(Err(t!("citizen-attachments-unreadable", name = &name)));
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
            _ => done(Err(t!("citizen-attachments-unreadable", name = &name))),
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
                            {t!("citizen-attachments-remove")}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let help = format!("{id}-help");
    view! {
        <fieldset class="attachments">
            <legend>{t!("citizen-attachments-legend")}</legend>
            <div class="field field--wide">
                // The browser's own button speaks the browser's language ("Choose Files"): the
                // input stays (and takes the focus), its label is the button people see.
                <input
                    id=id.clone()
                    class="file-input"
                    type="file"
                    multiple=true
                    accept=".pdf,.jpg,.jpeg,.png,.txt,application/pdf,image/jpeg,image/png,text/plain"
                    on:change=on_change
                    aria-describedby=help.clone()
                />
                <label for=id.clone() class="button file-button">{t!("citizen-attachments-choose")}</label>
                <p id=help class="field__help">
                    {t!(
                        "citizen-attachments-help",
                        count = MAX_ATTACHMENTS,
                        size = MAX_ATTACHMENT_BYTES / (1024 * 1024)
                    )}
                </p>
            </div>
            <ul class="row-list attachment-list">{list}</ul>
            <Show when=move || { reading.get() > 0 }>
                <p class="muted small" role="status">{t!("citizen-attachments-reading")}</p>
            </Show>
            <FileProblems problems=errors class="attachment-errors" />
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
