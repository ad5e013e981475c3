//! The tenant directory, the country's list of provinces and the people the user's histories
//! show: fetched once per visit (the people once per login) and shared by every page through
//! context.

use crate::api::{self, ApiError};
use crate::provinces::{SiteScope, site_scope};
use crate::session::{Auth, use_session};
use antikor_shared::TenantId;
use antikor_shared::account::Person;
use antikor_shared::tenant::{ProvinceEntry, Tenant};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// The tenants in the server's order, or why they could not be read. Refetching it (a page's
/// "try again") refreshes it for every page.
pub type Directory = LocalResource<Result<Vec<Tenant>, ApiError>>;

/// The NSI list of provinces and their municipalities, with what of it is registered: the
/// provinces' names, and what a regional administrator may still register. Refetched after a
/// registration, like the directory.
pub type Country = LocalResource<Result<Vec<ProvinceEntry>, ApiError>>;

/// The people of the user's histories by username.
pub type PeopleMap = HashMap<String, Person>;

/// Who the usernames of the user's histories are (`GET /api/people`), read once per login.
#[derive(Clone, Copy)]
pub struct People(LocalResource<Arc<PeopleMap>>);

impl People {
    /// Who made an event (see [`actor_name`]). Read inside a closure, it follows the list.
    pub fn name(self, actor: &str) -> String {
        actor_name(&self.map(), actor)
    }

    /// The people by username, empty until they are read. Tracked.
    pub fn map(self) -> Arc<PeopleMap> {
        self.0.get().unwrap_or_default()
    }

    /// The people by username, untracked: for event handlers (a CSV file).
    pub fn map_untracked(self) -> Arc<PeopleMap> {
        self.0.get_untracked().unwrap_or_default()
    }
}

/// Who made an event, as people know them: "Петя Ангелова (Служител)"; the signal's
/// reporter and Antikor's own work by what they are; a username `people` does not name (not
/// read yet, or out of the user's sight) as it is.
pub fn actor_name(people: &PeopleMap, actor: &str) -> String {
    match actor {
        "reporter" => t!("shell-actor-reporter"),
        "system" => t!("shell-actor-system"),
        username => people.get(username).map_or_else(
            || username.to_owned(),
            |p| format!("{} ({})", p.display_name, p.role.label(crate::i18n::lang())),
        ),
    }
}

/// Starts reading the directory (every province's tenants), the country's list and, for a
/// logged-in user, the people of their histories, and provides them to the whole app.
pub fn provide_directory() {
    provide_context::<Directory>(LocalResource::new(|| api::tenants(None)));
    provide_context::<Country>(LocalResource::new(api::country));
    let session = use_session();
    let user = Memo::new(move |_| session.auth.with(|a| a.username()));
    provide_context(People(LocalResource::new(move || {
        let user = user.get();
        async move {
            // Visitors see no histories; a failed read leaves the usernames (never blocks).
            let people = match user {
                Some(_) => api::people().await.unwrap_or_default(),
                None => Vec::new(),
            };
            Arc::new(
                people
                    .into_iter()
                    .map(|p| (p.username.to_string(), p))
                    .collect(),
            )
        }
    })));
}

/// The people [`provide_directory`] provided.
pub fn use_people() -> People {
    expect_context::<People>()
}

/// The directory [`provide_directory`] provided.
pub fn use_directory() -> Directory {
    expect_context::<Directory>()
}

/// The country's list [`provide_directory`] provided.
pub fn use_country() -> Country {
    expect_context::<Country>()
}

/// The country's provinces, or none while the list loads or if it failed: names then fall
/// back to the codes. Read inside a closure, they follow the list.
pub fn provinces(country: Country) -> Vec<ProvinceEntry> {
    country.get().and_then(Result::ok).unwrap_or_default()
}

/// The country's provinces as [`provinces`] gives them, untracked: for event handlers.
pub fn provinces_untracked(country: Country) -> Vec<ProvinceEntry> {
    country
        .get_untracked()
        .and_then(Result::ok)
        .unwrap_or_default()
}

/// The directory's tenants as `<option>`s valued by slug, those `chosen` picks selected; none
/// while the list loads or if it failed. Read inside a closure, they follow the directory.
pub fn tenant_options(directory: Directory, chosen: impl Fn(&TenantId) -> bool) -> impl IntoView {
    directory
        .get()
        .and_then(Result::ok)
        .unwrap_or_default()
        .into_iter()
        .map(|t| {
            let selected = chosen(&t.id);
            let (name, mark) = crate::components::shown_name(&t.registration.name());
            view! {
                <option value=t.id.to_string() prop:selected=selected lang=mark>
                    {name}
                </option>
            }
        })
        .collect_view()
}

/// Whom the site serves (see [`site_scope`]); `None` until the session and the directory
/// tell.
pub fn use_site_scope() -> Memo<Option<SiteScope>> {
    let session = use_session();
    let directory = use_directory();
    Memo::new(move |_| {
        let own = session.auth.with(Auth::tenant)?;
        let tenants = directory.get()?.ok()?;
        Some(site_scope(&tenants, own.as_ref()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use antikor_shared::account::Role;

    #[test]
    fn people_are_named_by_name_and_role_and_the_rest_for_what_they_are() {
        let person = Person {
            username: antikor_shared::Username::parse("bansko.officer").unwrap(),
            display_name: "Иван Петров".to_owned(),
            role: Role::Officer,
            tenant: TenantId::parse("bansko").unwrap(),
        };
        let people: PeopleMap = [("bansko.officer".to_owned(), person)].into();
        assert_eq!(
            actor_name(&people, "bansko.officer"),
            "Иван Петров (Служител)"
        );
        assert_eq!(actor_name(&people, "reporter"), "подателят на сигнала");
        assert_eq!(actor_name(&people, "system"), "Антикор (автоматично)");
        assert_eq!(actor_name(&people, "petrich.officer"), "petrich.officer");
    }
}
