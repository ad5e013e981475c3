//! Browser test: the built frontend, served by the real server, in headless Chromium.

use antikor_e2e::{Server, workspace_root};
use fantoccini::{Client, ClientBuilder, Locator};
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

async fn browser(driver: &Driver, profile: &std::path::Path) -> Client {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let options = serde_json::json!({
        "binary": chromium,
        "args": [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--disable-quic", "--window-size=1280,900",
            format!("--user-data-dir={}", profile.display()),
        ]
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
                &html[..html.len().min(3000)]
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn the_audit_trail_lists_the_fifteen_tenant_registrations() {
    let dist = workspace_root().join("frontend/dist");
    assert!(
        dist.join("index.html").exists(),
        "build the frontend first (trunk build --release)"
    );
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path(), &dist).unwrap();
    let driver = Driver::start();
    let profile = tempfile::tempdir().unwrap();
    let client = browser(&driver, profile.path()).await;

    client
        .goto(&format!("{}/audit", server.base_url))
        .await
        .unwrap();
    let rows = wait_for_count(&client, "#audit-table tr.event-row", 15).await;
    assert_eq!(rows.len(), 15);
    let mut positions = Vec::new();
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
    }
    assert_eq!(
        positions,
        (1..=15).rev().collect::<Vec<_>>(),
        "newest first"
    );
    let text = client
        .find(Locator::Css("#audit-table"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        text.contains("Благоевград") || text.contains("blagoevgrad"),
        "{text}"
    );

    // The institutions page lists all fifteen, in Bulgarian.
    client
        .goto(&format!("{}/tenants", server.base_url))
        .await
        .unwrap();
    let tenants = wait_for_count(&client, "#tenants-table tr.tenant-row", 15).await;
    assert_eq!(tenants.len(), 15);
    let table = client
        .find(Locator::Css("#tenants-table"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        table.contains("Община Гоце Делчев") && table.contains("BLG11"),
        "{table}"
    );

    // An event's detail page shows its full hash.
    client
        .goto(&format!("{}/audit/3", server.base_url))
        .await
        .unwrap();
    let body = wait_for_count(&client, "body", 1).await;
    let deadline = Instant::now() + Duration::from_secs(10);
    let hash: serde_json::Value = reqwest::get(format!("{}/api/audit/events/3", server.base_url))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let hash = hash["hash"].as_str().unwrap().to_owned();
    loop {
        if body[0].text().await.unwrap().contains(&hash) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the event page does not show the hash {hash}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    client.close().await.unwrap();
}
