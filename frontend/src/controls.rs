//! A view's choices in its address (`?tenant=&province=&year=&kind=&as_of=`) and the controls
//! that set them.

use crate::api::{self, ApiError};
use crate::components::Loading;
use crate::directory::{
    provinces, provinces_untracked, tenant_options, use_country, use_directory,
};
use crate::form::{DateInput, TimeInput};
use crate::format::{
    as_of_param, date_bg, date_time, from_sofia_input, href_with_query, sofia_offset, sofia_today,
    utc_exact,
};
use crate::provinces::{
    PlanProvince, ProvinceChoice, every_plan_year, plan_choices, plan_province, plan_years_of,
    province_choices, province_of, province_param, spans_provinces, year_kept,
};
use crate::session::{Auth, use_session};
use antikor_shared::{ProvinceCode, TenantId};
use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

/// The choices a view's address holds; empty values mean "not chosen".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewParams {
    /// Whose view (regional roles and auditors); `None`: the user's own.
    pub tenant: Option<TenantId>,
    /// Which province a view covers; `None`: the page's default (the whole country where
    /// there is one, else the province [`use_plan_province`] picks).
    pub province: Option<ProvinceCode>,
    /// The plan's year; `None`: the newest.
    pub year: Option<i32>,
    /// A filter of the activities list (`meeting`, …).
    pub kind: Option<String>,
    /// The moment the view shows; `None`: now.
    pub as_of: Option<AsOf>,
}

/// A past moment a view can show, as its address names it (`as_of=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AsOf {
    /// The end of a day in Sofia (`2017-06-30`).
    Day(NaiveDate),
    /// An instant (`2017-06-30T09:45:00.000Z`).
    At(DateTime<Utc>),
    /// Just after an event of the log (`1234`).
    Position(u64),
}

impl AsOf {
    /// The moment an address's value names; `None` when it names none.
    pub fn parse(value: &str) -> Option<Self> {
        if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
            return value.parse().ok().map(Self::Position);
        }
        if let Ok(day) = value.parse::<NaiveDate>() {
            return Some(Self::Day(day));
        }
        DateTime::parse_from_rfc3339(value)
            .ok()
            .map(|at| Self::At(at.to_utc()))
    }

    /// The address's value.
    pub fn param(self) -> String {
        match self {
            Self::Day(day) => day.to_string(),
            Self::At(at) => utc_exact(at),
            Self::Position(p) => p.to_string(),
        }
    }

    /// The API's `as_of`: a position, or an instant (a day's end in Sofia).
    pub fn api(self) -> String {
        match self {
            Self::Day(day) => as_of_param(day),
            Self::At(at) => utc_exact(at),
            Self::Position(p) => p.to_string(),
        }
    }

    /// How a sentence names it: "края на 30.06.2017 г.", "30.06.2017 12:45 ч.", "събитие № 1234".
    pub fn label(self) -> String {
        match self {
            Self::Day(day) => t!("shell-as-of-day-end", date = date_bg(day)),
            Self::At(at) => t!("shell-as-of-instant", time = date_time(at)),
            Self::Position(p) => t!("shell-as-of-event", position = p),
        }
    }

    /// How a file name says it: `2017-06-30`, `2017-06-30-1245`, `sabitie-1234`.
    pub fn file_tag(self) -> String {
        match self {
            Self::Day(day) => day.to_string(),
            Self::At(at) => (at + sofia_offset(at)).format("%Y-%m-%d-%H%M").to_string(),
            Self::Position(p) => format!("sabitie-{p}"),
        }
    }
}

impl ViewParams {
    /// Reads the choices from URL query values; a malformed value is an error that says which.
    pub fn parse(get: impl Fn(&str) -> Option<String>) -> Result<Self, ApiError> {
        let value = |key: &str| {
            get(key)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let tenant = value("tenant")
            .map(TenantId::parse)
            .transpose()
            .map_err(|_| ApiError::Invalid(t!("shell-invalid-address-tenant")))?;
        let province = province_param(value("province"))?;
        let year = value("year")
            .map(|y| y.parse::<i32>())
            .transpose()
            .map_err(|_| ApiError::Invalid(t!("shell-invalid-address-year")))?;
        let as_of = value("as_of")
            .map(|v| {
                AsOf::parse(&v).ok_or_else(|| ApiError::Invalid(t!("shell-invalid-address-as-of")))
            })
            .transpose()?;
        Ok(Self {
            tenant,
            province,
            year,
            kind: value("kind"),
            as_of,
        })
    }

    /// The address of `path` with these choices.
    pub fn href(&self, path: &str) -> String {
        href_with_query(
            path,
            [
                ("tenant", self.tenant.as_ref().map(ToString::to_string)),
                ("province", self.province.as_ref().map(ToString::to_string)),
                ("year", self.year.map(|y| y.to_string())),
                ("kind", self.kind.clone()),
                ("as_of", self.as_of.map(AsOf::param)),
            ],
        )
    }

    /// The `as_of` value for the API: a position, or an instant (a chosen day's end in Sofia).
    pub fn as_of_api(&self) -> Option<String> {
        self.as_of.map(AsOf::api)
    }
}

/// The view's choices from the current address.
pub fn use_view_params() -> Memo<Result<ViewParams, ApiError>> {
    let query = use_query_map();
    Memo::new(move |_| query.with(|q| ViewParams::parse(|k| q.get(k))))
}

/// The year to show: the one asked for, or the newest plan's (of `province`, when a view is
/// narrowed to one: each province keeps its own plans).
pub async fn resolve_year(
    asked: Option<i32>,
    province: Option<&ProvinceCode>,
) -> Result<i32, ApiError> {
    match asked {
        Some(year) => Ok(year),
        None => api::plan_years(province.map(ProvinceCode::as_str))
            .await?
            .last()
            .copied()
            .ok_or_else(|| ApiError::Invalid(t!("shell-no-plan-yet"))),
    }
}

/// The logged-in user's province, read tracked: `None` while it cannot be told yet (the
/// session is being checked, or the directory loads); `Some(None)` for visitors and national
/// bodies, and when the directory failed (the pages then do without it).
pub fn use_own_province() -> Memo<Option<Option<ProvinceCode>>> {
    let session = use_session();
    let directory = use_directory();
    Memo::new(move |_| {
        let me = session.auth.with(Auth::tenant)?;
        let Some(me) = me else {
            return Some(None);
        };
        Some(match directory.get()? {
            Ok(tenants) => province_of(&tenants, &me).cloned(),
            Err(_) => None,
        })
    })
}

/// Which province's plan a page shows: the address's, else the user's own if it has a plan,
/// else the only one with a plan (see [`plan_province`]). An error when the address is
/// malformed, or when the country's list, needed to choose, failed.
pub fn use_plan_province(
    params: Memo<Result<ViewParams, ApiError>>,
) -> Memo<Result<PlanProvince, ApiError>> {
    let own = use_own_province();
    let country = use_country();
    Memo::new(move |_| {
        let asked = params.get()?.province;
        if let Some(asked) = asked {
            // Asked for by name: the page needs nothing else to ask the server.
            return Ok(PlanProvince::Shown(asked));
        }
        let (Some(own), Some(country)) = (own.get(), country.get()) else {
            return Ok(PlanProvince::Pending);
        };
        Ok(plan_province(&country?, None, own.as_ref()))
    })
}

/// The address of a page that follows a plan, turned to `province`: the year is kept where
/// that province has a plan for it (else its newest is shown), the other choices as they are.
pub fn plan_province_href(
    path: &'static str,
    chosen: Memo<ViewParams>,
) -> Callback<ProvinceCode, String> {
    let country = use_country();
    Callback::new(move |province: ProvinceCode| {
        let current = chosen.get_untracked();
        let year = year_kept(&provinces_untracked(country), &province, current.year);
        ViewParams {
            province: Some(province),
            year,
            ..current
        }
        .href(path)
    })
}

/// What a page that follows a plan shows while no province is: "Зареждане…" until it can tell,
/// nothing when the person is to choose (the picker says so), or that there is no plan yet.
#[component]
pub fn PlanPending(
    /// The page's province.
    province: Memo<Result<PlanProvince, ApiError>>,
) -> impl IntoView {
    move || match province.get() {
        Ok(PlanProvince::Pending) => view! { <Loading /> }.into_any(),
        Ok(PlanProvince::NoPlan) => view! {
            <p id="no-plan" class="notice notice--info" role="status">{t!("shell-no-plan-yet")}</p>
        }
        .into_any(),
        // A malformed address or a failed list is said by the page's data.
        _ => ().into_any(),
    }
}

/// The browser's clock.
pub fn browser_now() -> DateTime<Utc> {
    let millis = js_sys::Date::now();
    // Whole milliseconds fit an i64 for any date a browser reports.
    #[allow(clippy::cast_possible_truncation)]
    chrono::DateTime::from_timestamp_millis(millis as i64).unwrap_or_default()
}

/// Today in Sofia, by the browser's clock.
pub fn today() -> NaiveDate {
    sofia_today(browser_now())
}

/// The year picker: every year that has a plan. Choosing one keeps the other choices.
#[component]
pub fn YearSelect(
    /// The page's path.
    path: &'static str,
    /// The current choices.
    params: Memo<ViewParams>,
    /// The year the page shows (the newest when none was asked for).
    shown: Signal<Option<i32>>,
    /// Offer "every year" (lists of activities), as the empty value.
    #[prop(optional)]
    all_years: bool,
    /// The province whose plans' years are offered, from the country's list; the picker
    /// waits (hidden) while it is `None`. Without it, the address's province's years, or
    /// every province's (lists of activities span provinces).
    #[prop(optional, into)]
    province: Option<Signal<Option<ProvinceCode>>>,
) -> impl IntoView {
    let navigate = use_navigate();
    let country = use_country();
    let offered = move || match province {
        Some(province) => province.with(|p| {
            p.as_ref()
                .map(|p| plan_years_of(&provinces(country), p).to_vec())
        }),
        None => Some(params.with(|p| match &p.province {
            Some(p) => plan_years_of(&provinces(country), p).to_vec(),
            None => every_plan_year(&provinces(country)),
        })),
    };
    let on_change = move |ev: leptos::ev::Event| {
        let year = event_target_value(&ev).parse().ok();
        let next = ViewParams {
            year,
            ..params.get_untracked()
        };
        navigate(&next.href(path), NavigateOptions::default());
    };
    let options = move || {
        let current = shown.get();
        let mut list = offered().unwrap_or_default();
        if let Some(c) = current.filter(|c| !list.contains(c)) {
            list.push(c);
            list.sort_unstable();
        }
        list.into_iter()
            .rev()
            .map(|y| {
                view! {
                    <option value=y.to_string() prop:selected=current == Some(y)>
                        {t!("shell-year", year = y.to_string())}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || province.is_none_or(|p| p.with(Option::is_some))>
            <div class="field field--narrow">
                <label for="year-select">{t!("shell-year-label")}</label>
                <select id="year-select" on:change=on_change.clone()>
                    {all_years
                        .then(|| {
                            view! {
                                <option value="" prop:selected=move || shown.get().is_none()>
                                    {t!("shell-all-years")}
                                </option>
                            }
                        })}
                    {options}
                </select>
            </div>
        </Show>
    }
}

/// The institution picker for roles that see every tenant.
#[component]
pub fn TenantSelect(
    /// The page's path.
    path: &'static str,
    /// The current choices.
    params: Memo<ViewParams>,
    /// The tenant shown when none is chosen, if any (the user's own); `None` offers "all".
    own: Option<TenantId>,
    /// The select's id.
    id: &'static str,
) -> impl IntoView {
    let navigate = use_navigate();
    let tenants = use_directory();
    let all = own.is_none();
    let on_change = move |ev: leptos::ev::Event| {
        let tenant = TenantId::parse(event_target_value(&ev)).ok();
        let next = ViewParams {
            tenant,
            ..params.get_untracked()
        };
        navigate(&next.href(path), NavigateOptions::default());
    };
    let options = move || {
        let current = params.with(|p| p.tenant.clone()).or_else(|| own.clone());
        tenant_options(tenants, move |id| current.as_ref() == Some(id))
    };
    view! {
        <div class="field">
            <label for=id>{t!("shell-tenant-label")}</label>
            <select id=id on:change=on_change>
                {all
                    .then(|| {
                        view! {
                            <option value="" prop:selected=move || params.with(|p| p.tenant.is_none())>
                                {t!("shell-all-tenants")}
                            </option>
                        }
                    })}
                {options}
            </select>
        </div>
    }
}

/// The `<option>`s of a province picker, the `chosen` one selected.
fn province_options(
    choices: Memo<Vec<ProvinceChoice>>,
    chosen: Signal<Option<ProvinceCode>>,
) -> impl Fn() -> AnyView + Copy + Send + 'static {
    move || {
        choices
            .get()
            .into_iter()
            .map(|c| {
                let code = c.code.clone();
                let selected = move || chosen.with(|p| p.as_ref() == Some(&code));
                view! {
                    <option value=c.code.to_string() prop:selected=selected>
                        {c.name}
                    </option>
                }
            })
            .collect_view()
            .into_any()
    }
}

/// The province picker of the views that can cover the whole country (signal statistics,
/// institutions): "Цялата страна" and every province with registered tenants, by name. Shown
/// only when the directory spans more than one province (or the address names one, so it can
/// be left again).
#[component]
pub fn ProvinceSelect(
    /// The select's id.
    id: &'static str,
    /// The province shown; `None`: the whole country.
    #[prop(into)]
    chosen: Signal<Option<ProvinceCode>>,
    /// The page's address for a choice, keeping the page's other choices.
    href: Callback<Option<ProvinceCode>, String>,
) -> impl IntoView {
    let navigate = use_navigate();
    let directory = use_directory();
    let country = use_country();
    let tenants = Memo::new(move |_| directory.get().and_then(Result::ok).unwrap_or_default());
    let choices = Memo::new(move |_| {
        let names = provinces(country);
        tenants.with(|t| chosen.with(|c| province_choices(&names, t, c.as_ref())))
    });
    let shown = move || chosen.with(Option::is_some) || tenants.with(|t| spans_provinces(t));
    let on_change = move |ev: leptos::ev::Event| {
        let province = ProvinceCode::parse(event_target_value(&ev)).ok();
        navigate(&href.run(province), NavigateOptions::default());
    };
    let options = province_options(choices, chosen);
    view! {
        <Show when=shown>
            <div class="field field--medium">
                <label for=id>{t!("shell-province-label")}</label>
                <select id=id on:change=on_change.clone()>
                    <option value="" prop:selected=move || chosen.with(Option::is_none)>
                        {t!("shell-whole-country")}
                    </option>
                    {options}
                </select>
            </div>
        </Show>
    }
}

/// The province picker of the pages that follow a plan: the provinces with a plan, by name,
/// and no "whole country" (there is no plan of it). Shown when there is more than one to
/// choose from; while none is chosen it says to choose one.
#[component]
pub fn PlanProvinceSelect(
    /// The select's id; the prompt's is this with `-prompt`.
    id: &'static str,
    /// Whose plan the page shows.
    province: Memo<Result<PlanProvince, ApiError>>,
    /// The page's address for a province, keeping the page's other choices.
    href: Callback<ProvinceCode, String>,
) -> impl IntoView {
    let navigate = use_navigate();
    let country = use_country();
    let shown = Memo::new(move |_| province.with(|p| p.as_ref().ok()?.shown().cloned()));
    let choose = Memo::new(move |_| province.with(|p| p == &Ok(PlanProvince::Choose)));
    let choices = Memo::new(move |_| shown.with(|s| plan_choices(&provinces(country), s.as_ref())));
    let on_change = move |ev: leptos::ev::Event| {
        if let Ok(code) = ProvinceCode::parse(event_target_value(&ev)) {
            navigate(&href.run(code), NavigateOptions::default());
        }
    };
    let options = province_options(choices, shown.into());
    let placeholder = move || {
        choose.get().then(|| {
            view! {
                <option value="" disabled=true prop:selected=true>
                    {t!("shell-province-placeholder")}
                </option>
            }
        })
    };
    view! {
        <Show when=move || choices.with(|c| c.len() > 1)>
            <div class="field field--medium">
                <label for=id>{t!("shell-province-label")}</label>
                <select
                    id=id
                    on:change=on_change.clone()
                    aria-describedby=move || choose.get().then(|| format!("{id}-prompt"))
                >
                    {placeholder}
                    {options}
                </select>
                <Show when=move || choose.get()>
                    <p id=format!("{id}-prompt") class="field__help" role="status">
                        {t!("shell-province-choose")}
                    </p>
                </Show>
            </div>
        </Show>
    }
}

/// The "as of" picker: shows the view at the end of a past day, at a time of that day, or just
/// after an event of the log.
#[component]
pub fn AsOfPicker(
    /// The page's path.
    #[prop(into)]
    path: String,
    /// The current choices.
    params: Memo<ViewParams>,
) -> impl IntoView {
    let path = StoredValue::new(path);
    let navigate = use_navigate();
    let (day, time, event) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    // The fields show the address's moment; another address (the banner's link, the
    // browser's back button) changes them too.
    Effect::new(move |_| {
        let (d, t, e) = match params.with(|p| p.as_of) {
            None => Default::default(),
            Some(AsOf::Day(d)) => (d.to_string(), String::new(), String::new()),
            Some(AsOf::At(at)) => {
                let local = at + sofia_offset(at);
                (
                    local.format("%Y-%m-%d").to_string(),
                    local.format("%H:%M").to_string(),
                    String::new(),
                )
            }
            Some(AsOf::Position(p)) => (String::new(), String::new(), p.to_string()),
        };
        day.set(d);
        time.set(t);
        event.set(e);
    });
    let error = RwSignal::new(None::<String>);
    let submit = {
        let navigate = navigate.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let fields = (
                day.get_untracked(),
                time.get_untracked(),
                event.get_untracked(),
            );
            match chosen_moment(&fields.0, &fields.1, &fields.2, browser_now()) {
                Ok(as_of) => {
                    error.set(None);
                    let next = ViewParams {
                        as_of,
                        ..params.get_untracked()
                    };
                    navigate(
                        &path.with_value(|p| next.href(p)),
                        NavigateOptions::default(),
                    );
                }
                Err(message) => error.set(Some(message)),
            }
        }
    };
    let now = move |_| {
        let next = ViewParams {
            as_of: None,
            ..params.get_untracked()
        };
        navigate(
            &path.with_value(|p| next.href(p)),
            NavigateOptions::default(),
        );
    };
    view! {
        <form id="as-of-form" class="field as-of" on:submit=submit novalidate>
            <label for="as-of-date">{t!("shell-as-of-date")}</label>
            <div class="as-of__row">
                <DateInput id="as-of-date" value=day set=move |v| day.set(v) describedby="as-of-help" />
                <label for="as-of-time" class="visually-hidden">{t!("shell-as-of-time")}</label>
                <TimeInput id="as-of-time" value=time set=move |v| time.set(v) describedby="as-of-help" />
                <label for="as-of-event">{t!("shell-as-of-event-label")}</label>
                <input id="as-of-event" type="text" inputmode="numeric" size="8" bind:value=event aria-describedby="as-of-help" />
                <button type="submit" id="as-of-submit" class="button button--small">
                    {t!("shell-as-of-show")}
                </button>
                <Show when=move || params.with(|p| p.as_of.is_some())>
                    <button type="button" id="as-of-clear" class="button button--small" on:click=now.clone()>
                        {t!("shell-as-of-today")}
                    </button>
                </Show>
            </div>
            <p id="as-of-help" class="field__help">
                {t!("shell-as-of-help")}
            </p>
            {move || error.get().map(|e| view! { <p class="field__help field__help--error" role="alert">{e}</p> })}
        </form>
    }
}

/// The moment the picker's fields name: an event's number wins; a day alone is its end; a day
/// and a time that instant in Sofia. Nothing chosen is now; the future, or text that is no
/// moment, is an error in words.
fn chosen_moment(
    day: &str,
    time: &str,
    event: &str,
    now: DateTime<Utc>,
) -> Result<Option<AsOf>, String> {
    let (day, time, event) = (day.trim(), time.trim(), event.trim());
    if !event.is_empty() {
        return match event.parse::<u64>() {
            Ok(p) if p > 0 => Ok(Some(AsOf::Position(p))),
            _ => Err(t!("shell-as-of-event-invalid")),
        };
    }
    if day.is_empty() {
        return if time.is_empty() {
            Ok(None)
        } else {
            Err(t!("shell-as-of-time-without-date"))
        };
    }
    let Ok(date) = day.parse::<NaiveDate>() else {
        return Err(t!("shell-as-of-date-invalid"));
    };
    if time.is_empty() {
        return if date <= sofia_today(now) {
            Ok(Some(AsOf::Day(date)))
        } else {
            Err(t!("shell-as-of-date-future"))
        };
    }
    let at =
        from_sofia_input(&format!("{day}T{time}")).ok_or_else(|| t!("shell-as-of-time-invalid"))?;
    if at > now {
        return Err(t!("shell-as-of-instant-future"));
    }
    Ok(Some(AsOf::At(at)))
}

/// The notice that the page shows the past, not the present; shown as soon as a moment is
/// chosen, also when the view cannot be built for it (e.g. a day before the plan existed).
#[component]
pub fn AsOfBanner(
    /// The page's path.
    #[prop(into)]
    path: String,
    /// The current choices.
    params: Memo<ViewParams>,
    /// The log position the view was built at, once the server said it.
    #[prop(into)]
    position: Signal<Option<u64>>,
) -> impl IntoView {
    let path = StoredValue::new(path);
    move || {
        let p = params.get();
        p.as_of.map(|moment| {
            let now = ViewParams {
                as_of: None,
                ..p.clone()
            };
            view! {
                <div id="as-of-banner" class="notice notice--past" role="status" data-as-of=moment.param()>
                    <p>
                        <strong>{t!("shell-as-of-banner-title")} " "</strong>
                        {t!("shell-as-of-banner-shown", moment = moment.label())}
                        {move || position.get().map(|p| t!("shell-as-of-banner-position", position = p))}
                        {t!("shell-as-of-banner-later")}
                    </p>
                    <p>
                        <a id="as-of-now" href=path.with_value(|p| now.href(p))>
                            {t!("shell-as-of-banner-now")}
                        </a>
                    </p>
                </div>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> Result<ViewParams, ApiError> {
        ViewParams::parse(|k| {
            pairs
                .iter()
                .find(|(key, _)| *key == k)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn addresses_round_trip() {
        let p = parse(&[
            ("tenant", "bansko"),
            ("year", "2017"),
            ("as_of", "2017-06-30"),
        ])
        .unwrap();
        assert_eq!(p.year, Some(2017));
        assert_eq!(p.as_of, NaiveDate::from_ymd_opt(2017, 6, 30).map(AsOf::Day));
        assert_eq!(
            p.href("/dashboard"),
            "/dashboard?tenant=bansko&year=2017&as_of=2017-06-30"
        );
        assert_eq!(p.as_of_api().as_deref(), Some("2017-06-30T20:59:59.999Z"));
        assert_eq!(parse(&[("year", " ")]).unwrap(), ViewParams::default());
        assert_eq!(ViewParams::default().href("/region"), "/region");
    }

    #[test]
    fn a_moment_is_a_day_an_instant_or_an_event() {
        let at = parse(&[("as_of", "2017-06-30T09:45:00.000Z")]).unwrap();
        assert_eq!(
            at.href("/region"),
            "/region?as_of=2017-06-30T09%3A45%3A00.000Z"
        );
        assert_eq!(at.as_of_api().as_deref(), Some("2017-06-30T09:45:00.000Z"));
        let summer = at.as_of.unwrap();
        assert_eq!(summer.label(), "30.06.2017 12:45 ч.");
        assert_eq!(summer.file_tag(), "2017-06-30-1245");
        let event = parse(&[("as_of", "1234")]).unwrap();
        assert_eq!(event.as_of, Some(AsOf::Position(1234)));
        assert_eq!(event.as_of_api().as_deref(), Some("1234"));
        assert_eq!(AsOf::Position(1234).label(), "събитие № 1\u{2009}234");
        assert_eq!(
            AsOf::Day(NaiveDate::from_ymd_opt(2017, 6, 30).unwrap()).label(),
            "края на 30.06.2017 г."
        );
    }

    #[test]
    fn the_pickers_fields_name_a_moment_or_say_what_is_wrong() {
        let now = "2026-12-02T10:00:00Z".parse().unwrap();
        let chosen_moment = |d, t, e| chosen_moment(d, t, e, now);
        assert_eq!(chosen_moment("", "", ""), Ok(None));
        assert_eq!(
            chosen_moment("2017-06-30", "", " 12 "),
            Ok(Some(AsOf::Position(12)))
        );
        assert_eq!(
            chosen_moment("2017-06-30", "", ""),
            Ok(NaiveDate::from_ymd_opt(2017, 6, 30).map(AsOf::Day))
        );
        assert_eq!(
            chosen_moment("2017-06-30", "12:45", ""),
            Ok(Some(AsOf::At("2017-06-30T09:45:00Z".parse().unwrap())))
        );
        assert!(chosen_moment("", "12:45", "").is_err());
        assert!(chosen_moment("", "", "0").is_err());
        assert!(chosen_moment("", "", "x").is_err());
        assert!(chosen_moment("2026-12-03", "", "").is_err());
        // Noon in Sofia is 10:00 UTC in winter: a minute later is still to come.
        assert!(chosen_moment("2026-12-02", "12:01", "").is_err());
        assert!(chosen_moment("2026-12-02", "11:59", "").is_ok());
    }

    #[test]
    fn a_province_is_kept_with_the_other_choices() {
        let p = parse(&[("year", "2017"), ("province", "BLG")]).unwrap();
        assert_eq!(p.province.as_ref().map(|c| c.as_str()), Some("BLG"));
        assert_eq!(p.href("/region"), "/region?province=BLG&year=2017");
        let next = ViewParams {
            year: Some(2018),
            ..p
        };
        assert_eq!(next.href("/progress"), "/progress?province=BLG&year=2018");
    }

    #[test]
    fn malformed_values_are_refused() {
        assert!(parse(&[("province", "Благоевград")]).is_err());
        assert!(parse(&[("year", "двайсет")]).is_err());
        assert!(parse(&[("as_of", "30.06.2017")]).is_err());
        assert!(parse(&[("as_of", "-3")]).is_err());
        assert!(parse(&[("tenant", "Не Бива")]).is_err());
    }
}
