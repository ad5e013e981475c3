//! Evidence files in the browser: a meeting's protocol uploaded through the Bulgarian file
//! picker, attached to the meeting, and downloaded again; a progress report's file carried
//! on when the measure is reported anew.

use antikor_e2e::api_login;
use antikor_e2e::browser::{
    DEMO_PASSWORD, attrs, click, fetch_text, find, login, start, text_of, type_into, wait_text,
};

/// Records a public meeting of Bansko through the API, as the form would; returns its id.
async fn record_meeting(base: &str) -> String {
    let http = reqwest::Client::new();
    let session = api_login(&http, base, "bansko.officer", DEMO_PASSWORD).await;
    let recorded = http
        .post(format!("{base}/api/activities"))
        .header("cookie", &session.cookie)
        .header("x-csrf-token", &session.csrf_token)
        .json(&serde_json::json!({"kind": "meeting", "date": "2017-03-01",
            "meeting_kind": "open_doors", "title": "Отворени врати", "participants": 7,
            "organisations": [], "agenda": "Прозрачност", "decisions": "Решение",
            "protocol": "Протокол", "public": true, "measures": ["II.2"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(recorded.status(), 201, "{:?}", recorded.text().await);
    let record: serde_json::Value = recorded.json().await.unwrap();
    record["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_meetings_protocol_is_uploaded_attached_and_downloaded() {
    let (server, _driver, client, _dirs) = start().await;
    let base = server.base_url.as_str();
    let id = record_meeting(base).await;
    let folder = tempfile::tempdir().unwrap();
    let pdf = folder.path().join("протокол.pdf");
    std::fs::write(
        &pdf,
        b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n",
    )
    .unwrap();

    login(&client, base, "bansko.officer").await;
    client
        .goto(&format!("{base}/activities?kind=meeting"))
        .await
        .unwrap();
    let row = format!("#activities-table tr.activity-row[data-id='{id}']");
    click(&client, &format!("{row} .activity-files-open")).await;
    let input = format!("#activity-file-{id}");
    // The picker's button is its label, in Bulgarian; the browser's own is hidden.
    assert_eq!(
        text_of(&client, &format!("label[for='activity-file-{id}']")).await,
        "Прикачете файл…"
    );
    find(&client, &input)
        .await
        .send_keys(pdf.to_str().unwrap())
        .await
        .unwrap();
    wait_text(&client, ".activity-file-saved", "протокол.pdf").await;
    wait_text(&client, &format!("{row} .activity-files"), "протокол.pdf").await;
    let href = attrs(&client, &format!("{row} .activity-files a"), "href").await;
    assert_eq!(href.len(), 1, "{href:?}");
    assert!(href[0].starts_with("/api/files/"), "{href:?}");
    let (status, body) = fetch_text(&client, &href[0]).await;
    assert_eq!(status, 200);
    assert!(body.starts_with("%PDF-1.4"), "{body}");

    // A progress report names the file among its evidence; reporting the measure again keeps
    // it unless it is removed.
    client
        .goto(&format!("{base}/dashboard?year=2017"))
        .await
        .unwrap();
    let row = "#progress-table tr.progress-row[data-key='II.2']";
    click(&client, &format!("{row} .report-open")).await;
    find(&client, &format!("{row} .report-level"))
        .await
        .select_by_value("substantial")
        .await
        .unwrap();
    type_into(
        &client,
        &format!("{row} .report-note"),
        "Проведени са отворени врати",
    )
    .await;
    find(&client, "#report-file-II-2")
        .await
        .send_keys(pdf.to_str().unwrap())
        .await
        .unwrap();
    wait_text(&client, &format!("{row} .report-file"), "протокол.pdf").await;
    click(&client, &format!("{row} .report-submit")).await;
    find(&client, &format!("{row}[data-level='substantial']")).await;
    wait_text(&client, &format!("{row} .evidence-file"), "протокол.pdf").await;
    click(&client, &format!("{row} .report-open")).await;
    wait_text(&client, &format!("{row} .report-file"), "протокол.pdf").await;
    find(&client, &format!("{row} .report-level"))
        .await
        .select_by_value("completed")
        .await
        .unwrap();
    click(&client, &format!("{row} .report-submit")).await;
    find(&client, &format!("{row}[data-level='completed']")).await;
    wait_text(&client, &format!("{row} .evidence-file"), "протокол.pdf").await;
    client.close().await.unwrap();
}
