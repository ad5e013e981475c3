//! The built frontend: its files, and a Content-Security-Policy that allows exactly its own
//! inline start-up script.

use axum::http::HeaderValue;
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The frontend Trunk built, found at start-up.
#[derive(Debug, Clone)]
pub struct Assets {
    /// The folder of files.
    pub dir: PathBuf,
    /// `index.html`, served for every page route of the single-page app.
    pub index_html: String,
    /// The CSP for pages, with the hashes of `index.html`'s inline scripts.
    pub csp: HeaderValue,
}

impl Assets {
    /// Loads `dir/index.html`, or `None` when the frontend is not built.
    pub fn load(dir: &Path) -> Option<Self> {
        let index_html = std::fs::read_to_string(dir.join("index.html")).ok()?;
        let csp = HeaderValue::from_str(&content_security_policy(&index_html)).ok()?;
        Some(Self {
            dir: dir.to_owned(),
            index_html,
            csp,
        })
    }
}

/// The CSP used when no page is involved (API answers).
pub const API_CSP: &str = "default-src 'none'; frame-ancestors 'none'";

/// Trunk starts the wasm module from an inline `<script type="module">`; rather than allow
/// every inline script, the policy names that one by its hash.
pub fn content_security_policy(index_html: &str) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for script in inline_scripts(index_html) {
        let digest = Sha256::digest(script.as_bytes());
        script_src.push_str(&format!(" 'sha256-{}'", BASE64.encode(digest)));
    }
    format!(
        "default-src 'self'; script-src {script_src}; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

/// The bodies of `<script>` elements without a `src`.
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let tag = &after[..open_end];
        let body_start = open_end + 1;
        let Some(close) = after[body_start..].find("</script>") else {
            break;
        };
        if !tag.contains(" src=") {
            out.push(&after[body_start..body_start + close]);
        }
        rest = &after[body_start + close..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_inline_scripts_are_hashed() {
        let html = r#"<script src="/a.js"></script><script type="module">init()</script>"#;
        assert_eq!(inline_scripts(html), vec!["init()"]);
        let csp = content_security_policy(html);
        let expected = BASE64.encode(Sha256::digest(b"init()"));
        assert!(csp.contains(&format!("'sha256-{expected}'")), "{csp}");
    }
}
