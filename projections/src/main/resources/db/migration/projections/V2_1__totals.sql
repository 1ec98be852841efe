-- Pre-aggregated totals at the finest grain of each way of counting an agreement:
--   AGREEMENT: once per agreement (city and country are '')
--   COUNTRY:   once per distinct country among its parties (city is '')
--   CITY:      once per distinct (city, country) among its parties
-- A query sums the rows of one grain over the dimensions it does not group by; '' stands for
-- "not part of this grain" and for "no occasion", since key columns cannot be NULL.
CREATE TABLE totals_bucket (
    grain           TEXT    NOT NULL,
    stage           TEXT    NOT NULL,
    year            INTEGER NOT NULL,
    sector          TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    occasion        TEXT    NOT NULL,
    country         TEXT    NOT NULL,
    city            TEXT    NOT NULL,
    currency        TEXT    NOT NULL,
    agreement_count BIGINT  NOT NULL,
    amount          NUMERIC NOT NULL,
    -- no CHECK (agreement_count >= 0): PostgreSQL checks the row proposed for insertion, which for
    -- a change that takes an agreement away is negative; the reconciliation checks the counts
    PRIMARY KEY (grain, stage, year, sector, kind, occasion, country, city, currency)
);

CREATE INDEX totals_bucket_place ON totals_bucket (grain, stage, city, country);
