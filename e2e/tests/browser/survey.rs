//! The anonymous staff survey in the browser: the region publishes the questionnaire, an
//! institution opens its survey and hands out codes, staff answer with them without login, and
//! the institution and the region read the results.

use antikor_e2e::browser::{
    assert_accessible, assert_none, attrs, browser, click, find, login, logout, sofia_today, start,
    text_of, type_into, wait_for_count, wait_path, wait_text,
};
use fantoccini::Client;

/// Chooses `value` in the select matching `css`.
async fn choose(client: &Client, css: &str, value: &str) {
    find(client, css)
        .await
        .select_by_value(value)
        .await
        .unwrap();
}

/// The free text the first respondent writes.
const FREE_TEXT: &str = "Издаването на разрешения за строеж без ясни срокове";

/// Opens the survey with `code` on `/anketa` (the institution and year already chosen by the
/// address, as the printed slips give it) and waits for what it answers.
async fn open_with(client: &Client, base: &str, year: &str, code: &str) {
    client
        .goto(&format!("{base}/anketa?tenant=bansko&year={year}"))
        .await
        .unwrap();
    find(client, "#survey-tenant option[value='bansko']").await;
    type_into(client, "#survey-code", code).await;
    click(client, "#survey-access-submit").await;
}

#[tokio::test]
async fn the_region_publishes_staff_answer_with_codes_and_results_show_above_the_threshold() {
    let (server, driver, client, _dirs) = start().await;
    let base = server.base_url.as_str();
    let today = sofia_today(&client).await;
    let year = &today[..4];

    // The regional secretariat publishes the default questionnaire of this year as it is.
    login(&client, base, "oblast.sekretar").await;
    click(&client, "#nav-survey a").await;
    wait_path(&client, "/survey").await;
    click(&client, "#survey-questionnaire-link").await;
    wait_path(&client, &format!("/survey/questionnaire?year={year}")).await;
    find(&client, "#questionnaire-version[data-version='0']").await;
    assert_eq!(
        attrs(&client, ".questionnaire-question", "data-key").await,
        ["q1", "q2", "q3", "q4", "q5", "q6"]
    );
    wait_text(&client, "#questionnaire-submit", "Публикувай версия 1").await;
    click(&client, "#questionnaire-submit").await;
    find(&client, "#questionnaire-version[data-version='1']").await;
    wait_text(&client, "#questionnaire-saved", "версия 1").await;
    logout(&client).await;

    // Bansko's officer opens the survey and hands out five codes, shown once.
    login(&client, base, "bansko.officer").await;
    click(&client, "#nav-survey a").await;
    wait_path(&client, "/survey").await;
    find(&client, "#survey-status[data-opened='false']").await;
    wait_text(&client, "#survey-questionnaire", "версия 1").await;
    click(&client, "#survey-open-submit").await;
    find(&client, "#survey-status[data-opened='true']").await;
    wait_text(&client, "#survey-opened", "отворена до").await;
    type_into(&client, "#survey-code-count", "5").await;
    click(&client, "#survey-issue-submit").await;
    let slips = wait_for_count(&client, "#survey-code-list .survey-code", 5).await;
    let mut codes = Vec::new();
    for slip in slips {
        codes.push(slip.text().await.unwrap());
    }
    assert_eq!(codes.len(), 5);
    assert!(
        codes
            .iter()
            .all(|c| c.len() == 19 && c.matches('-').count() == 3),
        "{codes:?}"
    );
    find(
        &client,
        "#survey-status[data-issued='5'][data-answered='0']",
    )
    .await;
    wait_text(&client, "#survey-codes", "само сега").await;
    wait_text(&client, "#survey-code-list", "/anketa?tenant=bansko").await;
    find(&client, "#survey-codes-print").await;
    wait_text(
        &client,
        "#survey-results-insufficient",
        "Недостатъчно отговори: 0",
    )
    .await;

    // Staff answer in a browser of their own, with no login.
    let profile = tempfile::tempdir().unwrap();
    let staff = browser(&driver, profile.path()).await;
    staff.goto(base).await.unwrap();
    click(&staff, "#home-survey-link").await;
    wait_path(&staff, "/anketa").await;
    // A code that is none is refused, in Bulgarian.
    choose(&staff, "#survey-tenant", "bansko").await;
    choose(&staff, "#survey-year", year).await;
    type_into(&staff, "#survey-code", "AAAA-BBBB-CCCC-DDDD").await;
    click(&staff, "#survey-access-submit").await;
    wait_text(&staff, "#survey-access-error", "не е валиден").await;
    for (i, code) in codes.iter().enumerate() {
        open_with(&staff, base, year, code).await;
        find(&staff, "#survey-answers-form").await;
        wait_text(&staff, "#survey-form-heading", "Анонимна анкета").await;
        if i == 0 {
            assert_accessible(&staff, "the survey's questions").await;
            type_into(&staff, "#answer-q6", FREE_TEXT).await;
        }
        // Three say yes to the first question, two no; everyone rates the fifth 5.
        let yes_no = if i < 3 { 0 } else { 1 };
        click(&staff, &format!("#answer-q1-{yes_no}")).await;
        click(&staff, "#answer-q5-4").await;
        click(&staff, "#survey-answers-submit").await;
        wait_text(&staff, "#survey-thanks", "Благодарим").await;
    }
    // A code answers once.
    open_with(&staff, base, year, &codes[0]).await;
    wait_text(&staff, "#survey-access-error", "вече е отговорено").await;
    staff.close().await.unwrap();

    // The officer reads the results: the counts per answer and the free text.
    client.refresh().await.unwrap();
    find(&client, "#survey-status[data-answered='5']").await;
    assert_none(&client, "#survey-codes", "the codes are not shown again").await;
    find(&client, "#survey-results-respondents[data-respondents='5']").await;
    for (question, option, count) in [("q1", 0, 3), ("q1", 1, 2), ("q1", 2, 0), ("q5", 4, 5)] {
        find(
            &client,
            &format!(
                "#survey-results tr.survey-count[data-question='{question}'][data-option='{option}'][data-count='{count}']"
            ),
        )
        .await;
    }
    wait_text(&client, "#survey-results", "60 %").await;
    wait_text(&client, "#survey-results-texts", FREE_TEXT).await;
    logout(&client).await;

    // The region sees Bansko's survey shown and the counts combined, never the free text.
    login(&client, base, "oblast.sekretar").await;
    click(&client, "#nav-survey a").await;
    click(&client, "#survey-region-link").await;
    wait_path(&client, &format!("/region/survey?year={year}")).await;
    let bansko = "#region-survey-tenants tr.region-survey-row[data-tenant='bansko']";
    find(
        &client,
        &format!("{bansko}[data-opened='true'][data-shown='true'][data-respondents='5']"),
    )
    .await;
    wait_text(
        &client,
        "#region-survey-tenants tr[data-tenant='petrich']",
        "не",
    )
    .await;
    find(
        &client,
        "#region-survey-results-respondents[data-respondents='5']",
    )
    .await;
    find(
        &client,
        "#region-survey-results tr.survey-count[data-question='q1'][data-option='0'][data-count='3']",
    )
    .await;
    let combined = text_of(&client, "#region-survey-results-texts").await;
    assert!(!combined.contains(FREE_TEXT), "{combined}");
    client.close().await.unwrap();
}
