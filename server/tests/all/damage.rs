//! Damage to the real files, as a failing disk or a careless restore would do it: each case ends
//! in detection (by `antikor verify` and by the server, which then serves read-only), never in
//! "intact" with fewer events; `verify` leaves every byte of the folder as it was; a rollback
//! or a fork is caught by a checkpoint saved earlier.

use crate::support::{TestApp, request, walk};
use antikor_server::store::{AppendError, ExpectedVersion, NewEvent, StoreError};
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use uuid::Uuid;

/// Events appended to a new folder's seed in each of two sessions, in appends of 40.
const PER_SESSION: u64 = 2000;

fn note(i: u64) -> NewEvent {
    NewEvent {
        id: Uuid::new_v4(),
        event_type: "NoteRecorded".into(),
        schema_version: 1,
        payload: RawValue::from_string(format!(
            r#"{{"n":{i},"text":"Проверка на декларациите за конфликт на интереси, протокол № {i}, без установени нарушения; {}"}}"#,
            "подробности ".repeat(20)
        ))
        .unwrap(),
    }
}

async fn append_notes(app: &TestApp, from: u64, count: u64) {
    for start in (from..from + count).step_by(40) {
        let events = (start..start + 40).map(note).collect();
        app.state
            .system_log()
            .append(request("bansko", "notes", ExpectedVersion::Any, events))
            .await
            .unwrap();
    }
}

/// A stopped app's folder written in two sessions, so that sled's snapshot covers only part of
/// its log, as on a server that has run for a while. Returns the folder and its event count.
async fn history() -> (tempfile::TempDir, u64) {
    let app = TestApp::start().await;
    app.auditor().await;
    append_notes(&app, 0, PER_SESSION).await;
    let app = TestApp::start_in(app.stop().await).await;
    append_notes(&app, PER_SESSION, PER_SESSION).await;
    let total = app.state.system_log().head().position;
    (app.stop().await, total)
}

fn copy_dir(from: &Path, to: &Path) {
    antikor_server::store::copy_folder(from, to, false).unwrap();
}

/// Every file of a folder with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walk(dir)
        .into_iter()
        .map(|p| (p.clone(), std::fs::read(&p).unwrap()))
        .collect()
}

/// Runs `antikor verify`, checking that it changed nothing; returns its exit code and output.
fn verify(dir: &Path, extra: &[&str]) -> (i32, String) {
    let before = snapshot(dir);
    let out = Command::new(env!("CARGO_BIN_EXE_antikor"))
        .args(["verify", "--data"])
        .arg(dir)
        .args(extra)
        .env("ANTIKOR_LOG", "off")
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        before == snapshot(dir),
        "verify changed the folder it checked: {text}"
    );
    (out.status.code().unwrap_or(-1), text)
}

fn db(dir: &Path) -> PathBuf {
    dir.join("log").join("db")
}

fn flip(at: impl Fn(u64) -> u64) -> impl Fn(&Path) {
    move |dir: &Path| {
        let mut bytes = std::fs::read(db(dir)).unwrap();
        let i = at(bytes.len() as u64) as usize;
        bytes[i] ^= 0x5a;
        std::fs::write(db(dir), bytes).unwrap();
    }
}

fn cut(by: impl Fn(u64) -> u64) -> impl Fn(&Path) {
    move |dir: &Path| {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(db(dir))
            .unwrap();
        let len = file.metadata().unwrap().len();
        file.set_len(len - by(len)).unwrap();
    }
}

fn remove(pick: impl Fn(&str) -> bool) -> impl Fn(&Path) {
    move |dir: &Path| {
        for entry in std::fs::read_dir(dir.join("log")).unwrap() {
            let entry = entry.unwrap();
            if pick(&entry.file_name().to_string_lossy()) {
                if entry.file_type().unwrap().is_dir() {
                    std::fs::remove_dir_all(entry.path()).unwrap();
                } else {
                    std::fs::remove_file(entry.path()).unwrap();
                }
            }
        }
    }
}

/// The outcome of one kind of damage, as `verify` and the server see it.
#[derive(Debug, PartialEq)]
enum Seen {
    /// Everything is there: the damage hit bytes sled no longer uses.
    Whole,
    /// Found and reported.
    Detected,
}

async fn judge(name: &str, dir: tempfile::TempDir, total: u64) -> Seen {
    let (code, out) = verify(dir.path(), &[]);
    let seen = match code {
        0 => {
            assert!(
                out.starts_with(&format!("intact: {total} events")),
                "{name}: verify calls a log intact with fewer events: {out}"
            );
            Seen::Whole
        }
        1 => {
            assert!(out.starts_with("BROKEN at position "), "{name}: {out}");
            Seen::Detected
        }
        other => panic!("{name}: verify could not run ({other}): {out}"),
    };
    // The server starts whatever the damage, and agrees with verify.
    let app = TestApp::start_in(dir).await;
    let (_, health) = app.get("/api/health").await;
    match seen {
        Seen::Whole => {
            assert_eq!(health["status"], "ok", "{name}: {health}");
            assert_eq!(health["head_position"], total, "{name}: {health}");
        }
        Seen::Detected => {
            assert_eq!(health["status"], "damaged", "{name}: {health}");
            let damage = &health["damage"];
            assert!(
                damage["expected_size"].as_u64().unwrap() >= total
                    || damage["first_bad_position"].as_u64().unwrap() <= total,
                "{name}: {health}"
            );
            let refused = app
                .state
                .system_log()
                .append(request("bansko", "x", ExpectedVersion::Any, vec![note(0)]))
                .await;
            assert!(
                matches!(refused, Err(AppendError::Store(StoreError::ChainBroken(_)))),
                "{name}: a damaged log must never take new events (positions would be reused): {refused:?}"
            );
            // Auditors keep reading what could be read (when their account survived).
            let known = app
                .state
                .system_models()
                .accounts
                .get("test.auditor")
                .is_some();
            if known {
                let auditor = app.login("test.auditor").await;
                let (status, page) = app.get_as(&auditor, "/api/audit/events?limit=5").await;
                assert_eq!(status, 200, "{name}: {page} {health}");
                // Up to the last event that verified, and nothing past it.
                assert_eq!(page["head_position"], health["head_position"], "{name}");
                if health["head_position"] != 0 {
                    assert_eq!(
                        page["events"][0]["event"]["position"], health["head_position"],
                        "{name}: {page}"
                    );
                }
            }
        }
    }
    seen
}

#[tokio::test]
async fn damage_to_the_files_is_detected_never_taken_for_a_shorter_history() {
    let (template, total) = history().await;
    type Damage = Box<dyn Fn(&Path)>;
    let cases: Vec<(&str, Damage)> = vec![
        ("flip 1 KiB from the end", Box::new(flip(|len| len - 1024))),
        (
            "flip 10 KiB from the end",
            Box::new(flip(|len| len - 10 * 1024)),
        ),
        (
            "flip 30 KiB from the end",
            Box::new(flip(|len| len - 30 * 1024)),
        ),
        ("flip at 10%", Box::new(flip(|len| len / 10))),
        ("flip at 50%", Box::new(flip(|len| len / 2))),
        ("flip at 80%", Box::new(flip(|len| len * 8 / 10))),
        ("cut 4 KiB", Box::new(cut(|_| 4096))),
        ("cut 64 KiB", Box::new(cut(|_| 64 * 1024))),
        ("cut half", Box::new(cut(|len| len / 2))),
        (
            "append garbage",
            Box::new(|dir: &Path| {
                let mut bytes = std::fs::read(db(dir)).unwrap();
                bytes.extend((0..4096u32).map(|i| (i * 7919 % 251) as u8));
                std::fs::write(db(dir), bytes).unwrap();
            }),
        ),
        (
            "remove snap.*",
            Box::new(remove(|n| n.starts_with("snap."))),
        ),
        ("remove blobs/", Box::new(remove(|n| n == "blobs"))),
        ("remove conf", Box::new(remove(|n| n == "conf"))),
    ];
    let mut detected = Vec::new();
    for (name, damage) in cases {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(template.path(), dir.path());
        damage(dir.path());
        if judge(name, dir, total).await == Seen::Detected {
            detected.push(name);
        }
    }
    // Halving the file always loses acknowledged events.
    assert!(detected.contains(&"cut half"), "{detected:?}");
}

#[tokio::test]
async fn verify_checks_a_copy_whose_blob_files_are_links_and_changes_none_of_them() {
    let (dir, total) = history().await;
    let blobs: Vec<PathBuf> = walk(&dir.path().join("log").join("blobs"));
    assert!(
        !blobs.is_empty(),
        "the history has pages large enough for blob files"
    );
    let (code, out) = verify(dir.path(), &[]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with(&format!("intact: {total} events")), "{out}");
    // The copy's sled removed its links on the way out; the folder's own are as they were.
    for blob in blobs {
        assert!(blob.exists(), "{} is gone", blob.display());
    }
}

/// Replaces `dir/log` (or the whole folder) by the copy in `old`.
fn restore(old: &Path, dir: &Path, only_log: bool) {
    if only_log {
        std::fs::remove_dir_all(dir.join("log")).unwrap();
        copy_dir(&old.join("log"), &dir.join("log"));
    } else {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                std::fs::remove_dir_all(path).unwrap();
            } else {
                std::fs::remove_file(path).unwrap();
            }
        }
        copy_dir(old, dir);
    }
}

#[tokio::test]
async fn a_rolled_back_or_forked_log_is_caught_by_its_anchor_or_a_saved_checkpoint() {
    let app = TestApp::start().await;
    append_notes(&app, 0, 80).await;
    let dir = app.stop().await;
    let old = tempfile::tempdir().unwrap();
    copy_dir(dir.path(), old.path());

    let app = TestApp::start_in(dir).await;
    append_notes(&app, 80, 80).await;
    let checkpoint = app.state.checkpoint().unwrap();
    let key = app.state.checkpoints.verifier().to_string();
    let dir = app.stop().await;
    let notes = tempfile::tempdir().unwrap();
    let saved = notes.path().join("checkpoint.txt");
    std::fs::write(&saved, &checkpoint.text).unwrap();
    let saved_arg = saved.to_str().unwrap().to_owned();

    // The log as it is extends the checkpoint.
    let (code, out) = verify(dir.path(), &["--checkpoint", &saved_arg, "--key", &key]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("consistent: the log extends the checkpoint"),
        "{out}"
    );

    // `log/` alone restored from the older copy: the anchor beside it knows better.
    let rolled = tempfile::tempdir().unwrap();
    copy_dir(dir.path(), rolled.path());
    restore(old.path(), rolled.path(), true);
    let (code, out) = verify(rolled.path(), &[]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("were acknowledged but are missing"), "{out}");
    let app = TestApp::start_in(rolled).await;
    let (_, health) = app.get("/api/health").await;
    assert_eq!(health["status"], "damaged", "{health}");
    assert_eq!(
        health["damage"]["expected_size"], checkpoint.size,
        "{health}"
    );
    drop(app);

    // The whole folder restored: only a checkpoint kept elsewhere can tell.
    let whole = tempfile::tempdir().unwrap();
    copy_dir(old.path(), whole.path());
    let (code, out) = verify(whole.path(), &["--checkpoint", &saved_arg, "--key", &key]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("rolled back or cut"), "{out}");

    // A fork: the old copy carried on with other events, past the checkpoint's size.
    let app = TestApp::start_in(whole).await;
    append_notes(&app, 1000, 120).await;
    assert!(app.state.system_log().head().position > checkpoint.size);
    let forked = app.stop().await;
    let (code, out) = verify(forked.path(), &["--checkpoint", &saved_arg, "--key", &key]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("NOT CONSISTENT"), "{out}");
    assert!(out.contains("fork or a rewrite"), "{out}");

    // A checkpoint altered by hand, or checked with another key, is refused as such.
    let altered = saved.with_extension("altered");
    std::fs::write(
        &altered,
        checkpoint
            .text
            .replacen(&format!("\n{}\n", checkpoint.size), "\n3\n", 1),
    )
    .unwrap();
    let (code, out) = verify(
        dir.path(),
        &["--checkpoint", altered.to_str().unwrap(), "--key", &key],
    );
    assert_eq!(code, 1, "{out}");
    assert!(out.starts_with("BAD CHECKPOINT"), "{out}");
}
