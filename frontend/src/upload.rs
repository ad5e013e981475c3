//! Uploading evidence files: a file picker whose button speaks the page's language, each chosen file
//! checked, sent to `/api/files` and handed to the page as the server stored it.

use crate::api;
use crate::components::FileProblems;
use antikor_shared::files::{FileRef, MAX_FILE_BYTES, MAX_FILES_AT_ONCE};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// What the picker offers: the types the server accepts (it judges by the bytes again).
const ACCEPT: &str = ".pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,\
application/pdf,image/jpeg,image/png";

/// Whether a file may be sent at all: not empty, and not larger than `max` bytes (what the
/// server takes: evidence files, a signal's attachments).
pub fn check_size(name: &str, bytes: f64, max: usize) -> Result<(), String> {
    if bytes <= 0.0 {
        return Err(t!("shell-file-empty", name = name));
    }
    // Sizes of files a browser reads are whole numbers far below 2^53.
    #[allow(clippy::cast_precision_loss)]
    let limit = max as f64;
    if bytes > limit {
        return Err(t!(
            "shell-file-too-large",
            name = name,
            megabytes = max / (1024 * 1024)
        ));
    }
    Ok(())
}

/// A file picker that uploads what is chosen: each file is checked, stored by the server and
/// handed to `uploaded`; what went wrong is said under it. The browser's own button would
/// speak the browser's language ("Choose Files"), so the input is visually hidden (it keeps
/// the focus) and its label is the button people see.
#[component]
pub fn FileUpload(
    /// The input's id; the help's is `{id}-help`.
    #[prop(into)]
    id: String,
    /// Gets each file as the server stored it.
    uploaded: Callback<FileRef>,
    /// How many files are being uploaded: a form that names them waits meanwhile.
    #[prop(optional)]
    sending: Option<RwSignal<usize>>,
    /// The button's text.
    #[prop(optional, into)]
    button: Option<String>,
) -> impl IntoView {
    let sending = sending.unwrap_or_else(|| RwSignal::new(0));
    let errors = RwSignal::new(Vec::<String>::new());
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let mut problems = Vec::new();
        if let Some(list) = input.files() {
            let count = usize::try_from(list.length()).unwrap_or(usize::MAX);
            if count > MAX_FILES_AT_ONCE {
                problems.push(t!("shell-files-too-many", count = MAX_FILES_AT_ONCE));
            } else {
                for i in 0..list.length() {
                    let Some(file) = list.get(i) else { continue };
                    if let Err(problem) = check_size(&file.name(), file.size(), MAX_FILE_BYTES) {
                        problems.push(problem);
                        continue;
                    }
                    sending.update(|n| *n += 1);
                    spawn_local(async move {
                        let name = file.name();
                        match api::upload_file(&file).await {
                            Ok(stored) => uploaded.run(stored),
                            Err(e) => {
                                errors.try_update(|list| {
                                    list.push(t!(
                                        "shell-file-not-uploaded",
                                        name = name,
                                        error = e.to_string()
                                    ));
                                });
                            }
                        }
                        sending.try_update(|n| *n = n.saturating_sub(1));
                    });
                }
            }
        }
        errors.set(problems);
        // Cleared, so that the same file can be chosen again.
        input.set_value("");
    };
    let help = format!("{id}-help");
    view! {
        <div class="field field--wide file-upload">
            <input
                id=id.clone()
                class="file-input"
                type="file"
                multiple=true
                accept=ACCEPT
                on:change=on_change
                aria-describedby=help.clone()
            />
            <label for=id.clone() class="button file-button">{button.unwrap_or_else(|| t!("shell-file-attach"))}</label>
            <p id=help class="field__help">
                {t!(
                    "shell-file-upload-help",
                    megabytes = MAX_FILE_BYTES / (1024 * 1024),
                    count = MAX_FILES_AT_ONCE
                )}
            </p>
            <Show when=move || { sending.get() > 0 }>
                <p class="muted small" role="status">{t!("shell-file-uploading")}</p>
            </Show>
            <FileProblems problems=errors class="upload-errors" />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_oversized_files_are_refused_before_sending() {
        assert!(check_size("протокол.pdf", 1000.0, MAX_FILE_BYTES).is_ok());
        assert!(
            check_size("празен.pdf", 0.0, MAX_FILE_BYTES)
                .unwrap_err()
                .contains("празен")
        );
        assert!(check_size("голям.pdf", 10.0 * 1024.0 * 1024.0, MAX_FILE_BYTES).is_ok());
        assert!(
            check_size("голям.pdf", 10.0 * 1024.0 * 1024.0 + 1.0, MAX_FILE_BYTES)
                .unwrap_err()
                .contains("10 MB")
        );
    }
}
