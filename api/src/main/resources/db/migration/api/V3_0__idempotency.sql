-- The first answer to each (actor, Idempotency-Key), written in the same transaction as the
-- events of the command it answers: a retry finds either both or neither.
CREATE TABLE idempotent_request (
    actor             VARCHAR(255) NOT NULL,
    idempotency_key   VARCHAR(255) NOT NULL,
    fingerprint       CHAR(64)     NOT NULL,
    response_status   INTEGER,
    response_location VARCHAR(1000),
    response_body     TEXT,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (actor, idempotency_key)
);
