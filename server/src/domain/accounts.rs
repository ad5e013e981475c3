//! Accounts as an aggregate: what an account's stream says about it (`apply`) and which
//! events a command produces from that (`decide`). Pure: no storage, no clock, no caller.
//!
//! Who may issue a command is decided before, by the caller's scope (see `crate::access`).

use super::Aggregate;
use crate::util::errors::AppError;
use antikor_shared::Username;
use antikor_shared::account::{
    AccountCreated, AccountDisabled, AccountEnabled, PasswordChangeKind, PasswordChanged, Role,
    RoleGranted,
};
use antikor_shared::events::AccountEvent;
use antikor_shared::i18n::Text;
use antikor_shared::msg;
use antikor_shared::tenant::TenantKind;

/// An account's state, folded from its stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountState {
    /// Login name.
    pub username: Username,
    /// Current role.
    pub role: Role,
    /// Whether it is disabled.
    pub disabled: bool,
}

/// What someone asks to happen to an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountCommand {
    /// Open an account in a tenant of the given kind.
    Create {
        /// Login name.
        username: Username,
        /// The person's name.
        display_name: String,
        /// Starting role.
        role: Role,
        /// The kind of the tenant the account belongs to.
        tenant_kind: TenantKind,
    },
    /// Replace the role.
    GrantRole {
        /// The new role.
        role: Role,
        /// The kind of the account's tenant.
        tenant_kind: TenantKind,
    },
    /// Stop the account from logging in.
    Disable {
        /// Why.
        reason: String,
    },
    /// Let a disabled account log in again.
    Enable,
    /// Record that the password was replaced (the hash itself is stored elsewhere).
    ChangePassword {
        /// By whom.
        kind: PasswordChangeKind,
    },
}

/// Why a command was refused; [`text`](Self::text) is the message for the person, and
/// `Display` its Bulgarian.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    /// Create for a username that exists.
    UsernameTaken(Username),
    /// Any change to an account that does not exist.
    NoSuchAccount,
    /// The display name is empty or too long.
    BadDisplayName,
    /// The role does not belong in that kind of tenant.
    RoleDoesNotFit(Role),
    /// Granting the role the account already has.
    SameRole,
    /// Disabling without a reason.
    BadReason,
    /// Disabling a disabled account.
    AlreadyDisabled,
    /// Enabling an active account.
    NotDisabled,
}

/// The variant of `rules-role-does-not-fit` that names a role (its name is the catalogue's
/// `labels-role-…`).
fn role_key(role: Role) -> &'static str {
    match role {
        Role::Officer => "officer",
        Role::TenantAdmin => "tenant-admin",
        Role::Regional => "regional",
        Role::RegionalAdmin => "regional-admin",
        Role::Auditor => "auditor",
        Role::National => "national",
        Role::NationalAdmin => "national-admin",
    }
}

impl Rejection {
    /// The refusal, for the person, in whichever language they read.
    pub fn text(&self) -> Text {
        match self {
            Self::UsernameTaken(username) => {
                msg!("rules-username-taken", username = username.to_string())
            }
            Self::NoSuchAccount => msg!("rules-no-such-account"),
            Self::BadDisplayName => msg!("rules-display-name"),
            Self::RoleDoesNotFit(role) => msg!("rules-role-does-not-fit", role = role_key(*role)),
            Self::SameRole => msg!("rules-same-role"),
            Self::BadReason => msg!("rules-disable-reason"),
            Self::AlreadyDisabled => msg!("rules-already-disabled"),
            Self::NotDisabled => msg!("rules-not-disabled"),
        }
    }
}

/// The Bulgarian message.
impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.text().fmt(f)
    }
}

impl std::error::Error for Rejection {}

impl From<Rejection> for AppError {
    fn from(r: Rejection) -> Self {
        let message = r.text();
        match r {
            Rejection::NoSuchAccount => Self::NotFound(message),
            Rejection::UsernameTaken(_)
            | Rejection::SameRole
            | Rejection::AlreadyDisabled
            | Rejection::NotDisabled => Self::Conflict(message),
            Rejection::BadDisplayName | Rejection::RoleDoesNotFit(_) | Rejection::BadReason => {
                Self::BadRequest(message)
            }
        }
    }
}

/// An account's stream: `account-{username}` in its tenant's log.
pub struct AccountAggregate;

impl Aggregate for AccountAggregate {
    type Event = AccountEvent;
    type State = Option<AccountState>;
    type Command = AccountCommand;
    type Context = ();
    type Rejection = Rejection;

    fn decide(
        state: &Option<AccountState>,
        command: AccountCommand,
        _: &(),
    ) -> Result<Vec<AccountEvent>, Rejection> {
        decide(state.as_ref(), command)
    }

    fn apply(state: Option<AccountState>, event: &AccountEvent) -> Option<AccountState> {
        apply(state, event)
    }
}

/// The state after one more event.
fn apply(state: Option<AccountState>, event: &AccountEvent) -> Option<AccountState> {
    match (state, event) {
        (_, AccountEvent::Created(e)) => Some(AccountState {
            username: e.username.clone(),
            role: e.role,
            disabled: false,
        }),
        (Some(s), AccountEvent::RoleGranted(e)) => Some(AccountState { role: e.role, ..s }),
        (Some(s), AccountEvent::Disabled(_)) => Some(AccountState {
            disabled: true,
            ..s
        }),
        (Some(s), AccountEvent::Enabled(_)) => Some(AccountState {
            disabled: false,
            ..s
        }),
        (state, _) => state,
    }
}

/// The events a command produces, or why it is refused.
fn decide(
    state: Option<&AccountState>,
    command: AccountCommand,
) -> Result<Vec<AccountEvent>, Rejection> {
    use AccountCommand as C;
    let existing = || state.ok_or(Rejection::NoSuchAccount);
    match command {
        C::Create {
            username,
            display_name,
            role,
            tenant_kind,
        } => {
            if state.is_some() {
                return Err(Rejection::UsernameTaken(username));
            }
            let display_name = display_name.trim().to_owned();
            if display_name.is_empty() || display_name.chars().count() > 120 {
                return Err(Rejection::BadDisplayName);
            }
            if !role.fits(tenant_kind) {
                return Err(Rejection::RoleDoesNotFit(role));
            }
            Ok(vec![AccountEvent::Created(AccountCreated {
                username,
                display_name,
                role,
            })])
        }
        C::GrantRole { role, tenant_kind } => {
            let account = existing()?;
            if account.role == role {
                return Err(Rejection::SameRole);
            }
            if !role.fits(tenant_kind) {
                return Err(Rejection::RoleDoesNotFit(role));
            }
            Ok(vec![AccountEvent::RoleGranted(RoleGranted {
                username: account.username.clone(),
                role,
                previous: account.role,
            })])
        }
        C::Disable { reason } => {
            let account = existing()?;
            let reason = reason.trim().to_owned();
            if reason.is_empty() || reason.chars().count() > 500 {
                return Err(Rejection::BadReason);
            }
            if account.disabled {
                return Err(Rejection::AlreadyDisabled);
            }
            Ok(vec![AccountEvent::Disabled(AccountDisabled {
                username: account.username.clone(),
                reason,
            })])
        }
        C::Enable => {
            let account = existing()?;
            if !account.disabled {
                return Err(Rejection::NotDisabled);
            }
            Ok(vec![AccountEvent::Enabled(AccountEnabled {
                username: account.username.clone(),
            })])
        }
        C::ChangePassword { kind } => {
            let account = existing()?;
            Ok(vec![AccountEvent::PasswordChanged(PasswordChanged {
                username: account.username.clone(),
                kind,
            })])
        }
    }
}

#[cfg(test)]
mod tests {
    //! Given the account's past events, when a command arrives, then these events (or this
    //! rejection) follow.
    use super::*;
    use crate::domain::testing::given;

    fn ivan() -> Username {
        Username::parse("ivan").unwrap()
    }

    fn created(role: Role) -> AccountEvent {
        AccountEvent::Created(AccountCreated {
            username: ivan(),
            display_name: "Иван Иванов".into(),
            role,
        })
    }

    fn when(
        history: &[AccountEvent],
        command: AccountCommand,
    ) -> Result<Vec<AccountEvent>, Rejection> {
        given::<AccountAggregate>(history.to_vec()).when(command, &())
    }

    fn create(role: Role, kind: TenantKind) -> AccountCommand {
        AccountCommand::Create {
            username: ivan(),
            display_name: "  Иван Иванов ".into(),
            role,
            tenant_kind: kind,
        }
    }

    #[test]
    fn create_opens_an_account_with_a_trimmed_name() {
        assert_eq!(
            when(&[], create(Role::Officer, TenantKind::Municipality)),
            Ok(vec![created(Role::Officer)])
        );
    }

    #[test]
    fn create_refuses_a_taken_username_a_bad_name_and_an_unfitting_role() {
        assert_eq!(
            when(
                &[created(Role::Officer)],
                create(Role::Officer, TenantKind::Municipality)
            ),
            Err(Rejection::UsernameTaken(ivan()))
        );
        let mut blank = create(Role::Officer, TenantKind::Municipality);
        if let AccountCommand::Create { display_name, .. } = &mut blank {
            *display_name = "   ".into();
        }
        assert_eq!(when(&[], blank), Err(Rejection::BadDisplayName));
        assert_eq!(
            when(&[], create(Role::Auditor, TenantKind::Municipality)),
            Err(Rejection::RoleDoesNotFit(Role::Auditor))
        );
    }

    #[test]
    fn grant_role_replaces_the_role_and_remembers_the_previous_one() {
        let grant = |role| AccountCommand::GrantRole {
            role,
            tenant_kind: TenantKind::Municipality,
        };
        assert_eq!(
            when(&[created(Role::Officer)], grant(Role::TenantAdmin)),
            Ok(vec![AccountEvent::RoleGranted(RoleGranted {
                username: ivan(),
                role: Role::TenantAdmin,
                previous: Role::Officer,
            })])
        );
        assert_eq!(
            when(&[created(Role::Officer)], grant(Role::Officer)),
            Err(Rejection::SameRole)
        );
        assert_eq!(
            when(&[created(Role::Officer)], grant(Role::Regional)),
            Err(Rejection::RoleDoesNotFit(Role::Regional))
        );
        assert_eq!(
            when(&[], grant(Role::Officer)),
            Err(Rejection::NoSuchAccount)
        );
    }

    #[test]
    fn disable_needs_a_reason_and_an_active_account() {
        let disable = |reason: &str| AccountCommand::Disable {
            reason: reason.into(),
        };
        let disabled = AccountEvent::Disabled(AccountDisabled {
            username: ivan(),
            reason: "напусна".into(),
        });
        assert_eq!(
            when(&[created(Role::Officer)], disable(" напусна ")),
            Ok(vec![disabled.clone()])
        );
        assert_eq!(
            when(&[created(Role::Officer)], disable(" ")),
            Err(Rejection::BadReason)
        );
        assert_eq!(
            when(&[created(Role::Officer), disabled.clone()], disable("пак")),
            Err(Rejection::AlreadyDisabled)
        );
        assert_eq!(
            when(&[created(Role::Officer)], AccountCommand::Enable),
            Err(Rejection::NotDisabled)
        );
        assert_eq!(
            when(&[created(Role::Officer), disabled], AccountCommand::Enable),
            Ok(vec![AccountEvent::Enabled(AccountEnabled {
                username: ivan()
            })])
        );
    }

    #[test]
    fn a_role_that_does_not_fit_is_named_in_the_readers_language() {
        use antikor_shared::i18n::Lang;
        for role in Role::ALL {
            let refusal = Rejection::RoleDoesNotFit(role).text();
            assert_eq!(
                refusal.to_string(),
                format!(
                    "Ролята „{}“ не е за профили на този вид институция.",
                    role.label(Lang::Bg)
                )
            );
            assert!(
                refusal.render(Lang::En).contains(&role.label(Lang::En)),
                "{role:?}: {}",
                refusal.render(Lang::En)
            );
        }
    }

    #[test]
    fn a_password_change_is_recorded_without_the_password() {
        let change = AccountCommand::ChangePassword {
            kind: PasswordChangeKind::ResetByAdmin,
        };
        assert_eq!(
            when(&[created(Role::Officer)], change.clone()),
            Ok(vec![AccountEvent::PasswordChanged(PasswordChanged {
                username: ivan(),
                kind: PasswordChangeKind::ResetByAdmin,
            })])
        );
        assert_eq!(when(&[], change), Err(Rejection::NoSuchAccount));
    }
}
