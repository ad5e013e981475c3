//! The institutions page: every registered institution by province, and for a regional
//! administrator the registration of their province's institutions.

mod register;

use crate::api::ApiError;
use crate::components::{Loaded, set_title, shown_name};
use crate::controls::ProvinceSelect;
use crate::csv::ExportTable;
use crate::directory::{use_country, use_directory};
use crate::format::{date_time, href_with_query, thousands, utc_exact};
use crate::provinces::{in_province, province_name, province_param};
use crate::session::{Auth, use_session};
use antikor_shared::ProvinceCode;
use antikor_shared::account::Role;
use antikor_shared::tenant::{ProvinceEntry, Tenant};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use register::{CountrySection, RegisterSection};

/// The audit trail filtered to one tenant.
pub fn tenant_audit_href(tenant: &str) -> String {
    href_with_query("/audit", [("tenant", Some(tenant.to_owned()))])
}

/// The page's address, narrowed to one province or not.
fn tenants_href(province: Option<&ProvinceCode>) -> String {
    href_with_query(
        "/tenants",
        [("province", province.map(ToString::to_string))],
    )
}

/// The name of the province a tenant belongs to; none for national bodies.
fn tenant_province(country: &[ProvinceEntry], tenant: &Tenant) -> Option<String> {
    tenant
        .registration
        .province
        .as_ref()
        .map(|p| province_name(country, p))
}

/// The institutions as CSV, in the table's columns; the code and the EKATTE stay text.
fn tenants_csv(list: &[Tenant], country: &[ProvinceEntry]) -> Vec<Vec<String>> {
    let header = vec![
        t!("admin-tenants-column-institution"),
        t!("admin-tenants-column-kind"),
        t!("admin-tenants-column-province"),
        t!("admin-tenants-column-code"),
        t!("admin-tenants-column-ekatte"),
        t!("admin-tenants-column-population"),
        t!("admin-tenants-column-events"),
        t!("admin-tenants-column-last-change"),
    ];
    let mut rows = vec![header];
    rows.extend(list.iter().map(|t| {
        let reg = &t.registration;
        vec![
            reg.name().get(crate::i18n::lang()).to_owned(),
            reg.kind.label(crate::i18n::lang()).to_owned(),
            tenant_province(country, t).unwrap_or_default(),
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

/// `/tenants?province=`.
#[component]
pub fn TenantsPage() -> impl IntoView {
    set_title(&t!("admin-tenants-title"));
    let tenants = use_directory();
    let country = use_country();
    let retry = Callback::new(move |()| {
        tenants.refetch();
        country.refetch();
    });
    let query = use_query_map();
    let province = Memo::new(move |_| query.with(|q| province_param(q.get("province"))));
    let chosen = Signal::derive(move || province.get().ok().flatten());
    let province_href = Callback::new(move |p: Option<ProvinceCode>| tenants_href(p.as_ref()));
    // Registering is a regional or national administrator's; read tracked, as the session may
    // still be checked when the page opens.
    let session = use_session();
    let registrar = Memo::new(move |_| {
        session.auth.with(|a| match a {
            Auth::User(me) if me.role.registers_tenants() => Some((me.role, me.tenant.clone())),
            _ => None,
        })
    });

    let table = move || {
        let province = province.get();
        Suspend::new(async move {
            let province = province?;
            let list = tenants.await?;
            // The names are a nicety: without the country's list the codes are shown.
            let country = country.await.unwrap_or_default();
            // As the server answers for a province it does not know.
            if let Some(p) = &province
                && !country.is_empty()
                && !country.iter().any(|c| &c.code == p)
            {
                return Err(ApiError::Invalid(t!(
                    "admin-tenants-no-province",
                    code = p.to_string()
                )));
            }
            let list: Vec<Tenant> = list
                .into_iter()
                .filter(|t| in_province(t, province.as_ref()))
                .collect();
            let population: u64 = list
                .iter()
                .filter_map(|t| t.registration.population_2011)
                .map(u64::from)
                .sum();
            let events: u64 = list.iter().map(|t| t.event_count).sum();
            let count = list.len();
            let csv_list = list.clone();
            let csv_country = country.clone();
            let csv = Callback::new(move |()| tenants_csv(&csv_list, &csv_country));
            let rows = list
                .into_iter()
                .map(|t| {
                    let province = tenant_province(&country, &t).unwrap_or_else(|| "—".to_owned());
                    view! { <TenantRow tenant=t province /> }
                })
                .collect_view();
            Ok::<_, ApiError>(view! {
                <ExportTable id="tenants-table" filename="institucii.csv" rows=csv>
                    <caption id="tenants-table-caption" class="visually-hidden">
                        {t!("admin-tenants-caption")}
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!("admin-tenants-column-institution")}</th>
                            <th scope="col">{t!("admin-tenants-column-kind")}</th>
                            <th scope="col">{t!("admin-tenants-column-province")}</th>
                            <th scope="col">{t!("admin-tenants-column-code")}</th>
                            <th scope="col">{t!("admin-tenants-column-ekatte")}</th>
                            <th scope="col" class="num">
                                {t!("admin-tenants-column-population")}
                            </th>
                            <th scope="col" class="num">
                                {t!("admin-tenants-column-events")}
                            </th>
                            <th scope="col">{t!("admin-tenants-column-last-change")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                    <tfoot>
                        <tr>
                            <th scope="row" colspan="5">
                                {t!("admin-tenants-total", count = count)}
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
        <h1>{t!("admin-tenants-title")}</h1>
        <p class="lead">{t!("admin-tenants-lead")}</p>
        <div class="filters">
            <ProvinceSelect id="tenants-province" chosen href=province_href />
        </div>
        <Loaded retry>{table}</Loaded>
        {move || {
            registrar
                .get()
                .map(|(role, own)| match role {
                    Role::NationalAdmin => view! { <CountrySection chosen /> }.into_any(),
                    _ => view! { <RegisterSection own /> }.into_any(),
                })
        }}
    }
}

/// One tenant; the whole row opens its audit trail, the name is the keyboard-reachable link.
#[component]
fn TenantRow(
    tenant: Tenant,
    /// The province's name, or a dash.
    province: String,
) -> impl IntoView {
    let navigate = use_navigate();
    let href = tenant_audit_href(tenant.id.as_str());
    let reg = tenant.registration;
    let (name, mark) = shown_name(&reg.name());
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
            <th scope="row" lang=mark>
                <A href=href>{name}</A>
            </th>
            <td>{reg.kind.label(crate::i18n::lang())}</td>
            <td>{province}</td>
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

#[cfg(test)]
mod tests {
    use super::*;
    use antikor_shared::TenantId;
    use antikor_shared::tenant::{TenantKind, TenantRegistered};
    use chrono::DateTime;

    fn tenant(slug: &str, kind: TenantKind, province: Option<&str>) -> Tenant {
        Tenant {
            id: TenantId::parse(slug).unwrap(),
            registration: TenantRegistered {
                kind,
                name_bg: format!("Институция {slug}"),
                name_en: slug.to_owned(),
                official_code: slug.to_uppercase(),
                province: province.map(|p| ProvinceCode::parse(p).unwrap()),
                ekatte: None,
                population_2011: None,
            },
            registered_at: DateTime::UNIX_EPOCH,
            event_count: 3,
            last_event_at: DateTime::UNIX_EPOCH,
        }
    }

    #[test]
    fn the_csv_names_each_institutions_province() {
        let country = [ProvinceEntry {
            code: ProvinceCode::parse("BLG").unwrap(),
            name_bg: "Благоевград".to_owned(),
            administration: None,
            plans: Vec::new(),
            municipalities: Vec::new(),
        }];
        let list = [
            tenant("bansko", TenantKind::Municipality, Some("BLG")),
            tenant("burgas", TenantKind::Municipality, Some("BGS")),
            tenant("kzk", TenantKind::NationalBody, None),
        ];
        let rows = tenants_csv(&list, &country);
        assert_eq!(rows[0][2], "Област");
        let provinces: Vec<&str> = rows[1..].iter().map(|r| r[2].as_str()).collect();
        // Without the country's list a province is named by its code.
        assert_eq!(provinces, ["Благоевград", "BGS", ""]);
        assert!(rows.iter().all(|r| r.len() == rows[0].len()));
        assert_eq!(
            tenants_href(ProvinceCode::parse("BLG").ok().as_ref()),
            "/tenants?province=BLG"
        );
        assert_eq!(tenants_href(None), "/tenants");
    }
}
