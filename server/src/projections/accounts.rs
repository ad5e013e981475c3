//! The account directory: every account with its tenant, role and state, folded from the log.

use crate::domain::Aggregate;
use crate::domain::accounts::{AccountAggregate, AccountState};
use crate::util::paging::{Cursor, PageRequest};
use antikor_shared::account::{Account, LoginSucceeded};
use antikor_shared::api::Page;
use antikor_shared::events::{AccountEvent, NotificationEvent};
use antikor_shared::notifications::{Delivery, NotificationKind};
use antikor_shared::{EventHeader, TenantId, Username};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Bound;

/// One account as the log describes it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AccountEntry {
    /// What administrators and auditors see.
    pub account: Account,
    /// How many times its password changed since creation; a session opened before the
    /// latest change is no longer valid.
    pub password_epoch: u64,
    /// How its owner is told by e-mail of what waits, and what was last sent.
    #[serde(default)]
    pub notifications: Notifications,
}

/// A user's e-mail about what waits: the choice, and how far what was sent reaches.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Notifications {
    /// Where to write.
    pub email: Option<String>,
    /// How often.
    pub delivery: Delivery,
    /// Signals filed at or before this log position are not news to the user: those before
    /// the choice, and those a message already counted.
    pub signals_seen_up_to: u64,
    /// The day (Sofia's) of the last daily message.
    pub last_digest: Option<NaiveDate>,
}

/// Every account, by username.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AccountDirectory {
    accounts: BTreeMap<Username, AccountEntry>,
    /// Each tenant's usernames, in order: a page of a tenant's accounts is a range.
    by_tenant: BTreeMap<TenantId, BTreeSet<Username>>,
}

impl AccountDirectory {
    /// Folds in a login: the account's last one. (Failed logins and logouts are most of a
    /// busy log's events, and the directory needs nothing from them.)
    pub fn logged_in(&mut self, event: &EventHeader, e: &LoginSucceeded) {
        if let Some(entry) = self.accounts.get_mut(&e.username) {
            entry.account.last_login_at = Some(event.recorded_at);
        }
    }

    /// Folds in an event of an account's stream. The aggregate's own `apply` decides role and
    /// status, so that the directory and the commands never disagree.
    pub fn account_event(&mut self, event: &EventHeader, e: &AccountEvent) {
        let at = event.recorded_at;
        if let AccountEvent::Created(created) = e {
            let account = Account {
                username: created.username.clone(),
                display_name: created.display_name.clone(),
                tenant: event.tenant.clone(),
                role: created.role,
                disabled: false,
                created_at: at,
                created_by: event.actor.to_string(),
                password_changed_at: at,
                last_login_at: None,
                version: event.version,
            };
            let entry = AccountEntry {
                account,
                password_epoch: 0,
                notifications: Notifications::default(),
            };
            // A second creation of a username (which the commands refuse) replaces the
            // account, as it always did here; the tenant lists follow, so that no tenant's
            // page shows an account that now belongs to another.
            if let Some(old) = self.accounts.insert(created.username.clone(), entry)
                && let Some(names) = self.by_tenant.get_mut(&old.account.tenant)
            {
                names.remove(&created.username);
                if names.is_empty() {
                    self.by_tenant.remove(&old.account.tenant);
                }
            }
            self.by_tenant
                .entry(event.tenant.clone())
                .or_default()
                .insert(created.username.clone());
            return;
        }
        // A change counts only in the account's own stream (so its version moves too).
        let Some(entry) = self
            .accounts
            .get_mut(e.username())
            .filter(|entry| entry.account.tenant == event.tenant)
        else {
            return;
        };
        let state = AccountState {
            username: entry.account.username.clone(),
            role: entry.account.role,
            disabled: entry.account.disabled,
        };
        if let Some(state) = AccountAggregate::apply(Some(state), e) {
            entry.account.role = state.role;
            entry.account.disabled = state.disabled;
        }
        if let AccountEvent::PasswordChanged(_) = e {
            entry.password_epoch += 1;
            entry.account.password_changed_at = at;
        }
        entry.account.version = event.version;
    }

    /// Folds in a user's choice of e-mail, or a message sent (in the user's own tenant only).
    pub fn notification_event(&mut self, event: &EventHeader, e: &NotificationEvent) {
        let username = match e {
            NotificationEvent::Chosen(c) => &c.username,
            NotificationEvent::Sent(s) => &s.username,
        };
        let Some(entry) = self
            .accounts
            .get_mut(username)
            .filter(|entry| entry.account.tenant == event.tenant)
        else {
            return;
        };
        let n = &mut entry.notifications;
        match e {
            NotificationEvent::Chosen(c) => {
                n.email.clone_from(&c.email);
                n.delivery = c.delivery;
                // What arrived before the choice is not news to announce.
                n.signals_seen_up_to = n.signals_seen_up_to.max(event.position);
            }
            NotificationEvent::Sent(sent) => match sent.kind {
                NotificationKind::NewSignals => {
                    n.signals_seen_up_to = n.signals_seen_up_to.max(sent.up_to);
                }
                NotificationKind::Digest => {
                    n.last_digest = n.last_digest.max(Some(sent.on));
                }
            },
        }
    }

    /// The account with this username, in any tenant.
    pub fn get(&self, username: &str) -> Option<&AccountEntry> {
        self.accounts.get(username)
    }

    /// All accounts, by username.
    pub fn iter(&self) -> impl Iterator<Item = &AccountEntry> {
        self.accounts.values()
    }

    /// The accounts of one tenant, by username.
    pub fn of_tenant(&self, tenant: &TenantId) -> impl Iterator<Item = &AccountEntry> {
        self.by_tenant
            .get(tenant)
            .into_iter()
            .flatten()
            .filter_map(|name| self.accounts.get(name))
    }

    /// A page of the accounts of the tenants that `tenants` picks, by username.
    pub fn page<'a>(
        &'a self,
        tenants: impl Fn(&TenantId) -> bool,
        request: &PageRequest<Username>,
    ) -> Page<&'a AccountEntry> {
        let lists: Vec<&BTreeSet<Username>> = self
            .by_tenant
            .iter()
            .filter(|(t, _)| tenants(t))
            .map(|(_, names)| names)
            .collect();
        let total = lists.iter().map(|names| names.len() as u64).sum();
        let start = request
            .after
            .clone()
            .map_or(Bound::Unbounded, Bound::Excluded);
        let sources = lists.into_iter().map(|names| {
            names
                .range((start.clone(), Bound::Unbounded))
                .filter_map(|name| Some((name.clone(), self.accounts.get(name)?)))
        });
        request.cut(sources, total)
    }
}

impl Cursor for Username {
    fn encode(&self) -> String {
        self.to_string()
    }

    fn decode(text: &str) -> Option<Self> {
        Username::parse(text).ok()
    }
}
