-- The state kept beside the log, shared by every server on the database (see the server's
-- `tables` module): password hashes, sessions and their CSRF tokens, throttled failures, the
-- vault's wrapped signal keys and encrypted attachments, the evidence files. Each is a named
-- table of keys and values, as the sled trees of a data folder are; keys order as bytes, so
-- that a prefix is a range.
CREATE TABLE state_entries (
    tree  TEXT  NOT NULL,
    key   BYTEA NOT NULL,
    value BYTEA NOT NULL,
    PRIMARY KEY (tree, key)
);
