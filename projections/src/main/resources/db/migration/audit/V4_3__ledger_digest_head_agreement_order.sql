-- The heads the digests kept, read agreement by agreement beside the event table's chains (V1_1):
-- in the same byte order, from an index rather than a sort of every head ever kept.
ALTER TABLE ledger_digest_head ALTER COLUMN agreement_id TYPE TEXT COLLATE "C";

CREATE INDEX ledger_digest_head_by_agreement ON ledger_digest_head (agreement_id, digest_id);
