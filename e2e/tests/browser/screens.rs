//! Every page as every role, on an office laptop's screen and on a phone's: axe-core finds no
//! serious or critical WCAG 2.1 AA violation, and no page scrolls sideways.

use antikor_e2e::api_login;
use antikor_e2e::browser::{
    DEMO_PASSWORD, Driver, Viewport, assert_accessible, assert_fits_width, browser_sized,
    eventually, find, login, logout, nav, report_completed, submit_login, text_of, wait_absent,
    wait_path,
};
use antikor_e2e::{Server, workspace_root};
use fantoccini::Client;

/// The pages anyone may open.
const PUBLIC: &[&str] = &[
    "/",
    "/plan",
    "/progress",
    "/meetings",
    "/contested-acts",
    "/council",
    "/report-corruption",
    "/signal",
    "/signal/track",
    "/signals/statistics",
    "/tenants",
    "/report/2017",
    "/anketa",
    "/login",
    "/no-such-page",
];

/// Who logs in, and the pages of their work (`{signal}` is a filed signal's page, `{risk}` an
/// assessed risk's).
const ROLES: &[(&str, &[&str])] = &[
    (
        "petrich.officer",
        &[
            "/dashboard",
            "/activities",
            "/signals",
            "/signals/new",
            "/signals/analysis",
            "{signal}",
            "/risks",
            "{risk}",
            "/contacts/edit",
            "/survey",
            "/password",
            "/reminders",
        ],
    ),
    (
        "oblast.sekretar",
        &[
            "/dashboard",
            "/region",
            "/risks",
            "/region/risks?year=2017",
            "/survey",
            "/survey/questionnaire",
            "/region/survey",
            "/reminders",
            "/report/2017?province=BLG&tenant=petrich",
        ],
    ),
    (
        "odit",
        &[
            "/audit",
            "/audit/5",
            "/audit/compare?from=3&to=40",
            "/risks",
            "{risk}",
            "/region/survey",
        ],
    ),
    ("oblast.admin", &["/accounts", "/tenants"]),
];

/// The pages the phone is asked to show without sideways scrolling and with axe: the
/// citizen's form, the daily work (dashboard, registers) and the combined views.
const PHONE_CHECKED_BY_AXE: &[&str] = &[
    "/signal",
    "/dashboard",
    "{signal}",
    "/signals",
    "/region",
    "/risks",
    "{risk}",
    "/region/risks?year=2017",
    "/anketa",
    "/survey",
    "/survey/questionnaire",
    "/region/survey",
];

/// The pages whose main table must fit an office laptop's screen whole, its last columns
/// included: the region's heat map, the signals and risk registers, and the institutions'
/// registers side by side.
const WHOLE_ON_A_LAPTOP: &[(&str, &str)] = &[
    ("/region", "#region-matrix"),
    ("/signals", "#signals-table"),
    ("/risks", "#risks-table"),
    ("/region/risks?year=2017", "#region-risks-tenants"),
];

/// Fails the test when the table `css` is wider than its scroll box.
async fn assert_table_fits(client: &Client, css: &str, what: &str) {
    let sizes = client
        .execute(
            "const t = document.querySelector(arguments[0]); const box = t.closest('.table-scroll');\
             return [box.scrollWidth, box.clientWidth];",
            vec![serde_json::json!(css)],
        )
        .await
        .unwrap();
    let (table, window) = (sizes[0].as_u64().unwrap(), sizes[1].as_u64().unwrap());
    assert!(
        table <= window,
        "{what}: {css} is {table} px wide in a box of {window} px"
    );
}

/// Opens `path` and waits until its heading is there and nothing is still loading.
async fn open(client: &Client, base: &str, path: &str) {
    client.goto(&format!("{base}{path}")).await.unwrap();
    find(client, "#main h1").await;
    wait_absent(client, "#main .loading").await;
    // The last answers render within a frame or two of their arrival.
    tokio::time::sleep(std::time::Duration::from_millis(150)).await;
}

/// The records the pages show: a signal to Petrich from the public form, Petrich's report on
/// measure I.1 and an assessed risk of its register, so that the registers, the signal's and
/// the risk's pages, the heat maps and the tables have rows. Returns the two pages.
async fn some_records(base: &str) -> (String, String) {
    report_completed(base, "petrich.officer", "I.1").await;
    let http = reqwest::Client::new();
    let filed = http
        .post(format!("{base}/api/public/signals"))
        .json(&serde_json::json!({
            "tenant": "petrich",
            "reporter": null,
            "account": {"what": "Служител поиска пари, за да ускори разрешително.",
                "place": "Община Петрич", "when": "март"},
            "concerned": null, "unit": null, "activity": "Разрешения за строеж",
            "category": "bribery",
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(filed.status(), 201, "{:?}", filed.text().await);
    let receipt: serde_json::Value = filed.json().await.unwrap();
    // The officer's login makes sure the demo accounts are ready before the browser logs in.
    let session = api_login(&http, base, "petrich.officer", DEMO_PASSWORD).await;
    let send = |path: String, body: serde_json::Value| {
        http.post(format!("{base}{path}"))
            .header("cookie", &session.cookie)
            .header("x-csrf-token", &session.csrf_token)
            .json(&body)
            .send()
    };
    let entered = send(
        "/api/risks".into(),
        serde_json::json!({"year": 2017, "area": "permits",
            "unit": "Отдел „Устройство на територията“",
            "description": "Ускоряване на разрешително срещу облага",
            "causes": "Няма срок за всяка стъпка на преписката",
            "owner": "petrich.officer", "review_on": "2017-12-15"}),
    )
    .await
    .unwrap();
    assert_eq!(entered.status(), 201, "{:?}", entered.text().await);
    let risk: serde_json::Value = entered.json().await.unwrap();
    let risk = risk["id"].as_str().unwrap().to_owned();
    let assessed = send(
        format!("/api/risks/{risk}/assessment"),
        serde_json::json!({"expected_version": 1,
            "inherent": {"likelihood": 4, "impact": 4}, "controls": "Регистър на преписките",
            "residual": {"likelihood": 3, "impact": 5}}),
    )
    .await
    .unwrap();
    assert_eq!(assessed.status(), 200, "{:?}", assessed.text().await);
    (
        format!("/signals/{}", receipt["id"].as_str().unwrap()),
        format!("/risks/{risk}"),
    )
}

/// Opens every public page as a visitor, then every page of each role's work logged in as that
/// role, and runs `check` on each with the page's address (the records' own in place of
/// `{signal}` and `{risk}`), its path as `PUBLIC` and `ROLES` name it, and who sees it.
async fn on_every_page(
    client: &Client,
    base: &str,
    (signal, risk): (&str, &str),
    mut check: impl AsyncFnMut(&str, &'static str, &str),
) {
    let page_of = |path: &'static str| match path {
        "{signal}" => signal,
        "{risk}" => risk,
        _ => path,
    };
    for path in PUBLIC {
        open(client, base, page_of(path)).await;
        check(page_of(path), path, "a visitor").await;
    }
    for (user, pages) in ROLES {
        login(client, base, user).await;
        for path in *pages {
            open(client, base, page_of(path)).await;
            check(page_of(path), path, user).await;
        }
        logout(client).await;
    }
}

async fn check_every_page(
    server: &Server,
    driver: &Driver,
    viewport: Viewport,
    (signal, risk): (&str, &str),
) {
    let base = server.base_url.as_str();
    let profile = tempfile::tempdir().unwrap();
    let client = browser_sized(driver, profile.path(), viewport).await;
    let phone = viewport == Viewport::Phone;
    client.goto(base).await.unwrap();
    let width = client
        .execute("return document.documentElement.clientWidth;", vec![])
        .await
        .unwrap();
    // A laptop's page may lose its scroll bar's width; a phone's scroll bars float.
    let expected = if phone { 375..=375 } else { 1340..=1366 };
    let width = width.as_u64().unwrap();
    assert!(
        expected.contains(&width),
        "the window of {viewport:?} is {width} px wide"
    );
    on_every_page(&client, base, (signal, risk), async |page, path, who| {
        let what = format!("{page} as {who} on {viewport:?}");
        assert_fits_width(&client, &what).await;
        if !phone || PHONE_CHECKED_BY_AXE.contains(&path) {
            assert_accessible(&client, &what).await;
        }
        if let Some((_, table)) = WHOLE_ON_A_LAPTOP.iter().find(|(p, _)| *p == path)
            && !phone
        {
            assert_table_fits(&client, table, &what).await;
        }
    })
    .await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn every_page_passes_axe_and_none_scrolls_sideways_on_a_laptop_or_a_phone() {
    let dist = workspace_root().join("frontend/dist");
    let data = tempfile::tempdir().unwrap();
    let server = Server::start_with(data.path(), &dist, &["--demo"]).unwrap();
    let (signal, risk) = some_records(&server.base_url).await;
    let driver = Driver::start();
    let pages = (signal.as_str(), risk.as_str());
    check_every_page(&server, &driver, Viewport::Office, pages).await;
    check_every_page(&server, &driver, Viewport::Phone, pages).await;
}

#[tokio::test]
async fn on_a_phone_the_navigation_folds_behind_one_button_grouped_by_audience() {
    let dist = workspace_root().join("frontend/dist");
    let data = tempfile::tempdir().unwrap();
    let server = Server::start_with(data.path(), &dist, &["--demo"]).unwrap();
    let base = server.base_url.as_str();
    let driver = Driver::start();
    let profile = tempfile::tempdir().unwrap();
    let client = browser_sized(&driver, profile.path(), Viewport::Phone).await;
    login(&client, base, "oblast.sekretar").await;
    let toggle = find(&client, "#site-nav-toggle").await;
    assert_eq!(
        toggle.attr("aria-expanded").await.unwrap().as_deref(),
        Some("false")
    );
    let dashboard = find(&client, "#nav-dashboard a").await;
    assert!(
        !dashboard.is_displayed().await.unwrap(),
        "the menu starts folded"
    );
    let logout = find(&client, "#logout").await;
    assert!(
        !logout.is_displayed().await.unwrap(),
        "the user's buttons are in the menu"
    );
    toggle.click().await.unwrap();
    assert!(logout.is_displayed().await.unwrap());
    assert_eq!(
        toggle.attr("aria-expanded").await.unwrap().as_deref(),
        Some("true")
    );
    let mut titles = Vec::new();
    for title in client
        .find_all(fantoccini::Locator::Css("#site-nav-menu .nav-group__title"))
        .await
        .unwrap()
    {
        titles.push(title.text().await.unwrap());
    }
    assert_eq!(
        titles,
        ["РАБОТА", "КОНТРОЛ И АДМИНИСТРИРАНЕ", "ПУБЛИЧНА ИНФОРМАЦИЯ"],
        "the groups, the daily work first"
    );
    // Following a link closes the menu; Escape closes it too.
    nav(&client, "nav-region").await;
    wait_path(&client, "/region").await;
    assert_eq!(
        toggle.attr("aria-expanded").await.unwrap().as_deref(),
        Some("false")
    );
    toggle.click().await.unwrap();
    find(&client, "#nav-progress a")
        .await
        .send_keys("\u{e00c}")
        .await
        .unwrap();
    let focused = client.active_element().await.unwrap();
    assert_eq!(
        focused.attr("id").await.unwrap().as_deref(),
        Some("site-nav-toggle"),
        "Escape gives the focus back to the menu's button"
    );
    assert_eq!(
        toggle.attr("aria-expanded").await.unwrap().as_deref(),
        Some("false")
    );
    // A laptop's window shows the daily work in a row and the rest as menus.
    let profile = tempfile::tempdir().unwrap();
    let laptop = browser_sized(&driver, profile.path(), Viewport::Office).await;
    login(&laptop, base, "oblast.sekretar").await;
    assert!(
        find(&laptop, "#nav-region a")
            .await
            .is_displayed()
            .await
            .unwrap()
    );
    let plan = find(&laptop, "#nav-plan a").await;
    assert!(
        !plan.is_displayed().await.unwrap(),
        "the public pages are a menu"
    );
    // A click elsewhere closes an open menu.
    find(&laptop, "#nav-group-public-toggle")
        .await
        .click()
        .await
        .unwrap();
    assert!(plan.is_displayed().await.unwrap(), "the menu opened");
    find(&laptop, "#main h1").await.click().await.unwrap();
    eventually(&laptop, "the menu closes", || async {
        (!plan.is_displayed().await.unwrap()).then_some(())
    })
    .await;
    // So does tabbing past its last link.
    find(&laptop, "#nav-group-public-toggle")
        .await
        .click()
        .await
        .unwrap();
    for _ in 0..=9 {
        let focused = laptop.active_element().await.unwrap();
        focused.send_keys("\u{e004}").await.unwrap();
    }
    eventually(
        &laptop,
        "the menu closes when the focus leaves it",
        || async { (!plan.is_displayed().await.unwrap()).then_some(()) },
    )
    .await;
    nav(&laptop, "nav-plan").await;
    wait_path(&laptop, "/plan").await;
    wait_absent(&laptop, "#nav-group-public.nav-group__list--open").await;
}

/// The visible text of the page's interface — its headings, labels, buttons, links and table
/// headings — that has Cyrillic letters, leaving out what is marked as Bulgarian (`lang="bg"`:
/// the records' own words, such as the plan's measures, and the language switch's name).
async fn cyrillic_in_interface(client: &Client) -> Vec<String> {
    let found = client
        .execute(
            "return [...document.querySelectorAll('h1, h2, h3, label, button, nav a, th, legend, .notice, [role=alert]')]\
               .filter(e => e.closest('[lang]').lang !== 'bg' && e.offsetParent !== null)\
               .map(e => { const c = e.cloneNode(true);\
                 c.querySelectorAll('[lang=bg]').forEach(x => x.remove());\
                 return c.textContent.replace(/\\s+/g, ' ').trim(); })\
               .filter(t => /[\\u0400-\\u04FF]/.test(t));",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(found).unwrap()
}

/// The header's switch turns the interface to English, which the browser remembers across
/// pages and logins; the server's messages follow it; no page, public or of any role's work,
/// has Bulgarian left in its interface; and the switch turns it back.
#[tokio::test]
async fn the_interface_switches_to_english_and_back() {
    let dist = workspace_root().join("frontend/dist");
    let data = tempfile::tempdir().unwrap();
    let server = Server::start_with(data.path(), &dist, &["--demo"]).unwrap();
    let base = server.base_url.as_str();
    // Records on every register, so that their pages show rows.
    let (signal, risk) = some_records(base).await;
    let driver = Driver::start();
    let profile = tempfile::tempdir().unwrap();
    let client = browser_sized(&driver, profile.path(), Viewport::Office).await;
    let lang = async |client: &Client| {
        let lang = client
            .execute("return document.documentElement.lang;", vec![])
            .await
            .unwrap();
        lang.as_str().unwrap().to_owned()
    };
    open(&client, base, "/login").await;
    assert_eq!(lang(&client).await, "bg");
    let switch = find(&client, "#language-switch").await;
    assert_eq!(switch.text().await.unwrap(), "English");
    assert_eq!(switch.attr("lang").await.unwrap().as_deref(), Some("en"));
    switch.click().await.unwrap();
    eventually(&client, "the page reloads in English", || async {
        (lang(&client).await == "en").then_some(())
    })
    .await;
    assert_eq!(text_of(&client, "#main h1").await, "Log in");
    assert_eq!(text_of(&client, "#nav-home a").await, "Home");
    // The server's refusal, in the page's language.
    submit_login(&client, "petrich.officer", "not-the-password-at-all").await;
    let refused = eventually(&client, "the login is refused", || async {
        let text = client
            .find(fantoccini::Locator::Css("#login-error"))
            .await
            .ok()?
            .text()
            .await
            .ok()?;
        (!text.trim().is_empty()).then_some(text)
    })
    .await;
    assert!(
        !refused.is_empty()
            && !refused
                .chars()
                .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
        "the login's refusal in English: {refused:?}"
    );
    // Remembered across pages and logins: every public page, and every page of each role's
    // work, is in English but for the records' own Bulgarian words, marked as such.
    let mut left: Vec<(String, String)> = Vec::new();
    on_every_page(&client, base, (&signal, &risk), async |page, _, who| {
        let what = format!("{page} as {who}");
        assert_eq!(lang(&client).await, "en", "{what}");
        let found = cyrillic_in_interface(&client).await;
        left.extend(found.into_iter().map(|text| (what.clone(), text)));
    })
    .await;
    assert!(left.is_empty(), "Bulgarian on English pages: {left:#?}");
    // And back.
    login(&client, base, "petrich.officer").await;
    let switch = find(&client, "#language-switch").await;
    assert_eq!(switch.text().await.unwrap(), "Български");
    switch.click().await.unwrap();
    eventually(&client, "the page reloads in Bulgarian", || async {
        (lang(&client).await == "bg").then_some(())
    })
    .await;
    assert_eq!(text_of(&client, "#nav-dashboard a").await, "Табло");
    client.close().await.unwrap();
}
