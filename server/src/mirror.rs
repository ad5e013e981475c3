//! `antikor mirror` and `antikor recover`: a full copy of a log followed over HTTP and checked
//! against its signed checkpoints, and the rebuilding of a damaged data folder from that copy.
//!
//! The mirror logs in as an auditor, reads the stored records (sealed fields stay ciphertext,
//! which only the vault's key opens) up to the newest checkpoint's size, appends them to a log
//! of its own that checks every link of the chain, and then requires its Merkle root at that
//! size to be the checkpoint's: a log that rewrote or rolled back its history is refused. Its
//! folder has the layout of a data folder (`log/`, `log.anchor`, `files/`), so `antikor verify`
//! checks it and `antikor recover` copies it back. The evidence files the records attach are
//! copied too, each checked against the SHA-256 its record names.

use crate::app::anchor_path;
use crate::cli::verify_copy;
use crate::files::{FileStore, Stored, sha256_hex};
use crate::projections::{ReadModels, files::attachments};
use crate::store::anchor::{self, Found};
use crate::store::{EventStore, SledStore, StoreOptions, copy_folder};
use antikor_shared::tlog::{self, VerifierKey};
use anyhow::{Context, bail};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
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
        Ok(String::from_utf8_lossy(&self.bytes(path).await?).into_owned())
    }

    async fn bytes(&self, path: &str) -> anyhow::Result<Vec<u8>> {
        let response = self
            .client
            .get(format!("{}{path}", self.base))
            .header("cookie", &self.cookie)
            .send()
            .await?;
        let status = response.status();
        let bytes = response.bytes().await?;
        if !status.is_success() {
            bail!(
                "{path} answered {status}: {}",
                String::from_utf8_lossy(&bytes)
            );
        }
        Ok(bytes.to_vec())
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

/// How far the mirror has copied the files its records attach, kept in `DATA/files.json`.
#[derive(Debug, Default, Serialize, Deserialize)]
struct FilesCopied {
    /// The records up to this position have had their files looked for.
    position: u64,
    /// Files that a record attaches and the log server could not give (it lacks them, or
    /// holds them damaged), asked for again every round.
    missing: BTreeSet<String>,
}

impl FilesCopied {
    fn path(data: &Path) -> PathBuf {
        data.join("files.json")
    }

    fn load(data: &Path) -> anyhow::Result<Self> {
        match std::fs::read(Self::path(data)) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .with_context(|| format!("reading {}", Self::path(data).display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(e) => Err(e.into()),
        }
    }

    /// Written whole or not at all: a crash leaves the last state, and the next round looks
    /// again for what it named.
    fn save(&self, data: &Path) -> anyhow::Result<()> {
        let tmp = data.join("files.json.new");
        std::fs::write(&tmp, serde_json::to_vec(self)?)?;
        std::fs::File::open(&tmp)?.sync_all()?;
        std::fs::rename(&tmp, Self::path(data))?;
        crate::store::durable::sync_dir(data)?;
        Ok(())
    }
}

/// Records read at a time when looking for attached files.
const FILES_PAGE: usize = 5000;

/// Copies the evidence files attached by the mirrored records after the last ones looked at,
/// and those missing from earlier rounds, each checked against the SHA-256 its record names.
/// Returns how many files were copied and how many the log server could not give.
async fn copy_files(
    remote: &Remote,
    store: &SledStore,
    data: &Path,
) -> anyhow::Result<(usize, usize)> {
    let mut state = FilesCopied::load(data)?;
    let files = FileStore::open(data)?;
    let mut wanted = std::mem::take(&mut state.missing);
    let head = store.head().position;
    while state.position < head {
        let events = store.read_all(state.position + 1, FILES_PAGE)?;
        let Some(last) = events.last() else { break };
        state.position = last.position;
        for event in &events {
            if let Some(typed) = ReadModels::decode_event(event) {
                let named = attachments(&event.stream, &typed);
                wanted.extend(named.into_iter().map(|(_, file)| file.sha256.clone()));
            }
        }
    }
    let mut copied = 0;
    for sha256 in wanted {
        if matches!(files.get(&sha256)?, Stored::Whole(_)) {
            continue;
        }
        match remote.bytes(&format!("/api/files/{sha256}")).await {
            Ok(bytes) if sha256_hex(&bytes) == sha256 => {
                files.put(&bytes, std::time::SystemTime::now())?;
                copied += 1;
            }
            Ok(_) => {
                eprintln!(
                    "the log server sent other bytes for the file {sha256} than its records name; asked for again next round"
                );
                state.missing.insert(sha256);
            }
            Err(e) => {
                eprintln!(
                    "the file {sha256} could not be copied ({e:#}); asked for again next round"
                );
                state.missing.insert(sha256);
            }
        }
    }
    let missing = state.missing.len();
    state.save(data)?;
    Ok((copied, missing))
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
            let (copied, missing) = copy_files(&remote, &store, &options.data).await?;
            println!(
                "mirrored {size} events of {} ({}); evidence files: {copied} copied, {missing} missing",
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
    /// Evidence files put back: those the data folder lacked or held damaged.
    pub files: usize,
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
    let files = restore_files(mirror, data)?;
    Ok(Recovered {
        events,
        damaged,
        files,
    })
}

/// Puts back every evidence file of the mirror that `data` lacks or holds damaged. Files are
/// named by their SHA-256, so one that `data` holds whole is the same file and stays.
fn restore_files(mirror: &Path, data: &Path) -> anyhow::Result<usize> {
    let folder = mirror.join("files");
    if !folder.exists() {
        return Ok(0);
    }
    let (from, to) = (FileStore::open(mirror)?, FileStore::open(data)?);
    let mut restored = 0;
    for prefix in std::fs::read_dir(&folder)? {
        let prefix = prefix?.path();
        if !prefix.is_dir() {
            continue;
        }
        for entry in std::fs::read_dir(prefix)? {
            let name = entry?.file_name();
            let Some(sha256) = name.to_str() else {
                continue;
            };
            if matches!(to.get(sha256)?, Stored::Whole(_)) {
                continue;
            }
            match from.get(sha256)? {
                Stored::Whole(bytes) => {
                    to.put(&bytes, std::time::SystemTime::now())?;
                    restored += 1;
                }
                // A temporary file of an interrupted copy, or damage in the mirror itself.
                Stored::Missing => {}
                Stored::Damaged => {
                    tracing::warn!(
                        sha256,
                        "the mirror's copy of this file is damaged; not restored"
                    );
                }
            }
        }
    }
    Ok(restored)
}
