//! Passwords: the policy a new password must meet, and argon2id hashing and checking.

use crate::util::errors::AppError;
use antikor_shared::Username;
use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use std::collections::HashSet;
use std::sync::{Arc, LazyLock, OnceLock};
use tokio::sync::Semaphore;

/// Shortest password accepted (OWASP ASVS 2.1.1).
pub const MIN_CHARS: usize = 12;
/// Longest password accepted; longer input is refused before any hashing work.
pub const MAX_CHARS: usize = 128;

static COMMON: LazyLock<HashSet<String>> = LazyLock::new(|| {
    include_str!("common-passwords.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect()
});

/// Checks a new password against the policy: length only, no composition rules (NIST
/// SP 800-63B), and not one of the best-known passwords or the username.
pub fn check_policy(password: &str, username: &Username) -> Result<(), AppError> {
    let chars = password.chars().count();
    if chars < MIN_CHARS {
        return Err(AppError::BadRequest(format!(
            "Паролата трябва да е поне {MIN_CHARS} знака (сега е {chars}). Фраза от няколко думи се помни лесно."
        )));
    }
    if chars > MAX_CHARS {
        return Err(AppError::BadRequest(format!(
            "Паролата може да е най-много {MAX_CHARS} знака."
        )));
    }
    let folded = password.trim().to_lowercase();
    let one_char_repeated = folded.chars().all(|c| folded.starts_with(c));
    if COMMON.contains(&folded) || one_char_repeated || folded.contains(username.as_str()) {
        return Err(AppError::BadRequest(
            "Тази парола е сред най-често използваните или съдържа потребителското име. Изберете друга."
                .into(),
        ));
    }
    Ok(())
}

/// Refuses input that cannot be a password before any hashing work is spent on it.
pub fn check_length_for_login(password: &str) -> Result<(), AppError> {
    if password.is_empty() || password.chars().count() > MAX_CHARS {
        return Err(AppError::BadRequest(format!(
            "Въведете парола (до {MAX_CHARS} знака)."
        )));
    }
    Ok(())
}

/// Hashes and checks passwords with argon2id (19 MiB, 2 passes, 1 lane: OWASP's minimum),
/// on blocking threads, a few at a time so that a burst of logins cannot exhaust memory.
#[derive(Clone)]
pub struct Passwords {
    argon: Argon2<'static>,
    permits: Arc<Semaphore>,
    /// A hash of a random password, checked when no account matches so that an unknown
    /// username costs the same time as a wrong password.
    decoy: Arc<OnceLock<String>>,
}

impl Default for Passwords {
    fn default() -> Self {
        let params = Params::new(19 * 1024, 2, 1, None).expect("valid argon2 parameters");
        let parallel = std::thread::available_parallelism().map_or(2, |n| n.get().min(8));
        Self {
            argon: Argon2::new(Algorithm::Argon2id, Version::V0x13, params),
            permits: Arc::new(Semaphore::new(parallel)),
            decoy: Arc::new(OnceLock::new()),
        }
    }
}

impl Passwords {
    /// The PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) of a password, with a fresh salt.
    pub fn hash_blocking(&self, password: &str) -> anyhow::Result<String> {
        let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
        Ok(self
            .argon
            .hash_password(password.as_bytes(), &salt)
            .map_err(|e| anyhow::anyhow!("hashing a password: {e}"))?
            .to_string())
    }

    /// Whether `password` matches the stored PHC string (or, when `stored` is `None`, spends
    /// the same work on a decoy and answers `false`).
    pub fn verify_blocking(&self, password: &str, stored: Option<&str>) -> bool {
        let decoy;
        let phc = match stored {
            Some(s) => s,
            None => {
                decoy = self.decoy.get_or_init(|| {
                    self.hash_blocking(&uuid::Uuid::new_v4().to_string())
                        .expect("hashing a decoy")
                });
                decoy.as_str()
            }
        };
        let Ok(parsed) = PasswordHash::new(phc) else {
            tracing::error!("a stored password hash is unreadable");
            return false;
        };
        let matches = self
            .argon
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        matches && stored.is_some()
    }

    /// [`hash_blocking`](Self::hash_blocking) off the async runtime.
    pub async fn hash(&self, password: String) -> anyhow::Result<String> {
        let _permit = self.permits.acquire().await?;
        let this = self.clone();
        tokio::task::spawn_blocking(move || this.hash_blocking(&password)).await?
    }

    /// [`verify_blocking`](Self::verify_blocking) off the async runtime.
    pub async fn verify(&self, password: String, stored: Option<String>) -> anyhow::Result<bool> {
        let _permit = self.permits.acquire().await?;
        let this = self.clone();
        Ok(
            tokio::task::spawn_blocking(move || this.verify_blocking(&password, stored.as_deref()))
                .await?,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user() -> Username {
        Username::parse("ivanova").unwrap()
    }

    #[test]
    fn the_policy_is_about_length_and_known_passwords_only() {
        assert!(check_policy("дълга фраза без цифри", &user()).is_ok());
        assert!(check_policy("short", &user()).is_err());
        assert!(check_policy(&"x".repeat(129), &user()).is_err());
        assert!(check_policy("Password1234", &user()).is_err());
        assert!(check_policy("aaaaaaaaaaaaaaa", &user()).is_err());
        assert!(check_policy("ivanova-2017-!!", &user()).is_err());
        assert!(check_policy(&"я".repeat(128), &user()).is_err());
        assert!(check_policy(&format!("{}б", "я".repeat(127)), &user()).is_ok());
    }

    #[test]
    fn hashes_are_argon2id_with_the_owasp_parameters() {
        let passwords = Passwords::default();
        let hash = passwords.hash_blocking("коректна конска батерия").unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(passwords.verify_blocking("коректна конска батерия", Some(&hash)));
        assert!(!passwords.verify_blocking("коректна конска батерии", Some(&hash)));
        assert!(!passwords.verify_blocking("коректна конска батерия", None));
    }
}
