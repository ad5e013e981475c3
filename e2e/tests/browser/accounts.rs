//! Logging in, roles and the accounts pages in the browser.

use antikor_e2e::browser::{
    DEMO_PASSWORD, attrs, fetch_json, find, login, logout, nav, start, submit_login, type_into,
    wait_absent, wait_for_count, wait_path, wait_text,
};
use fantoccini::Locator;

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
        events.iter().all(|e| e["event"]["tenant"] == "blagoevgrad"),
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
    nav(&client, "nav-accounts").await;
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
    nav(&client, "nav-audit").await;
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
