//! The PostgreSQL schema: brings a database to the version this server knows.
//!
//! The versions are `antikor_migrations::postgres::POSTGRES`. Each is applied in a transaction of
//! its own, recorded in `antikor_schema` in the same transaction, under an advisory lock held
//! for the whole run: servers that start together on one database apply each version once, and
//! one that finds a version newer than it knows refuses to run on that database.

use super::StoreError;
use antikor_migrations::postgres::{Migration, POSTGRES};
use tokio_postgres::Client;

/// The advisory lock key under which the schema is brought up to date ("antikor schema").
const SCHEMA_LOCK: i64 = 0x616e_7469_6b6f_7201;

/// Applies the versions of the schema that the database lacks, oldest first, and returns the
/// ones applied (none when it was up to date).
pub async fn migrate(client: &mut Client) -> Result<Vec<u32>, StoreError> {
    migrate_to(client, POSTGRES).await
}

/// [`migrate`], with the versions given (tests bring a database past what this server knows).
pub async fn migrate_to(
    client: &mut Client,
    migrations: &[Migration],
) -> Result<Vec<u32>, StoreError> {
    // A session lock, so that the check and every version are applied by one server at a
    // time (even the table of versions: `CREATE TABLE IF NOT EXISTS` run by two at once fails
    // in one of them); released below, or by the database when the connection ends.
    client
        .execute("SELECT pg_advisory_lock($1)", &[&SCHEMA_LOCK])
        .await
        .map_err(failed)?;
    let applied = apply(client, migrations).await;
    let unlocked = client
        .execute("SELECT pg_advisory_unlock($1)", &[&SCHEMA_LOCK])
        .await
        .map_err(failed);
    let applied = applied?;
    unlocked?;
    Ok(applied)
}

async fn apply(client: &mut Client, migrations: &[Migration]) -> Result<Vec<u32>, StoreError> {
    client
        .batch_execute(
            "CREATE TABLE IF NOT EXISTS antikor_schema (
                 version    INTEGER PRIMARY KEY,
                 name       TEXT NOT NULL,
                 applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
             )",
        )
        .await
        .map_err(failed)?;
    let newest: i32 = client
        .query_one("SELECT coalesce(max(version), 0) FROM antikor_schema", &[])
        .await
        .map_err(failed)?
        .get(0);
    let known = migrations.last().map_or(0, |m| m.version);
    if newest > i32::try_from(known).unwrap_or(i32::MAX) {
        return Err(StoreError::Io(format!(
            "the database's schema is at version {newest}, newer than this server knows ({known}): run the newer server, or restore a database it wrote"
        )));
    }
    let mut applied = Vec::new();
    for migration in migrations
        .iter()
        .filter(|m| i64::from(m.version) > i64::from(newest))
    {
        let version = i32::try_from(migration.version).expect("versions are small");
        let transaction = client.transaction().await.map_err(failed)?;
        transaction
            .batch_execute(migration.sql)
            .await
            .map_err(|e| {
                StoreError::Io(format!(
                    "applying version {} of the schema ({}) failed: {}",
                    migration.version,
                    migration.name,
                    describe(&e)
                ))
            })?;
        transaction
            .execute(
                "INSERT INTO antikor_schema (version, name) VALUES ($1, $2)",
                &[&version, &migration.name],
            )
            .await
            .map_err(failed)?;
        transaction.commit().await.map_err(failed)?;
        tracing::info!(
            version = migration.version,
            name = migration.name,
            "applied a version of the database's schema"
        );
        applied.push(migration.version);
    }
    Ok(applied)
}

/// A failure of the client or of the database as a [`StoreError`]: the connection lost, or the
/// database starting or stopping, is [`StoreError::Unreachable`]; anything else, a statement
/// the database refused, is [`StoreError::Io`].
pub(super) fn failed(e: tokio_postgres::Error) -> StoreError {
    use tokio_postgres::error::SqlState;
    let unreachable = match e.code() {
        // Class 08 (connection exception) and 57 (operator intervention: shutting down,
        // cannot connect now), and no connection left.
        Some(code) => {
            matches!(&code.code()[..2], "08" | "57") || *code == SqlState::TOO_MANY_CONNECTIONS
        }
        None => {
            e.is_closed() || std::error::Error::source(&e).is_some_and(|s| s.is::<std::io::Error>())
        }
    };
    if unreachable {
        StoreError::Unreachable(describe(&e))
    } else {
        StoreError::Io(format!("PostgreSQL: {}", describe(&e)))
    }
}

/// The server's own message when it sent one (the client's `Display` says only "db error");
/// else the client's, with what caused it ("error performing TLS handshake: invalid peer
/// certificate: UnknownIssuer").
pub fn describe(e: &tokio_postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return db.message().to_owned();
    }
    let mut said = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        said.push_str(&format!(": {c}"));
        cause = c.source();
    }
    said
}
