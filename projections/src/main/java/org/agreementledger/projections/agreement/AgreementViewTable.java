package org.agreementledger.projections.agreement;

import org.agreementledger.ledger.domain.CooperationKind;
import org.agreementledger.ledger.domain.Money;
import org.agreementledger.ledger.event.AgreementCertified;
import org.agreementledger.ledger.event.AgreementDeclined;
import org.agreementledger.ledger.event.AgreementEvent;
import org.agreementledger.ledger.event.AgreementFullySigned;
import org.agreementledger.ledger.event.AgreementProposed;
import org.agreementledger.ledger.event.AgreementSigned;
import org.agreementledger.ledger.event.AgreementWithdrawn;
import org.agreementledger.ledger.event.CertificationRevoked;
import org.agreementledger.ledger.event.LifecycleStatus;
import org.agreementledger.projections.totals.Place;
import org.agreementledger.projections.totals.TotalsFacts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Writes the agreement read model. Every change is guarded by the sequence number of the event
 * that causes it: an event the table has already taken in changes nothing and answers
 * {@code false}, so nothing that follows from it is counted twice.
 */
@Component
class AgreementViewTable {

    private final JdbcTemplate jdbc;

    public AgreementViewTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return whether the proposal was new to the table */
    public boolean insert(AgreementProposed event, long sequenceNumber) {
        int inserted = jdbc.update("""
                        INSERT INTO agreement_view (agreement_id, title, kind, sector, amount, currency, occasion,
                                                    proposed_on, proposed_by, status, last_sequence_number)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (agreement_id) DO NOTHING""",
                event.agreementId(), event.title(), event.kind().name(), event.sector(), event.value().amount(),
                event.value().currency(), event.occasion(), event.proposedOn(), event.proposedBy(),
                statusAfter(event), sequenceNumber);
        if (inserted == 0) {
            return false;
        }
        jdbc.batchUpdate("""
                        INSERT INTO agreement_party_view (agreement_id, position, party_id, name, organisation_type,
                                                          city, country)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""",
                IntStream.range(0, event.parties().size()).mapToObj(position -> {
                    var party = event.parties().get(position);
                    return new Object[]{event.agreementId(), position, party.partyId(), party.name(),
                            party.organisationType().name(), party.city(), party.country()};
                }).toList());
        return true;
    }

    public boolean recordSignature(AgreementSigned event, long sequenceNumber) {
        if (!advance(event, sequenceNumber, List.of())) {
            return false;
        }
        jdbc.update("UPDATE agreement_party_view SET signed_on = ? WHERE agreement_id = ? AND party_id = ?",
                event.signedOn(), event.agreementId(), event.partyId());
        return true;
    }

    public boolean recordFullySigned(AgreementFullySigned event, long sequenceNumber) {
        return advance(event, sequenceNumber, List.of(new Assignment("fully_signed_on", event.signedOn())));
    }

    public boolean recordDecline(AgreementDeclined event, long sequenceNumber) {
        return advance(event, sequenceNumber, List.of(
                new Assignment("declined_by_party", event.partyId()),
                new Assignment("declined_on", event.declinedOn()),
                new Assignment("decline_reason", event.reason())));
    }

    public boolean recordWithdrawal(AgreementWithdrawn event, long sequenceNumber) {
        return advance(event, sequenceNumber, List.of(
                new Assignment("withdrawn_on", event.withdrawnOn()),
                new Assignment("withdrawal_reason", event.reason())));
    }

    public boolean recordCertification(AgreementCertified event, long sequenceNumber) {
        return advance(event, sequenceNumber, List.of(
                new Assignment("certificate_no", event.certificateNo()),
                new Assignment("certified_on", event.certifiedOn())));
    }

    public boolean recordRevocation(CertificationRevoked event, long sequenceNumber) {
        return advance(event, sequenceNumber, List.of(
                new Assignment("revoked_on", event.revokedOn()),
                new Assignment("revocation_reason", event.reason())));
    }

    /** The facts of an agreement the table holds, as the totals need them. */
    public TotalsFacts totalsFactsOf(UUID agreementId) {
        List<Place> places = jdbc.query("SELECT city, country FROM agreement_party_view WHERE agreement_id = ?",
                (row, i) -> new Place(row.getString("city"), row.getString("country")), agreementId);
        return jdbc.queryForObject("""
                        SELECT sector, kind, occasion, amount, currency, proposed_on, certified_on
                        FROM agreement_view WHERE agreement_id = ?""",
                (row, i) -> new TotalsFacts(row.getString("sector"), CooperationKind.valueOf(row.getString("kind")),
                        row.getString("occasion"), new Money(row.getBigDecimal("amount"), row.getString("currency")),
                        new TreeSet<>(places), row.getObject("proposed_on", LocalDate.class),
                        row.getObject("certified_on", LocalDate.class)),
                agreementId);
    }

    public void clear() {
        // DELETE, not TRUNCATE: a reconciliation reading a snapshot must not see the table emptied under it
        jdbc.update("DELETE FROM agreement_party_view");
        jdbc.update("DELETE FROM agreement_view");
    }

    /**
     * Applies the assignments and the status the event leaves the agreement in, unless the table has
     * already taken in this event (or a later one) of the agreement.
     *
     * @return whether the event was new to the table
     */
    private boolean advance(AgreementEvent event, long sequenceNumber, List<Assignment> assignments) {
        StringBuilder sql = new StringBuilder("UPDATE agreement_view SET ");
        List<Object> values = new ArrayList<>();
        for (Assignment assignment : assignments) {
            sql.append(assignment.column()).append(" = ?, ");
            values.add(assignment.value());
        }
        sql.append("status = COALESCE(?, status), last_sequence_number = ? ")
                .append("WHERE agreement_id = ? AND last_sequence_number < ?");
        values.add(statusAfter(event));
        values.add(sequenceNumber);
        values.add(event.agreementId());
        values.add(sequenceNumber);
        return jdbc.update(sql.toString(), values.toArray()) == 1;
    }

    private static String statusAfter(AgreementEvent event) {
        return LifecycleStatus.after(event).map(Enum::name).orElse(null);
    }

    /** One column set by an event; the column names are constants of this class, never input. */
    private record Assignment(String column, Object value) {
    }
}
