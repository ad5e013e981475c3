//! Progress in the browser: reports, conflicts, the regional view as of a day, and its CSV.

use antikor_e2e::browser::{
    attrs, click, downloads, eventually, find, login, logout, report_completed,
    report_in_dashboard, set_value, sofia_today, start, type_into, wait_for_count, wait_path,
    wait_text,
};
use fantoccini::Locator;

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
