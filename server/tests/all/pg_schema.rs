//! The PostgreSQL schema (`migrations/postgres`): each version applied once however many
//! servers start together, all or nothing, refused by a server older than the database; and a
//! log table that itself refuses what would not verify, and any change to what it holds.

use antikor_e2e::postgres::Cluster;
use antikor_migrations::postgres::{Migration, POSTGRES};
use antikor_server::store::postgres::{describe, migrate, migrate_to};
use antikor_server::store::record::{self, Canonical};
use serde_json::value::RawValue;
use tokio_postgres::Client;
use uuid::Uuid;

async fn versions(client: &Client) -> Vec<i32> {
    client
        .query("SELECT version FROM antikor_schema ORDER BY version", &[])
        .await
        .unwrap()
        .iter()
        .map(|row| row.get(0))
        .collect()
}

#[tokio::test]
async fn each_version_is_applied_once_however_many_servers_start_together() {
    let cluster = Cluster::start();
    drop(cluster.database("antikor").await);
    let mut servers = Vec::new();
    for _ in 0..4 {
        servers.push(cluster.connect("antikor").await);
    }
    let applied = futures::future::join_all(servers.iter_mut().map(migrate)).await;
    let applied: Vec<u32> = applied.into_iter().flat_map(Result::unwrap).collect();
    let all: Vec<u32> = POSTGRES.iter().map(|m| m.version).collect();
    assert_eq!(applied, all, "every version by exactly one of them");
    assert!(migrate(&mut servers[0]).await.unwrap().is_empty());
    let all: Vec<i32> = POSTGRES.iter().map(|m| m.version as i32).collect();
    assert_eq!(versions(&servers[0]).await, all);
}

#[tokio::test]
async fn a_version_that_fails_leaves_nothing_and_a_newer_database_is_refused() {
    let cluster = Cluster::start();
    let mut client = cluster.database("antikor").await;
    let broken = [
        POSTGRES[0],
        Migration {
            version: 2,
            name: "half a version",
            sql: "CREATE TABLE half (x INTEGER); SELECT no_such_function();",
        },
    ];
    let refused = migrate_to(&mut client, &broken).await.unwrap_err();
    assert!(refused.to_string().contains("half a version"), "{refused}");
    assert_eq!(versions(&client).await, vec![1], "version 1 stays applied");
    let half = client
        .query_one("SELECT to_regclass('half') IS NULL", &[])
        .await
        .unwrap();
    assert!(half.get::<_, bool>(0), "nothing of version 2 is left");

    let next = POSTGRES.len() as u32 + 1;
    let later: Vec<Migration> = POSTGRES
        .iter()
        .copied()
        .chain([Migration {
            version: next,
            name: "a later server's",
            sql: "CREATE TABLE later (x INTEGER)",
        }])
        .collect();
    let applied = migrate_to(&mut client, &later).await.unwrap();
    assert_eq!(applied.last(), Some(&next));
    let refused = migrate(&mut client).await.unwrap_err();
    assert!(
        refused.to_string().contains("newer than this server knows"),
        "{refused}"
    );
}

/// A record of the log, chained to `prev`, as the writer encodes it.
fn record(prev: &[u8; 32], position: u64, id: Uuid, stream: &str, version: u64) -> Vec<u8> {
    let payload = RawValue::from_string(r#"{"note":"Проведено заседание"}"#.to_owned()).unwrap();
    let canonical = Canonical {
        position,
        tenant: "bansko",
        stream,
        version,
        id,
        event_type: "MeetingHeld",
        schema_version: 1,
        recorded_at: "2026-12-03T10:00:00.000000Z",
        actor: "bansko.officer",
        correlation_id: Uuid::nil(),
        causation_id: None,
        payload: &payload,
    };
    record::encode(prev, &canonical).1
}

async fn insert(
    client: &Client,
    position: u64,
    id: Uuid,
    stream: &str,
    version: u64,
    record: &[u8],
) -> Result<u64, String> {
    client
        .execute(
            "INSERT INTO log_records (position, id, tenant, stream, version, event_type, record)
             VALUES ($1, $2, 'bansko', $3, $4, 'MeetingHeld', $5)",
            &[
                &i64::try_from(position).unwrap(),
                &id,
                &stream,
                &i64::try_from(version).unwrap(),
                &record,
            ],
        )
        .await
        .map_err(|e| describe(&e))
}

#[tokio::test]
async fn the_log_table_takes_only_records_that_continue_the_chain_and_changes_none() {
    let cluster = Cluster::start();
    let mut client = cluster.database("antikor").await;
    migrate(&mut client).await.unwrap();
    let zeros = [0u8; 32];
    let ids: Vec<Uuid> = (0..4).map(|_| Uuid::new_v4()).collect();

    let first = record(&zeros, 1, ids[0], "activity-a", 1);
    insert(&client, 1, ids[0], "activity-a", 1, &first)
        .await
        .unwrap();
    let first_hash: [u8; 32] = first[..32].try_into().unwrap();
    let second = record(&first_hash, 2, ids[1], "activity-a", 2);

    // A gap, and a record chained to something else than its predecessor.
    let gap = insert(&client, 3, ids[1], "activity-a", 2, &second).await;
    assert!(gap.unwrap_err().contains("takes position 2 next"));
    let unlinked = record(&zeros, 2, ids[1], "activity-a", 2);
    let refused = insert(&client, 2, ids[1], "activity-a", 2, &unlinked).await;
    assert!(refused.unwrap_err().contains("does not link"));
    insert(&client, 2, ids[1], "activity-a", 2, &second)
        .await
        .unwrap();

    // An id stored already, and a stream version taken already, even with a good link.
    let second_hash: [u8; 32] = second[..32].try_into().unwrap();
    let again = record(&second_hash, 3, ids[0], "activity-b", 1);
    assert!(
        insert(&client, 3, ids[0], "activity-b", 1, &again)
            .await
            .is_err()
    );
    let taken = record(&second_hash, 3, ids[2], "activity-a", 2);
    assert!(
        insert(&client, 3, ids[2], "activity-a", 2, &taken)
            .await
            .is_err()
    );

    // Several records in one statement, as a writer commits a batch: each continues the one
    // before it.
    let third = record(&second_hash, 3, ids[2], "activity-b", 1);
    let third_hash: [u8; 32] = third[..32].try_into().unwrap();
    let fourth = record(&third_hash, 4, ids[3], "activity-b", 2);
    client
        .execute(
            "INSERT INTO log_records (position, id, tenant, stream, version, event_type, record)
             VALUES (3, $1, 'bansko', 'activity-b', 1, 'MeetingHeld', $2),
                    (4, $3, 'bansko', 'activity-b', 2, 'MeetingHeld', $4)",
            &[&ids[2], &third, &ids[3], &fourth],
        )
        .await
        .map_err(|e| describe(&e))
        .unwrap();

    // Nothing stored changes.
    for statement in [
        "UPDATE log_records SET event_type = 'Forged' WHERE position = 1",
        "DELETE FROM log_records WHERE position = 2",
        "TRUNCATE log_records",
    ] {
        let refused = client.batch_execute(statement).await.unwrap_err();
        assert!(describe(&refused).contains("append-only"), "{statement}");
    }
    client
        .execute(
            "INSERT INTO log_tree (index, hash) VALUES (0, $1)",
            &[&&first_hash[..]],
        )
        .await
        .unwrap();
    let refused = client
        .batch_execute("UPDATE log_tree SET hash = sha256('x') WHERE index = 0")
        .await
        .unwrap_err();
    assert!(describe(&refused).contains("append-only"));

    // What it holds verifies as the sled log's records do: the same bytes.
    let rows = client
        .query(
            "SELECT position, record FROM log_records ORDER BY position",
            &[],
        )
        .await
        .unwrap();
    let mut prev = zeros;
    for row in &rows {
        let position = u64::try_from(row.get::<_, i64>(0)).unwrap();
        let stored: Vec<u8> = row.get(1);
        prev = record::link(position, &prev, &stored).unwrap().0;
    }
    assert_eq!(rows.len(), 4);
    assert_eq!(prev, fourth[..32]);
}
