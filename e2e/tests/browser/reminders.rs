//! The bell in the header and `/reminders`: what waits counts on every page, each reminder
//! leads where it is dealt with, a step done leaves the count, and the choice of e-mail.

use antikor_e2e::api_login;
use antikor_e2e::browser::{
    DEMO_PASSWORD, click, eventually, find, login, start, type_into, wait_path, wait_text,
};
use fantoccini::Client;
use serde_json::json;

/// The bell's count and what it says to a screen reader, once they are `expected`.
async fn bell_says(client: &Client, total: &str, label: &str) {
    eventually(client, &format!("the bell says {label}"), || async {
        let bell = client
            .find(fantoccini::Locator::Css("#reminder-bell"))
            .await
            .ok()?;
        let shown = (
            bell.attr("data-total").await.ok()??,
            bell.attr("aria-label").await.ok()??,
        );
        (shown == (total.to_owned(), label.to_owned())).then_some(())
    })
    .await;
}

#[tokio::test]
async fn the_bell_counts_what_waits_and_leads_where_it_is_done() {
    let (server, _driver, client, _dirs) = start().await;
    let base = server.base_url.as_str();
    // A signal taken by phone six days ago: one day is left to acknowledge it.
    let received = client
        .execute(
            "return new Intl.DateTimeFormat('en-CA', {timeZone: 'Europe/Sofia'})\
             .format(new Date(Date.now() - 6 * 86400000));",
            vec![],
        )
        .await
        .unwrap();
    let http = reqwest::Client::new();
    let session = api_login(&http, base, "petrich.officer", DEMO_PASSWORD).await;
    let send = |path: String, body: serde_json::Value| {
        http.post(format!("{base}{path}"))
            .header("cookie", &session.cookie)
            .header("x-csrf-token", &session.csrf_token)
            .json(&body)
            .send()
    };
    let filed = send(
        "/api/signals".into(),
        json!({"channel": "phone", "received": received, "confirmed_by_reporter": true,
            "reporter": null,
            "account": {"what": "Искане на подкуп.", "place": "Петрич", "when": ""},
            "concerned": null, "unit": null, "activity": null, "category": "bribery"}),
    )
    .await
    .unwrap();
    assert_eq!(filed.status(), 201);
    let filed: serde_json::Value = filed.json().await.unwrap();
    let id = filed["id"].as_str().unwrap().to_owned();

    login(&client, base, "petrich.officer").await;
    bell_says(&client, "1", "1 напомняне").await;
    click(&client, "#reminder-bell").await;
    wait_path(&client, "/reminders").await;
    let item = find(&client, "#reminders li[data-kind='acknowledge']").await;
    assert_eq!(
        item.attr("data-overdue").await.unwrap().as_deref(),
        Some("false")
    );
    let link = find(&client, "#reminders li[data-kind='acknowledge'] a").await;
    assert_eq!(
        link.attr("href").await.unwrap(),
        Some(format!("/signals/{id}"))
    );
    link.click().await.unwrap();
    wait_path(&client, &format!("/signals/{id}")).await;

    // Acknowledged, nothing waits: the next page's bell says so.
    let acknowledged = send(
        format!("/api/signals/{id}/acknowledge"),
        json!({"expected_version": 1, "on": received, "uin": null, "message": null}),
    )
    .await
    .unwrap();
    assert_eq!(acknowledged.status(), 200);
    click(&client, "#reminder-bell").await;
    wait_path(&client, "/reminders").await;
    bell_says(&client, "0", "Няма напомняния").await;
    find(&client, "#reminders-none").await;

    // E-mail: an address is needed; chosen, the choice stays (this server has no relay, and
    // says so).
    find(&client, "#mail-not-configured").await;
    click(&client, "#delivery-digest").await;
    click(&client, "#notifications-submit").await;
    wait_text(&client, "#notifications-result", "Въведете адрес").await;
    type_into(&client, "#notifications-email", "petrich@example.bg").await;
    click(&client, "#notifications-submit").await;
    wait_text(&client, "#notifications-result", "Изборът е записан").await;
    client.refresh().await.unwrap();
    eventually(&client, "the choice is read back", || async {
        let email = client
            .find(fantoccini::Locator::Css("#notifications-email"))
            .await
            .ok()?
            .prop("value")
            .await
            .ok()??;
        let digest = client
            .find(fantoccini::Locator::Css("#delivery-digest"))
            .await
            .ok()?
            .prop("checked")
            .await
            .ok()??;
        (email == "petrich@example.bg" && digest == "true").then_some(())
    })
    .await;
}
