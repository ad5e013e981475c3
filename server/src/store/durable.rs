//! A small sled database beside the log (the secrets store, the vault), made durable by hand:
//! sled's `flush` only reaches `sync_file_range`, so every sync also fsyncs its files, and a
//! new database fsyncs its folder and the folder's parent.

use std::fs::File;
use std::path::{Path, PathBuf};

/// A sled database whose [`sync`](Self::sync) is a real fsync.
pub struct DurableDb {
    db: sled::Db,
    path: PathBuf,
}

/// Makes a folder's entries durable (a new file exists only once its folder is synced).
pub(crate) fn sync_dir(dir: &Path) -> std::io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Makes a new folder durable: its entries, and its own entry in its parent.
pub(crate) fn sync_new_dir(dir: &Path) -> std::io::Result<()> {
    sync_dir(dir)?;
    match dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(parent) => sync_dir(parent),
        None => Ok(()),
    }
}

/// Creates a file only its owner may read (mode 0600) holding `contents`, durably: for key
/// files. Fails when the file exists.
pub(crate) fn create_secret_file(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    file.write_all(contents)?;
    file.sync_all()?;
    match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(parent) => sync_dir(parent),
        None => Ok(()),
    }
}

impl DurableDb {
    /// Opens the database in `dir`, creating it (durably) when it does not exist yet.
    /// Returns whether it was created.
    pub fn open(dir: &Path) -> anyhow::Result<(Self, bool)> {
        let created = !dir.join("db").exists();
        std::fs::create_dir_all(dir)?;
        let this = Self {
            db: super::open_sled(dir, 8 << 20)?,
            path: dir.to_owned(),
        };
        if created {
            this.sync()?;
            sync_new_dir(dir)?;
        }
        Ok((this, created))
    }

    /// A tree of the database.
    pub fn tree(&self, name: &str) -> anyhow::Result<sled::Tree> {
        Ok(self.db.open_tree(name)?)
    }

    /// Makes every change so far durable: sled's flush writes, the fsync makes it stay.
    pub fn sync(&self) -> anyhow::Result<()> {
        self.db.flush()?;
        File::open(self.path.join("db"))?.sync_data()?;
        File::open(self.path.join("conf"))?.sync_data()?;
        Ok(())
    }
}
