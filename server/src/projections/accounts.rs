//! The account directory: every account with its tenant, role and state, folded from the log.

use super::decoded;
use crate::domain::accounts::AccountState;
use antikor_migrations::Upcasters;
use antikor_shared::account::{
    Account, AccountCreated, AccountDisabled, AccountEnabled, LoginSucceeded, PasswordChanged,
    RoleGranted,
};
use antikor_shared::{RecordedEvent, TenantId, Username};
use std::collections::BTreeMap;

/// One account as the log describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountEntry {
    /// What administrators and auditors see.
    pub account: Account,
    /// How many times its password changed since creation; a session opened before the
    /// latest change is no longer valid.
    pub password_epoch: u64,
}

impl AccountEntry {
    /// The aggregate state `decide` works on.
    pub fn state(&self) -> AccountState {
        AccountState {
            username: self.account.username.clone(),
            role: self.account.role,
            disabled: self.account.disabled,
        }
    }
}

/// Every account, by username.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccountDirectory {
    accounts: BTreeMap<Username, AccountEntry>,
}

impl AccountDirectory {
    /// Folds one event in (events of other types are ignored).
    pub fn apply(&mut self, upcasters: &Upcasters, event: &RecordedEvent) {
        let at = event.recorded_at;
        match event.event_type.as_str() {
            "AccountCreated" => {
                if let Some(e) = decoded::<AccountCreated>(upcasters, event) {
                    let account = Account {
                        username: e.username.clone(),
                        display_name: e.display_name,
                        tenant: event.tenant.clone(),
                        role: e.role,
                        disabled: false,
                        created_at: at,
                        created_by: event.actor.clone(),
                        password_changed_at: at,
                        last_login_at: None,
                        version: event.version,
                    };
                    self.accounts.insert(
                        e.username,
                        AccountEntry {
                            account,
                            password_epoch: 0,
                        },
                    );
                }
            }
            "RoleGranted" => {
                if let Some(e) = decoded::<RoleGranted>(upcasters, event) {
                    self.update(&e.username, event, |entry| entry.account.role = e.role);
                }
            }
            "AccountDisabled" => {
                if let Some(e) = decoded::<AccountDisabled>(upcasters, event) {
                    self.update(&e.username, event, |entry| entry.account.disabled = true);
                }
            }
            "AccountEnabled" => {
                if let Some(e) = decoded::<AccountEnabled>(upcasters, event) {
                    self.update(&e.username, event, |entry| entry.account.disabled = false);
                }
            }
            "PasswordChanged" => {
                if let Some(e) = decoded::<PasswordChanged>(upcasters, event) {
                    self.update(&e.username, event, |entry| {
                        entry.password_epoch += 1;
                        entry.account.password_changed_at = at;
                    });
                }
            }
            "LoginSucceeded" => {
                if let Some(e) = decoded::<LoginSucceeded>(upcasters, event)
                    && let Some(entry) = self.accounts.get_mut(&e.username)
                {
                    entry.account.last_login_at = Some(at);
                }
            }
            _ => {}
        }
    }

    /// Applies a change recorded in the account's own stream (so its version moves too).
    fn update(
        &mut self,
        username: &Username,
        event: &RecordedEvent,
        change: impl FnOnce(&mut AccountEntry),
    ) {
        if let Some(entry) = self.accounts.get_mut(username)
            && entry.account.tenant == event.tenant
        {
            change(entry);
            entry.account.version = event.version;
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

    /// The accounts of one tenant.
    pub fn of_tenant<'a>(&'a self, tenant: &'a TenantId) -> impl Iterator<Item = &'a AccountEntry> {
        self.iter().filter(move |e| e.account.tenant == *tenant)
    }
}
