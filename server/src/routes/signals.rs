//! The signals register: the public form and the reporter's page (`/api/public/signals…`),
//! the officers' register (`/api/signals…`) and the suppressed statistics.

use crate::access::Principal;
use crate::app::AppState;
use crate::domain::signals::SignalCommand;
use crate::exports;
use crate::routes::tenants::ProvinceQuery;
use crate::util::errors::{AppError, AppResult};
use crate::util::extract::{ClientAddr, Json, Path, Query, Speaks};
use crate::util::paging::{PageQuery, PageRequest};
use antikor_shared::TenantId;
use antikor_shared::api::{ErrorBody, Page};
use antikor_shared::signal::{
    Acknowledge, Assign, ChannelObligation, Classify, Close, FileSignal, Forward, IntakeLists,
    Link, LinkRisks, RecordChannel, RecordSignal, ReporterAccess, ReporterReply, ReporterView,
    SetIntakeLists, SignalAnalysis, SignalDetail, SignalIdentity, SignalNote, SignalOfficer,
    SignalReceipt, SignalRow, SignalStatistics, SignalStatus,
};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

/// Largest request body of a filing: three attachments of 2 MB in base64, and the texts.
pub const FILING_BODY_LIMIT: usize = 9 * 1024 * 1024;

/// Files a signal through the public form (no login). Answers the register number and the
/// receipt code, which is shown only this once.
#[utoipa::path(post, path = "/api/public/signals", tag = "public", request_body = FileSignal,
    responses(
        (status = 201, description = "Filed", body = SignalReceipt),
        (status = 400, description = "A missing or too long field, an unknown institution, a bad attachment", body = ErrorBody),
        (status = 413, description = "The attachments are too large", body = ErrorBody),
        (status = 429, description = "Too many signals from this address", body = ErrorBody)))]
pub async fn file(
    State(app): State<AppState>,
    ClientAddr(from): ClientAddr,
    Json(body): Json<FileSignal>,
) -> AppResult<(StatusCode, axum::Json<SignalReceipt>)> {
    let receipt = app.file_public_signal(from, body).await?;
    Ok((StatusCode::CREATED, axum::Json(receipt)))
}

/// The reporter's view of their signal: status, dates and messages, with the register number
/// and the receipt code (a POST, so that the code never sits in a URL or a log).
#[utoipa::path(post, path = "/api/public/signals/status", tag = "public", request_body = ReporterAccess,
    responses(
        (status = 200, description = "The signal as its reporter sees it", body = ReporterView),
        (status = 404, description = "No signal with this number and code", body = ErrorBody),
        (status = 429, description = "Too many failed attempts", body = ErrorBody)))]
pub async fn status(
    State(app): State<AppState>,
    ClientAddr(from): ClientAddr,
    Speaks(lang): Speaks,
    Json(body): Json<ReporterAccess>,
) -> AppResult<axum::Json<ReporterView>> {
    Ok(axum::Json(app.reporter_view(from, &body, lang).await?))
}

/// The reporter writes back or adds information.
#[utoipa::path(post, path = "/api/public/signals/reply", tag = "public", request_body = ReporterReply,
    responses(
        (status = 200, description = "The signal with the new message", body = ReporterView),
        (status = 400, description = "An empty or too long message", body = ErrorBody),
        (status = 404, description = "No signal with this number and code", body = ErrorBody),
        (status = 409, description = "The signal is closed", body = ErrorBody),
        (status = 429, description = "Too many failed attempts", body = ErrorBody)))]
pub async fn reply(
    State(app): State<AppState>,
    ClientAddr(from): ClientAddr,
    Speaks(lang): Speaks,
    Json(body): Json<ReporterReply>,
) -> AppResult<axum::Json<ReporterView>> {
    Ok(axum::Json(
        app.reporter_reply(from, &body.access, body.text, lang)
            .await?,
    ))
}

/// Which year.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatisticsQuery {
    /// Signals received in this year (default: every year).
    pub year: Option<i32>,
}

/// The register as statistics only, every cell under 3 shown as "< 3" (public; also the
/// regional view).
#[utoipa::path(get, path = "/api/public/signals/statistics", tag = "public", params(StatisticsQuery, ProvinceQuery),
    responses(
        (status = 200, description = "Suppressed counts", body = SignalStatistics),
        (status = 404, description = "No such province", body = ErrorBody)))]
pub async fn statistics(
    State(app): State<AppState>,
    Query(q): Query<StatisticsQuery>,
    Query(province): Query<ProvinceQuery>,
    Speaks(lang): Speaks,
) -> AppResult<axum::Json<SignalStatistics>> {
    Ok(axum::Json(app.signal_statistics(
        q.year,
        province.province.as_deref(),
        lang,
    )?))
}

/// Which tenants must run an internal whistleblowing channel (public).
#[utoipa::path(get, path = "/api/public/signals/channels", tag = "public",
    responses((status = 200, description = "Every tenant's decision", body = [ChannelObligation])))]
pub async fn channels(State(app): State<AppState>) -> axum::Json<Vec<ChannelObligation>> {
    axum::Json(app.channel_obligations())
}

/// Records whether the caller's tenant must run an internal channel (officers and tenant
/// administrators).
#[utoipa::path(put, path = "/api/signals/channel", security(("session" = [])), tag = "signals", request_body = RecordChannel,
    responses(
        (status = 200, description = "Recorded", body = ChannelObligation),
        (status = 400, description = "Neither population nor staff given", body = ErrorBody),
        (status = 403, description = "Only the tenant's officers and administrators", body = ErrorBody)))]
pub async fn record_channel(
    State(app): State<AppState>,
    principal: Principal,
    Json(body): Json<RecordChannel>,
) -> AppResult<axum::Json<ChannelObligation>> {
    let scope = principal.channel_keeper()?;
    Ok(axum::Json(app.record_channel(&scope, body).await?))
}

/// Whose lists.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListsQuery {
    /// The institution.
    pub tenant: TenantId,
}

/// The units and activities a signal to an institution may name (public: the form offers
/// them).
#[utoipa::path(get, path = "/api/public/signals/lists", tag = "public", params(ListsQuery),
    responses(
        (status = 200, description = "The institution's lists", body = IntakeLists),
        (status = 404, description = "No such institution", body = ErrorBody)))]
pub async fn lists(
    State(app): State<AppState>,
    Query(q): Query<ListsQuery>,
) -> AppResult<axum::Json<IntakeLists>> {
    Ok(axum::Json(app.intake_lists(&q.tenant)?))
}

/// Records the caller's institution's lists of units and activities (officers and tenant
/// administrators). Only these names reach the public statistics.
#[utoipa::path(put, path = "/api/signals/lists", security(("session" = [])), tag = "signals", request_body = SetIntakeLists,
    responses(
        (status = 200, description = "Recorded", body = IntakeLists),
        (status = 400, description = "A blank, repeated or too long entry", body = ErrorBody),
        (status = 403, description = "Only the tenant's officers and administrators", body = ErrorBody)))]
pub async fn set_lists(
    State(app): State<AppState>,
    principal: Principal,
    Json(body): Json<SetIntakeLists>,
) -> AppResult<axum::Json<IntakeLists>> {
    let scope = principal.channel_keeper()?;
    Ok(axum::Json(app.set_intake_lists(&scope, body).await?))
}

/// Which signals.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RegisterQuery {
    /// Only those in this status.
    pub status: Option<SignalStatus>,
}

/// A page of the caller's tenant's register, newest first, with the statutory clocks
/// (officers only).
#[utoipa::path(get, path = "/api/signals", security(("session" = [])), tag = "signals", params(RegisterQuery, PageQuery),
    responses(
        (status = 200, description = "The register", body = Page<SignalRow>),
        (status = 400, description = "A page size out of bounds or a cursor no page gave", body = ErrorBody),
        (status = 403, description = "Only the tenant's officers", body = ErrorBody)))]
pub async fn register(
    State(app): State<AppState>,
    principal: Principal,
    Query(q): Query<RegisterQuery>,
    Query(page): Query<PageQuery>,
) -> AppResult<axum::Json<Page<SignalRow>>> {
    let desk = principal.signal_desk()?;
    let request = PageRequest::new(&page)?;
    Ok(axum::Json(app.signal_register(&desk, q.status, &request)))
}

/// Records a signal received by e-mail, phone, post or in person (officers only).
#[utoipa::path(post, path = "/api/signals", security(("session" = [])), tag = "signals", request_body = RecordSignal,
    responses(
        (status = 201, description = "Recorded", body = SignalReceipt),
        (status = 400, description = "A missing field, a future date, an unconfirmed oral signal", body = ErrorBody),
        (status = 403, description = "Only the tenant's officers", body = ErrorBody)))]
pub async fn record(
    State(app): State<AppState>,
    principal: Principal,
    Json(body): Json<RecordSignal>,
) -> AppResult<(StatusCode, axum::Json<SignalReceipt>)> {
    let desk = principal.signal_desk()?;
    let receipt = app.record_signal(&desk, body).await?;
    Ok((StatusCode::CREATED, axum::Json(receipt)))
}

/// The institution's active officers, whom a signal can be assigned to.
#[utoipa::path(get, path = "/api/signals/officers", security(("session" = [])), tag = "signals",
    responses(
        (status = 200, description = "The officers by name", body = [SignalOfficer]),
        (status = 403, description = "Only the tenant's officers", body = ErrorBody)))]
pub async fn officers(
    State(app): State<AppState>,
    principal: Principal,
) -> AppResult<axum::Json<Vec<SignalOfficer>>> {
    let desk = principal.signal_desk()?;
    Ok(axum::Json(app.signal_officers(&desk)))
}

/// Where the tenant's signals concentrate, by unit, activity and category per quarter.
#[utoipa::path(get, path = "/api/signals/analysis", security(("session" = [])), tag = "signals",
    responses(
        (status = 200, description = "Exact counts, for the tenant's officers", body = SignalAnalysis),
        (status = 403, description = "Only the tenant's officers", body = ErrorBody)))]
pub async fn analysis(
    State(app): State<AppState>,
    principal: Principal,
    Speaks(lang): Speaks,
) -> AppResult<axum::Json<SignalAnalysis>> {
    let desk = principal.signal_desk()?;
    Ok(axum::Json(app.signal_analysis(&desk, lang)))
}

/// The register as CSV, in the order of the law's register fields (officers only).
#[utoipa::path(get, path = "/api/signals/register.csv", security(("session" = [])), tag = "signals",
    responses(
        (status = 200, description = "The register", content_type = "text/csv", body = String),
        (status = 403, description = "Only the tenant's officers", body = ErrorBody)))]
pub async fn register_csv(
    State(app): State<AppState>,
    principal: Principal,
) -> AppResult<Response> {
    let desk = principal.signal_desk()?;
    let register = app.signal_register_csv(&desk).await?;
    Ok(exports::csv_download("register-signali.csv", register))
}

/// A signal as its officers see it; identities stay sealed.
#[utoipa::path(get, path = "/api/signals/{id}", security(("session" = [])), tag = "signals",
    params(("id" = Uuid, Path, description = "The signal")),
    responses(
        (status = 200, description = "The signal", body = SignalDetail),
        (status = 403, description = "Only the tenant's officers", body = ErrorBody),
        (status = 404, description = "No such signal in the caller's register", body = ErrorBody)))]
pub async fn get(
    State(app): State<AppState>,
    principal: Principal,
    Path(id): Path<Uuid>,
    Speaks(lang): Speaks,
) -> AppResult<axum::Json<SignalDetail>> {
    let desk = principal.signal_desk()?;
    Ok(axum::Json(app.signal_detail(&desk, id, lang).await?))
}

/// Opens the reporter's and the concerned person's identities; each opening is recorded.
#[utoipa::path(post, path = "/api/signals/{id}/identity", security(("session" = [])), tag = "signals",
    params(("id" = Uuid, Path, description = "The signal")),
    responses(
        (status = 200, description = "The identities", body = SignalIdentity),
        (status = 403, description = "Only the tenant's officers", body = ErrorBody),
        (status = 404, description = "No such signal in the caller's register", body = ErrorBody),
        (status = 409, description = "The personal data were destroyed", body = ErrorBody)))]
pub async fn identity(
    State(app): State<AppState>,
    principal: Principal,
    Path(id): Path<Uuid>,
) -> AppResult<axum::Json<SignalIdentity>> {
    let desk = principal.signal_desk()?;
    Ok(axum::Json(app.open_signal_identity(&desk, id).await?))
}

/// An attachment of a signal.
#[utoipa::path(get, path = "/api/signals/{id}/attachments/{number}", security(("session" = [])), tag = "signals",
    params(("id" = Uuid, Path, description = "The signal"), ("number" = u32, Path, description = "The attachment's number")),
    responses(
        (status = 200, description = "The file", content_type = "application/octet-stream", body = Vec<u8>),
        (status = 403, description = "Only the tenant's officers", body = ErrorBody),
        (status = 404, description = "No such signal or attachment", body = ErrorBody),
        (status = 409, description = "The personal data were destroyed", body = ErrorBody)))]
pub async fn attachment(
    State(app): State<AppState>,
    principal: Principal,
    Path((id, number)): Path<(Uuid, u32)>,
) -> AppResult<Response> {
    let desk = principal.signal_desk()?;
    let (name, media_type, bytes) = app.signal_attachment(&desk, id, number).await?;
    Ok(exports::file_download(&name, &media_type, bytes)?)
}

/// The steps of handling a signal, one route each; every body carries `expected_version`.
macro_rules! step_route {
    ($name:ident, $path:literal, $body:ty, $doc:literal, |$app:ident, $desk:ident, $id:ident, $b:ident| $command:expr) => {
        #[doc = $doc]
        #[utoipa::path(post, path = $path, security(("session" = [])), tag = "signals", request_body = $body,
            params(("id" = Uuid, Path, description = "The signal")),
            responses(
                (status = 200, description = "The signal after the step", body = SignalDetail),
                (status = 400, description = "A missing or invalid field", body = ErrorBody),
                (status = 403, description = "Only the tenant's officers", body = ErrorBody),
                (status = 404, description = "No such signal in the caller's register", body = ErrorBody),
                (status = 409, description = "Changed meanwhile, closed, or out of order", body = ErrorBody)))]
        pub async fn $name(
            State($app): State<AppState>,
            principal: Principal,
            Path($id): Path<Uuid>,
            Speaks(lang): Speaks,
            Json($b): Json<$body>,
        ) -> AppResult<axum::Json<SignalDetail>> {
            let $desk = principal.signal_desk()?;
            let expected = $b.expected_version;
            let command: AppResult<SignalCommand> = $command;
            Ok(axum::Json(
                $app.act_on_signal(&$desk, $id, expected, command?, lang).await?,
            ))
        }
    };
}

step_route!(
    acknowledge,
    "/api/signals/{id}/acknowledge",
    Acknowledge,
    "Confirms receipt to the reporter (with the УИН, for whistleblower-law signals).",
    |app, desk, id, b| Ok(SignalCommand::Acknowledge {
        on: b.on,
        uin: b.uin,
        message: b.message
    })
);

step_route!(
    assign,
    "/api/signals/{id}/assign",
    Assign,
    "Makes an officer of the tenant responsible.",
    |app, desk, id, b| Ok(SignalCommand::Assign {
        is_officer: app.is_signal_officer(&desk, b.to.as_str()),
        to: b.to,
    })
);

step_route!(
    classify,
    "/api/signals/{id}/classify",
    Classify,
    "Decides the regime, category, unit and activity.",
    |app, desk, id, b| Ok(SignalCommand::Classify {
        regime: b.regime,
        category: b.category,
        unit: b.unit,
        activity: b.activity,
        lists: app.lists_of(&desk),
    })
);

step_route!(
    forward,
    "/api/signals/{id}/forward",
    Forward,
    "Records that the signal was sent to the competent body.",
    |app, desk, id, b| Ok(SignalCommand::Forward {
        to: b.to,
        outgoing_number: b.outgoing_number,
        on: b.on
    })
);

step_route!(
    follow_up,
    "/api/signals/{id}/actions",
    SignalNote,
    "Records a follow-up action.",
    |app, desk, id, b| Ok(SignalCommand::FollowUp {
        on: dated(b.on)?,
        text: b.text
    })
);

step_route!(
    feedback,
    "/api/signals/{id}/feedback",
    SignalNote,
    "Gives the reporter the statutory feedback.",
    |app, desk, id, b| Ok(SignalCommand::GiveFeedback {
        on: dated(b.on)?,
        text: b.text
    })
);

step_route!(
    message,
    "/api/signals/{id}/messages",
    SignalNote,
    "Writes to the reporter, who reads it with the receipt code.",
    |app, desk, id, b| Ok(SignalCommand::SendMessage { text: b.text })
);

step_route!(
    close,
    "/api/signals/{id}/close",
    Close,
    "Closes the case with its outcome and reason.",
    |app, desk, id, b| Ok(SignalCommand::Close {
        on: b.on,
        outcome: b.outcome,
        reason: b.reason
    })
);

step_route!(
    link,
    "/api/signals/{id}/links",
    Link,
    "Relates the signal to another of the register, by its number.",
    |app, desk, id, b| app.link_command(&desk, id, &b.reference)
);

step_route!(
    link_risks,
    "/api/signals/{id}/risks",
    LinkRisks,
    "Relates a classified signal to risks of the tenant's corruption-risk register (replacing those related before).",
    |app, desk, id, b| Ok(app.link_risks_command(&desk, id, b.risks))
);

fn dated(on: Option<chrono::NaiveDate>) -> AppResult<chrono::NaiveDate> {
    on.ok_or_else(|| AppError::BadRequest(antikor_shared::msg!("requests-date-missing")))
}
