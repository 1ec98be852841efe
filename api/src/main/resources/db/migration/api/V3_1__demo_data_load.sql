-- The first-start demo load, marked started before its first command and finished after its last,
-- so that a load cut short by a crash is finished on the next start. One row at most.
CREATE TABLE demo_data_first_load (
    only_row     BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    started_at   TIMESTAMPTZ NOT NULL,
    completed_at TIMESTAMPTZ
);
