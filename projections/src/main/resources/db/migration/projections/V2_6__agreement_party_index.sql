-- The agreements of one party, and a signatory's to-do list (its party's proposed agreements it
-- has yet to sign), are found through the parties by party id.
CREATE INDEX agreement_party_view_party ON agreement_party_view (party_id, agreement_id);
