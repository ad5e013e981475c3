//! The vault: one key per signal, wrapped by a master key kept in a key file, and the
//! signals' encrypted attachments, all outside the event log.
//!
//! The log holds only ciphertext of a signal's personal fields. Destroying the signal's key
//! here (when its retention period ends) makes that ciphertext unreadable for good, while the
//! log and its hash chain stay untouched. A backup of the data folder (or of the database)
//! without the key file reveals nothing either. Everything written is durable before it is
//! acknowledged.
//!
//! Its tables (`crate::tables`) are a sled database of their own (`DATA/vault`), or the
//! `vault/…` rows of the state table on PostgreSQL, where every server on the database uses
//! them with a copy of the same key file.

use crate::domain::signals::Sealer;
use crate::store::durable::{create_secret_file, sync_dir};
use crate::tables::{Table, Tables};
use antikor_shared::signal::Sealed;
use anyhow::{Context, bail};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::RngCore;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use uuid::Uuid;

const KEY_BYTES: usize = 32;
const NONCE_BYTES: usize = 24;

/// The key of one signal, unwrapped. Each ciphertext is bound to the signal and the field
/// (authenticated data), so a sealed value cannot be moved to another signal or field.
pub struct SignalKey {
    signal: Uuid,
    cipher: XChaCha20Poly1305,
}

fn aad(signal: Uuid, field: &str) -> Vec<u8> {
    let mut aad = signal.as_bytes().to_vec();
    aad.extend_from_slice(field.as_bytes());
    aad
}

impl SignalKey {
    fn new(signal: Uuid, key: &[u8]) -> anyhow::Result<Self> {
        Ok(Self {
            signal,
            cipher: XChaCha20Poly1305::new_from_slice(key)
                .map_err(|_| anyhow::anyhow!("a signal key has the wrong length"))?,
        })
    }

    /// The clear bytes of a sealed field.
    pub fn open(&self, field: &str, sealed: &Sealed) -> anyhow::Result<Vec<u8>> {
        let bytes = STANDARD
            .decode(&sealed.sealed_v1)
            .context("a sealed field is not base64")?;
        if bytes.len() < NONCE_BYTES {
            bail!("a sealed field is too short");
        }
        let (nonce, ciphertext) = bytes.split_at(NONCE_BYTES);
        self.cipher
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: ciphertext,
                    aad: &aad(self.signal, field),
                },
            )
            .map_err(|_| anyhow::anyhow!("a sealed field of signal {} does not open", self.signal))
    }

    /// A sealed text.
    pub fn open_text(&self, field: &str, sealed: &Sealed) -> anyhow::Result<String> {
        String::from_utf8(self.open(field, sealed)?).context("a sealed text is not UTF-8")
    }

    /// A value sealed as JSON.
    pub fn open_json<T: DeserializeOwned>(
        &self,
        field: &str,
        sealed: &Sealed,
    ) -> anyhow::Result<T> {
        serde_json::from_slice(&self.open(field, sealed)?).context("a sealed value is not JSON")
    }

    fn encrypt(&self, field: &str, clear: &[u8]) -> Vec<u8> {
        let mut nonce = [0u8; NONCE_BYTES];
        rand::rng().fill_bytes(&mut nonce);
        let ciphertext = self
            .cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: clear,
                    aad: &aad(self.signal, field),
                },
            )
            .expect("XChaCha20-Poly1305 encrypts any length we allow");
        let mut out = nonce.to_vec();
        out.extend_from_slice(&ciphertext);
        out
    }

    /// Encrypts an attachment's bytes (stored in the vault, not in the log).
    pub fn encrypt_attachment(&self, number: u32, clear: &[u8]) -> Vec<u8> {
        self.encrypt(&format!("attachment-{number}"), clear)
    }

    /// Decrypts an attachment's stored bytes.
    pub fn decrypt_attachment(&self, number: u32, stored: &[u8]) -> anyhow::Result<Vec<u8>> {
        self.open(
            &format!("attachment-{number}"),
            &Sealed {
                sealed_v1: STANDARD.encode(stored),
            },
        )
    }
}

impl Sealer for SignalKey {
    fn seal(&self, field: &str, clear: &[u8]) -> Sealed {
        Sealed {
            sealed_v1: STANDARD.encode(self.encrypt(field, clear)),
        }
    }
}

/// Signal keys (wrapped) and attachments (encrypted), in tables of their own.
pub struct Vault {
    master: XChaCha20Poly1305,
    tables: Tables,
    keys: Table,
    attachments: Table,
}

/// Reads the master key, or creates it (owner-only, fsynced) when the vault is new.
fn master_key(key_file: &Path, vault_is_new: bool) -> anyhow::Result<Vec<u8>> {
    match read_key_file(key_file) {
        Ok(key) => Ok(key),
        Err(e)
            if vault_is_new
                && e.downcast_ref::<std::io::Error>()
                    .is_some_and(|e| e.kind() == std::io::ErrorKind::NotFound) =>
        {
            let mut key = vec![0u8; KEY_BYTES];
            rand::rng().fill_bytes(&mut key);
            create_secret_file(key_file, hex::encode(&key).as_bytes())?;
            tracing::info!(key_file = %key_file.display(), "created the vault's master key");
            Ok(key)
        }
        // Signals exist but their master key is gone: refuse to start rather than create a
        // new key that opens nothing.
        Err(e) => Err(e).with_context(|| {
            format!(
                "reading the vault's key file {} (the vault holds keys sealed with it)",
                key_file.display()
            )
        }),
    }
}

/// Where a rotation keeps the new master key until the vault is rewrapped under it.
fn pending_key_file(key_file: &Path) -> PathBuf {
    let mut name = key_file.as_os_str().to_owned();
    name.push(".next");
    PathBuf::from(name)
}

/// The entry of the keys tree that names the master key the vault is wrapped under. Not a
/// signal id (those are 16 bytes), so it never meets one.
const MASTER_ID: &[u8] = b"@master-key-id";

/// A master key's name: a hash of it, which says which key a vault needs without saying
/// anything of the key.
fn key_id(key: &[u8]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(b"antikor vault master key\0");
    hasher.update(key);
    hex::encode(&hasher.finalize()[..12])
}

fn read_key_file(path: &Path) -> anyhow::Result<Vec<u8>> {
    let bytes = std::fs::read(path)?;
    let key = hex::decode(String::from_utf8_lossy(&bytes).trim())
        .context("the key file does not hold a hex key")?;
    if key.len() != KEY_BYTES {
        bail!("the key file must hold a {KEY_BYTES}-byte key in hex");
    }
    Ok(key)
}

/// What a rotation of the master key did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rotation {
    /// The new master key's name ([`key_id`]).
    pub key_id: String,
    /// How many signal keys were rewrapped under it.
    pub signal_keys: u64,
}

impl Vault {
    /// Opens (or creates) the vault in `dir` with the master key in `key_file`.
    ///
    /// A rotation cut short by a crash is settled here: when the vault is already wrapped
    /// under the key waiting in `KEY_FILE.next`, that file replaces the key file; when it is
    /// not, the waiting key is removed.
    pub fn open(dir: &Path, key_file: &Path) -> anyhow::Result<Self> {
        Self::open_in(Tables::in_folder(dir)?.0, key_file)
    }

    /// [`open`](Self::open), with the vault in `tables`.
    pub fn open_in(tables: Tables, key_file: &Path) -> anyhow::Result<Self> {
        let keys = tables.table("signal_keys")?;
        // A vault holding no key, not even the name of its master key, has sealed nothing yet:
        // it may make its master key. Any other needs the key it was wrapped under.
        let mut key = master_key(key_file, keys.is_empty()?)?;
        let pending = pending_key_file(key_file);
        match keys.get(MASTER_ID)? {
            Some(id) if id == key_id(&key).as_bytes() && pending.exists() => {
                std::fs::remove_file(&pending)?;
                tracing::warn!("a key rotation was cut short before it began; the old key stays");
            }
            Some(id) if id == key_id(&key).as_bytes() => {}
            Some(id) => {
                let next = read_key_file(&pending)
                    .ok()
                    .filter(|k| key_id(k).as_bytes() == id);
                let Some(next) = next else {
                    bail!(
                        "the key file {} is not the key the vault is wrapped under (a key rotated \
                         since this file was copied?)",
                        key_file.display()
                    );
                };
                std::fs::rename(&pending, key_file)?;
                sync_parent(key_file)?;
                tracing::warn!("finished a key rotation cut short after the vault was rewrapped");
                key = next;
            }
            None => {}
        }
        let master = XChaCha20Poly1305::new_from_slice(&key).expect("a 32-byte key");
        let vault = Self {
            master,
            keys,
            attachments: tables.table("attachments")?,
            tables,
        };
        if !vault.keys.contains(MASTER_ID)? {
            // A vault from before keys were named: name its key once one of its signal keys
            // shows that it is the right one.
            if let Some(first) = vault.keys.scan_first()? {
                vault.unwrap(Uuid::from_slice(&first)?)?;
            }
            // Servers that start together on a new shared vault, each with a key file of its
            // own, race to name theirs: the one named first is the vault's, and the others
            // refuse to start.
            let named = vault.keys.insert_new(MASTER_ID, key_id(&key).as_bytes())?;
            vault.sync()?;
            if !named && vault.keys.get(MASTER_ID)?.as_deref() != Some(key_id(&key).as_bytes()) {
                bail!(
                    "the key file {} is not the key the vault is wrapped under (another server \
                     made the vault's key at the same time: copy its key file here)",
                    key_file.display()
                );
            }
        }
        Ok(vault)
    }

    /// Rewraps every signal key under a new master key and puts the new key in `key_file`:
    /// afterwards the old key opens nothing in this vault. The server must be stopped.
    ///
    /// Crash-safe in three durable steps: the new key is written beside the old one
    /// (`KEY_FILE.next`); every wrapped key and the vault's record of its master key change
    /// in one atomic batch; the new key file replaces the old. [`open`](Self::open) settles a
    /// rotation stopped between any two of them.
    pub fn rotate(dir: &Path, key_file: &Path) -> anyhow::Result<Rotation> {
        Self::rotate_in(Tables::in_folder(dir)?.0, key_file)
    }

    /// [`rotate`](Self::rotate), with the vault in `tables`. Every server that shares them
    /// must be stopped, and given the new key file before it starts again.
    pub fn rotate_in(tables: Tables, key_file: &Path) -> anyhow::Result<Rotation> {
        let old = Self::open_in(tables, key_file)?;
        let mut key = [0u8; KEY_BYTES];
        rand::rng().fill_bytes(&mut key);
        let pending = pending_key_file(key_file);
        create_secret_file(&pending, hex::encode(key).as_bytes())
            .with_context(|| format!("writing the new key to {}", pending.display()))?;
        let new = XChaCha20Poly1305::new_from_slice(&key).expect("a 32-byte key");
        let mut batch = Vec::new();
        let mut signal_keys = 0;
        for (id, _) in old.keys.scan_prefix(&[])? {
            let Ok(signal) = Uuid::from_slice(&id) else {
                continue;
            };
            let clear = old.unwrap(signal)?;
            batch.push((id, Some(wrap(&new, signal, &clear))));
            signal_keys += 1;
        }
        batch.push((MASTER_ID.to_vec(), Some(key_id(&key).as_bytes().to_vec())));
        old.keys.apply(batch)?;
        old.sync()?;
        std::fs::rename(&pending, key_file)?;
        sync_parent(key_file)?;
        Ok(Rotation {
            key_id: key_id(&key),
            signal_keys,
        })
    }

    fn sync(&self) -> anyhow::Result<()> {
        self.tables.sync()
    }

    /// Copies the vault in `from` into `to` as it is, wrapped keys and encrypted attachments,
    /// for `antikor store copy`: the same key file opens the copy. Refused, before anything is
    /// copied, when `to` holds a vault wrapped under another master key. Returns how many
    /// signal keys and attachments it copied.
    pub fn copy(from: &Tables, to: &Tables) -> anyhow::Result<(u64, u64)> {
        let (keys, into) = (from.table("signal_keys")?, to.table("signal_keys")?);
        let named = keys.get(MASTER_ID)?;
        if let (Some(ours), Some(theirs)) = (&named, into.get(MASTER_ID)?)
            && *ours != theirs
        {
            bail!(
                "the destination's vault is wrapped under another master key: copy into a new one"
            );
        }
        let signal_keys = keys.copy_into(&into)? - u64::from(named.is_some());
        let attachments = from
            .table("attachments")?
            .copy_into(&to.table("attachments")?)?;
        to.sync()?;
        Ok((signal_keys, attachments))
    }

    /// Creates and stores (durably) the key of a new signal.
    pub fn create_key(&self, signal: Uuid) -> anyhow::Result<SignalKey> {
        let mut key = [0u8; KEY_BYTES];
        rand::rng().fill_bytes(&mut key);
        let stored = wrap(&self.master, signal, &key);
        if !self.keys.insert_new(signal.as_bytes(), &stored)? {
            bail!("signal {signal} already has a key");
        }
        self.sync()?;
        SignalKey::new(signal, &key)
    }

    /// A signal's key in clear, unwrapped with the master key.
    fn unwrap(&self, signal: Uuid) -> anyhow::Result<Vec<u8>> {
        let Some(stored) = self.keys.get(signal.as_bytes())? else {
            bail!("signal {signal} has no key");
        };
        if stored.len() < NONCE_BYTES {
            bail!("the stored key of signal {signal} is damaged");
        }
        let (nonce, wrapped) = stored.split_at(NONCE_BYTES);
        self.master
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: wrapped,
                    aad: &wrap_aad(signal),
                },
            )
            .map_err(|_| {
                anyhow::anyhow!("the key of signal {signal} does not unwrap with this key file")
            })
    }

    /// The key of a signal, or `None` when it was destroyed (or never made).
    pub fn key(&self, signal: Uuid) -> anyhow::Result<Option<SignalKey>> {
        if !self.keys.contains(signal.as_bytes())? {
            return Ok(None);
        }
        SignalKey::new(signal, &self.unwrap(signal)?).map(Some)
    }

    /// Stores an attachment's ciphertext durably.
    pub fn put_attachment(
        &self,
        signal: Uuid,
        number: u32,
        ciphertext: &[u8],
    ) -> anyhow::Result<()> {
        self.attachments
            .insert(&attachment_key(signal, number), ciphertext)?;
        self.sync()
    }

    /// An attachment's ciphertext.
    pub fn attachment(&self, signal: Uuid, number: u32) -> anyhow::Result<Option<Vec<u8>>> {
        self.attachments.get(&attachment_key(signal, number))
    }

    /// Destroys a signal's key and attachments, durably. Returns whether a key was there.
    pub fn destroy(&self, signal: Uuid) -> anyhow::Result<bool> {
        let existed = self.keys.remove(signal.as_bytes())?.is_some();
        let attachments = self.attachments.scan_prefix(signal.as_bytes())?;
        self.attachments.apply(
            attachments
                .into_iter()
                .map(|(key, _)| (key, None))
                .collect(),
        )?;
        self.sync()?;
        Ok(existed)
    }

    /// Flushes and fsyncs before the server stops.
    pub fn close(&self) -> anyhow::Result<()> {
        self.sync()
    }
}

fn wrap_aad(signal: Uuid) -> Vec<u8> {
    aad(signal, "signal-key")
}

/// A signal key wrapped under `master`: a fresh nonce followed by the ciphertext.
fn wrap(master: &XChaCha20Poly1305, signal: Uuid, key: &[u8]) -> Vec<u8> {
    let mut nonce = [0u8; NONCE_BYTES];
    rand::rng().fill_bytes(&mut nonce);
    let wrapped = master
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: key,
                aad: &wrap_aad(signal),
            },
        )
        .expect("wrapping a key");
    let mut stored = nonce.to_vec();
    stored.extend_from_slice(&wrapped);
    stored
}

fn sync_parent(path: &Path) -> std::io::Result<()> {
    match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(parent) => sync_dir(parent),
        None => Ok(()),
    }
}

fn attachment_key(signal: Uuid, number: u32) -> Vec<u8> {
    let mut key = signal.as_bytes().to_vec();
    key.extend_from_slice(&number.to_be_bytes());
    key
}

pub use antikor_shared::tlog::redact_sealed;

/// An event as the audit trail shows it: a signal's sealed fields replaced by their hashes
/// (see [`redact_sealed`]); every other event as stored.
pub fn redacted(mut event: antikor_shared::RecordedEvent) -> antikor_shared::RecordedEvent {
    if !antikor_shared::events::is_confidential(&event.event_type) {
        return event;
    }
    let Ok(mut value) = serde_json::from_str::<serde_json::Value>(event.payload.get()) else {
        return event;
    };
    redact_sealed(&mut value);
    if let Ok(raw) = serde_json::value::to_raw_value(&value) {
        event.payload = raw;
    }
    event
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rotation_rewraps_every_key_and_the_old_key_opens_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let key_file = dir.path().join("vault.key");
        let signals: Vec<Uuid> = (0..5).map(|_| Uuid::new_v4()).collect();
        let sealed: Vec<Sealed> = {
            let vault = vault(dir.path());
            signals
                .iter()
                .map(|s| vault.create_key(*s).unwrap().seal_text("account", "текст"))
                .collect()
        };
        let old_key = std::fs::read(&key_file).unwrap();
        let rotation = Vault::rotate(&dir.path().join("vault"), &key_file).unwrap();
        assert_eq!(rotation.signal_keys, 5);
        assert_ne!(std::fs::read(&key_file).unwrap(), old_key);
        assert!(!pending_key_file(&key_file).exists());
        {
            let vault = vault(dir.path());
            for (signal, sealed) in signals.iter().zip(&sealed) {
                let key = vault.key(*signal).unwrap().unwrap();
                assert_eq!(key.open_text("account", sealed).unwrap(), "текст");
            }
        }
        // The old key file, restored from a backup, opens nothing.
        let old_file = dir.path().join("old.key");
        std::fs::write(&old_file, &old_key).unwrap();
        let refused = Vault::open(&dir.path().join("vault"), &old_file)
            .err()
            .unwrap();
        assert!(refused.to_string().contains("not the key"), "{refused}");
    }

    #[test]
    fn a_rotation_cut_short_is_settled_at_the_next_open() {
        let dir = tempfile::tempdir().unwrap();
        let key_file = dir.path().join("vault.key");
        let signal = Uuid::new_v4();
        let sealed = vault(dir.path())
            .create_key(signal)
            .unwrap()
            .seal_text("account", "текст");
        let opens = |dir: &Path| {
            let key = vault(dir).key(signal).unwrap().unwrap();
            assert_eq!(key.open_text("account", &sealed).unwrap(), "текст");
        };
        // Cut after the new key was written, before the vault changed: the old key stays.
        let copy = tempfile::tempdir().unwrap();
        crate::store::copy_folder(dir.path(), copy.path(), false).unwrap();
        create_secret_file(
            &pending_key_file(&copy.path().join("vault.key")),
            &[b'0'; 64],
        )
        .unwrap();
        opens(copy.path());
        assert!(!pending_key_file(&copy.path().join("vault.key")).exists());
        // Cut after the vault was rewrapped, before the key file was replaced: the waiting
        // key takes over.
        let before = std::fs::read(&key_file).unwrap();
        Vault::rotate(&dir.path().join("vault"), &key_file).unwrap();
        let after = std::fs::read(&key_file).unwrap();
        std::fs::write(pending_key_file(&key_file), &after).unwrap();
        std::fs::write(&key_file, &before).unwrap();
        opens(dir.path());
        assert_eq!(std::fs::read(&key_file).unwrap(), after);
    }

    fn vault(dir: &Path) -> Vault {
        Vault::open(&dir.join("vault"), &dir.join("vault.key")).unwrap()
    }

    #[test]
    fn sealed_fields_open_only_with_their_signal_and_field() {
        let dir = tempfile::tempdir().unwrap();
        let vault = vault(dir.path());
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        let key_a = vault.create_key(a).unwrap();
        let key_b = vault.create_key(b).unwrap();
        let sealed = key_a.seal_text("reporter", "Иван Петров");
        assert!(!sealed.sealed_v1.contains("Иван"));
        assert_eq!(key_a.open_text("reporter", &sealed).unwrap(), "Иван Петров");
        assert!(key_a.open_text("concerned", &sealed).is_err());
        assert!(key_b.open_text("reporter", &sealed).is_err());
        assert!(vault.create_key(a).is_err(), "a key is made once");
    }

    #[test]
    fn keys_survive_a_restart_and_destruction_is_final() {
        let dir = tempfile::tempdir().unwrap();
        let signal = Uuid::new_v4();
        let sealed = {
            let vault = vault(dir.path());
            let key = vault.create_key(signal).unwrap();
            let file = key.encrypt_attachment(1, b"%PDF-1.4 ...");
            vault.put_attachment(signal, 1, &file).unwrap();
            key.seal_text("account", "какво се случи")
        };
        let vault = vault(dir.path());
        let key = vault.key(signal).unwrap().unwrap();
        assert_eq!(key.open_text("account", &sealed).unwrap(), "какво се случи");
        let file = vault.attachment(signal, 1).unwrap().unwrap();
        assert_eq!(key.decrypt_attachment(1, &file).unwrap(), b"%PDF-1.4 ...");
        assert!(vault.destroy(signal).unwrap());
        assert!(vault.key(signal).unwrap().is_none());
        assert!(vault.attachment(signal, 1).unwrap().is_none());
        drop(vault);
        assert!(self::vault(dir.path()).key(signal).unwrap().is_none());
    }

    #[test]
    fn a_vault_with_keys_refuses_to_start_without_its_key_file_or_with_another() {
        let dir = tempfile::tempdir().unwrap();
        let signal = Uuid::new_v4();
        vault(dir.path()).create_key(signal).unwrap();
        std::fs::rename(dir.path().join("vault.key"), dir.path().join("moved.key")).unwrap();
        assert!(Vault::open(&dir.path().join("vault"), &dir.path().join("vault.key")).is_err());
        // Another key is refused at once, not when the first signal fails to open.
        std::fs::write(dir.path().join("other.key"), hex::encode([7u8; 32])).unwrap();
        let other = Vault::open(&dir.path().join("vault"), &dir.path().join("other.key"));
        assert!(other.err().unwrap().to_string().contains("not the key"));
    }

    #[test]
    fn the_audit_trail_shows_a_hash_in_place_of_each_sealed_field() {
        let mut value = serde_json::json!({
            "reference": "BLG03-2026-0001",
            "reporter": { "sealed_v1": STANDARD.encode(b"0123456789") },
            "attachments": [{ "name": { "sealed_v1": STANDARD.encode(b"x") } }],
        });
        redact_sealed(&mut value);
        assert_eq!(value["reference"], "BLG03-2026-0001");
        assert_eq!(value["reporter"]["sealed"]["bytes"], 10);
        assert_eq!(
            value["reporter"]["sealed"]["sha256"]
                .as_str()
                .unwrap()
                .len(),
            64
        );
        assert!(value["attachments"][0]["name"]["sealed"].is_object());
    }
}
