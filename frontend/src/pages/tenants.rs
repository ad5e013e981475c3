//! The institutions page: the regional administration and the municipalities.

use crate::api::ApiError;
use crate::components::{Loaded, set_title};
use crate::csv::ExportTable;
use crate::directory::use_directory;
use crate::format::{date_time, href_with_query, thousands, utc_exact};
use antikor_shared::tenant::Tenant;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// The audit trail filtered to one tenant.
pub fn tenant_audit_href(tenant: &str) -> String {
    href_with_query("/audit", [("tenant", Some(tenant.to_owned()))])
}

/// The institutions as CSV, in the table's columns; the code and the EKATTE stay text.
fn tenants_csv(list: &[Tenant]) -> Vec<Vec<String>> {
    let header = [
        "Институция",
        "Вид",
        "Код",
        "ЕКАТТЕ",
        "Население (2011)",
        "Събития",
        "Последна промяна",
    ];
    let mut rows = vec![header.map(str::to_owned).to_vec()];
    rows.extend(list.iter().map(|t| {
        let reg = &t.registration;
        vec![
            reg.name_bg.clone(),
            reg.kind.label_bg().to_owned(),
            reg.official_code.clone(),
            reg.ekatte.clone().unwrap_or_default(),
            reg.population_2011
                .map(|p| p.to_string())
                .unwrap_or_default(),
            t.event_count.to_string(),
            date_time(t.last_event_at),
        ]
    }));
    rows
}

/// `/tenants`.
#[component]
pub fn TenantsPage() -> impl IntoView {
    set_title("Институции");
    let tenants = use_directory();
    let retry = Callback::new(move |()| tenants.refetch());

    let table = move || {
        Suspend::new(async move {
            let list = tenants.await?;
            let population: u64 = list
                .iter()
                .filter_map(|t| t.registration.population_2011)
                .map(u64::from)
                .sum();
            let events: u64 = list.iter().map(|t| t.event_count).sum();
            let count = list.len();
            let csv_list = list.clone();
            let csv = Callback::new(move |()| tenants_csv(&csv_list));
            let rows = list
                .into_iter()
                .map(|t| view! { <TenantRow tenant=t /> })
                .collect_view();
            Ok::<_, ApiError>(view! {
                <ExportTable id="tenants-table" filename="institucii.csv" rows=csv>
                    <caption class="visually-hidden">
                        "Институции в Антикор. Изберете ред, за да видите одитната следа на институцията."
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">"Институция"</th>
                            <th scope="col">"Вид"</th>
                            <th scope="col">"Код"</th>
                            <th scope="col">"ЕКАТТЕ"</th>
                            <th scope="col" class="num">
                                "Население (2011)"
                            </th>
                            <th scope="col" class="num">
                                "Събития"
                            </th>
                            <th scope="col">"Последна промяна"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                    <tfoot>
                        <tr>
                            <th scope="row" colspan="4">
                                "Общо: "
                                {count.to_string()}
                                " институции"
                            </th>
                            <td class="num">{thousands(population)}</td>
                            <td class="num">{thousands(events)}</td>
                            <td></td>
                        </tr>
                    </tfoot>
                </ExportTable>
            })
        })
    };

    view! {
        <h1>"Институции"</h1>
        <p class="lead">
            "Областната администрация и общините в област Благоевград. "
            "Изберете институция, за да видите всички нейни събития в одитната следа."
        </p>
        <Loaded retry>{table}</Loaded>
    }
}

/// One tenant; the whole row opens its audit trail, the name is the keyboard-reachable link.
#[component]
fn TenantRow(tenant: Tenant) -> impl IntoView {
    let navigate = use_navigate();
    let href = tenant_audit_href(tenant.id.as_str());
    let reg = tenant.registration;
    let on_row_click = {
        let href = href.clone();
        move |ev: leptos::ev::MouseEvent| {
            // A click on the name's link is the router's to handle; navigating twice would
            // leave a duplicate history entry.
            let on_link = event_target::<web_sys::Element>(&ev)
                .closest("a")
                .ok()
                .flatten()
                .is_some();
            if on_link {
                return;
            }
            navigate(&href, NavigateOptions::default());
        }
    };
    view! {
        <tr class="tenant-row clickable" data-tenant=tenant.id.to_string() on:click=on_row_click>
            <th scope="row">
                <A href=href>{reg.name_bg}</A>
            </th>
            <td>{reg.kind.label_bg()}</td>
            <td>
                <code>{reg.official_code}</code>
            </td>
            <td>{reg.ekatte.unwrap_or_else(|| "—".to_owned())}</td>
            <td class="num">
                {reg.population_2011.map(|p| thousands(u64::from(p))).unwrap_or_else(|| "—".to_owned())}
            </td>
            <td class="num">{thousands(tenant.event_count)}</td>
            <td class="nowrap">
                <time datetime=utc_exact(tenant.last_event_at)>{date_time(tenant.last_event_at)}</time>
            </td>
        </tr>
    }
}
