//! The audit trail in the browser: the log as an auditor reads it.

use antikor_e2e::browser::{
    DEMO_PASSWORD, attrs, eventually, fetch_json, fetch_text, find, login, logout, nav,
    report_in_dashboard, start, submit_login, text_of, wait_for_count, wait_path, wait_text,
};
use fantoccini::Locator;

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
    let hash = event["event"]["hash"].as_str().unwrap().to_owned();
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
    nav(&client, "nav-accounts").await;
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
async fn an_auditor_finds_who_changed_a_measure_and_sees_exactly_that_change() {
    let (server, _driver, client, _dirs) = start().await;
    let base = server.base_url.as_str();
    // Petrich's officer reports measure I.1 twice.
    login(&client, base, "petrich.officer").await;
    report_in_dashboard(&client, base, "I.1", "substantial", "Първи отчет").await;
    report_in_dashboard(&client, base, "I.1", "completed", "Втори отчет").await;
    logout(&client).await;

    // The auditor narrows the trail to Petrich and to the measure's report, chosen by name.
    login(&client, base, "odit").await;
    client
        .goto(&format!("{base}/audit?tenant=petrich"))
        .await
        .unwrap();
    let record = eventually(&client, "the records to choose from are listed", || async {
        let names = text_of(&client, "#filter-stream").await;
        names.contains("Отчет по мярка I.1 (2017)").then_some(names)
    })
    .await;
    assert!(
        !record.contains("progress-2017"),
        "records go by their names: {record}"
    );
    find(&client, "#filter-stream")
        .await
        .select_by_value("progress-2017-I.1")
        .await
        .unwrap();
    wait_path(&client, "/audit?tenant=petrich&stream=progress-2017-I.1").await;
    wait_for_count(&client, "#audit-table tr.event-row", 2).await;
    // Who: by name and role, the login kept for a pointer's hover.
    let newest = wait_text(
        &client,
        "#audit-table tr.event-row",
        "Петя Ангелова (Служител)",
    )
    .await;
    assert!(
        newest.contains("Община Петрич отчете мярка I.1 (2017): съществен напредък → изпълнена"),
        "who changed it and how: {newest}"
    );
    assert!(!newest.contains("petrich.officer"), "{newest}");
    assert_eq!(
        attrs(
            &client,
            "#audit-table tr.event-row td[title='petrich.officer']",
            "title"
        )
        .await
        .len(),
        2
    );

    // Its event says what the measure looked like before and after, and lists its versions.
    // Found again here: the table may have been drawn anew since its rows were counted, and
    // an element of the old table is stale.
    client
        .find(Locator::Css("#audit-table tr.event-row td a"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let changes = wait_text(&client, "#event-changes", "Изпълнена").await;
    assert!(
        changes.contains("Степен на изпълнение") && changes.contains("Съществен напредък"),
        "{changes}"
    );
    assert!(
        changes.contains("Първи отчет") && changes.contains("Втори отчет"),
        "{changes}"
    );
    wait_for_count(&client, "#record-history li", 2).await;

    // The moments just before and just after it compare to exactly that change.
    client
        .find(Locator::LinkText(
            "Състоянието точно преди и точно след събитието",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let rows = wait_for_count(&client, "#diff-table tr.diff-row", 2).await;
    for row in &rows {
        assert_eq!(
            row.attr("data-stream").await.unwrap().as_deref(),
            Some("progress-2017-I.1")
        );
    }
    let table = text_of(&client, "#diff-table").await;
    assert!(
        table.contains("Отчет по мярка I.1 (2017)")
            && table.contains("Съществен напредък")
            && table.contains("Изпълнена")
            && table.contains("Петя Ангелова (Служител)"),
        "{table}"
    );
    // And the comparison downloads as CSV.
    find(&client, "#diff-table-csv").await;
    client.close().await.unwrap();
}
