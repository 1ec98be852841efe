package org.agreementledger.api.support;

import org.agreementledger.api.command.LedgerCommands;
import org.agreementledger.ledger.command.CertifyAgreement;
import org.agreementledger.ledger.command.DeclineAgreement;
import org.agreementledger.ledger.command.ProposeAgreement;
import org.agreementledger.ledger.command.RevokeCertification;
import org.agreementledger.ledger.command.SignAgreement;
import org.agreementledger.ledger.command.WithdrawAgreement;
import org.agreementledger.ledger.domain.AgreementStatus;
import org.agreementledger.ledger.domain.CooperationKind;
import org.agreementledger.ledger.domain.Money;
import org.agreementledger.ledger.domain.OrganisationType;
import org.agreementledger.ledger.domain.Party;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Commands through the command gateway, as the HTTP API sends them, for agreements between any
 * parties (over HTTP only the two configured signatories can sign). A refused command throws the
 * ledger's rule violation.
 */
public class GatewayCommands {

    public static final String REGISTRAR = "gateway-registrar";

    private final LedgerCommands commands;

    public GatewayCommands(LedgerCommands commands) {
        this.commands = commands;
    }

    public static Party party(String partyId, String city, String country) {
        return new Party(partyId, partyId + " (test party)", OrganisationType.ENTERPRISE, city, country);
    }

    public UUID propose(String occasion, String sector, CooperationKind kind, Money value, LocalDate proposedOn,
                        Party... parties) {
        UUID id = UUID.randomUUID();
        commands.send(new ProposeAgreement(id, "Test agreement " + id, kind, sector, List.of(parties), value,
                occasion, proposedOn, REGISTRAR), REGISTRAR, correlationId());
        return id;
    }

    public AgreementStatus sign(UUID agreementId, Party party, LocalDate signedOn) {
        return commands.send(new SignAgreement(agreementId, party.partyId(), signedOn), party.partyId(),
                correlationId());
    }

    /** Every party signs on the given date. */
    public AgreementStatus signByAll(UUID agreementId, LocalDate signedOn, Party... parties) {
        AgreementStatus status = null;
        for (Party party : parties) {
            status = sign(agreementId, party, signedOn);
        }
        return status;
    }

    public AgreementStatus decline(UUID agreementId, Party party, LocalDate declinedOn) {
        return commands.send(new DeclineAgreement(agreementId, party.partyId(), declinedOn, "not now"),
                party.partyId(), correlationId());
    }

    public AgreementStatus withdraw(UUID agreementId, String requestedBy, LocalDate withdrawnOn) {
        return commands.send(new WithdrawAgreement(agreementId, withdrawnOn, "superseded", requestedBy),
                requestedBy, correlationId());
    }

    public AgreementStatus certify(UUID agreementId, LocalDate certifiedOn) {
        return commands.send(new CertifyAgreement(agreementId, "CERT-" + agreementId, certifiedOn), "certifier",
                correlationId());
    }

    public AgreementStatus revoke(UUID agreementId, LocalDate revokedOn) {
        return commands.send(new RevokeCertification(agreementId, revokedOn, "revoked in a test"), "certifier",
                correlationId());
    }

    private static String correlationId() {
        return UUID.randomUUID().toString();
    }
}
