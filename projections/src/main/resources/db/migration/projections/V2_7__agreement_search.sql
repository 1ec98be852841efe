-- Searching agreements by words of their title or of a party's name: trigram indexes answer a
-- case-insensitive substring match (ILIKE '%words%') without reading the tables whole.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX agreement_view_title_search ON agreement_view USING gin (title gin_trgm_ops);
CREATE INDEX agreement_party_view_name_search ON agreement_party_view USING gin (name gin_trgm_ops);
