//! The evidence file store: each file once, under the SHA-256 of its bytes, in the data
//! folder's `files/` (`files/ab/abcdef…`), written to a temporary file, fsynced and renamed,
//! so that a crash leaves a whole file or none. A file read back is checked against its name:
//! damage is reported, never served. A file's modification time is when it was last stored
//! (uploaded): a file no record attaches is swept once that is long enough ago.

use crate::store::durable::{sync_dir, sync_new_dir};
use antikor_shared::files::FileRef;
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The store.
#[derive(Debug, Clone)]
pub struct FileStore {
    dir: PathBuf,
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

impl FileStore {
    /// The store in `data_dir/files`, created (durably) when missing.
    pub fn open(data_dir: &Path) -> anyhow::Result<Self> {
        let dir = data_dir.join("files");
        if !dir.exists() {
            std::fs::create_dir_all(&dir)?;
            sync_new_dir(&dir)?;
        }
        Ok(Self { dir })
    }

    /// Where a file of `sha256` lives; `None` for a string that is no hash.
    fn path(&self, sha256: &str) -> Option<PathBuf> {
        FileRef::valid_hash(sha256).then(|| self.dir.join(&sha256[..2]).join(sha256))
    }

    /// Stores `bytes` durably, as stored at `now`, and returns their hash. A file stored already
    /// is not written again, but takes `now` as its time: stored again, it waits anew for a
    /// record to name it before [`sweep`](Self::sweep) may take it.
    pub fn put(&self, bytes: &[u8], now: SystemTime) -> anyhow::Result<String> {
        let sha256 = sha256_hex(bytes);
        let path = self.path(&sha256).expect("a computed hash is valid");
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

    /// The file stored under `sha256`, checked against it.
    pub fn get(&self, sha256: &str) -> anyhow::Result<Stored> {
        let Some(path) = self.path(sha256) else {
            return Ok(Stored::Missing);
        };
        match std::fs::read(&path) {
            Ok(bytes) if sha256_hex(&bytes) == sha256 => Ok(Stored::Whole(bytes)),
            Ok(_) => Ok(Stored::Damaged),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Stored::Missing),
            Err(e) => Err(e.into()),
        }
    }

    /// Removes every file stored before `before` that `attached` says no record names, and
    /// every temporary file of a write interrupted before then. Returns how many files went
    /// and their bytes.
    pub fn sweep(
        &self,
        attached: impl Fn(&str) -> bool,
        before: SystemTime,
    ) -> std::io::Result<(usize, u64)> {
        let (mut removed, mut bytes) = (0, 0);
        for folder in std::fs::read_dir(&self.dir)? {
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

    /// The size of the file stored under `sha256`, if there is one.
    pub fn size(&self, sha256: &str) -> Option<u64> {
        std::fs::metadata(self.path(sha256)?).ok().map(|m| m.len())
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
