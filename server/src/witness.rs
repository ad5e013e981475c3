//! `antikor witness`: a C2SP tlog-witness for Antikor logs, meant to run at another institution
//! (the Court of Audit, the province's internal audit).
//!
//! For each log it knows (by its verifier key) it keeps the last checkpoint it cosigned, in a
//! state file it fsyncs before answering. It cosigns a new checkpoint (`cosignature/v1`) only
//! when the log proves, with a consistency proof, that the new tree extends that one: a log
//! rolled back to a smaller tree, or one whose history forked, is refused, and the refusal is
//! logged as an error. `POST /add-checkpoint` takes, as C2SP specifies, `old <size>`, the proof
//! lines (base64), a blank line and the signed checkpoint; it answers 200 with the cosignature
//! line, 409 with the size it knows (`text/x.tlog.size`) when `old` is not that size, 422 when
//! the proof fails, 403 for a bad signature and 404 for an unknown log.

use crate::store::durable::{create_secret_file, sync_dir};
use antikor_shared::tlog::{self, Hash, VerifierKey, WitnessSigner};
use anyhow::Context;
use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use rand::RngCore;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tokio::sync::Mutex;

/// The last tree a witness cosigned for one log.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Seen {
    /// Its size.
    pub size: u64,
    /// Its root, base64.
    pub root: String,
}

/// A witness: its key, the logs it watches and what it cosigned.
pub struct Witness {
    signer: WitnessSigner,
    logs: BTreeMap<String, VerifierKey>,
    state_file: PathBuf,
    state: Mutex<BTreeMap<String, Seen>>,
}

impl Witness {
    /// Opens the witness in `dir` (state file `witness-state.json`, key `witness.key`, created
    /// with the name `name` on first start) for the logs whose verifier keys are `logs`.
    pub fn open(dir: &Path, name: &str, logs: &[VerifierKey]) -> anyhow::Result<Self> {
        std::fs::create_dir_all(dir)?;
        let key_file = dir.join("witness.key");
        let signer = match std::fs::read_to_string(&key_file) {
            Ok(text) => WitnessSigner::parse(&text)
                .map_err(|e| anyhow::anyhow!("{}: {e}", key_file.display()))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let mut seed = [0u8; 32];
                rand::rng().fill_bytes(&mut seed);
                let signer = WitnessSigner::from_seed(name, seed)
                    .map_err(|e| anyhow::anyhow!("the witness's name: {e}"))?;
                create_secret_file(&key_file, format!("{}\n", signer.private_text()).as_bytes())?;
                signer
            }
            Err(e) => return Err(e).context("reading the witness key"),
        };
        let state_file = dir.join("witness-state.json");
        let state = match std::fs::read(&state_file) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .with_context(|| format!("{} is damaged", state_file.display()))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => BTreeMap::new(),
            Err(e) => return Err(e.into()),
        };
        Ok(Self {
            signer,
            logs: logs
                .iter()
                .map(|k| (k.name().to_owned(), k.clone()))
                .collect(),
            state_file,
            state: Mutex::new(state),
        })
    }

    /// The witness's public key, to give to the logs' operators.
    pub fn key(&self) -> &tlog::WitnessKey {
        self.signer.key()
    }

    /// What the witness last cosigned for a log.
    pub async fn seen(&self, origin: &str) -> Option<Seen> {
        self.state.lock().await.get(origin).cloned()
    }

    /// Writes the state durably: a new file, fsynced, renamed over the old one.
    fn persist(&self, state: &BTreeMap<String, Seen>) -> std::io::Result<()> {
        use std::io::Write;
        let tmp = self.state_file.with_extension("json.new");
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(&serde_json::to_vec_pretty(state).expect("state serializes"))?;
        file.sync_all()?;
        std::fs::rename(&tmp, &self.state_file)?;
        match self
            .state_file
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
        {
            Some(dir) => sync_dir(dir),
            None => Ok(()),
        }
    }

    /// Handles one `add-checkpoint` request body.
    pub async fn add_checkpoint(&self, body: &str) -> Result<String, Refusal> {
        let (head, note) = body
            .split_once("\n\n")
            .ok_or_else(|| Refusal::bad("the body has no blank line before the checkpoint"))?;
        let mut lines = head.lines();
        let old: u64 = lines
            .next()
            .and_then(|l| l.strip_prefix("old "))
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| Refusal::bad("the body must start with „old <size>“"))?;
        let proof: Vec<Hash> = lines
            .map(tlog::from_base64)
            .collect::<Result<_, _>>()
            .map_err(|e| Refusal::bad(&e.to_string()))?;
        let origin = note.lines().next().unwrap_or_default();
        let log_key = self
            .logs
            .get(origin)
            .ok_or_else(|| Refusal::new(StatusCode::NOT_FOUND, "unknown log"))?;
        let checkpoint = tlog::open_checkpoint(note, log_key)
            .map_err(|e| Refusal::new(StatusCode::FORBIDDEN, &e.to_string()))?
            .head;
        if old > checkpoint.size {
            return Err(Refusal::bad("old is larger than the checkpoint"));
        }
        let mut state = self.state.lock().await;
        let seen = state.get(origin).cloned().unwrap_or_default();
        if old != seen.size {
            if checkpoint.size < seen.size {
                tracing::error!(%origin, witnessed = seen.size, offered = checkpoint.size, "REFUSED: the log offers a smaller tree than the one this witness cosigned: it was rolled back");
            }
            return Err(Refusal::conflict(seen.size));
        }
        let seen_root = if seen.size == 0 {
            tlog::EMPTY_HASH
        } else {
            tlog::from_base64(&seen.root).map_err(|e| Refusal::bad(&e.to_string()))?
        };
        if let Err(e) = tlog::check_consistency(
            seen.size,
            seen_root,
            checkpoint.size,
            checkpoint.root,
            &proof,
        ) {
            tracing::error!(%origin, witnessed = seen.size, offered = checkpoint.size, error = %e, "REFUSED: the log's new checkpoint does not extend the one this witness cosigned: its history forked or was rewritten");
            return Err(Refusal::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                &e.to_string(),
            ));
        }
        let text = tlog::note_text(note).map_err(|e| Refusal::bad(&e.to_string()))?;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let cosignature = self.signer.cosign(&text, now);
        let mut next = state.clone();
        next.insert(
            origin.to_owned(),
            Seen {
                size: checkpoint.size,
                root: tlog::to_base64(&checkpoint.root),
            },
        );
        // Durable before the cosignature leaves: a witness that forgets what it signed could
        // be led to sign a fork.
        self.persist(&next).map_err(|e| {
            tracing::error!(error = %e, "the witness could not save its state");
            Refusal::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "the witness could not save its state",
            )
        })?;
        *state = next;
        Ok(cosignature)
    }
}

/// Why a witness did not cosign.
#[derive(Debug)]
pub struct Refusal {
    status: StatusCode,
    body: String,
    content_type: &'static str,
}

impl Refusal {
    fn new(status: StatusCode, message: &str) -> Self {
        Self {
            status,
            body: format!("{message}\n"),
            content_type: "text/plain; charset=utf-8",
        }
    }

    fn bad(message: &str) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    fn conflict(size: u64) -> Self {
        Self {
            status: StatusCode::CONFLICT,
            body: format!("{size}\n"),
            content_type: "text/x.tlog.size",
        }
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        (
            self.status,
            [(header::CONTENT_TYPE, self.content_type)],
            self.body,
        )
            .into_response()
    }
}

/// The witness's HTTP interface.
pub fn router(witness: Arc<Witness>) -> Router {
    Router::new()
        .route("/add-checkpoint", post(add_checkpoint))
        .with_state(witness)
}

async fn add_checkpoint(State(witness): State<Arc<Witness>>, body: String) -> Response {
    match witness.add_checkpoint(&body).await {
        Ok(cosignature) => (
            [(header::CONTENT_TYPE, "text/x.tlog.signature")],
            cosignature,
        )
            .into_response(),
        Err(refusal) => refusal.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use antikor_shared::tlog::SigningKey;

    /// Two different trees of the same size offered at once, as a forking log would: the
    /// witness cosigns exactly one, and the other is refused then and afterwards.
    #[tokio::test]
    async fn of_two_forks_offered_at_once_exactly_one_is_cosigned() {
        let dir = tempfile::tempdir().unwrap();
        let log = SigningKey::from_seed("antikor.test/log", [5; 32]).unwrap();
        let witness = Arc::new(
            Witness::open(dir.path(), "audit.test/witness", &[log.verifier().clone()]).unwrap(),
        );
        let forks: Vec<String> = (0..8u8)
            .map(|i| format!("old 0\n\n{}", log.sign(5, tlog::leaf_hash(&[i]))))
            .collect();
        let tasks: Vec<_> = forks
            .iter()
            .cloned()
            .map(|body| {
                let witness = witness.clone();
                tokio::spawn(async move { witness.add_checkpoint(&body).await })
            })
            .collect();
        let mut cosigned = 0;
        for task in tasks {
            match task.await.unwrap() {
                Ok(_) => cosigned += 1,
                Err(refusal) => {
                    assert_eq!(refusal.status, StatusCode::CONFLICT);
                    assert_eq!(refusal.body, "5\n");
                }
            }
        }
        assert_eq!(cosigned, 1);
        let seen = witness.seen("antikor.test/log").await.unwrap();
        // Reopened from its state file, it still refuses every other fork of size 5.
        drop(witness);
        let witness =
            Witness::open(dir.path(), "audit.test/witness", &[log.verifier().clone()]).unwrap();
        assert_eq!(witness.seen("antikor.test/log").await, Some(seen.clone()));
        let mut refused = 0;
        for body in &forks {
            let retry = body.replacen("old 0", "old 5", 1);
            match witness.add_checkpoint(&retry).await {
                Ok(_) => assert!(body.contains(&seen.root)),
                Err(refusal) => {
                    assert_eq!(refusal.status, StatusCode::UNPROCESSABLE_ENTITY);
                    refused += 1;
                }
            }
        }
        assert_eq!(refused, forks.len() - 1);
    }
}
