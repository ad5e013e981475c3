//! `/council`: the council's secretariat and every institution's anti-corruption experts.

use crate::access::can_record;
use crate::api::{self, ApiError};
use crate::components::set_title;
use crate::csv::{CsvSource, ExportTable};
use crate::paging::{Paged, PagedList};
use crate::session::use_session;
use antikor_shared::ids::regional_tenant;
use antikor_shared::views::TenantContacts;
use leptos::prelude::*;
use leptos_router::components::A;

/// Whether a tenant's list belongs in the secretariat's table (`true`: the regional
/// administration's) or in the municipalities' (`false`).
fn in_part(list: &TenantContacts, secretariat: bool) -> bool {
    (list.tenant == regional_tenant()) == secretariat
}

/// One tenant's rows: one per person, or one saying it has named nobody.
fn tenant_rows(t: &TenantContacts, with_tenant: bool) -> AnyView {
    let tenant = t.tenant.to_string();
    if t.contacts.is_empty() {
        return view! {
            <tr class="contact-row contact-row--empty" data-tenant=tenant>
                {with_tenant.then(|| view! { <th scope="row">{t.name_bg.clone()}</th> })}
                <td colspan="4" class="muted">
                    "Все още не са посочени експерти."
                </td>
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
                    {with_tenant.then(|| view! { <th scope="row">{t.name_bg.clone()}</th> })}
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
    let mut rows = vec![
        [
            "Институция",
            "Име",
            "Длъжност",
            "Телефон",
            "Електронна поща",
        ]
        .map(str::to_owned)
        .to_vec(),
    ];
    for t in lists {
        for c in &t.contacts {
            rows.push(vec![
                t.name_bg.clone(),
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
                    {with_tenant.then(|| view! { <th scope="col">"Институция"</th> })}
                    <th scope="col">"Име"</th>
                    <th scope="col">"Длъжност"</th>
                    <th scope="col">"Телефон"</th>
                    <th scope="col">"Електронна поща"</th>
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
    set_title("Съвет и контакти");
    let session = use_session();
    let editor = Memo::new(move |_| session.role().is_some_and(can_record));
    // The regional administration comes first in the server's order, so the first page holds
    // the secretariat; the municipalities follow a page at a time.
    let list = Paged::new(
        || Ok::<_, ApiError>(()),
        |(), page| async move { api::contacts(&page).await },
    );
    view! {
        <h1>"Областен обществен съвет за превенция и противодействие на корупцията"</h1>
        <p class="lead">
            "Председател на съвета е областният управител. Секретариатът е в Областна администрация "
            "Благоевград; всяка община посочва експерти, отговорни за противодействието на корупцията "
            "(мярка II.3). Всяка институция поддържа своя списък сама."
        </p>
        <p>
            <A href="/report-corruption">"Как да подадете сигнал за корупция"</A>
            <Show when=move || editor.get()>
                " · "
                <A href="/contacts/edit" attr:id="contacts-edit-link">"Редактиране на контактите на вашата институция"</A>
            </Show>
        </p>
        <PagedList list id="contacts">
            <h2>"Секретариат и състав"</h2>
            <ContactsTable
                list
                secretariat=true
                id="council-table"
                caption="Секретариат на съвета — Областна администрация Благоевград"
                with_tenant=false
            />
            <h2>"Експерти по противодействие на корупцията в общините"</h2>
            <ContactsTable
                list
                secretariat=false
                id="contacts-table"
                caption="Експерти, отговорни за противодействието на корупцията, по институции"
                with_tenant=true
            />
        </PagedList>
    }
}
