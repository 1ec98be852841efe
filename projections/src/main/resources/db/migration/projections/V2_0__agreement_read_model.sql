-- The agreements as they stand now, fed by the agreement-projection event processor. Text columns
-- carry no length limit: the projection must never get stuck on a value the ledger accepted.
CREATE TABLE agreement_view (
    agreement_id         UUID PRIMARY KEY,
    title                TEXT    NOT NULL,
    kind                 TEXT    NOT NULL,
    sector               TEXT    NOT NULL,
    amount               NUMERIC NOT NULL,
    currency             TEXT    NOT NULL,
    occasion             TEXT,
    proposed_on          DATE    NOT NULL,
    proposed_by          TEXT    NOT NULL,
    status               TEXT    NOT NULL,
    fully_signed_on      DATE,
    declined_by_party    TEXT,
    declined_on          DATE,
    decline_reason       TEXT,
    withdrawn_on         DATE,
    withdrawal_reason    TEXT,
    certificate_no       TEXT,
    certified_on         DATE,
    revoked_on           DATE,
    revocation_reason    TEXT,
    -- the sequence number of the agreement's last event applied here: an event at or below it is
    -- never applied twice
    last_sequence_number BIGINT  NOT NULL
);

-- the list's stable order, newest proposal first
CREATE INDEX agreement_view_listing ON agreement_view (proposed_on DESC, agreement_id);
CREATE INDEX agreement_view_status ON agreement_view (status);

CREATE TABLE agreement_party_view (
    agreement_id      UUID    NOT NULL REFERENCES agreement_view ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    party_id          TEXT    NOT NULL,
    name              TEXT    NOT NULL,
    organisation_type TEXT    NOT NULL,
    city              TEXT    NOT NULL,
    country           TEXT    NOT NULL,
    signed_on         DATE,
    PRIMARY KEY (agreement_id, position),
    UNIQUE (agreement_id, party_id)
);

CREATE INDEX agreement_party_view_place ON agreement_party_view (city, country);
CREATE INDEX agreement_party_view_country ON agreement_party_view (country);
