-- Every chain readable from one index, in the order the ledger digest takes the chains, so that
-- verification follows every link and recomputes every recorded digest in one pass over that index,
-- without the rows, without sorting and without holding the heads:
-- * agreement ids compare byte by byte (COLLATE "C"), the digest's order, whatever the database's
--   locale (agreement ids are lowercase UUIDs, which every locale orders alike; its rules only cost);
-- * each event's hash and previous hash, kept in its metadata (the JSON the hash covers), are
--   derived into columns by the database itself, so that no writer can set them apart from it;
-- * the (agreement, sequence) index carries them with the global position.
DROP VIEW ledger_event;

-- convert_from is STABLE only because a database's encoding could differ; a database's encoding
-- never changes, so the metadata's fields are a function of its bytes.
CREATE FUNCTION ledger_meta_data_field(meta_data BYTEA, field TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT convert_from(meta_data, 'UTF8')::jsonb ->> field $$;

ALTER TABLE domain_event_entry
    ALTER COLUMN aggregate_identifier TYPE VARCHAR(255) COLLATE "C",
    ADD COLUMN chain_hash TEXT GENERATED ALWAYS AS (ledger_meta_data_field(meta_data, 'hash')) STORED,
    ADD COLUMN chain_previous_hash TEXT GENERATED ALWAYS AS (ledger_meta_data_field(meta_data, 'previousHash')) STORED,
    DROP CONSTRAINT domain_event_entry_aggregate_sequence,
    ADD CONSTRAINT domain_event_entry_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number)
        INCLUDE (global_index, chain_hash, chain_previous_hash);

-- For auditors reading with plain SQL (as in V1_0).
CREATE VIEW ledger_event AS
SELECT global_index,
       aggregate_identifier                  AS agreement_id,
       sequence_number,
       payload_type,
       convert_from(payload, 'UTF8')::jsonb  AS payload,
       convert_from(meta_data, 'UTF8')::jsonb AS meta_data,
       time_stamp
FROM domain_event_entry;
