//! Account management: `/api/accounts`. Tenant admins manage their tenant's accounts,
//! regional admins those of their province's tenants, national admins everyone's; auditors
//! read those in their reach.

use crate::access::{AccountAdmin, Principal, TenantWrite};
use crate::app::AppState;
use crate::app::accounts::{AccountChange, NewAccount};
use crate::auth::password;
use crate::util::errors::{AppError, AppResult};
use crate::util::extract::{Json, Path, Query};
use crate::util::paging::{PageQuery, PageRequest};
use antikor_shared::account::{
    Account, CreateAccount, DisableAccount, EnableAccount, GrantRole, PasswordChangeKind, Person,
    ResetPassword, Role,
};
use antikor_shared::api::{ErrorBody, Page};
use antikor_shared::i18n::Text;
use antikor_shared::msg;
use antikor_shared::{TenantId, Username};
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use utoipa::IntoParams;

/// Whose accounts to list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AccountsQuery {
    /// Only this tenant's accounts.
    pub tenant: Option<TenantId>,
}

/// The accounts the caller may see: a tenant admin their tenant's, a regional admin, national
/// admin or auditor those of every tenant in their reach.
#[utoipa::path(get, path = "/api/accounts", security(("session" = [])), tag = "accounts", params(AccountsQuery, PageQuery),
    responses(
        (status = 200, description = "A page of accounts by username", body = Page<Account>),
        (status = 400, description = "A page size out of bounds or a cursor no page gave", body = ErrorBody),
        (status = 403, description = "The role does not manage or audit accounts", body = ErrorBody),
        (status = 404, description = "A tenant out of the caller's reach", body = ErrorBody)))]
pub async fn list(
    State(app): State<AppState>,
    principal: Principal,
    Query(q): Query<AccountsQuery>,
    Query(page): Query<PageQuery>,
) -> AppResult<axum::Json<Page<Account>>> {
    let scope = principal.account_reader()?;
    let request = PageRequest::new(&page)?;
    Ok(axum::Json(app.accounts(&scope, q.tenant, &request)?))
}

/// The people whose work the caller's histories can show, by username: the accounts in the
/// caller's reach and those that reach the caller's tenant. Any logged-in user; names and
/// roles only.
#[utoipa::path(get, path = "/api/people", security(("session" = [])), tag = "accounts",
    responses(
        (status = 200, description = "Name, role and institution by username", body = [Person]),
        (status = 401, description = "Not logged in", body = ErrorBody)))]
pub async fn people(State(app): State<AppState>, principal: Principal) -> axum::Json<Vec<Person>> {
    axum::Json(app.people(&principal.people_reader()))
}

/// One account.
#[utoipa::path(get, path = "/api/accounts/{username}", security(("session" = [])), tag = "accounts",
    params(("username" = String, Path, description = "Login name")),
    responses(
        (status = 200, description = "The account", body = Account),
        (status = 403, description = "The role does not manage or audit accounts", body = ErrorBody),
        (status = 404, description = "No such account in the caller's reach", body = ErrorBody)))]
pub async fn get(
    State(app): State<AppState>,
    principal: Principal,
    Path(username): Path<String>,
) -> AppResult<axum::Json<Account>> {
    let scope = principal.account_reader()?;
    Ok(axum::Json(app.account(&scope, &username)?))
}

fn may_grant(admin: &AccountAdmin, role: Role) -> AppResult<()> {
    if admin.may_grant(role) {
        Ok(())
    } else {
        // The message names the role in its reader's language: it chooses by the role's key.
        let role = match role {
            Role::Officer => "officer",
            Role::TenantAdmin => "tenant_admin",
            Role::Regional => "regional",
            Role::RegionalAdmin => "regional_admin",
            Role::Auditor => "auditor",
            Role::National => "national",
            Role::NationalAdmin => "national_admin",
        };
        Err(AppError::Forbidden(msg!(
            "requests-role-not-yours-to-grant",
            role = role
        )))
    }
}

/// Opens an account in a tenant within the administrator's reach.
#[utoipa::path(post, path = "/api/accounts", security(("session" = [])), tag = "accounts", request_body = CreateAccount,
    responses(
        (status = 201, description = "Created", body = Account),
        (status = 400, description = "Invalid username, name, role for the tenant, or weak password", body = ErrorBody),
        (status = 403, description = "Not an administrator, a role the administrator may not give, or missing CSRF token", body = ErrorBody),
        (status = 404, description = "A tenant out of the administrator's reach", body = ErrorBody),
        (status = 409, description = "The username is taken", body = ErrorBody)))]
pub async fn create(
    State(app): State<AppState>,
    principal: Principal,
    Json(body): Json<CreateAccount>,
) -> AppResult<(StatusCode, axum::Json<Account>)> {
    let admin = principal.account_admin()?;
    let scope = admin.write(&body.tenant)?;
    may_grant(&admin, body.role)?;
    let username = Username::parse(body.username.trim())
        .map_err(|_| AppError::BadRequest(msg!("requests-username-invalid")))?;
    password::check_policy(&body.password, &username)?;
    let password_hash = app.auth.passwords.hash(body.password).await?;
    let account = app
        .create_account(
            &scope,
            NewAccount {
                username,
                display_name: body.display_name,
                role: body.role,
                password_hash,
            },
        )
        .await?;
    Ok((StatusCode::CREATED, axum::Json(account)))
}

/// The administrator's permission to change `username`, which must be someone else's account
/// within reach.
fn target(
    app: &AppState,
    principal: &Principal,
    username: &str,
    own: Text,
) -> AppResult<(AccountAdmin, TenantWrite, Account)> {
    let admin = principal.account_admin()?;
    let account = app.account(&principal.read_scope(), username)?;
    let scope = admin.write(&account.tenant)?;
    may_grant(&admin, account.role)?;
    if account.username == principal.username {
        return Err(AppError::Forbidden(own));
    }
    Ok((admin, scope, account))
}

/// Gives an account a new role (replacing the old one); takes effect on its next request.
#[utoipa::path(post, path = "/api/accounts/{username}/role", security(("session" = [])), tag = "accounts", request_body = GrantRole,
    params(("username" = String, Path, description = "Login name")),
    responses(
        (status = 200, description = "The changed account", body = Account),
        (status = 400, description = "The role does not fit the tenant", body = ErrorBody),
        (status = 403, description = "Not allowed (own account, role out of reach, CSRF)", body = ErrorBody),
        (status = 404, description = "No such account in reach", body = ErrorBody),
        (status = 409, description = "Changed meanwhile, or already has the role", body = ErrorBody)))]
pub async fn grant_role(
    State(app): State<AppState>,
    principal: Principal,
    Path(username): Path<String>,
    Json(body): Json<GrantRole>,
) -> AppResult<axum::Json<Account>> {
    let (admin, scope, _) = target(&app, &principal, &username, msg!("requests-own-role"))?;
    may_grant(&admin, body.role)?;
    let change = AccountChange::GrantRole(body.role);
    Ok(axum::Json(
        app.change_account(&scope, &username, body.expected_version, change)
            .await?,
    ))
}

/// Disables an account: it cannot log in and its sessions end.
#[utoipa::path(post, path = "/api/accounts/{username}/disable", security(("session" = [])), tag = "accounts", request_body = DisableAccount,
    params(("username" = String, Path, description = "Login name")),
    responses(
        (status = 200, description = "The changed account", body = Account),
        (status = 400, description = "No reason given", body = ErrorBody),
        (status = 403, description = "Not allowed (own account, out of reach, CSRF)", body = ErrorBody),
        (status = 404, description = "No such account in reach", body = ErrorBody),
        (status = 409, description = "Changed meanwhile, or already disabled", body = ErrorBody)))]
pub async fn disable(
    State(app): State<AppState>,
    principal: Principal,
    Path(username): Path<String>,
    Json(body): Json<DisableAccount>,
) -> AppResult<axum::Json<Account>> {
    let (_, scope, _) = target(&app, &principal, &username, msg!("requests-own-disable"))?;
    let change = AccountChange::Disable(body.reason);
    Ok(axum::Json(
        app.change_account(&scope, &username, body.expected_version, change)
            .await?,
    ))
}

/// Lets a disabled account log in again.
#[utoipa::path(post, path = "/api/accounts/{username}/enable", security(("session" = [])), tag = "accounts", request_body = EnableAccount,
    params(("username" = String, Path, description = "Login name")),
    responses(
        (status = 200, description = "The changed account", body = Account),
        (status = 403, description = "Not allowed (own account, out of reach, CSRF)", body = ErrorBody),
        (status = 404, description = "No such account in reach", body = ErrorBody),
        (status = 409, description = "Changed meanwhile, or not disabled", body = ErrorBody)))]
pub async fn enable(
    State(app): State<AppState>,
    principal: Principal,
    Path(username): Path<String>,
    Json(body): Json<EnableAccount>,
) -> AppResult<axum::Json<Account>> {
    let (_, scope, _) = target(&app, &principal, &username, msg!("requests-own-enable"))?;
    Ok(axum::Json(
        app.change_account(
            &scope,
            &username,
            body.expected_version,
            AccountChange::Enable,
        )
        .await?,
    ))
}

/// Sets a new password for someone else's account; its sessions end.
#[utoipa::path(post, path = "/api/accounts/{username}/password", security(("session" = [])), tag = "accounts", request_body = ResetPassword,
    params(("username" = String, Path, description = "Login name")),
    responses(
        (status = 200, description = "The changed account", body = Account),
        (status = 400, description = "The password does not meet the policy", body = ErrorBody),
        (status = 403, description = "Not allowed (own account, out of reach, CSRF)", body = ErrorBody),
        (status = 404, description = "No such account in reach", body = ErrorBody)))]
pub async fn reset_password(
    State(app): State<AppState>,
    principal: Principal,
    Path(username): Path<String>,
    Json(body): Json<ResetPassword>,
) -> AppResult<axum::Json<Account>> {
    let (_, scope, account) = target(&app, &principal, &username, msg!("requests-own-password"))?;
    password::check_policy(&body.password, &account.username)?;
    let hash = app.auth.passwords.hash(body.password).await?;
    Ok(axum::Json(
        app.set_password(&scope, &username, &hash, PasswordChangeKind::ResetByAdmin)
            .await?,
    ))
}
