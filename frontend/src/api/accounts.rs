//! Calls of sessions and accounts: login, logout, passwords, roles.

use super::{ApiError, Page, PageAt, changing, check, forget_token, get_json, hold, send_json};
use crate::format::encode_query_value;
use antikor_shared::account::{
    Account, ChangePassword, CreateAccount, DisableAccount, EnableAccount, GrantRole, LoginRequest,
    Person, ResetPassword, SessionInfo,
};
use antikor_shared::notifications::NotificationSettings;
use antikor_shared::{TenantId, Username};
use gloo_net::http::Request;

/// `/api/accounts/{username}/{action}`.
fn account_url(username: &Username, action: &str) -> String {
    format!(
        "/api/accounts/{}/{action}",
        encode_query_value(username.as_str())
    )
}

/// `GET /api/session`: who is logged in; 401 for visitors.
pub async fn session() -> Result<SessionInfo, ApiError> {
    get_json("/api/session", &[]).await.map(hold)
}

/// `POST /api/session`: log in. The server sets the session cookie itself.
pub async fn login(request: &LoginRequest) -> Result<SessionInfo, ApiError> {
    send_json(
        Request::post("/api/session").header("Accept", "application/json"),
        request,
    )
    .await
    .map(hold)
}

/// `DELETE /api/session`: log out.
pub async fn logout() -> Result<(), ApiError> {
    check(changing(Request::delete("/api/session"))?.send().await).await?;
    forget_token();
    Ok(())
}

/// `PUT /api/session/password`: the answer is a new session, with a new CSRF token.
pub async fn change_password(body: &ChangePassword) -> Result<SessionInfo, ApiError> {
    send_json(changing(Request::put("/api/session/password"))?, body)
        .await
        .map(hold)
}

/// `GET /api/people`: the names and roles of the people the caller's histories can show.
pub async fn people() -> Result<Vec<Person>, ApiError> {
    get_json("/api/people", &[]).await
}

/// `GET /api/accounts`: a page of the accounts of one tenant or of every tenant the user may
/// see, by username.
pub async fn accounts(tenant: Option<&TenantId>, page: &PageAt) -> Result<Page<Account>, ApiError> {
    let mut query: Vec<_> = tenant
        .map(|t| ("tenant", t.to_string()))
        .into_iter()
        .collect();
    page.add_to(&mut query);
    get_json("/api/accounts", &query).await
}

/// `GET /api/accounts/{username}`: one account as the server has it now.
pub async fn account(username: &Username) -> Result<Account, ApiError> {
    let url = format!("/api/accounts/{}", encode_query_value(username.as_str()));
    get_json(&url, &[]).await
}

/// `POST /api/accounts`.
pub async fn create_account(body: &CreateAccount) -> Result<Account, ApiError> {
    send_json(changing(Request::post("/api/accounts"))?, body).await
}

/// `POST /api/accounts/{username}/role`.
pub async fn grant_role(username: &Username, body: &GrantRole) -> Result<Account, ApiError> {
    let url = account_url(username, "role");
    send_json(changing(Request::post(&url))?, body).await
}

/// `POST /api/accounts/{username}/disable`.
pub async fn disable_account(
    username: &Username,
    body: &DisableAccount,
) -> Result<Account, ApiError> {
    let url = account_url(username, "disable");
    send_json(changing(Request::post(&url))?, body).await
}

/// `POST /api/accounts/{username}/enable`.
pub async fn enable_account(
    username: &Username,
    body: &EnableAccount,
) -> Result<Account, ApiError> {
    let url = account_url(username, "enable");
    send_json(changing(Request::post(&url))?, body).await
}

/// `POST /api/accounts/{username}/password`.
pub async fn reset_password(
    username: &Username,
    body: &ResetPassword,
) -> Result<Account, ApiError> {
    let url = account_url(username, "password");
    send_json(changing(Request::post(&url))?, body).await
}

/// `GET /api/session/notifications`: how the caller is told by e-mail of what waits.
pub async fn notification_settings() -> Result<NotificationSettings, ApiError> {
    get_json("/api/session/notifications", &[]).await
}

/// `PUT /api/session/notifications`: choose it.
pub async fn choose_notifications(
    body: &NotificationSettings,
) -> Result<NotificationSettings, ApiError> {
    send_json(changing(Request::put("/api/session/notifications"))?, body).await
}
