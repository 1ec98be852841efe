-- A filtered listing reads its page straight from an index in the listing's order (newest proposal
-- first, then agreement id) for each filter: status, sector, occasion and kind; a
-- year filter is a range of the listing index itself. A place is found through the parties.
DROP INDEX agreement_view_status;
CREATE INDEX agreement_view_status_listing ON agreement_view (status, proposed_on DESC, agreement_id);
CREATE INDEX agreement_view_sector_listing ON agreement_view (sector, proposed_on DESC, agreement_id);
CREATE INDEX agreement_view_occasion_listing ON agreement_view (occasion, proposed_on DESC, agreement_id);
CREATE INDEX agreement_view_kind_listing ON agreement_view (kind, proposed_on DESC, agreement_id);
DROP INDEX agreement_party_view_place;
CREATE INDEX agreement_party_view_place ON agreement_party_view (city, country, agreement_id);
DROP INDEX agreement_party_view_country;
CREATE INDEX agreement_party_view_country ON agreement_party_view (country, agreement_id);
