//! E-mail about what waits, against an SMTP sink the test runs itself: who gets what and
//! when, that a message never carries a signal's content, and that a relay that fails neither
//! blocks a request nor loses the message.

use crate::support::{Session, TestApp};
use antikor_server::mail::MailConfig;
use axum::http::{Method, StatusCode};
use base64::Engine;
use chrono::TimeDelta;
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// A message the sink took: its recipients and its whole text.
#[derive(Debug, Clone)]
struct Taken {
    to: Vec<String>,
    data: String,
}

impl Taken {
    /// The message's text, decoded (the server writes it in base64).
    fn text(&self) -> String {
        let (_, body) = self
            .data
            .split_once("\r\n\r\n")
            .expect("headers, then the body");
        let joined: String = body.split("\r\n").collect();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(joined.trim())
            .expect("a base64 body");
        String::from_utf8(bytes).expect("UTF-8 text")
    }
}

type Inbox = Arc<Mutex<Vec<Taken>>>;

/// Speaks just enough SMTP to take messages, on `listener`, into `inbox`.
fn sink(listener: TcpListener, inbox: Inbox) {
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let inbox = inbox.clone();
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut lines = BufReader::new(read).lines();
                let mut to = Vec::new();
                write.write_all(b"220 sink\r\n").await.ok()?;
                while let Some(line) = lines.next_line().await.ok()? {
                    let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
                    let answer: &[u8] = match verb.as_str() {
                        "EHLO" | "HELO" => b"250 sink\r\n",
                        "RCPT" => {
                            let address = line.split(['<', '>']).nth(1).unwrap_or("");
                            to.push(address.to_owned());
                            b"250 OK\r\n"
                        }
                        "DATA" => {
                            write.write_all(b"354 go on\r\n").await.ok()?;
                            let mut data = String::new();
                            while let Some(line) = lines.next_line().await.ok()? {
                                if line == "." {
                                    break;
                                }
                                data.push_str(&line);
                                data.push_str("\r\n");
                            }
                            let to = std::mem::take(&mut to);
                            inbox.lock().unwrap().push(Taken { to, data });
                            b"250 taken\r\n"
                        }
                        "QUIT" => {
                            write.write_all(b"221 bye\r\n").await.ok()?;
                            return Some(());
                        }
                        _ => b"250 OK\r\n",
                    };
                    write.write_all(answer).await.ok()?;
                }
                Some(())
            });
        }
    });
}

/// A server sending through a relay at `port`, looking every 50 ms, and sending the day's
/// message at any hour.
async fn app_with_relay(port: u16) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let config = antikor_server::Config {
        mail: Some(MailConfig {
            every: Duration::from_millis(50),
            digest_hour: 0,
            retry_after: Duration::from_millis(100),
            ..MailConfig::new(
                format!("smtp://127.0.0.1:{port}"),
                "Антикор <antikor@example.bg>".into(),
                "https://antikor.example.bg/".into(),
            )
        }),
        public_signals_per_hour: 1000,
        ..antikor_server::Config::new(dir.path(), dir.path().join("no-frontend"))
    };
    TestApp::start_with(dir, config)
        .await
        .with_demo_accounts()
        .await
}

/// What the marker of a signal's content is: it must never reach a message.
const SECRET: &str = "ТАЙНА-ПОДРОБНОСТ";

async fn file_signal(app: &TestApp) -> Value {
    let (status, receipt) = app
        .call(
            None,
            Method::POST,
            "/api/public/signals",
            Some(json!({"tenant": "blagoevgrad", "reporter": null,
                "account": {"what": format!("Подкуп: {SECRET}"), "place": "", "when": ""},
                "concerned": SECRET, "unit": null, "activity": null, "category": "bribery"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    receipt
}

async fn choose(app: &TestApp, session: &Session, body: Value) -> (StatusCode, Value) {
    app.call(
        Some(session),
        Method::PUT,
        "/api/session/notifications",
        Some(body),
    )
    .await
}

/// The messages to `address`, once there are `n` of them (within ten seconds).
async fn wait_for(inbox: &Inbox, address: &str, n: usize) -> Vec<Taken> {
    for _ in 0..200 {
        let to: Vec<Taken> = inbox
            .lock()
            .unwrap()
            .iter()
            .filter(|m| m.to.iter().any(|t| t == address))
            .cloned()
            .collect();
        if to.len() >= n {
            return to;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!(
        "{address} did not get {n} messages: {:?}",
        inbox.lock().unwrap()
    );
}

/// The `NotificationSent` records of `username` once there are `n` of them (or after 10 s).
async fn recorded(app: &TestApp, username: &str, n: usize) -> Vec<Value> {
    for _ in 0..200 {
        let records = sent_records(app, username);
        if records.len() >= n {
            return records;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    sent_records(app, username)
}

/// The `NotificationSent` events of a user's stream.
fn sent_records(app: &TestApp, username: &str) -> Vec<Value> {
    let stream = antikor_shared::StreamId::parse(format!("notifications-{username}")).unwrap();
    app.state
        .system_log()
        .read_stream(
            &crate::support::tenant("blagoevgrad"),
            &stream,
            0,
            usize::MAX,
        )
        .unwrap()
        .into_iter()
        .filter(|e| e.event_type == "NotificationSent")
        .map(|e| serde_json::from_str(e.payload.get()).unwrap())
        .collect()
}

#[tokio::test]
async fn officers_hear_of_new_signals_and_everyone_of_what_waits_without_a_word_of_it() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let inbox = Inbox::default();
    sink(listener, inbox.clone());
    let app = app_with_relay(port).await;
    let officer = app.login("blagoevgrad.officer").await;
    let address = "officer@blagoevgrad.example.bg";

    // The choice needs an address, and a real one.
    let (status, body) = choose(&app, &officer, json!({"email": null, "delivery": "digest"})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (status, body) = choose(
        &app,
        &officer,
        json!({"email": "officer@", "delivery": "digest"}),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(
        body["message"].as_str().unwrap().contains("не е адрес"),
        "{body}"
    );
    // A signal filed before the choice is not news to announce.
    file_signal(&app).await;
    let (status, chosen) = choose(
        &app,
        &officer,
        json!({"email": format!(" {address} "), "delivery": "immediate"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{chosen}");
    assert_eq!(
        chosen,
        json!({"email": address, "delivery": "immediate", "mail_configured": true})
    );
    let (_, read) = app.get_as(&officer, "/api/session/notifications").await;
    assert_eq!(read, chosen);

    // A signal arrives: one message says so, with a link and nothing of the signal.
    let receipt = file_signal(&app).await;
    let messages = wait_for(&inbox, address, 1).await;
    let text = messages[0].text();
    assert!(
        text.contains("1 нов сигнал") || text.contains("нов сигнал"),
        "{text}"
    );
    assert!(
        text.contains("https://antikor.example.bg/signals"),
        "{text}"
    );
    for secret in [SECRET, receipt["reference"].as_str().unwrap()] {
        assert!(
            !messages[0].data.contains(secret) && !text.contains(secret),
            "{text}"
        );
    }
    // Recorded after it went out: the message may arrive first.
    let records = recorded(&app, "blagoevgrad.officer", 1).await;
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!(records[0]["kind"], "new_signals");
    assert_eq!(records[0]["items"], 1);
    // Sent once: later rounds find nothing new.
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(wait_for(&inbox, address, 1).await.len(), 1);

    // Five days on, two signals wait for acknowledgment: the day's message counts them.
    app.state
        .clock
        .advance(TimeDelta::days(5) + TimeDelta::hours(1));
    let messages = wait_for(&inbox, address, 2).await;
    let digest = messages[1].text();
    assert!(digest.contains("Потвърждение на сигнал: 2"), "{digest}");
    assert!(
        digest.contains("https://antikor.example.bg/reminders"),
        "{digest}"
    );
    assert!(!digest.contains(SECRET), "{digest}");
    // One a day: not again today, again tomorrow.
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(wait_for(&inbox, address, 2).await.len(), 2);
    app.state.clock.advance(TimeDelta::days(1));
    wait_for(&inbox, address, 3).await;

    // Off, nothing more comes.
    let (status, _) = choose(&app, &officer, json!({"email": address, "delivery": "off"})).await;
    assert_eq!(status, StatusCode::OK);
    file_signal(&app).await;
    app.state.clock.advance(TimeDelta::days(1));
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(wait_for(&inbox, address, 3).await.len(), 3);
    // No one else chose e-mail, so no one else got any.
    assert!(inbox.lock().unwrap().iter().all(|m| m.to == [address]));
}

#[tokio::test]
async fn a_relay_that_fails_blocks_no_request_and_gets_the_message_once_it_works() {
    // A port nothing listens on, for now.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let app = app_with_relay(port).await;
    let officer = app.login("blagoevgrad.officer").await;
    let address = "officer@blagoevgrad.example.bg";
    let (status, _) = choose(
        &app,
        &officer,
        json!({"email": address, "delivery": "immediate"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);

    let started = std::time::Instant::now();
    file_signal(&app).await;
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "filing waited for the relay"
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        sent_records(&app, "blagoevgrad.officer").is_empty(),
        "nothing went out"
    );

    // The relay comes back: the message goes out on a later round.
    let listener = TcpListener::bind(("127.0.0.1", port)).await.unwrap();
    let inbox = Inbox::default();
    sink(listener, inbox.clone());
    let messages = wait_for(&inbox, address, 1).await;
    assert!(messages[0].text().contains("нов сигнал"));
    // The log records the sending once the relay has taken it, so a moment after the sink has.
    assert_eq!(recorded(&app, "blagoevgrad.officer", 1).await.len(), 1);
}
