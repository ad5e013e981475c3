//! `/region`: the combined view of a province's institutions on its plan, for regional and
//! national staff and auditors (national staff choose the province), now or as of a day.

use crate::api::{self, ApiError};
use crate::components::{Loaded, set_title};
use crate::controls::{
    AsOfBanner, AsOfPicker, PlanPending, PlanProvinceSelect, ViewParams, YearSelect,
    plan_province_href, resolve_year, use_plan_province, use_view_params,
};
use crate::directory::{provinces, use_country, use_directory};
use crate::format::date_bg;
use crate::pages::progress::{
    NotReported, RegionMatrix, SectionsSummary, TenantsSummary, csv_name,
};
use crate::pages::report::report_href;
use crate::provinces::{PlanProvince, coverage, has_plan, province_of, tenant_of};
use crate::session::use_session;
use antikor_shared::ProvinceCode;
use antikor_shared::account::RoleReach;
use leptos::prelude::*;
use leptos_router::components::A;

/// The institutions' risk registers side by side, of the year and province shown.
fn risks_href(year: i32, province: &ProvinceCode) -> String {
    ViewParams {
        province: Some(province.clone()),
        year: Some(year),
        ..ViewParams::default()
    }
    .href("/region/risks")
}

/// How far the user reads, by the directory: the whole country (they choose a province), or
/// one province (their tenant's, when it has one).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Coverage {
    Country,
    Province(Option<ProvinceCode>),
}

/// The combined view of the institutions in the user's reach, one province's at a time.
#[component]
pub fn RegionPage() -> impl IntoView {
    set_title(&t!("work-region-title"));
    let params = use_view_params();
    let chosen = Memo::new(move |_| params.get().unwrap_or_default());
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
    let default = use_plan_province(params);
    // Those who read one province read that one, with a plan yet or not: another province's
    // plan is not theirs to fall back on.
    let province = Memo::new(move |_| {
        let asked = params.get()?.province;
        let (Some(Coverage::Province(Some(own))), None) = (reach.get(), asked) else {
            return default.get();
        };
        Ok(match country.get() {
            None => PlanProvince::Pending,
            Some(Ok(list)) if !has_plan(&list, &own) => PlanProvince::NoPlan,
            // Without the list, the server says whether there is a plan.
            Some(_) => PlanProvince::Shown(own),
        })
    });
    let data = LocalResource::new(move || {
        let (asked, province) = (params.get(), province.get());
        async move {
            let asked = asked?;
            let Some(province) = province?.shown().cloned() else {
                return Ok(None);
            };
            let year = resolve_year(asked.year, Some(&province)).await?;
            let as_of = asked.as_of_api();
            let region = api::region(year, as_of.as_deref(), Some(province.as_str())).await?;
            Ok::<_, ApiError>(Some((province, region)))
        }
    });
    let shown_province =
        Signal::derive(move || province.with(|p| p.as_ref().ok()?.shown().cloned()));
    // One's own province is named even before it has a plan to show.
    let heading = move || {
        let own = match reach.get() {
            Some(Coverage::Province(own)) => own,
            _ => None,
        };
        shown_province
            .get()
            .or(own)
            .map(|p| format!(": {}", coverage(&provinces(country), &p)))
    };
    let shown = Signal::derive(move || {
        chosen.get().year.or_else(|| {
            data.get()
                .and_then(Result::ok)
                .flatten()
                .map(|(_, r)| r.year)
        })
    });
    let position = Signal::derive(move || {
        data.get()
            .and_then(Result::ok)
            .flatten()
            .map(|(_, r)| r.position)
    });
    let retry = Callback::new(move |()| {
        data.refetch();
        country.refetch();
    });
    let body = move || {
        Suspend::new(async move {
            let Some((province, region)) = data.await? else {
                return Ok(view! { <PlanPending province /> }.into_any());
            };
            let year = region.year;
            let as_of = chosen.get_untracked().as_of;
            let overdue: u32 = region.tenants.iter().map(|t| t.overdue).sum();
            let activities: u32 = region.tenants.iter().map(|t| t.activities).sum();
            let reported = region.tenants.iter().filter(|t| t.reported).count();
            Ok::<_, ApiError>(view! {
                <dl class="stats" id="region-stats">
                    <div class="stats__item">
                        <dt>{t!("work-region-reported")}</dt>
                        <dd class="stats__number">
                            {t!("work-region-reported-of", reported = reported, total = region.tenants.len())}
                        </dd>
                    </div>
                    <div class="stats__item">
                        <dt>{t!("work-region-overdue")}</dt>
                        <dd class="stats__number" id="region-overdue">{overdue.to_string()}</dd>
                    </div>
                    <div class="stats__item">
                        <dt>{t!("work-region-activities", year = year.to_string())}</dt>
                        <dd class="stats__number">{activities.to_string()}</dd>
                    </div>
                    <div class="stats__item">
                        <dt>{t!("work-region-assessed-on")}</dt>
                        <dd>{t!("work-region-date", date = date_bg(region.today))}</dd>
                    </div>
                </dl>
                <p>
                    <A href=report_href(year, &province)>{t!("work-region-annual-report")}</A>
                    " · "
                    <A href=risks_href(year, &province) attr:id="region-risks-link">
                        {t!("work-region-risks-link")}
                    </A>
                </p>
                <RegionMatrix region=region.clone() as_of notes_of=province.clone() />
                <NotReported region=region.clone() />
                <h2>{t!("work-region-tenants-heading")}</h2>
                <TenantsSummary region=region.clone() as_of />
                <h2>{t!("work-region-sections-heading")}</h2>
                <SectionsSummary
                    sections=region.sections.clone()
                    id="region-sections"
                    caption=t!("work-region-sections-caption", year = year.to_string())
                    filename=csv_name("razdeli", year, as_of)
                />
            }
            .into_any())
        })
    };
    view! {
        <h1 id="region-heading">{t!("work-region-title")} {heading}</h1>
        <p class="lead">{t!("work-region-lead")}</p>
        <div class="filters">
            <Show when=move || reach.get() == Some(Coverage::Country)>
                <PlanProvinceSelect id="region-province" province href=plan_province_href("/region", chosen) />
            </Show>
            <YearSelect path="/region" params=chosen shown province=shown_province />
            <AsOfPicker path="/region" params=chosen />
        </div>
        <AsOfBanner path="/region" params=chosen position=position />
        <Loaded retry>{body}</Loaded>
    }
}
