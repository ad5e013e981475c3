//! The plan in the browser: as visitors read it and as regional staff keep it.

use antikor_e2e::browser::{
    attrs, click, find, login, logout, start, type_into, wait_for_count, wait_path, wait_text,
};
use fantoccini::Locator;

#[tokio::test]
async fn visitors_read_the_plan_in_its_own_columns() {
    let (server, _driver, client, _dirs) = start().await;
    let base = server.base_url.as_str();

    client.goto(&format!("{base}/plan")).await.unwrap();
    let rows = wait_for_count(&client, "#plan-table tr.measure-row", 18).await;
    assert_eq!(rows.len(), 18);
    // The only province with a plan is shown without asking: no picker to choose from.
    wait_text(&client, "#plan-heading", "област Благоевград").await;
    for absent in ["#plan-province", "[data-testid='error']"] {
        assert!(
            client
                .find_all(Locator::Css(absent))
                .await
                .unwrap()
                .is_empty(),
            "{absent} on the plan of the only province"
        );
    }
    let headings: Vec<String> = {
        let mut out = Vec::new();
        for th in client
            .find_all(Locator::Css("#plan-table thead th"))
            .await
            .unwrap()
        {
            out.push(th.text().await.unwrap());
        }
        out
    };
    assert_eq!(
        headings,
        [
            "№",
            "Мярка",
            "Срок",
            "Отговорник",
            "Индикатор за оценка на изпълнението",
            "Резултат"
        ]
    );
    let keys = attrs(&client, "#plan-table tr.measure-row", "data-key").await;
    assert!(keys.contains(&"V.3".to_owned()) && keys.contains(&"V.3b".to_owned()));
    // Both of section V's measures numbered "3." show the source's number.
    for key in ["V.3", "V.3b"] {
        let number = find(&client, &format!("tr[data-key='{key}'] th")).await;
        assert_eq!(number.text().await.unwrap(), "3.");
    }
    // Visitors neither change the plan nor look into its past.
    for control in [
        "#as-of-form",
        ".measure-edit",
        "#measure-add-form",
        "#plan-start-form",
    ] {
        assert!(
            client
                .find_all(Locator::Css(control))
                .await
                .unwrap()
                .is_empty(),
            "{control} is not for visitors"
        );
    }
    // Every public page opens for a visitor, and the navigation offers them all.
    for (path, table) in [
        ("/meetings", "#meetings-table"),
        ("/contested-acts", "#contested-acts-table"),
        ("/council", "#contacts-table"),
        ("/report-corruption", "#report-channels"),
    ] {
        client.goto(&format!("{base}{path}")).await.unwrap();
        find(&client, table).await;
        find(&client, &format!(".site-nav a[href='{path}']")).await;
    }
    // The annual report, for print, is linked from the plan, of the plan's province.
    client.goto(&format!("{base}/plan")).await.unwrap();
    click(&client, "a[href='/report/2017?province=BLG']").await;
    wait_path(&client, "/report/2017?province=BLG").await;
    wait_for_count(&client, "#report-measures section.report-measure", 18).await;
    wait_text(&client, ".report-cover", "корупцията — област Благоевград").await;
    // The print stylesheet leaves the navigation out.
    let print_hides_nav = client
        .execute(
            "return [...document.styleSheets].some(s => [...s.cssRules].some(r =>\
             r.media && r.media.mediaText === 'print' &&\
             [...r.cssRules].some(c => c.selectorText && c.selectorText.includes('.site-header')\
             && c.style.display === 'none')));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(print_hides_nav, serde_json::json!(true));
    client.close().await.unwrap();
}

#[tokio::test]
async fn regional_staff_keep_the_plan() {
    let (server, _driver, client, _dirs) = start().await;
    let base = server.base_url.as_str();

    // An officer reads the plan but cannot change it.
    login(&client, base, "bansko.officer").await;
    client.goto(&format!("{base}/plan")).await.unwrap();
    wait_for_count(&client, "#plan-table tr.measure-row", 18).await;
    find(&client, "#as-of-form").await;
    assert!(
        client
            .find_all(Locator::Css(".measure-edit"))
            .await
            .unwrap()
            .is_empty()
    );
    logout(&client).await;

    login(&client, base, "oblast.sekretar").await;
    client.goto(&format!("{base}/plan")).await.unwrap();
    let row = "#plan-table tr.measure-row[data-key='VI.2']";
    // A change sends only what changed.
    click(&client, &format!("{row} .measure-edit")).await;
    find(&client, "#measure-edit-form[data-key='VI.2']").await;
    click(&client, "#measure-edit-submit").await;
    wait_text(&client, "#measure-edit-error", "Няма промени").await;
    type_into(&client, "#edit-indicator", "Проведена анкета и анализ").await;
    click(&client, "#measure-edit-submit").await;
    wait_text(&client, "#plan-notice", "VI.2").await;
    wait_text(&client, row, "Проведена анкета и анализ").await;

    // A withdrawal needs a reason and leaves the measure marked.
    let row = "#plan-table tr.measure-row[data-key='V.3b']";
    click(&client, &format!("{row} .measure-withdraw")).await;
    type_into(
        &client,
        "#withdraw-reason",
        "Повтаря номера на предходната мярка",
    )
    .await;
    click(&client, "#measure-withdraw-submit").await;
    find(&client, &format!("{row}.withdrawn")).await;
    wait_text(&client, row, "Оттеглена: Повтаря номера").await;

    // Next year's plan starts from this one's measures in force.
    let summary = find(&client, "details:has(#plan-start-form) summary").await;
    summary.click().await.unwrap();
    type_into(&client, "#plan-start-year", "2018").await;
    click(&client, "#plan-start-submit").await;
    wait_path(&client, "/plan?year=2018").await;
    // The address changes before the new plan replaces the old one's table (18 rows, the
    // withdrawn one among them): count only once the table is 2018's.
    wait_text(&client, "#plan-table", "2018").await;
    let rows = wait_for_count(&client, "#plan-table tr.measure-row", 17).await;
    assert_eq!(rows.len(), 17);
    client.close().await.unwrap();
}
