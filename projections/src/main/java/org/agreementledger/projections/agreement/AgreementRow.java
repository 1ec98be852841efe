package org.agreementledger.projections.agreement;

import org.agreementledger.ledger.domain.CooperationKind;
import org.agreementledger.ledger.domain.Money;
import org.agreementledger.ledger.domain.Party;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One agreement of the read model in memory, with its parties: loaded from the tables or created by
 * its proposal, changed by its later events, written back once per batch. Every change is guarded by
 * the sequence number of the event that causes it, so an event the row has already taken in changes
 * nothing and nothing that follows from it is counted twice.
 */
final class AgreementRow {

    final UUID agreementId;
    final String title;
    final CooperationKind kind;
    final String sector;
    final BigDecimal amount;
    final String currency;
    final String occasion;
    final LocalDate proposedOn;
    final String proposedBy;
    final List<PartyRow> parties;
    String status;
    LocalDate fullySignedOn;
    String declinedByParty;
    LocalDate declinedOn;
    String declineReason;
    LocalDate withdrawnOn;
    String withdrawalReason;
    String certificateNo;
    LocalDate certifiedOn;
    LocalDate revokedOn;
    String revocationReason;
    long lastSequenceNumber;

    AgreementRow(UUID agreementId, String title, CooperationKind kind, String sector, BigDecimal amount,
                 String currency, String occasion, LocalDate proposedOn, String proposedBy, List<PartyRow> parties) {
        this.agreementId = agreementId;
        this.title = title;
        this.kind = kind;
        this.sector = sector;
        this.amount = amount;
        this.currency = currency;
        this.occasion = occasion;
        this.proposedOn = proposedOn;
        this.proposedBy = proposedBy;
        this.parties = parties;
    }

    static AgreementRow proposedBy(AgreementProposed proposal, long sequenceNumber) {
        List<PartyRow> parties = new ArrayList<>();
        for (int position = 0; position < proposal.parties().size(); position++) {
            Party party = proposal.parties().get(position);
            parties.add(new PartyRow(position, party.partyId(), party.name(), party.organisationType().name(),
                    party.city(), party.country(), null));
        }
        AgreementRow row = new AgreementRow(proposal.agreementId(), proposal.title(), proposal.kind(),
                proposal.sector(), proposal.value().amount(), proposal.value().currency(), proposal.occasion(),
                proposal.proposedOn(), proposal.proposedBy(), parties);
        row.status = LifecycleStatus.after(proposal).orElseThrow().name();
        row.lastSequenceNumber = sequenceNumber;
        parties.forEach(party -> party.changed = true);
        return row;
    }

    /**
     * Takes in a later event of the agreement, unless the row has already taken in this event or a
     * later one.
     *
     * @return whether the event was new to the row
     */
    boolean apply(AgreementEvent event, long sequenceNumber) {
        if (sequenceNumber <= lastSequenceNumber) {
            return false;
        }
        if (event instanceof AgreementSigned signed) {
            parties.stream().filter(party -> party.partyId.equals(signed.partyId())).forEach(party -> {
                party.signedOn = signed.signedOn();
                party.changed = true;
            });
        } else if (event instanceof AgreementFullySigned fullySigned) {
            fullySignedOn = fullySigned.signedOn();
        } else if (event instanceof AgreementDeclined declined) {
            declinedByParty = declined.partyId();
            declinedOn = declined.declinedOn();
            declineReason = declined.reason();
        } else if (event instanceof AgreementWithdrawn withdrawn) {
            withdrawnOn = withdrawn.withdrawnOn();
            withdrawalReason = withdrawn.reason();
        } else if (event instanceof AgreementCertified certified) {
            certificateNo = certified.certificateNo();
            certifiedOn = certified.certifiedOn();
        } else if (event instanceof CertificationRevoked revoked) {
            revokedOn = revoked.revokedOn();
            revocationReason = revoked.reason();
        } else {
            throw new IllegalArgumentException("a second proposal of agreement " + agreementId);
        }
        LifecycleStatus.after(event).ifPresent(after -> status = after.name());
        lastSequenceNumber = sequenceNumber;
        return true;
    }

    /** The facts of the agreement as the totals need them, as the row stands. */
    TotalsFacts totalsFacts() {
        TreeSet<Place> places = new TreeSet<>();
        parties.forEach(party -> places.add(new Place(party.city, party.country)));
        return new TotalsFacts(sector, kind, occasion, new Money(amount, currency), places, proposedOn, certifiedOn);
    }

    /** One party of the agreement; {@code changed} until its row is written. */
    static final class PartyRow {

        final int position;
        final String partyId;
        final String name;
        final String organisationType;
        final String city;
        final String country;
        LocalDate signedOn;
        boolean changed;

        PartyRow(int position, String partyId, String name, String organisationType, String city, String country,
                 LocalDate signedOn) {
            this.position = position;
            this.partyId = partyId;
            this.name = name;
            this.organisationType = organisationType;
            this.city = city;
            this.country = country;
            this.signedOn = signedOn;
        }
    }
}
