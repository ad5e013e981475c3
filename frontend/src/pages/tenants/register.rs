//! Registering institutions: a regional administrator's municipalities and territorial units,
//! and a national administrator's regional administrations, national bodies and any province's
//! institutions.

use crate::api;
use crate::directory::{provinces, use_country, use_directory};
use crate::form::{FormError, InputField, Labelled, NoticeView, SubmitButton, use_submit};
use crate::provinces::{place_name, province_name, province_of, unregistered_municipalities};
use antikor_shared::tenant::RegisterTenant;
use antikor_shared::{ProvinceCode, TenantId};
use leptos::prelude::*;

/// The longest name or code the server takes.
const MAX_TEXT: usize = 200;

/// Checks a territorial unit of `province` (a national body for `None`) as typed and builds the
/// request, or says what to fix. The server checks it again, and what only it knows (a slug or
/// code already taken).
fn checked_unit(
    slug: &str,
    name_bg: &str,
    name_en: &str,
    official_code: &str,
    province: Option<ProvinceCode>,
) -> Result<RegisterTenant, String> {
    let slug =
        TenantId::parse(slug.trim().to_owned()).map_err(|_| t!("admin-register-slug-invalid"))?;
    // `missing` says what to type when the field is empty.
    let filled = |value: &str, missing: fn() -> String| {
        let value = value.trim();
        if value.is_empty() {
            Err(missing())
        } else {
            Ok(value.to_owned())
        }
    };
    let (name_bg, name_en, official_code) = (
        filled(name_bg, || t!("admin-register-name-bg-missing"))?,
        filled(name_en, || t!("admin-register-name-en-missing"))?,
        filled(official_code, || t!("admin-register-code-missing"))?,
    );
    Ok(match province {
        Some(province) => RegisterTenant::TerritorialUnit {
            slug,
            name_bg,
            name_en,
            official_code,
            province,
        },
        None => RegisterTenant::NationalBody {
            slug,
            name_bg,
            name_en,
            official_code,
        },
    })
}

/// "Регистриране на институции в страната", for a national administrator: the provinces whose
/// regional administration is not registered yet, the form for a national body, and the
/// municipalities and units of the province the page is narrowed to.
#[component]
pub(super) fn CountrySection(
    /// The province the page shows, if one.
    chosen: Signal<Option<ProvinceCode>>,
) -> impl IntoView {
    let directory = use_directory();
    let country = use_country();
    let refresh = Callback::new(move |()| {
        directory.refetch();
        country.refetch();
    });
    view! {
        <section id="country-registration" aria-labelledby="country-registration-heading">
            <h2 id="country-registration-heading">{t!("admin-register-country-heading")}</h2>
            <p>{t!("admin-register-country-lead")}</p>
            <Provinces refresh />
            <UnitForm province=None refresh province_name=Signal::derive(String::new) />
        </section>
        {move || chosen.get().map(|province| view! { <Registration province /> })}
    }
}

/// The provinces whose regional administration is not registered yet.
#[component]
fn Provinces(
    /// Reads the directory and the country's list again.
    refresh: Callback<()>,
) -> impl IntoView {
    let country = use_country();
    let left = Signal::derive(move || {
        country.get().and_then(Result::ok).map(|list| {
            list.iter()
                .filter(|p| p.administration.is_none())
                .map(|p| Unregistered {
                    code: p.code.to_string(),
                    label: t!(
                        "admin-register-province-label",
                        province = place_name(&p.name_bg)
                    ),
                    name: place_name(&p.name_bg),
                    request: RegisterTenant::RegionalAdministration {
                        province: p.code.clone(),
                    },
                })
                .collect()
        })
    });
    view! { <LeftToRegister list=&PROVINCES left refresh /> }
}

/// An institution of the NSI list that is not registered yet: its row, and what registers it.
#[derive(Debug, Clone, PartialEq)]
struct Unregistered {
    /// Its NSI code.
    code: String,
    /// Its name.
    name: String,
    /// What its button says to a screen reader.
    label: String,
    request: RegisterTenant,
}

/// The ids and texts of one list of what is left to register.
struct LeftList {
    heading: fn() -> String,
    list: &'static str,
    all_registered: &'static str,
    all_registered_text: fn() -> String,
    button_class: &'static str,
    result: &'static str,
}

const PROVINCES: LeftList = LeftList {
    heading: || t!("admin-register-provinces-heading"),
    list: "unregistered-provinces",
    all_registered: "provinces-all-registered",
    all_registered_text: || t!("admin-register-provinces-done"),
    button_class: "button button--small register-province",
    result: "province-result",
};

const MUNICIPALITIES: LeftList = LeftList {
    heading: || t!("admin-register-municipalities-heading"),
    list: "unregistered-municipalities",
    all_registered: "municipalities-all-registered",
    all_registered_text: || t!("admin-register-municipalities-done"),
    button_class: "button button--small register-municipality",
    result: "municipality-result",
};

/// What is left to register, each with its "Регистрирай" (`left` is `None` while the
/// country's list has not come; what was shown stays through a refetch).
#[component]
fn LeftToRegister(
    list: &'static LeftList,
    left: Signal<Option<Vec<Unregistered>>>,
    /// Reads the directory and the country's list again.
    refresh: Callback<()>,
) -> impl IntoView {
    let form = use_submit();
    let left = Memo::new(move |known: Option<&Option<Vec<Unregistered>>>| {
        left.get().or_else(|| known.cloned().flatten())
    });
    let register = move |request: RegisterTenant| {
        form.send(
            async move { api::register_tenant(&request).await },
            move |tenant| {
                refresh.run(());
                form.succeed(t!(
                    "admin-register-registered",
                    name = tenant.registration.name().get(crate::i18n::lang())
                ));
            },
        );
    };
    let rows = move || {
        left.get().map(|left| {
            if left.is_empty() {
                return view! {
                    <p id=list.all_registered class="notice notice--ok">
                        {(list.all_registered_text)()}
                    </p>
                }
                .into_any();
            }
            let items = left
                .into_iter()
                .map(|entry| {
                    let Unregistered {
                        code,
                        name,
                        label,
                        request,
                    } = entry;
                    let shown = code.clone();
                    view! {
                        <li data-code=code>
                            <span>
                                {name} " " <code>{shown}</code>
                            </span>
                            <button
                                type="button"
                                class=list.button_class
                                aria-label=label
                                disabled=form.busy()
                                on:click=move |_| register(request.clone())
                            >
                                {t!("admin-register-button")}
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! { <ul id=list.list class="register-list">{items}</ul> }.into_any()
        })
    };
    view! {
        <h3>{(list.heading)()}</h3>
        {rows}
        <NoticeView id=list.result notice=form.outcome() />
    }
}

/// "Регистриране на институция", for the regional administrator of `own`: the municipalities
/// of its province that are not registered yet, and a form for a territorial unit. Nothing
/// until the directory says which province that is.
#[component]
pub(super) fn RegisterSection(own: TenantId) -> impl IntoView {
    let directory = use_directory();
    // Kept once known: a refetch after a registration must not close the section meanwhile.
    let province = Memo::new(move |known: Option<&Option<ProvinceCode>>| {
        directory
            .get()
            .and_then(Result::ok)
            .and_then(|d| province_of(&d, &own).cloned())
            .or_else(|| known.cloned().flatten())
    });
    move || {
        province
            .get()
            .map(|province| view! { <Registration province /> })
    }
}

/// The section for a known province.
#[component]
fn Registration(province: ProvinceCode) -> impl IntoView {
    let directory = use_directory();
    let country = use_country();
    // Both lists change: the table gains the institution, the municipalities lose it.
    let refresh = Callback::new(move |()| {
        directory.refetch();
        country.refetch();
    });
    let name = {
        let province = province.clone();
        move || province_name(&provinces(country), &province)
    };
    view! {
        <section id="tenant-registration" aria-labelledby="tenant-registration-heading">
            <h2 id="tenant-registration-heading">{t!("admin-register-heading")}</h2>
            <p>
                {
                    let name = name.clone();
                    move || t!("admin-register-lead", province = name())
                }
            </p>
            <Municipalities province=province.clone() refresh />
            <UnitForm province=Some(province) refresh province_name=Signal::derive(name) />
        </section>
    }
}

/// The province's municipalities not registered yet.
#[component]
fn Municipalities(
    province: ProvinceCode,
    /// Reads the directory and the country's list again.
    refresh: Callback<()>,
) -> impl IntoView {
    let country = use_country();
    let left = Signal::derive(move || {
        country.get().and_then(Result::ok).map(|list| {
            unregistered_municipalities(&list, &province)
                .into_iter()
                .map(|m| Unregistered {
                    code: m.nsi_code.clone(),
                    label: t!(
                        "admin-register-municipality-label",
                        municipality = place_name(&m.name_bg)
                    ),
                    name: place_name(&m.name_bg),
                    request: RegisterTenant::Municipality {
                        nsi_code: m.nsi_code.clone(),
                    },
                })
                .collect()
        })
    });
    view! { <LeftToRegister list=&MUNICIPALITIES left refresh /> }
}

/// The element ids of one registration form (two can be on the page at once).
struct FormIds {
    form: &'static str,
    slug: &'static str,
    slug_help: &'static str,
    name_bg: &'static str,
    name_en: &'static str,
    code: &'static str,
    error: &'static str,
    result: &'static str,
    submit: &'static str,
}

/// The form of a territorial unit.
const UNIT: FormIds = FormIds {
    form: "unit-form",
    slug: "unit-slug",
    slug_help: "unit-slug-help",
    name_bg: "unit-name-bg",
    name_en: "unit-name-en",
    code: "unit-code",
    error: "unit-error",
    result: "unit-result",
    submit: "unit-submit",
};

/// The form of a national body.
const BODY: FormIds = FormIds {
    form: "body-form",
    slug: "body-slug",
    slug_help: "body-slug-help",
    name_bg: "body-name-bg",
    name_en: "body-name-en",
    code: "body-code",
    error: "body-error",
    result: "body-result",
    submit: "body-submit",
};

/// The form for a territorial unit of `province`, or for a national body (`None`).
#[component]
fn UnitForm(
    province: Option<ProvinceCode>,
    /// Reads the directory and the country's list again.
    refresh: Callback<()>,
    /// The province's name, shown in place of a choice: the unit is of the own province.
    province_name: Signal<String>,
) -> impl IntoView {
    let unit = province.is_some();
    let ids = if unit { &UNIT } else { &BODY };
    let slug = RwSignal::new(String::new());
    let name_bg = RwSignal::new(String::new());
    let name_en = RwSignal::new(String::new());
    let official_code = RwSignal::new(String::new());
    let form = use_submit();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        if !form.begin(&ev) {
            return;
        }
        let body = match checked_unit(
            &slug.get_untracked(),
            &name_bg.get_untracked(),
            &name_en.get_untracked(),
            &official_code.get_untracked(),
            province.clone(),
        ) {
            Ok(body) => body,
            Err(text) => return form.fail(text),
        };
        form.send(
            async move { api::register_tenant(&body).await },
            move |tenant| {
                for field in [slug, name_bg, name_en, official_code] {
                    field.try_set(String::new());
                }
                refresh.run(());
                let name = tenant
                    .registration
                    .name()
                    .get(crate::i18n::lang())
                    .to_owned();
                form.succeed(if unit {
                    t!("admin-register-unit-done", name = name)
                } else {
                    t!("admin-register-body-done", name = name)
                });
            },
        );
    };
    let (heading, example, submit_text) = if unit {
        (
            t!("admin-register-unit-heading"),
            "rzi-blagoevgrad",
            t!("admin-register-unit-submit"),
        )
    } else {
        (
            t!("admin-register-body-heading"),
            "kpkonpi",
            t!("admin-register-body-submit"),
        )
    };
    view! {
        <h3>{heading}</h3>
        <form id=ids.form class="form-card" on:submit=submit novalidate>
            <div class="form-grid">
                <Labelled
                    id=ids.slug
                    label=t!("admin-register-slug")
                    help=t!("admin-register-slug-help", example = example)
                >
                    <input
                        id=ids.slug
                        type="text"
                        autocomplete="off"
                        autocapitalize="none"
                        spellcheck="false"
                        maxlength="40"
                        aria-describedby=ids.slug_help
                        required
                        bind:value=slug
                    />
                </Labelled>
                <InputField id=ids.name_bg label=t!("admin-register-name-bg") value=name_bg maxlength=MAX_TEXT autocomplete="off" required=true />
                <InputField id=ids.name_en label=t!("admin-register-name-en") value=name_en maxlength=MAX_TEXT autocomplete="off" required=true />
                <InputField
                    id=ids.code
                    label=t!("admin-register-code")
                    help=t!("admin-register-code-help")
                    value=official_code
                    maxlength=MAX_TEXT
                    autocomplete="off"
                    required=true
                />
                {unit
                    .then(|| {
                        view! {
                            <div class="field">
                                <span class="field__label">{t!("admin-register-province")}</span>
                                <span class="field__static">{province_name}</span>
                            </div>
                        }
                    })}
            </div>
            <FormError id=ids.error error=form.error() />
            <NoticeView id=ids.result notice=form.saved() />
            <SubmitButton id=ids.submit form text=submit_text />
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blg() -> ProvinceCode {
        ProvinceCode::parse("BLG").unwrap()
    }

    #[test]
    fn a_unit_is_sent_trimmed_in_the_own_province() {
        let body = checked_unit(
            " rzi-blagoevgrad ",
            " Регионална здравна инспекция – Благоевград ",
            "Regional Health Inspectorate Blagoevgrad",
            " 175893843 ",
            Some(blg()),
        )
        .unwrap();
        assert_eq!(
            body,
            RegisterTenant::TerritorialUnit {
                slug: TenantId::parse("rzi-blagoevgrad").unwrap(),
                name_bg: "Регионална здравна инспекция – Благоевград".to_owned(),
                name_en: "Regional Health Inspectorate Blagoevgrad".to_owned(),
                official_code: "175893843".to_owned(),
                province: blg(),
            }
        );
        let json = serde_json::to_value(&body).unwrap();
        assert_eq!(json["kind"], "territorial_unit");
        assert_eq!(json["province"], "BLG");
    }

    #[test]
    fn what_the_server_would_refuse_is_said_first() {
        let slug = checked_unit("РЗИ", "Звено", "Unit", "1", Some(blg())).unwrap_err();
        assert!(slug.contains("малки латински букви"), "{slug}");
        assert_eq!(
            checked_unit("rzi", " ", "Unit", "1", Some(blg())).unwrap_err(),
            "Въведете наименованието на български."
        );
        assert_eq!(
            checked_unit("rzi", "Звено", "", "1", Some(blg())).unwrap_err(),
            "Въведете наименованието на английски."
        );
        assert_eq!(
            checked_unit("rzi", "Звено", "Unit", "", Some(blg())).unwrap_err(),
            "Въведете официалния код."
        );
    }

    #[test]
    fn without_a_province_the_form_registers_a_national_body() {
        let body = checked_unit("kpkonpi", " Комисия ", "Commission", "129010997", None).unwrap();
        let json = serde_json::to_value(&body).unwrap();
        assert_eq!(json["kind"], "national_body");
        assert_eq!(json["name_bg"], "Комисия");
        assert!(json.get("province").is_none());
    }

    #[test]
    fn a_municipality_is_named_by_its_nsi_code() {
        let body = RegisterTenant::Municipality {
            nsi_code: "BLG03".to_owned(),
        };
        assert_eq!(
            serde_json::to_value(&body).unwrap(),
            serde_json::json!({"kind": "municipality", "nsi_code": "BLG03"})
        );
    }
}
