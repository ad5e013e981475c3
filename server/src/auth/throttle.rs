//! Throttling of password and receipt-code checks: too many failures for one subject (an
//! account, or a signal's register number) or from one address within a window block further
//! attempts until the oldest failure leaves the window.
//!
//! An attempt is counted *before* its hash is computed and released only when it succeeds,
//! so requests that arrive together cannot all slip past the limit while their hashes are
//! still running; and only a few checks per subject and per address may run at once, so a
//! burst from one place cannot queue hashing work in front of everybody else's logins.
//!
//! Written here rather than with a rate-limiting crate because only *failures* count: a
//! person who logs in successfully all day is never slowed down (crates such as `governor`
//! count every check). The failures are kept in the secrets store, each an entry of its own,
//! so a restart does not give an attacker a fresh allowance and servers that share the store
//! count every failure any of them saw.

use crate::auth::secrets::{Failure, Secrets};
use crate::util::errors::AppError;
use antikor_shared::msg;
use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// How many failures within [`WINDOW`] block an account or a register number.
pub const ACCOUNT_LIMIT: usize = 5;
/// How many failures within [`WINDOW`] block a client address (several people may share one).
pub const ADDRESS_LIMIT: usize = 20;
/// The sliding window failures are counted in.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);
/// How many checks of one subject may run at once.
pub const SUBJECT_IN_FLIGHT: usize = 2;
/// How many checks from one address may run at once.
pub const ADDRESS_IN_FLIGHT: usize = 4;

/// Most keys remembered; past that, keys whose failures all left the window are dropped.
const MAX_KEYS: usize = 100_000;

/// Why an attempt may not be made now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Too many failures: wait this long.
    Blocked(Duration),
    /// Too many checks for this subject or address are running; try again in a moment.
    Busy,
}

/// What kind of attempt was refused: says, for a person, what there were too many of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttemptKind {
    /// Logging in, or confirming one's own password.
    Login,
    /// A reporter's register number and receipt code.
    Receipt,
}

impl Refusal {
    /// The answer to a refused attempt: 429 with how long to wait, saying what kind of
    /// attempt there were too many of.
    pub fn into_error(self, kind: AttemptKind) -> AppError {
        match self {
            Self::Blocked(wait) => {
                let minutes = wait.as_secs().div_ceil(60).max(1);
                AppError::TooManyRequests {
                    message: match kind {
                        AttemptKind::Login => msg!("requests-too-many-logins", minutes = minutes),
                        AttemptKind::Receipt => {
                            msg!("requests-too-many-receipt-tries", minutes = minutes)
                        }
                    },
                    retry_after: wait.as_secs().max(1),
                }
            }
            Self::Busy => AppError::TooManyRequests {
                message: msg!("requests-attempts-being-checked"),
                retry_after: 1,
            },
        }
    }
}

/// Failure counts per subject and per client address, for one kind of secret.
pub struct Throttle {
    /// Prefixes this throttle's entries in the secrets store (`login`, `receipt`).
    kind: &'static str,
    state: Mutex<State>,
    store: Option<Arc<Secrets>>,
}

/// The failures in the window and the checks running now, per key.
#[derive(Default)]
struct State {
    failures: HashMap<Key, VecDeque<Counted>>,
    /// How many failures this server has counted: tells those counted while the store was
    /// being read from those it had before.
    counted: u64,
    in_flight: HashMap<Key, usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Subject(String),
    Address(IpAddr),
}

impl Key {
    fn limit(&self) -> usize {
        match self {
            Self::Subject(_) => ACCOUNT_LIMIT,
            Self::Address(_) => ADDRESS_LIMIT,
        }
    }

    fn in_flight_limit(&self) -> usize {
        match self {
            Self::Subject(_) => SUBJECT_IN_FLIGHT,
            Self::Address(_) => ADDRESS_IN_FLIGHT,
        }
    }

    /// The key's name in the secrets store, after the throttle's kind.
    fn stored(&self, kind: &str) -> String {
        match self {
            Self::Subject(s) => format!("{kind}/s/{s}"),
            Self::Address(a) => format!("{kind}/a/{a}"),
        }
    }

    fn from_stored(kind: &str, name: &str) -> Option<Self> {
        let rest = name.strip_prefix(kind)?.strip_prefix('/')?;
        if let Some(subject) = rest.strip_prefix("s/") {
            Some(Self::Subject(subject.to_owned()))
        } else {
            rest.strip_prefix("a/")?.parse().ok().map(Self::Address)
        }
    }
}

fn keys(subject: &str, address: IpAddr) -> [Key; 2] {
    [
        Key::Subject(subject.trim().to_lowercase()),
        Key::Address(address),
    ]
}

/// Milliseconds since the Unix epoch: failure times outlive the process, so they are kept
/// on the wall clock.
fn millis(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

const WINDOW_MS: u64 = WINDOW.as_millis() as u64;

/// Drops the failures that left the window from `list`, handing each to `gone`.
/// A failure as a server remembers it: which one this server counted it as (its
/// [`State::counted`] then; 0 for one read from the store).
#[derive(Debug, Clone, Copy)]
struct Counted {
    failure: Failure,
    number: u64,
}

impl Counted {
    fn stored(failure: Failure) -> Self {
        Self { failure, number: 0 }
    }
}

/// Drops the failures that left the window from `list`, handing each to `gone`.
fn prune(list: &mut VecDeque<Counted>, now: u64, mut gone: impl FnMut(Failure)) {
    while let Some(&oldest) = list.front()
        && now.saturating_sub(oldest.failure.at) >= WINDOW_MS
    {
        list.pop_front();
        gone(oldest.failure);
    }
}

/// How long until the oldest failure in a full list leaves the window.
fn wait(list: &VecDeque<Counted>, now: u64) -> Duration {
    let oldest = list.front().map_or(now, |c| c.failure.at);
    Duration::from_millis((oldest + WINDOW_MS).saturating_sub(now))
}

impl Throttle {
    /// A throttle kept in memory only (tests, benches).
    pub fn in_memory(kind: &'static str) -> Self {
        Self {
            kind,
            state: Mutex::default(),
            store: None,
        }
    }

    /// A throttle whose failures are kept in the secrets store, starting from those stored.
    pub fn stored(kind: &'static str, secrets: Arc<Secrets>) -> anyhow::Result<Self> {
        let now = millis(SystemTime::now());
        secrets.upgrade_throttle(kind)?;
        let mut state = State::default();
        let mut gone = Vec::new();
        for (name, failures) in secrets.throttle_entries(kind)? {
            let Some(key) = Key::from_stored(kind, &name) else {
                continue;
            };
            let mut list: VecDeque<Counted> = failures.into_iter().map(Counted::stored).collect();
            prune(&mut list, now, |f| gone.push((name.clone(), f)));
            if !list.is_empty() {
                state.failures.insert(key, list);
            }
        }
        let throttle = Self {
            kind,
            state: Mutex::new(state),
            store: Some(secrets),
        };
        throttle.persist(&[], &gone);
        Ok(throttle)
    }

    /// The state, even after a panic elsewhere while it was held: every change to it is a
    /// single push or removal, so it is never left half-made.
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Adds and removes failures (each under its key's stored name) in the secrets store, in
    /// one durable write. A write that fails only loses the memory of failures over a
    /// restart, so it is logged rather than refused.
    fn persist(&self, added: &[(String, Failure)], removed: &[(String, Failure)]) {
        if let Some(store) = &self.store
            && !(added.is_empty() && removed.is_empty())
            && let Err(e) = store.change_throttle(added, removed)
        {
            tracing::warn!(error = %e, "throttle state not kept");
        }
    }

    /// The failures stored for `keys` now, when other servers share the store and count
    /// failures into it too; `None` when this server's memory is the whole truth. Each
    /// failure is stored on its own, so none counted by another server is lost, however
    /// many count at once.
    fn stored_failures(&self, keys: &[Key; 2]) -> Option<Vec<Vec<Failure>>> {
        let store = self.store.as_ref().filter(|store| store.shared())?;
        let names: Vec<String> = keys.iter().map(|key| key.stored(self.kind)).collect();
        match store.throttle_failures(&names) {
            Ok(lists) => Some(lists),
            Err(e) => {
                tracing::warn!(error = %e, "reading the failures counted by other servers failed; counting this server's");
                None
            }
        }
    }

    /// Starts an attempt: refused when the subject or address is blocked or already has its
    /// share of checks running; otherwise counted as a failure until it is reported a success.
    pub fn begin(
        &self,
        subject: &str,
        address: IpAddr,
        now: SystemTime,
    ) -> Result<Attempt<'_>, Refusal> {
        let now = millis(now);
        let keys = keys(subject, address);
        // Read without the lock held: a database's round trip does not hold up the checks of
        // other keys. What the store holds is the truth as of the read, but for the failures
        // this server counted while it read (its other checks of the same keys).
        let read_after = self.lock().counted;
        let stored = self.stored_failures(&keys);
        let mut state = self.lock();
        for (key, stored) in keys.iter().zip(stored.into_iter().flatten()) {
            let own = state.failures.get(key).into_iter().flatten();
            let newer: Vec<Counted> = own
                .filter(|c| c.number > read_after && !stored.contains(&c.failure))
                .copied()
                .collect();
            let mut list: Vec<Counted> = stored.into_iter().map(Counted::stored).collect();
            list.extend(newer);
            list.sort_by_key(|c| c.failure);
            if list.is_empty() {
                state.failures.remove(key);
            } else {
                state.failures.insert(key.clone(), list.into());
            }
        }
        // Failures that left the window go from the store with the write below.
        let mut removed = Vec::new();
        if state.failures.len() >= MAX_KEYS {
            state.failures.retain(|key, list| {
                prune(list, now, |f| removed.push((key.stored(self.kind), f)));
                !list.is_empty()
            });
        }
        let mut blocked = None;
        for key in &keys {
            if let Some(list) = state.failures.get_mut(key) {
                prune(list, now, |f| removed.push((key.stored(self.kind), f)));
                if list.len() >= key.limit() {
                    blocked = blocked.max(Some(wait(list, now)));
                }
            }
        }
        if let Some(wait) = blocked {
            self.persist(&[], &removed);
            return Err(Refusal::Blocked(wait));
        }
        if keys
            .iter()
            .any(|k| state.in_flight.get(k).copied().unwrap_or(0) >= k.in_flight_limit())
        {
            self.persist(&[], &removed);
            return Err(Refusal::Busy);
        }
        let failure = Failure {
            at: now,
            nonce: rand::random(),
        };
        state.counted += 1;
        let counted = Counted {
            failure,
            number: state.counted,
        };
        let mut added = Vec::with_capacity(keys.len());
        for key in &keys {
            *state.in_flight.entry(key.clone()).or_default() += 1;
            state
                .failures
                .entry(key.clone())
                .or_default()
                .push_back(counted);
            added.push((key.stored(self.kind), failure));
        }
        // One fsync for the attempt, not one per key: every login pays it.
        self.persist(&added, &removed);
        Ok(Attempt {
            throttle: self,
            keys,
            failure,
        })
    }

    /// How many failures are counted now for a subject (tests and diagnostics).
    pub fn failures(&self, subject: &str, now: SystemTime) -> usize {
        let mut state = self.lock();
        let key = Key::Subject(subject.trim().to_lowercase());
        state.failures.get_mut(&key).map_or(0, |list| {
            prune(list, millis(now), |_| {});
            list.len()
        })
    }
}

/// A check under way. Unless reported a success (or excused), it stays counted as a
/// failure — also when the request is dropped half-way, so hanging up does not undo it.
pub struct Attempt<'a> {
    throttle: &'a Throttle,
    keys: [Key; 2],
    /// The failure the attempt is counted as, under both keys.
    failure: Failure,
}

impl Attempt<'_> {
    /// The secret was right: the subject's failures are forgotten and this attempt no
    /// longer counts against the address.
    pub fn succeeded(self) {
        let mut state = self.throttle.lock();
        let [subject, address] = &self.keys;
        state.failures.remove(subject);
        let own = self.forget(&mut state, address);
        // Every failure of the account goes, those other servers counted too, in the same
        // write as the attempt's own at the address.
        if let Some(store) = &self.throttle.store
            && let Err(e) = store.clear_throttle(&[subject.stored(self.throttle.kind)], &[own])
        {
            tracing::warn!(error = %e, "throttle state not kept");
        }
    }

    /// The attempt does not count either way (a disabled account with the right password).
    pub fn excused(self) {
        let mut state = self.throttle.lock();
        let own: Vec<_> = self
            .keys
            .iter()
            .map(|key| self.forget(&mut state, key))
            .collect();
        self.throttle.persist(&[], &own);
    }

    /// The secret was wrong: the attempt stays counted. Answers how long further attempts
    /// are blocked, when this failure reached a limit.
    pub fn failed(self) -> Option<Duration> {
        let mut state = self.throttle.lock();
        self.keys
            .iter()
            .filter_map(|key| {
                let list = state.failures.get_mut(key)?;
                let at = self.failure.at;
                prune(list, at, |_| {});
                (list.len() >= key.limit()).then(|| wait(list, at))
            })
            .max()
    }

    /// Takes the attempt's failure out of `key`'s in memory; answers it as the store names
    /// it, for the caller to remove there.
    fn forget(&self, state: &mut State, key: &Key) -> (String, Failure) {
        if let Some(list) = state.failures.get_mut(key) {
            if let Some(i) = list.iter().position(|c| c.failure == self.failure) {
                list.remove(i);
            }
            if list.is_empty() {
                state.failures.remove(key);
            }
        }
        (key.stored(self.throttle.kind), self.failure)
    }
}

impl Drop for Attempt<'_> {
    fn drop(&mut self) {
        let mut state = self.throttle.lock();
        for key in &self.keys {
            if let Some(n) = state.in_flight.get_mut(key) {
                *n = n.saturating_sub(1);
                if *n == 0 {
                    state.in_flight.remove(key);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOME: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(10, 0, 0, 1));
    const AWAY: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(10, 0, 0, 2));

    fn at(t0: SystemTime, secs: u64) -> SystemTime {
        t0 + Duration::from_secs(secs)
    }

    fn fail(throttle: &Throttle, subject: &str, from: IpAddr, now: SystemTime) -> Option<Duration> {
        throttle.begin(subject, from, now).unwrap().failed()
    }

    #[test]
    fn an_account_is_blocked_after_its_limit_until_the_window_passes() {
        let throttle = Throttle::in_memory("login");
        let t0 = SystemTime::now();
        for i in 0..ACCOUNT_LIMIT - 1 {
            assert_eq!(fail(&throttle, "Ivan", HOME, at(t0, i as u64)), None);
        }
        let blocked = fail(&throttle, "ivan", HOME, at(t0, 10));
        assert_eq!(blocked, Some(WINDOW - Duration::from_secs(10)));
        // From another address too, and for the case-folded name.
        assert_eq!(
            throttle.begin(" IVAN", AWAY, at(t0, 60)).err(),
            Some(Refusal::Blocked(WINDOW - Duration::from_secs(60)))
        );
        assert!(throttle.begin("maria", AWAY, t0).is_ok());
        assert!(throttle.begin("ivan", AWAY, t0 + WINDOW).is_ok());
    }

    #[test]
    fn an_address_is_blocked_after_many_failures_over_any_names() {
        let throttle = Throttle::in_memory("login");
        let now = SystemTime::now();
        for i in 0..ADDRESS_LIMIT {
            fail(&throttle, &format!("user{i}"), HOME, now);
        }
        assert!(matches!(
            throttle.begin("someone-else", HOME, now).err(),
            Some(Refusal::Blocked(_))
        ));
        assert!(throttle.begin("someone-else", AWAY, now).is_ok());
    }

    #[test]
    fn success_clears_the_account_and_releases_its_own_count_at_the_address() {
        let throttle = Throttle::in_memory("login");
        let now = SystemTime::now();
        for _ in 0..ACCOUNT_LIMIT - 1 {
            fail(&throttle, "ivan", HOME, now);
        }
        throttle.begin("ivan", HOME, now).unwrap().succeeded();
        assert_eq!(throttle.failures("ivan", now), 0);
        // The address keeps the earlier failures but not the successful attempt.
        for i in 0..ADDRESS_LIMIT - ACCOUNT_LIMIT {
            fail(&throttle, &format!("user{i}"), HOME, now);
        }
        assert!(throttle.begin("maria", HOME, now).is_ok());
    }

    #[test]
    fn attempts_count_before_they_are_checked_and_only_a_few_run_at_once() {
        let throttle = Throttle::in_memory("login");
        let now = SystemTime::now();
        let running: Vec<_> = (0..SUBJECT_IN_FLIGHT)
            .map(|_| throttle.begin("ivan", HOME, now).unwrap())
            .collect();
        assert_eq!(throttle.failures("ivan", now), SUBJECT_IN_FLIGHT);
        assert_eq!(throttle.begin("ivan", AWAY, now).err(), Some(Refusal::Busy));
        // A check whose request is dropped half-way still counts.
        drop(running);
        assert_eq!(throttle.failures("ivan", now), SUBJECT_IN_FLIGHT);
        let mut admitted = SUBJECT_IN_FLIGHT;
        while let Ok(attempt) = throttle.begin("ivan", HOME, now) {
            attempt.failed();
            admitted += 1;
        }
        assert_eq!(admitted, ACCOUNT_LIMIT);
    }

    #[test]
    fn many_threads_at_once_never_check_more_than_the_limit() {
        let throttle = Throttle::in_memory("login");
        let now = SystemTime::now();
        let checked = std::sync::atomic::AtomicUsize::new(0);
        std::thread::scope(|s| {
            for _ in 0..16 {
                s.spawn(|| {
                    for _ in 0..50 {
                        if let Ok(attempt) = throttle.begin("ivan", HOME, now) {
                            checked.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                            std::thread::yield_now();
                            attempt.failed();
                        }
                    }
                });
            }
        });
        assert_eq!(checked.into_inner(), ACCOUNT_LIMIT);
    }

    #[test]
    fn failures_outlive_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let now = SystemTime::now();
        {
            let secrets = Arc::new(Secrets::open(dir.path()).unwrap());
            let throttle = Throttle::stored("login", secrets.clone()).unwrap();
            for _ in 0..ACCOUNT_LIMIT {
                fail(&throttle, "ivan", HOME, now);
            }
            let other = Throttle::stored("receipt", secrets).unwrap();
            fail(&other, "ivan", HOME, now);
        }
        let secrets = Arc::new(Secrets::open(dir.path()).unwrap());
        let throttle = Throttle::stored("login", secrets.clone()).unwrap();
        assert!(matches!(
            throttle.begin("ivan", AWAY, now).err(),
            Some(Refusal::Blocked(_))
        ));
        let receipts = Throttle::stored("receipt", secrets).unwrap();
        assert_eq!(receipts.failures("ivan", now), 1);
        assert!(throttle.begin("ivan", AWAY, now + WINDOW).is_ok());
    }
}
