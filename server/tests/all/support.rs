//! Helpers shared by the integration tests.

use antikor_e2e::postgres::Cluster;
pub use antikor_server::demo::DEMO_PASSWORD;
use antikor_server::store::postgres::{PgOptions, PgStore};
use antikor_server::store::{
    AppendRequest, EventStore, ExpectedVersion, Metadata, NewEvent, SledStore, StoreOptions,
};
use antikor_shared::{StreamId, TenantId};
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use std::path::Path;
use std::sync::Arc;
use uuid::Uuid;

/// An answer decoded into the API's type, or a failed test that shows it.
fn typed<T: DeserializeOwned>(uri: &str, body: serde_json::Value) -> T {
    serde_json::from_value(body.clone())
        .unwrap_or_else(|e| panic!("{uri} answered what its type does not read ({e}): {body}"))
}

/// Where a test of the log's contract keeps its log: a folder for sled, a database for
/// PostgreSQL. Each [`open`](Place::open) opens the same log again, as a restarted server does.
pub enum Place {
    /// A sled log in a temporary folder; `compressing` trains its dictionary early (see
    /// [`open_compressing`]).
    Sled {
        /// The folder.
        dir: tempfile::TempDir,
        /// Whether most records of a short log are compressed.
        compressing: bool,
    },
    /// A PostgreSQL log in a fresh database of a shared test cluster.
    Postgres {
        /// Kept running while the test has the place.
        _cluster: Arc<Cluster>,
        /// The database's address.
        url: String,
        /// The key files (`vault.key`, `log.key`) of every server on the database, as an
        /// installation copies them to each.
        keys: tempfile::TempDir,
    },
}

impl Place {
    /// An empty sled log.
    pub fn sled() -> Self {
        let dir = tempfile::tempdir().unwrap();
        Self::Sled {
            dir,
            compressing: false,
        }
    }

    /// An empty sled log that compresses most of its records from the 40th on.
    pub fn sled_compressing() -> Self {
        let dir = tempfile::tempdir().unwrap();
        Self::Sled {
            dir,
            compressing: true,
        }
    }

    /// An empty PostgreSQL log.
    pub async fn postgres() -> Self {
        let cluster = Cluster::shared();
        let url = cluster.url(&cluster.fresh_database().await);
        Self::Postgres {
            _cluster: cluster,
            url,
            keys: tempfile::tempdir().unwrap(),
        }
    }

    /// The log, opened.
    pub fn open(&self) -> Arc<dyn EventStore> {
        match self {
            Self::Sled { dir, compressing } if *compressing => {
                Arc::new(open_compressing(dir.path()))
            }
            Self::Sled { dir, .. } => Arc::new(open(dir.path())),
            Self::Postgres { url, .. } => {
                Arc::new(PgStore::open(url, PgOptions::default()).expect("the log opens"))
            }
        }
    }
}

/// Runs each named test of the log's contract, an `async fn(Place)` of the module that calls
/// this, on an empty sled log (in `on_sled`) and on an empty PostgreSQL log (in `on_postgres`).
macro_rules! on_both_backends {
    ($($test:ident),* $(,)?) => {
        mod on_sled {
            $(
                #[tokio::test]
                async fn $test() {
                    super::$test(crate::support::Place::sled()).await
                }
            )*
        }
        mod on_postgres {
            $(
                #[tokio::test]
                async fn $test() {
                    super::$test(crate::support::Place::postgres().await).await
                }
            )*
        }
    };
}
pub(crate) use on_both_backends;

/// Runs a case on a runtime of its own (proptest's cases are plain functions).
pub fn block_on<T>(case: impl std::future::Future<Output = T>) -> T {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(case)
}

/// Opens a store in `dir` with default options.
pub fn open(dir: &Path) -> SledStore {
    SledStore::open(dir, StoreOptions::default()).expect("store opens")
}

/// Opens a store in `dir` that trains its compression dictionary on its first 40 records,
/// so that a short test log is mostly compressed.
pub fn open_compressing(dir: &Path) -> SledStore {
    let options = StoreOptions {
        compression: Some(antikor_server::store::compress::Policy {
            after: 1,
            samples: 40,
        }),
        ..StoreOptions::default()
    };
    SledStore::open(dir, options).expect("store opens")
}

/// Opens a stopped log's sled database directly, as someone with the files could. Retried for
/// a while: a process another test starts at that moment inherits the folder's lock for as long
/// as it takes to exec, and sled refuses to open a locked folder.
pub fn open_files(dir: &Path) -> sled::Db {
    let started = std::time::Instant::now();
    loop {
        match sled::open(dir) {
            Ok(db) => return db,
            Err(e) if started.elapsed() > std::time::Duration::from_secs(20) => {
                panic!("{} stays locked: {e}", dir.display())
            }
            Err(_) => std::thread::sleep(std::time::Duration::from_millis(50)),
        }
    }
}

/// Every chunk of a stopped log's database, in order: its key, its stored bytes, and its
/// records' bytes as the store reads them (decompressed with the log's dictionary).
pub fn unpacked_chunks(
    db: &sled::Db,
) -> Vec<(
    sled::IVec,
    sled::IVec,
    antikor_server::store::compress::Chunk,
)> {
    use antikor_server::store::keys;
    let unpacker = antikor_server::store::compress::Unpacker::default();
    db.scan_prefix([keys::LOG])
        .map(|item| {
            let (key, stored) = item.unwrap();
            let chunk = unpacker
                .unpack_chunk(&stored, |id| db.get(keys::dictionary(id)))
                .unwrap();
            (key, stored, chunk)
        })
        .collect()
}

/// A tenant id.
pub fn tenant(s: &str) -> TenantId {
    TenantId::parse(s).unwrap()
}

/// The events of an audit trail page, each as stored (without its sentence and record name).
pub fn trail_events(page: &serde_json::Value) -> Vec<serde_json::Value> {
    page["events"]
        .as_array()
        .expect("a page of the audit trail")
        .iter()
        .map(|entry| entry["event"].clone())
        .collect()
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

/// Events a new data folder starts with: 15 tenants, then the 2017 plan (adopted and its 18
/// measures, in one append).
pub const SEEDED: u64 = 35;

/// A logged-in test client.
#[derive(Debug, Clone)]
pub struct Session {
    /// `name=value` for the `Cookie` header.
    pub cookie: String,
    /// The whole `Set-Cookie` header the login answered with.
    pub set_cookie: String,
    /// The CSRF token to send with changes.
    pub csrf: String,
    /// The login's answer.
    pub info: serde_json::Value,
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
    /// Starts the app on a fresh data folder, without accounts or a built frontend.
    pub async fn start() -> Self {
        let dir = tempfile::tempdir().unwrap();
        Self::start_in(dir).await
    }

    /// Starts the app on a fresh data folder with the demo accounts.
    pub async fn start_demo() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let config = antikor_server::Config {
            // The matrix files many signals from the one test address.
            public_signals_per_hour: 100_000,
            ..antikor_server::Config::new(dir.path(), dir.path().join("no-frontend"))
        };
        Self::start_with(dir, config)
            .await
            .with_demo_accounts()
            .await
    }

    /// Creates the demo accounts, as `antikor serve --demo` does.
    pub async fn with_demo_accounts(self) -> Self {
        antikor_server::demo::create_accounts(&self.state)
            .await
            .expect("demo accounts are created");
        self
    }

    /// Starts the app on an existing data folder.
    pub async fn start_in(dir: tempfile::TempDir) -> Self {
        let config = antikor_server::Config::new(dir.path(), dir.path().join("no-frontend"));
        Self::start_with(dir, config).await
    }

    /// Starts the app with a configuration of the test's own.
    pub async fn start_with(dir: tempfile::TempDir, config: antikor_server::Config) -> Self {
        // Shows the server's own log (internal errors above all) in a failing test's output.
        let _ = tracing_subscriber::fmt()
            .with_env_filter("warn")
            .with_test_writer()
            .try_init();
        let (state, stop) = antikor_server::App::start(&config)
            .await
            .expect("app starts");
        let client: std::net::SocketAddr = ([192, 0, 2, 1], 40000).into();
        let router = antikor_server::router::build(state.clone())
            .layer(axum::extract::connect_info::MockConnectInfo(client));
        Self {
            state,
            router,
            _stop: stop,
            dir,
        }
    }

    /// Sends a request and returns the whole response (headers and body bytes).
    pub async fn send(&self, request: Request<Body>) -> (StatusCode, HeaderMap, bytes::Bytes) {
        use tower::ServiceExt;
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = http_body_util::BodyExt::collect(response.into_body())
            .await
            .unwrap()
            .to_bytes();
        (status, headers, bytes)
    }

    /// Sends a request as `session` (or anonymously) and returns the status and the JSON body
    /// (`Null` when the body is not JSON). Changes carry the session's CSRF token.
    pub async fn call(
        &self,
        session: Option<&Session>,
        method: Method,
        uri: &str,
        body: Option<serde_json::Value>,
    ) -> (StatusCode, serde_json::Value) {
        let mut request = Request::builder().method(method.clone()).uri(uri);
        if let Some(s) = session {
            request = request.header(header::COOKIE, &s.cookie);
            if !method.is_safe() {
                request = request.header("x-csrf-token", &s.csrf);
            }
        }
        let body = match body {
            Some(json) => {
                request = request.header(header::CONTENT_TYPE, "application/json");
                Body::from(json.to_string())
            }
            None => Body::empty(),
        };
        let (status, _, bytes) = self.send(request.body(body).unwrap()).await;
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null),
        )
    }

    /// Sends an anonymous GET with `headers` and returns the whole response: for what is not
    /// JSON (files, documents) or is read by its headers.
    pub async fn fetch(
        &self,
        uri: &str,
        headers: &[(header::HeaderName, &str)],
    ) -> (StatusCode, HeaderMap, bytes::Bytes) {
        let mut request = Request::get(uri);
        for (name, value) in headers {
            request = request.header(name, *value);
        }
        self.send(request.body(Body::empty()).unwrap()).await
    }

    /// Sends an anonymous GET.
    pub async fn get(&self, uri: &str) -> (StatusCode, serde_json::Value) {
        self.call(None, Method::GET, uri, None).await
    }

    /// Sends a GET as `session`.
    pub async fn get_as(&self, session: &Session, uri: &str) -> (StatusCode, serde_json::Value) {
        self.call(Some(session), Method::GET, uri, None).await
    }

    /// Sends a POST with a JSON body as `session`.
    pub async fn post_as(
        &self,
        session: &Session,
        uri: &str,
        body: serde_json::Value,
    ) -> (StatusCode, serde_json::Value) {
        self.call(Some(session), Method::POST, uri, Some(body))
            .await
    }

    /// A GET as `session` that must answer 200, decoded into the API's own type: for tests
    /// about what the answer means. Tests of the wire format read the raw JSON instead.
    pub async fn read_as<T: DeserializeOwned>(&self, session: &Session, uri: &str) -> T {
        let (status, body) = self.get_as(session, uri).await;
        assert_eq!(status, StatusCode::OK, "GET {uri}: {body}");
        typed(uri, body)
    }

    /// Every item of a paged list, read page after page through the `next` cursors as a client
    /// does (`session`: `None` for an anonymous reader); each page must answer 200 and stay
    /// within `limit`.
    pub async fn read_all(
        &self,
        session: Option<&Session>,
        uri: &str,
        limit: u32,
    ) -> Vec<serde_json::Value> {
        let joiner = if uri.contains('?') { '&' } else { '?' };
        let mut items = Vec::new();
        let mut after: Option<String> = None;
        loop {
            let mut page_uri = format!("{uri}{joiner}limit={limit}");
            if let Some(cursor) = &after {
                // Cursors are written to fit in an address as they are.
                let unreserved = |c: char| c.is_ascii_alphanumeric() || "-._~".contains(c);
                assert!(cursor.chars().all(unreserved), "cursor {cursor}");
                page_uri.push_str(&format!("&after={cursor}"));
            }
            let (status, page) = self.call(session, Method::GET, &page_uri, None).await;
            assert_eq!(status, StatusCode::OK, "GET {page_uri}: {page}");
            let got = page["items"].as_array().expect("a page").clone();
            assert!(
                got.len() <= limit as usize,
                "GET {page_uri}: {} items",
                got.len()
            );
            items.extend(got);
            match page["next"].as_str() {
                Some(next) => after = Some(next.to_owned()),
                None => {
                    assert_eq!(
                        page["total"].as_u64(),
                        Some(items.len() as u64),
                        "GET {uri}"
                    );
                    return items;
                }
            }
        }
    }

    /// A POST as `session` that must answer 200, its answer decoded into the API's own type.
    pub async fn write_as<T: DeserializeOwned>(
        &self,
        session: &Session,
        uri: &str,
        body: serde_json::Value,
    ) -> T {
        let (status, answer) = self.post_as(session, uri, body).await;
        assert_eq!(status, StatusCode::OK, "POST {uri}: {answer}");
        typed(uri, answer)
    }

    /// Logs in and returns the session, or the refusal's status and body.
    pub async fn try_login(
        &self,
        username: &str,
        password: &str,
    ) -> Result<Session, (StatusCode, serde_json::Value)> {
        let request = Request::post("/api/session")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(
                serde_json::json!({"username": username, "password": password}).to_string(),
            ))
            .unwrap();
        let (status, headers, bytes) = self.send(request).await;
        let body: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
        if status != StatusCode::OK {
            return Err((status, body));
        }
        let set_cookie = headers
            .get(header::SET_COOKIE)
            .expect("a login sets the session cookie")
            .to_str()
            .unwrap()
            .to_owned();
        let cookie = set_cookie.split(';').next().unwrap().to_owned();
        Ok(Session {
            cookie,
            set_cookie,
            csrf: body["csrf_token"].as_str().unwrap().to_owned(),
            info: body,
        })
    }

    /// Creates the auditor `test.auditor` (once) and logs in: two events, `AccountCreated`
    /// and `LoginSucceeded`, both in the regional administration's log.
    pub async fn auditor(&self) -> Session {
        if self
            .state
            .system_models()
            .accounts
            .get("test.auditor")
            .is_none()
        {
            antikor_server::cli::create_user(
                &self.state,
                tenant("oblast"),
                antikor_shared::Username::parse("test.auditor").unwrap(),
                "Одитор за тестове".into(),
                antikor_shared::account::Role::Auditor,
                DEMO_PASSWORD.into(),
            )
            .await
            .unwrap();
        }
        self.login("test.auditor").await
    }

    /// Logs in a demo account (password [`DEMO_PASSWORD`]).
    pub async fn login(&self, username: &str) -> Session {
        self.try_login(username, DEMO_PASSWORD)
            .await
            .unwrap_or_else(|e| panic!("{username} logs in: {e:?}"))
    }

    /// Stops the app as the server does at SIGTERM (writing a snapshot when one is due) and
    /// gives back its data folder.
    pub async fn shut_down(self) -> tempfile::TempDir {
        self._stop.close_store().await.unwrap();
        self.dir
    }

    /// Stops the app and gives back its data folder.
    pub async fn stop(self) -> tempfile::TempDir {
        self.state.system_log().close().await.unwrap();
        self.dir
    }
}

/// Every file under `dir`, for tests that read what reached the disk.
pub fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// The bytes of every file under `dir`, as (lossy) text.
pub fn stored_text(dir: &std::path::Path) -> String {
    let mut bytes = Vec::new();
    for file in walk(dir) {
        bytes.extend(std::fs::read(file).unwrap());
    }
    String::from_utf8_lossy(&bytes).into_owned()
}
