//! `/contacts/edit`: the institution's list of anti-corruption experts (measure II.3).

use crate::api::{self, ApiError};
use crate::components::{Loaded, TenantNameText, set_title};
use crate::form::{NoticeView, use_submit};
use crate::format::{date_time, utc_exact};
use crate::session::use_session;
use antikor_shared::activity::ExpertContact;
use antikor_shared::tenant::TenantName;
use antikor_shared::views::UpdateContacts;
use leptos::prelude::*;
use leptos_router::components::A;

/// The most experts a list may hold, as the server checks it.
const MAX_CONTACTS: usize = 50;

/// The contacts as typed, ready to send: blank rows dropped, every kept row complete.
pub fn checked_contacts(rows: &[ExpertContact]) -> Result<Vec<ExpertContact>, String> {
    let mut out = Vec::new();
    for (i, c) in rows.iter().enumerate() {
        let c = ExpertContact {
            name: c.name.trim().to_owned(),
            position: c.position.trim().to_owned(),
            phone: c.phone.trim().to_owned(),
            email: c.email.trim().to_owned(),
        };
        if c.name.is_empty() && c.position.is_empty() && c.phone.is_empty() && c.email.is_empty() {
            continue;
        }
        let n = i + 1;
        // The server needs all four: a contact list is for reaching the person.
        if c.name.is_empty() || c.position.is_empty() || c.phone.is_empty() || c.email.is_empty() {
            return Err(t!("work-contacts-row-incomplete", row = n));
        }
        if !c.email.contains('@') {
            return Err(t!("work-contacts-row-email", row = n, email = &c.email));
        }
        out.push(c);
    }
    if out.len() > MAX_CONTACTS {
        return Err(t!("work-contacts-too-many", count = MAX_CONTACTS));
    }
    Ok(out)
}

fn blank() -> ExpertContact {
    ExpertContact {
        name: String::new(),
        position: String::new(),
        phone: String::new(),
        email: String::new(),
    }
}

/// `/contacts/edit`.
#[component]
pub fn ContactsEditPage() -> impl IntoView {
    set_title(&t!("work-contacts-title"));
    let session = use_session();
    let me = session.user_untracked();
    let own = me.as_ref().map(|u| u.tenant.clone());
    // Only the own institution's list is edited: its entry is looked up in the pages.
    let contacts = LocalResource::new(move || {
        let own = own.clone();
        async move {
            match own {
                Some(own) => api::tenant_contacts(&own).await,
                None => Ok(None),
            }
        }
    });
    let retry = Callback::new(move |()| contacts.refetch());
    let body = move || {
        Suspend::new(async move {
            let Some(mine) = contacts.await? else {
                return Err(ApiError::Invalid(t!("work-contacts-missing")));
            };
            Ok::<_, ApiError>(
                view! { <ContactsForm initial=mine.contacts updated=mine.updated_at name=mine.name /> },
            )
        })
    };
    view! {
        <h1>{t!("work-contacts-heading")}</h1>
        <p class="lead">
            {t!("work-contacts-lead")}
            " "
            <A href="/council">{t!("work-contacts-council-link")}</A>
            ". "
            {t!("work-contacts-lead-official")}
        </p>
        <Loaded retry>{body}</Loaded>
    }
}

/// The editable list; saving replaces the institution's whole list.
#[component]
fn ContactsForm(
    initial: Vec<ExpertContact>,
    updated: Option<chrono::DateTime<chrono::Utc>>,
    name: TenantName,
) -> impl IntoView {
    let next_id = StoredValue::new(0usize);
    let make = move |c: ExpertContact| {
        let id = next_id.get_value();
        next_id.set_value(id + 1);
        (id, RwSignal::new(c))
    };
    let start: Vec<_> = if initial.is_empty() {
        vec![make(blank())]
    } else {
        initial.into_iter().map(make).collect()
    };
    let rows = RwSignal::new(start);
    let updated_at = RwSignal::new(updated);
    let form = use_submit();
    let add = move |_| rows.update(|r| r.push(make(blank())));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        if !form.begin(&ev) {
            return;
        }
        let typed: Vec<ExpertContact> =
            rows.with_untracked(|r| r.iter().map(|(_, c)| c.get_untracked()).collect());
        let body = match checked_contacts(&typed) {
            Ok(contacts) => UpdateContacts { contacts },
            Err(text) => return form.fail(text),
        };
        form.send(
            async move { api::update_contacts(&body).await },
            move |saved| {
                updated_at.try_set(saved.updated_at);
                let count = saved.contacts.len();
                let fresh: Vec<_> = if saved.contacts.is_empty() {
                    vec![make(blank())]
                } else {
                    saved.contacts.into_iter().map(make).collect()
                };
                rows.try_set(fresh);
                form.succeed(t!("work-contacts-saved", count = count));
            },
        );
    };
    let field = move |contact: RwSignal<ExpertContact>,
                      class: &'static str,
                      label: String,
                      kind: &'static str,
                      get: fn(&ExpertContact) -> String,
                      set: fn(&mut ExpertContact, String)| {
        view! {
            <label class="contact-field">
                <span class="field__label">{label}</span>
                <input
                    class=class
                    type=kind
                    prop:value=move || contact.with(get)
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        contact.update(|c| set(c, v));
                    }
                />
            </label>
        }
    };
    view! {
        <p class="muted">
            <TenantNameText name />
            ". "
            {move || match updated_at.get() {
                Some(at) => view! {
                    {t!("work-contacts-updated")}
                    " "
                    <time datetime=utc_exact(at)>{date_time(at)}</time>
                    "."
                }
                .into_any(),
                None => view! { {t!("work-contacts-never")} }.into_any(),
            }}
        </p>
        <form id="contacts-form" class="form-card" on:submit=submit novalidate>
            <ol class="contact-rows">
                <For
                    each=move || rows.get()
                    key=|(id, _)| *id
                    children=move |(id, contact)| {
                        view! {
                            <li class="contact-row" data-row=id.to_string()>
                                {field(contact, "contact-name", t!("work-contacts-name"), "text", |c| c.name.clone(), |c, v| c.name = v)}
                                {field(contact, "contact-position", t!("work-contacts-position"), "text", |c| c.position.clone(), |c, v| c.position = v)}
                                {field(contact, "contact-phone", t!("work-contacts-phone"), "tel", |c| c.phone.clone(), |c, v| c.phone = v)}
                                {field(contact, "contact-email", t!("work-contacts-email"), "email", |c| c.email.clone(), |c, v| c.email = v)}
                                <button
                                    type="button"
                                    class="button button--small contact-remove"
                                    on:click=move |_| rows.update(|r| r.retain(|(i, _)| *i != id))
                                >
                                    {t!("work-contacts-remove")}
                                </button>
                            </li>
                        }
                    }
                />
            </ol>
            <NoticeView id="contacts-result" notice=form.outcome() />
            <div class="form-actions">
                <button type="button" id="contacts-add" class="button" on:click=add>
                    {t!("work-contacts-add")}
                </button>
                <button type="submit" id="contacts-save" class="button button--primary" disabled=form.busy()>
                    {t!("work-contacts-save")}
                </button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(name: &str, position: &str, phone: &str, email: &str) -> ExpertContact {
        ExpertContact {
            name: name.into(),
            position: position.into(),
            phone: phone.into(),
            email: email.into(),
        }
    }

    #[test]
    fn blank_rows_are_dropped_and_kept_rows_complete() {
        let rows = [
            contact(
                " Мария Петрова ",
                "Главен експерт",
                "073 881 200",
                "m.petrova@example.bg",
            ),
            contact("", "", "", ""),
        ];
        let kept = checked_contacts(&rows).unwrap();
        assert_eq!(
            kept,
            [contact(
                "Мария Петрова",
                "Главен експерт",
                "073 881 200",
                "m.petrova@example.bg"
            )]
        );
        assert_eq!(
            checked_contacts(&[contact("Иван", "", "1", "i@example.bg")]).unwrap_err(),
            "Ред 1: попълнете име, длъжност, телефон и електронна поща."
        );
        assert!(
            checked_contacts(&[contact("Иван", "Експерт", "1", "ivan.bansko.bg")])
                .unwrap_err()
                .contains("не е адрес")
        );
    }
}
