//! `/council`: the council's secretariat and every institution's anti-corruption experts.

use crate::access::can_record;
use crate::api::{self, ApiError};
use crate::components::{Loaded, set_title};
use crate::csv::ExportTable;
use crate::session::use_session;
use antikor_shared::ids::regional_tenant;
use antikor_shared::views::TenantContacts;
use leptos::prelude::*;
use leptos_router::components::A;

/// The regional administration's list (the council's secretariat) and the others, in order.
pub(super) fn split_contacts(
    list: Vec<TenantContacts>,
) -> (Option<TenantContacts>, Vec<TenantContacts>) {
    let oblast = regional_tenant();
    let mut regional = None;
    let mut others = Vec::new();
    for t in list {
        if t.tenant == oblast {
            regional = Some(t);
        } else {
            others.push(t);
        }
    }
    (regional, others)
}

/// A table of experts; one row per person, and a row for an institution without a list.
#[component]
fn ContactsTable(
    lists: Vec<TenantContacts>,
    id: &'static str,
    #[prop(into)] caption: String,
    with_tenant: bool,
) -> impl IntoView {
    let csv_lists = lists.clone();
    let csv = Callback::new(move |()| {
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
        for t in &csv_lists {
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
    });
    let columns = if with_tenant { "5" } else { "4" };
    let rows = lists
        .iter()
        .map(|t| {
            let tenant = t.tenant.to_string();
            if t.contacts.is_empty() {
                return view! {
                    <tr class="contact-row contact-row--empty" data-tenant=tenant>
                        {with_tenant.then(|| view! { <th scope="row">{t.name_bg.clone()}</th> })}
                        <td colspan=if with_tenant { "4" } else { columns }  class="muted">
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
        })
        .collect_view();
    view! {
        <ExportTable id=id filename=format!("{id}.csv") rows=csv>
            <caption>{caption}</caption>
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
    let contacts = LocalResource::new(api::contacts);
    let retry = Callback::new(move |()| contacts.refetch());
    let body = move || {
        Suspend::new(async move {
            let (regional, others) = split_contacts(contacts.await?);
            let regional = regional.map(|r| {
                view! {
                    <ContactsTable
                        lists=vec![r]
                        id="council-table"
                        caption="Секретариат на съвета — Областна администрация Благоевград"
                        with_tenant=false
                    />
                }
            });
            Ok::<_, ApiError>(view! {
                <h2>"Секретариат и състав"</h2>
                {regional}
                <h2>"Експерти по противодействие на корупцията в общините"</h2>
                <ContactsTable
                    lists=others
                    id="contacts-table"
                    caption="Експерти, отговорни за противодействието на корупцията, по институции"
                    with_tenant=true
                />
            })
        })
    };
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
        <Loaded retry>{body}</Loaded>
    }
}
