-- The event log on PostgreSQL: the same records as the sled log, one row each, in position
-- order, never changed. The database itself refuses a record that does not continue the log
-- (a gap, a record out of order, a hash that does not link to its predecessor), so neither a
-- faulty server nor a hand-typed statement can leave a history that does not verify.
--
-- Appends from several servers are serialised by the writer's transaction-scoped advisory
-- lock (pg_advisory_xact_lock on the log's key): each takes the head, appends after it and
-- commits before the next one reads it.

CREATE TABLE log_records (
    -- Place in the whole log: 1, 2, 3, … without gaps.
    position   BIGINT PRIMARY KEY CHECK (position > 0),
    -- The event's id; appending the same id again is a retry, never a second event.
    id         UUID   NOT NULL UNIQUE,
    tenant     TEXT   NOT NULL,
    stream     TEXT   NOT NULL,
    -- Place in the stream, for the optimistic concurrency check of appends.
    version    BIGINT NOT NULL CHECK (version > 0),
    event_type TEXT   NOT NULL,
    -- As the sled log stores it: the chain hash (SHA-256 of the previous record's hash and
    -- this record's canonical JSON), then the canonical JSON.
    record     BYTEA  NOT NULL CHECK (length(record) > 32),
    UNIQUE (tenant, stream, version)
);

-- The reads of a tenant's events of one type, newest first or oldest first.
CREATE INDEX log_records_by_type ON log_records (tenant, event_type, position);

-- The Merkle tree's stored hashes (RFC 6962 / tlog: each hash under its stored-hash index),
-- written in the same transaction as the records they cover.
CREATE TABLE log_tree (
    index BIGINT PRIMARY KEY CHECK (index >= 0),
    hash  BYTEA  NOT NULL CHECK (length(hash) = 32)
);

-- A record continues the log: it takes the next position, and its hash links to the
-- previous record's (or to 32 zero bytes for the first).
CREATE FUNCTION log_record_continues() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    previous BYTEA;
    last     BIGINT;
BEGIN
    SELECT position, substring(record FROM 1 FOR 32) INTO last, previous
      FROM log_records ORDER BY position DESC LIMIT 1;
    IF NEW.position <> coalesce(last, 0) + 1 THEN
        RAISE EXCEPTION 'the event log takes position % next, not %', coalesce(last, 0) + 1, NEW.position
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF sha256(coalesce(previous, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea)
              || substring(NEW.record FROM 33)) <> substring(NEW.record FROM 1 FOR 32) THEN
        RAISE EXCEPTION 'the record at position % does not link to its predecessor', NEW.position
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER log_records_continue BEFORE INSERT ON log_records
    FOR EACH ROW EXECUTE FUNCTION log_record_continues();

-- History is never changed: no update, no delete, no truncation of the log or its tree.
CREATE FUNCTION log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the event log is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE TRIGGER log_records_append_only BEFORE UPDATE OR DELETE ON log_records
    FOR EACH ROW EXECUTE FUNCTION log_refuse_change();
CREATE TRIGGER log_records_never_truncated BEFORE TRUNCATE ON log_records
    FOR EACH STATEMENT EXECUTE FUNCTION log_refuse_change();
CREATE TRIGGER log_tree_append_only BEFORE UPDATE OR DELETE ON log_tree
    FOR EACH ROW EXECUTE FUNCTION log_refuse_change();
CREATE TRIGGER log_tree_never_truncated BEFORE TRUNCATE ON log_tree
    FOR EACH STATEMENT EXECUTE FUNCTION log_refuse_change();
