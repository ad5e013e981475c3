//! Activities in the browser: recorded, corrected and published.

use antikor_e2e::api_login;
use antikor_e2e::browser::{
    DEMO_PASSWORD, attrs, click, fetch_json, fetch_text, find, login, logout, set_value, start,
    type_into, wait_absent, wait_for_count, wait_path, wait_text,
};
use fantoccini::Locator;

#[tokio::test]
async fn activities_are_recorded_corrected_and_published() {
    let (server, _driver, client, _dirs) = start().await;
    let base = server.base_url.as_str();

    // An officer records a training for measure III.2.
    login(&client, base, "bansko.officer").await;
    click(&client, "#nav-activities a").await;
    wait_path(&client, "/activities").await;
    click(&client, "#activity-record summary").await;
    let kinds = attrs(&client, "#activity-kind option", "value").await;
    assert!(
        !kinds.contains(&"contested_act".to_owned()),
        "contested acts are the regional administration's: {kinds:?}"
    );
    find(&client, "#activity-kind")
        .await
        .select_by_value("training")
        .await
        .unwrap();
    find(&client, "#activity-form[data-kind='training']").await;
    // Typed the way people write a day, whatever the browser's language.
    type_into(&client, "#activity-date", "10.05.2017").await;
    type_into(&client, "#activity-topic", "Конфликт на интереси").await;
    type_into(&client, "#activity-participants", "25").await;
    click(&client, "#activity-measure-III-2").await;
    click(&client, "#activity-submit").await;
    let row = "#activities-table tr.activity-row[data-kind='training']";
    wait_text(&client, row, "Конфликт на интереси (25 участници)").await;
    wait_text(&client, row, "III.2").await;
    find(&client, "#activities-notice").await;

    // A correction is a new record with a reason; the row says it was corrected.
    click(&client, &format!("{row} .activity-correct")).await;
    find(&client, "#correction-form").await;
    type_into(&client, "#correction-participants", "27").await;
    click(&client, "#correction-submit").await;
    wait_text(&client, "#correction-error", "причината").await;
    type_into(
        &client,
        "#correction-reason",
        "Двама души се подписаха късно",
    )
    .await;
    click(&client, "#correction-submit").await;
    wait_text(&client, row, "(27 участници)").await;
    wait_text(&client, row, "Поправки и развитие: 1").await;

    // The record's history: the trail narrowed to it, its recording and its correction.
    let id = find(&client, row)
        .await
        .attr("data-id")
        .await
        .unwrap()
        .unwrap();
    let trail = format!("/audit?tenant=bansko&stream=activity-{id}");
    let history = find(&client, &format!("{row} .activity-history")).await;
    assert_eq!(history.attr("href").await.unwrap(), Some(trail));
    let (status, page) = fetch_json(
        &client,
        &format!("/api/audit/events?tenant=bansko&stream=activity-{id}"),
    )
    .await;
    assert_eq!(status, 200, "{page}");
    let sentences: Vec<&str> = page["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["summary"].as_str())
        .collect();
    assert_eq!(sentences.len(), 2, "{sentences:?}");
    assert!(
        sentences[0].contains("Двама души се подписаха късно"),
        "{sentences:?}"
    );

    // The kind filter follows the address.
    find(&client, "#activities-kind-filter")
        .await
        .select_by_value("meeting")
        .await
        .unwrap();
    wait_path(&client, "/activities?kind=meeting").await;
    wait_text(&client, "#activities-table", "Няма записани дейности").await;

    // A public meeting is recorded, and published for visitors (the form is still open).
    find(&client, "#activity-kind")
        .await
        .select_by_value("meeting")
        .await
        .unwrap();
    type_into(&client, "#activity-date", "12.6.2017").await;
    find(&client, "#activity-meeting-kind")
        .await
        .select_by_value("open_doors")
        .await
        .unwrap();
    type_into(&client, "#activity-title", "Отворени врати в Банско").await;
    type_into(&client, "#activity-participants", "40").await;
    type_into(&client, "#activity-agenda", "Как се подава сигнал").await;
    type_into(&client, "#activity-decisions", "Брошурата да се раздаде").await;
    click(&client, "#activity-public").await;
    click(&client, "#activity-measure-II-2").await;
    click(&client, "#activity-submit").await;
    find(
        &client,
        "#activities-table tr.activity-row[data-kind='meeting']",
    )
    .await;
    logout(&client).await;

    // The regional administration records a contested act of Bansko's council.
    login(&client, base, "oblast.sekretar").await;
    client.goto(&format!("{base}/activities")).await.unwrap();
    // It sees every institution's activities.
    find(
        &client,
        "#activities-table tr.activity-row[data-tenant='bansko']",
    )
    .await;
    click(&client, "#activity-record summary").await;
    find(&client, "#activity-kind")
        .await
        .select_by_value("contested_act")
        .await
        .unwrap();
    type_into(&client, "#activity-act-number", "145").await;
    type_into(&client, "#activity-act-date", "01.03.2017 г.").await;
    set_value(&client, "#activity-received-on", "2017-03-03").await;
    set_value(&client, "#activity-action-on", "2017-03-09").await;
    find(&client, "#activity-municipality")
        .await
        .select_by_value("bansko")
        .await
        .unwrap();
    type_into(&client, "#activity-grounds", "Противоречи на закона").await;
    click(&client, "#activity-measure-I-3").await;
    click(&client, "#activity-submit").await;
    let act = "#activities-table tr.activity-row[data-kind='contested_act']";
    wait_text(&client, act, "№ 145").await;
    // The council's new vote follows.
    click(&client, &format!("{act} .activity-follow-up")).await;
    type_into(&client, "#follow-up-revote", "Решението е отменено").await;
    click(&client, "#follow-up-submit").await;
    wait_text(&client, act, "Поправки и развитие: 1").await;

    // The council's secretariat publishes its contacts.
    client.goto(&format!("{base}/council")).await.unwrap();
    click(&client, "#contacts-edit-link").await;
    wait_path(&client, "/contacts/edit").await;
    type_into(&client, "#contacts-form .contact-name", "Елена Димитрова").await;
    type_into(
        &client,
        "#contacts-form .contact-position",
        "Секретар на ООСППК",
    )
    .await;
    type_into(&client, "#contacts-form .contact-phone", "073 881 234").await;
    type_into(
        &client,
        "#contacts-form .contact-email",
        "oosppk@example.bg",
    )
    .await;
    click(&client, "#contacts-save").await;
    find(&client, "#contacts-result[data-state='ok']").await;
    logout(&client).await;

    // Visitors read the meeting, the register and the contacts.
    client.goto(&format!("{base}/meetings")).await.unwrap();
    wait_text(
        &client,
        "#meetings-table tr.meeting-row[data-tenant='bansko']",
        "Отворени врати в Банско",
    )
    .await;
    client
        .goto(&format!("{base}/contested-acts"))
        .await
        .unwrap();
    let register = "#contested-acts-table tr.act-row[data-municipality='bansko']";
    wait_text(&client, register, "№ 145").await;
    wait_text(&client, register, "6 дни след получаването").await;
    wait_text(&client, register, "Решението е отменено").await;
    client.goto(&format!("{base}/council")).await.unwrap();
    wait_text(&client, "#council-table", "Елена Димитрова").await;
    client
        .goto(&format!("{base}/report-corruption"))
        .await
        .unwrap();
    wait_text(&client, "#report-contacts", "oosppk@example.bg").await;
    client.close().await.unwrap();
}

/// Records `n` trainings of Bansko through the API, as the form would.
async fn record_trainings(base: &str, n: usize) {
    let http = reqwest::Client::new();
    let session = api_login(&http, base, "bansko.officer", DEMO_PASSWORD).await;
    for i in 0..n {
        let recorded = http
            .post(format!("{base}/api/activities"))
            .header("cookie", &session.cookie)
            .header("x-csrf-token", &session.csrf_token)
            .json(&serde_json::json!({"kind": "training",
                "date": format!("2017-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
                "topic": format!("Обучение № {i}"), "participants": 10,
                "measures": ["III.2"]}))
            .send()
            .await
            .unwrap();
        assert_eq!(recorded.status(), 201, "{:?}", recorded.text().await);
    }
}

#[tokio::test]
async fn a_long_list_is_shown_a_page_at_a_time_and_downloaded_whole_from_the_server() {
    let (server, _driver, client, _dirs) = start().await;
    let base = server.base_url.as_str();
    record_trainings(base, 60).await;
    login(&client, base, "bansko.officer").await;
    client
        .goto(&format!("{base}/activities?kind=training"))
        .await
        .unwrap();
    wait_for_count(&client, "#activities-table tr.activity-row", 50).await;
    let shown = wait_text(&client, "#activities-shown", "Показани 50 от").await;
    let total: usize = shown
        .rsplit(' ')
        .next()
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("a total in {shown:?}"));
    assert!(total >= 60, "{shown}");
    assert_eq!(
        client
            .find_all(Locator::Css("#activities-table tr.activity-row"))
            .await
            .unwrap()
            .len(),
        50
    );
    // The next page is appended below; the last one has no button.
    click(&client, "#activities-more").await;
    wait_for_count(&client, "#activities-table tr.activity-row", total).await;
    wait_text(
        &client,
        "#activities-shown",
        &format!("Показани {total} от {total}"),
    )
    .await;
    wait_absent(&client, "#activities-more").await;

    // The file comes from the server with the filters shown, and holds every row, not the
    // page's fifty.
    let href = attrs(&client, "#activities-table-csv", "href").await;
    assert!(href[0].contains("/api/activities/export.csv"), "{href:?}");
    assert!(href[0].contains("kind=training"), "{href:?}");
    let (status, text) = fetch_text(&client, &href[0]).await;
    assert_eq!(status, 200);
    assert_eq!(
        text.lines().count(),
        1 + total,
        "a header and one line per training"
    );
    assert!(text.contains("Обучение № 59"));
}
