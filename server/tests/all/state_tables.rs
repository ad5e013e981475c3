//! The tables of the state beside the log (`antikor_server::tables`) and the file store on them
//! behave alike in a data folder (sled) and in PostgreSQL, where servers on one database share
//! them.

use crate::support::Place;
use antikor_server::files::{FileStore, Stored};
use antikor_server::store::postgres::Database;
use antikor_server::tables::{Table, Tables};
use std::time::{Duration, SystemTime};

/// A place's tables under `prefix`: a sled database in the folder, or the database's rows.
fn tables(place: &Place, prefix: &'static str) -> Tables {
    match place {
        Place::Sled { dir, .. } => Tables::in_folder(&dir.path().join(prefix)).unwrap().0,
        Place::Postgres { url, .. } => {
            Tables::in_database(Database::connect(url, 2).unwrap(), prefix)
        }
    }
}

fn keys(pairs: Vec<(Vec<u8>, Vec<u8>)>) -> Vec<Vec<u8>> {
    pairs.into_iter().map(|(key, _)| key).collect()
}

async fn a_table_keeps_what_it_is_given(place: Place) {
    let set = tables(&place, "secrets");
    let table = set.table("sessions").unwrap();
    let other = set.table("passwords").unwrap();
    assert!(table.is_empty().unwrap());

    assert_eq!(table.insert(b"k1", b"one").unwrap(), None);
    assert_eq!(table.insert(b"k1", b"uno").unwrap(), Some(b"one".to_vec()));
    assert_eq!(table.get(b"k1").unwrap(), Some(b"uno".to_vec()));
    assert!(table.contains(b"k1").unwrap());
    assert!(!other.contains(b"k1").unwrap(), "tables are apart");
    assert!(!table.insert_new(b"k1", b"new").unwrap());
    assert!(table.insert_new(b"k2", b"two").unwrap());
    assert_eq!(table.get(b"k1").unwrap(), Some(b"uno".to_vec()));
    assert_eq!(table.remove(b"k2").unwrap(), Some(b"two".to_vec()));
    assert_eq!(table.remove(b"k2").unwrap(), None);

    // Prefixes as byte ranges, up to the last byte value.
    for key in [&b"p\xff"[..], b"p\xff\x00", b"p\xfe", b"q", b""] {
        table.insert(key, b"v").unwrap();
    }
    assert_eq!(
        keys(table.scan_prefix(b"p\xff").unwrap()),
        [b"p\xff".to_vec(), b"p\xff\x00".to_vec()]
    );
    assert_eq!(
        keys(table.scan_prefix(b"").unwrap()),
        [
            b"".to_vec(),
            b"k1".to_vec(),
            b"p\xfe".to_vec(),
            b"p\xff".to_vec(),
            b"p\xff\x00".to_vec(),
            b"q".to_vec()
        ]
    );
    assert_eq!(table.scan_first().unwrap(), Some(Vec::new()));
    assert_eq!(table.len().unwrap(), 6);

    // A batch: all of it, the later change of a key winning.
    table
        .apply(vec![
            (b"a".to_vec(), Some(b"1".to_vec())),
            (b"a".to_vec(), Some(b"2".to_vec())),
            (b"q".to_vec(), None),
            (b"b".to_vec(), Some(b"3".to_vec())),
            (b"b".to_vec(), None),
        ])
        .unwrap();
    assert_eq!(table.get(b"a").unwrap(), Some(b"2".to_vec()));
    assert_eq!(table.get(b"b").unwrap(), None);
    assert_eq!(table.get(b"q").unwrap(), None);

    // Removed together only while the key holds what was read.
    table.insert(b"t/x", b"old").unwrap();
    table.insert(b"b/x", b"bytes").unwrap();
    assert!(!table.remove_if(b"t/x", b"older", &[b"b/x"]).unwrap());
    assert!(table.contains(b"b/x").unwrap());
    assert!(table.remove_if(b"t/x", b"old", &[b"b/x"]).unwrap());
    assert!(!table.contains(b"t/x").unwrap() && !table.contains(b"b/x").unwrap());
    set.sync().unwrap();
    drop((table, other, set));

    // Opened again: what was kept is there (for a database, on a connection of its own).
    let again = tables(&place, "secrets").table("sessions").unwrap();
    assert_eq!(again.get(b"k1").unwrap(), Some(b"uno".to_vec()));
    assert_eq!(again.len().unwrap(), 6);
    let elsewhere = tables(&place, "vault").table("sessions").unwrap();
    assert!(
        elsewhere.is_empty().unwrap(),
        "another set's table of one name is apart"
    );
}

/// The file store in a folder and as a table: a file kept once and read back checked; a sweep
/// takes a file no record names once it was last stored long enough ago, and one stored again,
/// or touched by a command about to name it, stays.
async fn files_are_kept_and_swept_alike(place: Place) {
    let store = match &place {
        Place::Sled { dir, .. } => FileStore::open(dir.path()).unwrap(),
        Place::Postgres { .. } => FileStore::Table(table(&place)),
    };
    let day = Duration::from_secs(86_400);
    let (now, long_ago) = (SystemTime::now(), SystemTime::now() - 3 * day);
    let attached = store.put(b"%PDF-1.7 attached", long_ago).unwrap();
    let orphan = store.put(b"%PDF-1.7 never attached", long_ago).unwrap();
    let recent = store.put(b"%PDF-1.7 just uploaded", now).unwrap();
    let again = store.put(b"%PDF-1.7 uploaded again", long_ago).unwrap();
    assert_eq!(store.put(b"%PDF-1.7 uploaded again", now).unwrap(), again);
    assert!(
        matches!(store.get(&orphan).unwrap(), Stored::Whole(b) if b == b"%PDF-1.7 never attached")
    );
    assert_eq!(store.size(&recent), Some(22));
    assert!(matches!(
        store.get(&"0".repeat(64)).unwrap(),
        Stored::Missing
    ));
    assert!(matches!(store.get("../../etc").unwrap(), Stored::Missing));

    // About to be named by a command: it waits anew.
    let named = store.put(b"%PDF-1.7 named now", long_ago).unwrap();
    store.touch(&named, now).unwrap();
    store.touch(&"1".repeat(64), now).unwrap();

    let swept = store.sweep(|h| h == attached, now - day).unwrap();
    assert_eq!(swept, (1, b"%PDF-1.7 never attached".len() as u64));
    assert!(matches!(store.get(&orphan).unwrap(), Stored::Missing));
    for kept in [&attached, &recent, &again, &named] {
        assert!(matches!(store.get(kept).unwrap(), Stored::Whole(_)));
    }
    assert!(matches!(
        store.get(&"1".repeat(64)).unwrap(),
        Stored::Missing
    ));
}

/// Failed logins checked at once by every server of a place (two on PostgreSQL, one in a
/// folder) against one account are all kept: each failure is stored on its own, and none is
/// written over by another server's list.
async fn failures_counted_at_once_are_all_kept(place: Place) {
    use antikor_server::auth::secrets::Secrets;
    use antikor_server::auth::throttle::{ACCOUNT_LIMIT, Throttle};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let servers = match place {
        Place::Sled { .. } => 1,
        Place::Postgres { .. } => 2,
    };
    // Each server has tables of its own, on the place they share (one folder holds one).
    let sled = matches!(place, Place::Sled { .. }).then(|| tables(&place, "secrets"));
    let open = || {
        let tables = sled.clone().unwrap_or_else(|| tables(&place, "secrets"));
        Throttle::stored("login", Arc::new(Secrets::open_in(tables).unwrap())).unwrap()
    };
    let throttles: Vec<Throttle> = (0..servers).map(|_| open()).collect();
    let now = SystemTime::now();
    let admitted = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for (n, throttle) in throttles.iter().cycle().take(8 * servers).enumerate() {
            let admitted = &admitted;
            s.spawn(move || {
                let from = std::net::IpAddr::from([10, 0, 0, n as u8]);
                for _ in 0..4 {
                    if let Ok(attempt) = throttle.begin("ivan", from, now) {
                        admitted.fetch_add(1, Ordering::SeqCst);
                        std::thread::yield_now();
                        attempt.failed();
                    }
                }
            });
        }
    });
    // Checks that started while another server's were being stored may pass the limit (a
    // few, when checks take a password hash's time; more here, where they take none), and
    // every check that ran is counted: a server started now finds every one.
    let admitted = admitted.into_inner();
    assert!(admitted >= ACCOUNT_LIMIT, "{admitted}");
    assert_eq!(open().failures("ivan", now), admitted);
    assert!(
        throttles[0]
            .begin("ivan", "10.0.1.1".parse().unwrap(), now)
            .is_err()
    );
}

fn table(place: &Place) -> Table {
    tables(place, "files").table("evidence").unwrap()
}

crate::support::on_both_backends!(
    a_table_keeps_what_it_is_given,
    files_are_kept_and_swept_alike,
    failures_counted_at_once_are_all_kept
);
