//! Browser test: the built frontend, served by the real server, in headless Chromium.

use antikor_e2e::{Server, workspace_root};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use std::future::Future;
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A chromedriver process on a free port, killed when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start() -> Self {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver is on PATH (the test command installs Debian's chromium-driver)");
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Self { child, port }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Where the browser of a profile saves downloads.
fn downloads(profile: &std::path::Path) -> std::path::PathBuf {
    profile.join("downloads")
}

async fn browser(driver: &Driver, profile: &std::path::Path) -> Client {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let options = serde_json::json!({
        "binary": chromium,
        "args": [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--disable-quic", "--window-size=1280,900",
            format!("--user-data-dir={}", profile.display()),
        ],
        // CSV exports land here, so a test can read what the page saved.
        "prefs": {
            "download.default_directory": downloads(profile).display().to_string(),
            "download.prompt_for_download": false,
        }
    });
    let mut caps = serde_json::Map::new();
    caps.insert("goog:chromeOptions".into(), options);
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a browser session starts")
}

/// Waits until `css` matches at least `n` elements, and returns them.
async fn wait_for_count(
    client: &Client,
    css: &str,
    n: usize,
) -> Vec<fantoccini::elements::Element> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let found = client.find_all(Locator::Css(css)).await.unwrap();
        if found.len() >= n {
            return found;
        }
        if Instant::now() > deadline {
            let html = client.source().await.unwrap_or_default();
            panic!(
                "{css}: {} of {n} elements after 20 s; page:\n{}",
                found.len(),
                head(&html, 3000)
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The first `n` bytes of `text`, or a little fewer to end on a character.
fn head(text: &str, n: usize) -> &str {
    let mut end = n.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// How long any one wait may take before the test fails and shows the page.
const WAIT: Duration = Duration::from_secs(20);

/// The password of every demo account (`antikor serve --demo`).
const DEMO_PASSWORD: &str = "antikor-demo-2017";

/// Polls `probe` until it gives a value; fails with `what` and the page after [`WAIT`].
async fn eventually<T, F, Fut>(client: &Client, what: &str, mut probe: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let deadline = Instant::now() + WAIT;
    loop {
        if let Some(value) = probe().await {
            return value;
        }
        if Instant::now() > deadline {
            let url = client.current_url().await.map(|u| u.to_string());
            let html = client.source().await.unwrap_or_default();
            panic!(
                "{what}: not after {WAIT:?} (at {url:?}); page:\n{}",
                head(&html, 4000)
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits for the first element that matches `css`.
async fn find(client: &Client, css: &str) -> Element {
    wait_for_count(client, css, 1).await.remove(0)
}

/// Waits until nothing matches `css`.
async fn wait_absent(client: &Client, css: &str) {
    eventually(client, &format!("{css} disappears"), || async {
        client
            .find_all(Locator::Css(css))
            .await
            .unwrap()
            .is_empty()
            .then_some(())
    })
    .await;
}

/// Waits for the first element that matches `css`, and returns its text.
async fn text_of(client: &Client, css: &str) -> String {
    find(client, css).await.text().await.unwrap()
}

/// Waits until the element matching `css` contains `needle`, and returns its text.
async fn wait_text(client: &Client, css: &str, needle: &str) -> String {
    eventually(client, &format!("{css} shows {needle:?}"), || async {
        let found = client.find(Locator::Css(css)).await.ok()?;
        let text = found.text().await.ok()?;
        text.contains(needle).then_some(text)
    })
    .await
}

/// Waits until the address (path and query) is `expected`.
async fn wait_path(client: &Client, expected: &str) {
    eventually(
        client,
        &format!("the address becomes {expected}"),
        || async {
            let url = client.current_url().await.ok()?;
            let path = match url.query() {
                Some(q) => format!("{}?{q}", url.path()),
                None => url.path().to_owned(),
            };
            (path == expected).then_some(())
        },
    )
    .await;
}

/// Clears the field matching `css` and types `text` into it.
async fn type_into(client: &Client, css: &str, text: &str) {
    let field = find(client, css).await;
    field.clear().await.unwrap();
    field.send_keys(text).await.unwrap();
}

/// Fills in the login form (already open) and submits it.
async fn submit_login(client: &Client, username: &str, password: &str) {
    type_into(client, "#login-username", username).await;
    type_into(client, "#login-password", password).await;
    find(client, "#login-submit").await.click().await.unwrap();
}

/// Opens the login page, logs in and waits until the header shows the user.
async fn login(client: &Client, base: &str, username: &str) {
    client.goto(&format!("{base}/login")).await.unwrap();
    submit_login(client, username, DEMO_PASSWORD).await;
    find(client, &format!("#user-menu[data-username='{username}']")).await;
}

/// Logs out with the header's button and waits until the header offers a login again.
async fn logout(client: &Client) {
    find(client, "#logout").await.click().await.unwrap();
    find(client, "#login-link").await;
    wait_absent(client, "#user-menu").await;
}

/// `GET url` from inside the page, so with the page's session cookie: (status, JSON body).
async fn fetch_json(client: &Client, url: &str) -> (u64, serde_json::Value) {
    let answer = client
        .execute(
            "return fetch(arguments[0], {headers: {Accept: 'application/json'}})\
             .then(async r => [r.status, await r.json()]);",
            vec![serde_json::json!(url)],
        )
        .await
        .unwrap();
    (answer[0].as_u64().unwrap(), answer[1].clone())
}

/// `GET url` from inside the page, with its session cookie: (status, body as text).
async fn fetch_text(client: &Client, url: &str) -> (u64, String) {
    let answer = client
        .execute(
            "return fetch(arguments[0]).then(async r => [r.status, await r.text()]);",
            vec![serde_json::json!(url)],
        )
        .await
        .unwrap();
    (
        answer[0].as_u64().unwrap(),
        answer[1].as_str().unwrap_or_default().to_owned(),
    )
}

/// The value of attribute `name` of every element matching `css`. A table that re-renders
/// while it is read (its rows replaced by equal ones) is read again.
async fn attrs(client: &Client, css: &str, name: &str) -> Vec<String> {
    for _ in 0..50 {
        let mut values = Vec::new();
        let mut stale = false;
        for element in client.find_all(Locator::Css(css)).await.unwrap() {
            match element.attr(name).await {
                Ok(value) => values.push(value.unwrap_or_default()),
                Err(_) => {
                    stale = true;
                    break;
                }
            }
        }
        if !stale {
            return values;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the elements {css} kept changing while their {name} was read");
}

/// The built frontend, the demo server on a fresh folder, chromedriver and a browser.
async fn start() -> (Server, Driver, Client, [tempfile::TempDir; 2]) {
    let dist = workspace_root().join("frontend/dist");
    assert!(
        dist.join("index.html").exists(),
        "build the frontend first (trunk build --release)"
    );
    let data = tempfile::tempdir().unwrap();
    let server = Server::start_with(data.path(), &dist, &["--demo"]).unwrap();
    let driver = Driver::start();
    let profile = tempfile::tempdir().unwrap();
    let client = browser(&driver, profile.path()).await;
    (server, driver, client, [data, profile])
}

#[tokio::test]
async fn the_audit_trail_lists_the_fifteen_tenant_registrations() {
    let (server, _driver, client, _dirs) = start().await;
    let base = server.base_url.as_str();

    // The audit trail needs a login: the auditor reads every tenant.
    client
        .goto(&format!("{base}/audit?event_type=TenantRegistered"))
        .await
        .unwrap();
    wait_path(
        &client,
        "/login?next=%2Faudit%3Fevent_type%3DTenantRegistered",
    )
    .await;
    submit_login(&client, "odit", DEMO_PASSWORD).await;
    wait_path(&client, "/audit?event_type=TenantRegistered").await;

    let rows = wait_for_count(&client, "#audit-table tr.event-row", 15).await;
    assert_eq!(rows.len(), 15);
    // The auditor may download the whole log to check it offline.
    let bundle = find(&client, "#log-bundle").await;
    assert_eq!(
        bundle.attr("href").await.unwrap().as_deref(),
        Some("/api/log/bundle")
    );
    wait_text(
        &client,
        "[data-testid='log-bundle']",
        "antikor bundle verify",
    )
    .await;
    let mut positions = Vec::new();
    let mut tenants = Vec::new();
    for row in &rows {
        assert_eq!(
            row.attr("data-event-type").await.unwrap().as_deref(),
            Some("TenantRegistered")
        );
        positions.push(
            row.attr("data-position")
                .await
                .unwrap()
                .unwrap()
                .parse::<u64>()
                .unwrap(),
        );
        tenants.push(row.attr("data-tenant").await.unwrap().unwrap());
    }
    assert!(
        positions.windows(2).all(|w| w[0] > w[1]),
        "newest first: {positions:?}"
    );
    tenants.sort();
    tenants.dedup();
    assert_eq!(
        tenants.len(),
        15,
        "one registration per tenant: {tenants:?}"
    );
    let text = text_of(&client, "#audit-table").await;
    assert!(
        text.contains("Благоевград") && text.contains("Регистрирана институция"),
        "{text}"
    );

    // The institutions page lists all fifteen, in Bulgarian.
    client.goto(&format!("{base}/tenants")).await.unwrap();
    let tenants = wait_for_count(&client, "#tenants-table tr.tenant-row", 15).await;
    assert_eq!(tenants.len(), 15);
    let table = text_of(&client, "#tenants-table").await;
    // Every data table has its CSV export, this one too.
    find(&client, "#tenants-table-csv").await;
    assert!(
        table.contains("Община Гоце Делчев") && table.contains("BLG11"),
        "{table}"
    );

    // An event's detail page shows its full hash.
    client.goto(&format!("{base}/audit/3")).await.unwrap();
    find(&client, "#user-menu").await;
    let (status, event) = fetch_json(&client, "/api/audit/events/3").await;
    assert_eq!(status, 200, "{event}");
    let hash = event["hash"].as_str().unwrap().to_owned();
    wait_text(&client, "#event-hash", &hash).await;
    // The browser itself proves the event is in the signed log, with the shared tlog code.
    let proved = find(&client, "[data-testid='inclusion'][data-state='ok']").await;
    let text = proved.text().await.unwrap();
    assert!(
        text.contains("Проверено: събитието е в дневника с размер"),
        "{text}"
    );
    let (status, key) = fetch_text(&client, "/api/log/key").await;
    assert_eq!(status, 200, "{key}");
    let origin = key.trim().split('+').next().unwrap();
    assert!(text.contains(&format!("подписан от {origin} (")), "{text}");

    // The auditor reads every tenant's accounts, and changes none.
    find(&client, "#nav-accounts a")
        .await
        .click()
        .await
        .unwrap();
    wait_path(&client, "/accounts").await;
    wait_for_count(&client, "#accounts-table tr.account-row", 8).await;
    for control in ["#account-create", "#accounts-table .actions"] {
        assert!(
            client
                .find_all(Locator::Css(control))
                .await
                .unwrap()
                .is_empty(),
            "{control} is not for the auditor"
        );
    }
    find(&client, "#accounts-tenant")
        .await
        .select_by_value("bansko")
        .await
        .unwrap();
    wait_path(&client, "/accounts?tenant=bansko").await;
    let tenants = eventually(&client, "only Bansko's accounts are listed", || async {
        let tenants = attrs(&client, "#accounts-table tr.account-row", "data-tenant").await;
        (!tenants.is_empty() && tenants.iter().all(|t| t == "bansko")).then_some(tenants)
    })
    .await;
    assert_eq!(tenants, ["bansko"]);
    client.close().await.unwrap();
}

#[tokio::test]
async fn logins_roles_and_accounts() {
    let (server, _driver, client, _dirs) = start().await;
    let base = server.base_url.as_str();

    // A visitor who opens the audit trail is asked to log in first.
    client.goto(&format!("{base}/audit")).await.unwrap();
    wait_path(&client, "/login?next=%2Faudit").await;
    find(&client, "#login-form").await;
    find(&client, "#login-link").await;
    wait_absent(&client, "#nav-audit").await;

    // A wrong password is refused with a message, and the page stays.
    submit_login(&client, "blagoevgrad.officer", "not-the-password").await;
    let error = find(&client, "#login-error").await;
    assert_eq!(error.attr("role").await.unwrap().as_deref(), Some("alert"));
    assert!(!error.text().await.unwrap().trim().is_empty());
    wait_path(&client, "/login?next=%2Faudit").await;

    // The officer lands where they were going, and the header says who they are.
    submit_login(&client, "blagoevgrad.officer", DEMO_PASSWORD).await;
    wait_path(&client, "/audit").await;
    wait_text(&client, "#user-name", "Анна Георгиева").await;
    wait_text(&client, "#user-tenant", "Благоевград").await;
    wait_text(&client, "#user-role", "Служител").await;
    find(&client, "#nav-audit").await;
    assert!(
        client
            .find_all(Locator::Css("#nav-accounts"))
            .await
            .unwrap()
            .is_empty(),
        "an officer has no accounts page"
    );

    // Only the own tenant's events, including this login, and the tenant filter is locked.
    wait_for_count(
        &client,
        "#audit-table tr.event-row[data-event-type='LoginSucceeded']",
        1,
    )
    .await;
    let tenants = attrs(&client, "#audit-table tr.event-row", "data-tenant").await;
    assert!(!tenants.is_empty());
    assert!(
        tenants.iter().all(|t| t == "blagoevgrad"),
        "an officer of Blagoevgrad sees only its events: {tenants:?}"
    );
    let filter = find(&client, "#filter-tenant").await;
    assert!(
        !filter.is_enabled().await.unwrap(),
        "the tenant filter is locked"
    );
    assert!(
        client
            .find_all(Locator::Css("#log-bundle"))
            .await
            .unwrap()
            .is_empty(),
        "the whole log's download is for the auditor only"
    );
    // The server itself narrows what the session reads, whatever the page asks.
    let (status, page) = fetch_json(&client, "/api/audit/events?limit=500").await;
    assert_eq!(status, 200, "{page}");
    let events = page["events"].as_array().unwrap();
    assert!(!events.is_empty());
    assert!(
        events.iter().all(|e| e["tenant"] == "blagoevgrad"),
        "{page}"
    );
    let (status, _) = fetch_json(&client, "/api/audit/events?tenant=bansko").await;
    assert_eq!(
        status, 404,
        "another tenant's trail does not exist for an officer"
    );

    // A page the role may not use says so.
    client.goto(&format!("{base}/accounts")).await.unwrap();
    wait_text(&client, "#forbidden", "Нямате достъп").await;

    // A new password gives a new session: logging out afterwards needs its new CSRF token.
    client.goto(&format!("{base}/password")).await.unwrap();
    type_into(&client, "#current-password", DEMO_PASSWORD).await;
    type_into(&client, "#new-password", "Струма край Кресна 2025").await;
    type_into(&client, "#confirm-password", "Струма край Кресна 2026").await;
    find(&client, "#password-submit")
        .await
        .click()
        .await
        .unwrap();
    find(&client, "#password-result[data-state='error']").await;
    type_into(&client, "#confirm-password", "Струма край Кресна 2025").await;
    find(&client, "#password-submit")
        .await
        .click()
        .await
        .unwrap();
    find(&client, "#password-result[data-state='ok']").await;
    logout(&client).await;
    wait_path(&client, "/login").await;
    wait_text(&client, "#login-notice", "Излязохте").await;

    // The regional admin manages accounts of every tenant.
    login(&client, base, "oblast.admin").await;
    wait_text(
        &client,
        "#user-role",
        "Администратор на областната администрация",
    )
    .await;
    find(&client, "#nav-accounts a")
        .await
        .click()
        .await
        .unwrap();
    wait_path(&client, "/accounts").await;
    wait_for_count(&client, "#accounts-table tr.account-row", 8).await;
    // Their own row offers neither a role change nor disabling.
    let own = "#accounts-table tr.account-row[data-username='oblast.admin']";
    find(&client, own).await;
    for action in ["action-role", "action-disable"] {
        assert!(
            client
                .find_all(Locator::Css(&format!("{own} .{action}")))
                .await
                .unwrap()
                .is_empty(),
            "{action} on the own row"
        );
    }

    // Opening an officer account in Bansko.
    type_into(&client, "#new-username", "bansko.test").await;
    type_into(&client, "#new-display-name", "Тодор Тестов").await;
    find(&client, "#new-tenant")
        .await
        .select_by_value("bansko")
        .await
        .unwrap();
    // A municipality's accounts cannot hold the roles that see every tenant.
    let roles = attrs(&client, "#new-role option", "value").await;
    assert_eq!(roles, ["officer", "tenant_admin"]);
    find(&client, "#new-role")
        .await
        .select_by_value("officer")
        .await
        .unwrap();
    type_into(&client, "#new-password", "Вихрен над Банско 2914").await;
    find(&client, "#new-submit").await.click().await.unwrap();
    let row = "#accounts-table tr.account-row[data-username='bansko.test']";
    let created = find(&client, row).await;
    assert_eq!(
        created.attr("data-tenant").await.unwrap().as_deref(),
        Some("bansko")
    );
    assert_eq!(
        created.attr("data-role").await.unwrap().as_deref(),
        Some("officer")
    );
    assert_eq!(
        created.attr("data-state").await.unwrap().as_deref(),
        Some("active")
    );
    wait_text(&client, "#accounts-notice", "bansko.test").await;

    // Disabling it asks for a reason.
    find(&client, &format!("{row} .action-disable"))
        .await
        .click()
        .await
        .unwrap();
    find(&client, "#action-submit").await.click().await.unwrap();
    find(&client, "#action-error").await;
    type_into(&client, "#action-reason", "Тестов профил, вече не е нужен").await;
    find(&client, "#action-submit").await.click().await.unwrap();
    find(&client, &format!("{row}[data-state='disabled']")).await;
    find(&client, &format!("{row} .action-enable")).await;
    wait_text(&client, "#accounts-notice", "деактивиран").await;

    // When the server forgets the session, the next call leads to the login page, which
    // returns to the page afterwards.
    client.delete_all_cookies().await.unwrap();
    find(&client, "#nav-audit a").await.click().await.unwrap();
    wait_path(&client, "/login?next=%2Faudit").await;
    wait_text(&client, "#login-notice", "Сесията ви изтече").await;
    find(&client, "#login-link").await;
    submit_login(&client, "oblast.admin", DEMO_PASSWORD).await;
    wait_path(&client, "/audit").await;
    find(&client, "#user-menu").await;
    logout(&client).await;

    // The disabled account cannot log in.
    submit_login(&client, "bansko.test", "Вихрен над Банско 2914").await;
    find(&client, "#login-error").await;
    wait_absent(&client, "#user-menu").await;
    client.close().await.unwrap();
}

/// Reports progress on a measure as a demo officer, through the API as the UI does.
async fn report_completed(base: &str, username: &str, key: &str) {
    let http = reqwest::Client::new();
    let login = http
        .post(format!("{base}/api/session"))
        .json(&serde_json::json!({"username": username, "password": DEMO_PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 200);
    let cookie = login.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let session: serde_json::Value = login.json().await.unwrap();
    let reported = http
        .put(format!("{base}/api/progress/2017/{key}"))
        .header("cookie", cookie)
        .header("x-csrf-token", session["csrf_token"].as_str().unwrap())
        .json(
            &serde_json::json!({"level": "completed", "note": "Списъкът е обновен",
            "evidence": [], "reported_for": "2017-12-15", "expected_version": 0}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(reported.status(), 200, "{:?}", reported.text().await);
}

/// Sets a field's value as typing would (an `input` event follows), whatever the browser's
/// locale does to the way date fields are typed.
async fn set_value(client: &Client, css: &str, value: &str) {
    find(client, css).await;
    client
        .execute(
            "const e = document.querySelector(arguments[0]); e.value = arguments[1];\
             e.dispatchEvent(new Event('input', {bubbles: true}));\
             e.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![serde_json::json!(css), serde_json::json!(value)],
        )
        .await
        .unwrap();
}

/// Today in Sofia, as the browser's clock says: `YYYY-MM-DD`.
async fn sofia_today(client: &Client) -> String {
    client
        .execute(
            "return new Intl.DateTimeFormat('en-CA', {timeZone: 'Europe/Sofia'}).format(new Date());",
            vec![],
        )
        .await
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

/// Clicks the element matching `css`.
async fn click(client: &Client, css: &str) {
    find(client, css).await.click().await.unwrap();
}

/// Reports a measure's progress through the dashboard's form of the logged-in officer.
async fn report_in_dashboard(client: &Client, base: &str, key: &str, level: &str, note: &str) {
    client.goto(&format!("{base}/dashboard")).await.unwrap();
    let row = format!("#progress-table tr.progress-row[data-key='{key}']");
    click(client, &format!("{row} .report-open")).await;
    find(client, &format!("{row} .report-level"))
        .await
        .select_by_value(level)
        .await
        .unwrap();
    type_into(client, &format!("{row} .report-note"), note).await;
    click(client, &format!("{row} .report-submit")).await;
    find(client, &format!("{row}[data-level='{level}']")).await;
    wait_text(client, &row, note).await;
}

#[tokio::test]
async fn visitors_read_the_plan_in_its_own_columns() {
    let (server, _driver, client, _dirs) = start().await;
    let base = server.base_url.as_str();

    client.goto(&format!("{base}/plan")).await.unwrap();
    let rows = wait_for_count(&client, "#plan-table tr.measure-row", 18).await;
    assert_eq!(rows.len(), 18);
    let headings: Vec<String> = {
        let mut out = Vec::new();
        for th in client
            .find_all(Locator::Css("#plan-table thead th"))
            .await
            .unwrap()
        {
            out.push(th.text().await.unwrap());
        }
        out
    };
    assert_eq!(
        headings,
        [
            "№",
            "Мярка",
            "Срок",
            "Отговорник",
            "Индикатор за оценка на изпълнението",
            "Резултат"
        ]
    );
    let keys = attrs(&client, "#plan-table tr.measure-row", "data-key").await;
    assert!(keys.contains(&"V.3".to_owned()) && keys.contains(&"V.3b".to_owned()));
    // Both of section V's measures numbered "3." show the source's number.
    for key in ["V.3", "V.3b"] {
        let number = find(&client, &format!("tr[data-key='{key}'] th")).await;
        assert_eq!(number.text().await.unwrap(), "3.");
    }
    // Visitors neither change the plan nor look into its past.
    for control in [
        "#as-of-form",
        ".measure-edit",
        "#measure-add-form",
        "#plan-start-form",
    ] {
        assert!(
            client
                .find_all(Locator::Css(control))
                .await
                .unwrap()
                .is_empty(),
            "{control} is not for visitors"
        );
    }
    // Every public page opens for a visitor, and the navigation offers them all.
    for (path, table) in [
        ("/meetings", "#meetings-table"),
        ("/contested-acts", "#contested-acts-table"),
        ("/council", "#contacts-table"),
        ("/report-corruption", "#report-channels"),
    ] {
        client.goto(&format!("{base}{path}")).await.unwrap();
        find(&client, table).await;
        find(&client, &format!(".site-nav a[href='{path}']")).await;
    }
    // The annual report, for print, is linked from the plan.
    client.goto(&format!("{base}/plan")).await.unwrap();
    click(&client, "a[href='/report/2017']").await;
    wait_path(&client, "/report/2017").await;
    wait_for_count(&client, "#report-table tr.report-row", 18).await;
    // The print stylesheet leaves the navigation out.
    let print_hides_nav = client
        .execute(
            "return [...document.styleSheets].some(s => [...s.cssRules].some(r =>\
             r.media && r.media.mediaText === 'print' &&\
             [...r.cssRules].some(c => c.selectorText && c.selectorText.includes('.site-header')\
             && c.style.display === 'none')));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(print_hides_nav, serde_json::json!(true));
    client.close().await.unwrap();
}

#[tokio::test]
async fn an_officers_report_shows_in_the_regional_and_the_public_view() {
    let (server, _driver, client, _dirs) = start().await;
    let base = server.base_url.as_str();

    // Bansko's officer reports II.3 as completed on the dashboard's form.
    login(&client, base, "bansko.officer").await;
    click(&client, "#nav-dashboard a").await;
    wait_path(&client, "/dashboard").await;
    find(&client, "#levels-bar").await;
    wait_for_count(&client, "#progress-table tr.progress-row", 18).await;
    assert!(
        client
            .find_all(Locator::Css("#nav-region"))
            .await
            .unwrap()
            .is_empty(),
        "an officer has no regional view"
    );
    report_in_dashboard(
        &client,
        base,
        "II.3",
        "completed",
        "Списъкът с експертите е актуализиран",
    )
    .await;
    wait_text(&client, "#levels-bar + .legend", "Изпълнена: 1").await;
    logout(&client).await;

    // The regional secretary sees it in the combined view, and Bansko is no longer silent.
    login(&client, base, "oblast.sekretar").await;
    click(&client, "#nav-region a").await;
    wait_path(&client, "/region").await;
    let cells = wait_for_count(&client, "#region-matrix td.level-cell", 15 * 18).await;
    assert_eq!(cells.len(), 15 * 18);
    let cell = find(
        &client,
        "#region-matrix td[data-tenant='bansko'][data-key='II.3']",
    )
    .await;
    assert_eq!(
        cell.attr("data-level").await.unwrap().as_deref(),
        Some("completed")
    );
    let others = attrs(
        &client,
        "#region-matrix td[data-key='II.3']:not([data-tenant='bansko'])",
        "data-level",
    )
    .await;
    assert!(others.iter().all(|l| l == "none"), "{others:?}");
    let silent = attrs(&client, "#not-reported li", "data-tenant").await;
    assert_eq!(silent.len(), 14, "{silent:?}");
    assert!(!silent.contains(&"bansko".to_owned()));
    assert!(silent.contains(&"oblast".to_owned()));
    wait_text(
        &client,
        "#region-tenants tr[data-tenant='bansko']",
        "Община Банско",
    )
    .await;
    logout(&client).await;

    // A visitor reads the same on the public progress page.
    client.goto(&format!("{base}/progress")).await.unwrap();
    let cell = find(
        &client,
        "#region-matrix td[data-tenant='bansko'][data-key='II.3']",
    )
    .await;
    assert_eq!(
        cell.attr("data-level").await.unwrap().as_deref(),
        Some("completed")
    );
    // The region itself is only for regional staff and auditors.
    client.goto(&format!("{base}/region")).await.unwrap();
    wait_path(&client, "/login?next=%2Fregion").await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_concurrent_report_is_a_conflict_not_a_lost_update() {
    let (server, _driver, client, _dirs) = start().await;
    let base = server.base_url.as_str();

    login(&client, base, "bansko.officer").await;
    client.goto(&format!("{base}/dashboard")).await.unwrap();
    let row = "#progress-table tr.progress-row[data-key='IV.1']";
    click(&client, &format!("{row} .report-open")).await;
    find(&client, &format!("{row} .report-level"))
        .await
        .select_by_value("limited")
        .await
        .unwrap();
    type_into(&client, &format!("{row} .report-note"), "Частично").await;
    // Meanwhile a colleague reports the same measure.
    report_completed(base, "bansko.officer", "IV.1").await;
    click(&client, &format!("{row} .report-submit")).await;
    // The form says so and shows the colleague's report, keeping what was typed.
    wait_text(&client, &format!("{row} .report-error"), "презареден").await;
    find(&client, &format!("{row}[data-level='completed']")).await;
    wait_text(&client, row, "Списъкът е обновен").await;
    assert_eq!(
        find(&client, &format!("{row} .report-note"))
            .await
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("Частично")
    );
    // Sent again knowingly, it is recorded over the colleague's.
    click(&client, &format!("{row} .report-submit")).await;
    find(&client, &format!("{row}[data-level='limited']")).await;
    wait_text(&client, row, "версия 2").await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn the_region_as_of_a_day_and_its_csv() {
    let (server, _driver, client, dirs) = start().await;
    let base = server.base_url.as_str();
    report_completed(base, "bansko.officer", "II.3").await;

    login(&client, base, "oblast.sekretar").await;
    client.goto(&format!("{base}/region")).await.unwrap();
    find(
        &client,
        "#region-matrix td[data-tenant='bansko'][data-key='II.3'][data-level='completed']",
    )
    .await;
    assert!(
        client
            .find_all(Locator::Css("#as-of-banner"))
            .await
            .unwrap()
            .is_empty(),
        "no banner for the present"
    );

    // As of the end of today: the report is in, and the page says it shows a chosen moment.
    let today = sofia_today(&client).await;
    set_value(&client, "#as-of-date", &today).await;
    click(&client, "#as-of-submit").await;
    wait_path(&client, &format!("/region?as_of={today}")).await;
    let banner = find(&client, "#as-of-banner").await;
    assert_eq!(
        banner.attr("data-as-of").await.unwrap().as_deref(),
        Some(today.as_str())
    );
    wait_text(&client, "#as-of-banner", "до събитие №").await;
    find(
        &client,
        "#region-matrix td[data-tenant='bansko'][data-key='II.3'][data-level='completed']",
    )
    .await;

    // As of yesterday, before this demo server's history began, the report is not there.
    client
        .goto(&format!("{base}/region?as_of=2017-01-31"))
        .await
        .unwrap();
    find(&client, "#as-of-banner[data-as-of='2017-01-31']").await;
    eventually(&client, "the past view is shown or refused", || async {
        let matrix = client.find_all(Locator::Css("#region-matrix")).await.ok()?;
        let error = client
            .find_all(Locator::Css("[data-testid='error']"))
            .await
            .ok()?;
        (!matrix.is_empty() || !error.is_empty()).then_some(())
    })
    .await;
    assert!(
        client
            .find_all(Locator::Css(
                "#region-matrix td[data-tenant='bansko'][data-level='completed']"
            ))
            .await
            .unwrap()
            .is_empty(),
        "a report made today is not in the view of 2017"
    );
    click(&client, "#as-of-now").await;
    wait_path(&client, "/region").await;

    // The matrix is saved as CSV from the browser, and the page's CSP lets the download through.
    find(
        &client,
        "#region-matrix td[data-tenant='bansko'][data-key='II.3'][data-level='completed']",
    )
    .await;
    client
        .execute(
            "window.cspViolations = []; document.addEventListener('securitypolicyviolation',\
             e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));",
            vec![],
        )
        .await
        .unwrap();
    click(&client, "#region-matrix-csv").await;
    let folder = downloads(dirs[1].path());
    let file = folder.join("izpalnenie-2017.csv");
    let bytes = eventually(&client, "the CSV file is saved", || async {
        std::fs::read(&file).ok().filter(|b| !b.is_empty())
    })
    .await;
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 with a BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 16, "a heading and 15 institutions: {text}");
    assert!(
        lines[0].starts_with("\"Институция\",\"I.1\""),
        "{}",
        lines[0]
    );
    let bansko = lines
        .iter()
        .find(|l| l.starts_with("\"Община Банско\""))
        .unwrap();
    assert!(bansko.contains("\"Изпълнена\""), "{bansko}");
    let violations = client
        .execute("return window.cspViolations;", vec![])
        .await
        .unwrap();
    assert_eq!(
        violations,
        serde_json::json!([]),
        "the CSP blocked the download"
    );
    client.close().await.unwrap();
}

#[tokio::test]
async fn activities_are_recorded_corrected_and_published() {
    let (server, _driver, client, _dirs) = start().await;
    let base = server.base_url.as_str();

    // An officer records a training for measure III.2.
    login(&client, base, "bansko.officer").await;
    click(&client, "#nav-activities a").await;
    wait_path(&client, "/activities").await;
    click(&client, "#activity-record summary").await;
    let kinds = attrs(&client, "#activity-kind option", "value").await;
    assert!(
        !kinds.contains(&"contested_act".to_owned()),
        "contested acts are the regional administration's: {kinds:?}"
    );
    find(&client, "#activity-kind")
        .await
        .select_by_value("training")
        .await
        .unwrap();
    find(&client, "#activity-form[data-kind='training']").await;
    set_value(&client, "#activity-date", "2017-05-10").await;
    type_into(&client, "#activity-topic", "Конфликт на интереси").await;
    type_into(&client, "#activity-participants", "25").await;
    click(&client, "#activity-measure-III-2").await;
    click(&client, "#activity-submit").await;
    let row = "#activities-table tr.activity-row[data-kind='training']";
    wait_text(&client, row, "Конфликт на интереси (25 участници)").await;
    wait_text(&client, row, "III.2").await;
    find(&client, "#activities-notice").await;

    // A correction is a new record with a reason; the row says it was corrected.
    click(&client, &format!("{row} .activity-correct")).await;
    find(&client, "#correction-form").await;
    type_into(&client, "#correction-participants", "27").await;
    click(&client, "#correction-submit").await;
    wait_text(&client, "#correction-error", "причината").await;
    type_into(
        &client,
        "#correction-reason",
        "Двама души се подписаха късно",
    )
    .await;
    click(&client, "#correction-submit").await;
    wait_text(&client, row, "(27 участници)").await;
    wait_text(&client, row, "Поправки и развитие: 1").await;

    // The kind filter follows the address.
    find(&client, "#activities-kind-filter")
        .await
        .select_by_value("meeting")
        .await
        .unwrap();
    wait_path(&client, "/activities?kind=meeting").await;
    wait_text(&client, "#activities-table", "Няма записани дейности").await;

    // A public meeting is recorded, and published for visitors (the form is still open).
    find(&client, "#activity-kind")
        .await
        .select_by_value("meeting")
        .await
        .unwrap();
    set_value(&client, "#activity-date", "2017-06-12").await;
    find(&client, "#activity-meeting-kind")
        .await
        .select_by_value("open_doors")
        .await
        .unwrap();
    type_into(&client, "#activity-title", "Отворени врати в Банско").await;
    type_into(&client, "#activity-participants", "40").await;
    type_into(&client, "#activity-agenda", "Как се подава сигнал").await;
    type_into(&client, "#activity-decisions", "Брошурата да се раздаде").await;
    click(&client, "#activity-public").await;
    click(&client, "#activity-measure-II-2").await;
    click(&client, "#activity-submit").await;
    find(
        &client,
        "#activities-table tr.activity-row[data-kind='meeting']",
    )
    .await;
    logout(&client).await;

    // The regional administration records a contested act of Bansko's council.
    login(&client, base, "oblast.sekretar").await;
    client.goto(&format!("{base}/activities")).await.unwrap();
    // It sees every institution's activities.
    find(
        &client,
        "#activities-table tr.activity-row[data-tenant='bansko']",
    )
    .await;
    click(&client, "#activity-record summary").await;
    find(&client, "#activity-kind")
        .await
        .select_by_value("contested_act")
        .await
        .unwrap();
    type_into(&client, "#activity-act-number", "145").await;
    set_value(&client, "#activity-act-date", "2017-03-01").await;
    set_value(&client, "#activity-received-on", "2017-03-03").await;
    set_value(&client, "#activity-action-on", "2017-03-09").await;
    find(&client, "#activity-municipality")
        .await
        .select_by_value("bansko")
        .await
        .unwrap();
    type_into(&client, "#activity-grounds", "Противоречи на закона").await;
    click(&client, "#activity-measure-I-3").await;
    click(&client, "#activity-submit").await;
    let act = "#activities-table tr.activity-row[data-kind='contested_act']";
    wait_text(&client, act, "№ 145").await;
    // The council's new vote follows.
    click(&client, &format!("{act} .activity-follow-up")).await;
    type_into(&client, "#follow-up-revote", "Решението е отменено").await;
    click(&client, "#follow-up-submit").await;
    wait_text(&client, act, "Поправки и развитие: 1").await;

    // The council's secretariat publishes its contacts.
    client.goto(&format!("{base}/council")).await.unwrap();
    click(&client, "#contacts-edit-link").await;
    wait_path(&client, "/contacts/edit").await;
    type_into(&client, "#contacts-form .contact-name", "Елена Димитрова").await;
    type_into(
        &client,
        "#contacts-form .contact-position",
        "Секретар на ООСППК",
    )
    .await;
    type_into(&client, "#contacts-form .contact-phone", "073 881 234").await;
    type_into(
        &client,
        "#contacts-form .contact-email",
        "oosppk@example.bg",
    )
    .await;
    click(&client, "#contacts-save").await;
    find(&client, "#contacts-result[data-state='ok']").await;
    logout(&client).await;

    // Visitors read the meeting, the register and the contacts.
    client.goto(&format!("{base}/meetings")).await.unwrap();
    wait_text(
        &client,
        "#meetings-table tr.meeting-row[data-tenant='bansko']",
        "Отворени врати в Банско",
    )
    .await;
    client
        .goto(&format!("{base}/contested-acts"))
        .await
        .unwrap();
    let register = "#contested-acts-table tr.act-row[data-municipality='bansko']";
    wait_text(&client, register, "№ 145").await;
    wait_text(&client, register, "6 дни след получаването").await;
    wait_text(&client, register, "Решението е отменено").await;
    client.goto(&format!("{base}/council")).await.unwrap();
    wait_text(&client, "#council-table", "Елена Димитрова").await;
    client
        .goto(&format!("{base}/report-corruption"))
        .await
        .unwrap();
    wait_text(&client, "#report-contacts", "oosppk@example.bg").await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn regional_staff_keep_the_plan() {
    let (server, _driver, client, _dirs) = start().await;
    let base = server.base_url.as_str();

    // An officer reads the plan but cannot change it.
    login(&client, base, "bansko.officer").await;
    client.goto(&format!("{base}/plan")).await.unwrap();
    wait_for_count(&client, "#plan-table tr.measure-row", 18).await;
    find(&client, "#as-of-form").await;
    assert!(
        client
            .find_all(Locator::Css(".measure-edit"))
            .await
            .unwrap()
            .is_empty()
    );
    logout(&client).await;

    login(&client, base, "oblast.sekretar").await;
    client.goto(&format!("{base}/plan")).await.unwrap();
    let row = "#plan-table tr.measure-row[data-key='VI.2']";
    // A change sends only what changed.
    click(&client, &format!("{row} .measure-edit")).await;
    find(&client, "#measure-edit-form[data-key='VI.2']").await;
    click(&client, "#measure-edit-submit").await;
    wait_text(&client, "#measure-edit-error", "Няма промени").await;
    type_into(&client, "#edit-indicator", "Проведена анкета и анализ").await;
    click(&client, "#measure-edit-submit").await;
    wait_text(&client, "#plan-notice", "VI.2").await;
    wait_text(&client, row, "Проведена анкета и анализ").await;

    // A withdrawal needs a reason and leaves the measure marked.
    let row = "#plan-table tr.measure-row[data-key='V.3b']";
    click(&client, &format!("{row} .measure-withdraw")).await;
    type_into(
        &client,
        "#withdraw-reason",
        "Повтаря номера на предходната мярка",
    )
    .await;
    click(&client, "#measure-withdraw-submit").await;
    find(&client, &format!("{row}.withdrawn")).await;
    wait_text(&client, row, "Оттеглена: Повтаря номера").await;

    // Next year's plan starts from this one's measures in force.
    let summary = find(&client, "details:has(#plan-start-form) summary").await;
    summary.click().await.unwrap();
    type_into(&client, "#plan-start-year", "2018").await;
    click(&client, "#plan-start-submit").await;
    wait_path(&client, "/plan?year=2018").await;
    let rows = wait_for_count(&client, "#plan-table tr.measure-row", 17).await;
    assert_eq!(rows.len(), 17);
    wait_text(&client, "#plan-table", "2018").await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn an_anonymous_signal_is_acknowledged_and_answered_through_its_receipt_code() {
    let (server, _driver, client, _dirs) = start().await;
    let base = server.base_url.as_str();

    // A citizen files an anonymous signal to Bansko through the public form, without a login.
    client
        .goto(&format!("{base}/report-corruption"))
        .await
        .unwrap();
    click(&client, "#report-signal-form").await;
    wait_path(&client, "/signal").await;
    find(&client, "#signal-tenant option[value='bansko']").await;
    find(&client, "#signal-tenant")
        .await
        .select_by_value("bansko")
        .await
        .unwrap();
    assert_eq!(
        find(&client, "#signal-anonymous")
            .await
            .prop("checked")
            .await
            .unwrap()
            .as_deref(),
        Some("true"),
        "a signal is anonymous unless the citizen gives a name"
    );
    type_into(
        &client,
        "#signal-what",
        "Служител поиска пари, за да ускори издаването на разрешително за строеж.",
    )
    .await;
    type_into(&client, "#signal-place", "Общинска администрация Банско").await;
    type_into(&client, "#signal-when", "март").await;
    find(&client, "#signal-category")
        .await
        .select_by_value("bribery")
        .await
        .unwrap();
    click(&client, "#signal-submit").await;
    let reference = find(&client, "#receipt-reference")
        .await
        .text()
        .await
        .unwrap();
    let code = find(&client, "#receipt-code").await.text().await.unwrap();
    assert!(!reference.trim().is_empty() && !code.trim().is_empty());
    wait_text(&client, "#signal-receipt", "само веднъж").await;
    wait_absent(&client, "#signal-form").await;

    // Bansko's officer finds it in the register, acknowledges it and writes to the reporter.
    login(&client, base, "bansko.officer").await;
    click(&client, "#nav-signals a").await;
    wait_path(&client, "/signals").await;
    let row = format!("#signals-table tr.signal-row[data-reference='{reference}']");
    find(&client, &format!("{row}[data-status='received']")).await;
    click(&client, &format!("{row} th a")).await;
    find(&client, "#signal-heading[data-status='received']").await;
    wait_text(&client, "#signal-account", "разрешително за строеж").await;
    click(&client, "#step-acknowledge .step-submit").await;
    find(&client, "#signal-heading[data-status='acknowledged']").await;
    wait_absent(&client, "#step-acknowledge").await;
    let message = "Благодарим ви. Моля, посочете отдела, в който е станало това.";
    click(&client, "#step-messages summary").await;
    type_into(&client, "#messages-text", message).await;
    click(&client, "#step-messages .step-submit").await;
    find(&client, "#step-messages .step-saved").await;
    wait_text(&client, "#signal-history", "Съобщение").await;
    logout(&client).await;

    // The citizen reads the message with the number and the code, and answers.
    client
        .goto(&format!("{base}/signal/track?reference={reference}"))
        .await
        .unwrap();
    type_into(&client, "#track-code", &code).await;
    click(&client, "#track-submit").await;
    wait_text(&client, "#track-status", "Потвърдено получаване").await;
    wait_text(&client, "#track-messages", message).await;
    find(&client, "#track-messages li[data-kind='acknowledgment']").await;
    type_into(
        &client,
        "#track-reply",
        "Отдел „Устройство на територията“.",
    )
    .await;
    click(&client, "#track-reply-submit").await;
    find(&client, "#track-reply-sent").await;
    wait_text(
        &client,
        "#track-messages li[data-kind='reporter']",
        "Устройство на територията",
    )
    .await;

    // A wrong code shows nothing of the signal.
    click(&client, "#track-close").await;
    type_into(&client, "#track-code", "not-the-code").await;
    click(&client, "#track-submit").await;
    find(&client, "#track-error").await;
    wait_absent(&client, "#track-case").await;
    client.close().await.unwrap();
}
