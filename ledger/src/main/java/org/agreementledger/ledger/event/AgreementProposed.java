package org.agreementledger.ledger.event;

import org.agreementledger.ledger.domain.CooperationKind;
import org.agreementledger.ledger.domain.Money;
import org.agreementledger.ledger.domain.Party;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Revision("1")
public record AgreementProposed(UUID agreementId,
                                String title,
                                CooperationKind kind,
                                String sector,
                                List<Party> parties,
                                Money value,
                                String occasion,
                                LocalDate proposedOn,
                                String proposedBy) implements AgreementEvent {

    @Override
    public LocalDate businessDate() {
        return proposedOn;
    }
}
