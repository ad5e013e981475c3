//! What each role may open and grant in the UI, and which return addresses a login accepts.
//!
//! The server decides every permission again; these rules only keep the UI from offering what
//! it would refuse.

use antikor_shared::account::{Role, check_password_length};
use antikor_shared::tenant::TenantKind;

/// The audit trail is open to every logged-in role; the server narrows it to the own tenant
/// for roles that do not see all tenants.
pub fn can_view_audit(_role: Role) -> bool {
    true
}

/// The accounts page is for those who manage accounts and for the auditor, who reads them.
pub fn can_view_accounts(role: Role) -> bool {
    role.manages_accounts() || role == Role::Auditor
}

/// The regional combined view is for the roles that see every tenant: regional staff and the
/// auditor.
pub fn can_view_region(role: Role) -> bool {
    role.sees_other_tenants()
}

/// Recording activities, reporting progress and editing contacts: every role but the auditor.
pub fn can_record(role: Role) -> bool {
    !role.is_read_only()
}

/// The whole log as a bundle to check offline (`GET /api/log/bundle`) is for the auditor only,
/// as the server decides too.
pub fn can_download_log(role: Role) -> bool {
    role == Role::Auditor
}

/// The roles `admin` may give an account of a tenant of `kind`.
///
/// A tenant admin hands out the roles of its own tenant only; a regional or national admin any
/// role that fits the tenant. While the tenant is not chosen yet (`None`), only roles that fit every
/// tenant are offered.
pub fn grantable_roles(admin: Role, kind: Option<TenantKind>) -> Vec<Role> {
    let fits = |role: Role| kind.map_or(!role.sees_other_tenants(), |k| role.fits(k));
    match admin {
        Role::TenantAdmin => [Role::Officer, Role::TenantAdmin]
            .into_iter()
            .filter(|r| fits(*r))
            .collect(),
        Role::RegionalAdmin | Role::NationalAdmin => {
            Role::ALL.into_iter().filter(|r| fits(*r)).collect()
        }
        _ => Vec::new(),
    }
}

/// The address to return to after login, if `next` is one of this app's own pages.
///
/// Only paths on this origin are accepted: `//host` and `/\host` would lead browsers to another
/// site, and a return to the login page itself would go round in circles.
pub fn safe_next(next: Option<&str>) -> Option<String> {
    let next = next?.trim();
    let local = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(char::is_control);
    let is_login = next == "/login" || next.starts_with("/login?") || next.starts_with("/login/");
    (local && !is_login).then(|| next.to_owned())
}

/// The login page, returning to `next` afterwards when that is a safe address other than home.
pub fn login_href(next: Option<&str>) -> String {
    match safe_next(next).filter(|n| n != "/") {
        Some(next) => crate::format::href_with_query("/login", [("next", Some(next))]),
        None => "/login".to_owned(),
    }
}

/// Checks a new password as far as the browser can: its length, and that it was typed the same
/// twice. The server also refuses common and weak passwords.
pub fn check_new_password(new: &str, confirm: &str) -> Result<(), String> {
    check_password_length(new).map_err(|m| m.render(crate::i18n::lang()))?;
    if new != confirm {
        return Err(t!("shell-password-mismatch"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_returned_to() {
        assert_eq!(
            safe_next(Some("/audit?tenant=bansko")).as_deref(),
            Some("/audit?tenant=bansko")
        );
        assert_eq!(safe_next(Some("/")).as_deref(), Some("/"));
        for bad in [
            "",
            "audit",
            "//evil.example",
            "/\\evil.example",
            "https://evil.example/",
            "javascript:alert(1)",
            "/login",
            "/login?next=/audit",
            "/a\nb",
        ] {
            assert_eq!(safe_next(Some(bad)), None, "{bad:?} must be refused");
        }
        assert_eq!(safe_next(None), None);
    }

    #[test]
    fn login_addresses_carry_the_return_path() {
        assert_eq!(
            login_href(Some("/audit?tenant=bansko")),
            "/login?next=%2Faudit%3Ftenant%3Dbansko"
        );
        assert_eq!(login_href(Some("/")), "/login");
        assert_eq!(login_href(Some("//evil.example")), "/login");
        assert_eq!(login_href(None), "/login");
    }

    #[test]
    fn admins_grant_only_fitting_roles() {
        use Role::*;
        assert_eq!(
            grantable_roles(TenantAdmin, Some(TenantKind::Municipality)),
            [Officer, TenantAdmin]
        );
        assert_eq!(
            grantable_roles(RegionalAdmin, Some(TenantKind::Municipality)),
            [Officer, TenantAdmin]
        );
        // Every role but the national one, which belongs to a national body.
        assert_eq!(
            grantable_roles(RegionalAdmin, Some(TenantKind::RegionalAdministration)),
            [Officer, TenantAdmin, Regional, RegionalAdmin, Auditor]
        );
        assert_eq!(grantable_roles(RegionalAdmin, None), [Officer, TenantAdmin]);
        // A national admin opens the first accounts of a province it registered, and its own.
        assert_eq!(
            grantable_roles(NationalAdmin, Some(TenantKind::RegionalAdministration)),
            [Officer, TenantAdmin, Regional, RegionalAdmin, Auditor]
        );
        assert_eq!(
            grantable_roles(NationalAdmin, Some(TenantKind::NationalBody)),
            [Officer, TenantAdmin, Auditor, National, NationalAdmin]
        );
        assert!(grantable_roles(Auditor, None).is_empty());
        assert!(grantable_roles(Officer, Some(TenantKind::Municipality)).is_empty());
    }

    #[test]
    fn who_sees_the_accounts_page() {
        assert!(can_view_accounts(Role::TenantAdmin));
        assert!(can_view_accounts(Role::RegionalAdmin));
        assert!(can_view_accounts(Role::Auditor));
        assert!(!can_view_accounts(Role::Officer));
        assert!(!can_view_accounts(Role::Regional));
    }

    #[test]
    fn only_the_auditor_downloads_the_whole_log() {
        for role in Role::ALL {
            assert_eq!(can_download_log(role), role == Role::Auditor, "{role:?}");
        }
    }

    #[test]
    fn new_passwords_are_checked_before_sending() {
        assert!(check_new_password("short", "short").is_err());
        assert!(check_new_password(&"x".repeat(129), &"x".repeat(129)).is_err());
        assert!(check_new_password("long-enough-pass", "long-enough-pasS").is_err());
        assert!(check_new_password("long-enough-pass", "long-enough-pass").is_ok());
        // Characters, not bytes: twelve Cyrillic letters are enough.
        assert!(check_new_password("абвгдежзийкл", "абвгдежзийкл").is_ok());
    }
}
