//! Browser-test helpers: chromedriver and a headless Chromium on the real server with the
//! built frontend, and the waits, reads and form steps the browser tests are written in.

use crate::{Server, api_login, workspace_root};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use std::future::Future;
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A chromedriver process on a free port, killed with its browsers when dropped.
pub struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    /// Starts chromedriver on a free port and waits until it answers.
    pub fn start() -> Self {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        // Its own process group, with the browsers it starts: dropping the driver ends them
        // all, so that no test leaves a Chromium running (a session that a test's end
        // interrupts is never closed, and killing chromedriver alone orphans its browser).
        let child = Command::new("chromedriver")
            .process_group(0)
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
        // The whole group: chromedriver and every browser process it started.
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Where the browser of a profile saves downloads.
pub fn downloads(profile: &std::path::Path) -> std::path::PathBuf {
    profile.join("downloads")
}

/// A headless Chromium session through `driver`, with its profile (and downloads) in
/// `profile`, in a laptop's window.
pub async fn browser(driver: &Driver, profile: &std::path::Path) -> Client {
    browser_sized(driver, profile, Viewport::Laptop).await
}

/// The screens the browser tests look through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Viewport {
    /// 1280×900: most tests' window.
    Laptop,
    /// 1366×768: the commonest laptop screen in offices.
    Office,
    /// A 375 px wide phone (an iPhone's CSS width), emulated with its touch and its metrics:
    /// headless Chromium will not make a window narrower than 500 px.
    Phone,
}

/// A headless Chromium session as [`browser`], looking through `viewport`.
pub async fn browser_sized(
    driver: &Driver,
    profile: &std::path::Path,
    viewport: Viewport,
) -> Client {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let window = match viewport {
        Viewport::Laptop | Viewport::Phone => "--window-size=1280,900",
        Viewport::Office => "--window-size=1366,768",
    };
    let mut options = serde_json::json!({
        "binary": chromium,
        "args": [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--disable-quic", window,
            format!("--user-data-dir={}", profile.display()),
        ],
        // CSV exports land here, so a test can read what the page saved.
        "prefs": {
            "download.default_directory": downloads(profile).display().to_string(),
            "download.prompt_for_download": false,
        }
    });
    if viewport == Viewport::Phone {
        options["mobileEmulation"] = serde_json::json!({
            "deviceMetrics": { "width": 375, "height": 812, "pixelRatio": 2, "touch": true }
        });
    }
    let mut caps = serde_json::Map::new();
    caps.insert("goog:chromeOptions".into(), options);
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a browser session starts")
}

/// Follows the main navigation's link in `li#{id}`, as a person would: on a laptop the
/// daily work's links are in a row and the other groups are menus to open first; on a phone
/// the whole navigation is behind the "Меню" button.
pub async fn nav(client: &Client, id: &str) {
    let link = find(client, &format!("#{id} a")).await;
    if !link.is_displayed().await.unwrap() {
        let phone_menu = find(client, "#site-nav-toggle").await;
        if phone_menu.is_displayed().await.unwrap() {
            phone_menu.click().await.unwrap();
        } else {
            let group = format!(".nav-group:has(#{id}) .nav-group__toggle");
            find(client, &group).await.click().await.unwrap();
        }
    }
    link.click().await.unwrap();
}

/// Where axe-core's script is: `.ci/setup` installs it and says so in `ANTIKOR_AXE`.
fn axe_script() -> &'static str {
    static SCRIPT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SCRIPT.get_or_init(|| {
        let path = std::env::var("ANTIKOR_AXE").expect(
            "ANTIKOR_AXE names axe-core's axe.min.js: run the tests with the README's command, \
             or `source .ci/setup && setup_test_tools` first",
        );
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    })
}

/// Runs axe-core on the page as it stands against WCAG 2.1 A and AA, and fails the test on
/// any serious or critical violation, naming the rule, its help and the first elements.
pub async fn assert_accessible(client: &Client, what: &str) {
    let loaded = client
        .execute("return typeof window.axe === 'object';", vec![])
        .await
        .unwrap();
    if loaded != serde_json::Value::Bool(true) {
        client
            .execute(&format!("{};\nreturn true;", axe_script()), vec![])
            .await
            .expect("axe-core loads into the page");
    }
    let found = client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             axe.run(document, {runOnly: {type: 'tag',\
                 values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})\
               .then(r => done(r.violations\
                 .filter(v => v.impact === 'serious' || v.impact === 'critical')\
                 .map(v => `${v.impact} ${v.id}: ${v.help}; ` +\
                   v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(', '))))\
               .catch(e => done([`axe failed: ${e}`]));",
            vec![],
        )
        .await
        .unwrap();
    let found: Vec<String> = serde_json::from_value(found).unwrap();
    assert!(found.is_empty(), "{what}: {}", found.join("\n"));
}

/// Fails the test when the page is wider than the window (it would scroll sideways), naming
/// the widest elements that stick out of it; tables scroll inside their own boxes.
pub async fn assert_fits_width(client: &Client, what: &str) {
    let found = client
        .execute(
            "const width = document.documentElement.clientWidth;\
             if (document.documentElement.scrollWidth <= width) return [];\
             return [...document.querySelectorAll('body *')]\
               .filter(e => e.getBoundingClientRect().right > width + 1)\
               .slice(0, 6)\
               .map(e => `${e.tagName.toLowerCase()}#${e.id}.${e.className} ends at ` +\
                 Math.round(e.getBoundingClientRect().right) + ` of ${width} px`);",
            vec![],
        )
        .await
        .unwrap();
    let found: Vec<String> = serde_json::from_value(found).unwrap();
    assert!(
        found.is_empty(),
        "{what} scrolls sideways: {}",
        found.join("; ")
    );
}

/// Waits until `css` matches at least `n` elements, and returns them.
pub async fn wait_for_count(
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
pub fn head(text: &str, n: usize) -> &str {
    let mut end = n.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// How long any one wait may take before the test fails and shows the page.
pub const WAIT: Duration = Duration::from_secs(20);

/// The password of every demo account (`antikor serve --demo`).
pub const DEMO_PASSWORD: &str = "antikor-demo-2017";

/// Polls `probe` until it gives a value; fails with `what` and the page after [`WAIT`].
pub async fn eventually<T, F, Fut>(client: &Client, what: &str, mut probe: F) -> T
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
pub async fn find(client: &Client, css: &str) -> Element {
    wait_for_count(client, css, 1).await.remove(0)
}

/// Waits until nothing matches `css`.
pub async fn wait_absent(client: &Client, css: &str) {
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
pub async fn text_of(client: &Client, css: &str) -> String {
    find(client, css).await.text().await.unwrap()
}

/// Waits until the element matching `css` contains `needle`, and returns its text.
pub async fn wait_text(client: &Client, css: &str, needle: &str) -> String {
    eventually(client, &format!("{css} shows {needle:?}"), || async {
        let found = client.find(Locator::Css(css)).await.ok()?;
        let text = found.text().await.ok()?;
        text.contains(needle).then_some(text)
    })
    .await
}

/// Fails the test when anything on the page matches `css`.
pub async fn assert_none(client: &Client, css: &str, why: &str) {
    let found = client.find_all(Locator::Css(css)).await.unwrap();
    assert!(found.is_empty(), "{css}: {why}");
}

/// Waits until the address (path and query) is `expected`.
pub async fn wait_path(client: &Client, expected: &str) {
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
pub async fn type_into(client: &Client, css: &str, text: &str) {
    let field = find(client, css).await;
    field.clear().await.unwrap();
    field.send_keys(text).await.unwrap();
}

/// Fills in the login form (already open) and submits it.
pub async fn submit_login(client: &Client, username: &str, password: &str) {
    type_into(client, "#login-username", username).await;
    type_into(client, "#login-password", password).await;
    find(client, "#login-submit").await.click().await.unwrap();
}

/// Opens the login page, logs in and waits until the header shows the user.
pub async fn login(client: &Client, base: &str, username: &str) {
    client.goto(&format!("{base}/login")).await.unwrap();
    submit_login(client, username, DEMO_PASSWORD).await;
    find(client, &format!("#user-menu[data-username='{username}']")).await;
}

/// Logs out with the header's button and waits until the header offers a login again. On a
/// phone the button is in the menu, which is opened first.
pub async fn logout(client: &Client) {
    let button = find(client, "#logout").await;
    if !button.is_displayed().await.unwrap() {
        find(client, "#site-nav-toggle")
            .await
            .click()
            .await
            .unwrap();
    }
    button.click().await.unwrap();
    find(client, "#login-link").await;
    wait_absent(client, "#user-menu").await;
}

/// `GET url` from inside the page, so with the page's session cookie: (status, JSON body).
pub async fn fetch_json(client: &Client, url: &str) -> (u64, serde_json::Value) {
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
pub async fn fetch_text(client: &Client, url: &str) -> (u64, String) {
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
pub async fn attrs(client: &Client, css: &str, name: &str) -> Vec<String> {
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
pub async fn start() -> (Server, Driver, Client, [tempfile::TempDir; 2]) {
    let dist = workspace_root().join("frontend/dist");
    assert!(
        dist.join("index.html").exists(),
        "build the frontend first (trunk build --release)"
    );
    start_on(&dist).await
}

/// As [`start`], with the server serving the frontend built in `dist` (a test's altered copy).
pub async fn start_on(dist: &std::path::Path) -> (Server, Driver, Client, [tempfile::TempDir; 2]) {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start_with(data.path(), dist, &["--demo"]).unwrap();
    let driver = Driver::start();
    let profile = tempfile::tempdir().unwrap();
    let client = browser(&driver, profile.path()).await;
    (server, driver, client, [data, profile])
}

/// Reports progress on a measure as a demo officer, through the API as the UI does.
pub async fn report_completed(base: &str, username: &str, key: &str) {
    let http = reqwest::Client::new();
    let session = api_login(&http, base, username, DEMO_PASSWORD).await;
    let reported = http
        .put(format!("{base}/api/progress/2017/{key}"))
        .header("cookie", session.cookie)
        .header("x-csrf-token", session.csrf_token)
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
pub async fn set_value(client: &Client, css: &str, value: &str) {
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
pub async fn sofia_today(client: &Client) -> String {
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
pub async fn click(client: &Client, css: &str) {
    find(client, css).await.click().await.unwrap();
}

/// Reports a measure's progress through the dashboard's form of the logged-in officer.
pub async fn report_in_dashboard(client: &Client, base: &str, key: &str, level: &str, note: &str) {
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
