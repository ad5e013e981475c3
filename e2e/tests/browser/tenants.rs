//! The institutions page in the browser: the province column, and registering an institution.

use antikor_e2e::browser::{
    attrs, click, find, login, logout, start, text_of, type_into, wait_absent, wait_for_count,
    wait_path, wait_text,
};
use fantoccini::Locator;

#[tokio::test]
async fn a_regional_admin_registers_a_territorial_unit() {
    let (server, _driver, client, _dirs) = start().await;
    let base = server.base_url.as_str();

    login(&client, base, "oblast.admin").await;
    client.goto(&format!("{base}/tenants")).await.unwrap();
    wait_for_count(&client, "#tenants-table tr.tenant-row", 15).await;
    wait_text(
        &client,
        "#tenants-table tr.tenant-row[data-tenant='bansko']",
        "Благоевград",
    )
    .await;
    // One province only: nothing to choose between.
    assert!(
        client
            .find_all(Locator::Css("#tenants-province"))
            .await
            .unwrap()
            .is_empty(),
        "no province filter while every institution is of one province"
    );
    // The demo has all fourteen municipalities of Blagoevgrad.
    wait_text(
        &client,
        "#tenant-registration #municipalities-all-registered",
        "Всички общини на областта са регистрирани.",
    )
    .await;

    // A territorial unit of the own province, through the form.
    type_into(&client, "#unit-slug", "rzi-blagoevgrad").await;
    type_into(
        &client,
        "#unit-name-bg",
        "Регионална здравна инспекция – Благоевград",
    )
    .await;
    type_into(
        &client,
        "#unit-name-en",
        "Regional Health Inspectorate – Blagoevgrad",
    )
    .await;
    type_into(&client, "#unit-code", "175893843").await;
    click(&client, "#unit-submit").await;
    wait_text(&client, "#unit-result[data-state='ok']", "е регистрирано").await;
    let row = "#tenants-table tr.tenant-row[data-tenant='rzi-blagoevgrad']";
    let text = wait_text(&client, row, "Регионална здравна инспекция").await;
    assert!(
        text.contains("Териториално звено") && text.contains("Благоевград"),
        "{text}"
    );
    wait_for_count(&client, "#tenants-table tr.tenant-row", 16).await;
    assert_eq!(
        find(&client, "#unit-slug")
            .await
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some(""),
        "the form is cleared for the next unit"
    );

    // The same unit again: the server's reason is shown, and nothing is added.
    type_into(&client, "#unit-slug", "rzi-blagoevgrad").await;
    type_into(&client, "#unit-name-bg", "Още едно звено").await;
    type_into(&client, "#unit-name-en", "Another unit").await;
    type_into(&client, "#unit-code", "999999999").await;
    click(&client, "#unit-submit").await;
    wait_text(&client, "#unit-error", "вече е регистрирана").await;
    let slugs = attrs(&client, "#tenants-table tr.tenant-row", "data-tenant").await;
    assert_eq!(slugs.len(), 16, "{slugs:?}");

    // The filter by province is in the address; the unit is in Blagoevgrad's list.
    client
        .goto(&format!("{base}/tenants?province=BLG"))
        .await
        .unwrap();
    find(&client, row).await;
    find(&client, "#tenants-province").await;
    let table = text_of(&client, "#tenants-table").await;
    assert!(table.contains("Общо: 16 институции"), "{table}");
    find(&client, "#tenants-province")
        .await
        .select_by_value("")
        .await
        .unwrap();
    wait_path(&client, "/tenants").await;

    // Registering is the regional administrator's: a visitor sees the list only.
    logout(&client).await;
    client.goto(&format!("{base}/tenants")).await.unwrap();
    find(&client, row).await;
    wait_absent(&client, "#tenant-registration").await;
    client.close().await.unwrap();
}
