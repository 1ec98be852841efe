package org.agreementledger.ledger.command;

import org.agreementledger.ledger.domain.CooperationKind;
import org.agreementledger.ledger.domain.Money;
import org.agreementledger.ledger.domain.Party;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A registrar proposes a new agreement; {@code proposedBy} is the authenticated registrar. */
public record ProposeAgreement(UUID agreementId,
                               String title,
                               CooperationKind kind,
                               String sector,
                               List<Party> parties,
                               Money value,
                               String occasion,
                               LocalDate proposedOn,
                               String proposedBy) {
}
