-- The version of the totals: raised in every transaction that changes them (after the buckets, so
-- that writers still take their locks in one order) and by a rebuild that swaps new tables in. A
-- reader keeps the answers it computed at a version for as long as the version has not moved.
CREATE TABLE totals_version (
    only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    version  BIGINT  NOT NULL
);

INSERT INTO totals_version (version) VALUES (0);
