//! The event mix the log benchmarks replay: real event types with real payloads, which the read
//! models decode and fold. Included by path (`#[path]`) only by the benches that write it.

use antikor_server::store::NewEvent;
use uuid::Uuid;

/// One append of the replay log: `n` events of the kinds a tenant's log is mostly made of, of
/// real types with real payloads, so that the read models decode and fold every one of them.
/// Two blocks in three are the security log (logins, refused logins, logouts), one in three a
/// measure's progress reports.
pub fn real_mix(block: u64, from: u64, n: u64) -> (String, Vec<NewEvent>) {
    use antikor_shared::account::{LoggedOut, LoginFailed, LoginFailure, LoginSucceeded};
    use antikor_shared::progress::{CompletionLevel, ProgressReported};
    let user = |i: u64| antikor_shared::Username::parse(format!("officer{}", i % 40)).unwrap();
    let client = |i: u64| format!("10.0.{}.{}", i % 7, i % 250);
    let events = (from..from + n).map(|i| {
        if block % 3 == 2 {
            let reported = ProgressReported {
                year: 2017,
                measure: format!("II.{}", block % 7),
                level: CompletionLevel::Substantial,
                note: format!("Проведено заседание № {i} с участието на граждани и медии"),
                evidence: Vec::new(),
                reported_for: chrono::NaiveDate::from_ymd_opt(2017, 5, 1 + (i % 28) as u32)
                    .unwrap(),
            };
            return NewEvent::from_domain(Uuid::new_v4(), &reported);
        }
        match i % 3 {
            0 => NewEvent::from_domain(
                Uuid::new_v4(),
                &LoginSucceeded {
                    username: user(i),
                    client: client(i).into(),
                },
            ),
            1 => NewEvent::from_domain(
                Uuid::new_v4(),
                &LoginFailed {
                    username: Some(user(i)),
                    client: client(i),
                    failure: LoginFailure::WrongPassword,
                    blocked_until: None,
                },
            ),
            _ => NewEvent::from_domain(Uuid::new_v4(), &LoggedOut { username: user(i) }),
        }
    });
    let stream = if block % 3 == 2 {
        format!("progress-2017-II.{}", block % 7)
    } else {
        "security".to_owned()
    };
    (stream, events.collect())
}
