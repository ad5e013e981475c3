//! Work done from the command line while the server is stopped: creating the first account.

use crate::access::TenantWrite;
use crate::app::App;
use crate::app::accounts::NewAccount;
use crate::auth::password;
use antikor_shared::account::{Account, Role};
use antikor_shared::{TenantId, Username};
use uuid::Uuid;

/// Creates an account (typically the first regional admin) with the given password, checked
/// against the same policy as in the UI. Recorded as caused by `cli`.
pub async fn create_user(
    app: &App,
    tenant: TenantId,
    username: Username,
    display_name: String,
    role: Role,
    password: String,
) -> anyhow::Result<Account> {
    password::check_policy(&password, &username).map_err(|e| anyhow::anyhow!("{e}"))?;
    let password_hash = app.auth.passwords.hash(password).await?;
    let scope = TenantWrite::system(tenant, "cli");
    let new = NewAccount {
        username,
        display_name,
        role,
        password_hash,
        event_id: Uuid::new_v4(),
    };
    app.create_account(&scope, new)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))
}
