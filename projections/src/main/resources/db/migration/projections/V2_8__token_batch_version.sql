-- How many batches the segment's token has been stored by: a node stores the next one only on top
-- of the version it holds, so a batch whose commit was lost shows (BatchGuardedTokenStore).
ALTER TABLE token_entry ADD COLUMN batch_version BIGINT NOT NULL DEFAULT 0;
