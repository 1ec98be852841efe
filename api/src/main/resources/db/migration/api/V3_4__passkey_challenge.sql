-- The challenges the ledger issued for a signer's passkey registrations (docs/signer-keys.md): a
-- registration is accepted only when it answers one issued to the same signer, unused and unexpired.
CREATE TABLE passkey_challenge (
    challenge  VARCHAR(64)  PRIMARY KEY,
    signer_id  VARCHAR(255) NOT NULL,
    issued_to  VARCHAR(255) NOT NULL,
    issued_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ  NOT NULL,
    used_at    TIMESTAMPTZ
);

CREATE INDEX passkey_challenge_expiry ON passkey_challenge (expires_at);
