//! Registering institutions: a regional administrator's municipalities and territorial units.

use crate::api;
use crate::directory::{provinces, use_country, use_directory};
use crate::form::{FormError, InputField, Labelled, NoticeView, SubmitButton, use_submit};
use crate::provinces::{province_name, province_of, unregistered_municipalities};
use antikor_shared::tenant::{MunicipalityEntry, RegisterTenant};
use antikor_shared::{ProvinceCode, TenantId};
use leptos::prelude::*;

/// The longest name or code the server takes.
const MAX_TEXT: usize = 200;

/// Checks a territorial unit as typed and builds the request, or says what to fix. The server
/// checks it again, and what only it knows (a slug or code already taken).
fn checked_unit(
    slug: &str,
    name_bg: &str,
    name_en: &str,
    official_code: &str,
    province: ProvinceCode,
) -> Result<RegisterTenant, String> {
    let slug = TenantId::parse(slug.trim().to_owned()).map_err(|_| {
        "Краткото име може да съдържа малки латински букви, цифри и тире (до 40 знака) \
         и започва с буква или цифра."
            .to_owned()
    })?;
    let filled = |value: &str, what: &str| {
        let value = value.trim();
        if value.is_empty() {
            Err(format!("Въведете {what}."))
        } else {
            Ok(value.to_owned())
        }
    };
    Ok(RegisterTenant::TerritorialUnit {
        slug,
        name_bg: filled(name_bg, "наименованието на български")?,
        name_en: filled(name_en, "наименованието на английски")?,
        official_code: filled(official_code, "официалния код")?,
        province,
    })
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
            <h2 id="tenant-registration-heading">"Регистриране на институция"</h2>
            <p>
                "Общините и териториалните звена на област " {name.clone()}
                " започват работа в Антикор, след като ги регистрирате тук. "
                "Областните администрации и централните органи се регистрират от командния ред на сървъра."
            </p>
            <Municipalities province=province.clone() refresh />
            <UnitForm province refresh province_name=Signal::derive(name) />
        </section>
    }
}

/// The province's municipalities not registered yet, each with its "Регистрирай".
#[component]
fn Municipalities(
    province: ProvinceCode,
    /// Reads the directory and the country's list again.
    refresh: Callback<()>,
) -> impl IntoView {
    let country = use_country();
    let form = use_submit();
    // `None` while the list has not come (or failed); kept through a refetch.
    let left =
        Memo::new(
            move |known: Option<&Option<Vec<MunicipalityEntry>>>| match country.get() {
                Some(Ok(list)) => Some(
                    unregistered_municipalities(&list, &province)
                        .into_iter()
                        .cloned()
                        .collect(),
                ),
                _ => known.cloned().flatten(),
            },
        );
    let register = move |m: MunicipalityEntry| {
        let body = RegisterTenant::Municipality {
            nsi_code: m.nsi_code,
        };
        form.send(
            async move { api::register_tenant(&body).await },
            move |tenant| {
                refresh.run(());
                form.succeed(format!("„{}“ е регистрирана.", tenant.registration.name_bg));
            },
        );
    };
    let list = move || {
        left.get().map(|left| {
            if left.is_empty() {
                return view! {
                    <p id="municipalities-all-registered" class="notice notice--ok">
                        "Всички общини на областта са регистрирани."
                    </p>
                }
                .into_any();
            }
            let items = left
                .into_iter()
                .map(|m| {
                    let label = format!("Регистрирай община {}", m.name_bg);
                    let (name, code, key) =
                        (m.name_bg.clone(), m.nsi_code.clone(), m.nsi_code.clone());
                    view! {
                        <li data-nsi-code=key>
                            <span>
                                {name} " " <code>{code}</code>
                            </span>
                            <button
                                type="button"
                                class="button button--small register-municipality"
                                aria-label=label
                                disabled=form.busy()
                                on:click=move |_| register(m.clone())
                            >
                                "Регистрирай"
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! { <ul id="unregistered-municipalities" class="register-list">{items}</ul> }
                .into_any()
        })
    };
    view! {
        <h3>"Общини"</h3>
        {list}
        <NoticeView id="municipality-result" notice=form.outcome() />
    }
}

/// The form for a territorial unit of the province.
#[component]
fn UnitForm(
    province: ProvinceCode,
    /// Reads the directory and the country's list again.
    refresh: Callback<()>,
    /// The province's name, shown in place of a choice: the unit is of the own province.
    province_name: Signal<String>,
) -> impl IntoView {
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
                form.succeed(format!(
                    "Териториалното звено „{}“ е регистрирано.",
                    tenant.registration.name_bg
                ));
            },
        );
    };
    view! {
        <h3>"Териториално звено"</h3>
        <form id="unit-form" class="form-card" on:submit=submit novalidate>
            <div class="form-grid">
                <Labelled
                    id="unit-slug"
                    label="Кратко име"
                    help="Малки латински букви, цифри и тире, напр. rzi-blagoevgrad. Стои в адресите и не може да се сменя."
                >
                    <input
                        id="unit-slug"
                        type="text"
                        autocomplete="off"
                        autocapitalize="none"
                        spellcheck="false"
                        maxlength="40"
                        aria-describedby="unit-slug-help"
                        required
                        bind:value=slug
                    />
                </Labelled>
                <InputField id="unit-name-bg" label="Наименование" value=name_bg maxlength=MAX_TEXT autocomplete="off" required=true />
                <InputField id="unit-name-en" label="Наименование на английски" value=name_en maxlength=MAX_TEXT autocomplete="off" required=true />
                <InputField
                    id="unit-code"
                    label="Официален код"
                    help="ЕИК или код по БУЛСТАТ"
                    value=official_code
                    maxlength=MAX_TEXT
                    autocomplete="off"
                    required=true
                />
                <div class="field">
                    <span class="field__label">"Област"</span>
                    <span class="field__static">{province_name}</span>
                </div>
            </div>
            <FormError id="unit-error" error=form.error() />
            <NoticeView id="unit-result" notice=form.saved() />
            <SubmitButton id="unit-submit" form text="Регистрирай звеното" />
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
            blg(),
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
        let slug = checked_unit("РЗИ", "Звено", "Unit", "1", blg()).unwrap_err();
        assert!(slug.contains("малки латински букви"), "{slug}");
        assert_eq!(
            checked_unit("rzi", " ", "Unit", "1", blg()).unwrap_err(),
            "Въведете наименованието на български."
        );
        assert_eq!(
            checked_unit("rzi", "Звено", "", "1", blg()).unwrap_err(),
            "Въведете наименованието на английски."
        );
        assert_eq!(
            checked_unit("rzi", "Звено", "Unit", "", blg()).unwrap_err(),
            "Въведете официалния код."
        );
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
