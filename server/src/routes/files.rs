//! Evidence files: `/api/files` to upload and download, and attaching them to activities and
//! risks (`/api/activities/{id}/files`, `/api/risks/{id}/files`).

use crate::access::Principal;
use crate::app::AppState;
use crate::exports;
use crate::util::errors::{AppError, AppResult};
use crate::util::extract::{Json, Path, Query, Speaks};
use antikor_shared::api::ErrorBody;
use antikor_shared::files::{AttachFiles, FileRef, MAX_FILE_BYTES};
use antikor_shared::risk::RiskRecord;
use antikor_shared::views::ActivityRecord;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

/// The largest upload body: a file of the largest size, and room for the request's framing.
pub const UPLOAD_BODY_LIMIT: usize = MAX_FILE_BYTES + 64 * 1024;

/// What an upload is called.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UploadQuery {
    /// The file's name (its extension tells the older office formats apart).
    pub name: Option<String>,
}

/// Stores a file (the request's body, up to 10 MB: PDF, JPEG, PNG, Word, Excel, PowerPoint or
/// OpenDocument, judged by its bytes) and answers how a record names it. A file attached to no
/// record is served to no one.
#[utoipa::path(post, path = "/api/files", security(("session" = [])), tag = "files", params(UploadQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses(
        (status = 201, description = "Stored", body = FileRef),
        (status = 400, description = "No name, an empty file, or a type not accepted", body = ErrorBody),
        (status = 403, description = "Auditors and national staff change nothing", body = ErrorBody),
        (status = 413, description = "Larger than 10 MB", body = ErrorBody),
        (status = 429, description = "Too many uploads by this user in a short time", body = ErrorBody)))]
pub async fn upload(
    State(app): State<AppState>,
    principal: Principal,
    Query(q): Query<UploadQuery>,
    body: Bytes,
) -> AppResult<(StatusCode, axum::Json<FileRef>)> {
    let scope = principal.own_write()?;
    let name = q.name.ok_or_else(|| {
        AppError::BadRequest(antikor_shared::msg!("requests-file-name-parameter"))
    })?;
    let file = app.upload_file(&scope, &name, body.to_vec()).await?;
    Ok((StatusCode::CREATED, axum::Json(file)))
}

/// A stored file, for whoever may read a record it is attached to (anyone, for a public
/// meeting's): always a download.
#[utoipa::path(get, path = "/api/files/{sha256}", security((), ("session" = [])), tag = "files",
    params(("sha256" = String, Path, description = "The file's SHA-256")),
    responses(
        (status = 200, description = "The file", content_type = "application/octet-stream", body = Vec<u8>),
        (status = 404, description = "No such file within the caller's reach", body = ErrorBody)))]
pub async fn download(
    State(app): State<AppState>,
    principal: Option<Principal>,
    Path(sha256): Path<String>,
) -> AppResult<Response> {
    let reader = principal.as_ref().map(Principal::read_scope);
    let (file, bytes) = app.evidence_file(reader.as_ref(), &sha256)?;
    Ok(exports::file_download(&file.name, &file.media_type, bytes)?)
}

/// Attaches uploaded files to an activity of the caller's tenant (a meeting's protocol, a
/// training's list of participants).
#[utoipa::path(post, path = "/api/activities/{id}/files", security(("session" = [])), tag = "files", request_body = AttachFiles,
    params(("id" = Uuid, Path, description = "The activity")),
    responses(
        (status = 200, description = "The activity with its files", body = ActivityRecord),
        (status = 400, description = "A file not uploaded, or too many at once", body = ErrorBody),
        (status = 403, description = "Auditors and national staff change nothing", body = ErrorBody),
        (status = 404, description = "No such activity in the caller's tenant", body = ErrorBody)))]
pub async fn attach_to_activity(
    State(app): State<AppState>,
    principal: Principal,
    Path(id): Path<Uuid>,
    Speaks(lang): Speaks,
    Json(body): Json<AttachFiles>,
) -> AppResult<axum::Json<ActivityRecord>> {
    let scope = principal.own_write()?;
    Ok(axum::Json(
        app.attach_activity_files(&scope, id, body.files, lang)
            .await?,
    ))
}

/// Attaches uploaded files to a risk of the caller's tenant.
#[utoipa::path(post, path = "/api/risks/{id}/files", security(("session" = [])), tag = "files", request_body = AttachFiles,
    params(("id" = Uuid, Path, description = "The risk")),
    responses(
        (status = 200, description = "The risk with its files", body = RiskRecord),
        (status = 400, description = "A file not uploaded, or too many at once", body = ErrorBody),
        (status = 403, description = "Auditors and national staff change nothing", body = ErrorBody),
        (status = 404, description = "No such risk in the caller's tenant", body = ErrorBody),
        (status = 409, description = "The risk is closed", body = ErrorBody)))]
pub async fn attach_to_risk(
    State(app): State<AppState>,
    principal: Principal,
    Path(id): Path<Uuid>,
    Json(body): Json<AttachFiles>,
) -> AppResult<axum::Json<RiskRecord>> {
    let scope = principal.own_write()?;
    let exact = principal.keeps_signals_of(scope.tenant());
    Ok(axum::Json(
        app.attach_risk_files(&scope, id, body.files, exact).await?,
    ))
}
