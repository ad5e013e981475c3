//! Logging in and out, sessions, CSRF, throttling, the security log and account management.

use crate::support::{DEMO_PASSWORD, Session, TestApp, walk};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

async fn security_events(app: &TestApp, event_type: &str) -> Vec<Value> {
    let auditor = app.login("odit").await;
    let (status, page) = app
        .get_as(
            &auditor,
            &format!("/api/audit/events?event_type={event_type}&limit=500"),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    crate::support::trail_events(&page)
}

#[tokio::test]
async fn a_login_opens_a_server_side_session_in_a_hardened_cookie() {
    let app = TestApp::start_demo().await;
    let session = app.login("bansko.officer").await;
    let cookie = &session.set_cookie;
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(attribute), "{cookie}");
    }
    assert!(!cookie.contains("Secure"), "plain HTTP: {cookie}");
    let token = session.cookie.strip_prefix("antikor_session=").unwrap();
    assert_eq!(token.len(), 43, "256 random bits, base64url");
    assert_eq!(session.info["tenant"], "bansko");
    assert_eq!(session.info["tenant_name"]["bg"], "Община Банско");
    assert_eq!(session.info["tenant_name"]["en"], "Bansko Municipality");
    assert_eq!(session.info["role"], "officer");
    let (status, me) = app.get_as(&session, "/api/session").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["username"], "bansko.officer");
    assert_eq!(me["csrf_token"], session.info["csrf_token"]);
    assert_eq!(app.get("/api/session").await.0, StatusCode::UNAUTHORIZED);
    let forged = Session {
        cookie: format!("antikor_session={}", "A".repeat(43)),
        ..session.clone()
    };
    assert_eq!(
        app.get_as(&forged, "/api/session").await.0,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn over_tls_the_cookie_is_secure_and_host_prefixed() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = antikor_server::Config::new(dir.path(), dir.path().join("none"));
    config.sessions.secure_cookies = true;
    let app = TestApp::start_with(dir, config)
        .await
        .with_demo_accounts()
        .await;
    let session = app.login("odit").await;
    assert!(session.set_cookie.starts_with("__Host-antikor_session="));
    assert!(session.set_cookie.contains("Secure"));
    assert_eq!(app.get_as(&session, "/api/session").await.0, StatusCode::OK);
}

#[tokio::test]
async fn wrong_passwords_and_unknown_users_get_the_same_answer_and_are_logged() {
    let app = TestApp::start_demo().await;
    let wrong = app
        .try_login("bansko.officer", "not the password at all")
        .await
        .unwrap_err();
    let unknown = app
        .try_login("nobody.here", "not the password at all")
        .await
        .unwrap_err();
    assert_eq!(wrong.0, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong, unknown);
    assert_eq!(
        app.try_login("bansko.officer", &"x".repeat(129))
            .await
            .unwrap_err()
            .0,
        StatusCode::BAD_REQUEST
    );
    app.login("bansko.officer").await;
    let failed = security_events(&app, "LoginFailed").await;
    assert_eq!(failed.len(), 2);
    // Newest first: the unknown name is not kept and is filed with the regional administration.
    assert_eq!(failed[0]["tenant"], "oblast");
    assert_eq!(failed[0]["payload"]["username"], Value::Null);
    assert_eq!(failed[0]["payload"]["failure"], "unknown_account");
    assert_eq!(failed[0]["payload"]["client"], "192.0.2.1");
    assert_eq!(failed[1]["tenant"], "bansko");
    assert_eq!(failed[1]["payload"]["username"], "bansko.officer");
    assert_eq!(failed[1]["payload"]["failure"], "wrong_password");
    let succeeded = security_events(&app, "LoginSucceeded").await;
    assert!(
        succeeded
            .iter()
            .any(|e| e["payload"]["username"] == "bansko.officer" && e["tenant"] == "bansko")
    );
}

#[tokio::test]
async fn repeated_failures_block_the_account_with_429() {
    let app = TestApp::start_demo().await;
    let mut statuses = Vec::new();
    for _ in 0..antikor_server::auth::throttle::ACCOUNT_LIMIT {
        statuses.push(
            app.try_login("petrich.officer", "wrong wrong wrong")
                .await
                .unwrap_err()
                .0,
        );
    }
    let last = statuses.pop().unwrap();
    assert!(statuses.iter().all(|s| *s == StatusCode::UNAUTHORIZED));
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
    // Even the right password waits now, with a message that says how long.
    let (status, body) = app
        .try_login("petrich.officer", DEMO_PASSWORD)
        .await
        .unwrap_err();
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(body["message"].as_str().unwrap().contains("мин."), "{body}");
    // The block itself is in the security log.
    let failed = security_events(&app, "LoginFailed").await;
    assert!(failed[0]["payload"]["blocked_until"].is_string());
    // Other accounts are not affected.
    app.login("bansko.officer").await;
}

#[tokio::test]
async fn changes_need_the_session_csrf_token() {
    let app = TestApp::start_demo().await;
    let admin = app.login("oblast.admin").await;
    let body = json!({"tenant": "bansko", "username": "new.one", "display_name": "Нов",
        "role": "officer", "password": "дълга и рядка парола"});
    for token in [None, Some("wrong")] {
        let mut request = axum::http::Request::post("/api/accounts")
            .header("cookie", &admin.cookie)
            .header("content-type", "application/json");
        if let Some(t) = token {
            request = request.header("x-csrf-token", t);
        }
        let (status, _, _) = app
            .send(request.body(body.to_string().into()).unwrap())
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    let (status, _) = app.post_as(&admin, "/api/accounts", body).await;
    assert_eq!(status, StatusCode::CREATED);
    // A login without JSON's content type (what a cross-site form sends) is refused.
    let form = axum::http::Request::post("/api/session")
        .header("content-type", "application/x-www-form-urlencoded")
        .body("username=odit&password=antikor-demo-2017".into())
        .unwrap();
    assert_eq!(app.send(form).await.0, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn logout_ends_the_session_on_the_server() {
    let app = TestApp::start_demo().await;
    let session = app.login("sandanski.officer").await;
    let (status, _) = app
        .call(Some(&session), Method::DELETE, "/api/session", None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(
        app.get_as(&session, "/api/session").await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(security_events(&app, "LoggedOut").await.len(), 1);
}

#[tokio::test]
async fn idle_sessions_expire() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = antikor_server::Config::new(dir.path(), dir.path().join("none"));
    config.sessions.idle = std::time::Duration::from_secs(1);
    let app = TestApp::start_with(dir, config)
        .await
        .with_demo_accounts()
        .await;
    let session = app.login("odit").await;
    assert_eq!(app.get_as(&session, "/api/session").await.0, StatusCode::OK);
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    assert_eq!(
        app.get_as(&session, "/api/session").await.0,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn disabling_an_account_or_resetting_its_password_ends_its_sessions() {
    let app = TestApp::start_demo().await;
    let admin = app.login("oblast.admin").await;
    let officer = app.login("bansko.officer").await;
    let (status, account) = app
        .post_as(
            &admin,
            "/api/accounts/bansko.officer/disable",
            json!({"reason": "напусна общината"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{account}");
    assert_eq!(account["disabled"], true);
    assert_eq!(
        app.get_as(&officer, "/api/session").await.0,
        StatusCode::UNAUTHORIZED
    );
    let (status, body) = app
        .try_login("bansko.officer", DEMO_PASSWORD)
        .await
        .unwrap_err();
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(body["message"].as_str().unwrap().contains("деактивиран"));
    let version = account["version"].as_u64().unwrap();
    let (status, _) = app
        .post_as(
            &admin,
            "/api/accounts/bansko.officer/enable",
            json!({"expected_version": version - 1}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "a stale version is refused");
    let (status, _) = app
        .post_as(
            &admin,
            "/api/accounts/bansko.officer/enable",
            json!({"expected_version": version}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let officer = app.login("bansko.officer").await;
    let (status, _) = app
        .post_as(
            &admin,
            "/api/accounts/bansko.officer/password",
            json!({"password": "нова парола за банско"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        app.get_as(&officer, "/api/session").await.0,
        StatusCode::UNAUTHORIZED
    );
    assert!(
        app.try_login("bansko.officer", DEMO_PASSWORD)
            .await
            .is_err()
    );
    app.try_login("bansko.officer", "нова парола за банско")
        .await
        .unwrap();
}

#[tokio::test]
async fn users_change_their_own_password_and_get_a_new_session() {
    let app = TestApp::start_demo().await;
    let session = app.login("petrich.officer").await;
    let change =
        |current: &str, new: &str| json!({"current_password": current, "new_password": new});
    let put = |body| {
        app.call(
            Some(&session),
            Method::PUT,
            "/api/session/password",
            Some(body),
        )
    };
    assert_eq!(
        put(change("грешна текуща парола", "нова дълга парола"))
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    let (status, body) = put(change(DEMO_PASSWORD, "password1234")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["message"].as_str().unwrap().contains("най-често"));
    assert_eq!(
        put(change(DEMO_PASSWORD, "кратка")).await.0,
        StatusCode::BAD_REQUEST
    );
    let request = axum::http::Request::put("/api/session/password")
        .header("cookie", &session.cookie)
        .header("x-csrf-token", &session.csrf)
        .header("content-type", "application/json")
        .body(
            change(DEMO_PASSWORD, "нова дълга парола")
                .to_string()
                .into(),
        )
        .unwrap();
    let (status, headers, _) = app.send(request).await;
    assert_eq!(status, StatusCode::OK);
    let new_cookie = headers["set-cookie"].to_str().unwrap();
    let renewed = Session {
        cookie: new_cookie.split(';').next().unwrap().to_owned(),
        ..session.clone()
    };
    assert_eq!(
        app.get_as(&session, "/api/session").await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(app.get_as(&renewed, "/api/session").await.0, StatusCode::OK);
    let changed = security_events(&app, "PasswordChanged").await;
    assert_eq!(changed[0]["payload"]["kind"], "by_owner");
}

#[tokio::test]
async fn administrators_act_within_their_reach() {
    let app = TestApp::start_demo().await;
    let tenant_admin = app.login("blagoevgrad.admin").await;
    let account = |tenant: &str, username: &str, role: &str| {
        json!({"tenant": tenant, "username": username, "display_name": "Служител",
            "role": role, "password": "дълга и рядка парола"})
    };
    let create = |body| app.post_as(&tenant_admin, "/api/accounts", body);
    assert_eq!(
        create(account("blagoevgrad", "bl.new", "officer")).await.0,
        StatusCode::CREATED
    );
    assert_eq!(
        create(account("bansko", "bn.new", "officer")).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        create(account("blagoevgrad", "bl.aud", "auditor")).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        create(account("blagoevgrad", "bansko.officer", "officer"))
            .await
            .0,
        StatusCode::CONFLICT,
        "usernames are unique across tenants"
    );
    assert_eq!(
        create(account("blagoevgrad", "Bad Name", "officer"))
            .await
            .0,
        StatusCode::BAD_REQUEST
    );
    let (status, body) = app
        .post_as(
            &tenant_admin,
            "/api/accounts/blagoevgrad.admin/disable",
            json!({"reason": "опит"}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    // A regional admin may give regional roles, but only in the regional administration.
    let regional_admin = app.login("oblast.admin").await;
    assert_eq!(
        app.post_as(
            &regional_admin,
            "/api/accounts",
            account("bansko", "bn.aud", "auditor")
        )
        .await
        .0,
        StatusCode::BAD_REQUEST
    );
    // A new role takes effect on the officer's next request.
    let officer = app.login("bansko.officer").await;
    assert_eq!(
        app.get_as(&officer, "/api/accounts").await.0,
        StatusCode::FORBIDDEN
    );
    let (status, granted) = app
        .post_as(
            &regional_admin,
            "/api/accounts/bansko.officer/role",
            json!({"role": "tenant_admin"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{granted}");
    let list = app.read_all(Some(&officer), "/api/accounts", 1).await;
    assert!(list.iter().all(|a| a["tenant"] == "bansko"), "{list:?}");
    assert!(!list.is_empty());
    let granted = security_events(&app, "RoleGranted").await;
    assert_eq!(granted[0]["actor"], "oblast.admin");
    assert_eq!(granted[0]["payload"]["previous"], "officer");
}

#[tokio::test]
async fn no_password_or_session_secret_reaches_the_event_log() {
    let app = TestApp::start_demo().await;
    let session = app.login("odit").await;
    let dir = app.stop().await;
    let mut log_bytes = Vec::new();
    for entry in walk(&dir.path().join("log")) {
        log_bytes.extend(std::fs::read(entry).unwrap());
    }
    let haystack = String::from_utf8_lossy(&log_bytes);
    assert!(haystack.contains("AccountCreated"), "the log was read");
    let token = session.cookie.split('=').nth(1).unwrap();
    for secret in ["$argon2id", DEMO_PASSWORD, token, session.csrf.as_str()] {
        assert!(!haystack.contains(secret), "{secret} found in the log");
    }
    // They are in the secrets store instead.
    let mut secret_bytes = Vec::new();
    for entry in walk(&dir.path().join("secrets")) {
        secret_bytes.extend(std::fs::read(entry).unwrap());
    }
    assert!(String::from_utf8_lossy(&secret_bytes).contains("$argon2id"));
}

/// Sends `count` logins at once and answers their statuses.
async fn logins_at_once(
    app: &TestApp,
    count: usize,
    username: impl Fn(usize) -> String,
) -> Vec<StatusCode> {
    let attempts = (0..count).map(|i| {
        let name = username(i);
        async move {
            match app.try_login(&name, "wrong wrong wrong").await {
                Ok(_) => StatusCode::OK,
                Err((status, _)) => status,
            }
        }
    });
    futures::future::join_all(attempts).await
}

#[tokio::test]
async fn guesses_sent_at_once_are_counted_before_they_are_checked() {
    use antikor_server::auth::throttle::ACCOUNT_LIMIT;
    let app = TestApp::start_demo().await;
    // Waves of 39 guesses at once, until the account is blocked.
    for _ in 0..ACCOUNT_LIMIT {
        let statuses = logins_at_once(&app, 39, |_| "petrich.officer".into()).await;
        assert!(
            statuses
                .iter()
                .all(|s| [StatusCode::UNAUTHORIZED, StatusCode::TOO_MANY_REQUESTS].contains(s)),
            "{statuses:?}"
        );
    }
    let (status, _) = app
        .try_login("petrich.officer", DEMO_PASSWORD)
        .await
        .unwrap_err();
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    let checked = security_events(&app, "LoginFailed")
        .await
        .iter()
        .filter(|e| e["payload"]["username"] == "petrich.officer")
        .count();
    assert_eq!(
        checked, ACCOUNT_LIMIT,
        "exactly the limit's worth of guesses was checked"
    );
}

#[tokio::test]
async fn a_burst_of_unknown_names_from_one_address_checks_no_more_than_its_limit() {
    use antikor_server::auth::throttle::ADDRESS_LIMIT;
    let app = TestApp::start_demo().await;
    let mut statuses = Vec::new();
    for wave in 0..4 {
        statuses.extend(logins_at_once(&app, 100, |i| format!("nobody{wave}x{i}")).await);
    }
    let checked = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNAUTHORIZED)
        .count();
    assert!(
        checked <= ADDRESS_LIMIT,
        "{checked} of 400 names were checked"
    );
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
            .count(),
        400 - checked
    );
    let recorded = security_events(&app, "LoginFailed").await.len();
    assert_eq!(recorded, checked);
}

#[tokio::test]
async fn a_password_change_counts_wrong_current_passwords_sent_at_once() {
    let app = TestApp::start_demo().await;
    let session = app.login("petrich.officer").await;
    // 39 wrong current passwords and then the right one, all at once. At most two checks of
    // one account run at once and the rest are told to retry (429) without a check, so the
    // guesses check fewer than the limit, and the right one is either told to retry or
    // checked beside at most one guess (which counts from the moment it starts): it may then
    // pass, and is never refused as wrong.
    let change = |current: &'static str| {
        app.call(
            Some(&session),
            Method::PUT,
            "/api/session/password",
            Some(json!({"current_password": current, "new_password": "една съвсем нова парола"})),
        )
    };
    let mut changes: Vec<_> = (0..39).map(|_| change("not the password")).collect();
    changes.push(change(DEMO_PASSWORD));
    let statuses: Vec<_> = futures::future::join_all(changes)
        .await
        .into_iter()
        .map(|(status, _)| status)
        .collect();
    let wrong = statuses
        .iter()
        .filter(|s| **s == StatusCode::FORBIDDEN)
        .count();
    assert!(
        wrong < antikor_server::auth::throttle::ACCOUNT_LIMIT,
        "{statuses:?}"
    );
    assert!(
        [StatusCode::TOO_MANY_REQUESTS, StatusCode::OK].contains(&statuses[39]),
        "{statuses:?}"
    );
    assert!(
        statuses[..39]
            .iter()
            .all(|s| [StatusCode::FORBIDDEN, StatusCode::TOO_MANY_REQUESTS].contains(s)),
        "{statuses:?}"
    );
}

#[tokio::test]
async fn a_restart_does_not_lift_a_block() {
    let app = TestApp::start_demo().await;
    for _ in 0..antikor_server::auth::throttle::ACCOUNT_LIMIT {
        let _ = app.try_login("petrich.officer", "wrong wrong wrong").await;
    }
    let app = TestApp::start_in(app.stop().await).await;
    let (status, _) = app
        .try_login("petrich.officer", DEMO_PASSWORD)
        .await
        .unwrap_err();
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn an_account_disabled_many_times_at_once_is_disabled_once() {
    let app = TestApp::start_demo().await;
    let admin = app.login("oblast.admin").await;
    let disable = |n: u32| {
        app.post_as(
            &admin,
            "/api/accounts/bansko.officer/disable",
            json!({"reason": format!("напусна ({n})")}),
        )
    };
    let statuses: Vec<StatusCode> = futures::future::join_all((0..8).map(disable))
        .await
        .into_iter()
        .map(|(status, _)| status)
        .collect();
    let landed = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::CONFLICT)
        .count();
    assert_eq!((landed, refused), (1, 7), "{statuses:?}");
    let auditor = app.login("odit").await;
    let (_, page) = app
        .get_as(&auditor, "/api/audit/events?event_type=AccountDisabled")
        .await;
    assert_eq!(page["events"].as_array().unwrap().len(), 1, "{page}");
}

/// The usernames `GET /api/people` gives `username`.
async fn people_of(app: &TestApp, username: &str) -> Vec<String> {
    let session = app.login(username).await;
    let (status, people) = app.get_as(&session, "/api/people").await;
    assert_eq!(status, StatusCode::OK, "{people}");
    let mut names: Vec<String> = people
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            assert!(p["display_name"].as_str().is_some_and(|n| !n.is_empty()));
            p["username"].as_str().unwrap().to_owned()
        })
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn histories_name_the_people_in_reach_and_those_who_reach_the_reader() {
    let app = TestApp::start_demo().await;
    // An officer: the institution's own people and the region's staff who may act on it,
    // not another municipality's.
    let officer = people_of(&app, "bansko.officer").await;
    for seen in ["bansko.officer", "oblast.admin", "oblast.sekretar", "odit"] {
        assert!(officer.contains(&seen.to_owned()), "{seen} in {officer:?}");
    }
    for unseen in ["petrich.officer", "blagoevgrad.admin"] {
        assert!(
            !officer.contains(&unseen.to_owned()),
            "{unseen} in {officer:?}"
        );
    }
    // The region's staff: everyone in the province.
    let region = people_of(&app, "oblast.sekretar").await;
    for seen in [
        "bansko.officer",
        "petrich.officer",
        "blagoevgrad.admin",
        "odit",
    ] {
        assert!(region.contains(&seen.to_owned()), "{seen} in {region:?}");
    }
    let (status, _) = app.get("/api/people").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "visitors read no names");
}
