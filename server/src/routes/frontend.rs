//! The built frontend: static files, and `index.html` for every page route of the app.

use crate::app::AppState;
use crate::util::errors::{AppError, callers_language};
use antikor_shared::{msg, tr};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{Html, IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::ServeDir;

/// Whether a file's name carries the hash of its content, as the build names what it writes
/// (`antikor-frontend-23e6a20e2baee584_bg.wasm`, `chunk_42-5fecf915a74837d2.wasm`,
/// `style-e7e88d11ce4d30d4.css`): a dash and 16 hexadecimal digits before the suffix and
/// extension.
fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let stem = name.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Serves a file of the built frontend, or `index.html` for app routes (client-side routing).
pub async fn serve(State(app): State<AppState>, uri: Uri, request: Request) -> Response {
    // Its pages' few texts, in the caller's language (its errors follow it by themselves).
    let lang = callers_language(request.headers());
    if uri.path().starts_with("/api/") || uri.path() == "/api" {
        // Like every API answer, not to be kept by any cache.
        let mut response =
            AppError::NotFound(msg!("requests-no-api-route", path = uri.path())).into_response();
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        return response;
    }
    // Pages and files are read, never posted to (nor traced).
    if request.method() != Method::GET && request.method() != Method::HEAD {
        let mut response = (
            StatusCode::METHOD_NOT_ALLOWED,
            tr!(lang, "requests-pages-get-only"),
        )
            .into_response();
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let Some(assets) = &app.assets else {
        let page = format!(
            "<!doctype html><html lang={}><meta charset=utf-8><title>{}</title><p>{}</p>",
            lang.tag(),
            tr!(lang, "requests-antikor"),
            tr!(lang, "requests-interface-not-built")
        );
        return (StatusCode::SERVICE_UNAVAILABLE, Html(page)).into_response();
    };
    let looks_like_file = uri
        .path()
        .rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'));
    if looks_like_file {
        let hashed = is_hashed(uri.path());
        // The release build leaves brotli and gzip copies beside each large file
        // (frontend/post-build.mjs): sent as they are to a browser that accepts them, the
        // wasm costs a third of its size on the wire and no compression per request.
        let files = ServeDir::new(&assets.dir)
            .precompressed_br()
            .precompressed_gzip();
        let Ok(response) = files.oneshot(request).await;
        let mut response = response.map(Body::new);
        if response.status().is_success() {
            // A hashed name changes with its content: the browser keeps it for good. The rest
            // (the boot script, the favicon's fallback) is asked again each time.
            let policy = if hashed {
                "public, max-age=31536000, immutable"
            } else {
                "no-cache"
            };
            let headers = response.headers_mut();
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
            // Which copy was sent depends on what the browser accepts: caches must know.
            headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        }
        return response;
    }
    (
        [
            (header::CONTENT_SECURITY_POLICY, assets.csp.clone()),
            (header::CACHE_CONTROL, "no-cache".parse().expect("valid")),
        ],
        Html(assets.index_html.clone()),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_names_the_build_hashes_are_kept_for_good() {
        for hashed in [
            "/antikor-frontend-23e6a20e2baee584.js",
            "/antikor-frontend-23e6a20e2baee584_bg.wasm",
            "/style-e7e88d11ce4d30d4.css",
            "/favicon-8fe323dba30f731d.svg",
            "/catalogue-bg-0f4c2a9e81d3b7a6.ftl",
            "/antikor-frontend-split-23e6a20e2baee584.js",
            "/split_work_pages-5fecf915a74837d2.wasm",
            "/chunk_42-5fecf915a74837d2.wasm",
        ] {
            assert!(is_hashed(hashed), "{hashed}");
        }
        for plain in [
            "/boot.js",
            "/favicon.svg",
            "/docs/guide-v2.pdf",
            "/x-23e6a20e2baee58.js",
            "/x-23e6a20e2baee58g.js",
        ] {
            assert!(!is_hashed(plain), "{plain}");
        }
    }
}
