//! Plans across provinces in the browser: each page that follows a plan shows one province's,
//! the one it can tell or the one chosen, and never the server's "name a province" as an error.

use antikor_e2e::browser::{
    DEMO_PASSWORD, Driver, assert_none, browser, click, find, login, logout, start, type_into,
    wait_absent, wait_for_count, wait_path, wait_text,
};
use antikor_e2e::{Server, antikor_bin, workspace_root};
use fantoccini::Client;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// Runs `antikor` on the stopped data folder `data` (a password, when given, on standard
/// input) and fails the test with its output when it fails.
fn antikor(data: &Path, args: &[&str], password: Option<&str>) {
    let mut child = Command::new(antikor_bin())
        .args(args)
        .arg("--data")
        .arg(data)
        .env("ANTIKOR_LOG", "error")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    if let Some(password) = password {
        writeln!(stdin, "{password}").unwrap();
    }
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "antikor {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The demo installation with Burgas province (no plan yet) and a national body registered,
/// Burgas's regional secretary, an officer of Burgas municipality and the national body's
/// reader and administrator, served to a browser.
async fn country() -> (Server, Driver, Client, [tempfile::TempDir; 2]) {
    let data = tempfile::tempdir().unwrap();
    let folder = data.path();
    antikor(folder, &["tenants", "register", "--province", "BGS"], None);
    antikor(
        folder,
        &[
            "tenants",
            "register",
            "--national",
            "kpk",
            "--name-bg",
            "Комисия за противодействие на корупцията",
            "--name-en",
            "Anti-Corruption Commission",
            "--code",
            "UIC-KPK",
        ],
        None,
    );
    for (tenant, username, role) in [
        ("oblast-bgs", "bgs.sekretar", "regional"),
        ("burgas", "burgas.officer", "officer"),
        ("kpk", "kpk.reader", "national"),
        ("kpk", "kpk.admin", "national_admin"),
    ] {
        antikor(
            folder,
            &[
                "user",
                "create",
                "--tenant",
                tenant,
                "--role",
                role,
                "--username",
                username,
            ],
            Some(DEMO_PASSWORD),
        );
    }
    let server =
        Server::start_with(folder, &workspace_root().join("frontend/dist"), &["--demo"]).unwrap();
    let driver = Driver::start();
    let profile = tempfile::tempdir().unwrap();
    let client = browser(&driver, profile.path()).await;
    (server, driver, client, [data, profile])
}

#[tokio::test]
async fn one_province_keeps_a_plan_and_every_plan_page_shows_it() {
    let (server, _driver, client, _dirs) = start().await;
    let base = server.base_url.as_str();

    // A visitor's progress: Blagoevgrad's, named, with nothing to choose.
    client.goto(&format!("{base}/progress")).await.unwrap();
    wait_for_count(&client, "#region-matrix td.level-cell", 15 * 18).await;
    wait_text(&client, "#progress-heading", "област Благоевград").await;
    find(&client, "a[href='/report/2017?province=BLG']").await;
    assert_none(&client, "#progress-province", "one province has a plan").await;
    assert_none(&client, "[data-testid='error']", "no error").await;
    find(&client, "#year-select option[value='2017']").await;

    // An old report address without a province shows the only one's.
    client.goto(&format!("{base}/report/2017")).await.unwrap();
    wait_for_count(&client, "#report-measures section.report-measure", 18).await;
    wait_text(&client, ".report-cover", "корупцията — област Благоевград").await;

    // The regional secretary's own province, asked for by name.
    login(&client, base, "oblast.sekretar").await;
    client
        .goto(&format!("{base}/region?province=BLG"))
        .await
        .unwrap();
    wait_for_count(&client, "#region-matrix td.level-cell", 15 * 18).await;
    wait_text(&client, "#region-heading", "област Благоевград").await;
    find(&client, "a[href='/report/2017?province=BLG']").await;
    assert_none(&client, "#region-province", "regional staff read their own").await;
    assert_none(&client, "[data-testid='error']", "no error").await;
    // And on the plan they keep, the change controls.
    client.goto(&format!("{base}/plan")).await.unwrap();
    wait_for_count(&client, "#plan-table .measure-edit", 18).await;
    find(&client, "#plan-start-form").await;
    assert_none(&client, "#plan-first-form", "the province has a plan").await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_second_province_starts_from_the_first_ones_plan_and_then_visitors_choose() {
    let (server, _driver, client, _dirs) = country().await;
    let base = server.base_url.as_str();

    // While only Blagoevgrad has a plan, visitors see it as before.
    client.goto(&format!("{base}/progress")).await.unwrap();
    wait_for_count(&client, "#region-matrix td.level-cell", 15 * 18).await;
    assert_none(&client, "#progress-province", "one province has a plan").await;

    // With two provinces registered, the site names neither to visitors.
    wait_text(
        &client,
        "#site-subtitle",
        "Обществени съвети за превенция и противодействие на корупцията",
    )
    .await;
    // An officer of a Burgas municipality has no plan to report on yet: said, not failed. The
    // site names the officer's province.
    login(&client, base, "burgas.officer").await;
    wait_text(&client, "#site-subtitle", "— Бургас").await;
    wait_text(
        &client,
        "#site-footer-text",
        "Областна администрация Бургас",
    )
    .await;
    client.goto(&format!("{base}/")).await.unwrap();
    wait_text(
        &client,
        "#home-intro",
        "Областна администрация Бургас и общините",
    )
    .await;
    client.goto(&format!("{base}/dashboard")).await.unwrap();
    wait_text(&client, "#dashboard-no-plan", "все още няма приет план").await;
    assert_none(&client, "[data-testid='error']", "no plan is no failure").await;
    assert_none(&client, "#progress-heading", "no measures to report on").await;
    logout(&client).await;

    // Burgas's secretary reads Burgas, which has no plan yet: said, not failed.
    login(&client, base, "bgs.sekretar").await;
    client.goto(&format!("{base}/region")).await.unwrap();
    wait_text(&client, "#no-plan", "Все още няма приет план.").await;
    wait_text(&client, "#region-heading", "област Бургас").await;
    assert_none(&client, "[data-testid='error']", "no plan is no failure").await;
    assert_none(&client, "#region-province", "regional staff read their own").await;
    // The plan page shows Blagoevgrad's plan, not to change, but to start from.
    client.goto(&format!("{base}/plan")).await.unwrap();
    wait_for_count(&client, "#plan-table tr.measure-row", 18).await;
    wait_text(&client, "#plan-heading", "област Благоевград").await;
    find(&client, "#plan-first-note").await;
    assert_none(&client, ".measure-edit", "another province's plan").await;
    assert_none(&client, "#measure-add-form", "another province's plan").await;
    assert_none(&client, "#plan-start-form", "another province's plan").await;
    click(&client, "details:has(#plan-first-form) summary").await;
    let template = find(&client, "#plan-template").await;
    assert_eq!(
        template.prop("value").await.unwrap().as_deref(),
        Some("BLG")
    );
    // An earlier year than the template's is refused before asking.
    let year = find(&client, "#plan-first-year").await;
    year.clear().await.unwrap();
    year.send_keys("2016").await.unwrap();
    click(&client, "#plan-first-submit").await;
    wait_text(&client, "#plan-first-error", "2017 или по-късна").await;
    year.clear().await.unwrap();
    year.send_keys("2018").await.unwrap();
    click(&client, "#plan-first-submit").await;
    wait_path(&client, "/plan?province=BGS&year=2018").await;
    wait_text(&client, "#plan-heading", "област Бургас").await;
    wait_for_count(&client, "#plan-table .measure-edit", 18).await;
    find(&client, "#plan-start-form").await;
    assert_none(&client, "#plan-first-form", "Burgas has a plan now").await;
    // Two provinces keep plans now: the picker offers both, and the report is Burgas's.
    find(&client, "#plan-province option[value='BLG']").await;
    find(&client, "#plan-province option[value='BGS']").await;
    click(&client, "a[href='/report/2018?province=BGS']").await;
    wait_for_count(&client, "#report-measures section.report-measure", 18).await;
    wait_text(&client, ".report-cover", "корупцията — област Бургас").await;
    // Burgas's administration and its 13 municipalities, on each of the 18 measures.
    let levels = wait_for_count(&client, "#report-measures tr[data-tenant]", 14 * 18).await;
    assert_eq!(levels.len(), 14 * 18);
    logout(&client).await;

    // A visitor is asked to choose, not shown the server's refusal.
    for (path, picker) in [
        ("/progress", "#progress-province"),
        ("/plan", "#plan-province"),
    ] {
        client.goto(&format!("{base}{path}")).await.unwrap();
        wait_text(&client, &format!("{picker}-prompt"), "Изберете област.").await;
        assert_none(&client, "[data-testid='error']", "nothing went wrong").await;
        assert_none(&client, "#year-select", "no province, no years").await;
    }
    find(&client, "#plan-province")
        .await
        .select_by_value("BGS")
        .await
        .unwrap();
    wait_path(&client, "/plan?province=BGS").await;
    wait_for_count(&client, "#plan-table tr.measure-row", 18).await;
    wait_absent(&client, "#plan-province-prompt").await;
    // Each province's years: Burgas has 2018 only, Blagoevgrad 2017 only, so the year
    // chosen for one is not carried to the other.
    let years = find(&client, "#year-select").await;
    assert_eq!(years.prop("value").await.unwrap().as_deref(), Some("2018"));
    assert_none(
        &client,
        "#year-select option[value='2017']",
        "Burgas's years",
    )
    .await;
    client
        .goto(&format!("{base}/progress?province=BGS&year=2018"))
        .await
        .unwrap();
    find(&client, "#region-matrix td[data-tenant='oblast-bgs']").await;
    find(&client, "#progress-province")
        .await
        .select_by_value("BLG")
        .await
        .unwrap();
    wait_path(&client, "/progress?province=BLG").await;
    wait_for_count(&client, "#region-matrix td.level-cell", 15 * 18).await;
    // A report address without a province lists the provinces with a plan of its year.
    client.goto(&format!("{base}/report/2018")).await.unwrap();
    find(
        &client,
        "#report-choose a[href='/report/2018?province=BGS']",
    )
    .await;

    // The national body reports on no plan: its dashboard says so and points to the region,
    // where the national reader chooses a province.
    login(&client, base, "kpk.reader").await;
    client.goto(&format!("{base}/dashboard")).await.unwrap();
    find(&client, "#dashboard-no-plan").await;
    assert_none(&client, "[data-testid='error']", "not a failure").await;
    assert_none(&client, "#progress-heading", "no measures to report on").await;
    click(&client, "#dashboard-no-plan a[href='/region']").await;
    wait_path(&client, "/region").await;
    wait_text(&client, "#region-province-prompt", "Изберете област.").await;
    assert_none(&client, "[data-testid='error']", "nothing went wrong").await;
    find(&client, "#region-province")
        .await
        .select_by_value("BGS")
        .await
        .unwrap();
    wait_path(&client, "/region?province=BGS").await;
    find(&client, "#region-matrix td[data-tenant='burgas']").await;
    wait_text(&client, "#region-heading", "област Бургас").await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_national_administrator_registers_a_province_a_national_body_and_municipalities() {
    let (server, _driver, client, _dirs) = country().await;
    let base = server.base_url.as_str();
    login(&client, base, "kpk.admin").await;
    client.goto(&format!("{base}/tenants")).await.unwrap();

    // Blagoevgrad and Burgas have their regional administrations; Varna not yet.
    let varna = "#unregistered-provinces li[data-code='VAR']";
    find(&client, varna).await;
    assert_none(
        &client,
        "#unregistered-provinces li[data-code='BGS']",
        "Burgas is registered",
    )
    .await;
    click(&client, &format!("{varna} button")).await;
    wait_text(
        &client,
        "#province-result[data-state='ok']",
        "Областна администрация Варна",
    )
    .await;
    wait_absent(&client, varna).await;
    find(
        &client,
        "#tenants-table tr.tenant-row[data-tenant='oblast-var']",
    )
    .await;

    // A national body, through its form.
    type_into(&client, "#body-slug", "smetna-palata").await;
    type_into(&client, "#body-name-bg", "Сметна палата").await;
    type_into(&client, "#body-name-en", "National Audit Office").await;
    type_into(&client, "#body-code", "121000012").await;
    click(&client, "#body-submit").await;
    wait_text(
        &client,
        "#body-result[data-state='ok']",
        "Централният орган",
    )
    .await;
    let row = "#tenants-table tr.tenant-row[data-tenant='smetna-palata']";
    wait_text(&client, row, "Сметна палата").await;

    // Narrowed to Varna: its municipalities, registered one by one.
    client
        .goto(&format!("{base}/tenants?province=VAR"))
        .await
        .unwrap();
    let first = "#unregistered-municipalities li[data-code='VAR01']";
    click(&client, &format!("{first} button")).await;
    wait_text(
        &client,
        "#municipality-result[data-state='ok']",
        "е регистрирана",
    )
    .await;
    wait_absent(&client, first).await;
    find(&client, "#unit-form").await;
    assert_none(&client, "[data-testid='error']", "no error").await;
    client.close().await.unwrap();
}
