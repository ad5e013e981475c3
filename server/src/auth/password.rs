//! Passwords: the policy a new password must meet, and argon2id hashing and checking.

use crate::util::errors::AppError;
use antikor_shared::Username;
use antikor_shared::msg;
use argon2::password_hash::{Output, ParamsString, PasswordHash, Salt, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use std::collections::HashSet;
use std::sync::{Arc, LazyLock, Mutex, OnceLock, PoisonError};
use tokio::sync::Semaphore;

use antikor_shared::account::{PASSWORD_MAX_CHARS, check_password_length};

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
    check_password_length(password).map_err(AppError::BadRequest)?;
    let folded = password.trim().to_lowercase();
    let one_char_repeated = folded.chars().all(|c| folded.starts_with(c));
    if COMMON.contains(&folded) || one_char_repeated || folded.contains(username.as_str()) {
        return Err(AppError::BadRequest(msg!("server-password-common")));
    }
    Ok(())
}

/// Refuses input that cannot be a password before any hashing work is spent on it.
pub fn check_length_for_login(password: &str) -> Result<(), AppError> {
    if password.is_empty() || password.chars().count() > PASSWORD_MAX_CHARS {
        return Err(AppError::BadRequest(msg!(
            "server-password-missing",
            max = PASSWORD_MAX_CHARS
        )));
    }
    Ok(())
}

/// Hashes and checks passwords with argon2id (19 MiB, 2 passes, 1 lane: OWASP's minimum),
/// on blocking threads, a few at a time so that a burst of logins cannot exhaust memory.
///
/// Each check works in one of a few reused 19 MiB areas rather than allocating its own:
/// allocations that size, freed on whichever blocking thread ran them, stayed with that
/// thread's allocator arena, and a burst of 400 failed checks left the process at ~670 MiB.
#[derive(Clone)]
pub struct Passwords {
    argon: Argon2<'static>,
    permits: Arc<Semaphore>,
    /// Working areas kept between checks, at most one per permit.
    areas: Arc<Mutex<Vec<Vec<Block>>>>,
    /// How many checks run at once (the permits), and so how many areas are kept.
    parallel: usize,
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
            areas: Arc::new(Mutex::new(Vec::with_capacity(parallel))),
            parallel,
            decoy: Arc::new(OnceLock::new()),
        }
    }
}

/// The raw bytes of a PHC salt.
fn salt_bytes<'b>(salt: Salt<'_>, buf: &'b mut [u8; Salt::MAX_LENGTH]) -> Option<&'b [u8]> {
    salt.decode_b64(buf).ok()
}

impl Passwords {
    /// Runs `work` in a reused working area of at least `blocks` blocks.
    fn with_area<T>(&self, blocks: usize, work: impl FnOnce(&mut [Block]) -> T) -> T {
        let mut area = self
            .areas
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop()
            .unwrap_or_default();
        if area.len() < blocks {
            area.resize(blocks, Block::default());
        }
        let out = work(&mut area);
        let mut areas = self.areas.lock().unwrap_or_else(PoisonError::into_inner);
        if areas.len() < self.parallel {
            areas.push(area);
        }
        out
    }

    /// The PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) of a password, with a fresh salt.
    pub fn hash_blocking(&self, password: &str) -> anyhow::Result<String> {
        let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
        let mut buf = [0; Salt::MAX_LENGTH];
        let raw_salt =
            salt_bytes(salt.as_salt(), &mut buf).ok_or_else(|| anyhow::anyhow!("salt"))?;
        let params = self.argon.params();
        let mut out = [0; Params::DEFAULT_OUTPUT_LEN];
        self.with_area(params.block_count(), |area| {
            self.argon
                .hash_password_into_with_memory(password.as_bytes(), raw_salt, &mut out, area)
        })
        .map_err(|e| anyhow::anyhow!("hashing a password: {e}"))?;
        let phc = PasswordHash {
            algorithm: Algorithm::Argon2id.ident(),
            version: Some(Version::V0x13.into()),
            params: ParamsString::try_from(params)
                .map_err(|e| anyhow::anyhow!("argon2 parameters: {e}"))?,
            salt: Some(salt.as_salt()),
            hash: Some(Output::new(&out).map_err(|e| anyhow::anyhow!("argon2 output: {e}"))?),
        };
        Ok(phc.to_string())
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
        let matches = self.matches(password, phc).unwrap_or_else(|| {
            tracing::error!("a stored password hash is unreadable");
            false
        });
        matches && stored.is_some()
    }

    /// Recomputes the hash with the parameters and salt `phc` names and compares it in
    /// constant time; `None` when `phc` is not an argon2 PHC string.
    fn matches(&self, password: &str, phc: &str) -> Option<bool> {
        let parsed = PasswordHash::new(phc).ok()?;
        let algorithm = Algorithm::try_from(parsed.algorithm).ok()?;
        let version = match parsed.version {
            Some(v) => Version::try_from(v).ok()?,
            None => Version::default(),
        };
        let params = Params::try_from(&parsed).ok()?;
        let expected = parsed.hash?;
        let mut buf = [0; Salt::MAX_LENGTH];
        let salt = salt_bytes(parsed.salt?, &mut buf)?;
        let argon = Argon2::new(algorithm, version, params);
        let mut out = vec![0; expected.len()];
        self.with_area(argon.params().block_count(), |area| {
            argon.hash_password_into_with_memory(password.as_bytes(), salt, &mut out, area)
        })
        .ok()?;
        // `Output`'s equality is constant-time.
        Some(Output::new(&out).ok()? == expected)
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

    #[test]
    fn hashes_agree_with_the_argon2_crates_own_hashing_and_checking() {
        use argon2::password_hash::{PasswordHasher as _, PasswordVerifier as _};
        let passwords = Passwords::default();
        let ours = passwords.hash_blocking("коректна конска батерия").unwrap();
        let parsed = PasswordHash::new(&ours).unwrap();
        assert!(
            passwords
                .argon
                .verify_password("коректна конска батерия".as_bytes(), &parsed)
                .is_ok()
        );
        let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
        let theirs = passwords
            .argon
            .hash_password("коректна конска батерия".as_bytes(), &salt)
            .unwrap()
            .to_string();
        assert!(passwords.verify_blocking("коректна конска батерия", Some(&theirs)));
        assert!(!passwords.verify_blocking("коректна конска батерии", Some(&theirs)));
        // A hash made with other parameters (more memory) is still checked by what it names.
        let bigger = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(32 * 1024, 1, 1, None).unwrap(),
        )
        .hash_password(b"other", &salt)
        .unwrap()
        .to_string();
        assert!(passwords.verify_blocking("other", Some(&bigger)));
        assert!(!passwords.verify_blocking("other", Some("$argon2id$v=19$garbage")));
    }
}
