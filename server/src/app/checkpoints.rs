//! Signed checkpoints of the log: the signing key, kept in a file outside the log, a C2SP
//! checkpoint of the newest tree head signed after every commit batch, and the key's history
//! recorded as `LogKeyAdopted` events.

use crate::store::durable::create_secret_file;
use crate::store::{EventStore, ExpectedVersion, Metadata, NewEvent, StoreError};
use antikor_shared::tlog::{self, Hash, LogKeyAdopted, SigningKey, VerifierKey};
use anyhow::Context;
use rand::RngCore;
use std::path::Path;
use std::sync::{Arc, PoisonError, RwLock};
use uuid::Uuid;

/// A checkpoint as signed by the log's key.
#[derive(Debug, Clone, PartialEq)]
pub struct SignedCheckpoint {
    /// Number of events it covers.
    pub size: u64,
    /// Their Merkle root.
    pub root: Hash,
    /// The signed note: the checkpoint body, a blank line and the signature line.
    pub text: String,
}

/// The log's signing key and its newest checkpoint.
pub struct Checkpoints {
    key: SigningKey,
    latest: RwLock<Option<Arc<SignedCheckpoint>>>,
}

impl Checkpoints {
    /// Loads the signing key from `key_file`, or creates it (owner-only, fsynced) when the file
    /// does not exist, named `origin` or, without one, `antikor.local/` and 8 random hex digits.
    /// A key file naming another origin than `origin` is refused rather than silently used.
    pub fn open(key_file: &Path, origin: Option<&str>) -> anyhow::Result<Self> {
        let key = match std::fs::read_to_string(key_file) {
            Ok(text) => {
                let key = SigningKey::parse(&text).map_err(|e| {
                    anyhow::anyhow!("the log key file {} is not a key: {e}", key_file.display())
                })?;
                if let Some(origin) = origin
                    && origin != key.verifier().name()
                {
                    anyhow::bail!(
                        "the log key file {} signs for the origin „{}“, not „{origin}“: a log's origin does not change; to start a new one, move the key file away",
                        key_file.display(),
                        key.verifier().name()
                    );
                }
                key
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let mut seed = [0u8; 32];
                rand::rng().fill_bytes(&mut seed);
                let origin = match origin {
                    Some(o) => o.to_owned(),
                    None => format!("antikor.local/{:08x}", rand::rng().next_u32()),
                };
                let key = SigningKey::from_seed(&origin, seed)
                    .map_err(|e| anyhow::anyhow!("the log's origin: {e}"))?;
                create_secret_file(key_file, format!("{}\n", key.private_text()).as_bytes())
                    .with_context(|| format!("creating the log key file {}", key_file.display()))?;
                tracing::info!(key_file = %key_file.display(), key = %key.verifier(), "created the log's signing key");
                key
            }
            Err(e) => {
                return Err(e)
                    .with_context(|| format!("reading the log key file {}", key_file.display()));
            }
        };
        Ok(Self {
            key,
            latest: RwLock::new(None),
        })
    }

    /// The key that authenticates the read models' snapshots (see `crate::snapshot`), derived
    /// from the signing key: whoever cannot sign the log's checkpoints cannot make a snapshot
    /// this server will start from.
    pub fn snapshot_key(&self) -> crate::snapshot::Key {
        crate::snapshot::Key::derive(self.key.private_text().as_bytes())
    }

    /// The key that checks the checkpoints.
    pub fn verifier(&self) -> &VerifierKey {
        self.key.verifier()
    }

    /// The newest checkpoint, signing one for `size` and `root` first when the newest is older.
    pub fn current(&self, size: u64, root: Hash) -> Arc<SignedCheckpoint> {
        if let Some(latest) = self
            .latest
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            && latest.size >= size
        {
            return latest.clone();
        }
        let signed = Arc::new(SignedCheckpoint {
            size,
            root,
            text: self.key.sign(size, root),
        });
        let mut latest = self.latest.write().unwrap_or_else(PoisonError::into_inner);
        // Another thread may have signed a newer head meanwhile: keep the newest.
        match latest.as_ref() {
            Some(newer) if newer.size >= size => newer.clone(),
            _ => {
                *latest = Some(signed.clone());
                signed
            }
        }
    }

    /// Records the key in the log when it is not the one the log last recorded: at the first
    /// start, and after the key file was replaced.
    pub async fn record_key(&self, store: &dyn EventStore) -> anyhow::Result<()> {
        let tenant = antikor_shared::ids::regional_tenant();
        let stream = crate::streams::log_key();
        let history = store.read_stream(&tenant, &stream, 1, usize::MAX)?;
        let previous = history
            .iter()
            .rev()
            .find_map(|e| e.decode::<LogKeyAdopted>()?.ok())
            .map(|k| k.verifier_key);
        if previous.as_deref() == Some(self.verifier().as_str()) {
            return Ok(());
        }
        let adopted = LogKeyAdopted {
            origin: self.verifier().name().to_owned(),
            verifier_key: self.verifier().to_string(),
            previous_key: previous.clone(),
        };
        if let Some(previous) = &previous {
            tracing::warn!(%previous, new = %self.verifier(), "the log's signing key changed; recording the change");
        }
        store
            .append(crate::store::AppendRequest {
                tenant,
                stream,
                expected: ExpectedVersion::Exact(history.len() as u64),
                events: vec![NewEvent::from_domain(Uuid::new_v4(), &adopted)],
                metadata: Metadata::system(),
            })
            .await?;
        Ok(())
    }
}

/// Keeps the newest checkpoint signed while writes continue: woken by each commit, it signs
/// the head of the log as it then is, so a burst of commits costs one signature. It holds the
/// store weakly, so that the log closes (and its folder unlocks) when the app is dropped.
pub async fn keep_signed(
    store: std::sync::Weak<dyn EventStore>,
    checkpoints: Arc<Checkpoints>,
    mut commits: tokio::sync::watch::Receiver<u64>,
    mut stopping: tokio::sync::watch::Receiver<bool>,
) {
    loop {
        tokio::select! {
            changed = commits.changed() => if changed.is_err() { return },
            _ = stopping.wait_for(|s| *s) => return,
        }
        let Some(store) = store.upgrade() else { return };
        // A damaged log signs nothing: its head is not the history it acknowledged.
        if !matches!(store.refusal(), Some(StoreError::ChainBroken(_))) {
            let head = store.head();
            checkpoints.current(head.position, tlog::Hash(head.root));
        }
    }
}
