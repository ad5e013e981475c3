//! The annual report in the browser: from the region's heat map to an institution's notes,
//! the Word document, the print layout, and what a visitor reads of the same report.

use antikor_e2e::browser::{
    assert_none, click, eventually, fetch_text, find, login, logout, report_in_dashboard, start,
    wait_for_count, wait_path, wait_text,
};

const NOTE: &str = "Обобщен доклад за сигналите, публикуван на 15.12.2017";

#[tokio::test]
async fn the_secretary_opens_an_institutions_notes_from_the_heat_map_and_takes_the_report_to_word()
{
    let (server, _driver, client, _dirs) = start().await;
    let base = server.base_url.as_str();
    // Before the app loads, the page itself shows the header and a loading line; the app
    // takes their place.
    client.goto(base).await.unwrap();
    let (status, page) = fetch_text(&client, "/report/2017").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("id=\"boot-shell\"") && page.contains("Зареждане…"),
        "{page}"
    );
    find(&client, ".site-nav").await;
    assert_none(&client, "#boot-shell", "the app replaced the loading page").await;
    login(&client, base, "petrich.officer").await;
    report_in_dashboard(&client, base, "I.1", "completed", NOTE).await;
    logout(&client).await;

    // The regional secretary clicks Petrich's cell of measure I.1 in the heat map...
    login(&client, base, "oblast.sekretar").await;
    client.goto(&format!("{base}/region")).await.unwrap();
    wait_for_count(&client, "#region-matrix td.level-cell", 15 * 18).await;
    click(
        &client,
        "#region-matrix td[data-tenant='petrich'][data-key='I.1'] a",
    )
    .await;
    // ...and reads Petrich's report at that measure, with the note.
    wait_path(&client, "/report/2017?province=BLG&tenant=petrich").await;
    let measure = "section.report-measure[data-key='I.1']";
    wait_text(&client, measure, NOTE).await;
    wait_text(&client, "#report-title", "Община Петрич").await;
    let rows = wait_for_count(&client, &format!("{measure} tr[data-tenant]"), 1).await;
    assert_eq!(rows.len(), 1, "one institution's report");
    let chosen = find(&client, "#report-institution").await;
    assert_eq!(
        chosen.prop("value").await.unwrap().as_deref(),
        Some("petrich")
    );

    // The whole province's report, chosen in the same page, lists every institution.
    find(&client, "#report-institution")
        .await
        .select_by_value("")
        .await
        .unwrap();
    wait_path(&client, "/report/2017?province=BLG").await;
    wait_for_count(&client, &format!("{measure} tr[data-tenant]"), 15).await;
    wait_text(&client, "#not-reported", "Община Банско").await;

    // The Word document comes from the same address the button holds.
    let docx = find(&client, "#report-docx").await;
    let href = docx.attr("href").await.unwrap().unwrap();
    assert_eq!(href, "/api/report/2017/docx?province=BLG");
    let (status, body) = fetch_text(&client, &href).await;
    assert_eq!(status, 200);
    assert!(body.starts_with("PK"), "a DOCX is a ZIP file");

    // On paper: A4 portrait pages of its own, numbered.
    let page_rule = client
        .execute(
            "return [...document.styleSheets].flatMap(s => [...s.cssRules])\
             .filter(r => r instanceof CSSPageRule && r.selectorText === 'report')\
             .map(r => r.style.size)[0] || null;",
            vec![],
        )
        .await
        .unwrap();
    // (`A4 portrait`, as the browser serializes it.)
    assert_eq!(page_rule.as_str(), Some("a4"));
    logout(&client).await;

    // A visitor reads the same report with the levels and without the notes.
    client
        .goto(&format!("{base}/report/2017?tenant=petrich"))
        .await
        .unwrap();
    find(
        &client,
        &format!("{measure} tr[data-tenant='petrich'][data-level='completed']"),
    )
    .await;
    assert_none(&client, ".report-note", "a visitor reads no notes").await;
    eventually(
        &client,
        "the note stays out of a visitor's page",
        || async {
            let text = client.source().await.ok()?;
            (!text.contains(NOTE)).then_some(())
        },
    )
    .await;
}
