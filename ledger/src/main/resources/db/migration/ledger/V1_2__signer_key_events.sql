-- A party's signer keys are aggregates of their own in the event table (docs/signer-keys.md): a
-- few rows among millions of agreements' events, found by this index without reading the others.
CREATE INDEX domain_event_entry_signer_key ON domain_event_entry (global_index) WHERE type = 'SignerKey';
