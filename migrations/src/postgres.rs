//! The PostgreSQL schema, in versions applied in order and never changed once released.
//!
//! A database records which versions it has (`antikor_schema`); the server applies the ones it
//! lacks at start. A change to the schema is a new version with the next number: an applied
//! version is never edited, since databases that ran it would then differ from new ones.

/// One version of the schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Migration {
    /// 1, 2, 3, … in the order they are applied.
    pub version: u32,
    /// What it adds, in a few words.
    pub name: &'static str,
    /// Its statements, run in one transaction.
    pub sql: &'static str,
}

/// Every version, oldest first.
pub const POSTGRES: &[Migration] = &[
    Migration {
        version: 1,
        name: "the event log",
        sql: include_str!("../postgres/0001_event_log.sql"),
    },
    Migration {
        version: 2,
        name: "a tenant's events in order",
        sql: include_str!("../postgres/0002_tenant_pages.sql"),
    },
    Migration {
        version: 3,
        name: "the state beside the log",
        sql: include_str!("../postgres/0003_state_tables.sql"),
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_count_up_from_one_without_gaps() {
        for (i, migration) in POSTGRES.iter().enumerate() {
            assert_eq!(migration.version as usize, i + 1, "{}", migration.name);
            assert!(!migration.sql.trim().is_empty(), "{}", migration.name);
        }
    }
}
