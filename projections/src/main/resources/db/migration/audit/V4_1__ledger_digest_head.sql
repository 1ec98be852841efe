-- The chain heads a recorded digest was taken over, kept for the chains that moved since the digest
-- before it (all chains for the first): together they give every head of every digest, so that
-- verification names the chain a later rewrite or deletion took events from. Digests recorded
-- before this table existed have no rows here.
CREATE TABLE ledger_digest_head (
    -- a ledger_digest id; no foreign key, so that both tables refuse a TRUNCATE with the same words
    digest_id       BIGINT   NOT NULL,
    agreement_id    TEXT     NOT NULL,
    sequence_number BIGINT   NOT NULL CHECK (sequence_number >= 0),
    hash            CHAR(64) NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
    PRIMARY KEY (digest_id, agreement_id)
);

CREATE TRIGGER ledger_digest_head_append_only
    BEFORE UPDATE OR DELETE ON ledger_digest_head
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();

CREATE TRIGGER ledger_digest_head_no_truncate
    BEFORE TRUNCATE ON ledger_digest_head
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();
