//! Fingerprints the code that shapes a snapshot (see `src/snapshot.rs`): the read models' folds,
//! the domain types they keep, the events and upcasters they read, and the log's in-memory
//! indexes. A snapshot written by other code is not read; the log is folded again instead.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

/// What a fold's result depends on, relative to this crate's folder. Folders are read whole,
/// so a file added to one is covered without a change here.
const SOURCES: &[&str] = &[
    "src/projections",
    "src/domain",
    "src/codec.rs",
    "src/snapshot.rs",
    "src/store/mod.rs",
    "src/store/index.rs",
    "src/store/tree.rs",
    "../shared/src",
    "../migrations/src",
    "../Cargo.lock",
];

fn files(path: &Path, out: &mut Vec<PathBuf>) {
    match std::fs::read_dir(path) {
        Ok(entries) => {
            for entry in entries.flatten() {
                files(&entry.path(), out);
            }
        }
        Err(_) => out.push(path.to_owned()),
    }
}

fn main() {
    let mut all = Vec::new();
    for source in SOURCES {
        println!("cargo:rerun-if-changed={source}");
        files(Path::new(source), &mut all);
    }
    all.sort();
    // Not a security measure (a snapshot is checked against the log, and its body by SHA-256):
    // only "is this the code that wrote it", so std's hasher does.
    let mut hasher = DefaultHasher::new();
    for file in &all {
        file.hash(&mut hasher);
        std::fs::read(file).unwrap_or_default().hash(&mut hasher);
    }
    println!("cargo:rustc-env=ANTIKOR_FOLD_CODE={:016x}", hasher.finish());
}
