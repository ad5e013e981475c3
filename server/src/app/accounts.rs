//! Accounts as a caller may see and change them: reads take a [`ReadScope`], changes a
//! [`TenantWrite`] for the account's tenant.

use super::App;
use crate::access::{PeopleReader, ReadScope, TenantWrite};
use crate::domain::accounts::{AccountAggregate, AccountCommand, Rejection};
use crate::projections::accounts::AccountEntry;
use crate::streams;
use crate::util::errors::{AppError, AppResult};
use crate::util::paging::PageRequest;
use antikor_shared::account::{Account, PasswordChangeKind, Person, Role};
use antikor_shared::api::Page;
use antikor_shared::msg;
use antikor_shared::tenant::TenantKind;
use antikor_shared::{TenantId, Username};

/// A change an administrator makes to an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountChange {
    /// Replace its role.
    GrantRole(Role),
    /// Stop it from logging in, for a reason.
    Disable(String),
    /// Let it log in again.
    Enable,
}

/// A new account, as the caller asks for it.
#[derive(Debug, Clone)]
pub struct NewAccount {
    /// Login name.
    pub username: Username,
    /// The person's name.
    pub display_name: String,
    /// Starting role.
    pub role: Role,
    /// The argon2id hash of its initial password.
    pub password_hash: String,
}

impl App {
    /// The people whose work the reader's histories can show, by username, disabled accounts
    /// included (their past work stays in the log).
    pub fn people(&self, reader: &PeopleReader) -> Vec<Person> {
        let models = self.models_unscoped();
        models
            .accounts
            .iter()
            .filter(|e| reader.sees(&e.account.tenant, e.account.role, &models))
            .map(|e| Person {
                username: e.account.username.clone(),
                display_name: e.account.display_name.clone(),
                role: e.account.role,
                tenant: e.account.tenant.clone(),
            })
            .collect()
    }

    /// A page of the accounts the scope covers, optionally of one tenant, by username.
    pub fn accounts(
        &self,
        scope: &ReadScope,
        tenant: Option<TenantId>,
        request: &PageRequest<Username>,
    ) -> AppResult<Page<Account>> {
        let tenant = scope.narrow(tenant)?;
        let models = self.models_unscoped();
        let reached =
            |t: &TenantId| scope.covers(t) && tenant.as_ref().is_none_or(|only| only == t);
        Ok(models
            .accounts
            .page(reached, request)
            .map(|e| e.account.clone()))
    }

    /// One account, when the scope covers it (otherwise 404, as if it did not exist).
    pub fn account(&self, scope: &ReadScope, username: &str) -> AppResult<Account> {
        self.models_unscoped()
            .accounts
            .get(username)
            .filter(|e| scope.covers(&e.account.tenant))
            .map(|e| e.account.clone())
            .ok_or_else(no_such_account)
    }

    /// An account just written through a [`TenantWrite`], which proved access to it.
    fn written(&self, username: &str) -> AppResult<Account> {
        self.account_for_login(username)
            .map(|e| e.account)
            .ok_or_else(no_such_account)
    }

    /// An account by username in any tenant: for logging in, before anyone is known.
    pub(crate) fn account_for_login(&self, username: &str) -> Option<AccountEntry> {
        self.models_unscoped().accounts.get(username).cloned()
    }

    /// The account of `username` in the scope's tenant.
    fn entry_in(&self, scope: &TenantWrite, username: &str) -> AppResult<AccountEntry> {
        self.models_unscoped()
            .accounts
            .get(username)
            .filter(|e| e.account.tenant == *scope.tenant())
            .cloned()
            .ok_or_else(no_such_account)
    }

    fn tenant_kind(&self, tenant: &TenantId) -> AppResult<TenantKind> {
        self.models_unscoped()
            .tenants
            .get(tenant)
            .and_then(|m| m.registration.as_ref())
            .map(|(r, _)| r.kind)
            .ok_or_else(|| {
                AppError::NotFound(msg!(
                    "requests-no-tenant-named",
                    tenant = tenant.to_string()
                ))
            })
    }

    /// Opens an account in the scope's tenant: stores its password hash, then records
    /// `AccountCreated`. Usernames are unique across all tenants.
    pub async fn create_account(&self, scope: &TenantWrite, new: NewAccount) -> AppResult<Account> {
        let kind = self.tenant_kind(scope.tenant())?;
        let _one_at_a_time = self.account_creation.lock().await;
        // Usernames are unique across tenants, and the account's stream is in its own.
        if self.account_for_login(new.username.as_str()).is_some() {
            return Err(Rejection::UsernameTaken(new.username).into());
        }
        let secrets = &self.auth.secrets;
        let replaced = secrets.set_password_hash(&new.username, &new.password_hash)?;
        let command = AccountCommand::Create {
            username: new.username.clone(),
            display_name: new.display_name,
            role: new.role,
            tenant_kind: kind,
        };
        let created = self
            .execute::<AccountAggregate>(scope, streams::account(&new.username), None, command, &())
            .await;
        if let Err(e) = created {
            secrets.restore_password_hash(&new.username, replaced.as_deref())?;
            return Err(e);
        }
        self.written(new.username.as_str())
    }

    /// Changes an account of the scope's tenant (role, disabled or enabled). With
    /// `expected_version`, a change made since the caller read the account answers 409.
    /// Disabling ends the account's sessions.
    pub async fn change_account(
        &self,
        scope: &TenantWrite,
        username: &str,
        expected_version: Option<u64>,
        change: AccountChange,
    ) -> AppResult<Account> {
        let entry = self.entry_in(scope, username)?;
        let disabling = matches!(change, AccountChange::Disable(_));
        let command = match change {
            AccountChange::GrantRole(role) => AccountCommand::GrantRole {
                role,
                tenant_kind: self.tenant_kind(scope.tenant())?,
            },
            AccountChange::Disable(reason) => AccountCommand::Disable { reason },
            AccountChange::Enable => AccountCommand::Enable,
        };
        self.execute::<AccountAggregate>(
            scope,
            streams::account(&entry.account.username),
            expected_version,
            command,
            &(),
        )
        .await?;
        if disabling {
            self.auth.sessions.end_all_of(&entry.account.username)?;
        }
        self.written(username)
    }

    /// Replaces an account's password hash and records `PasswordChanged`; every session of
    /// the account ends.
    pub async fn set_password(
        &self,
        scope: &TenantWrite,
        username: &str,
        password_hash: &str,
        kind: PasswordChangeKind,
    ) -> AppResult<Account> {
        let entry = self.entry_in(scope, username)?;
        let username = entry.account.username.clone();
        let secrets = &self.auth.secrets;
        let replaced = secrets.set_password_hash(&username, password_hash)?;
        let changed = self
            .execute::<AccountAggregate>(
                scope,
                streams::account(&username),
                Some(entry.account.version),
                AccountCommand::ChangePassword { kind },
                &(),
            )
            .await;
        if let Err(e) = changed {
            secrets.restore_password_hash(&username, replaced.as_deref())?;
            return Err(e);
        }
        self.auth.sessions.end_all_of(&username)?;
        self.written(username.as_str())
    }
}

fn no_such_account() -> AppError {
    AppError::NotFound(msg!("requests-no-such-account"))
}
