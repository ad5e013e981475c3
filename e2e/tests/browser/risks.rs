//! The corruption-risk register in the browser: an officer enters a risk, assesses it and plans
//! its treatment; the register, its heat maps and its file show it, and the regional view
//! shows the institution's figures beside the others'.

use antikor_e2e::browser::{
    assert_none, attrs, click, eventually, fetch_text, find, login, logout, start, text_of,
    type_into, wait_path, wait_text,
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

/// Chooses a rating in the two selects whose ids start with `prefix`.
async fn rate(client: &Client, prefix: &str, likelihood: &str, impact: &str) {
    choose(client, &format!("#{prefix}-likelihood"), likelihood).await;
    choose(client, &format!("#{prefix}-impact"), impact).await;
}

/// The value of attribute `name` of the one element matching `css`.
async fn attr(client: &Client, css: &str, name: &str) -> String {
    attrs(client, css, name)
        .await
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("{css} is on the page"))
}

#[tokio::test]
async fn a_risk_is_entered_assessed_and_treated_and_the_region_sees_it() {
    let (server, _driver, client, _dirs) = start().await;
    let base = server.base_url.as_str();

    // Bansko's officer opens the register and enters a risk in the 2017 register.
    login(&client, base, "bansko.officer").await;
    click(&client, "#nav-risks a").await;
    wait_path(&client, "/risks").await;
    find(&client, "#risks-stats").await;
    click(&client, "#new-risk summary").await;
    choose(&client, "#new-risk-year", "2017").await;
    choose(&client, "#new-risk-area", "procurement").await;
    type_into(&client, "#new-risk-unit", "Отдел „Обществени поръчки“").await;
    type_into(
        &client,
        "#new-risk-description",
        "Насочване на поръчка към определен изпълнител",
    )
    .await;
    // The review date is checked in the browser before anything is sent.
    click(&client, "#new-risk-submit").await;
    wait_text(&client, "#new-risk-error", "Причини").await;
    type_into(
        &client,
        "#new-risk-causes",
        "Технически спецификации, написани за един доставчик",
    )
    .await;
    click(&client, "#new-risk-submit").await;
    wait_text(&client, "#new-risk-error", "срока за преглед").await;
    // The owner is one of the institution's people, the officer by default.
    assert_eq!(
        attrs(
            &client,
            "#new-risk-owner option[value]:not([value=''])",
            "value"
        )
        .await,
        ["bansko.officer"]
    );
    type_into(&client, "#new-risk-review-on", "15.12.2017").await;
    click(&client, "#new-risk-submit").await;

    // Its page: entered, not rated yet.
    find(&client, "#risk-heading[data-status='identified']").await;
    let id = attr(&client, "#risk-heading", "data-id").await;
    wait_path(&client, &format!("/risks/{id}")).await;
    wait_text(&client, "#risk-heading", "Р-2017-01").await;
    wait_text(&client, "#risk-review-on", "15.12.2017").await;
    wait_text(&client, "#risk-owner", "Иван Костадинов").await;
    find(&client, "#risk-reviews-none").await;
    assert_none(&client, "#risk-treat", "a response waits for a rating").await;
    assert_eq!(
        attr(&client, "#risk-trail", "href").await,
        format!("/audit?tenant=bansko&stream=risk-{id}")
    );

    // A residual rating above the inherent one is refused; then 4×5 before the controls and
    // 3×4 with them.
    rate(&client, "assess-inherent", "2", "2").await;
    rate(&client, "assess-residual", "3", "4").await;
    click(&client, "#assess-submit").await;
    wait_text(&client, "#assess-error", "по-висок от присъщия").await;
    rate(&client, "assess-inherent", "4", "5").await;
    wait_text(&client, "#assess-inherent-score", "4×5 = 20: висок").await;
    type_into(
        &client,
        "#assess-controls",
        "Двама служители преглеждат спецификациите",
    )
    .await;
    click(&client, "#assess-submit").await;
    find(
        &client,
        "#risk-heading[data-status='assessed'][data-version='2']",
    )
    .await;
    wait_text(&client, "#risk-inherent", "4×5 = 20 · Висок").await;
    wait_text(&client, "#risk-residual", "3×4 = 12 · Среден").await;

    // The response: limit it, with a measure of the 2017 plan.
    find(&client, "#risk-treat[open]").await;
    choose(&client, "#treat-response", "limit").await;
    type_into(
        &client,
        "#treat-actions",
        "Публикуване на проектите на спецификации за обществено обсъждане",
    )
    .await;
    click(&client, "#treat-measure-III-2").await;
    type_into(&client, "#treat-due-on", "31.12.2017").await;
    click(&client, "#treat-submit").await;
    find(
        &client,
        "#risk-heading[data-status='treated'][data-version='3']",
    )
    .await;
    wait_text(&client, "#risk-response", "Ограничаване").await;
    wait_text(&client, "#risk-measures", "III.2").await;
    wait_text(&client, "#risk-due-on", "31.12.2017").await;

    // The register of 2017: the row, the figures and the residual heat map's cell.
    click(&client, "#risk-register-link").await;
    wait_path(&client, "/risks?year=2017").await;
    let row = format!("#risks-table tr.risk-row[data-id='{id}']");
    find(
        &client,
        &format!("{row}[data-status='treated'][data-band='medium']"),
    )
    .await;
    wait_text(&client, &row, "Р-2017-01").await;
    wait_text(&client, &row, "Обществени поръчки").await;
    wait_text(&client, &row, "3×4 = 12 · Среден").await;
    wait_text(&client, &row, "Ограничаване").await;
    wait_text(&client, &row, "15.12.2017").await;
    find(
        &client,
        "#risks-residual-map td[data-likelihood='3'][data-impact='4'][data-count='1'][data-band='medium']",
    )
    .await;
    find(
        &client,
        "#risks-inherent-map td[data-likelihood='4'][data-impact='5'][data-count='1'][data-band='high']",
    )
    .await;
    assert_eq!(
        attrs(
            &client,
            "#risks-residual-map td[data-count='1']",
            "data-impact"
        )
        .await,
        ["4"],
        "one risk, in one cell"
    );
    assert_eq!(text_of(&client, "#risks-open").await, "1");
    assert_eq!(text_of(&client, "#risks-band-medium").await, "1");
    assert_eq!(text_of(&client, "#risks-band-high").await, "0");
    assert_eq!(text_of(&client, "#risks-unassessed").await, "0");
    assert_eq!(text_of(&client, "#risks-untreated").await, "0");
    // Its review day is long past.
    assert_eq!(text_of(&client, "#risks-overdue").await, "1");

    // The whole register as the server's file.
    let href = attr(&client, "#risks-table-csv", "href").await;
    assert_eq!(href, "/api/risks/export.csv?year=2017");
    let (status, text) = fetch_text(&client, &href).await;
    assert_eq!(status, 200);
    assert!(text.contains("Р-2017-01"), "{text}");
    assert!(text.contains("III.2"), "{text}");
    // The dashboard carries the register in figures, the overdue review first.
    client
        .goto(&format!("{base}/dashboard?year=2017"))
        .await
        .unwrap();
    find(&client, "#dashboard-risks[data-open='1'][data-overdue='1']").await;
    wait_text(&client, "#dashboard-risks", "Просрочен преглед: 1 риск.").await;
    logout(&client).await;

    // The regional administration reads Bansko's figures beside every institution's.
    login(&client, base, "oblast.sekretar").await;
    click(&client, "#nav-region a").await;
    wait_path(&client, "/region").await;
    click(&client, "#region-risks-link").await;
    eventually(&client, "the regional risks open", || async {
        let url = client.current_url().await.ok()?;
        (url.path() == "/region/risks" && url.query().is_some_and(|q| q.contains("year=2017")))
            .then_some(())
    })
    .await;
    let bansko = "#region-risks-tenants tr.region-risk-row[data-tenant='bansko']";
    find(&client, bansko).await;
    for (name, value) in [
        ("data-register", "true"),
        ("data-open", "1"),
        ("data-high", "0"),
        ("data-medium", "1"),
        ("data-low", "0"),
        ("data-unassessed", "0"),
        ("data-untreated", "0"),
        ("data-overdue", "1"),
    ] {
        assert_eq!(attr(&client, bansko, name).await, value, "{name}");
    }
    // The others keep no register for 2017 yet, and say so in words.
    wait_text(
        &client,
        "#region-risks-tenants tr[data-tenant='petrich']",
        "без регистър",
    )
    .await;
    assert_ne!(text_of(&client, "#region-risks-without").await, "0");
    let top = format!("#region-risks-top tr.top-risk[data-id='{id}'][data-area='procurement']");
    wait_text(&client, &top, "Р-2017-01").await;
    wait_text(&client, &top, "Банско").await;
    wait_text(&client, &top, "Ограничаване").await;
    logout(&client).await;

    // The auditor reads the risk and changes nothing.
    login(&client, base, "odit").await;
    client.goto(&format!("{base}/risks/{id}")).await.unwrap();
    wait_text(&client, "#risk-heading", "Р-2017-01").await;
    wait_text(&client, "#risk-tenant", "Банско").await;
    assert_none(&client, "#risk-assess", "the auditor changes nothing").await;
    assert_none(&client, "#risk-close", "the auditor changes nothing").await;
    client.close().await.unwrap();
}
