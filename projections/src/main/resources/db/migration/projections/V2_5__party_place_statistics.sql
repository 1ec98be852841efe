-- A place is a city with its country, and the two are far from independent: PostgreSQL, multiplying
-- their frequencies, took a city of a country with few cities (Samarkand, UZ) to hold thirty times
-- fewer parties than it does, and planned listings by that place as if it held a handful. Statistics
-- on the pair give it the place's real share.
CREATE STATISTICS agreement_party_view_place_statistics (mcv, dependencies) ON city, country
    FROM agreement_party_view;

ANALYZE agreement_party_view;
