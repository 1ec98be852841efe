-- Axon's event store, token store and snapshot table, in snake_case, for the JDBC storage engine.

-- The global index is an identity that allocates by 1 (no cached blocks), so the global order
-- has gaps only where a transaction rolled back or has yet to commit.
CREATE TABLE domain_event_entry (
    global_index         BIGINT GENERATED ALWAYS AS IDENTITY (START WITH 1 INCREMENT BY 1 CACHE 1) PRIMARY KEY,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    -- payload and metadata are JSON text in bytea: readable with convert_from(payload, 'UTF8')::jsonb
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    time_stamp           VARCHAR(255) NOT NULL,
    CONSTRAINT domain_event_entry_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT domain_event_entry_payload_is_json CHECK (convert_from(payload, 'UTF8')::jsonb IS NOT NULL),
    CONSTRAINT domain_event_entry_meta_data_is_json CHECK (meta_data IS NULL OR convert_from(meta_data, 'UTF8')::jsonb IS NOT NULL)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    time_stamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregate_identifier, sequence_number)
);

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

-- The event table is append-only in the database itself, whoever connects.
CREATE FUNCTION refuse_event_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'the event store is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER domain_event_entry_append_only
    BEFORE UPDATE OR DELETE ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();

CREATE TRIGGER domain_event_entry_no_truncate
    BEFORE TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();

-- For auditors reading with plain SQL.
CREATE VIEW ledger_event AS
SELECT global_index,
       aggregate_identifier                  AS agreement_id,
       sequence_number,
       payload_type,
       convert_from(payload, 'UTF8')::jsonb  AS payload,
       convert_from(meta_data, 'UTF8')::jsonb AS meta_data,
       time_stamp
FROM domain_event_entry;
