//! Submitting the log's checkpoints to its witnesses (`--witness URL=KEY`), C2SP tlog-witness:
//! each new checkpoint goes with a consistency proof from the last one the witness cosigned,
//! and the cosignatures come back to be served with the checkpoint. A witness that refuses
//! (this log is smaller than what it cosigned, or forked from it) is reported in
//! `/api/health` and logged as an error.

use super::App;
use antikor_shared::api::WitnessHealth;
use antikor_shared::tlog::{self, WitnessKey};
use std::sync::{Arc, PoisonError, RwLock, Weak};
use std::time::Duration;
use tokio::sync::watch;

/// One witness the log submits to, and what it answered last.
pub struct WitnessLink {
    /// Its base URL (`POST {url}/add-checkpoint`).
    pub url: String,
    /// Its public key, to check its cosignatures.
    pub key: WitnessKey,
    status: RwLock<Status>,
}

#[derive(Debug, Default, Clone)]
struct Status {
    /// The size the witness last told us it cosigned (where the next proof starts).
    known_size: u64,
    /// The newest cosignature: the size it covers and its signature line.
    cosigned: Option<(u64, String)>,
    /// Why the witness refused, or why it could not be reached.
    problem: Option<String>,
}

impl WitnessLink {
    /// A witness at `url` with key `key`.
    pub fn new(url: String, key: WitnessKey) -> Self {
        Self {
            url: url.trim_end_matches('/').to_owned(),
            key,
            status: RwLock::new(Status::default()),
        }
    }

    /// The cosignature line for a checkpoint of `size` events, when the witness gave one.
    pub fn cosignature(&self, size: u64) -> Option<String> {
        let status = self.status.read().unwrap_or_else(PoisonError::into_inner);
        status
            .cosigned
            .as_ref()
            .filter(|(s, _)| *s == size)
            .map(|(_, line)| line.clone())
    }

    /// What `/api/health` shows of it.
    pub fn health(&self) -> WitnessHealth {
        let status = self.status.read().unwrap_or_else(PoisonError::into_inner);
        WitnessHealth {
            name: self.key.name().to_owned(),
            url: self.url.clone(),
            witnessed_size: status.cosigned.as_ref().map_or(0, |(s, _)| *s),
            problem: status.problem.clone(),
        }
    }

    fn update(&self, change: impl FnOnce(&mut Status)) {
        change(&mut self.status.write().unwrap_or_else(PoisonError::into_inner));
    }
}

/// The outcome of one submission.
enum Answer {
    Cosigned(String),
    /// The witness knows another size: retry from it.
    Conflict(u64),
    Refused(String),
}

/// Keeps one witness up to date: after commits, at most once a second, submits the newest
/// checkpoint. Holds the app weakly, so it ends with the app.
pub async fn follow(
    app: Weak<App>,
    link: Arc<WitnessLink>,
    mut commits: watch::Receiver<u64>,
    mut stopping: watch::Receiver<bool>,
) {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("an HTTP client");
    loop {
        let Some(strong) = app.upgrade() else { return };
        submit(&strong, &link, &client).await;
        drop(strong);
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(1)) => {}
            _ = stopping.wait_for(|s| *s) => return,
        }
        tokio::select! {
            changed = commits.changed() => if changed.is_err() { return },
            // Retry a witness that could not be reached, even while nothing is written.
            _ = tokio::time::sleep(Duration::from_secs(30)) => {}
            _ = stopping.wait_for(|s| *s) => return,
        }
    }
}

async fn submit(app: &App, link: &WitnessLink, client: &reqwest::Client) {
    let Ok(checkpoint) = app.checkpoint() else {
        return;
    };
    if link.cosignature(checkpoint.size).is_some() {
        return;
    }
    // At most two rounds: the second starts from the size a 409 told us.
    for _ in 0..2 {
        let known = link
            .status
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .known_size;
        if known > checkpoint.size {
            let problem = format!(
                "the witness has cosigned {known} events, more than this log's {}: the log was rolled back or cut",
                checkpoint.size
            );
            tracing::error!(witness = %link.url, "{problem}");
            link.update(|s| s.problem = Some(problem));
            return;
        }
        let proof = match app.system_log().consistency_proof(known, checkpoint.size) {
            Ok(proof) => proof,
            Err(e) => {
                link.update(|s| s.problem = Some(e.to_string()));
                return;
            }
        };
        let mut body = format!("old {known}\n");
        for hash in &proof {
            body.push_str(&tlog::to_base64(hash));
            body.push('\n');
        }
        body.push('\n');
        body.push_str(&checkpoint.text);
        match post(client, link, body).await {
            Answer::Cosigned(line) => {
                let cosigned = format!("{}{line}", checkpoint.text);
                match tlog::check_cosignature(&cosigned, &link.key) {
                    Ok(_) => link.update(|s| {
                        s.known_size = checkpoint.size;
                        s.cosigned = Some((checkpoint.size, line));
                        s.problem = None;
                    }),
                    Err(e) => link.update(|s| s.problem = Some(e.to_string())),
                }
                return;
            }
            Answer::Conflict(size) => link.update(|s| s.known_size = size),
            Answer::Refused(problem) => {
                tracing::error!(witness = %link.url, %problem, "the witness refused the log's checkpoint");
                link.update(|s| s.problem = Some(problem));
                return;
            }
        }
    }
}

async fn post(client: &reqwest::Client, link: &WitnessLink, body: String) -> Answer {
    let url = format!("{}/add-checkpoint", link.url);
    let response = match client.post(&url).body(body).send().await {
        Ok(response) => response,
        Err(e) => return Answer::Refused(format!("the witness could not be reached ({e})")),
    };
    let status = response.status();
    let text = response.text().await.unwrap_or_default();
    match status.as_u16() {
        200 => Answer::Cosigned(text),
        409 => match text.trim().parse() {
            Ok(size) => Answer::Conflict(size),
            Err(_) => Answer::Refused(format!("the witness answered 409 without a size: {text}")),
        },
        422 => Answer::Refused(format!(
            "the witness refuses: this log's history differs from the one it cosigned, a fork or a rewrite ({})",
            text.trim()
        )),
        _ => Answer::Refused(format!("the witness answered {status}: {}", text.trim())),
    }
}
