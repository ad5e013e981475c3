//! The form that enters a risk in the register of the user's institution.

use super::{register_years, year_text};
use crate::api;
use crate::controls::today;
use crate::directory::use_people;
use crate::form::{FormError, InputField, Labelled, TextAreaField, date_error, use_submit};
use crate::session::use_session;
use antikor_shared::TenantId;
use antikor_shared::account::Person;
use antikor_shared::risk::{RiskArea, RiskIdentified};
use antikor_shared::wire::{code, from_code};
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

/// Who may own a risk of `tenant`: its people who may change things (the server also refuses
/// a disabled account, which the list of people does not tell apart), by name.
fn owners<'a>(people: impl IntoIterator<Item = &'a Person>, tenant: &TenantId) -> Vec<Person> {
    let mut owners: Vec<Person> = people
        .into_iter()
        .filter(|p| &p.tenant == tenant && !p.role.is_read_only())
        .cloned()
        .collect();
    owners.sort_by(|a, b| a.display_name.cmp(&b.display_name));
    owners
}

/// Trimmed text, or the message that it is missing.
fn required(value: RwSignal<String>, what: &str) -> Result<String, String> {
    let text = value.get_untracked().trim().to_owned();
    if text.is_empty() {
        Err(t!("risks-new-required", field = what))
    } else {
        Ok(text)
    }
}

/// What the form's fields hold, checked as far as the browser can.
struct Typed {
    year: String,
    area: String,
    unit: RwSignal<String>,
    description: RwSignal<String>,
    causes: RwSignal<String>,
    owner: String,
    review_on: String,
}

impl Typed {
    fn check(&self) -> Result<RiskIdentified, String> {
        let year = self
            .year
            .parse::<i32>()
            .map_err(|_| t!("risks-new-choose-year"))?;
        let area = from_code::<RiskArea>(&self.area).ok_or_else(|| t!("risks-new-choose-area"))?;
        let unit = required(self.unit, &t!("risks-field-unit"))?;
        let description = required(self.description, &t!("risks-new-description-label"))?;
        let causes = required(self.causes, &t!("risks-field-causes"))?;
        if self.owner.trim().is_empty() {
            return Err(t!("risks-new-choose-owner"));
        }
        let review_on = self
            .review_on
            .trim()
            .parse::<NaiveDate>()
            .map_err(|_| date_error(&t!("risks-new-review-on-what")))?;
        Ok(RiskIdentified {
            year,
            area,
            unit,
            description,
            causes,
            owner: self.owner.trim().to_owned(),
            review_on,
        })
    }
}

/// "Нов риск": enters a risk in the register of the user's institution, then opens its page,
/// where it is assessed and given a response.
#[component]
pub(super) fn NewRiskForm(
    /// The register's year the page shows: the form's year until another is chosen.
    shown: Signal<Option<i32>>,
) -> impl IntoView {
    let me = use_session().user_untracked();
    let own = me.as_ref().map(|u| u.tenant.clone());
    let people = use_people();
    let this_year = today().year();
    let year = RwSignal::new(shown.get_untracked().unwrap_or(this_year).to_string());
    let year_chosen = RwSignal::new(false);
    // The page's year comes with its figures: it becomes the form's, as the form was opened
    // over that register, unless a year was chosen in the form already.
    Effect::watch(
        move || shown.get(),
        move |shown, _, _| {
            if let Some(y) = shown.filter(|_| !year_chosen.get_untracked()) {
                year.set(y.to_string());
            }
        },
        false,
    );
    let area = RwSignal::new(code(RiskArea::Procurement));
    let unit = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let causes = RwSignal::new(String::new());
    let owner = RwSignal::new(me.map(|u| u.username.to_string()).unwrap_or_default());
    let review_on = RwSignal::new(String::new());
    let form = use_submit();
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        if !form.begin(&ev) {
            return;
        }
        let typed = Typed {
            year: year.get_untracked(),
            area: area.get_untracked(),
            unit,
            description,
            causes,
            owner: owner.get_untracked(),
            review_on: review_on.get_untracked(),
        };
        let body = match typed.check() {
            Ok(body) => body,
            Err(text) => return form.fail(text),
        };
        let navigate = navigate.clone();
        form.send(
            async move { api::identify_risk(&body).await },
            move |risk| navigate(&format!("/risks/{}", risk.id), NavigateOptions::default()),
        );
    };
    let year_options = move || {
        let current = year.get();
        register_years(this_year, current.parse().ok())
            .into_iter()
            .map(|y| {
                let value = y.to_string();
                let selected = value == current;
                view! { <option value=value prop:selected=selected>{year_text(y)}</option> }
            })
            .collect_view()
    };
    let area_options = RiskArea::ALL
        .into_iter()
        .map(|a| {
            view! {
                <option value=code(a) prop:selected=move || area.get() == code(a)>
                    {a.label(crate::i18n::lang())}
                </option>
            }
        })
        .collect_view();
    let owner_options = move || {
        let Some(own) = own.as_ref() else {
            return Vec::new();
        };
        let current = owner.get();
        owners(people.map().values(), own)
            .into_iter()
            .map(|p| {
                let value = p.username.to_string();
                let selected = value == current;
                view! {
                    <option value=value.clone() prop:selected=selected>
                        {format!("{} ({})", p.display_name, p.role.label(crate::i18n::lang()))}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <details class="form-card" id="new-risk">
            <summary>{t!("risks-new-title")}</summary>
            <form id="new-risk-form" on:submit=submit novalidate>
                <div class="form-grid">
                    <Labelled id="new-risk-year" label=t!("risks-field-year") class="field--narrow">
                        <select
                            id="new-risk-year"
                            on:change=move |ev| {
                                year_chosen.set(true);
                                year.set(event_target_value(&ev));
                            }
                        >
                            {year_options}
                        </select>
                    </Labelled>
                    <Labelled id="new-risk-area" label=t!("risks-field-area")>
                        <select id="new-risk-area" on:change=move |ev| area.set(event_target_value(&ev))>
                            {area_options}
                        </select>
                    </Labelled>
                    <InputField id="new-risk-unit" label=t!("risks-field-unit") value=unit maxlength=300 />
                    <Labelled id="new-risk-owner" label=t!("risks-new-owner-label") help=t!("risks-new-owner-help")>
                        <select
                            id="new-risk-owner"
                            aria-describedby="new-risk-owner-help"
                            on:change=move |ev| owner.set(event_target_value(&ev))
                        >
                            <option value="" prop:selected=move || owner.with(String::is_empty)>{t!("risks-new-choose")}</option>
                            {owner_options}
                        </select>
                    </Labelled>
                    <InputField
                        id="new-risk-review-on"
                        label=t!("risks-field-review-on")
                        kind="date"
                        value=review_on
                        help=t!("risks-new-review-on-help")
                    />
                </div>
                <TextAreaField id="new-risk-description" label=t!("risks-new-description-label") value=description rows=3 maxlength=2000 help=t!("risks-new-description-help") />
                <TextAreaField id="new-risk-causes" label=t!("risks-field-causes") value=causes rows=3 maxlength=2000 help=t!("risks-new-causes-help") />
                <FormError id="new-risk-error" error=form.error() />
                <div class="form-actions">
                    <button type="submit" id="new-risk-submit" class="button button--primary" disabled=form.busy()>
                        {t!("risks-new-submit")}
                    </button>
                </div>
            </form>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use antikor_shared::Username;
    use antikor_shared::account::Role;

    fn person(username: &str, name: &str, role: Role, tenant: &str) -> Person {
        Person {
            username: Username::parse(username).unwrap(),
            display_name: name.to_owned(),
            role,
            tenant: TenantId::parse(tenant).unwrap(),
        }
    }

    #[test]
    fn a_risk_is_owned_by_someone_of_its_institution_who_may_change_things() {
        let people = [
            person("oblast.sekretar", "Георги Петров", Role::Regional, "oblast"),
            person("odit", "Елена Димитрова", Role::Auditor, "oblast"),
            person(
                "oblast.admin",
                "Мария Стоянова",
                Role::RegionalAdmin,
                "oblast",
            ),
            person("bansko.officer", "Иван Костадинов", Role::Officer, "bansko"),
        ];
        let oblast = TenantId::parse("oblast").unwrap();
        let names: Vec<String> = owners(&people, &oblast)
            .into_iter()
            .map(|p| p.username.to_string())
            .collect();
        assert_eq!(
            names,
            ["oblast.sekretar", "oblast.admin"],
            "by name, no auditor"
        );
    }
}
