package org.agreementledger.projections.agreement;

import java.time.LocalDate;

/** Which party declined the agreement, when, and why if it said. */
public record DeclineView(String partyId, LocalDate declinedOn, String reason) {
}
