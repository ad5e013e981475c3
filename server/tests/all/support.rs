//! Helpers shared by the integration tests.

use antikor_server::store::{
    AppendRequest, ExpectedVersion, Metadata, NewEvent, SledStore, StoreOptions,
};
use antikor_shared::{StreamId, TenantId};
use serde_json::value::RawValue;
use std::path::Path;
use uuid::Uuid;

/// Opens a store in `dir` with default options.
pub fn open(dir: &Path) -> SledStore {
    SledStore::open(dir, StoreOptions::default()).expect("store opens")
}

/// A tenant id.
pub fn tenant(s: &str) -> TenantId {
    TenantId::parse(s).unwrap()
}

/// A stream id.
pub fn stream(s: &str) -> StreamId {
    StreamId::parse(s).unwrap()
}

/// A test event with a fresh id and a small payload.
pub fn event(n: u64) -> NewEvent {
    NewEvent {
        id: Uuid::new_v4(),
        event_type: "NoteRecorded".into(),
        schema_version: 1,
        payload: RawValue::from_string(format!(r#"{{"n":{n}}}"#)).unwrap(),
    }
}

/// An append of `events` to `tenant/stream`.
pub fn request(
    t: &str,
    s: &str,
    expected: ExpectedVersion,
    events: Vec<NewEvent>,
) -> AppendRequest {
    AppendRequest {
        tenant: tenant(t),
        stream: stream(s),
        expected,
        events,
        metadata: Metadata {
            actor: "tester".into(),
            correlation_id: Uuid::new_v4(),
            causation_id: None,
        },
    }
}

/// The whole application on a temporary data folder, driven in-process through its router.
pub struct TestApp {
    /// The application state, for looking behind the API.
    pub state: antikor_server::AppState,
    router: axum::Router,
    /// Kept so that live feeds run until the app stops.
    _stop: antikor_server::app::StopHandle,
    /// Kept so the folder lives as long as the app.
    pub dir: tempfile::TempDir,
}

impl TestApp {
    /// Starts the app on a fresh data folder, without a built frontend.
    pub async fn start() -> Self {
        let dir = tempfile::tempdir().unwrap();
        Self::start_in(dir).await
    }

    /// Starts the app on an existing data folder.
    pub async fn start_in(dir: tempfile::TempDir) -> Self {
        let config = antikor_server::Config {
            data_dir: dir.path().to_owned(),
            assets_dir: dir.path().join("no-frontend"),
        };
        let (state, stop) = antikor_server::App::start(&config)
            .await
            .expect("app starts");
        let router = antikor_server::router::build(state.clone());
        Self {
            state,
            router,
            _stop: stop,
            dir,
        }
    }

    /// Sends a GET and returns the status and the JSON body (`Null` when the body is not JSON).
    pub async fn get(&self, uri: &str) -> (axum::http::StatusCode, serde_json::Value) {
        use tower::ServiceExt;
        let request = axum::http::Request::get(uri)
            .body(axum::body::Body::empty())
            .unwrap();
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let bytes = http_body_util::BodyExt::collect(response.into_body())
            .await
            .unwrap()
            .to_bytes();
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null),
        )
    }

    /// Stops the app and gives back its data folder.
    pub async fn stop(self) -> tempfile::TempDir {
        self.state.store.close().await.unwrap();
        self.dir
    }
}
