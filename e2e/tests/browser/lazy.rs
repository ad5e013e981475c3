//! Pages that load on demand (frontend/src/routes.rs): a page's files are asked for beside the
//! main module, and a page whose files do not arrive says so while the app goes on.

use antikor_e2e::browser::{click, start, start_on, wait_for_count, wait_text};
use antikor_e2e::workspace_root;
use std::path::Path;

/// The `href`s of the files `index.html`'s boot script asked the browser to fetch early.
async fn preloaded(client: &fantoccini::Client) -> Vec<String> {
    let hrefs = client
        .execute(
            "return [...document.querySelectorAll('link[rel=preload][as=fetch]')]\
               .map(l => new URL(l.href).pathname);",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(hrefs).unwrap()
}

#[tokio::test]
async fn a_page_fetches_its_own_files_early_and_only_those() {
    let (server, _driver, client, _dirs) = start().await;
    let base = server.base_url.as_str();

    // The home page is in the main module: it needs nothing more.
    client.goto(&format!("{base}/")).await.unwrap();
    wait_for_count(&client, "#main h1", 1).await;
    let home = preloaded(&client).await;
    assert_eq!(home.len(), 1, "only the main module: {home:?}");
    assert!(home[0].ends_with("_bg.wasm"), "{home:?}");

    // The citizen's form: its group's module and the chunks it shares with others.
    client.goto(&format!("{base}/signal")).await.unwrap();
    wait_for_count(&client, "#signal-form", 1).await;
    let signal = preloaded(&client).await;
    assert!(
        signal
            .iter()
            .any(|f| f.starts_with("/split_citizen_signal-")),
        "{signal:?}"
    );
    assert!(
        !signal.iter().any(|f| f.starts_with("/split_admin_pages-")),
        "a citizen's page fetches no administration code: {signal:?}"
    );

    // A route with a parameter matches its pattern.
    client.goto(&format!("{base}/report/2017")).await.unwrap();
    wait_for_count(&client, "#main h1", 1).await;
    let report = preloaded(&client).await;
    assert!(
        report.iter().any(|f| f.starts_with("/split_public_pages-")),
        "{report:?}"
    );
}

/// A copy of the built frontend without the files whose names start with `prefix`.
fn dist_without(prefix: &str, to: &Path) {
    let dist = workspace_root().join("frontend/dist");
    for entry in std::fs::read_dir(&dist).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        if entry.path().is_file() && !name.to_string_lossy().starts_with(prefix) {
            std::fs::copy(entry.path(), to.join(&name)).unwrap();
        }
    }
}

#[tokio::test]
async fn a_page_whose_files_do_not_arrive_says_so_and_the_app_goes_on() {
    // As after a new build replaced the files an open page names, or a broken connection.
    let dist = tempfile::tempdir().unwrap();
    dist_without("split_public_pages-", dist.path());
    let (server, _driver, client, _dirs) = start_on(dist.path()).await;
    let base = server.base_url.as_str();

    client.goto(&format!("{base}/plan")).await.unwrap();
    wait_text(
        &client,
        "[data-testid='page-not-loaded'] [role='alert']",
        "Частта от Антикор за тази страница не пристигна",
    )
    .await;
    wait_text(
        &client,
        "[data-testid='page-not-loaded'] h1",
        "Страницата не се зареди",
    )
    .await;

    // The shell still works: another group's page opens from the menu.
    click(&client, "#nav-home a").await;
    wait_text(&client, "#main h1", "Антикор").await;
    client.goto(&format!("{base}/signal")).await.unwrap();
    wait_for_count(&client, "#signal-form", 1).await;
}
