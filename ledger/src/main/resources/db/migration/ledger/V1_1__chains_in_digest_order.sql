-- Agreement ids compare byte by byte (COLLATE "C"), whatever the database's locale: the
-- (agreement, sequence) index then gives the chains in the order the ledger digest takes them, so
-- that verification follows every link and recomputes every recorded digest in one pass over that
-- index, and a digest is recorded from it, without sorting and without holding the heads. Agreement
-- ids are lowercase UUIDs, which every locale orders alike; the locale's rules only cost.
DROP VIEW ledger_event;

ALTER TABLE domain_event_entry ALTER COLUMN aggregate_identifier TYPE VARCHAR(255) COLLATE "C";

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
