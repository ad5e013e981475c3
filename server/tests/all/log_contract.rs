//! Contract tests of the event log: concurrency checks, idempotency, ordering, atomicity,
//! reads and subscriptions.

use crate::support::{Place, event, on_both_backends, open, request, stream, tenant};
use ExpectedVersion::{Any, Exact, NoStream};
use antikor_server::store::{
    AppendError, Direction, EventStore, ExpectedVersion, Filter, NewEvent, all_types,
};
use uuid::Uuid;

on_both_backends!(
    positions_and_versions_are_gapless,
    expected_version_conflicts_are_typed_and_write_nothing,
    retrying_the_same_ids_returns_the_first_outcome,
    ids_that_share_a_fingerprint_are_told_apart_and_across_a_restart,
    invalid_appends_are_refused_whole,
    concurrent_appends_to_one_stream_never_both_win,
    many_concurrent_writers_get_distinct_gapless_positions,
    a_page_within_some_tenants_passes_over_the_others_inside_the_read,
    filtered_pages_run_both_ways_from_a_cursor,
    subscribers_see_new_events_in_order_after_they_are_durable,
    reopening_keeps_everything_and_continues_the_chain,
    closing_finishes_appends_in_flight_and_refuses_new_ones,
    large_appends_are_split_into_chunks_and_read_back_whole,
);

async fn positions_and_versions_are_gapless(place: Place) {
    let store = place.open();
    let a = store
        .append(request("bansko", "s1", NoStream, vec![event(1), event(2)]))
        .await
        .unwrap();
    let b = store
        .append(request("razlog", "s1", NoStream, vec![event(3)]))
        .await
        .unwrap();
    let c = store
        .append(request("bansko", "s1", Exact(2), vec![event(4)]))
        .await
        .unwrap();
    assert_eq!(
        (a.first_position, a.last_position, a.stream_version),
        (1, 2, 2)
    );
    assert_eq!((b.first_position, b.stream_version), (3, 1));
    assert_eq!((c.first_position, c.stream_version), (4, 3));
    let all = store.read_all(1, 100).unwrap();
    assert_eq!(
        all.iter().map(|e| e.position).collect::<Vec<_>>(),
        vec![1, 2, 3, 4]
    );
    let s = store
        .read_stream(&tenant("bansko"), &stream("s1"), 1, 100)
        .unwrap();
    assert_eq!(
        s.iter()
            .map(|e| (e.version, e.position))
            .collect::<Vec<_>>(),
        vec![(1, 1), (2, 2), (3, 4)]
    );
    assert_eq!(store.head().position, 4);
}

async fn expected_version_conflicts_are_typed_and_write_nothing(place: Place) {
    let store = place.open();
    store
        .append(request("bansko", "s", NoStream, vec![event(1)]))
        .await
        .unwrap();
    for expected in [NoStream, Exact(0), Exact(2)] {
        match store
            .append(request("bansko", "s", expected, vec![event(2)]))
            .await
        {
            Err(AppendError::WrongExpectedVersion { actual: 1, .. }) => {}
            other => panic!("{expected:?}: expected a conflict, got {other:?}"),
        }
    }
    assert!(matches!(
        store
            .append(request("bansko", "new", Exact(1), vec![event(1)]))
            .await,
        Err(AppendError::WrongExpectedVersion { actual: 0, .. })
    ));
    store
        .append(request("bansko", "s", Any, vec![event(3)]))
        .await
        .unwrap();
    assert_eq!(store.head().position, 2);
}

async fn retrying_the_same_ids_returns_the_first_outcome(place: Place) {
    let store = place.open();
    let events = vec![event(1), event(2)];
    let first = store
        .append(request("bansko", "s", NoStream, events.clone()))
        .await
        .unwrap();
    store
        .append(request("bansko", "other", NoStream, vec![event(3)]))
        .await
        .unwrap();
    // The retry's expected version no longer holds; the ids decide.
    let again = store
        .append(request("bansko", "s", NoStream, events.clone()))
        .await
        .unwrap();
    assert!(first.written && !again.written);
    assert_eq!(
        (
            again.first_position,
            again.last_position,
            again.stream_version
        ),
        (1, 2, 2)
    );
    assert_eq!(store.head().position, 3);
    // Reusing one id in a different append is not a retry.
    let mixed = vec![events[0].clone(), event(9)];
    assert!(matches!(
        store.append(request("bansko", "s", Any, mixed)).await,
        Err(AppendError::DuplicateId { position: 1, .. })
    ));
    let moved = vec![events[0].clone(), events[1].clone()];
    assert!(matches!(
        store.append(request("razlog", "s", Any, moved)).await,
        Err(AppendError::DuplicateId { .. })
    ));
    assert_eq!(store.head().position, 3);
}

async fn ids_that_share_a_fingerprint_are_told_apart_and_across_a_restart(place: Place) {
    // The index keeps most ids as a 64-bit fingerprint (the halves xored): these three share
    // one, and only the first is stored when the second and third arrive.
    let with_id = |high: u64, low: u64, n| NewEvent {
        id: Uuid::from_u64_pair(high, low),
        ..event(n)
    };
    for round in 0..2 {
        let store = place.open();
        let appends = [
            request("bansko", "a", Any, vec![with_id(5, 9, 1)]),
            request("razlog", "b", Any, vec![with_id(5 ^ 3, 9 ^ 3, 2)]),
            request("bansko", "c", Any, vec![with_id(5 ^ 7, 9 ^ 7, 3)]),
        ];
        for (n, append) in (1..).zip(appends) {
            let outcome = store.append(append).await.unwrap();
            // Written once, in the first round; answered as a retry after the restart.
            assert_eq!(outcome.written, round == 0, "append {n}, round {round}");
            assert_eq!(outcome.first_position, n);
        }
        assert!(matches!(
            store
                .append(request("bansko", "d", Any, vec![with_id(5 ^ 3, 9 ^ 3, 4)]))
                .await,
            Err(AppendError::DuplicateId { position: 2, .. })
        ));
        assert_eq!(store.head().position, 3);
        store.close().await.unwrap();
    }
}

async fn invalid_appends_are_refused_whole(place: Place) {
    let store = place.open();
    let mut bad_type = event(2);
    bad_type.event_type = "has space".into();
    let mut huge = event(3);
    huge.payload =
        serde_json::value::RawValue::from_string(format!("\"{}\"", "x".repeat(70_000))).unwrap();
    let e1 = event(1);
    for events in [
        vec![],
        vec![event(1), bad_type],
        vec![huge],
        vec![e1.clone(), e1],
    ] {
        assert!(matches!(
            store.append(request("bansko", "s", Any, events)).await,
            Err(AppendError::Invalid(_))
        ));
    }
    assert_eq!(store.head().position, 0);
    assert!(store.read_all(1, 10).unwrap().is_empty());
}

async fn concurrent_appends_to_one_stream_never_both_win(place: Place) {
    let store = place.open();
    store
        .append(request("bansko", "s", NoStream, vec![event(0)]))
        .await
        .unwrap();
    let attempts = (0..32).map(|i| store.append(request("bansko", "s", Exact(1), vec![event(i)])));
    let results = futures::future::join_all(attempts).await;
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1);
    assert_eq!(
        store
            .read_stream(&tenant("bansko"), &stream("s"), 1, 100)
            .unwrap()
            .len(),
        2
    );
}

async fn many_concurrent_writers_get_distinct_gapless_positions(place: Place) {
    let store = place.open();
    let tasks = (0..64).map(|w| {
        let store = store.clone();
        tokio::spawn(async move {
            let mut got = Vec::new();
            for i in 0..10 {
                let s = format!("w{w}");
                let o = store
                    .append(request("petrich", &s, Exact(i), vec![event(i)]))
                    .await
                    .unwrap();
                got.push(o.first_position);
            }
            got
        })
    });
    let mut positions: Vec<u64> = futures::future::join_all(tasks)
        .await
        .into_iter()
        .flat_map(|r| r.unwrap())
        .collect();
    positions.sort_unstable();
    assert_eq!(positions, (1..=640).collect::<Vec<_>>());
    assert!(store.verify().unwrap().first_break.is_none());
}

async fn a_page_within_some_tenants_passes_over_the_others_inside_the_read(place: Place) {
    let store = place.open();
    let tenants = ["bansko", "razlog", "petrich"];
    for i in 0..30u64 {
        let mut e = event(i);
        if i % 4 == 0 {
            e.event_type = "OtherThing".into();
        }
        let t = tenants[(i % 3) as usize];
        store.append(request(t, "s", Any, vec![e])).await.unwrap();
    }
    // Positions 1..=30: bansko at 1, 4, 7, …; razlog at 2, 5, …; petrich at 3, 6, ….
    let within = Filter {
        within: Some(std::sync::Arc::new(
            [tenant("bansko"), tenant("petrich")].into(),
        )),
        ..Filter::default()
    };
    let expected: Vec<u64> = (1..=30).filter(|p| p % 3 != 2).collect();
    let mut seen = Vec::new();
    let mut cursor = 0;
    loop {
        let page = store
            .read_page(&within, &all_types, Direction::Forward, cursor, 4)
            .unwrap();
        let Some(last) = page.last() else { break };
        cursor = last.position;
        assert!(page.len() == 4 || seen.len() + page.len() == expected.len());
        seen.extend(page.iter().map(|e| e.position));
    }
    assert_eq!(seen, expected);
    let backward: Vec<u64> = store
        .read_page(&within, &all_types, Direction::Backward, 28, 3)
        .unwrap()
        .iter()
        .map(|e| e.position)
        .collect();
    assert_eq!(backward, vec![27, 25, 24]);
    // With a type, and with types out of sight.
    let typed = Filter {
        event_type: Some("OtherThing".into()),
        ..within.clone()
    };
    let other: Vec<u64> = store
        .read_page(&typed, &all_types, Direction::Forward, 0, 10)
        .unwrap()
        .iter()
        .map(|e| e.position)
        .collect();
    assert_eq!(other, vec![1, 9, 13, 21, 25]);
    let sight = |t: &str| t != "OtherThing";
    let visible: Vec<u64> = store
        .read_page(&within, &sight, Direction::Forward, 0, 4)
        .unwrap()
        .iter()
        .map(|e| e.position)
        .collect();
    assert_eq!(visible, vec![3, 4, 6, 7]);
}

async fn filtered_pages_run_both_ways_from_a_cursor(place: Place) {
    let store = place.open();
    for i in 0..10u64 {
        let t = if i % 2 == 0 { "bansko" } else { "razlog" };
        let mut e = event(i);
        if i % 3 == 0 {
            e.event_type = "OtherThing".into();
        }
        store.append(request(t, "s", Any, vec![e])).await.unwrap();
    }
    let pos =
        |v: Vec<antikor_shared::RecordedEvent>| v.iter().map(|e| e.position).collect::<Vec<_>>();
    let bansko = Filter {
        tenant: Some(tenant("bansko")),
        ..Filter::default()
    };
    assert_eq!(
        pos(store
            .read_page(&bansko, &all_types, Direction::Backward, u64::MAX, 3)
            .unwrap()),
        vec![9, 7, 5]
    );
    assert_eq!(
        pos(store
            .read_page(&bansko, &all_types, Direction::Backward, 5, 10)
            .unwrap()),
        vec![3, 1]
    );
    assert_eq!(
        pos(store
            .read_page(&bansko, &all_types, Direction::Forward, 3, 2)
            .unwrap()),
        vec![5, 7]
    );
    let other = Filter {
        event_type: Some("OtherThing".into()),
        ..Filter::default()
    };
    assert_eq!(
        pos(store
            .read_page(&other, &all_types, Direction::Forward, 0, 10)
            .unwrap()),
        vec![1, 4, 7, 10]
    );
    let both = Filter {
        tenant: Some(tenant("razlog")),
        event_type: Some("OtherThing".into()),
        ..Filter::default()
    };
    assert_eq!(
        pos(store
            .read_page(&both, &all_types, Direction::Backward, u64::MAX, 10)
            .unwrap()),
        vec![10, 4]
    );
    let in_stream = Filter {
        stream: Some(stream("s")),
        ..bansko.clone()
    };
    assert_eq!(
        pos(store
            .read_page(&in_stream, &all_types, Direction::Backward, 9, 2)
            .unwrap()),
        vec![7, 5]
    );
    assert_eq!(
        pos(store.read_tenant(&tenant("razlog"), 5, 2).unwrap()),
        vec![6, 8]
    );
    assert_eq!(pos(store.read_all(9, 10).unwrap()), vec![9, 10]);
    assert_eq!(store.get(4).unwrap().unwrap().event_type, "OtherThing");
    assert!(store.get(11).unwrap().is_none());

    // Types out of sight (here `OtherThing`: 1, 4, 7 and 10) are passed over inside the read,
    // so pages still fill up to their limit.
    let sight = |t: &str| t != "OtherThing";
    let page = |filter: &Filter, direction, cursor, limit| {
        pos(store
            .read_page(filter, &sight, direction, cursor, limit)
            .unwrap())
    };
    assert_eq!(page(&bansko, Direction::Backward, u64::MAX, 2), vec![9, 5]);
    assert_eq!(page(&bansko, Direction::Backward, 5, 10), vec![3]);
    assert_eq!(page(&bansko, Direction::Forward, 0, 2), vec![3, 5]);
    assert_eq!(
        page(&Filter::default(), Direction::Forward, 0, 3),
        vec![2, 3, 5]
    );
    assert_eq!(
        page(&Filter::default(), Direction::Backward, u64::MAX, 2),
        vec![9, 8]
    );
    assert_eq!(page(&in_stream, Direction::Backward, 9, 2), vec![5, 3]);
    assert!(page(&other, Direction::Forward, 0, 10).is_empty());
    assert!(page(&both, Direction::Backward, u64::MAX, 10).is_empty());
}

async fn subscribers_see_new_events_in_order_after_they_are_durable(place: Place) {
    let store = place.open();
    let mut feed = store.subscribe();
    store
        .append(request("bansko", "s", Any, vec![event(1), event(2)]))
        .await
        .unwrap();
    store
        .append(request("razlog", "s", Any, vec![event(3)]))
        .await
        .unwrap();
    for expected in 1..=3 {
        assert_eq!(feed.recv().await.unwrap().position, expected);
    }
}

async fn reopening_keeps_everything_and_continues_the_chain(place: Place) {
    {
        let store = place.open();
        store
            .append(request("bansko", "s", NoStream, vec![event(1), event(2)]))
            .await
            .unwrap();
        store.close().await.unwrap();
        assert!(
            store
                .append(request("bansko", "s", Any, vec![event(3)]))
                .await
                .is_err(),
            "closed stores refuse appends"
        );
    }
    let store = place.open();
    assert_eq!(store.head().position, 2);
    let o = store
        .append(request("bansko", "s", Exact(2), vec![event(3)]))
        .await
        .unwrap();
    assert_eq!((o.first_position, o.stream_version), (3, 3));
    let report = store.verify().unwrap();
    assert_eq!((report.records, report.first_break), (3, None));
}

#[test]
fn a_second_opener_of_the_same_folder_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let _first = open(dir.path());
    let second = antikor_server::store::SledStore::open(dir.path(), Default::default());
    assert!(
        matches!(second, Err(antikor_server::store::StoreError::Locked(_))),
        "{:?}",
        second.err()
    );
}

async fn closing_finishes_appends_in_flight_and_refuses_new_ones(place: Place) {
    let store = place.open();
    // `append` queues the request at once; the futures only wait for the acknowledgment.
    let in_flight: Vec<_> = (0..200)
        .map(|i| {
            store.append(request(
                "bansko",
                &format!("s{i}"),
                NoStream,
                vec![event(i)],
            ))
        })
        .collect();
    store.close().await.unwrap();
    let results = futures::future::join_all(in_flight).await;
    assert!(
        results.iter().all(Result::is_ok),
        "every queued append is acknowledged"
    );
    assert!(matches!(
        store
            .append(request("bansko", "late", Any, vec![event(0)]))
            .await,
        Err(AppendError::Store(
            antikor_server::store::StoreError::Closing
        ))
    ));
    drop(store);
    assert_eq!(place.open().head().position, 200);
}

async fn large_appends_are_split_into_chunks_and_read_back_whole(place: Place) {
    let store = place.open();
    let events: Vec<_> = (0..1000).map(event).collect();
    store
        .append(request("bansko", "big", NoStream, events.clone()))
        .await
        .unwrap();
    store
        .append(request("bansko", "big", Exact(1000), vec![event(1000)]))
        .await
        .unwrap();
    drop(store.close().await);
    drop(store);
    let store = place.open();
    let all = store.read_all(1, 2000).unwrap();
    assert_eq!(all.len(), 1001);
    assert!(
        all.iter().zip(&events).all(
            |(stored, sent)| stored.id == sent.id && stored.payload.get() == sent.payload.get()
        )
    );
    assert_eq!(store.get(777).unwrap().unwrap().id, events[776].id);
    assert_eq!(
        store
            .read_stream(&tenant("bansko"), &stream("big"), 999, 5)
            .unwrap()
            .len(),
        3
    );
    assert!(store.verify().unwrap().first_break.is_none());
}

#[test]
fn a_closed_store_can_be_reopened_at_once() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..200u64 {
        let store = open(dir.path());
        store
            .append_blocking(request("bansko", "s", Any, vec![event(i)]))
            .unwrap();
        store.close_blocking().unwrap();
    }
    assert_eq!(open(dir.path()).head().position, 200);
}

/// sled is made durable only at checkpoints; in between, each commit is durable in the anchor
/// file's journal. A crash leaves sled as the last checkpoint left it and the anchor as it was:
/// every acknowledged event comes back from the journal, a torn last entry (never
/// acknowledged) is simply absent, and a bad entry followed by good ones is damage.
#[tokio::test]
async fn commits_since_the_last_checkpoint_come_back_from_the_journal() {
    use antikor_server::store::{SledStore, StoreOptions, copy_folder};
    let dir = tempfile::tempdir().unwrap();
    let options = |folder: &std::path::Path| StoreOptions {
        anchor_file: Some(folder.join("log.anchor")),
        idle_checkpoint: None,
        ..StoreOptions::default()
    };
    let live = dir.path().join("live");
    let store = SledStore::open(&live.join("log"), options(&live)).unwrap();
    let three = (1..=3).map(event).collect();
    store
        .append(request("bansko", "s", NoStream, three))
        .await
        .unwrap();
    store.close().await.unwrap();
    drop(store);
    let checkpointed = dir.path().join("checkpointed");
    copy_folder(&live.join("log"), &checkpointed, false).unwrap();

    let store = SledStore::open(&live.join("log"), options(&live)).unwrap();
    for n in 4..=8 {
        store
            .append(request("bansko", "s", Any, vec![event(n)]))
            .await
            .unwrap();
    }
    // Read before any checkpoint: events, proofs and roots come from the commits laid over
    // sled, and must be what they are once sled holds them.
    let acknowledged = store.read_all(1, 100).unwrap();
    let root = store.root_at(8).unwrap();
    let proof = store.inclusion_proof(6, 8).unwrap();
    let consistency = store.consistency_proof(3, 8).unwrap();
    let journal = std::fs::read(live.join("log.anchor")).unwrap();

    // Where each journal entry starts (512-byte boundaries after the 4 KiB of slots).
    let starts: Vec<usize> = (4096..journal.len())
        .step_by(512)
        .filter(|&at| journal[at..].starts_with(b"AKJ1"))
        .collect();
    assert_eq!(starts.len(), 5, "one entry per commit since the checkpoint");

    let crash = |name: &str, anchor: &[u8]| {
        let folder = dir.path().join(name);
        copy_folder(&checkpointed, &folder.join("log"), false).unwrap();
        std::fs::write(folder.join("log.anchor"), anchor).unwrap();
        SledStore::open(&folder.join("log"), options(&folder)).unwrap()
    };

    let restored = crash("restored", &journal);
    assert_eq!(restored.verify().unwrap().first_break, None);
    let positions = |events: &[antikor_shared::RecordedEvent]| {
        events
            .iter()
            .map(|e| (e.position, e.id))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        positions(&restored.read_all(1, 100).unwrap()),
        positions(&acknowledged)
    );
    assert!(
        restored.refusal().is_none(),
        "the restored log takes appends"
    );
    assert_eq!(restored.root_at(8).unwrap(), root);
    assert_eq!(restored.inclusion_proof(6, 8).unwrap(), proof);
    assert_eq!(restored.consistency_proof(3, 8).unwrap(), consistency);
    store.close().await.unwrap();
    drop(store);
    let reopened = SledStore::open(&live.join("log"), options(&live)).unwrap();
    assert_eq!(
        positions(&reopened.read_all(1, 100).unwrap()),
        positions(&acknowledged),
        "the checkpoint at close put them in sled"
    );
    assert_eq!(reopened.root_at(8).unwrap(), root);

    let mut torn = journal.clone();
    torn[starts[4] + 40] ^= 1;
    let restored = crash("torn", &torn);
    assert_eq!(restored.verify().unwrap().first_break, None);
    assert_eq!(restored.head().position, 7);

    let mut flipped = journal;
    flipped[starts[1] + 40] ^= 1;
    let damaged = crash("damaged", &flipped);
    let refusal = damaged
        .refusal()
        .expect("damage refuses writes")
        .to_string();
    assert!(refusal.contains("journal"), "{refusal}");
    assert_eq!(
        damaged.head().position,
        4,
        "the events before the bad entry"
    );
}

#[tokio::test]
async fn compressed_chunks_read_back_as_written_verify_and_damage_to_them_is_found() {
    use antikor_server::store::keys;
    use serde_json::value::RawValue;
    let realistic = |n: u64| {
        antikor_server::store::NewEvent {
        id: uuid::Uuid::new_v4(),
        event_type: "ProgressReported".into(),
        schema_version: 1,
        payload: RawValue::from_string(format!(
            r#"{{"year":2017,"measure":"II.{}","level":"substantial","note":"Проведено заседание № {n} с участието на граждани и медии","evidence":[],"as_of":"2017-05-{:02}"}}"#,
            n % 7,
            1 + n % 28
        ))
        .unwrap(),
    }
    };
    let dir = tempfile::tempdir().unwrap();
    let store = crate::support::open_compressing(dir.path());
    let mut written = Vec::new();
    for n in 0..200u64 {
        let e = realistic(n);
        written.push(serde_json::from_str::<serde_json::Value>(e.payload.get()).unwrap());
        store
            .append(request("bansko", &format!("m{}", n % 5), Any, vec![e]))
            .await
            .unwrap();
    }
    let read = |store: &antikor_server::store::SledStore| -> Vec<serde_json::Value> {
        store
            .read_all(1, 1000)
            .unwrap()
            .into_iter()
            .map(|e| serde_json::from_str(e.payload.get()).unwrap())
            .collect()
    };
    assert!(read(&store) == written, "the records read back differ");
    let head = store.head();
    store.close().await.unwrap();
    drop(store);

    // On disk: a dictionary, and every chunk compressed whole, far smaller than its records.
    let (chunks, stored, unpacked) = {
        let db = crate::support::open_files(dir.path());
        assert!(db.get(keys::dictionary(1)).unwrap().is_some());
        let mut counts = (0, 0, 0);
        for (_, stored, records) in crate::support::unpacked_chunks(&db) {
            counts.0 += 1;
            counts.1 += stored.len();
            counts.2 += records.len();
        }
        counts
    };
    // 200 commits of one event each still fill chunks: the writer keeps its chunk open.
    assert!(chunks <= 12, "{chunks} chunks");
    assert!(
        stored * 3 < unpacked,
        "{stored} bytes stored for {unpacked} of records"
    );

    let store = crate::support::open_compressing(dir.path());
    assert_eq!(store.head(), head);
    assert!(
        read(&store) == written,
        "the records read back after a restart differ"
    );
    let report = store.verify().unwrap();
    assert_eq!((report.records, report.first_break), (200, None));
    store.close().await.unwrap();
    drop(store);

    // A byte changed inside a compressed chunk, or a damaged dictionary, is a break.
    for damage in ["chunk", "dictionary"] {
        let copy = tempfile::tempdir().unwrap();
        antikor_server::store::copy_folder(dir.path(), copy.path(), false).unwrap();
        {
            let db = crate::support::open_files(copy.path());
            if damage == "chunk" {
                let (key, chunk) = db.scan_prefix([keys::LOG]).last().unwrap().unwrap();
                let mut chunk = chunk.to_vec();
                let at = chunk.len() - 20;
                chunk[at] ^= 0x10;
                db.insert(key, chunk).unwrap();
            } else {
                // Every byte after its magic number and id: one byte of it may be a part no
                // record refers to, whose change rightly changes nothing (1 run in 40).
                let mut dictionary = db.get(keys::dictionary(1)).unwrap().unwrap().to_vec();
                for byte in &mut dictionary[8..] {
                    *byte = !*byte;
                }
                db.insert(keys::dictionary(1), dictionary).unwrap();
            }
            db.flush().unwrap();
        }
        // The opening walk stops at the first chunk that does not decompress to what was
        // hashed, serves what lies before it and refuses writes.
        let store = crate::support::open_compressing(copy.path());
        assert!(store.refusal().is_some(), "{damage}: writes are refused");
        assert!(store.head().position < 200, "{damage}");
        assert!(store.verify().unwrap().first_break.is_none());
    }
}

/// A chunk cut inside a record (its framing says more bytes than it holds) is a break at that
/// record, found by the opening walk: the records before it, in the same chunk and in earlier
/// ones, are served, the chunks after it are not, and writes are refused.
#[tokio::test]
async fn a_chunk_cut_inside_a_record_is_a_break_at_that_record() {
    use antikor_server::projections::ReadModels;
    use antikor_server::store::{StoreError, keys};
    let dir = tempfile::tempdir().unwrap();
    // Three chunks of ten records: a writer opens a new chunk after a restart.
    for run in 0..3u64 {
        let store = open(dir.path());
        for n in 1..=10 {
            let e = event(run * 10 + n);
            store
                .append(request("bansko", "s", Any, vec![e]))
                .await
                .unwrap();
        }
        store.close().await.unwrap();
    }
    {
        let db = crate::support::open_files(dir.path());
        let chunks: Vec<_> = db.scan_prefix([keys::LOG]).map(Result::unwrap).collect();
        let firsts: Vec<u64> = chunks
            .iter()
            .map(|(k, _)| keys::position(k).unwrap())
            .collect();
        assert_eq!(firsts, [1, 11, 21]);
        let (key, chunk) = &chunks[1];
        db.insert(key, &chunk[..chunk.len() - 3]).unwrap();
        db.flush().unwrap();
    }
    let store = open(dir.path());
    assert_eq!(store.head().position, 19);
    match store.refusal() {
        Some(StoreError::ChainBroken(b)) => {
            assert_eq!(b.position, 20);
            assert!(b.reason.contains("framing"), "{}", b.reason);
        }
        other => panic!("writes are refused for the break, not {other:?}"),
    }
    assert_eq!(store.get(19).unwrap().unwrap().payload.get(), r#"{"n":19}"#);
    assert!(store.get(21).unwrap().is_none());
    let (models, report) = ReadModels::replay(&store, u64::MAX).unwrap();
    assert_eq!((report.records, report.first_break), (19, None));
    assert_eq!(models.position, 19);
}

/// The writer stores its open chunk again, grown, at every commit, and a read of one event
/// decodes only its block through a cache of decoded blocks: reads of the newest events while
/// commits grow their chunk always return the event written at that position, never a block
/// decoded from an earlier value of the chunk (or from another chunk's).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn single_reads_beside_a_writer_growing_its_open_chunk_read_what_was_written() {
    use serde_json::value::RawValue;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(crate::support::open_compressing(dir.path()));
    let done = Arc::new(AtomicBool::new(false));
    let readers: Vec<_> = (0..3)
        .map(|reader| {
            let (store, done) = (store.clone(), done.clone());
            std::thread::spawn(move || {
                let mut reads = 0u64;
                while !done.load(Ordering::Acquire) {
                    let head = store.head().position;
                    if head < 2 {
                        continue;
                    }
                    let older = 1 + (reads * 7919 + reader) % head;
                    for position in [head, head - 1, older] {
                        let event = store.get(position).unwrap().expect("a committed event");
                        let payload: serde_json::Value =
                            serde_json::from_str(event.payload.get()).unwrap();
                        assert_eq!(payload["n"], position, "the event read at {position}");
                        reads += 1;
                    }
                }
                reads
            })
        })
        .collect();
    for n in 1..=400u64 {
        let payload = format!(
            r#"{{"n":{n},"note":"Проведено заседание № {n} с участието на граждани и медии, протокол {}"}}"#,
            n * 31 % 997
        );
        let e = antikor_server::store::NewEvent {
            id: Uuid::new_v4(),
            event_type: "ProgressReported".into(),
            schema_version: 1,
            payload: RawValue::from_string(payload).unwrap(),
        };
        store
            .append(request("bansko", &format!("m{}", n % 5), Any, vec![e]))
            .await
            .unwrap();
    }
    done.store(true, Ordering::Release);
    let reads: u64 = readers.into_iter().map(|r| r.join().unwrap()).sum();
    assert!(reads > 400, "only {reads} reads beside the writer");
    assert_eq!(store.head().position, 400);
    for position in 1..=400 {
        let event = store.get(position).unwrap().unwrap();
        let payload: serde_json::Value = serde_json::from_str(event.payload.get()).unwrap();
        assert_eq!(payload["n"], position);
    }
    store.close().await.unwrap();
}

/// Logs written before chunks were compressed whole hold each record compressed on its own
/// (`hash ‖ 0 ‖ dictionary id ‖ length ‖ frame`, in chunks as they are): they read back,
/// verify and take new events, and their chunks stay as they were.
#[tokio::test]
async fn logs_whose_records_were_compressed_one_by_one_read_verify_and_grow() {
    use antikor_server::store::keys;

    let dir = tempfile::tempdir().unwrap();
    let store = crate::support::open_compressing(dir.path());
    for n in 0..120u64 {
        let event = event(n);
        store
            .append(request("bansko", &format!("m{}", n % 5), Any, vec![event]))
            .await
            .unwrap();
    }
    let head = store.head();
    let texts = |events: Vec<antikor_shared::RecordedEvent>| -> Vec<String> {
        events
            .iter()
            .map(|e| serde_json::to_string(e).unwrap())
            .collect()
    };
    let before = texts(store.read_all(1, 1000).unwrap());
    store.close().await.unwrap();
    drop(store);

    // Rewritten as an older build wrote it: every record of 60 bytes and more compressed on
    // its own with the log's dictionary, every chunk stored as it is.
    let old_chunks = {
        let db = crate::support::open_files(dir.path());
        let dictionary = db.get(keys::dictionary(1)).unwrap().unwrap();
        let mut compressor = zstd::bulk::Compressor::with_dictionary(3, &dictionary).unwrap();
        let mut old_chunks = Vec::new();
        let mut compressed = 0;
        for (key, _, chunk) in crate::support::unpacked_chunks(&db) {
            let mut old = Vec::new();
            for record in keys::records(&chunk) {
                let record = record.unwrap();
                let (hash, json) = record.split_at(32);
                if json.len() < 60 {
                    keys::push_record(&mut old, record);
                    continue;
                }
                let mut packed = hash.to_vec();
                packed.push(0);
                packed.extend_from_slice(&1u32.to_be_bytes());
                packed.extend_from_slice(&(json.len() as u32).to_be_bytes());
                packed.extend_from_slice(&compressor.compress(json).unwrap());
                keys::push_record(&mut old, &packed);
                compressed += 1;
            }
            db.insert(&key, old.clone()).unwrap();
            old_chunks.push((key, old));
        }
        assert!(
            compressed > 100,
            "{compressed} records compressed one by one"
        );
        db.flush().unwrap();
        old_chunks
    };

    let store = crate::support::open_compressing(dir.path());
    assert!(store.refusal().is_none());
    assert_eq!(store.head(), head);
    assert_eq!(texts(store.read_all(1, 1000).unwrap()), before);
    for position in [1, 60, head.position] {
        let got = texts(store.get(position).unwrap().into_iter().collect());
        assert_eq!(got[..], before[position as usize - 1..position as usize]);
    }
    for n in 120..130u64 {
        store
            .append(request("bansko", "m0", Any, vec![event(n)]))
            .await
            .unwrap();
    }
    store.close().await.unwrap();
    drop(store);

    let store = crate::support::open_compressing(dir.path());
    assert!(store.refusal().is_none());
    assert_eq!(store.head().position, head.position + 10);
    let report = store.verify().unwrap();
    assert_eq!(
        (report.records, report.first_break),
        (head.position + 10, None)
    );
    assert_eq!(
        texts(store.read_all(1, 1000).unwrap())[..before.len()],
        before[..]
    );
    store.close().await.unwrap();
    drop(store);
    let db = crate::support::open_files(dir.path());
    for (key, old) in old_chunks {
        assert!(
            db.get(&key).unwrap().unwrap() == old,
            "an older chunk was rewritten"
        );
    }
}

/// The Merkle tree on disk keeps only the roots of subtrees of 8 records and up; a tree chunk
/// that is missing, damaged, or laid out as before (every level stored) is rewritten from the
/// verified records by the next opening walk, and every root and proof is the one the records
/// give, its low levels recomputed from compressed records.
#[tokio::test]
async fn tree_chunks_missing_damaged_or_in_the_old_layout_are_rewritten_and_proofs_hold() {
    use antikor_server::store::compress::Unpacker;
    use antikor_server::store::{keys, tree::Frontier};
    use antikor_shared::tlog;
    use std::collections::BTreeMap;

    // A writer fills its chunk across commits and opens a new one when it starts: a restart
    // every 8 events makes chunks enough to damage in every way.
    let dir = tempfile::tempdir().unwrap();
    for part in 0..13u64 {
        let store = crate::support::open_compressing(dir.path());
        for n in part * 8..(part * 8 + 8).min(100) {
            store
                .append(request(
                    "bansko",
                    &format!("m{}", n % 5),
                    Any,
                    vec![event(n)],
                ))
                .await
                .unwrap();
        }
        store.close().await.unwrap();
    }
    let store = crate::support::open_compressing(dir.path());
    let size = store.head().position;
    store.close().await.unwrap();
    drop(store);

    // The tree chunks as written, each chunk's tree in the old layout, and the leaves and
    // roots the records give.
    let (written, old_layout, leaves, roots) = {
        let db = crate::support::open_files(dir.path());
        let written = tree_chunks(&db);
        let unpacker = Unpacker::default();
        let (mut frontier, mut old_layout) = (Frontier::default(), BTreeMap::new());
        let (mut leaves, mut roots) = (Vec::new(), vec![tlog::EMPTY_HASH]);
        for (key, _, chunk) in crate::support::unpacked_chunks(&db) {
            let mut every_level = Vec::new();
            for record in keys::records(&chunk) {
                let record = unpacker
                    .unpack(record.unwrap(), |id| db.get(keys::dictionary(id)))
                    .unwrap();
                let leaf = tlog::leaf_hash(&tlog::leaf_bytes(&record[32..]).unwrap());
                every_level.extend(frontier.push(leaf).iter().flat_map(|h| h.0));
                leaves.push(leaf);
                roots.push(frontier.root());
            }
            let position = keys::position(&key).unwrap();
            old_layout.insert(keys::tree(position).to_vec(), every_level);
        }
        assert_eq!(leaves.len() as u64, size);
        assert!(written.len() > 10, "{} tree chunks", written.len());
        db.flush().unwrap();
        (written, old_layout, leaves, roots)
    };
    {
        let db = crate::support::open_files(dir.path());
        for (n, (key, old)) in old_layout.iter().enumerate() {
            match n % 3 {
                0 => {
                    db.insert(key, old.clone()).unwrap();
                }
                1 => {
                    db.remove(key).unwrap();
                }
                _ => {
                    let mut damaged = written[key].clone();
                    if let Some(byte) = damaged.first_mut() {
                        *byte ^= 1;
                        db.insert(key, damaged).unwrap();
                    }
                }
            }
        }
        db.flush().unwrap();
    }

    let store = crate::support::open_compressing(dir.path());
    assert!(store.refusal().is_none());
    assert_eq!(store.head().root, roots[size as usize].0);
    for s in 1..=size {
        let root = roots[s as usize];
        assert_eq!(store.root_at(s).unwrap(), root, "root of {s}");
        let path = store.consistency_proof(s, size).unwrap();
        tlog::check_consistency(s, root, size, roots[size as usize], &path).unwrap();
        let path = store.inclusion_proof(s, size).unwrap();
        tlog::check_inclusion(leaves[s as usize - 1], s, size, roots[size as usize], &path)
            .unwrap();
    }
    store.close().await.unwrap();
    drop(store);
    let db = crate::support::open_files(dir.path());
    let rewritten = tree_chunks(&db);
    assert!(
        rewritten == written,
        "the tree chunks are rewritten as the writer wrote them"
    );
}

/// The Merkle tree chunks stored in a log's files, by key.
fn tree_chunks(db: &sled::Db) -> std::collections::BTreeMap<Vec<u8>, Vec<u8>> {
    db.scan_prefix([antikor_server::store::keys::TREE])
        .map(|item| item.unwrap())
        .map(|(k, v)| (k.to_vec(), v.to_vec()))
        .collect()
}
