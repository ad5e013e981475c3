//! Typed calls to Antikor's JSON API and the errors the pages show for them.

use crate::format::encode_query_value;
use antikor_shared::account::{
    Account, ChangePassword, CreateAccount, DisableAccount, EnableAccount, GrantRole, LoginRequest,
    ResetPassword, SessionInfo,
};
use antikor_shared::activity::Activity;
use antikor_shared::api::{
    AuditPage, AuditQuery, ErrorBody, EventTypeCount, Health, InclusionProof,
};
use antikor_shared::tenant::Tenant;
use antikor_shared::views::{
    ActivityRecord, AddMeasure, CorrectActivity, FollowUpAct, PlanView, ProgressRow, RegionView,
    ReportProgress, StartPlan, TenantContacts, TenantDashboard, TenantProgress, UpdateContacts,
    UpdateMeasure, WithdrawMeasure,
};
use antikor_shared::{RecordedEvent, TenantId, Username};
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::cell::RefCell;
use std::rc::Rc;

/// Why a call to the server gave no usable answer; `Display` is the Bulgarian text shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// No answer at all (offline, server down, or a gateway reporting the server unreachable).
    #[error("Сървърът не отговаря. Опитайте отново.")]
    Network,
    /// The server refused the request and said why.
    #[error("{message}")]
    Server {
        /// HTTP status.
        status: u16,
        /// The server's stable error code, e.g. `not_found`.
        code: String,
        /// The server's explanation, shown as it is.
        message: String,
    },
    /// The server answered with something this app cannot read.
    #[error("Сървърът върна неочакван отговор (HTTP {status}).")]
    Unexpected {
        /// HTTP status.
        status: u16,
    },
    /// The address holds a value the app refuses before asking the server.
    #[error("{0}")]
    Invalid(String),
}

impl ApiError {
    /// Whether the server said the thing asked for does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(self, Self::Server { status: 404, .. })
    }

    /// Whether the server said someone changed the thing first (a stale `expected_version`).
    pub fn is_conflict(&self) -> bool {
        matches!(self, Self::Server { status: 409, .. })
    }

    /// Whether the server asked for a login: wrong credentials, or a session that ended.
    pub fn is_unauthorized(&self) -> bool {
        matches!(self, Self::Server { status: 401, .. })
    }
}

type Hook = Rc<dyn Fn()>;

thread_local! {
    // The browser runs the app on one thread, so a thread-local is the app's only copy.
    static ON_UNAUTHORIZED: RefCell<Option<Hook>> = const { RefCell::new(None) };
    // The current session's CSRF token: set by the answers that start or confirm a session,
    // dropped by a logout or any 401, so no page has to carry it.
    static CSRF: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Sets what happens when any call is answered 401: the session module decides whether that
/// means an ended session. Every call goes through here, so no page can forget it.
pub fn on_unauthorized(hook: impl Fn() + 'static) {
    ON_UNAUTHORIZED.with(|h| *h.borrow_mut() = Some(Rc::new(hook)));
}

fn unauthorized() {
    // Cloned out first: the hook may well start calls of its own.
    let hook = ON_UNAUTHORIZED.with(|h| h.borrow().clone());
    if let Some(hook) = hook {
        hook();
    }
}

/// The page size of the audit trail.
pub const PAGE_SIZE: u32 = 50;

/// Turns a fetch result into the successful response or the error the pages show.
async fn check(sent: Result<Response, gloo_net::Error>) -> Result<Response, ApiError> {
    let response = sent.map_err(|_| ApiError::Network)?;
    let status = response.status();
    if response.ok() {
        return Ok(response);
    }
    let error = match response.json::<ErrorBody>().await {
        Ok(body) => ApiError::Server {
            status,
            code: body.error,
            message: body.message,
        },
        // A proxy in front of a stopped server answers 502–504 with its own page.
        Err(_) if matches!(status, 502..=504) => ApiError::Network,
        Err(_) => ApiError::Unexpected { status },
    };
    if status == 401 {
        forget_token();
        unauthorized();
    }
    Err(error)
}

async fn json_of<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    let status = response.status();
    response
        .json::<T>()
        .await
        .map_err(|_| ApiError::Unexpected { status })
}

async fn get_json<T: DeserializeOwned>(url: &str, query: &[(&str, String)]) -> Result<T, ApiError> {
    let sent = Request::get(url)
        .query(query.iter().map(|(k, v)| (*k, v.as_str())))
        .header("Accept", "application/json")
        .send()
        .await;
    json_of(check(sent).await?).await
}

/// `GET` of a plain-text answer (errors still come as JSON, read by [`check`]).
async fn get_text(url: &str) -> Result<String, ApiError> {
    let sent = Request::get(url)
        .header("Accept", "text/plain, application/json")
        .send()
        .await;
    let response = check(sent).await?;
    let status = response.status();
    response
        .text()
        .await
        .map_err(|_| ApiError::Unexpected { status })
}

/// A request that changes something: it carries the session's CSRF token, which the server
/// compares with the session, so another site cannot make the browser send it. Without a
/// session there is nothing to send: the answer is what the server would say, a 401.
fn changing(builder: RequestBuilder) -> Result<RequestBuilder, ApiError> {
    let Some(token) = CSRF.with(|t| t.borrow().clone()) else {
        unauthorized();
        return Err(ApiError::Server {
            status: 401,
            code: "unauthenticated".to_owned(),
            message: "Сесията е приключила. Влезте отново.".to_owned(),
        });
    };
    Ok(builder
        .header("Accept", "application/json")
        .header("X-CSRF-Token", &token))
}

/// Drops the CSRF token: the session ended.
fn forget_token() {
    CSRF.with(|t| t.borrow_mut().take());
}

/// Keeps the CSRF token of a session the server has just confirmed or started.
fn hold(info: SessionInfo) -> SessionInfo {
    CSRF.with(|t| *t.borrow_mut() = Some(info.csrf_token.clone()));
    info
}

/// Sends `body` as JSON (`.json` sets `Content-Type: application/json`) and reads the answer.
async fn send_json<B: Serialize, T: DeserializeOwned>(
    builder: RequestBuilder,
    body: &B,
) -> Result<T, ApiError> {
    let request = builder
        .json(body)
        .map_err(|_| ApiError::Invalid("Заявката не може да бъде съставена.".to_owned()))?;
    json_of(check(request.send().await).await?).await
}

/// `/api/accounts/{username}/{action}`.
fn account_url(username: &Username, action: &str) -> String {
    format!(
        "/api/accounts/{}/{action}",
        encode_query_value(username.as_str())
    )
}

/// `GET /api/health`.
pub async fn health() -> Result<Health, ApiError> {
    get_json("/api/health", &[]).await
}

/// `GET /api/log/checkpoint`: the newest signed checkpoint, exactly as signed (a C2SP signed
/// note); a damaged log answers 503 and signs nothing.
pub async fn log_checkpoint() -> Result<String, ApiError> {
    get_text("/api/log/checkpoint").await
}

/// `GET /api/log/key`: the verifier key of the checkpoints, `name+fingerprint+base64`.
pub async fn log_key() -> Result<String, ApiError> {
    Ok(get_text("/api/log/key").await?.trim().to_owned())
}

/// `GET /api/log/bundle`: the whole log as JSON Lines, for auditors to check offline.
pub const LOG_BUNDLE_URL: &str = "/api/log/bundle";

/// `GET /api/log/proof/inclusion`: the audit path of the event at `position` in the log of
/// `size` events; 404 for an event the caller may not see.
pub async fn inclusion_proof(position: u64, size: u64) -> Result<InclusionProof, ApiError> {
    get_json(
        "/api/log/proof/inclusion",
        &[
            ("position", position.to_string()),
            ("size", size.to_string()),
        ],
    )
    .await
}

/// `GET /api/tenants`.
pub async fn tenants() -> Result<Vec<Tenant>, ApiError> {
    get_json("/api/tenants", &[]).await
}

/// `GET /api/audit/event-types`, over one tenant's events or all of them.
pub async fn event_types(tenant: Option<TenantId>) -> Result<Vec<EventTypeCount>, ApiError> {
    let query: Vec<_> = tenant
        .map(|t| ("tenant", t.to_string()))
        .into_iter()
        .collect();
    get_json("/api/audit/event-types", &query).await
}

/// `GET /api/audit/events/{position}`.
pub async fn audit_event(position: u64) -> Result<RecordedEvent, ApiError> {
    get_json(&format!("/api/audit/events/{position}"), &[]).await
}

/// `GET /api/audit/events` with the query's filters and cursor.
pub async fn audit_events(query: &AuditQuery) -> Result<AuditPage, ApiError> {
    get_json("/api/audit/events", &audit_query_pairs(query)).await
}

/// The query string pairs of an [`AuditQuery`], leaving out what is unset.
pub fn audit_query_pairs(query: &AuditQuery) -> Vec<(&'static str, String)> {
    [
        ("tenant", query.tenant.as_ref().map(ToString::to_string)),
        ("stream", query.stream.as_ref().map(ToString::to_string)),
        ("event_type", query.event_type.clone()),
        ("before", query.before.map(|p| p.to_string())),
        ("after", query.after.map(|p| p.to_string())),
        ("limit", query.limit.map(|l| l.to_string())),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k, v)))
    .collect()
}

/// `GET /api/session`: who is logged in; 401 for visitors.
pub async fn session() -> Result<SessionInfo, ApiError> {
    get_json("/api/session", &[]).await.map(hold)
}

/// `POST /api/session`: log in. The server sets the session cookie itself.
pub async fn login(request: &LoginRequest) -> Result<SessionInfo, ApiError> {
    send_json(
        Request::post("/api/session").header("Accept", "application/json"),
        request,
    )
    .await
    .map(hold)
}

/// `DELETE /api/session`: log out.
pub async fn logout() -> Result<(), ApiError> {
    check(changing(Request::delete("/api/session"))?.send().await).await?;
    forget_token();
    Ok(())
}

/// `PUT /api/session/password`: the answer is a new session, with a new CSRF token.
pub async fn change_password(body: &ChangePassword) -> Result<SessionInfo, ApiError> {
    send_json(changing(Request::put("/api/session/password"))?, body)
        .await
        .map(hold)
}

/// `GET /api/accounts`, of one tenant or of every tenant the user may see.
pub async fn accounts(tenant: Option<TenantId>) -> Result<Vec<Account>, ApiError> {
    let query: Vec<_> = tenant
        .map(|t| ("tenant", t.to_string()))
        .into_iter()
        .collect();
    get_json("/api/accounts", &query).await
}

/// `POST /api/accounts`.
pub async fn create_account(body: &CreateAccount) -> Result<Account, ApiError> {
    send_json(changing(Request::post("/api/accounts"))?, body).await
}

/// `POST /api/accounts/{username}/role`.
pub async fn grant_role(username: &Username, body: &GrantRole) -> Result<Account, ApiError> {
    let url = account_url(username, "role");
    send_json(changing(Request::post(&url))?, body).await
}

/// `POST /api/accounts/{username}/disable`.
pub async fn disable_account(
    username: &Username,
    body: &DisableAccount,
) -> Result<Account, ApiError> {
    let url = account_url(username, "disable");
    send_json(changing(Request::post(&url))?, body).await
}

/// `POST /api/accounts/{username}/enable`.
pub async fn enable_account(
    username: &Username,
    body: &EnableAccount,
) -> Result<Account, ApiError> {
    let url = account_url(username, "enable");
    send_json(changing(Request::post(&url))?, body).await
}

/// `POST /api/accounts/{username}/password`.
pub async fn reset_password(
    username: &Username,
    body: &ResetPassword,
) -> Result<Account, ApiError> {
    let url = account_url(username, "password");
    send_json(changing(Request::post(&url))?, body).await
}

/// The URL of the live feed of newly committed events (Server-Sent Events).
pub const LIVE_URL: &str = "/api/audit/live";

/// `GET /api/plans`: the years that have a plan.
pub async fn plan_years() -> Result<Vec<i32>, ApiError> {
    get_json("/api/plans", &[]).await
}

/// The query of a view: whose, which year, as of when; unset values left out.
fn view_query(
    tenant: Option<&TenantId>,
    year: Option<i32>,
    as_of: Option<&str>,
) -> Vec<(&'static str, String)> {
    [
        ("tenant", tenant.map(ToString::to_string)),
        ("year", year.map(|y| y.to_string())),
        ("as_of", as_of.map(str::to_owned)),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k, v)))
    .collect()
}

/// `GET /api/plans/{year}`, now or (logged in) as of a moment.
pub async fn plan(year: i32, as_of: Option<&str>) -> Result<PlanView, ApiError> {
    get_json(
        &format!("/api/plans/{year}"),
        &view_query(None, None, as_of),
    )
    .await
}

/// `POST /api/plans`: start a year's plan from an earlier one.
pub async fn start_plan(body: &StartPlan) -> Result<PlanView, ApiError> {
    send_json(changing(Request::post("/api/plans"))?, body).await
}

/// `POST /api/plans/{year}/measures`.
pub async fn add_measure(year: i32, body: &AddMeasure) -> Result<PlanView, ApiError> {
    let url = format!("/api/plans/{year}/measures");
    send_json(changing(Request::post(&url))?, body).await
}

/// `POST /api/plans/{year}/measures/{key}`: only the fields that changed.
pub async fn update_measure(
    year: i32,
    key: &str,
    body: &UpdateMeasure,
) -> Result<PlanView, ApiError> {
    let url = format!("/api/plans/{year}/measures/{}", encode_query_value(key));
    send_json(changing(Request::post(&url))?, body).await
}

/// `POST /api/plans/{year}/measures/{key}/withdraw`.
pub async fn withdraw_measure(
    year: i32,
    key: &str,
    body: &WithdrawMeasure,
) -> Result<PlanView, ApiError> {
    let url = format!(
        "/api/plans/{year}/measures/{}/withdraw",
        encode_query_value(key)
    );
    send_json(changing(Request::post(&url))?, body).await
}

/// `GET /api/public/progress`: every tenant's progress on a year's plan.
pub async fn public_progress(year: i32) -> Result<RegionView, ApiError> {
    get_json("/api/public/progress", &[("year", year.to_string())]).await
}

/// `GET /api/region`: the combined view for regional roles and auditors.
pub async fn region(year: i32, as_of: Option<&str>) -> Result<RegionView, ApiError> {
    get_json("/api/region", &view_query(None, Some(year), as_of)).await
}

/// `GET /api/dashboard` of the caller's own tenant (or `tenant`, for roles that see all).
pub async fn dashboard(
    tenant: Option<&TenantId>,
    year: Option<i32>,
    as_of: Option<&str>,
) -> Result<TenantDashboard, ApiError> {
    get_json("/api/dashboard", &view_query(tenant, year, as_of)).await
}

/// `GET /api/progress` of the caller's own tenant (or `tenant`).
pub async fn progress(
    tenant: Option<&TenantId>,
    year: Option<i32>,
    as_of: Option<&str>,
) -> Result<TenantProgress, ApiError> {
    get_json("/api/progress", &view_query(tenant, year, as_of)).await
}

/// `PUT /api/progress/{year}/{key}`: the caller's tenant reports on a measure.
pub async fn report_progress(
    year: i32,
    key: &str,
    body: &ReportProgress,
) -> Result<ProgressRow, ApiError> {
    let url = format!("/api/progress/{year}/{}", encode_query_value(key));
    send_json(changing(Request::put(&url))?, body).await
}

/// `GET /api/activities`: of one tenant or all the user may see, of a year and a kind.
pub async fn activities(
    tenant: Option<&TenantId>,
    year: Option<i32>,
    kind: Option<&str>,
) -> Result<Vec<ActivityRecord>, ApiError> {
    let mut query = view_query(tenant, year, None);
    if let Some(kind) = kind {
        query.push(("kind", kind.to_owned()));
    }
    get_json("/api/activities", &query).await
}

/// `POST /api/activities`: record an activity of the caller's tenant.
pub async fn record_activity(body: &Activity) -> Result<ActivityRecord, ApiError> {
    send_json(changing(Request::post("/api/activities"))?, body).await
}

/// `POST /api/activities/{id}/correction`.
pub async fn correct_activity(
    id: &str,
    body: &CorrectActivity,
) -> Result<ActivityRecord, ApiError> {
    let url = format!("/api/activities/{}/correction", encode_query_value(id));
    send_json(changing(Request::post(&url))?, body).await
}

/// `POST /api/activities/{id}/follow-up`: what followed a contested act.
pub async fn follow_up_act(id: &str, body: &FollowUpAct) -> Result<ActivityRecord, ApiError> {
    let url = format!("/api/activities/{}/follow-up", encode_query_value(id));
    send_json(changing(Request::post(&url))?, body).await
}

/// `GET /api/public/meetings`: public meetings of every tenant, of a year or all years.
pub async fn public_meetings(year: Option<i32>) -> Result<Vec<ActivityRecord>, ApiError> {
    get_json("/api/public/meetings", &view_query(None, year, None)).await
}

/// `GET /api/public/contested-acts`: the register of contested acts.
pub async fn public_contested_acts(year: Option<i32>) -> Result<Vec<ActivityRecord>, ApiError> {
    get_json("/api/public/contested-acts", &view_query(None, year, None)).await
}

/// `GET /api/contacts`: every tenant's anti-corruption experts.
pub async fn contacts() -> Result<Vec<TenantContacts>, ApiError> {
    get_json("/api/contacts", &[]).await
}

/// `PUT /api/contacts`: replace the caller's tenant's list.
pub async fn update_contacts(body: &UpdateContacts) -> Result<TenantContacts, ApiError> {
    send_json(changing(Request::put("/api/contacts"))?, body).await
}

/// The register of corruption signals: the public form and tracking, and the officers' calls.
pub mod signals {
    use super::{ApiError, changing, get_json, send_json};
    use crate::format::encode_query_value;
    use antikor_shared::signal::{
        ChannelObligation, FileSignal, IntakeLists, RecordChannel, RecordSignal, ReporterAccess,
        ReporterReply, ReporterView, SetIntakeLists, SignalAnalysis, SignalDetail, SignalIdentity,
        SignalReceipt, SignalRow, SignalStatistics,
    };
    use gloo_net::http::Request;
    use serde::Serialize;

    /// `GET /api/signals/register.csv`: the register in the law's order of fields.
    pub const REGISTER_CSV: &str = "/api/signals/register.csv";

    /// A public request: no session, so no CSRF token either.
    fn public_post(url: &str) -> gloo_net::http::RequestBuilder {
        Request::post(url).header("Accept", "application/json")
    }

    fn signal_url(id: &str, rest: &str) -> String {
        format!("/api/signals/{}{rest}", encode_query_value(id))
    }

    /// `POST /api/public/signals`: a signal from the public form; the receipt code comes once.
    pub async fn file(body: &FileSignal) -> Result<SignalReceipt, ApiError> {
        send_json(public_post("/api/public/signals"), body).await
    }

    /// `POST /api/public/signals/status`: what the reporter may see, with the receipt code.
    pub async fn reporter_status(body: &ReporterAccess) -> Result<ReporterView, ApiError> {
        send_json(public_post("/api/public/signals/status"), body).await
    }

    /// `POST /api/public/signals/reply`: the reporter writes back.
    pub async fn reporter_reply(body: &ReporterReply) -> Result<ReporterView, ApiError> {
        send_json(public_post("/api/public/signals/reply"), body).await
    }

    /// `GET /api/public/signals/statistics`: counts only, small ones shown as "< 3".
    pub async fn statistics(year: Option<i32>) -> Result<SignalStatistics, ApiError> {
        let query: Vec<_> = year.map(|y| ("year", y.to_string())).into_iter().collect();
        get_json("/api/public/signals/statistics", &query).await
    }

    /// `GET /api/public/signals/channels`: which institutions must run an internal channel.
    pub async fn channels() -> Result<Vec<ChannelObligation>, ApiError> {
        get_json("/api/public/signals/channels", &[]).await
    }

    /// `PUT /api/signals/channel`: the caller's institution records its obligation.
    pub async fn record_channel(body: &RecordChannel) -> Result<ChannelObligation, ApiError> {
        send_json(changing(Request::put("/api/signals/channel"))?, body).await
    }

    /// `GET /api/public/signals/lists?tenant=`: the units and activities a signal to the
    /// institution may name.
    pub async fn lists(tenant: &str) -> Result<IntakeLists, ApiError> {
        get_json(
            "/api/public/signals/lists",
            &[("tenant", tenant.to_owned())],
        )
        .await
    }

    /// `PUT /api/signals/lists`: the caller's institution records its lists.
    pub async fn set_lists(body: &SetIntakeLists) -> Result<IntakeLists, ApiError> {
        send_json(changing(Request::put("/api/signals/lists"))?, body).await
    }

    /// `GET /api/signals`: the own institution's register, newest first; `status` is a wire
    /// code such as `received`.
    pub async fn register(status: Option<&str>) -> Result<Vec<SignalRow>, ApiError> {
        let query: Vec<_> = status
            .map(|s| ("status", s.to_owned()))
            .into_iter()
            .collect();
        get_json("/api/signals", &query).await
    }

    /// `POST /api/signals`: a signal received by e-mail, phone, post or in person.
    pub async fn record(body: &RecordSignal) -> Result<SignalReceipt, ApiError> {
        send_json(changing(Request::post("/api/signals"))?, body).await
    }

    /// `GET /api/signals/{id}`.
    pub async fn detail(id: &str) -> Result<SignalDetail, ApiError> {
        get_json(&signal_url(id, ""), &[]).await
    }

    /// `POST /api/signals/{id}/identity`: opens the sealed identities; the server records it.
    pub async fn identity(id: &str) -> Result<SignalIdentity, ApiError> {
        let url = signal_url(id, "/identity");
        send_json(changing(Request::post(&url))?, &serde_json::json!({})).await
    }

    /// `POST /api/signals/{id}/{step}`: one step of the case (`acknowledge`, `assign`,
    /// `classify`, `forward`, `actions`, `feedback`, `messages`, `close`, `links`).
    pub async fn step<B: Serialize>(
        id: &str,
        step: &str,
        body: &B,
    ) -> Result<SignalDetail, ApiError> {
        let url = signal_url(id, &format!("/{step}"));
        send_json(changing(Request::post(&url))?, body).await
    }

    /// `GET /api/signals/analysis`: where the institution's signals concentrate.
    pub async fn analysis() -> Result<SignalAnalysis, ApiError> {
        get_json("/api/signals/analysis", &[]).await
    }

    /// The address of an attachment's file, for a plain download link.
    pub fn attachment_url(id: &str, number: u32) -> String {
        signal_url(id, &format!("/attachments/{number}"))
    }
}
