package org.agreementledger.projections.agreement;

import java.time.LocalDate;

/** When the proposer withdrew the agreement, and why if it said. */
public record WithdrawalView(LocalDate withdrawnOn, String reason) {
}
