//! `/council`: the council's secretariat and every institution's anti-corruption experts.

use crate::access::can_record;
use crate::api::{self, ApiError};
use crate::components::{set_title, shown_name};
use crate::csv::{CsvSource, ExportTable};
use crate::paging::{Paged, PagedList};
use crate::session::use_session;
use antikor_shared::ids::regional_tenant;
use antikor_shared::tenant::TenantName;
use antikor_shared::views::TenantContacts;
use leptos::prelude::*;
use leptos_router::components::A;

/// Whether a tenant's list belongs in the secretariat's table (`true`: the regional
/// administration's) or in the municipalities' (`false`).
fn in_part(list: &TenantContacts, secretariat: bool) -> bool {
    (list.tenant == regional_tenant()) == secretariat
}

/// The heading of a tenant's row: its name.
fn tenant_head(name: &TenantName) -> impl IntoView + use<> {
    let (name, mark) = shown_name(name);
    view! { <th scope="row" lang=mark>{name}</th> }
}

/// One tenant's rows: one per person, or one saying it has named nobody.
fn tenant_rows(t: &TenantContacts, with_tenant: bool) -> AnyView {
    let tenant = t.tenant.to_string();
    if t.contacts.is_empty() {
        return view! {
            <tr class="contact-row contact-row--empty" data-tenant=tenant>
                {with_tenant.then(|| tenant_head(&t.name))}
                <td colspan="4" class="muted">{t!("public-council-no-experts")}</td>
            </tr>
        }
        .into_any();
    }
    t.contacts
        .iter()
        .map(|c| {
            let mail = format!("mailto:{}", c.email);
            let tel = format!("tel:{}", c.phone.replace(' ', ""));
            view! {
                <tr class="contact-row" data-tenant=tenant.clone()>
                    {with_tenant.then(|| tenant_head(&t.name))}
                    <td>{c.name.clone()}</td>
                    <td>{c.position.clone()}</td>
                    <td class="nowrap"><a href=tel>{c.phone.clone()}</a></td>
                    <td><a href=mail>{c.email.clone()}</a></td>
                </tr>
            }
        })
        .collect_view()
        .into_any()
}

/// The file of the lists: a row per person.
fn contacts_csv(lists: &[TenantContacts]) -> Vec<Vec<String>> {
    let mut rows = vec![vec![
        t!("public-council-col-institution"),
        t!("public-council-col-name"),
        t!("public-council-col-position"),
        t!("public-council-col-phone"),
        t!("public-council-col-email"),
    ]];
    for t in lists {
        for c in &t.contacts {
            rows.push(vec![
                t.name.get(crate::i18n::lang()).to_owned(),
                c.name.clone(),
                c.position.clone(),
                c.phone.clone(),
                c.email.clone(),
            ]);
        }
    }
    rows
}

/// A table of experts, of the secretariat or of the municipalities, from the lists loaded;
/// its file has every list of its part.
#[component]
fn ContactsTable(
    list: Paged<TenantContacts>,
    /// The secretariat's table (`true`) or the municipalities' (`false`).
    secretariat: bool,
    id: &'static str,
    #[prop(into)] caption: String,
    with_tenant: bool,
) -> impl IntoView {
    let csv = CsvSource::load(move || {
        let all = list.load_all();
        async move {
            let mut lists = all.await?;
            lists.retain(|t| in_part(t, secretariat));
            Ok(contacts_csv(&lists))
        }
    });
    let rows = list.rows(move |t: TenantContacts| {
        in_part(&t, secretariat).then(|| tenant_rows(&t, with_tenant))
    });
    view! {
        <ExportTable id=id filename=format!("{id}.csv") rows=csv>
            <caption id=format!("{}-caption", id)>{caption}</caption>
            <thead>
                <tr>
                    {with_tenant.then(|| view! { <th scope="col">{t!("public-council-col-institution")}</th> })}
                    <th scope="col">{t!("public-council-col-name")}</th>
                    <th scope="col">{t!("public-council-col-position")}</th>
                    <th scope="col">{t!("public-council-col-phone")}</th>
                    <th scope="col">{t!("public-council-col-email")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </ExportTable>
    }
}

/// `/council`: the council's secretariat (the regional administration's experts) first, then
/// every municipality's experts.
#[component]
pub fn CouncilPage() -> impl IntoView {
    set_title(&t!("public-council-page-title"));
    let session = use_session();
    let editor = Memo::new(move |_| session.role().is_some_and(can_record));
    // The regional administration comes first in the server's order, so the first page holds
    // the secretariat; the municipalities follow a page at a time.
    let list = Paged::new(
        || Ok::<_, ApiError>(()),
        |(), page| async move { api::contacts(&page).await },
    );
    view! {
        <h1>{t!("public-council-heading")}</h1>
        <p class="lead">{t!("public-council-lead")}</p>
        <p>
            <A href="/report-corruption">{t!("public-council-report-link")}</A>
            <Show when=move || editor.get()>
                " · "
                <A href="/contacts/edit" attr:id="contacts-edit-link">
                    {t!("public-council-edit-link")}
                </A>
            </Show>
        </p>
        <PagedList list id="contacts">
            <h2>{t!("public-council-secretariat-heading")}</h2>
            <ContactsTable
                list
                secretariat=true
                id="council-table"
                caption=t!("public-council-secretariat-caption")
                with_tenant=false
            />
            <h2>{t!("public-council-experts-heading")}</h2>
            <ContactsTable
                list
                secretariat=false
                id="contacts-table"
                caption=t!("public-council-experts-caption")
                with_tenant=true
            />
        </PagedList>
    }
}
