-- The ledger as an RFC 6962 Merkle log: one leaf per event, in the order events were integrated
-- (global index order behind the stable position), leaf indexes dense from 0 although global indexes
-- have holes. A leaf's input is the event's 32-byte hash, which covers its whole stored content.
CREATE TABLE merkle_leaf (
    leaf_index   BIGINT PRIMARY KEY CHECK (leaf_index >= 0),
    global_index BIGINT NOT NULL UNIQUE,
    leaf_hash    BYTEA  NOT NULL CHECK (octet_length(leaf_hash) = 32)
);

-- The root of every complete perfect subtree: level L, index I covers the leaves
-- [I * 2^L, (I + 1) * 2^L). Any root or proof needs O(log n) of them, never the whole tree.
CREATE TABLE merkle_node (
    level      INTEGER NOT NULL CHECK (level >= 1),
    node_index BIGINT  NOT NULL CHECK (node_index >= 0),
    hash       BYTEA   NOT NULL CHECK (octet_length(hash) = 32),
    PRIMARY KEY (level, node_index)
);

CREATE TRIGGER merkle_leaf_append_only BEFORE UPDATE OR DELETE ON merkle_leaf
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER merkle_leaf_no_truncate BEFORE TRUNCATE ON merkle_leaf
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER merkle_node_append_only BEFORE UPDATE OR DELETE ON merkle_node
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER merkle_node_no_truncate BEFORE TRUNCATE ON merkle_node
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();

-- The signed checkpoints of the log (C2SP tlog-checkpoint notes), one per size signed. Also written,
-- one file each, to a directory outside the database, so that a copy survives a database rewrite.
CREATE TABLE ledger_checkpoint (
    tree_size BIGINT      PRIMARY KEY CHECK (tree_size >= 0),
    root_hash BYTEA       NOT NULL CHECK (octet_length(root_hash) = 32),
    note      TEXT        NOT NULL,
    signed_at TIMESTAMPTZ NOT NULL
);

CREATE TRIGGER ledger_checkpoint_append_only BEFORE UPDATE OR DELETE ON ledger_checkpoint
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER ledger_checkpoint_no_truncate BEFORE TRUNCATE ON ledger_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();
