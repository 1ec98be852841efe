package org.agreementledger.projections.agreement;

import org.agreementledger.ledger.domain.CooperationKind;
import org.agreementledger.projections.agreement.AgreementRow.PartyRow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads and writes the agreement read model's tables a batch at a time: two queries load every
 * agreement a batch touches, two batched statements write back the rows it changed. The tables are
 * named without a schema, so a rebuild writes the same way into the tables it builds aside.
 */
@Component
class AgreementRows {

    private static final String UPSERT_AGREEMENT = """
            INSERT INTO agreement_view (agreement_id, title, kind, sector, amount, currency, occasion, proposed_on,
                                        proposed_by, status, fully_signed_on, declined_by_party, declined_on,
                                        decline_reason, withdrawn_on, withdrawal_reason, certificate_no, certified_on,
                                        revoked_on, revocation_reason, last_sequence_number)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (agreement_id) DO UPDATE SET
                status = EXCLUDED.status, fully_signed_on = EXCLUDED.fully_signed_on,
                declined_by_party = EXCLUDED.declined_by_party, declined_on = EXCLUDED.declined_on,
                decline_reason = EXCLUDED.decline_reason, withdrawn_on = EXCLUDED.withdrawn_on,
                withdrawal_reason = EXCLUDED.withdrawal_reason, certificate_no = EXCLUDED.certificate_no,
                certified_on = EXCLUDED.certified_on, revoked_on = EXCLUDED.revoked_on,
                revocation_reason = EXCLUDED.revocation_reason, last_sequence_number = EXCLUDED.last_sequence_number""";
    private static final String UPSERT_PARTY = """
            INSERT INTO agreement_party_view (agreement_id, position, party_id, name, organisation_type, city, country,
                                              signed_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (agreement_id, position) DO UPDATE SET signed_on = EXCLUDED.signed_on""";

    private final JdbcTemplate jdbc;

    AgreementRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The agreements the tables hold among these, by id. */
    Map<UUID, AgreementRow> load(Collection<UUID> agreementIds) {
        Map<UUID, List<PartyRow>> parties = new HashMap<>();
        Map<UUID, AgreementRow> rows = new HashMap<>();
        if (agreementIds.isEmpty()) {
            return rows;
        }
        UUID[] ids = agreementIds.toArray(UUID[]::new);
        jdbc.query("SELECT * FROM agreement_party_view WHERE agreement_id = ANY (?) ORDER BY agreement_id, position",
                statement -> statement.setArray(1, uuidArray(statement.getConnection(), ids)), row -> {
                    parties.computeIfAbsent(row.getObject("agreement_id", UUID.class), id -> new ArrayList<>())
                            .add(new PartyRow(row.getInt("position"), row.getString("party_id"),
                                    row.getString("name"), row.getString("organisation_type"),
                                    row.getString("city"), row.getString("country"),
                                    row.getObject("signed_on", LocalDate.class)));
                });
        jdbc.query("SELECT * FROM agreement_view WHERE agreement_id = ANY (?)",
                statement -> statement.setArray(1, uuidArray(statement.getConnection(), ids)), row -> {
                    UUID id = row.getObject("agreement_id", UUID.class);
                    AgreementRow agreement = new AgreementRow(id, row.getString("title"),
                            CooperationKind.valueOf(row.getString("kind")), row.getString("sector"),
                            row.getBigDecimal("amount"), row.getString("currency"), row.getString("occasion"),
                            row.getObject("proposed_on", LocalDate.class), row.getString("proposed_by"),
                            parties.getOrDefault(id, new ArrayList<>()));
                    agreement.status = row.getString("status");
                    agreement.fullySignedOn = row.getObject("fully_signed_on", LocalDate.class);
                    agreement.declinedByParty = row.getString("declined_by_party");
                    agreement.declinedOn = row.getObject("declined_on", LocalDate.class);
                    agreement.declineReason = row.getString("decline_reason");
                    agreement.withdrawnOn = row.getObject("withdrawn_on", LocalDate.class);
                    agreement.withdrawalReason = row.getString("withdrawal_reason");
                    agreement.certificateNo = row.getString("certificate_no");
                    agreement.certifiedOn = row.getObject("certified_on", LocalDate.class);
                    agreement.revokedOn = row.getObject("revoked_on", LocalDate.class);
                    agreement.revocationReason = row.getString("revocation_reason");
                    agreement.lastSequenceNumber = row.getLong("last_sequence_number");
                    rows.put(id, agreement);
                });
        return rows;
    }

    /** Writes the agreements and those of their parties that changed. */
    void write(Collection<AgreementRow> changed) {
        jdbc.batchUpdate(UPSERT_AGREEMENT, changed, changed.size(), (statement, row) -> {
            statement.setObject(1, row.agreementId);
            statement.setString(2, row.title);
            statement.setString(3, row.kind.name());
            statement.setString(4, row.sector);
            statement.setBigDecimal(5, row.amount);
            statement.setString(6, row.currency);
            statement.setObject(7, row.occasion, Types.VARCHAR);
            statement.setObject(8, row.proposedOn, Types.DATE);
            statement.setString(9, row.proposedBy);
            statement.setString(10, row.status);
            statement.setObject(11, row.fullySignedOn, Types.DATE);
            statement.setObject(12, row.declinedByParty, Types.VARCHAR);
            statement.setObject(13, row.declinedOn, Types.DATE);
            statement.setObject(14, row.declineReason, Types.VARCHAR);
            statement.setObject(15, row.withdrawnOn, Types.DATE);
            statement.setObject(16, row.withdrawalReason, Types.VARCHAR);
            statement.setObject(17, row.certificateNo, Types.VARCHAR);
            statement.setObject(18, row.certifiedOn, Types.DATE);
            statement.setObject(19, row.revokedOn, Types.DATE);
            statement.setObject(20, row.revocationReason, Types.VARCHAR);
            statement.setLong(21, row.lastSequenceNumber);
        });
        List<Map.Entry<UUID, PartyRow>> parties = new ArrayList<>();
        for (AgreementRow row : changed) {
            row.parties.stream().filter(party -> party.changed).forEach(party -> {
                parties.add(Map.entry(row.agreementId, party));
                party.changed = false;
            });
        }
        jdbc.batchUpdate(UPSERT_PARTY, parties, parties.size(), (statement, entry) -> {
            PartyRow party = entry.getValue();
            statement.setObject(1, entry.getKey());
            statement.setInt(2, party.position);
            statement.setString(3, party.partyId);
            statement.setString(4, party.name);
            statement.setString(5, party.organisationType);
            statement.setString(6, party.city);
            statement.setString(7, party.country);
            statement.setObject(8, party.signedOn, Types.DATE);
        });
    }

    private static Array uuidArray(Connection connection, UUID[] ids) throws SQLException {
        return connection.createArrayOf("uuid", ids);
    }
}
