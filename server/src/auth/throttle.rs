//! Login throttling: too many failures for one account or from one address within a window
//! block further attempts until the oldest failure leaves the window.
//!
//! Written here rather than with a rate-limiting crate because only *failures* count: a
//! person who logs in successfully all day is never slowed down, and the check must not
//! consume anything (crates such as `governor` count every check).

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How many failures within [`WINDOW`] block an account.
pub const ACCOUNT_LIMIT: usize = 5;
/// How many failures within [`WINDOW`] block a client address (several people may share one).
pub const ADDRESS_LIMIT: usize = 20;
/// The sliding window failures are counted in.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

/// Most keys remembered; past that, keys whose failures all left the window are dropped.
const MAX_KEYS: usize = 100_000;

/// Failure counts per account name and per client address.
#[derive(Default)]
pub struct LoginThrottle {
    failures: Mutex<HashMap<Key, VecDeque<Instant>>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Account(String),
    Address(IpAddr),
}

impl Key {
    fn limit(&self) -> usize {
        match self {
            Self::Account(_) => ACCOUNT_LIMIT,
            Self::Address(_) => ADDRESS_LIMIT,
        }
    }
}

fn keys(account: &str, address: IpAddr) -> [Key; 2] {
    [
        Key::Account(account.trim().to_lowercase()),
        Key::Address(address),
    ]
}

impl LoginThrottle {
    /// How long the caller must wait before trying again, when blocked.
    pub fn blocked(&self, account: &str, address: IpAddr, now: Instant) -> Option<Duration> {
        let mut failures = self.failures.lock().expect("throttle lock");
        keys(account, address)
            .iter()
            .filter_map(|key| {
                let list = failures.get_mut(key)?;
                prune(list, now);
                (list.len() >= key.limit()).then(|| {
                    let oldest = *list.front().expect("at the limit, so not empty");
                    (oldest + WINDOW).saturating_duration_since(now)
                })
            })
            .max()
    }

    /// Counts a failure; returns how long further attempts are blocked if this one reached a
    /// limit.
    pub fn fail(&self, account: &str, address: IpAddr, now: Instant) -> Option<Duration> {
        let mut failures = self.failures.lock().expect("throttle lock");
        if failures.len() >= MAX_KEYS {
            failures.retain(|_, list| {
                prune(list, now);
                !list.is_empty()
            });
        }
        let mut blocked = None;
        for key in keys(account, address) {
            let limit = key.limit();
            let list = failures.entry(key).or_default();
            prune(list, now);
            list.push_back(now);
            if list.len() >= limit {
                let oldest = *list.front().expect("just pushed");
                blocked = blocked.max(Some((oldest + WINDOW).saturating_duration_since(now)));
            }
        }
        blocked
    }

    /// Forgets an account's failures after it logged in.
    pub fn succeed(&self, account: &str) {
        self.failures
            .lock()
            .expect("throttle lock")
            .remove(&Key::Account(account.trim().to_lowercase()));
    }
}

fn prune(list: &mut VecDeque<Instant>, now: Instant) {
    while list
        .front()
        .is_some_and(|t| now.saturating_duration_since(*t) >= WINDOW)
    {
        list.pop_front();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOME: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(10, 0, 0, 1));
    const AWAY: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(10, 0, 0, 2));

    #[test]
    fn an_account_is_blocked_after_its_limit_until_the_window_passes() {
        let throttle = LoginThrottle::default();
        let t0 = Instant::now();
        for i in 0..ACCOUNT_LIMIT - 1 {
            assert_eq!(
                throttle.fail("Ivan", HOME, t0 + Duration::from_secs(i as u64)),
                None
            );
        }
        assert!(throttle.blocked("ivan", AWAY, t0).is_none());
        let blocked = throttle.fail("ivan", HOME, t0 + Duration::from_secs(10));
        assert_eq!(blocked, Some(WINDOW - Duration::from_secs(10)));
        // From another address too, and for the case-folded name.
        assert!(
            throttle
                .blocked(" IVAN", AWAY, t0 + Duration::from_secs(60))
                .is_some()
        );
        assert!(throttle.blocked("maria", AWAY, t0).is_none());
        assert!(throttle.blocked("ivan", AWAY, t0 + WINDOW).is_none());
    }

    #[test]
    fn an_address_is_blocked_after_many_failures_over_any_names() {
        let throttle = LoginThrottle::default();
        let now = Instant::now();
        for i in 0..ADDRESS_LIMIT {
            throttle.fail(&format!("user{i}"), HOME, now);
        }
        assert!(throttle.blocked("someone-else", HOME, now).is_some());
        assert!(throttle.blocked("someone-else", AWAY, now).is_none());
    }

    #[test]
    fn success_clears_the_account_but_not_the_address() {
        let throttle = LoginThrottle::default();
        let now = Instant::now();
        for _ in 0..ACCOUNT_LIMIT {
            throttle.fail("ivan", HOME, now);
        }
        throttle.succeed("ivan");
        assert!(throttle.blocked("ivan", AWAY, now).is_none());
    }
}
