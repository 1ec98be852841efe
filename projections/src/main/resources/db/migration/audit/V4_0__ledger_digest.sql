-- Ledger digests: each is one SHA-256 over the heads of all agreements' hash chains as of a global
-- position (the definition is in LedgerDigest.java and docs/audit-trail.md). Recorded now and then
-- and on demand, they show any later rewrite of the events they cover, even with recomputed hashes.
CREATE TABLE ledger_digest (
    id                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    covers_through_position BIGINT      NOT NULL CHECK (covers_through_position >= 0),
    chain_count             INTEGER     NOT NULL CHECK (chain_count >= 0),
    digest                  CHAR(64)    NOT NULL CHECK (digest ~ '^[0-9a-f]{64}$'),
    recorded_at             TIMESTAMPTZ NOT NULL,
    -- one digest per position: nodes racing to record the same one keep the first
    CONSTRAINT ledger_digest_one_per_position UNIQUE (covers_through_position)
);

-- Append-only like the events themselves, with the same refusal (it names the table).
CREATE TRIGGER ledger_digest_append_only
    BEFORE UPDATE OR DELETE ON ledger_digest
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();

CREATE TRIGGER ledger_digest_no_truncate
    BEFORE TRUNCATE ON ledger_digest
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();
