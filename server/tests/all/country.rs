//! A country's tenants: a second province and a national body beside Blagoevgrad, and who
//! reads and changes what across them.

use crate::support::{DEMO_PASSWORD, Session, TestApp, tenant};
use antikor_server::cli;
use antikor_server::store::{AppendRequest, ExpectedVersion, Metadata, NewEvent};
use antikor_shared::account::Role;
use antikor_shared::tenant::RegisterTenant;
use antikor_shared::{ProvinceCode, StreamId, Username};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use std::collections::BTreeSet;

/// The demo installation (Blagoevgrad), Burgas province registered from the NSI list, and a
/// national body; with Burgas's regional staff, an officer of Burgas and the national body's
/// reader, auditor and administrator.
async fn country() -> TestApp {
    let app = TestApp::start_demo().await;
    let burgas = ProvinceCode::parse("BGS").unwrap();
    let mut requests = cli::province_requests(Some(&burgas));
    requests.push(RegisterTenant::NationalBody {
        slug: tenant("kpk"),
        name_bg: "Комисия за противодействие на корупцията".into(),
        name_en: "Anti-Corruption Commission".into(),
        official_code: "UIC-KPK".into(),
    });
    let report = cli::register_tenants(&app.state, requests).await.unwrap();
    assert_eq!((report.registered.len(), report.already), (15, 0));
    for (tenant_slug, username, role) in [
        ("oblast-bgs", "bgs.sekretar", Role::Regional),
        ("oblast-bgs", "bgs.admin", Role::RegionalAdmin),
        ("burgas", "burgas.officer", Role::Officer),
        ("kpk", "kpk.reader", Role::National),
        ("kpk", "kpk.odit", Role::Auditor),
        ("kpk", "kpk.admin", Role::NationalAdmin),
    ] {
        cli::create_user(
            &app.state,
            tenant(tenant_slug),
            Username::parse(username).unwrap(),
            username.into(),
            role,
            DEMO_PASSWORD.into(),
        )
        .await
        .unwrap();
    }
    // Burgas starts its first plan from Blagoevgrad's.
    let sekretar = app.login("bgs.sekretar").await;
    let (status, plan) = app
        .post_as(
            &sekretar,
            "/api/plans",
            json!({"year": 2017, "based_on": 2017, "template": "BLG"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{plan}");
    app
}

/// The tenants a combined view lists.
fn listed(region: &Value) -> BTreeSet<String> {
    region["tenants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["tenant"].as_str().unwrap().to_owned())
        .collect()
}

fn burgas_tenants() -> BTreeSet<String> {
    let country = antikor_migrations::country::country();
    let burgas = ProvinceCode::parse("BGS").unwrap();
    country
        .municipalities_of(&burgas)
        .map(|m| m.slug.to_string())
        .chain(["oblast-bgs".to_owned()])
        .collect()
}

async fn status(app: &TestApp, who: &Session, uri: &str) -> StatusCode {
    app.get_as(who, uri).await.0
}

#[tokio::test]
async fn registering_a_province_again_changes_nothing() {
    let app = country().await;
    let position = app.state.head().position;
    let burgas = ProvinceCode::parse("BGS").unwrap();
    let again = cli::register_tenants(&app.state, cli::province_requests(Some(&burgas)))
        .await
        .unwrap();
    assert_eq!((again.registered.len(), again.already), (0, 14));
    // The founding province, seeded before the NSI list existed, is recognised too.
    let blagoevgrad = ProvinceCode::parse("BLG").unwrap();
    let seeded = cli::register_tenants(&app.state, cli::province_requests(Some(&blagoevgrad)))
        .await
        .unwrap();
    assert_eq!((seeded.registered.len(), seeded.already), (0, 15));
    assert_eq!(app.state.head().position, position, "nothing was written");
}

#[tokio::test]
async fn regional_staff_read_their_own_province_and_national_staff_the_country() {
    let app = country().await;
    let blagoevgrad = app.login("oblast.sekretar").await;
    let burgas = app.login("bgs.sekretar").await;
    let national = app.login("kpk.reader").await;

    let (_, region) = app.get_as(&blagoevgrad, "/api/region?year=2017").await;
    let seen = listed(&region);
    assert_eq!(seen.len(), 15);
    assert!(seen.is_disjoint(&burgas_tenants()), "{seen:?}");
    let (_, region) = app.get_as(&burgas, "/api/region?year=2017").await;
    assert_eq!(listed(&region), burgas_tenants());
    let (refused, body) = app.get_as(&national, "/api/region?year=2017").await;
    assert_eq!(
        refused,
        StatusCode::BAD_REQUEST,
        "two provinces have plans: {body}"
    );
    assert!(body["message"].as_str().unwrap().contains("BGS"));
    let (_, region) = app
        .get_as(&national, "/api/region?year=2017&province=BLG")
        .await;
    assert_eq!(listed(&region).len(), 15);
    let (_, region) = app
        .get_as(&national, "/api/region?year=2017&province=BGS")
        .await;
    assert_eq!(listed(&region), burgas_tenants());

    // Another province is out of reach as if it did not exist.
    for (who, uri) in [
        (&blagoevgrad, "/api/region?year=2017&province=BGS"),
        (&blagoevgrad, "/api/dashboard?tenant=burgas&year=2017"),
        (&blagoevgrad, "/api/activities?tenant=burgas"),
        (&blagoevgrad, "/api/audit/events?tenant=burgas"),
        (&burgas, "/api/dashboard?tenant=bansko&year=2017"),
        (&burgas, "/api/progress?tenant=oblast&year=2017"),
        (&national, "/api/region?year=2017&province=XYZ"),
    ] {
        assert_eq!(status(&app, who, uri).await, StatusCode::NOT_FOUND, "{uri}");
    }
    for uri in [
        "/api/dashboard?tenant=burgas&year=2017",
        "/api/dashboard?tenant=bansko&year=2017",
        "/api/activities?tenant=burgas",
    ] {
        assert_eq!(status(&app, &national, uri).await, StatusCode::OK, "{uri}");
    }
    // The audit trail of a province's staff holds its own province's events only.
    let (_, page) = app.get_as(&burgas, "/api/audit/events?limit=500").await;
    let tenants: BTreeSet<String> = page["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event"]["tenant"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        !tenants.is_empty() && tenants.is_subset(&burgas_tenants()),
        "{tenants:?}"
    );
}

#[tokio::test]
async fn a_province_trail_pages_past_the_other_provinces_events() {
    let app = country().await;
    let burgas = app.login("bgs.sekretar").await;
    // Interleave the provinces' events, so that a read which dropped the others' events
    // after taking a page would come back short.
    for n in 0..6 {
        app.login("oblast.sekretar").await;
        app.login(if n % 2 == 0 {
            "bgs.admin"
        } else {
            "burgas.officer"
        })
        .await;
    }
    let models = app.state.system_models();
    let expected: Vec<u64> = (1..=app.state.head().position)
        .rev()
        .filter(|p| {
            let event = app.state.system_log().get(*p).unwrap().unwrap();
            models.province_of(&event.tenant).map(|c| c.as_str()) == Some("BGS")
        })
        .collect();
    let mut seen = Vec::new();
    let mut uri = "/api/audit/events?limit=4".to_owned();
    loop {
        let (status, page) = app.get_as(&burgas, &uri).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        let events = page["events"].as_array().unwrap();
        seen.extend(
            events
                .iter()
                .map(|e| e["event"]["position"].as_u64().unwrap()),
        );
        match page["older"].as_u64() {
            Some(older) => {
                assert_eq!(
                    events.len(),
                    4,
                    "a page with older events beyond it is full"
                );
                uri = format!("/api/audit/events?limit=4&before={older}");
            }
            None => break,
        }
    }
    assert_eq!(seen, expected);
    // Narrowed to a type, the same.
    let (_, page) = app
        .get_as(
            &burgas,
            "/api/audit/events?limit=3&event_type=LoginSucceeded",
        )
        .await;
    let events = page["events"].as_array().unwrap();
    assert_eq!(events.len(), 3);
    assert!(
        events
            .iter()
            .all(|e| burgas_tenants().contains(e["event"]["tenant"].as_str().unwrap()))
    );
}

#[tokio::test]
async fn the_whole_log_goes_to_auditors_who_reach_every_tenant() {
    let app = country().await;
    let provincial = app.login("odit").await;
    let national = app.login("kpk.odit").await;
    let (status, body) = app.get_as(&provincial, "/api/log/records?from=1").await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("централен орган")
    );
    assert_eq!(
        app.get_as(&national, "/api/log/records?from=1").await.0,
        StatusCode::OK
    );
    // The provincial auditor still reads their own province's trail.
    assert_eq!(
        app.get_as(&provincial, "/api/audit/events?tenant=bansko")
            .await
            .0,
        StatusCode::OK
    );
    assert_eq!(
        app.get_as(&provincial, "/api/audit/events?tenant=burgas")
            .await
            .0,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_regional_administrator_registers_and_manages_their_own_province_only() {
    let app = country().await;
    let admin = app.login("bgs.admin").await;
    let unit = json!({"kind": "territorial_unit", "slug": "rdgp-burgas",
        "name_bg": "Регионална дирекция „Гранична полиция“ Бургас",
        "name_en": "Regional Border Police Directorate Burgas",
        "official_code": "UIC-129010", "province": "BGS"});
    let (status, body) = app.post_as(&admin, "/api/tenants", unit.clone()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["province"], "BGS");
    let (status, body) = app.post_as(&admin, "/api/tenants", unit).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");

    for (request, expected) in [
        (
            json!({"kind": "municipality", "nsi_code": "BLG03"}),
            StatusCode::FORBIDDEN,
        ),
        (
            json!({"kind": "regional_administration", "province": "VAR"}),
            StatusCode::FORBIDDEN,
        ),
        (
            json!({"kind": "municipality", "nsi_code": "BGS99"}),
            StatusCode::BAD_REQUEST,
        ),
        (
            json!({"kind": "municipality", "nsi_code": "BGS04"}),
            StatusCode::CONFLICT,
        ),
        (
            json!({"kind": "territorial_unit", "slug": "copy", "name_bg": "Копие",
                "name_en": "Copy", "official_code": "UIC-129010", "province": "BGS"}),
            StatusCode::CONFLICT,
        ),
    ] {
        let (status, body) = app.post_as(&admin, "/api/tenants", request.clone()).await;
        assert_eq!(status, expected, "{request}: {body}");
        assert!(!body["message"].as_str().unwrap().is_empty());
    }
    let blagoevgrad_admin = app.login("oblast.admin").await;
    let (status, _) = app
        .post_as(
            &blagoevgrad_admin,
            "/api/tenants",
            json!({"kind": "territorial_unit", "slug": "stray", "name_bg": "Звено",
                "name_en": "Unit", "official_code": "UIC-1", "province": "BGS"}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Accounts: within the province, in roles that fit the tenant.
    let account = |tenant: &str, username: &str, role: &str| {
        json!({"tenant": tenant, "username": username, "display_name": "Служител",
            "role": role, "password": "дълга и рядка парола"})
    };
    for (body, expected) in [
        (
            account("burgas", "new.burgas", "officer"),
            StatusCode::CREATED,
        ),
        (
            account("bansko", "new.bansko", "officer"),
            StatusCode::NOT_FOUND,
        ),
        (
            account("oblast-bgs", "new.national", "national"),
            StatusCode::BAD_REQUEST,
        ),
    ] {
        let (status, answer) = app.post_as(&admin, "/api/accounts", body.clone()).await;
        assert_eq!(status, expected, "{body}: {answer}");
    }
    let (_, list) = app.get_as(&admin, "/api/accounts?limit=500").await;
    assert!(
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| burgas_tenants().contains(a["tenant"].as_str().unwrap())
                || a["tenant"] == "rdgp-burgas"),
        "{list}"
    );
}

#[tokio::test]
async fn each_province_keeps_its_own_plan_and_its_tenants_report_on_it() {
    let app = country().await;
    let sekretar = app.login("bgs.sekretar").await;
    let (_, plan) = app.get_as(&sekretar, "/api/plans/2017").await;
    assert!(plan["title"].as_str().unwrap().contains("Бургас"), "{plan}");
    // A change to Burgas's plan leaves Blagoevgrad's as it was.
    let measure = json!({"section": "I", "number": "9.", "text": "Мярка на Бургас",
        "deadline": {"from": {"year": 2017, "month": 12}, "to": {"year": 2017, "month": 12}},
        "responsible": ["Областен управител"], "indicator": "Доклад", "expected_result": "Резултат"});
    let (status, plan) = app
        .post_as(&sekretar, "/api/plans/2017/measures", measure)
        .await;
    assert_eq!(status, StatusCode::CREATED, "{plan}");
    let burgas_measures = plan["measures"].as_array().unwrap().len();
    let (_, blagoevgrad) = app.get("/api/plans/2017?province=BLG").await;
    assert_eq!(
        blagoevgrad["measures"].as_array().unwrap().len() + 1,
        burgas_measures
    );
    let (status, body) = app.get("/api/plans/2017").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let officer = app.login("burgas.officer").await;
    let (_, years) = app.get_as(&officer, "/api/plans").await;
    assert_eq!(years, json!([2017]));
    let (_, own) = app.get_as(&officer, "/api/plans/2017").await;
    assert_eq!(own["measures"].as_array().unwrap().len(), burgas_measures);

    // Burgas's officer reports on Burgas's measure; the province's view shows it.
    let key = plan["measures"].as_array().unwrap().last().unwrap()["key"]
        .as_str()
        .unwrap()
        .to_owned();
    let report = json!({"level": "completed", "note": "Изпълнено", "evidence": [],
        "reported_for": "2017-12-31", "expected_version": 0});
    let uri = format!("/api/progress/2017/{key}");
    let (status, row) = app
        .call(Some(&officer), Method::PUT, &uri, Some(report.clone()))
        .await;
    assert_eq!(status, StatusCode::OK, "{row}");
    let (_, region) = app.get_as(&sekretar, "/api/region?year=2017").await;
    assert_eq!(
        region["measures"].as_array().unwrap().len(),
        burgas_measures
    );
    let burgas = region["tenants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["tenant"] == "burgas")
        .unwrap();
    assert_eq!(burgas["counts"]["completed"], 1, "{burgas}");
    // A Blagoevgrad municipality has no such measure to report on.
    let bansko = app.login("bansko.officer").await;
    let (status, _) = app
        .call(Some(&bansko), Method::PUT, &uri, Some(report))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Only a province's own staff change its plan.
    let blagoevgrad_staff = app.login("oblast.sekretar").await;
    let (status, _) = app
        .post_as(
            &blagoevgrad_staff,
            &format!("/api/plans/2017/measures/{key}/withdraw"),
            json!({"expected_revision": 1, "reason": "проба"}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn public_views_narrow_to_a_province() {
    let app = country().await;
    let (status, tenants) = app.get("/api/tenants?province=BGS").await;
    assert_eq!(status, StatusCode::OK);
    let slugs: BTreeSet<String> = tenants
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(slugs, burgas_tenants());
    let (_, lowercase) = app.get("/api/tenants?province=%20bgs").await;
    assert_eq!(lowercase, tenants, "a code is read as people type it");
    let (_, all) = app.get("/api/tenants").await;
    assert_eq!(all.as_array().unwrap().len(), 30);
    assert_eq!(
        app.get("/api/tenants?province=ZZZ").await.0,
        StatusCode::NOT_FOUND
    );

    let (_, progress) = app.get("/api/public/progress?province=BLG").await;
    assert_eq!(listed(&progress).len(), 15);
    let (_, progress) = app.get("/api/public/progress?province=BGS").await;
    assert_eq!(listed(&progress), burgas_tenants());
    assert_eq!(
        app.get("/api/public/progress").await.0,
        StatusCode::BAD_REQUEST,
        "two provinces have plans"
    );
    let (_, statistics) = app.get("/api/public/signals/statistics?province=BGS").await;
    let counted: BTreeSet<String> = statistics["by_tenant"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["tenant"].as_str().unwrap().to_owned())
        .collect();
    assert!(counted.is_subset(&burgas_tenants()), "{counted:?}");
    assert_eq!(
        app.get("/api/public/signals/statistics?province=ZZZ")
            .await
            .0,
        StatusCode::NOT_FOUND
    );

    let (_, country) = app.get("/api/country").await;
    let provinces = country.as_array().unwrap();
    assert_eq!(provinces.len(), 28);
    let bgs = provinces.iter().find(|p| p["code"] == "BGS").unwrap();
    assert_eq!(bgs["administration"], "oblast-bgs");
    assert_eq!(bgs["plans"], json!([2017]));
    let var = provinces.iter().find(|p| p["code"] == "VAR").unwrap();
    assert_eq!(var["administration"], Value::Null);
    assert!(
        var["municipalities"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["registered"] == false)
    );
}

#[tokio::test]
async fn a_registration_written_before_provinces_existed_is_placed_by_its_code() {
    let app = TestApp::start().await;
    // A v1 registration, as the log of an installation from before keeps it.
    let payload = r#"{"kind":"municipality","name_bg":"Община Несебър","name_en":"Nessebar Municipality","official_code":"BGS15","ekatte":"51500","population_2011":null}"#;
    app.state
        .system_log()
        .append(AppendRequest {
            tenant: tenant("nesebar"),
            stream: StreamId::parse("tenant").unwrap(),
            expected: ExpectedVersion::NoStream,
            events: vec![NewEvent {
                id: uuid::Uuid::new_v4(),
                event_type: "TenantRegistered".into(),
                schema_version: 1,
                payload: serde_json::value::RawValue::from_string(payload.into()).unwrap(),
            }],
            metadata: Metadata::system(),
        })
        .await
        .unwrap();
    let models = app.state.system_models();
    assert_eq!(
        models.province_of(&tenant("nesebar")).map(|p| p.as_str()),
        Some("BGS")
    );
    assert_eq!(
        models.province_of(&tenant("oblast")).map(|p| p.as_str()),
        Some("BLG")
    );
}

#[tokio::test]
async fn a_tenant_registered_many_times_at_once_is_registered_once() {
    let app = country().await;
    let admin = app.login("bgs.admin").await;
    // The same unit twelve times, and four more under other slugs with its official code:
    // exactly one registration may land.
    let register = |n: usize| {
        let slug = if n < 12 {
            "rdgp-burgas".to_owned()
        } else {
            format!("rdgp-burgas-{n}")
        };
        app.post_as(
            &admin,
            "/api/tenants",
            json!({"kind": "territorial_unit", "slug": slug,
                "name_bg": "Регионална дирекция „Гранична полиция“ Бургас",
                "name_en": "Regional Border Police Directorate Burgas",
                "official_code": "UIC-129010", "province": "BGS"}),
        )
    };
    let answers = futures::future::join_all((0..16).map(register)).await;
    let statuses: Vec<StatusCode> = answers.iter().map(|(status, _)| *status).collect();
    let created = statuses
        .iter()
        .filter(|s| **s == StatusCode::CREATED)
        .count();
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::CONFLICT)
        .count();
    assert_eq!((created, refused), (1, 15), "{statuses:?}");
    let registered: Vec<_> = app
        .state
        .system_models()
        .tenant_list()
        .into_iter()
        .filter(|t| t.registration.official_code == "UIC-129010")
        .collect();
    assert_eq!(registered.len(), 1, "{registered:?}");
    let auditor = app.login("kpk.odit").await;
    let (_, page) = app
        .get_as(
            &auditor,
            "/api/audit/events?event_type=TenantRegistered&tenant=rdgp-burgas",
        )
        .await;
    let events = page["events"].as_array().map_or(0, Vec::len);
    let elsewhere = (12..16)
        .filter(|n| {
            app.state
                .system_models()
                .has_tenant(&tenant(&format!("rdgp-burgas-{n}")))
        })
        .count();
    assert_eq!(events + elsewhere, 1, "{page}");
}

#[tokio::test]
async fn a_national_administrator_registers_a_province_and_opens_its_first_account() {
    let app = country().await;
    let admin = app.login("kpk.admin").await;
    let varna = json!({"kind": "regional_administration", "province": "VAR"});
    // Neither the regional administrators nor the national reader may.
    for who in ["bgs.admin", "oblast.admin", "kpk.reader", "kpk.odit"] {
        let session = app.login(who).await;
        let (status, body) = app.post_as(&session, "/api/tenants", varna.clone()).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{who}: {body}");
    }
    let (status, body) = app.post_as(&admin, "/api/tenants", varna.clone()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(
        (&body["id"], &body["province"]),
        (&json!("oblast-var"), &json!("VAR"))
    );
    let (status, _) = app.post_as(&admin, "/api/tenants", varna).await;
    assert_eq!(status, StatusCode::CONFLICT);
    for request in [
        json!({"kind": "national_body", "slug": "smetna-palata", "name_bg": "Сметна палата",
            "name_en": "National Audit Office", "official_code": "UIC-121"}),
        json!({"kind": "municipality", "nsi_code": "VAR06"}),
        json!({"kind": "territorial_unit", "slug": "rzi-varna", "name_bg": "РЗИ – Варна",
            "name_en": "RHI Varna", "official_code": "UIC-103", "province": "VAR"}),
    ] {
        let (status, body) = app.post_as(&admin, "/api/tenants", request.clone()).await;
        assert_eq!(status, StatusCode::CREATED, "{request}: {body}");
    }
    // The province's first administrator, who then registers its municipalities.
    let first = json!({"tenant": "oblast-var", "username": "var.admin",
        "display_name": "Администратор", "role": "regional_admin",
        "password": "дълга и рядка парола"});
    let (status, body) = app.post_as(&admin, "/api/accounts", first).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let national_there = json!({"tenant": "oblast-var", "username": "var.national",
        "display_name": "Никой", "role": "national_admin", "password": "дълга и рядка парола"});
    let (status, _) = app.post_as(&admin, "/api/accounts", national_there).await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "the role fits national bodies only"
    );
    let var_admin = app
        .try_login("var.admin", "дълга и рядка парола")
        .await
        .unwrap();
    let (status, body) = app
        .post_as(
            &var_admin,
            "/api/tenants",
            json!({"kind": "municipality", "nsi_code": "VAR01"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    // The national administrator manages accounts across the country, but is no officer.
    let (status, list) = app.get_as(&admin, "/api/accounts?limit=500").await;
    assert_eq!(status, StatusCode::OK);
    let tenants: BTreeSet<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["tenant"].as_str())
        .collect();
    assert!(
        ["oblast", "oblast-bgs", "oblast-var", "kpk"]
            .iter()
            .all(|t| tenants.contains(t))
    );
    assert_eq!(
        app.get_as(&admin, "/api/signals").await.0,
        StatusCode::FORBIDDEN
    );
}
