package org.agreementledger.api.support.load;

import org.agreementledger.ledger.domain.CooperationKind;
import org.agreementledger.ledger.domain.Money;
import org.agreementledger.ledger.domain.Party;

import java.time.LocalDate;
import java.util.List;

/** A proposal as a channel sends it; it may be one the ledger must refuse. */
public record Proposal(String occasion, List<Party> parties, Money value, String sector, CooperationKind kind,
                       LocalDate proposedOn) {
}
