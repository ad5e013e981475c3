//! The vault: one key per signal, wrapped by a master key kept in a key file, and the
//! signals' encrypted attachments, all outside the event log.
//!
//! The log holds only ciphertext of a signal's personal fields. Destroying the signal's key
//! here (when its retention period ends) makes that ciphertext unreadable for good, while the
//! log and its hash chain stay untouched. A backup of the data folder without the key file
//! reveals nothing either. Everything written is fsynced before it is acknowledged.

use crate::store::durable::{DurableDb, create_secret_file};
use antikor_shared::signal::Sealed;
use anyhow::{Context, bail};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::RngCore;
use serde::{Serialize, de::DeserializeOwned};
use std::path::Path;
use uuid::Uuid;

const KEY_BYTES: usize = 32;
const NONCE_BYTES: usize = 24;

/// Sealing and opening one signal's fields.
pub trait Sealer {
    /// The ciphertext of `clear` as field `field`.
    fn seal(&self, field: &str, clear: &[u8]) -> Sealed;

    /// A text sealed as field `field`.
    fn seal_text(&self, field: &str, clear: &str) -> Sealed {
        self.seal(field, clear.as_bytes())
    }

    /// A value sealed as JSON.
    fn seal_json<T: Serialize>(&self, field: &str, value: &T) -> Sealed {
        self.seal(
            field,
            &serde_json::to_vec(value).expect("values serialize to JSON"),
        )
    }
}

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

/// Signal keys (wrapped) and attachments (encrypted), in their own sled database.
pub struct Vault {
    master: XChaCha20Poly1305,
    db: DurableDb,
    keys: sled::Tree,
    attachments: sled::Tree,
}

/// Reads the master key, or creates it (owner-only, fsynced) when the vault is new.
fn master_key(key_file: &Path, vault_is_new: bool) -> anyhow::Result<Vec<u8>> {
    match std::fs::read(key_file) {
        Ok(bytes) => {
            let key = hex::decode(String::from_utf8_lossy(&bytes).trim())
                .context("the key file does not hold a hex key")?;
            if key.len() != KEY_BYTES {
                bail!("the key file must hold a {KEY_BYTES}-byte key in hex");
            }
            Ok(key)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && vault_is_new => {
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

impl Vault {
    /// Opens (or creates) the vault in `dir` with the master key in `key_file`.
    pub fn open(dir: &Path, key_file: &Path) -> anyhow::Result<Self> {
        // The key comes first: a vault must not be created without one.
        let is_new = !dir.join("db").exists();
        let master = XChaCha20Poly1305::new_from_slice(&master_key(key_file, is_new)?)
            .expect("a 32-byte key");
        let (db, _) = DurableDb::open(dir)?;
        Ok(Self {
            master,
            keys: db.tree("signal_keys")?,
            attachments: db.tree("attachments")?,
            db,
        })
    }

    fn sync(&self) -> anyhow::Result<()> {
        self.db.sync()
    }

    fn wrap_aad(signal: Uuid) -> Vec<u8> {
        aad(signal, "signal-key")
    }

    /// Creates and stores (durably) the key of a new signal.
    pub fn create_key(&self, signal: Uuid) -> anyhow::Result<SignalKey> {
        let mut key = [0u8; KEY_BYTES];
        rand::rng().fill_bytes(&mut key);
        let mut nonce = [0u8; NONCE_BYTES];
        rand::rng().fill_bytes(&mut nonce);
        let wrapped = self
            .master
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: &key,
                    aad: &Self::wrap_aad(signal),
                },
            )
            .expect("wrapping a key");
        let mut stored = nonce.to_vec();
        stored.extend_from_slice(&wrapped);
        if self
            .keys
            .compare_and_swap(signal.as_bytes(), None as Option<&[u8]>, Some(stored))?
            .is_err()
        {
            bail!("signal {signal} already has a key");
        }
        self.sync()?;
        SignalKey::new(signal, &key)
    }

    /// The key of a signal, or `None` when it was destroyed (or never made).
    pub fn key(&self, signal: Uuid) -> anyhow::Result<Option<SignalKey>> {
        let Some(stored) = self.keys.get(signal.as_bytes())? else {
            return Ok(None);
        };
        if stored.len() < NONCE_BYTES {
            bail!("the stored key of signal {signal} is damaged");
        }
        let (nonce, wrapped) = stored.split_at(NONCE_BYTES);
        let key = self
            .master
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: wrapped,
                    aad: &Self::wrap_aad(signal),
                },
            )
            .map_err(|_| {
                anyhow::anyhow!("the key of signal {signal} does not unwrap with this key file")
            })?;
        SignalKey::new(signal, &key).map(Some)
    }

    /// Stores an attachment's ciphertext durably.
    pub fn put_attachment(
        &self,
        signal: Uuid,
        number: u32,
        ciphertext: &[u8],
    ) -> anyhow::Result<()> {
        self.attachments
            .insert(attachment_key(signal, number), ciphertext)?;
        self.sync()
    }

    /// An attachment's ciphertext.
    pub fn attachment(&self, signal: Uuid, number: u32) -> anyhow::Result<Option<Vec<u8>>> {
        Ok(self
            .attachments
            .get(attachment_key(signal, number))?
            .map(|v| v.to_vec()))
    }

    /// Destroys a signal's key and attachments, durably. Returns whether a key was there.
    pub fn destroy(&self, signal: Uuid) -> anyhow::Result<bool> {
        let existed = self.keys.remove(signal.as_bytes())?.is_some();
        for item in self.attachments.scan_prefix(signal.as_bytes()) {
            let (key, _) = item?;
            self.attachments.remove(key)?;
        }
        self.sync()?;
        Ok(existed)
    }

    /// Flushes and fsyncs before the server stops.
    pub fn close(&self) -> anyhow::Result<()> {
        self.sync()
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
    if !antikor_shared::signal::is_signal_event(&event.event_type) {
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
        std::fs::write(dir.path().join("other.key"), hex::encode([7u8; 32])).unwrap();
        let other = Vault::open(&dir.path().join("vault"), &dir.path().join("other.key")).unwrap();
        assert!(other.key(signal).is_err());
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
