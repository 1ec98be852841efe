-- Intents to approve a party's key with another of its approved keys (docs/signer-keys.md) are kept
-- with the agreements' signing intents, under one nonce space: they name no agreement, and their
-- action is 'approve-key'.
ALTER TABLE signing_intent ALTER COLUMN agreement_id DROP NOT NULL;
