//! `/region`: the combined view of a province (or, for national staff, of the country) for
//! regional and national staff and auditors, now or as of a day.

use crate::api::{self, ApiError};
use crate::components::{Loaded, set_title};
use crate::controls::{
    AsOfBanner, AsOfPicker, ProvinceSelect, ViewParams, YearSelect, resolve_year, use_view_params,
};
use crate::directory::{provinces, use_country, use_directory};
use crate::format::date_bg;
use crate::pages::progress::{
    NotReported, RegionMatrix, SectionsSummary, TenantsSummary, csv_name,
};
use crate::provinces::{coverage, province_of, tenant_of};
use crate::session::use_session;
use antikor_shared::ProvinceCode;
use antikor_shared::account::RoleReach;
use leptos::prelude::*;
use leptos_router::components::A;

/// How far the user reads, by the directory: the whole country (they may narrow it to a
/// province), or one province (their tenant's, when it has one).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Coverage {
    Country,
    Province(Option<ProvinceCode>),
}

/// The combined view of the institutions in the user's reach.
#[component]
pub fn RegionPage() -> impl IntoView {
    set_title("Областен изглед");
    let params = use_view_params();
    let chosen = Memo::new(move |_| params.get().unwrap_or_default());
    let data = LocalResource::new(move || {
        let asked = params.get();
        async move {
            let asked = asked?;
            let year = resolve_year(asked.year, asked.province.as_ref()).await?;
            let province = asked.province.as_ref().map(ProvinceCode::as_str);
            api::region(year, asked.as_of_api().as_deref(), province).await
        }
    });
    // The guard renders this page only for a logged-in user; how far they read depends on
    // their tenant's kind too (an auditor of a national body reads the country).
    let me = use_session().user_untracked();
    let directory = use_directory();
    let country = use_country();
    let reach = Memo::new(move |_| {
        let me = me.as_ref()?;
        let tenants = directory.get()?.ok()?;
        let own = tenant_of(&tenants, &me.tenant)?;
        Some(match me.role.reach(own.registration.kind) {
            RoleReach::Country => Coverage::Country,
            _ => Coverage::Province(province_of(&tenants, &me.tenant).cloned()),
        })
    });
    // Without a chosen province the server picks the one a national user sees (the only
    // province with a plan), which the answer does not name: the heading then names none.
    let heading = move || {
        let covered = match reach.get()? {
            Coverage::Country => chosen.with(|p| p.province.clone())?,
            Coverage::Province(own) => own?,
        };
        Some(format!(": {}", coverage(&provinces(country), &covered)))
    };
    let province_href = Callback::new(move |province| {
        ViewParams {
            province,
            ..chosen.get_untracked()
        }
        .href("/region")
    });
    let chosen_province = Signal::derive(move || chosen.with(|p| p.province.clone()));
    let shown = Signal::derive(move || {
        chosen
            .get()
            .year
            .or_else(|| data.get().and_then(Result::ok).map(|r| r.year))
    });
    let position = Signal::derive(move || data.get().and_then(Result::ok).map(|r| r.position));
    let retry = Callback::new(move |()| data.refetch());
    let body = move || {
        Suspend::new(async move {
            let region = data.await?;
            let year = region.year;
            let as_of = chosen.get_untracked().as_of;
            let overdue: u32 = region.tenants.iter().map(|t| t.overdue).sum();
            let activities: u32 = region.tenants.iter().map(|t| t.activities).sum();
            let reported = region.tenants.iter().filter(|t| t.reported).count();
            Ok::<_, ApiError>(view! {
                <dl class="stats" id="region-stats">
                    <div class="stats__item">
                        <dt>"Отчели поне една мярка"</dt>
                        <dd class="stats__number">{format!("{reported} от {}", region.tenants.len())}</dd>
                    </div>
                    <div class="stats__item">
                        <dt>"Просрочени мерки (общо)"</dt>
                        <dd class="stats__number" id="region-overdue">{overdue.to_string()}</dd>
                    </div>
                    <div class="stats__item">
                        <dt>{format!("Дейности през {year} г.")}</dt>
                        <dd class="stats__number">{activities.to_string()}</dd>
                    </div>
                    <div class="stats__item">
                        <dt>"Просрочието се преценява към"</dt>
                        <dd>{format!("{} г.", date_bg(region.today))}</dd>
                    </div>
                </dl>
                <p>
                    <A href=format!("/report/{year}")>"Годишен отчет за печат"</A>
                </p>
                <RegionMatrix region=region.clone() as_of />
                <NotReported region=region.clone() />
                <h2>"По институции: степен, просрочени мерки и дейности"</h2>
                <TenantsSummary region=region.clone() as_of />
                <h2>"По раздели на плана"</h2>
                <SectionsSummary
                    sections=region.sections.clone()
                    id="region-sections"
                    caption=format!("Изпълнение по раздели, всички институции, {year} г.")
                    filename=csv_name("razdeli", year, as_of)
                />
            })
        })
    };
    view! {
        <h1 id="region-heading">"Областен изглед" {heading}</h1>
        <p class="lead">
            "Всички институции една до друга: степента на изпълнение на всяка мярка, просрочените мерки, "
            "дейностите и кои институции още не са отчели нищо."
        </p>
        <div class="filters">
            <Show when=move || reach.get() == Some(Coverage::Country)>
                <ProvinceSelect id="region-province" chosen=chosen_province href=province_href always=true />
            </Show>
            <YearSelect path="/region" params=chosen shown />
            <AsOfPicker path="/region" params=chosen />
        </div>
        <AsOfBanner path="/region" params=chosen position=position />
        <Loaded retry>{body}</Loaded>
    }
}
