//! Accounts, roles and the security log: the events that say who may do what, and the API
//! bodies of logging in and managing accounts.
//!
//! Password hashes and session secrets are never part of these types: they are kept outside
//! the event log.

use crate::i18n::{Lang, Text};
use crate::ids::{TenantId, Username};
use crate::tenant::{TenantKind, TenantName};
use chrono::{DateTime, Utc};
use compact_str::CompactString;
use serde::{Deserialize, Serialize};

/// Shortest password accepted (OWASP ASVS 2.1.1).
pub const PASSWORD_MIN_CHARS: usize = 12;
/// Longest password accepted; longer input is refused before any hashing work.
pub const PASSWORD_MAX_CHARS: usize = 128;

/// Checks a new password's length, with the words both the form and the server use: length is
/// the whole rule a person can check while typing (the server also refuses common passwords).
pub fn check_password_length(password: &str) -> Result<(), Text> {
    let chars = password.chars().count();
    if chars < PASSWORD_MIN_CHARS {
        return Err(crate::msg!(
            "forms-password-too-short",
            min = PASSWORD_MIN_CHARS,
            chars = chars
        ));
    }
    if chars > PASSWORD_MAX_CHARS {
        return Err(crate::msg!(
            "forms-password-too-long",
            max = PASSWORD_MAX_CHARS
        ));
    }
    Ok(())
}

/// What an account may do. An account has exactly one role at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Works in one tenant: reports progress, records activities, keeps the registers.
    Officer,
    /// An officer who also manages the accounts of that tenant.
    TenantAdmin,
    /// Staff of the regional administration: keeps the plan and sees the combined view.
    Regional,
    /// Regional staff who also manage the accounts of every tenant.
    RegionalAdmin,
    /// Reads everything in reach, changes nothing: the audit trail, replay and verification.
    /// An auditor of a regional administration reaches its province; of a national body, the
    /// country.
    Auditor,
    /// Staff of a national body: reads every province's combined view, changes nothing.
    National,
    /// An administrator of a national body: registers the provinces' regional administrations,
    /// national bodies and any province's institutions, and manages accounts in every tenant.
    NationalAdmin,
}

/// How far a role reads beyond its own tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleReach {
    /// Its own tenant only.
    OwnTenant,
    /// Every tenant of its tenant's province.
    Province,
    /// Every tenant of the country.
    Country,
}

impl Role {
    /// Every role, in the order the UI lists them.
    pub const ALL: [Role; 7] = [
        Role::Officer,
        Role::TenantAdmin,
        Role::Regional,
        Role::RegionalAdmin,
        Role::Auditor,
        Role::National,
        Role::NationalAdmin,
    ];

    /// The role's name in `lang`, as the UI shows it.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Self::Officer => crate::tr!(lang, "labels-role-officer"),
            Self::TenantAdmin => crate::tr!(lang, "labels-role-tenant-admin"),
            Self::Regional => crate::tr!(lang, "labels-role-regional"),
            Self::RegionalAdmin => crate::tr!(lang, "labels-role-regional-admin"),
            Self::Auditor => crate::tr!(lang, "labels-role-auditor"),
            Self::National => crate::tr!(lang, "labels-role-national"),
            Self::NationalAdmin => crate::tr!(lang, "labels-role-national-admin"),
        }
    }

    /// Whether the role reads other tenants' records (regional staff, auditors, national
    /// staff): the combined views are theirs. Which records exactly is narrowed further where
    /// the law says so (signals).
    pub fn sees_other_tenants(self) -> bool {
        matches!(
            self,
            Self::Regional
                | Self::RegionalAdmin
                | Self::Auditor
                | Self::National
                | Self::NationalAdmin
        )
    }

    /// How far an account of this role reads, in a tenant of `kind`: regional staff their
    /// province, national staff the country, auditors as far as their tenant's level.
    pub fn reach(self, kind: TenantKind) -> RoleReach {
        match self {
            Self::Officer | Self::TenantAdmin => RoleReach::OwnTenant,
            Self::Regional | Self::RegionalAdmin => RoleReach::Province,
            Self::National | Self::NationalAdmin => RoleReach::Country,
            Self::Auditor if kind == TenantKind::NationalBody => RoleReach::Country,
            Self::Auditor => RoleReach::Province,
        }
    }

    /// Whether the role may change anything at all.
    pub fn is_read_only(self) -> bool {
        matches!(self, Self::Auditor | Self::National)
    }

    /// Whether the role manages accounts: of its own tenant (tenant admin), of every tenant of
    /// its province (regional admin) or of the country (national admin).
    pub fn manages_accounts(self) -> bool {
        matches!(
            self,
            Self::TenantAdmin | Self::RegionalAdmin | Self::NationalAdmin
        )
    }

    /// Whether the role registers institutions: a regional admin those of its province, a
    /// national admin any.
    pub fn registers_tenants(self) -> bool {
        matches!(self, Self::RegionalAdmin | Self::NationalAdmin)
    }

    /// Whether an account of a tenant of this kind may hold the role: regional staff belong
    /// to a regional administration, national staff to a national body, auditors to either.
    pub fn fits(self, kind: TenantKind) -> bool {
        match self {
            Self::Officer | Self::TenantAdmin => true,
            Self::Regional | Self::RegionalAdmin => kind == TenantKind::RegionalAdministration,
            Self::National | Self::NationalAdmin => kind == TenantKind::NationalBody,
            Self::Auditor => matches!(
                kind,
                TenantKind::RegionalAdministration | TenantKind::NationalBody
            ),
        }
    }
}

impl crate::events::AccountEvent {
    /// The account the event belongs to.
    pub fn username(&self) -> &Username {
        match self {
            Self::Created(e) => &e.username,
            Self::RoleGranted(e) => &e.username,
            Self::Disabled(e) => &e.username,
            Self::Enabled(e) => &e.username,
            Self::PasswordChanged(e) => &e.username,
        }
    }
}

/// `AccountCreated` v1: an account was opened in the event's tenant. Its initial password was
/// set at the same time (the hash is kept outside the log).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountCreated {
    /// Login name, unique across Antikor.
    pub username: Username,
    /// The person's name as shown in the UI and the audit trail.
    pub display_name: String,
    /// The role it starts with.
    pub role: Role,
}

/// `RoleGranted` v1: an account was given a new role, replacing its previous one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RoleGranted {
    /// Whose role changed.
    pub username: Username,
    /// The new role.
    pub role: Role,
    /// The role it replaced.
    pub previous: Role,
}

/// `AccountDisabled` v1: the account can no longer log in; its sessions ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountDisabled {
    /// The account.
    pub username: Username,
    /// Why, as the administrator wrote it.
    pub reason: String,
}

/// `AccountEnabled` v1: a disabled account may log in again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountEnabled {
    /// The account.
    pub username: Username,
}

/// Who set a new password.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PasswordChangeKind {
    /// The account's owner, knowing the old one.
    ByOwner,
    /// An administrator reset it.
    ResetByAdmin,
}

/// `PasswordChanged` v1: the account's password was replaced; every session of the account
/// ended. The event holds no part of either password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordChanged {
    /// The account.
    pub username: Username,
    /// Who changed it.
    pub kind: PasswordChangeKind,
}

/// `LoginSucceeded` v1 (security log): a session was opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginSucceeded {
    /// The account.
    pub username: Username,
    /// The client's network address (held inline: a fifth of a national log is logins).
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub client: CompactString,
}

/// Why a login was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LoginFailure {
    /// No account has that username.
    UnknownAccount,
    /// The password did not match.
    WrongPassword,
    /// The account is disabled (the password matched).
    AccountDisabled,
}

/// `LoginFailed` v1 (security log): a login was refused. Recorded in the account's tenant, or
/// in the regional administration's when no account matched. The attempted username of an
/// unknown account is not kept, since people sometimes type a password there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginFailed {
    /// The account, when one matched.
    pub username: Option<Username>,
    /// The client's network address.
    pub client: String,
    /// Why.
    pub failure: LoginFailure,
    /// Set when this failure started a block of further attempts, until that moment.
    pub blocked_until: Option<DateTime<Utc>>,
}

/// `LoggedOut` v1 (security log): the account's owner ended a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoggedOut {
    /// The account.
    pub username: Username,
}

/// `POST /api/session`: log in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    /// Login name (surrounding white space and case are ignored).
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 64,
            pattern = r"[^\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
        )
    )]
    pub username: String,
    /// Password, up to 128 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 128))]
    pub password: String,
}

/// The logged-in user, as `GET /api/session` and a successful login answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionInfo {
    /// Login name.
    pub username: Username,
    /// The person's name.
    pub display_name: String,
    /// The tenant the account belongs to.
    pub tenant: TenantId,
    /// That tenant's name.
    pub tenant_name: TenantName,
    /// The account's role.
    pub role: Role,
    /// Send this in the `X-CSRF-Token` header of every request that changes something.
    pub csrf_token: String,
    /// When the session ends at the latest, however active it is.
    pub expires_at: DateTime<Utc>,
    /// Seconds of inactivity after which the session ends.
    pub idle_timeout_secs: u64,
}

/// A person whose work a history shows: who an event's username is, for the histories to
/// name people by name and role instead of by login.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Person {
    /// Their login name, as events record it.
    pub username: Username,
    /// Their name.
    pub display_name: String,
    /// Their role now.
    pub role: Role,
    /// Their institution.
    pub tenant: TenantId,
}

/// An account as administrators and auditors see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Account {
    /// Login name.
    pub username: Username,
    /// The person's name.
    pub display_name: String,
    /// The tenant it belongs to.
    pub tenant: TenantId,
    /// Its role.
    pub role: Role,
    /// Whether it is disabled.
    pub disabled: bool,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// Who created it.
    pub created_by: String,
    /// When its password was last set.
    pub password_changed_at: DateTime<Utc>,
    /// When it last logged in.
    pub last_login_at: Option<DateTime<Utc>>,
    /// Its stream's version: send it back as `expected_version` to change the account.
    pub version: u64,
}

/// `POST /api/accounts`: open an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateAccount {
    /// The tenant the account belongs to.
    pub tenant: TenantId,
    /// Login name (lowercase Latin letters, digits, `.`, `-`, `_`).
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 64, pattern = "^[a-z0-9][a-z0-9._-]*$")
    )]
    pub username: String,
    /// The person's name, up to 120 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 120,
            pattern = r"[^\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
        )
    )]
    pub display_name: String,
    /// Its role.
    pub role: Role,
    /// Its initial password, 12–128 characters, not a common one nor the login name.
    #[cfg_attr(feature = "openapi", schema(min_length = 12, max_length = 128))]
    pub password: String,
}

/// `POST /api/accounts/{username}/role`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GrantRole {
    /// The new role.
    pub role: Role,
    /// The account's version as last read; a concurrent change answers 409.
    pub expected_version: Option<u64>,
}

/// `POST /api/accounts/{username}/disable`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DisableAccount {
    /// Why (kept in the audit trail), up to 500 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 500,
            pattern = r"[^\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
        )
    )]
    pub reason: String,
    /// The account's version as last read; a concurrent change answers 409.
    pub expected_version: Option<u64>,
}

/// `POST /api/accounts/{username}/enable`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnableAccount {
    /// The account's version as last read; a concurrent change answers 409.
    pub expected_version: Option<u64>,
}

/// `POST /api/accounts/{username}/password`: an administrator sets a new password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResetPassword {
    /// The new password, 12–128 characters, not a common one nor the login name.
    #[cfg_attr(feature = "openapi", schema(min_length = 12, max_length = 128))]
    pub password: String,
}

/// `PUT /api/session/password`: the logged-in user changes their own password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangePassword {
    /// The password in use now.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 128))]
    pub current_password: String,
    /// The new password, 12–128 characters, not a common one nor the login name.
    #[cfg_attr(feature = "openapi", schema(min_length = 12, max_length = 128))]
    pub new_password: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_lengths_are_refused_in_the_readers_language() {
        let short = check_password_length("кратка").unwrap_err();
        assert_eq!(
            short.to_string(),
            "Паролата трябва да е поне 12 знака (сега е 6). Фраза от няколко думи се помни лесно."
        );
        assert_eq!(
            short.render(Lang::En),
            "The password must be at least 12 characters long (it is now 6). A phrase of several words is easy to remember."
        );
        let long = check_password_length(&"x".repeat(129)).unwrap_err();
        assert_eq!(long.to_string(), "Паролата може да е най-много 128 знака.");
        assert_eq!(
            long.render(Lang::En),
            "The password may be at most 128 characters long."
        );
        assert!(check_password_length(&"x".repeat(12)).is_ok());
    }

    #[test]
    fn regional_roles_belong_to_the_regional_administration() {
        assert!(Role::Regional.fits(TenantKind::RegionalAdministration));
        assert!(!Role::Regional.fits(TenantKind::Municipality));
        assert!(!Role::RegionalAdmin.fits(TenantKind::TerritorialUnit));
        assert!(Role::Officer.fits(TenantKind::Municipality));
        assert!(!Role::Auditor.fits(TenantKind::Municipality));
        assert!(Role::TenantAdmin.fits(TenantKind::RegionalAdministration));
        assert!(Role::National.fits(TenantKind::NationalBody));
        assert!(!Role::National.fits(TenantKind::RegionalAdministration));
        assert!(Role::Auditor.fits(TenantKind::NationalBody));
        assert!(Role::NationalAdmin.fits(TenantKind::NationalBody));
        assert!(!Role::NationalAdmin.fits(TenantKind::RegionalAdministration));
    }

    #[test]
    fn auditors_reach_as_far_as_their_tenants_level() {
        use TenantKind::*;
        assert_eq!(Role::Auditor.reach(NationalBody), RoleReach::Country);
        assert_eq!(
            Role::Auditor.reach(RegionalAdministration),
            RoleReach::Province
        );
        assert_eq!(
            Role::RegionalAdmin.reach(RegionalAdministration),
            RoleReach::Province
        );
        assert_eq!(Role::National.reach(NationalBody), RoleReach::Country);
        assert_eq!(Role::Officer.reach(NationalBody), RoleReach::OwnTenant);
        assert!(Role::National.is_read_only());
        assert_eq!(Role::NationalAdmin.reach(NationalBody), RoleReach::Country);
        assert!(!Role::NationalAdmin.is_read_only());
        assert!(Role::NationalAdmin.manages_accounts() && Role::NationalAdmin.registers_tenants());
    }

    #[test]
    fn roles_serialize_as_snake_case() {
        assert_eq!(
            serde_json::to_string(&Role::TenantAdmin).unwrap(),
            "\"tenant_admin\""
        );
        for role in Role::ALL {
            let json = serde_json::to_string(&role).unwrap();
            assert_eq!(serde_json::from_str::<Role>(&json).unwrap(), role, "{json}");
        }
    }

    #[test]
    fn role_labels_tell_values_apart_in_both_languages() {
        crate::i18n::assert_distinct_labels(Role::ALL, |value, lang| value.label(lang));
    }
}
