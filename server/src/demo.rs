//! Demo accounts for `antikor serve --demo`: documented in the README, all with one known
//! password, so never for a server that holds real data.

use crate::access::TenantWrite;
use crate::app::App;
use crate::app::accounts::NewAccount;
use antikor_shared::account::Role;
use antikor_shared::{TenantId, Username};

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "antikor-demo-2017";

/// `(tenant, username, name, role)` of each demo account.
pub const ACCOUNTS: [(&str, &str, &str, Role); 8] = [
    (
        "oblast",
        "oblast.admin",
        "Мария Стоянова",
        Role::RegionalAdmin,
    ),
    ("oblast", "oblast.sekretar", "Георги Петров", Role::Regional),
    ("oblast", "odit", "Елена Димитрова", Role::Auditor),
    (
        "blagoevgrad",
        "blagoevgrad.admin",
        "Стефан Николов",
        Role::TenantAdmin,
    ),
    (
        "blagoevgrad",
        "blagoevgrad.officer",
        "Анна Георгиева",
        Role::Officer,
    ),
    ("bansko", "bansko.officer", "Иван Костадинов", Role::Officer),
    ("petrich", "petrich.officer", "Петя Ангелова", Role::Officer),
    (
        "sandanski",
        "sandanski.officer",
        "Димитър Иванов",
        Role::Officer,
    ),
];

/// Creates the demo accounts that do not exist yet (an account changed since, say a new
/// password, is left as it is).
pub async fn create_accounts(app: &App) -> anyhow::Result<usize> {
    let mut created = 0;
    let mut hash = None;
    for (tenant, username, name, role) in ACCOUNTS {
        if app.account_for_login(username).is_some() {
            continue;
        }
        // One hash for all: they share the password, and hashing is deliberately slow.
        let password_hash = match &hash {
            Some(h) => String::clone(h),
            None => hash
                .insert(app.auth.passwords.hash(DEMO_PASSWORD.into()).await?)
                .clone(),
        };
        let scope = TenantWrite::system(TenantId::parse(tenant)?, "system");
        let new = NewAccount {
            username: Username::parse(username)?,
            display_name: name.to_owned(),
            role,
            password_hash,
        };
        app.create_account(&scope, new)
            .await
            .map_err(|e| anyhow::anyhow!("demo account {username}: {e}"))?;
        created += 1;
    }
    if created > 0 {
        tracing::warn!(
            accounts = created,
            "demo accounts created with the documented password; do not use --demo with real data"
        );
    }
    Ok(created)
}
