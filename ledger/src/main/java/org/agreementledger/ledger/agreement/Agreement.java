package org.agreementledger.ledger.agreement;

import org.agreementledger.ledger.command.CertifyAgreement;
import org.agreementledger.ledger.command.DeclineAgreement;
import org.agreementledger.ledger.command.ProposeAgreement;
import org.agreementledger.ledger.command.RevokeCertification;
import org.agreementledger.ledger.command.SignAgreement;
import org.agreementledger.ledger.command.WithdrawAgreement;
import org.agreementledger.ledger.domain.AgreementStatus;
import org.agreementledger.ledger.domain.BusinessDateOutOfRangeException;
import org.agreementledger.ledger.domain.InvalidAgreementException;
import org.agreementledger.ledger.domain.LedgerCalendar;
import org.agreementledger.ledger.domain.LifecycleViolationException;
import org.agreementledger.ledger.domain.NotTheProposerException;
import org.agreementledger.ledger.domain.Party;
import org.agreementledger.ledger.domain.PartyAlreadySignedException;
import org.agreementledger.ledger.domain.SectorCatalogue;
import org.agreementledger.ledger.domain.UnknownPartyException;
import org.agreementledger.ledger.event.AgreementCertified;
import org.agreementledger.ledger.event.AgreementDeclined;
import org.agreementledger.ledger.event.AgreementEvent;
import org.agreementledger.ledger.event.AgreementFullySigned;
import org.agreementledger.ledger.event.AgreementProposed;
import org.agreementledger.ledger.event.AgreementSigned;
import org.agreementledger.ledger.event.AgreementWithdrawn;
import org.agreementledger.ledger.event.CertificationRevoked;
import org.agreementledger.ledger.event.LifecycleStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A cooperation agreement, rebuilt from its events. Every rule of the lifecycle is checked here
 * before an event is applied, so a refused command never writes anything. Each command handler
 * answers the status the agreement is in afterwards.
 */
@Aggregate
class Agreement {

    private static final int TITLE_MAX_LENGTH = 500;

    @AggregateIdentifier
    private UUID agreementId;
    private AgreementStatus status;
    private String proposedBy;
    private LocalDate proposedOn;
    private final Set<String> partyIds = new HashSet<>();
    private final Map<String, LocalDate> signatures = new HashMap<>();
    private LocalDate fullySignedOn;
    private String certificateNo;
    private LocalDate certifiedOn;

    protected Agreement() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public Agreement(ProposeAgreement command, SectorCatalogue sectors, LedgerCalendar calendar) {
        requireText(command.title(), "title");
        if (command.title().length() > TITLE_MAX_LENGTH) {
            throw new InvalidAgreementException("title", "the title has at most " + TITLE_MAX_LENGTH + " characters");
        }
        if (command.agreementId() == null) {
            throw new InvalidAgreementException("agreementId", "an agreement id is required");
        }
        if (command.kind() == null) {
            throw new InvalidAgreementException("kind", "a cooperation kind is required");
        }
        if (!sectors.contains(command.sector())) {
            throw new InvalidAgreementException("sector",
                    "'" + command.sector() + "' is not in the sector catalogue " + sectors.codes());
        }
        requireDistinctParties(command.parties());
        if (command.value() == null) {
            throw new InvalidAgreementException("value", "a value is required");
        }
        requireText(command.proposedBy(), "proposedBy");
        if (command.proposedOn() == null) {
            throw new InvalidAgreementException("proposedOn", "a proposal date is required");
        }
        if (command.proposedOn().isAfter(calendar.today())) {
            throw new BusinessDateOutOfRangeException("proposedOn", "the proposal date must not be in the future");
        }
        apply(new AgreementProposed(command.agreementId(), command.title().strip(), command.kind(), command.sector(),
                List.copyOf(command.parties()), command.value(), blankToNull(command.occasion()),
                command.proposedOn(), command.proposedBy()));
    }

    @CommandHandler
    public AgreementStatus handle(SignAgreement command, LedgerCalendar calendar) {
        requireStatus(AgreementStatus.PROPOSED, "only a proposed agreement can be signed");
        requireUnsignedParty(command.partyId());
        requireBusinessDate(command.signedOn(), proposedOn, "signedOn", "the proposal date", calendar);
        apply(new AgreementSigned(agreementId, command.partyId(), command.signedOn(), command.signature()));
        if (signatures.keySet().containsAll(partyIds)) {
            LocalDate lastSignature = signatures.values().stream().max(LocalDate::compareTo).orElseThrow();
            apply(new AgreementFullySigned(agreementId, lastSignature));
        }
        return status;
    }

    @CommandHandler
    public AgreementStatus handle(DeclineAgreement command, LedgerCalendar calendar) {
        requireStatus(AgreementStatus.PROPOSED, "only a proposed agreement can be declined");
        requireUnsignedParty(command.partyId());
        requireBusinessDate(command.declinedOn(), proposedOn, "declinedOn", "the proposal date", calendar);
        apply(new AgreementDeclined(agreementId, command.partyId(), command.declinedOn(),
                blankToNull(command.reason()), command.signature()));
        return status;
    }

    @CommandHandler
    public AgreementStatus handle(WithdrawAgreement command, LedgerCalendar calendar) {
        requireStatus(AgreementStatus.PROPOSED, "only a proposed agreement can be withdrawn");
        if (!proposedBy.equals(command.requestedBy())) {
            throw new NotTheProposerException(command.requestedBy());
        }
        requireBusinessDate(command.withdrawnOn(), proposedOn, "withdrawnOn", "the proposal date", calendar);
        apply(new AgreementWithdrawn(agreementId, command.withdrawnOn(), blankToNull(command.reason())));
        return status;
    }

    @CommandHandler
    public AgreementStatus handle(CertifyAgreement command, LedgerCalendar calendar) {
        requireStatus(AgreementStatus.SIGNED, "only a fully signed agreement can be certified, and only once");
        requireText(command.certificateNo(), "certificateNo");
        requireBusinessDate(command.certifiedOn(), fullySignedOn, "certifiedOn", "the last signature", calendar);
        apply(new AgreementCertified(agreementId, command.certificateNo().strip(), command.certifiedOn(),
                command.signature()));
        return status;
    }

    @CommandHandler
    public AgreementStatus handle(RevokeCertification command, LedgerCalendar calendar) {
        requireStatus(AgreementStatus.CERTIFIED, "only a certified agreement can have its certification revoked");
        requireBusinessDate(command.revokedOn(), certifiedOn, "revokedOn", "the certification", calendar);
        apply(new CertificationRevoked(agreementId, certificateNo, command.revokedOn(),
                blankToNull(command.reason()), command.signature()));
        return status;
    }

    @EventSourcingHandler
    void on(AgreementProposed event) {
        agreementId = event.agreementId();
        enterStatusAfter(event);
        proposedBy = event.proposedBy();
        proposedOn = event.proposedOn();
        event.parties().forEach(party -> partyIds.add(party.partyId()));
    }

    @EventSourcingHandler
    void on(AgreementSigned event) {
        signatures.put(event.partyId(), event.signedOn());
    }

    @EventSourcingHandler
    void on(AgreementFullySigned event) {
        enterStatusAfter(event);
        fullySignedOn = event.signedOn();
    }

    @EventSourcingHandler
    void on(AgreementDeclined event) {
        enterStatusAfter(event);
    }

    @EventSourcingHandler
    void on(AgreementWithdrawn event) {
        enterStatusAfter(event);
    }

    @EventSourcingHandler
    void on(AgreementCertified event) {
        enterStatusAfter(event);
        certificateNo = event.certificateNo();
        certifiedOn = event.certifiedOn();
    }

    @EventSourcingHandler
    void on(CertificationRevoked event) {
        enterStatusAfter(event);
    }

    /** The status an event leads to is said in one place, {@link LifecycleStatus}, for the ledger and its readers alike. */
    private void enterStatusAfter(AgreementEvent event) {
        status = LifecycleStatus.after(event).orElse(status);
    }

    private void requireStatus(AgreementStatus required, String rule) {
        if (status != required) {
            throw new LifecycleViolationException(status, rule);
        }
    }

    private void requireUnsignedParty(String partyId) {
        if (partyId == null || !partyIds.contains(partyId)) {
            throw new UnknownPartyException(partyId);
        }
        if (signatures.containsKey(partyId)) {
            throw new PartyAlreadySignedException(partyId);
        }
    }

    /** A business date is never before the date it follows, nor after today in the ledger's time zone. */
    private static void requireBusinessDate(LocalDate date, LocalDate notBefore, String field, String notBeforeName,
                                            LedgerCalendar calendar) {
        if (date == null) {
            throw new InvalidAgreementException(field, field + " is required");
        }
        if (date.isBefore(notBefore)) {
            throw new BusinessDateOutOfRangeException(field,
                    field + " " + date + " is before " + notBeforeName + " (" + notBefore + ")");
        }
        if (date.isAfter(calendar.today())) {
            throw new BusinessDateOutOfRangeException(field, field + " " + date + " is in the future");
        }
    }

    private static void requireDistinctParties(List<Party> parties) {
        if (parties == null || parties.size() < 2) {
            throw new InvalidAgreementException("parties", "an agreement has at least two parties");
        }
        Set<String> seen = new HashSet<>();
        for (Party party : parties) {
            if (party == null) {
                throw new InvalidAgreementException("parties", "a party is missing");
            }
            if (!seen.add(party.partyId())) {
                throw new InvalidAgreementException("parties",
                        "party id '" + party.partyId() + "' is listed more than once");
            }
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidAgreementException(field, field + " is required");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
