//! The built frontend: static files, and `index.html` for every page route of the app.

use crate::app::AppState;
use crate::util::errors::AppError;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{Html, IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::ServeDir;

/// Serves a file of the built frontend, or `index.html` for app routes (client-side routing).
pub async fn serve(State(app): State<AppState>, uri: Uri, request: Request) -> Response {
    if uri.path().starts_with("/api/") || uri.path() == "/api" {
        // Like every API answer, not to be kept by any cache.
        let mut response =
            AppError::NotFound(format!("Няма такъв адрес в API: {}", uri.path())).into_response();
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        return response;
    }
    // Pages and files are read, never posted to (nor traced).
    if request.method() != Method::GET && request.method() != Method::HEAD {
        let mut response = (
            StatusCode::METHOD_NOT_ALLOWED,
            "Страниците се четат с GET или HEAD.",
        )
            .into_response();
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let Some(assets) = &app.assets else {
        let page = "<!doctype html><meta charset=utf-8><title>Антикор</title>\
            <p>Интерфейсът не е построен. Стартирайте сървъра с командата от README.</p>";
        return (StatusCode::SERVICE_UNAVAILABLE, Html(page)).into_response();
    };
    let looks_like_file = uri
        .path()
        .rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'));
    if looks_like_file {
        let Ok(response) = ServeDir::new(&assets.dir).oneshot(request).await;
        return response.map(Body::new);
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
