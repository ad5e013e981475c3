//! The evidence file store: each file once, under the SHA-256 of its bytes, in the data
//! folder's `files/` (`files/ab/abcdef…`), written to a temporary file, fsynced and renamed,
//! so that a crash leaves a whole file or none. A file read back is checked against its name:
//! damage is reported, never served. A file's modification time is when it was last stored
//! (uploaded): a file no record attaches is swept once that is long enough ago.
//!
//! With the log on PostgreSQL the files are rows of the state table (`crate::tables`), which
//! every server on the database shares: `b/HASH` holds a file's bytes and `t/HASH` when it was
//! last stored, changed together.

use crate::store::durable::{sync_dir, sync_new_dir};
use crate::tables::Table;
use antikor_shared::files::FileRef;
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The store.
#[derive(Clone)]
pub enum FileStore {
    /// Files in a folder.
    Folder(PathBuf),
    /// Rows of a table shared by the servers on one database.
    Table(Table),
}

/// What reading a stored file found.
#[derive(Debug)]
pub enum Stored {
    /// Its bytes, checked.
    Whole(Vec<u8>),
    /// No file under that hash.
    Missing,
    /// A file whose bytes no longer hash to its name.
    Damaged,
}

/// SHA-256 of `bytes`, lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A file's bytes in the table.
fn bytes_key(sha256: &str) -> Vec<u8> {
    format!("b/{sha256}").into_bytes()
}

/// When a file was last stored, in the table.
fn time_key(sha256: &str) -> Vec<u8> {
    format!("t/{sha256}").into_bytes()
}

/// A time as stored in the table: milliseconds since the Unix epoch, big-endian.
fn time_value(t: SystemTime) -> Vec<u8> {
    let millis = t.duration_since(UNIX_EPOCH).unwrap_or_default().as_millis();
    u64::try_from(millis)
        .unwrap_or(u64::MAX)
        .to_be_bytes()
        .to_vec()
}

fn time_of(value: &[u8]) -> SystemTime {
    let millis = value.try_into().map(u64::from_be_bytes).unwrap_or_default();
    UNIX_EPOCH + Duration::from_millis(millis)
}

fn checked(sha256: &str, bytes: Vec<u8>) -> Stored {
    if sha256_hex(&bytes) == sha256 {
        Stored::Whole(bytes)
    } else {
        Stored::Damaged
    }
}

impl FileStore {
    /// The store in `data_dir/files`, created (durably) when missing.
    pub fn open(data_dir: &Path) -> anyhow::Result<Self> {
        let dir = data_dir.join("files");
        if !dir.exists() {
            std::fs::create_dir_all(&dir)?;
            sync_new_dir(&dir)?;
        }
        Ok(Self::Folder(dir))
    }

    /// Where a file of `sha256` lives in a folder; `None` for a string that is no hash.
    fn path(dir: &Path, sha256: &str) -> Option<PathBuf> {
        FileRef::valid_hash(sha256).then(|| dir.join(&sha256[..2]).join(sha256))
    }

    /// Stores `bytes` durably, as stored at `now`, and returns their hash. A file stored already
    /// is not written again, but takes `now` as its time: stored again, it waits anew for a
    /// record to name it before [`sweep`](Self::sweep) may take it.
    pub fn put(&self, bytes: &[u8], now: SystemTime) -> anyhow::Result<String> {
        let sha256 = sha256_hex(bytes);
        let dir = match self {
            Self::Folder(dir) => dir,
            Self::Table(table) => {
                // Bytes and time are written together even when the file is stored already:
                // a sweep on another server that took the file meanwhile cannot leave its time
                // without its bytes.
                table.apply(vec![
                    (time_key(&sha256), Some(time_value(now))),
                    (bytes_key(&sha256), Some(bytes.to_vec())),
                ])?;
                return Ok(sha256);
            }
        };
        let path = Self::path(dir, &sha256).expect("a computed hash is valid");
        if matches!(self.get(&sha256)?, Stored::Whole(_)) {
            std::fs::File::options()
                .write(true)
                .open(&path)?
                .set_modified(now)?;
            return Ok(sha256);
        }
        let folder = path.parent().expect("files live in a folder");
        if !folder.exists() {
            std::fs::create_dir_all(folder)?;
            sync_new_dir(folder)?;
        }
        let temporary = folder.join(format!(".{sha256}.{}", uuid::Uuid::new_v4().simple()));
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.set_modified(now)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temporary, &path)?;
        sync_dir(folder)?;
        Ok(sha256)
    }

    /// Marks the file stored under `sha256`, if there is one, as stored at `now`: a command
    /// about to name it calls this before it checks the file, so that a sweep (on another
    /// server of the database, which the `attaching` lock of this one does not hold back)
    /// either took the file already, and the check finds it missing, or leaves it, its time
    /// being no longer the one the sweep read.
    pub fn touch(&self, sha256: &str, now: SystemTime) -> anyhow::Result<()> {
        if !FileRef::valid_hash(sha256) {
            return Ok(());
        }
        match self {
            Self::Folder(dir) => {
                let path = Self::path(dir, sha256).expect("valid");
                match std::fs::File::options().write(true).open(path) {
                    Ok(file) => Ok(file.set_modified(now)?),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
                    Err(e) => Err(e.into()),
                }
            }
            Self::Table(table) => {
                table.insert(&time_key(sha256), &time_value(now))?;
                Ok(())
            }
        }
    }

    /// The file stored under `sha256`, checked against it.
    pub fn get(&self, sha256: &str) -> anyhow::Result<Stored> {
        if !FileRef::valid_hash(sha256) {
            return Ok(Stored::Missing);
        }
        match self {
            Self::Folder(dir) => match std::fs::read(Self::path(dir, sha256).expect("valid")) {
                Ok(bytes) => Ok(checked(sha256, bytes)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Stored::Missing),
                Err(e) => Err(e.into()),
            },
            Self::Table(table) => Ok(table
                .get(&bytes_key(sha256))?
                .map_or(Stored::Missing, |bytes| checked(sha256, bytes))),
        }
    }

    /// Removes every file stored before `before` that `attached` says no record names, and
    /// every temporary file of a write interrupted before then. Returns how many files went
    /// and their bytes.
    pub fn sweep(
        &self,
        attached: impl Fn(&str) -> bool,
        before: SystemTime,
    ) -> anyhow::Result<(usize, u64)> {
        match self {
            Self::Folder(dir) => Ok(Self::sweep_folder(dir, attached, before)?),
            Self::Table(table) => {
                let (mut removed, mut bytes) = (0, 0);
                for (key, time) in table.scan_prefix(b"t/")? {
                    let sha256 = String::from_utf8_lossy(&key[2..]).into_owned();
                    if attached(&sha256) || time_of(&time) >= before {
                        continue;
                    }
                    let size = table.get(&bytes_key(&sha256))?.map_or(0, |b| b.len());
                    // Only as stored when the sweep looked: a file stored again since, on any
                    // server, has a new time and stays.
                    if table.remove_if(&key, &time, &[&bytes_key(&sha256)])? {
                        removed += 1;
                        bytes += size as u64;
                    }
                }
                Ok((removed, bytes))
            }
        }
    }

    fn sweep_folder(
        dir: &Path,
        attached: impl Fn(&str) -> bool,
        before: SystemTime,
    ) -> std::io::Result<(usize, u64)> {
        let (mut removed, mut bytes) = (0, 0);
        for folder in std::fs::read_dir(dir)? {
            let folder = folder?.path();
            if !folder.is_dir() {
                continue;
            }
            let mut changed = false;
            for entry in std::fs::read_dir(&folder)? {
                let entry = entry?;
                let name = entry.file_name();
                let name = name.to_string_lossy();
                let temporary = name.starts_with('.');
                if !temporary && (!FileRef::valid_hash(&name) || attached(&name)) {
                    continue;
                }
                let metadata = entry.metadata()?;
                if !metadata.is_file() || metadata.modified()? >= before {
                    continue;
                }
                std::fs::remove_file(entry.path())?;
                changed = true;
                if !temporary {
                    removed += 1;
                    bytes += metadata.len();
                }
            }
            if changed {
                sync_dir(&folder)?;
            }
        }
        Ok((removed, bytes))
    }

    /// Every file of this store with the time it was last stored, unread: its hash and time.
    fn listed(&self) -> anyhow::Result<Vec<(String, SystemTime)>> {
        match self {
            Self::Table(table) => Ok(table
                .scan_prefix(b"t/")?
                .into_iter()
                .map(|(key, time)| {
                    (
                        String::from_utf8_lossy(&key[2..]).into_owned(),
                        time_of(&time),
                    )
                })
                .collect()),
            Self::Folder(dir) => {
                let mut listed = Vec::new();
                for folder in std::fs::read_dir(dir)? {
                    let folder = folder?.path();
                    if !folder.is_dir() {
                        continue;
                    }
                    for entry in std::fs::read_dir(&folder)? {
                        let entry = entry?;
                        let name = entry.file_name().to_string_lossy().into_owned();
                        if FileRef::valid_hash(&name) {
                            listed.push((name, entry.metadata()?.modified()?));
                        }
                    }
                }
                Ok(listed)
            }
        }
    }

    /// Copies every file of this store into `to`, with the time it was last stored, for
    /// `antikor store copy`. A file whose bytes no longer hash to its name is not copied.
    /// Returns how many files it copied and how many it found damaged.
    pub fn copy_into(&self, to: &FileStore) -> anyhow::Result<(u64, u64)> {
        let (mut copied, mut damaged) = (0, 0);
        for (sha256, stored) in self.listed()? {
            match self.get(&sha256)? {
                Stored::Whole(bytes) => {
                    to.put(&bytes, stored)?;
                    copied += 1;
                }
                Stored::Damaged => {
                    tracing::error!(%sha256, "a stored file is damaged: not copied");
                    damaged += 1;
                }
                Stored::Missing => {}
            }
        }
        Ok((copied, damaged))
    }

    /// The size of the file stored under `sha256`, if there is one.
    pub fn size(&self, sha256: &str) -> Option<u64> {
        match self {
            Self::Folder(dir) => std::fs::metadata(Self::path(dir, sha256)?)
                .ok()
                .map(|m| m.len()),
            Self::Table(table) => table
                .get(&bytes_key(sha256))
                .ok()
                .flatten()
                .map(|b| b.len() as u64),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_kept_once_and_damage_is_found_not_served() {
        let dir = tempfile::tempdir().unwrap();
        let store = FileStore::open(dir.path()).unwrap();
        let hash = store.put(b"%PDF-1.7 protokol", SystemTime::now()).unwrap();
        assert_eq!(
            store.put(b"%PDF-1.7 protokol", SystemTime::now()).unwrap(),
            hash
        );
        assert!(matches!(store.get(&hash).unwrap(), Stored::Whole(b) if b == b"%PDF-1.7 protokol"));
        let path = dir.path().join("files").join(&hash[..2]).join(&hash);
        std::fs::write(&path, b"%PDF-1.7 protokoL").unwrap();
        assert!(matches!(store.get(&hash).unwrap(), Stored::Damaged));
        // Storing it again repairs it.
        store.put(b"%PDF-1.7 protokol", SystemTime::now()).unwrap();
        assert!(matches!(store.get(&hash).unwrap(), Stored::Whole(_)));
        assert!(matches!(store.get("../../x").unwrap(), Stored::Missing));
        assert!(matches!(
            store.get(&"0".repeat(64)).unwrap(),
            Stored::Missing
        ));
    }

    #[test]
    fn a_sweep_takes_only_old_files_no_record_names_and_old_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let store = FileStore::open(dir.path()).unwrap();
        let day = std::time::Duration::from_secs(86_400);
        let (now, long_ago) = (SystemTime::now(), SystemTime::now() - 3 * day);
        let attached = store.put(b"%PDF-1.7 attached", long_ago).unwrap();
        let orphan = store.put(b"%PDF-1.7 never attached", long_ago).unwrap();
        let recent = store.put(b"%PDF-1.7 just uploaded", now).unwrap();
        let again = store.put(b"%PDF-1.7 uploaded again", long_ago).unwrap();
        store.put(b"%PDF-1.7 uploaded again", now).unwrap();
        let folder = dir.path().join("files").join(&orphan[..2]);
        let temporary = folder.join(format!(".{orphan}.interrupted"));
        std::fs::write(&temporary, b"%PDF-1.7 nev").unwrap();
        std::fs::File::options()
            .write(true)
            .open(&temporary)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();

        let swept = store.sweep(|h| h == attached, now - day).unwrap();
        assert_eq!(swept, (1, b"%PDF-1.7 never attached".len() as u64));
        assert!(matches!(store.get(&orphan).unwrap(), Stored::Missing));
        assert!(!temporary.exists());
        for kept in [&attached, &recent, &again] {
            assert!(matches!(store.get(kept).unwrap(), Stored::Whole(_)));
        }
    }
}
