package org.agreementledger.api.support.load;

import org.agreementledger.ledger.domain.AgreementStatus;
import org.agreementledger.ledger.domain.CooperationKind;
import org.agreementledger.ledger.domain.Money;
import org.agreementledger.ledger.domain.Party;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a test believes one agreement to be, changed only by commands the ledger accepted. The
 * expected totals are computed from these, independently of the service's code.
 */
public final class ModelAgreement {

    private final UUID id;
    private final CommandChannel channel;
    private final List<Party> parties;
    private final Money value;
    private final String sector;
    private final CooperationKind kind;
    private final LocalDate proposedOn;
    private final Map<String, LocalDate> signatures = Collections.synchronizedMap(new HashMap<>());
    private volatile AgreementStatus status = AgreementStatus.PROPOSED;
    private volatile LocalDate fullySignedOn;
    private volatile LocalDate certifiedOn;

    public ModelAgreement(UUID id, CommandChannel channel, List<Party> parties, Money value, String sector,
                          CooperationKind kind, LocalDate proposedOn) {
        this.id = id;
        this.channel = channel;
        this.parties = List.copyOf(parties);
        this.value = value;
        this.sector = sector;
        this.kind = kind;
        this.proposedOn = proposedOn;
    }

    public void signed(Party party, LocalDate on) {
        signatures.put(party.partyId(), on);
        if (signatures.size() == parties.size()) {
            status = AgreementStatus.SIGNED;
            fullySignedOn = signatures.values().stream().max(LocalDate::compareTo).orElseThrow();
        }
    }

    public void declined() {
        status = AgreementStatus.DECLINED;
    }

    public void withdrawn() {
        status = AgreementStatus.WITHDRAWN;
    }

    public void certified(LocalDate on) {
        status = AgreementStatus.CERTIFIED;
        certifiedOn = on;
    }

    public void revoked() {
        status = AgreementStatus.REVOKED;
    }

    public boolean hasSigned(Party party) {
        return signatures.containsKey(party.partyId());
    }

    /** Ever fully signed: SIGNED, CERTIFIED or REVOKED. */
    public boolean reachedSigned() {
        return fullySignedOn != null;
    }

    public UUID id() {
        return id;
    }

    public CommandChannel channel() {
        return channel;
    }

    public List<Party> parties() {
        return parties;
    }

    public Money value() {
        return value;
    }

    public String sector() {
        return sector;
    }

    public CooperationKind kind() {
        return kind;
    }

    public LocalDate proposedOn() {
        return proposedOn;
    }

    public AgreementStatus status() {
        return status;
    }

    public LocalDate fullySignedOn() {
        return fullySignedOn;
    }

    public LocalDate certifiedOn() {
        return certifiedOn;
    }
}
