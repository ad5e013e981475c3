//! Tampering with stored history is found: by `antikor verify`, and by the server at start-up,
//! which then refuses writes.

use crate::support::{TestApp, event, request};
use antikor_server::store::{AppendError, ExpectedVersion, StoreError, keys};
use std::path::Path;
use std::process::Command;

/// A stopped app's data folder with the seed and 10 more events (45 in all).
async fn history() -> tempfile::TempDir {
    let app = TestApp::start().await;
    for i in 0..10 {
        app.state
            .system_log()
            .append(request("bansko", "s", ExpectedVersion::Any, vec![event(i)]))
            .await
            .unwrap();
    }
    app.stop().await
}

/// Rewrites the stored log behind Antikor's back, as someone with access to the files could:
/// `edit` gets every record in order (index `i` is position `i + 1`) and may change, remove or
/// reorder them; they are written back in place of the original chunks. Returns the database,
/// still open for further edits: opening it again at once can find its lock still held by a
/// process another test is starting.
fn tamper(dir: &Path, edit: impl FnOnce(&mut Vec<Vec<u8>>)) -> sled::Db {
    let db = crate::support::open_files(&dir.join("log"));
    let mut records = Vec::new();
    let mut chunk_keys = Vec::new();
    for (k, _, chunk) in crate::support::unpacked_chunks(&db) {
        records.extend(keys::records(&chunk).map(|r| r.unwrap().to_vec()));
        chunk_keys.push(k);
    }
    edit(&mut records);
    for k in chunk_keys {
        db.remove(k).unwrap();
    }
    for (i, record) in records.iter().enumerate() {
        let mut chunk = Vec::new();
        keys::push_record(&mut chunk, record);
        db.insert(keys::log(i as u64 + 1), chunk).unwrap();
    }
    db.flush().unwrap();
    db
}

fn verify(dir: &Path) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_antikor"))
        .args(["verify", "--data"])
        .arg(dir)
        .env("ANTIKOR_LOG", "error")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[tokio::test]
async fn an_intact_log_verifies() {
    let dir = history().await;
    let (ok, out) = verify(dir.path());
    assert!(ok, "{out}");
    assert!(out.starts_with("intact: 45 events, head hash "), "{out}");
}

#[tokio::test]
async fn one_changed_byte_is_found_with_its_position() {
    for (position, offset) in [(7u64, 60usize), (20, 5), (25, 100)] {
        let dir = history().await;
        tamper(dir.path(), |records| {
            // A byte inside the hash (offset < 32) or inside the record's JSON.
            let v = &mut records[position as usize - 1];
            let at = offset.min(v.len() - 2);
            v[at] = if v[at] == b'1' { b'2' } else { b'1' };
        });
        let (ok, out) = verify(dir.path());
        assert!(!ok, "a change at {position} must fail verification");
        assert!(
            out.starts_with(&format!("BROKEN at position {position}:")),
            "{out}"
        );
    }
}

#[tokio::test]
async fn removed_and_reordered_records_are_found() {
    let dir = history().await;
    tamper(dir.path(), |records| {
        records.remove(8);
    });
    let (ok, out) = verify(dir.path());
    assert!(!ok && out.starts_with("BROKEN at position 9:"), "{out}");

    let dir = history().await;
    tamper(dir.path(), |records| records.swap(2, 3));
    let (ok, out) = verify(dir.path());
    assert!(!ok && out.starts_with("BROKEN at position 3:"), "{out}");

    let dir = history().await;
    tamper(dir.path(), |records| {
        records.pop();
    });
    let (ok, out) = verify(dir.path());
    assert!(
        !ok && out.starts_with("BROKEN at position 45:"),
        "the cut-off tail is found: {out}"
    );
}

#[tokio::test]
async fn the_server_serves_a_broken_log_read_only() {
    let dir = history().await;
    tamper(dir.path(), |records| {
        let v = &mut records[11];
        let last = v.len() - 3;
        v[last] ^= 1;
    });
    // A file uploaded days ago that no record the damaged log still serves names: one of the
    // records after the break may have.
    let files = antikor_server::files::FileStore::open(dir.path()).unwrap();
    let days_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3 * 86_400);
    let evidence = files.put(b"%PDF-1.7 protokol", days_ago).unwrap();
    let app = TestApp::start_in(dir).await;
    let (_, health) = app.get("/api/health").await;
    assert_eq!(health["status"], "damaged");
    assert_eq!(app.state.sweep_unattached_files().await.unwrap(), (0, 0));
    assert!(matches!(
        files.get(&evidence).unwrap(),
        antikor_server::files::Stored::Whole(_)
    ));
    assert_eq!(health["damage"]["first_bad_position"], 12);
    assert_eq!(health["damage"]["last_good_position"], 11);
    let refused = app
        .state
        .system_log()
        .append(request(
            "bansko",
            "s",
            ExpectedVersion::Any,
            vec![event(99)],
        ))
        .await;
    assert!(
        matches!(refused, Err(AppendError::Store(StoreError::ChainBroken(ref b))) if b.position == 12),
        "{refused:?}"
    );
    // What linked before the break is still readable, and is all the log serves.
    assert_eq!(app.state.system_models().position, 11);
    assert_eq!(app.state.system_log().head().position, 11);
}

#[tokio::test]
async fn auditors_can_still_log_in_to_a_broken_log() {
    let app = TestApp::start().await;
    app.auditor().await; // positions 36 and 37
    for i in 0..10 {
        app.state
            .system_log()
            .append(request("bansko", "s", ExpectedVersion::Any, vec![event(i)]))
            .await
            .unwrap();
    }
    let dir = app.stop().await;
    tamper(dir.path(), |records| {
        let v = &mut records[39];
        let last = v.len() - 3;
        v[last] ^= 1;
    });
    let app = TestApp::start_in(dir).await;
    let auditor = app.auditor().await;
    let (status, page) = app.get_as(&auditor, "/api/audit/events?limit=5").await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(page["head_position"], 39);
    assert_eq!(page["events"][0]["event"]["position"], 39);
}

#[tokio::test]
async fn a_consistently_rewritten_history_is_caught_by_the_anchor() {
    use antikor_server::store::record::{chain_hash, split};
    let dir = history().await;
    // The best a forger with the files can do: change an event and recompute every later link
    // of the chain and the head marker, so that the chain alone verifies.
    let mut head = (0u64, [0u8; 32]);
    let db = tamper(dir.path(), |records| {
        let mut prev = split(&records[38]).unwrap().0;
        for record in records.iter_mut().skip(39) {
            let json = String::from_utf8(split(record).unwrap().1.to_vec()).unwrap();
            let json = json.replace(r#""n":4}"#, r#""n":9}"#);
            let hash = chain_hash(&prev, json.as_bytes());
            *record = [hash.as_slice(), json.as_bytes()].concat();
            prev = hash;
        }
        head = (records.len() as u64, prev);
    });
    db.insert(
        keys::HEAD,
        [head.0.to_be_bytes().as_slice(), &head.1].concat(),
    )
    .unwrap();
    db.flush().unwrap();
    drop(db);
    let (ok, out) = verify(dir.path());
    assert!(!ok, "{out}");
    assert!(
        out.contains("are not the ones acknowledged"),
        "the anchor's root tells: {out}"
    );
    let app = TestApp::start_in(dir).await;
    let (_, health) = app.get("/api/health").await;
    assert_eq!(health["status"], "damaged", "{health}");
}
