//! Tenant isolation: every route × every role × own and foreign tenant, and a property test
//! over random multi-tenant histories.

use crate::support::{DEMO_PASSWORD, Session, TestApp, event, request, tenant as tenant_id};
use antikor_server::store::{ExpectedVersion, NewEvent};
use antikor_shared::account::{AccountCreated, Role};
use antikor_shared::{TenantId, Username};
use axum::http::{Method, StatusCode};
use proptest::prelude::*;
use serde_json::{Value, json};
use std::collections::BTreeSet;

/// Who calls. `None` is an anonymous visitor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Caller {
    Anonymous,
    Officer,
    TenantAdmin,
    Regional,
    RegionalAdmin,
    Auditor,
}

impl Caller {
    const ALL: [Caller; 6] = [
        Caller::Anonymous,
        Caller::Officer,
        Caller::TenantAdmin,
        Caller::Regional,
        Caller::RegionalAdmin,
        Caller::Auditor,
    ];

    /// The demo account playing the role, its own tenant, and a foreign one.
    fn who(self) -> (Option<&'static str>, &'static str, &'static str) {
        match self {
            Self::Anonymous => (None, "bansko", "blagoevgrad"),
            Self::Officer => (Some("bansko.officer"), "bansko", "blagoevgrad"),
            Self::TenantAdmin => (Some("blagoevgrad.admin"), "blagoevgrad", "bansko"),
            Self::Regional => (Some("oblast.sekretar"), "oblast", "bansko"),
            Self::RegionalAdmin => (Some("oblast.admin"), "oblast", "bansko"),
            Self::Auditor => (Some("odit"), "oblast", "bansko"),
        }
    }

    /// Whether the caller reaches every tenant's records by design.
    fn sees_all(self) -> bool {
        matches!(self, Self::Regional | Self::RegionalAdmin | Self::Auditor)
    }
}

/// Which tenant a request is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Own,
    /// Another tenant of the caller's province.
    Foreign,
    /// A tenant of another province (Burgas), which no caller here reaches.
    OtherProvince,
}

/// The tenant of another province every caller is tried against.
const OTHER_PROVINCE: &str = "burgas";

/// The tenants whose records carry markers, and the marker of each: an account whose
/// username and name appear nowhere else.
const MARKED: [&str; 4] = ["oblast", "blagoevgrad", "bansko", "petrich"];

fn marker(tenant: &str) -> String {
    format!("marker-{tenant}")
}

/// Expected status for each route, by caller and target tenant.
fn expected(route: &str, caller: Caller, target: Target) -> StatusCode {
    use Caller::*;
    use Target::*;
    let ok = StatusCode::OK;
    let logged_in = caller != Anonymous;
    let reachable = target == Own || (target == Foreign && caller.sees_all());
    match route {
        "GET /api/health"
        | "GET /api/tenants"
        | "GET /api/country"
        | "GET /api/plans"
        | "GET /api/plans/{year}"
        | "GET /api/contacts"
        | "GET /api/public/progress"
        | "GET /api/public/meetings"
        | "GET /api/public/contested-acts"
        | "GET /api/log/checkpoint"
        | "GET /api/log/key"
        | "GET /api/log/proof/consistency" => ok,
        // The public signal form and the reporter's page: anyone, for any tenant.
        "POST /api/public/signals" => StatusCode::CREATED,
        "POST /api/public/signals/status"
        | "POST /api/public/signals/reply"
        | "GET /api/public/signals/statistics"
        | "GET /api/public/signals/channels"
        | "GET /api/public/signals/lists" => ok,
        // Anyone reads the report of the province's plan; an institution outside it is not
        // in the report (what of it each caller sees is checked by the markers below).
        "GET /api/report/{year}" | "GET /api/report/{year}/docx" => {
            if target == OtherProvince {
                StatusCode::NOT_FOUND
            } else {
                ok
            }
        }
        // The staff survey's respondents: anyone with a code of the tenant's survey (every
        // tenant of the province has one here; the other province's has none).
        "POST /api/public/survey/form" | "POST /api/public/survey/answers" => {
            match (target, route.ends_with("form")) {
                (OtherProvince, _) => StatusCode::FORBIDDEN,
                (_, true) => ok,
                (_, false) => StatusCode::NO_CONTENT,
            }
        }
        // An evidence file: for whoever reads the (non-public) record it is attached to.
        "GET /api/files/{sha256}" => {
            if logged_in && reachable {
                ok
            } else {
                StatusCode::NOT_FOUND
            }
        }
        "POST /api/session" => StatusCode::UNAUTHORIZED, // wrong password for everyone
        _ if !logged_in => StatusCode::UNAUTHORIZED,
        "GET /api/session" => ok,
        // What waits for the caller, in their own tenant: nothing to ask of another.
        "GET /api/reminders" | "GET /api/session/notifications" => ok,
        // One's own choice of e-mail, whoever one is.
        "PUT /api/session/notifications" => ok,
        // Names and roles of the people the caller's histories show (the markers below check
        // that no one else's are among them).
        "GET /api/people" => ok,
        // The province's questionnaire: every logged-in user of it reads it.
        "GET /api/questionnaires/{year}" => ok,
        "POST /api/questionnaires/{year}" => match caller {
            Regional | RegionalAdmin => StatusCode::CREATED,
            _ => StatusCode::FORBIDDEN,
        },
        "DELETE /api/session" => StatusCode::NO_CONTENT,
        // The whole log holds every province's events: the auditor here reaches one.
        "GET /api/log/bundle" | "GET /api/log/records" => StatusCode::FORBIDDEN,
        "PUT /api/session/password" => StatusCode::BAD_REQUEST, // a too short new password
        "GET /api/audit/events"
        | "GET /api/audit/events/{position}"
        | "GET /api/audit/event-types"
        | "GET /api/audit/records"
        | "GET /api/audit/diff"
        | "GET /api/audit/history"
        | "GET /api/audit/live"
        | "GET /api/log/proof/inclusion"
        | "GET /api/log/entries/{position}" => {
            if reachable {
                ok
            } else {
                StatusCode::NOT_FOUND
            }
        }
        "GET /api/accounts" | "GET /api/accounts/{username}" => match caller {
            Officer | Regional => StatusCode::FORBIDDEN,
            _ if reachable => ok,
            _ => StatusCode::NOT_FOUND,
        },
        "POST /api/accounts" => match caller {
            TenantAdmin | RegionalAdmin if reachable => StatusCode::CREATED,
            TenantAdmin | RegionalAdmin => StatusCode::NOT_FOUND,
            _ => StatusCode::FORBIDDEN,
        },
        "POST /api/accounts/{username}/role"
        | "POST /api/accounts/{username}/disable"
        | "POST /api/accounts/{username}/enable"
        | "POST /api/accounts/{username}/password" => match caller {
            // An administrator cannot see an account out of reach at all.
            TenantAdmin | RegionalAdmin if reachable => ok,
            TenantAdmin | RegionalAdmin => StatusCode::NOT_FOUND,
            _ => StatusCode::FORBIDDEN,
        },
        // A regional administrator registers the tenants of their own province.
        "POST /api/tenants" => match caller {
            RegionalAdmin => StatusCode::CREATED,
            _ => StatusCode::FORBIDDEN,
        },
        // Regional staff keep the plan.
        "POST /api/plans" | "POST /api/plans/{year}/measures" => match caller {
            Regional | RegionalAdmin => StatusCode::CREATED,
            _ => StatusCode::FORBIDDEN,
        },
        "POST /api/plans/{year}/measures/{key}"
        | "POST /api/plans/{year}/measures/{key}/withdraw" => match caller {
            Regional | RegionalAdmin => ok,
            _ => StatusCode::FORBIDDEN,
        },
        // Reads of one tenant's work: own tenant, or any for the roles that see all.
        "GET /api/progress"
        | "GET /api/dashboard"
        | "GET /api/activities"
        | "GET /api/activities/export.csv"
        | "GET /api/activities/{id}" => {
            if reachable {
                ok
            } else {
                StatusCode::NOT_FOUND
            }
        }
        // The risk register: the tenant's own work, read like its activities.
        "GET /api/risks"
        | "GET /api/risks/summary"
        | "GET /api/risks/export.csv"
        | "GET /api/risks/{id}" => {
            if reachable {
                ok
            } else {
                StatusCode::NOT_FOUND
            }
        }
        "GET /api/surveys/{year}" | "GET /api/surveys/{year}/results" => {
            if reachable {
                ok
            } else {
                StatusCode::NOT_FOUND
            }
        }
        "GET /api/region" | "GET /api/region/risks" | "GET /api/region/surveys/{year}" => {
            if caller.sees_all() {
                ok
            } else {
                StatusCode::FORBIDDEN
            }
        }
        // The signals register: the tenant's officers only, never the region or auditors.
        "PUT /api/signals/channel" | "PUT /api/signals/lists" => match caller {
            Officer | TenantAdmin => ok,
            _ => StatusCode::FORBIDDEN,
        },
        "GET /api/signals"
        | "GET /api/signals/analysis"
        | "GET /api/signals/officers"
        | "GET /api/signals/register.csv" => {
            if caller == Officer {
                ok
            } else {
                StatusCode::FORBIDDEN
            }
        }
        "POST /api/signals" => {
            if caller == Officer {
                StatusCode::CREATED
            } else {
                StatusCode::FORBIDDEN
            }
        }
        r if r.contains(" /api/signals/{id}") => match caller {
            Officer if target == Own => ok,
            Officer => StatusCode::NOT_FOUND,
            _ => StatusCode::FORBIDDEN,
        },
        // Writes always go to the caller's own tenant; auditors change nothing.
        _ if caller == Auditor && !route.starts_with("GET") => StatusCode::FORBIDDEN,
        "PUT /api/progress/{year}/{key}" | "PUT /api/contacts" => ok,
        "POST /api/activities"
        | "POST /api/risks"
        | "POST /api/files"
        | "POST /api/surveys/{year}"
        | "POST /api/surveys/{year}/codes" => StatusCode::CREATED,
        "POST /api/activities/{id}/files" | "POST /api/risks/{id}/files" => {
            if target == Own {
                ok
            } else {
                StatusCode::NOT_FOUND
            }
        }
        "POST /api/risks/{id}/assessment"
        | "POST /api/risks/{id}/treatment"
        | "POST /api/risks/{id}/review"
        | "POST /api/risks/{id}/closure" => {
            if target == Own {
                ok
            } else {
                StatusCode::NOT_FOUND
            }
        }
        "POST /api/activities/{id}/correction" | "POST /api/activities/{id}/follow-up" => {
            if target == Own {
                ok
            } else {
                StatusCode::NOT_FOUND
            }
        }
        other => panic!("the isolation matrix has no row for {other}: add one"),
    }
}

/// A fresh officer account in `tenant` for a request to change (created by the regional
/// admin); disabled first when the request enables it.
async fn victim(app: &TestApp, admin: &Session, tenant: &str, n: usize, disabled: bool) -> String {
    let username = format!("victim{n}.{tenant}");
    if tenant == OTHER_PROVINCE {
        // Out of the regional administrator's reach: made by the command line.
        antikor_server::cli::create_user(
            &app.state,
            tenant_id(tenant),
            Username::parse(&username).unwrap(),
            "Жертва".into(),
            Role::Officer,
            DEMO_PASSWORD.into(),
        )
        .await
        .unwrap();
        if disabled {
            let account = Username::parse(&username).unwrap();
            let event = antikor_shared::account::AccountDisabled {
                username: account.clone(),
                reason: "за теста".into(),
            };
            app.state
                .system_log()
                .append(request(
                    tenant,
                    antikor_server::streams::account(&account).as_str(),
                    ExpectedVersion::Exact(1),
                    vec![NewEvent::from_domain(uuid::Uuid::new_v4(), &event)],
                ))
                .await
                .unwrap();
        }
        return username;
    }
    let (status, body) = app
        .post_as(
            admin,
            "/api/accounts",
            json!({"tenant": tenant, "username": username, "display_name": "Жертва",
                "role": "officer", "password": "дълга и рядка парола"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    if disabled {
        let uri = format!("/api/accounts/{username}/disable");
        let (status, _) = app
            .post_as(admin, &uri, json!({"reason": "за теста"}))
            .await;
        assert_eq!(status, StatusCode::OK);
    }
    username
}

/// The request for `route` about `tenant`: method, URI and body.
async fn build(
    app: &TestApp,
    admin: &Session,
    route: &str,
    tenant: &str,
    own: &str,
    n: usize,
) -> (Method, String, Option<Value>) {
    let (method, path) = route.split_once(' ').unwrap();
    let method: Method = method.parse().unwrap();
    let uri = |p: &str| p.to_owned();
    let position_of = || {
        let log = app.state.system_log();
        let filter = antikor_server::store::Filter {
            tenant: Some(tenant_id(tenant)),
            ..Default::default()
        };
        log.read_page(
            &filter,
            &antikor_server::store::all_types,
            antikor_server::store::Direction::Backward,
            u64::MAX,
            1,
        )
        .unwrap()[0]
            .position
    };
    match path {
        "/api/health" | "/api/log/checkpoint" | "/api/log/key" | "/api/log/bundle" => {
            (method, uri(path), None)
        }
        "/api/log/proof/consistency" => (method, format!("{path}?from=1&to=2"), None),
        "/api/log/records" => (method, format!("{path}?from=1&limit=50"), None),
        "/api/log/proof/inclusion" => (method, format!("{path}?position={}", position_of()), None),
        "/api/log/entries/{position}" => {
            (method, format!("/api/log/entries/{}", position_of()), None)
        }
        "/api/tenants" | "/api/country" if method == Method::GET => (method, uri(path), None),
        "/api/tenants" => (
            method,
            uri(path),
            Some(
                json!({"kind": "territorial_unit", "slug": format!("unit{n}"),
                "name_bg": "Регионална дирекция", "name_en": "Regional directorate",
                "official_code": format!("UIC-{n}"), "province": "BLG"}),
            ),
        ),
        "/api/session" if method == Method::POST => (
            method,
            uri(path),
            Some(json!({"username": format!("nobody{n}"), "password": "not the right one"})),
        ),
        "/api/session" => (method, uri(path), None),
        "/api/people" | "/api/reminders" => (method, uri(path), None),
        "/api/session/notifications" if method == Method::GET => (method, uri(path), None),
        "/api/session/notifications" => (
            method,
            uri(path),
            Some(json!({"email": "ivanova@example.bg", "delivery": "digest"})),
        ),
        "/api/session/password" => (
            method,
            uri(path),
            Some(json!({"current_password": DEMO_PASSWORD, "new_password": "x"})),
        ),
        "/api/audit/events"
        | "/api/audit/event-types"
        | "/api/audit/records"
        | "/api/audit/live" => (method, format!("{path}?tenant={tenant}"), None),
        "/api/audit/events/{position}" => {
            (method, format!("/api/audit/events/{}", position_of()), None)
        }
        "/api/audit/diff" => (
            method,
            format!("{path}?tenant={tenant}&from=0&to=100000"),
            None,
        ),
        // Every tenant's registration is a record of its own.
        "/api/audit/history" => (
            method,
            format!("{path}?tenant={tenant}&stream=tenant"),
            None,
        ),
        "/api/accounts" if method == Method::GET => {
            (method, format!("{path}?tenant={tenant}"), None)
        }
        "/api/accounts" => (
            method,
            uri(path),
            Some(
                json!({"tenant": tenant, "username": format!("created{n}.{tenant}"),
                "display_name": "Нов служител", "role": "officer",
                "password": "дълга и рядка парола"}),
            ),
        ),
        "/api/accounts/{username}" => (method, format!("/api/accounts/{}", marker(tenant)), None),
        "/api/plans" if method == Method::GET => (method, uri(path), None),
        "/api/plans" => (
            method,
            uri(path),
            Some(json!({"year": 2018 + (n % 80) as i32, "based_on": 2017})),
        ),
        "/api/plans/{year}" => (method, "/api/plans/2017".into(), None),
        "/api/plans/{year}/measures" => (
            method,
            "/api/plans/2017/measures".into(),
            Some(new_measure(n)),
        ),
        "/api/plans/{year}/measures/{key}" => {
            let revision = revision_of(app, "I.1");
            (
                method,
                "/api/plans/2017/measures/I.1".into(),
                Some(json!({"expected_revision": revision, "indicator": format!("Индикатор {n}")})),
            )
        }
        "/api/plans/{year}/measures/{key}/withdraw" => {
            let (status, plan) = app
                .post_as(admin, "/api/plans/2017/measures", new_measure(n))
                .await;
            assert_eq!(status, StatusCode::CREATED, "{plan}");
            let key = plan["measures"].as_array().unwrap().last().unwrap()["key"]
                .as_str()
                .unwrap()
                .to_owned();
            (
                method,
                format!("/api/plans/2017/measures/{key}/withdraw"),
                Some(json!({"expected_revision": 1, "reason": "проверка на достъпа"})),
            )
        }
        "/api/progress"
        | "/api/dashboard"
        | "/api/activities"
        | "/api/activities/export.csv"
        | "/api/region"
            if method == Method::GET =>
        {
            (method, format!("{path}?tenant={tenant}&year=2017"), None)
        }
        "/api/report/{year}" | "/api/report/{year}/docx" => (
            method,
            format!("{}?tenant={tenant}", path.replace("{year}", "2017")),
            None,
        ),
        "/api/progress/{year}/{key}" => {
            let version = app
                .state
                .system_models()
                .work
                .of(&tenant_id(own))
                .and_then(|w| w.progress.get(&(2017, "II.3".to_owned())))
                .map_or(0, |s| s.version);
            (
                method,
                "/api/progress/2017/II.3".into(),
                Some(
                    json!({"level": "limited", "note": "Списъкът е обновен", "evidence": [],
                    "reported_for": "2017-06-30", "expected_version": version}),
                ),
            )
        }
        "/api/activities" => (method, uri(path), Some(training())),
        "/api/risks" | "/api/risks/summary" | "/api/risks/export.csv" if method == Method::GET => {
            (method, format!("{path}?tenant={tenant}&year=2017"), None)
        }
        "/api/region/risks" => (method, format!("{path}?year=2017"), None),
        "/api/files" => (
            method,
            format!("{path}?name=protokol-{n}.pdf"),
            Some(Value::String(format!("%PDF-1.7 протокол {n}"))),
        ),
        "/api/files/{sha256}" => {
            let activity = seed_activity(app, tenant, training()).await;
            let file = seed_file(app, tenant, "activity", activity, n).await;
            (
                method,
                format!("/api/files/{}", file["sha256"].as_str().unwrap()),
                None,
            )
        }
        "/api/activities/{id}/files" | "/api/risks/{id}/files" => {
            let id = if path.starts_with("/api/risks") {
                seed_risk(app, tenant, false).await
            } else {
                seed_activity(app, tenant, training()).await
            };
            let file = stored_file(app, n);
            (
                method,
                path.replace("{id}", &id.to_string()),
                Some(json!({"files": [file]})),
            )
        }
        "/api/questionnaires/{year}" if method == Method::GET => {
            (method, format!("/api/questionnaires/{SURVEY_YEAR}"), None)
        }
        // Each publication changes the title, so that each is a new version.
        "/api/questionnaires/{year}" => {
            let uri = format!("/api/questionnaires/{SURVEY_YEAR}");
            let (_, view) = app.get_as(admin, &uri).await;
            let mut draft = view["draft"].clone();
            draft["title"] = json!(format!("Анкета {n}"));
            draft["expected_version"] = view["version"].clone();
            (method, uri, Some(draft))
        }
        "/api/surveys/{year}" | "/api/surveys/{year}/results" if method == Method::GET => (
            method,
            format!(
                "{}?tenant={tenant}",
                path.replace("{year}", &SURVEY_YEAR.to_string())
            ),
            None,
        ),
        "/api/region/surveys/{year}" => {
            (method, format!("/api/region/surveys/{SURVEY_YEAR}"), None)
        }
        // A year of its own for each opening: a survey opens once a year.
        "/api/surveys/{year}" => {
            let year = 2100 + n as i32;
            publish_questionnaire(app, admin, year).await;
            (
                method,
                format!("/api/surveys/{year}"),
                Some(json!({"closes_on": format!("{year}-06-30")})),
            )
        }
        "/api/surveys/{year}/codes" => {
            let year = 2100 + n as i32;
            publish_questionnaire(app, admin, year).await;
            seed_survey(app, own, year, None).await;
            (
                method,
                format!("/api/surveys/{year}/codes"),
                Some(json!({"count": 3})),
            )
        }
        "/api/public/survey/form" | "/api/public/survey/answers" => {
            let code = format!("{:016}", n);
            if tenant != OTHER_PROVINCE {
                seed_survey(app, tenant, SURVEY_YEAR, Some(&code)).await;
            }
            (
                method,
                uri(path),
                Some(json!({"tenant": tenant, "year": SURVEY_YEAR, "code": code,
                    "answers": [{"question": "q1", "choice": 0, "text": null}]})),
            )
        }
        // Owned by the writer's tenant's marked officer (every writer here has one).
        "/api/risks" => (
            method,
            uri(path),
            Some(crate::risks::identified(&marker(own))),
        ),
        "/api/risks/{id}" => {
            let id = seed_risk(app, tenant, false).await;
            (method, format!("/api/risks/{id}"), None)
        }
        p if p.starts_with("/api/risks/{id}/") => {
            let step = p.trim_start_matches("/api/risks/{id}/");
            let id = seed_risk(app, tenant, step != "closure").await;
            let (_, _, body) = crate::risks::lifecycle()
                .into_iter()
                .find(|(_, s, _)| *s == step)
                .unwrap();
            let mut body = body;
            body["expected_version"] = json!(if step == "closure" { 1 } else { 2 });
            (method, format!("/api/risks/{id}/{step}"), Some(body))
        }
        "/api/activities/{id}" => {
            let id = seed_activity(app, tenant, training()).await;
            (method, format!("/api/activities/{id}"), None)
        }
        "/api/activities/{id}/correction" => {
            let id = seed_activity(app, tenant, training()).await;
            let mut corrected = training();
            corrected["participants"] = json!(30);
            (
                method,
                format!("/api/activities/{id}/correction"),
                Some(
                    json!({"activity": corrected, "reason": "грешен брой", "expected_version": 1}),
                ),
            )
        }
        "/api/activities/{id}/follow-up" => {
            let id = seed_activity(app, tenant, contested_act()).await;
            (
                method,
                format!("/api/activities/{id}/follow-up"),
                Some(json!({"court_outcome": "Отменено", "expected_version": 1})),
            )
        }
        "/api/contacts" if method == Method::GET => (method, uri(path), None),
        "/api/contacts" => (
            method,
            uri(path),
            Some(
                json!({"contacts": [{"name": "Експерт", "position": "Главен експерт",
                "phone": "073 000 000", "email": "expert@example.bg"}]}),
            ),
        ),
        "/api/public/signals" => (method, uri(path), Some(signal(tenant))),
        "/api/public/signals/status" | "/api/public/signals/reply" => {
            let receipt = file_signal(app, tenant).await;
            let access = json!({"reference": receipt["reference"], "code": receipt["receipt_code"],
                "text": "Допълнение"});
            (method, uri(path), Some(access))
        }
        "/api/public/signals/statistics" | "/api/public/signals/channels" => {
            (method, uri(path), None)
        }
        "/api/signals/channel" => (
            method,
            uri(path),
            Some(json!({"population": 20000, "staff": 100, "note": "проверка"})),
        ),
        "/api/public/signals/lists" => (method, format!("{path}?tenant={tenant}"), None),
        "/api/signals/lists" => (
            method,
            uri(path),
            Some(json!({"units": ["Кметства"], "activities": []})),
        ),
        "/api/signals" if method == Method::POST => (
            method,
            uri(path),
            Some(
                json!({"channel": "email", "received": "2026-01-05", "reporter": null,
                "account": {"what": "По имейл", "place": "", "when": ""}, "concerned": null,
                "unit": null, "activity": null, "category": "other"}),
            ),
        ),
        "/api/signals"
        | "/api/signals/analysis"
        | "/api/signals/officers"
        | "/api/signals/register.csv" => (method, uri(path), None),
        p if p.starts_with("/api/signals/{id}") => {
            let receipt = file_signal(app, tenant).await;
            let id = receipt["id"].as_str().unwrap().to_owned();
            let on = antikor_server::clock::sofia_date(chrono::Utc::now()).to_string();
            let step = p.trim_start_matches("/api/signals/{id}");
            let uri = format!("/api/signals/{id}{step}");
            let body = match step {
                "" | "/attachments/{number}" => None,
                "/identity" => Some(json!({})),
                "/acknowledge" => Some(
                    json!({"expected_version": 1, "on": on, "uin": null, "message": "Получено"}),
                ),
                "/assign" => {
                    Some(json!({"expected_version": 1, "to": format!("{tenant}.officer")}))
                }
                "/classify" => Some(json!({"expected_version": 1, "regime": "general",
                    "category": "bribery", "unit": null, "activity": null})),
                "/forward" => Some(json!({"expected_version": 1, "to": "Прокуратура",
                    "outgoing_number": "1", "on": on})),
                "/actions" | "/messages" => {
                    Some(json!({"expected_version": 1, "on": on, "text": "Текст"}))
                }
                "/feedback" => {
                    // Feedback follows an acknowledgment, which only the tenant's officer
                    // can give (the other callers are refused before the order matters).
                    let version = if ["bansko", "blagoevgrad"].contains(&tenant) {
                        let officer = app.login(&format!("{tenant}.officer")).await;
                        let (status, _) = app
                            .post_as(&officer, &format!("/api/signals/{id}/acknowledge"),
                                json!({"expected_version": 1, "on": on, "uin": null, "message": null}))
                            .await;
                        assert_eq!(status, StatusCode::OK);
                        2
                    } else {
                        1
                    };
                    Some(json!({"expected_version": version, "on": on, "text": "Отговор"}))
                }
                "/close" => Some(json!({"expected_version": 1, "on": on,
                    "outcome": "unsubstantiated", "reason": "Няма данни"})),
                "/links" => {
                    let other = file_signal(app, tenant).await;
                    Some(json!({"expected_version": 1, "reference": other["reference"]}))
                }
                "/risks" => {
                    // A signal is related to risks once classified, by the tenant's officer.
                    let version = if ["bansko", "blagoevgrad"].contains(&tenant) {
                        let officer = app.login(&format!("{tenant}.officer")).await;
                        let (status, _) = app
                            .post_as(
                                &officer,
                                &format!("/api/signals/{id}/classify"),
                                json!({"expected_version": 1, "regime": "general",
                                    "category": "bribery", "unit": null, "activity": null}),
                            )
                            .await;
                        assert_eq!(status, StatusCode::OK);
                        2
                    } else {
                        1
                    };
                    let risk = seed_risk(app, tenant, false).await;
                    Some(json!({"expected_version": version, "risks": [risk]}))
                }
                other => panic!("no request for the signal route {other}"),
            };
            let uri = uri.replace("{number}", "1");
            (method, uri, body)
        }
        "/api/public/progress" | "/api/public/meetings" | "/api/public/contested-acts" => {
            (method, format!("{path}?year=2017"), None)
        }
        _ => {
            let action = path.rsplit('/').next().unwrap();
            let username = victim(app, admin, tenant, n, action == "enable").await;
            let body = match action {
                "role" => json!({"role": "tenant_admin"}),
                "disable" => json!({"reason": "проверка на достъпа"}),
                "enable" => json!({}),
                "password" => json!({"password": "друга дълга парола"}),
                other => panic!("unknown account action {other}"),
            };
            (
                method,
                format!("/api/accounts/{username}/{action}"),
                Some(body),
            )
        }
    }
}

/// What a signal of `tenant` says: every personal field, the account and the attachment
/// carry the tenant's signal marker, so that any clear text that leaks shows.
fn signal(tenant: &str) -> Value {
    use base64::Engine;
    let marker = signal_marker(tenant);
    json!({"tenant": tenant, "reporter": {"name": marker, "contact": format!("{marker}@example.bg")},
        "account": {"what": format!("Подкуп {marker}"), "place": "Общината", "when": "2026"},
        "concerned": marker, "unit": "Кметства", "activity": null, "category": "bribery",
        "attachments": [{"name": format!("{marker}.txt"),
            "content_base64": base64::engine::general_purpose::STANDARD.encode(&marker)}]})
}

/// The marker of a tenant's signals' clear texts.
fn signal_marker(tenant: &str) -> String {
    format!("signal-secret-{tenant}")
}

/// Files a signal through the public form; returns the receipt.
async fn file_signal(app: &TestApp, tenant: &str) -> Value {
    let (status, receipt) = app
        .call(
            None,
            Method::POST,
            "/api/public/signals",
            Some(signal(tenant)),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    receipt
}

/// A measure to add to the 2017 plan.
fn new_measure(n: usize) -> Value {
    json!({"section": "I", "number": format!("{}.", 10 + n), "text": "Нова мярка",
        "deadline": {"from": {"year": 2017, "month": 12}, "to": {"year": 2017, "month": 12}},
        "responsible": ["Главен секретар"], "indicator": "Доклад", "expected_result": "Резултат"})
}

/// The current revision of a 2017 measure.
fn revision_of(app: &TestApp, key: &str) -> u64 {
    app.state
        .system_models()
        .plans
        .get(&antikor_shared::ProvinceCode::parse("BLG").unwrap(), 2017)
        .unwrap()
        .plan
        .measures
        .iter()
        .find(|m| m.measure.key == key)
        .unwrap()
        .revision
}

fn training() -> Value {
    json!({"kind": "training", "date": "2017-05-10", "topic": "Антикорупция",
        "participants": 20, "measures": ["III.2"]})
}

fn contested_act() -> Value {
    json!({"kind": "contested_act", "act_kind": "council_decision", "act_number": "№ 1",
        "act_date": "2017-03-01", "municipality": "bansko", "received_on": "2017-03-02",
        "action": "returned", "action_on": "2017-03-05", "grounds": "Противоречие",
        "council_revote": null, "court_case": null, "court_outcome": null,
        "published_on": null, "measures": []})
}

/// Appends an activity straight to a tenant's log (as if one of its officers had recorded
/// it) and returns its id.
async fn seed_activity(app: &TestApp, tenant: &str, activity: Value) -> uuid::Uuid {
    let activity: antikor_shared::activity::Activity = serde_json::from_value(activity).unwrap();
    let id = uuid::Uuid::new_v4();
    let event = match activity {
        antikor_shared::activity::Activity::Training(t) => {
            NewEvent::from_domain(uuid::Uuid::new_v4(), &t)
        }
        antikor_shared::activity::Activity::ContestedAct(a) => {
            NewEvent::from_domain(uuid::Uuid::new_v4(), &a)
        }
        other => panic!("not used here: {other:?}"),
    };
    app.state
        .system_log()
        .append(request(
            tenant,
            &format!("activity-{id}"),
            ExpectedVersion::NoStream,
            vec![event],
        ))
        .await
        .unwrap();
    id
}

/// A PDF put straight into the app's file store, as a record names it.
fn stored_file(app: &TestApp, n: usize) -> Value {
    let bytes = format!("%PDF-1.7 доказателство {n}").into_bytes();
    let store = antikor_server::files::FileStore::open(app.dir.path()).unwrap();
    let sha256 = store.put(&bytes, std::time::SystemTime::now()).unwrap();
    json!({"sha256": sha256, "name": format!("dokaz-{n}.pdf"),
        "media_type": "application/pdf", "bytes": bytes.len()})
}

/// A file attached, straight in the log, to `tenant`'s record `kind-{id}`.
async fn seed_file(app: &TestApp, tenant: &str, kind: &str, id: uuid::Uuid, n: usize) -> Value {
    let file = stored_file(app, n);
    let attached = antikor_shared::activity::ActivityFilesAttached {
        files: vec![serde_json::from_value(file.clone()).unwrap()],
    };
    app.state
        .system_log()
        .append(request(
            tenant,
            &format!("{kind}-{id}"),
            ExpectedVersion::Any,
            vec![NewEvent::from_domain(uuid::Uuid::new_v4(), &attached)],
        ))
        .await
        .unwrap();
    file
}

/// The year of the staff survey the reads and the respondents' routes are tried on.
const SURVEY_YEAR: i32 = 2099;

/// The province's questionnaire of `year`, published by its regional administrator once.
async fn publish_questionnaire(app: &TestApp, admin: &Session, year: i32) {
    let uri = format!("/api/questionnaires/{year}");
    let (_, view) = app.get_as(admin, &uri).await;
    if view["published"].is_null() {
        let mut draft = view["draft"].clone();
        draft["expected_version"] = json!(0);
        let (status, body) = app.post_as(admin, &uri, draft).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
}

/// `tenant`'s survey of `year` opened (once) straight in the log, with `code` handed out: the
/// API opens only the caller's own tenant's.
async fn seed_survey(app: &TestApp, tenant: &str, year: i32, code: Option<&str>) {
    use antikor_shared::survey::{SurveyCodesIssued, SurveyOpened, issue_hash};
    let opened = app
        .state
        .system_models()
        .surveys
        .of(&tenant_id(tenant), year)
        .is_some_and(|s| s.opened.is_some());
    let mut events = Vec::new();
    if !opened {
        let opening = SurveyOpened {
            year,
            version: 1,
            closes_on: chrono::NaiveDate::from_ymd_opt(year, 12, 31).unwrap(),
        };
        events.push(NewEvent::from_domain(uuid::Uuid::new_v4(), &opening));
    }
    if let Some(code) = code {
        let issued = SurveyCodesIssued {
            hashes: vec![issue_hash(code)],
        };
        events.push(NewEvent::from_domain(uuid::Uuid::new_v4(), &issued));
    }
    if !events.is_empty() {
        app.state
            .system_log()
            .append(request(
                tenant,
                &format!("survey-{year}"),
                ExpectedVersion::Any,
                events,
            ))
            .await
            .unwrap();
    }
}

/// A risk of `tenant`'s 2017 register, written straight to the log (rated too, with
/// `assessed`): the API writes only in the caller's own tenant.
async fn seed_risk(app: &TestApp, tenant: &str, assessed: bool) -> uuid::Uuid {
    use antikor_shared::risk::{Rating, RiskAssessed, RiskIdentified};
    let identified: RiskIdentified =
        serde_json::from_value(crate::risks::identified("someone")).unwrap();
    let mut events = vec![NewEvent::from_domain(uuid::Uuid::new_v4(), &identified)];
    if assessed {
        let rating = Rating {
            likelihood: 3,
            impact: 3,
        };
        let assessment = RiskAssessed {
            inherent: rating,
            controls: String::new(),
            residual: rating,
        };
        events.push(NewEvent::from_domain(uuid::Uuid::new_v4(), &assessment));
    }
    let id = uuid::Uuid::new_v4();
    app.state
        .system_log()
        .append(request(
            tenant,
            &format!("risk-{id}"),
            ExpectedVersion::NoStream,
            events,
        ))
        .await
        .unwrap();
    id
}

/// Reads an SSE answer for a moment (the backlog is empty without `Last-Event-ID`).
async fn response_text(
    app: &TestApp,
    session: Option<&Session>,
    method: Method,
    uri: &str,
    body: Option<Value>,
) -> (StatusCode, String) {
    let mut request = axum::http::Request::builder()
        .method(method.clone())
        .uri(uri);
    if let Some(s) = session {
        request = request.header("cookie", &s.cookie);
        if !method.is_safe() {
            request = request.header("x-csrf-token", &s.csrf);
        }
    }
    let body = match body {
        // An upload is the file's own bytes.
        Some(Value::String(raw)) if uri.starts_with("/api/files?") => {
            request = request.header("content-type", "application/octet-stream");
            axum::body::Body::from(raw)
        }
        Some(json) => {
            request = request.header("content-type", "application/json");
            axum::body::Body::from(json.to_string())
        }
        None => axum::body::Body::empty(),
    };
    if uri.starts_with("/api/audit/live") {
        use tower::ServiceExt;
        let router = antikor_server::router::build(app.state.clone());
        let response = router.oneshot(request.body(body).unwrap()).await.unwrap();
        return (response.status(), String::new());
    }
    let (status, _, bytes) = app.send(request.body(body).unwrap()).await;
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

#[tokio::test]
async fn every_route_for_every_role_and_tenant_answers_as_the_matrix_says() {
    let app = TestApp::start_demo().await;
    let admin = app.login("oblast.admin").await;
    publish_questionnaire(&app, &admin, SURVEY_YEAR).await;
    for t in MARKED {
        let (status, body) = app
            .post_as(
                &admin,
                "/api/accounts",
                json!({"tenant": t, "username": marker(t), "display_name": marker(t).to_uppercase(),
                    "role": "officer", "password": "дълга и рядка парола"}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        file_signal(&app, t).await;
        // A progress report whose note carries the marker: notes are the institution's own
        // work, read by its staff and the roles that see every tenant.
        let own = app
            .try_login(&marker(t), "дълга и рядка парола")
            .await
            .unwrap();
        let (status, body) = app
            .call(
                Some(&own),
                Method::PUT,
                "/api/progress/2017/III.1",
                Some(
                    json!({"level": "limited", "note": format!("Бележка {}", marker(t)),
                    "evidence": [], "reported_for": "2017-06-30", "expected_version": 0}),
                ),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        // And a risk of its register, described with the marker.
        let mut risk = crate::risks::identified(&marker(t));
        risk["description"] = json!(format!("Риск {}", marker(t)));
        let (status, body) = app.post_as(&own, "/api/risks", risk).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    // A second province, with a marked account and a signal of its own.
    let burgas = antikor_shared::ProvinceCode::parse("BGS").unwrap();
    antikor_server::cli::register_tenants(
        &app.state,
        antikor_server::cli::province_requests(Some(&burgas)),
    )
    .await
    .unwrap();
    antikor_server::cli::create_user(
        &app.state,
        tenant_id(OTHER_PROVINCE),
        Username::parse(marker(OTHER_PROVINCE)).unwrap(),
        marker(OTHER_PROVINCE).to_uppercase(),
        Role::Officer,
        DEMO_PASSWORD.into(),
    )
    .await
    .unwrap();
    file_signal(&app, OTHER_PROVINCE).await;
    let burgas_officer = app.login(&marker(OTHER_PROVINCE)).await;
    let mut risk = crate::risks::identified(&marker(OTHER_PROVINCE));
    risk["description"] = json!(format!("Риск {}", marker(OTHER_PROVINCE)));
    let (status, body) = app.post_as(&burgas_officer, "/api/risks", risk).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    // Every documented route is in the matrix.
    let (_, doc) = app.get("/api/openapi.json").await;
    let mut routes = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            routes.insert(format!("{} {path}", method.to_uppercase()));
        }
    }
    assert!(routes.len() >= 35, "{routes:?}");
    let mut checked = 0;
    for route in &routes {
        for caller in Caller::ALL {
            for target in [Target::Own, Target::Foreign, Target::OtherProvince] {
                let (username, own, foreign) = caller.who();
                let tenant = match target {
                    Target::Own => own,
                    Target::Foreign => foreign,
                    Target::OtherProvince => OTHER_PROVINCE,
                };
                // A fresh session each time: some routes end it or change the account.
                let session = match username {
                    Some(u) => Some(app.login(u).await),
                    None => None,
                };
                checked += 1;
                let (method, uri, body) = build(&app, &admin, route, tenant, own, checked).await;
                let (status, text) =
                    response_text(&app, session.as_ref(), method, &uri, body).await;
                let want = expected(route, caller, target);
                assert_eq!(
                    status, want,
                    "{route} as {caller:?} on {target:?} ({uri}): {text}"
                );
                // A signal's clear text reaches only its own tenant's officers, whoever
                // else asks (the region and auditors included).
                for t in MARKED {
                    if !(caller == Caller::Officer && t == own) {
                        assert!(
                            !text.contains(&signal_marker(t)),
                            "{route} as {caller:?} revealed a signal of {t}: {text}"
                        );
                    }
                }
                // Another province's records reach no one here, the region and auditors
                // included.
                assert!(
                    !text.contains(&marker(OTHER_PROVINCE))
                        && !text.contains(&signal_marker(OTHER_PROVINCE)),
                    "{route} as {caller:?} leaked another province's data: {text}"
                );
                if !caller.sees_all() {
                    for other in MARKED.iter().filter(|t| **t != own) {
                        assert!(
                            !text.contains(&marker(other))
                                && !text.contains(&marker(other).to_uppercase()),
                            "{route} as {caller:?} leaked {other}'s data: {text}"
                        );
                    }
                }
            }
        }
    }
    assert_eq!(checked, routes.len() * 18);
}

#[tokio::test]
async fn the_live_feed_never_carries_another_tenants_event() {
    use futures::StreamExt;
    use tower::ServiceExt;
    let app = TestApp::start_demo().await;
    let officer = app.login("bansko.officer").await;
    let router = antikor_server::router::build(app.state.clone());
    let feed = router
        .oneshot(
            axum::http::Request::get("/api/audit/live")
                .header("cookie", &officer.cookie)
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(feed.status(), StatusCode::OK);
    let log = app.state.system_log();
    log.append(request(
        "blagoevgrad",
        "secret",
        ExpectedVersion::Any,
        vec![event(111)],
    ))
    .await
    .unwrap();
    log.append(request(
        "bansko",
        "own",
        ExpectedVersion::Any,
        vec![event(222)],
    ))
    .await
    .unwrap();
    let mut stream = feed.into_body().into_data_stream();
    let mut text = String::new();
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(5);
    while !text.contains("\"n\":222") {
        let chunk = tokio::time::timeout_at(deadline, stream.next())
            .await
            .expect("the own event arrives");
        text.push_str(&String::from_utf8_lossy(&chunk.unwrap().unwrap()));
    }
    assert!(!text.contains("\"n\":111"), "{text}");
    assert!(!text.contains("blagoevgrad"), "{text}");
}

/// One step of a random history.
#[derive(Debug, Clone)]
enum Step {
    /// An account of some role in tenant `t`.
    Account(usize, Role),
    /// Some other event in tenant `t`.
    Note(usize),
    /// A training recorded by tenant `t`.
    Activity(usize),
    /// A progress report of tenant `t` on one of the first measures.
    Progress(usize, usize),
}

const TENANTS: [&str; 4] = ["oblast", "kresna", "razlog", "yakoruda"];

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (
            0..TENANTS.len(),
            prop::sample::select(vec![Role::Officer, Role::TenantAdmin])
        )
            .prop_map(|(t, r)| Step::Account(t, r)),
        (0..TENANTS.len()).prop_map(Step::Note),
        (0..TENANTS.len()).prop_map(Step::Activity),
        (0..TENANTS.len(), 0..3usize).prop_map(|(t, m)| Step::Progress(t, m)),
    ]
}

/// Appends an account directly to the log (no password: it never logs in) and returns it.
async fn record_account(app: &TestApp, tenant_index: usize, role: Role, n: usize) -> Username {
    let t = TENANTS[tenant_index];
    let role = if t == "oblast" && n.is_multiple_of(3) {
        Role::Auditor
    } else {
        role
    };
    let username = Username::parse(format!("u{n}.{t}")).unwrap();
    let created = AccountCreated {
        username: username.clone(),
        display_name: format!("Лице {n} от {t}"),
        role,
    };
    app.state
        .system_log()
        .append(request(
            t,
            &format!("account-{username}"),
            ExpectedVersion::NoStream,
            vec![NewEvent::from_domain(uuid::Uuid::new_v4(), &created)],
        ))
        .await
        .unwrap();
    username
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(12),
        ..ProptestConfig::default()
    })]

    /// Whatever the history, a caller without an all-tenant role gets only their own tenant's
    /// data from every read model answer.
    #[test]
    fn every_answer_holds_only_the_callers_tenant(steps in prop::collection::vec(step(), 1..25)) {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async move {
            let app = TestApp::start().await;
            let mut callers = Vec::new();
            for (n, s) in steps.iter().enumerate() {
                match s {
                    Step::Account(t, role) => callers.push(record_account(&app, *t, *role, n).await),
                    Step::Note(t) => {
                        app.state.system_log()
                            .append(request(TENANTS[*t], "notes", ExpectedVersion::Any, vec![event(n as u64)]))
                            .await
                            .unwrap();
                    }
                    Step::Activity(t) => {
                        seed_activity(&app, TENANTS[*t], training()).await;
                    }
                    Step::Progress(t, m) => {
                        let key = ["I.1", "II.3", "IV.2"][*m];
                        let reported = antikor_shared::progress::ProgressReported {
                            year: 2017,
                            measure: key.into(),
                            level: antikor_shared::progress::CompletionLevel::Limited,
                            note: format!("отчет {n}"),
                            evidence: vec![],
                            reported_for: chrono::NaiveDate::from_ymd_opt(2017, 6, 1).unwrap(),
                        };
                        app.state.system_log()
                            .append(request(
                                TENANTS[*t],
                                &format!("progress-2017-{key}"),
                                ExpectedVersion::Any,
                                vec![NewEvent::from_domain(uuid::Uuid::new_v4(), &reported)],
                            ))
                            .await
                            .unwrap();
                    }
                }
            }
            let models = app.state.system_models();
            for username in callers {
                let entry = models.accounts.get(username.as_str()).unwrap().account.clone();
                // Sessions are opened directly: these accounts have no password.
                let (token, session) = app.state.auth.sessions.open(&username, 0).unwrap();
                let caller = Session {
                    cookie: format!("antikor_session={token}"),
                    set_cookie: String::new(),
                    csrf: session.record.csrf_token.clone(),
                    info: Value::Null,
                };
                let own: &TenantId = &entry.tenant;
                let all = entry.role == Role::Auditor; // the only all-tenant role generated here
                let (status, page) = app.get_as(&caller, "/api/audit/events?limit=500").await;
                assert_eq!(status, StatusCode::OK);
                let tenants: BTreeSet<String> = page["events"].as_array().unwrap().iter()
                    .map(|e| e["event"]["tenant"].as_str().unwrap().to_owned()).collect();
                if all {
                    assert!(tenants.len() > 1, "the auditor sees every tenant");
                } else {
                    assert_eq!(tenants, BTreeSet::from([own.to_string()]), "{username}");
                }
                if entry.role == Role::Officer {
                    let (status, _) = app.get_as(&caller, "/api/accounts").await;
                    assert_eq!(status, StatusCode::FORBIDDEN);
                } else {
                    // Every page, not only the first, stays within the caller's reach.
                    for a in app.read_all(Some(&caller), "/api/accounts", 4).await {
                        assert!(all || a["tenant"] == own.as_str(), "{username} saw {a}");
                    }
                }
                let activities = app.read_all(Some(&caller), "/api/activities", 3).await;
                for a in &activities {
                    assert!(all || a["tenant"] == own.as_str(), "{username} saw {a}");
                }
                let expected_activities = models.tenants.keys()
                    .filter(|t| all || *t == own)
                    .filter_map(|t| models.work.of(t))
                    .map(|w| w.activity_len())
                    .sum::<usize>();
                assert_eq!(activities.len(), expected_activities);
                let (status, progress) = app.get_as(&caller, "/api/progress?year=2017").await;
                assert_eq!(status, StatusCode::OK);
                assert_eq!(progress["tenant"], own.as_str());
                for row in progress["rows"].as_array().unwrap() {
                    if let Some(note) = row["status"]["note"].as_str() {
                        let n: usize = note.trim_start_matches("отчет ").parse().unwrap();
                        let Step::Progress(t, _) = &steps[n] else { panic!("{note}") };
                        assert_eq!(TENANTS[*t], own.as_str(), "{username} saw {row}");
                    }
                }
                let (_, types) = app.get_as(&caller, "/api/audit/event-types").await;
                let counted: u64 = types.as_array().unwrap().iter().map(|t| t["count"].as_u64().unwrap()).sum();
                let expected: u64 = models.tenants.iter()
                    .filter(|(t, _)| all || *t == own)
                    .map(|(_, m)| m.event_count)
                    .sum();
                assert_eq!(counted, expected, "{username}");
                for other in TENANTS.iter().filter(|t| !all && **t != own.as_str()) {
                    let (status, _) = app.get_as(&caller, &format!("/api/audit/events?tenant={other}")).await;
                    assert_eq!(status, StatusCode::NOT_FOUND);
                }
            }
        });
    }
}
