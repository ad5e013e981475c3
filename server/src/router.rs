//! Every route of the server, in one place, and the layers around them.

use crate::app::AppState;
use crate::assets::API_CSP;
use crate::routes::{
    accounts, activities, audit, files, frontend, health, log, plan, progress, public, reminders,
    report, risks, session, signals, surveys, tenants,
};
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, header};
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::router::UtoipaMethodRouterExt;
use utoipa_axum::routes;

/// The OpenAPI document's frame; the paths come from the handlers' annotations.
#[derive(OpenApi)]
#[openapi(
    info(title = "Antikor API", description = "Anti-corruption action plans of the provinces and municipalities of Bulgaria (Blagoevgrad first): event log, tenants, audit trail."),
    tags(
        (name = "system", description = "Health and API description"),
        (name = "session", description = "Logging in and out; the session cookie and its CSRF token"),
        (name = "accounts", description = "Accounts and their roles, managed by administrators"),
        (name = "tenants", description = "National bodies, regional administrations, municipalities and territorial units, by province"),
        (name = "plan", description = "The yearly action plan and its measures"),
        (name = "progress", description = "Each tenant's progress on the plan, dashboards and the combined view"),
        (name = "reminders", description = "What waits for the caller's action: the register's clocks, measures due, returned acts"),
        (name = "activities", description = "Meetings, trainings, media work, declaration checks, contested acts, expert contacts"),
        (name = "risks", description = "The corruption-risk register of each tenant (plan measure VI.1) and the registers side by side"),
        (name = "survey", description = "The yearly anonymous staff survey (plan measure VI.2): the region's questionnaire, each tenant's opening and codes, results above the threshold"),
        (name = "files", description = "Evidence files: documents attached to progress reports, activities and risks, stored by their SHA-256"),
        (name = "signals", description = "The confidential register of corruption signals, for the tenant's officers"),
        (name = "public", description = "What every visitor may read, the public signal form and the reporter's page"),
        (name = "audit", description = "The append-only, hash-chained event log"),
        (name = "log", description = "The log as a Merkle tree: signed checkpoints, the log's key, inclusion and consistency proofs")
    )
)]
struct ApiDoc;

/// The API's routes with their OpenAPI description.
pub fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(health::health))
        .routes(routes!(log::checkpoint))
        .routes(routes!(log::key))
        .routes(routes!(log::consistency))
        .routes(routes!(log::inclusion))
        .routes(routes!(log::entry))
        .routes(routes!(log::bundle))
        .routes(routes!(log::records))
        .routes(routes!(session::login, session::current, session::logout))
        .routes(routes!(session::change_password))
        .routes(routes!(
            session::notifications,
            session::choose_notifications
        ))
        .routes(routes!(accounts::list, accounts::create))
        .routes(routes!(accounts::get))
        .routes(routes!(accounts::people))
        .routes(routes!(accounts::grant_role))
        .routes(routes!(accounts::disable))
        .routes(routes!(accounts::enable))
        .routes(routes!(accounts::reset_password))
        .routes(routes!(tenants::list, tenants::register))
        .routes(routes!(tenants::country))
        .routes(routes!(plan::years, plan::start))
        .routes(routes!(plan::get))
        .routes(routes!(plan::add_measure))
        .routes(routes!(plan::update_measure))
        .routes(routes!(plan::withdraw_measure))
        .routes(routes!(progress::list))
        .routes(routes!(progress::report))
        .routes(routes!(progress::dashboard))
        .routes(routes!(progress::region))
        .routes(routes!(reminders::list))
        .routes(routes!(report::get))
        .routes(routes!(report::docx))
        .routes(routes!(activities::list, activities::record))
        .routes(routes!(activities::export))
        .routes(routes!(activities::get))
        .routes(routes!(activities::correct))
        .routes(routes!(activities::follow_up))
        .routes(routes!(activities::contacts, activities::update_contacts))
        .routes(routes!(risks::list, risks::identify))
        .routes(routes!(risks::summary))
        .routes(routes!(risks::export))
        .routes(routes!(risks::get))
        .routes(routes!(risks::assess))
        .routes(routes!(risks::treat))
        .routes(routes!(risks::review))
        .routes(routes!(risks::close))
        .routes(routes!(risks::region))
        .routes(routes!(surveys::questionnaire, surveys::publish))
        .routes(routes!(surveys::status, surveys::open))
        .routes(routes!(surveys::issue))
        .routes(routes!(surveys::results))
        .routes(routes!(surveys::region))
        .routes(routes!(surveys::form))
        .routes(routes!(surveys::answer))
        .routes(routes!(files::upload).layer(DefaultBodyLimit::max(files::UPLOAD_BODY_LIMIT)))
        .routes(routes!(files::download))
        .routes(routes!(files::attach_to_activity))
        .routes(routes!(files::attach_to_risk))
        .routes(routes!(public::progress))
        .routes(routes!(public::meetings))
        .routes(routes!(public::contested_acts))
        .routes(routes!(signals::file).layer(DefaultBodyLimit::max(signals::FILING_BODY_LIMIT)))
        .routes(routes!(signals::status))
        .routes(routes!(signals::reply))
        .routes(routes!(signals::statistics))
        .routes(routes!(signals::channels))
        .routes(routes!(signals::record_channel))
        .routes(routes!(signals::lists))
        .routes(routes!(signals::set_lists))
        .routes(
            routes!(signals::register, signals::record)
                .layer(DefaultBodyLimit::max(signals::FILING_BODY_LIMIT)),
        )
        .routes(routes!(signals::analysis))
        .routes(routes!(signals::officers))
        .routes(routes!(signals::register_csv))
        .routes(routes!(signals::get))
        .routes(routes!(signals::identity))
        .routes(routes!(signals::attachment))
        .routes(routes!(signals::acknowledge))
        .routes(routes!(signals::assign))
        .routes(routes!(signals::classify))
        .routes(routes!(signals::forward))
        .routes(routes!(signals::follow_up))
        .routes(routes!(signals::feedback))
        .routes(routes!(signals::message))
        .routes(routes!(signals::close))
        .routes(routes!(signals::link))
        .routes(routes!(signals::link_risks))
        .routes(routes!(audit::list))
        .routes(routes!(audit::get))
        .routes(routes!(audit::event_types))
        .routes(routes!(audit::records))
        .routes(routes!(audit::diff))
        .routes(routes!(audit::history))
        .routes(routes!(audit::live))
}

/// The whole application: API, OpenAPI document, frontend, and the layers around them.
pub fn build(state: AppState) -> Router {
    let (api, openapi) = api().split_for_parts();
    let openapi = crate::openapi::document(&openapi);
    let api = api.route(
        "/api/openapi.json",
        axum::routing::get(move || std::future::ready(axum::Json(openapi.clone()))),
    );
    // Answers can hold personal data and session tokens: no cache may keep them.
    let api = api.layer(SetResponseHeaderLayer::if_not_present(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-store"),
    ));
    api.fallback(frontend::serve)
        .with_state(state)
        // Error messages in the caller's language (every extractor's and handler's).
        .layer(axum::middleware::from_fn(
            crate::util::errors::speak_the_callers_language,
        ))
        .layer(CompressionLayer::new())
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(API_CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("x-frame-options"),
            HeaderValue::from_static("DENY"),
        ))
        .layer(TraceLayer::new_for_http())
}
