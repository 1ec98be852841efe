-- The signing intents the ledger issued (docs/signer-keys.md): what a party's key is to sign,
-- byte for byte, with a nonce that is used once and expires. A signature is accepted only over an
-- intent found here, unused and unexpired; marking it used belongs to the transaction of the
-- command it signs, so that a refused command leaves it unused.
CREATE TABLE signing_intent (
    nonce        VARCHAR(32)  PRIMARY KEY,
    agreement_id UUID         NOT NULL,
    party_id     VARCHAR(255) NOT NULL,
    action       VARCHAR(16)  NOT NULL,
    key_id       VARCHAR(255) NOT NULL,
    intent       BYTEA        NOT NULL,
    issued_to    VARCHAR(255) NOT NULL,
    issued_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ  NOT NULL,
    used_at      TIMESTAMPTZ
);

CREATE INDEX signing_intent_expiry ON signing_intent (expires_at);
