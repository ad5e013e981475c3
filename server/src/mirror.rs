//! `antikor mirror` and `antikor recover`: a full copy of a log followed over HTTP and checked
//! against its signed checkpoints, and the rebuilding of a damaged data folder from that copy.
//!
//! The mirror logs in as an auditor, reads the stored records (sealed fields stay ciphertext,
//! which only the vault's key opens) up to the newest checkpoint's size, appends them to a log
//! of its own that checks every link of the chain, and then requires its Merkle root at that
//! size to be the checkpoint's: a log that rewrote or rolled back its history is refused. Its
//! folder has the layout of a data folder (`log/`, `log.anchor`), so `antikor verify` checks it
//! and `antikor recover` copies it back.

use crate::app::anchor_path;
use crate::cli::verify_copy;
use crate::store::anchor::{self, Found};
use crate::store::{EventStore, SledStore, StoreOptions, copy_folder};
use antikor_shared::tlog::{self, VerifierKey};
use anyhow::{Context, bail};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How a mirror follows a log.
#[derive(Debug, Clone)]
pub struct MirrorOptions {
    /// The log server's base URL.
    pub from: String,
    /// The mirror's folder.
    pub data: PathBuf,
    /// An auditor's account on the log server.
    pub username: String,
    /// Its password.
    pub password: String,
    /// The log's verifier key; without it, the key the server gives on the first run is kept
    /// in `DATA/log-key.txt` and required ever after.
    pub key: Option<VerifierKey>,
    /// Copy once and return, instead of following.
    pub once: bool,
    /// Pause between rounds while following.
    pub interval: Duration,
}

/// Records taken per request.
const PAGE: u64 = 5000;

struct Remote {
    client: reqwest::Client,
    base: String,
    cookie: String,
}

impl Remote {
    async fn login(options: &MirrorOptions) -> anyhow::Result<Self> {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(60))
            .build()?;
        let base = options.from.trim_end_matches('/').to_owned();
        let body = serde_json::json!({"username": options.username, "password": options.password});
        let response = client
            .post(format!("{base}/api/session"))
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
            .await
            .with_context(|| format!("reaching {base}"))?;
        if !response.status().is_success() {
            bail!(
                "logging in as {} failed ({}): {}",
                options.username,
                response.status(),
                response.text().await.unwrap_or_default()
            );
        }
        let cookie = response
            .headers()
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .context("the server set no session cookie")?
            .to_owned();
        Ok(Self {
            client,
            base,
            cookie,
        })
    }

    async fn text(&self, path: &str) -> anyhow::Result<String> {
        let response = self
            .client
            .get(format!("{}{path}", self.base))
            .header("cookie", &self.cookie)
            .send()
            .await?;
        let status = response.status();
        let text = response.text().await?;
        if !status.is_success() {
            bail!("{path} answered {status}: {text}");
        }
        Ok(text)
    }
}

/// The mirror's copy of the log.
fn open_store(data: &Path) -> anyhow::Result<SledStore> {
    let options = StoreOptions {
        anchor_file: Some(anchor_path(data)),
        ..StoreOptions::default()
    };
    let store = SledStore::open(&data.join("log"), options)?;
    if let Some(refusal) = store.refusal() {
        bail!("the mirror's own copy is damaged ({refusal}); check it with antikor verify");
    }
    Ok(store)
}

/// The key the mirror trusts: the one given, or the one it kept from its first run.
async fn trusted_key(options: &MirrorOptions, remote: &Remote) -> anyhow::Result<VerifierKey> {
    let kept = options.data.join("log-key.txt");
    let kept_key = match std::fs::read_to_string(&kept) {
        Ok(text) => Some(VerifierKey::parse(&text)?),
        Err(_) => None,
    };
    let key = match (&options.key, kept_key) {
        (Some(given), Some(kept)) if *given != kept => bail!(
            "the mirror follows the log with key {} ({}); it will not switch to {}",
            kept.name(),
            kept.fingerprint(),
            given.fingerprint()
        ),
        (Some(given), _) => given.clone(),
        (None, Some(kept)) => kept,
        (None, None) => VerifierKey::parse(&remote.text("/api/log/key").await?)?,
    };
    if !kept.exists() {
        std::fs::write(&kept, format!("{key}\n"))?;
    }
    Ok(key)
}

/// One round: copies the log up to its newest checkpoint and checks the copy against it.
/// Returns the checkpoint's size.
async fn round(
    remote: &Remote,
    store: &SledStore,
    key: &VerifierKey,
    data: &Path,
) -> anyhow::Result<u64> {
    let note = remote.text("/api/log/checkpoint").await?;
    let head = tlog::open_checkpoint(&note, key)?.head;
    let mut local = store.head().position;
    if head.size < local {
        bail!(
            "REFUSED: the log's checkpoint records {} events but this mirror already holds {local}: the log was rolled back",
            head.size
        );
    }
    while local < head.size {
        let limit = PAGE.min(head.size - local);
        let page = remote
            .text(&format!(
                "/api/log/records?from={}&limit={limit}",
                local + 1
            ))
            .await?;
        let records: Vec<Vec<u8>> = page.lines().map(|l| l.as_bytes().to_vec()).collect();
        anyhow::ensure!(
            !records.is_empty(),
            "the server sent no records from {}",
            local + 1
        );
        let copy = store.clone();
        local = tokio::task::spawn_blocking(move || copy.replicate_blocking(records))
            .await?
            .map_err(|e| {
                anyhow::anyhow!("REFUSED: a record does not continue the mirror's copy: {e}")
            })?;
    }
    let root = store.root_at(head.size)?;
    if root != head.root {
        bail!(
            "REFUSED: the copied events do not give the signed root of the log's {} events: the log's history differs from what it signed (a fork or a rewrite)",
            head.size
        );
    }
    let saved = data.join("checkpoint.txt");
    let tmp = data.join("checkpoint.txt.new");
    std::fs::write(&tmp, &note)?;
    std::fs::File::open(&tmp)?.sync_all()?;
    std::fs::rename(&tmp, &saved)?;
    Ok(head.size)
}

/// Follows a log (or copies it once), printing each round's size.
pub async fn run(options: MirrorOptions) -> anyhow::Result<()> {
    std::fs::create_dir_all(&options.data)?;
    let remote = Remote::login(&options).await?;
    let key = trusted_key(&options, &remote).await?;
    let store = open_store(&options.data)?;
    let result = async {
        loop {
            let size = round(&remote, &store, &key, &options.data).await?;
            println!(
                "mirrored {size} events of {} ({})",
                key.name(),
                key.fingerprint()
            );
            if options.once {
                return Ok(());
            }
            tokio::time::sleep(options.interval).await;
        }
    }
    .await;
    store.close().await?;
    result
}

/// What `recover` did.
#[derive(Debug)]
pub struct Recovered {
    /// Events in the recovered log.
    pub events: u64,
    /// Where the damaged log was moved.
    pub damaged: PathBuf,
}

/// Rebuilds the log of the data folder `data` from the mirror in `mirror`, after proving that
/// the mirror extends the last size the damaged log anchored. The damaged `log/` is kept
/// beside it as evidence. The server must be stopped.
pub fn recover(mirror: &Path, data: &Path) -> anyhow::Result<Recovered> {
    let log_dir = data.join("log");
    if let Ok(db) = std::fs::File::open(log_dir.join("db"))
        && db.try_lock().is_err()
    {
        bail!(
            "{} is in use by a running server; stop it first",
            data.display()
        );
    }
    let anchored = anchor::read(&anchor_path(data))?;
    let check = verify_copy(mirror).context("checking the mirror")?;
    if let Some(b) = &check.first_break {
        bail!(
            "the mirror itself is damaged at position {}: {}",
            b.position,
            b.reason
        );
    }
    match (&anchored.found, anchored.acknowledged()) {
        (Found::Damaged, _) => {
            tracing::warn!(
                "the damaged folder's anchor is unreadable too: recovering without comparing"
            );
        }
        (_, Some(a)) => {
            anyhow::ensure!(
                check.records >= a.size,
                "the mirror holds {} events, fewer than the {} the damaged log acknowledged: it cannot restore them all",
                check.records,
                a.size
            );
            let root = check.store().root_at(a.size)?;
            anyhow::ensure!(
                root.0 == a.root,
                "the mirror's first {} events are not the ones the damaged log acknowledged: it is a copy of another history",
                a.size
            );
        }
        (_, None) => {}
    }
    let events = check.records;
    drop(check);
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let damaged = data.join(format!("log.damaged-{stamp}"));
    if log_dir.exists() {
        std::fs::rename(&log_dir, &damaged)?;
    }
    copy_folder(&mirror.join("log"), &log_dir, false)?;
    std::fs::copy(anchor_path(mirror), anchor_path(data))?;
    for file in [log_dir.join("db"), log_dir.join("conf"), anchor_path(data)] {
        std::fs::File::open(file)?.sync_all()?;
    }
    crate::store::durable::sync_dir(&log_dir)?;
    crate::store::durable::sync_dir(data)?;
    Ok(Recovered { events, damaged })
}
