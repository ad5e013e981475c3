//! Signals in the browser: filed anonymously, acknowledged, answered through the receipt code.

use antikor_e2e::api_login;
use antikor_e2e::browser::{
    DEMO_PASSWORD, click, find, login, logout, sofia_today, start, type_into, wait_absent,
    wait_path, wait_text,
};

/// Enters a risk in Bansko's register of `year` as its officer, through the API as the UI
/// does, and returns its id.
async fn enter_risk(base: &str, year: &str) -> String {
    let http = reqwest::Client::new();
    let session = api_login(&http, base, "bansko.officer", DEMO_PASSWORD).await;
    let entered = http
        .post(format!("{base}/api/risks"))
        .header("cookie", session.cookie)
        .header("x-csrf-token", session.csrf_token)
        .json(
            &serde_json::json!({"year": year.parse::<i32>().unwrap(), "area": "permits",
            "unit": "Отдел „Устройство на територията“",
            "description": "Ускоряване на разрешително срещу облага",
            "causes": "Няма срок за всяка стъпка на преписката",
            "owner": "bansko.officer", "review_on": format!("{year}-12-31")}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(entered.status(), 201, "{:?}", entered.text().await);
    let risk: serde_json::Value = entered.json().await.unwrap();
    risk["id"].as_str().unwrap().to_owned()
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
    // The responsible officer is chosen from the institution's officers, by name.
    click(&client, "#step-assign summary").await;
    find(&client, "#assign-to option[value='bansko.officer']").await;
    find(&client, "#assign-to")
        .await
        .select_by_value("bansko.officer")
        .await
        .unwrap();
    click(&client, "#step-assign .step-submit").await;
    find(&client, "#step-assign .step-saved").await;

    // Classified, it is related to a risk of Bansko's register, which then counts it.
    let today = sofia_today(&client).await;
    let risk = enter_risk(base, &today[..4]).await;
    wait_absent(&client, "#step-risks").await;
    click(&client, "#step-classify summary").await;
    find(&client, "#classify-regime")
        .await
        .select_by_value("general")
        .await
        .unwrap();
    click(&client, "#step-classify .step-submit").await;
    find(&client, "#step-classify .step-saved").await;
    click(&client, "#step-risks summary").await;
    click(&client, &format!("#signal-risk-{risk}")).await;
    click(&client, "#step-risks .step-submit").await;
    find(&client, "#step-risks .step-saved").await;
    let linked = format!("#signal-risks li[data-id='{risk}']");
    wait_text(&client, &linked, "Ускоряване на разрешително").await;
    click(&client, &format!("{linked} a")).await;
    wait_path(&client, &format!("/risks/{risk}")).await;
    wait_text(&client, "#risk-signals", "1").await;
    logout(&client).await;

    // The citizen reads the message with the number and the code, and answers.
    client
        .goto(&format!("{base}/signal/track?reference={reference}"))
        .await
        .unwrap();
    type_into(&client, "#track-code", &code).await;
    click(&client, "#track-submit").await;
    // Assigned, the case is under examination.
    wait_text(&client, "#track-status", "В проверка").await;
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
