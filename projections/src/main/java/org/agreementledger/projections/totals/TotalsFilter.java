package org.agreementledger.projections.totals;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.agreementledger.ledger.domain.CooperationKind;

/**
 * Which agreements to count; a {@code null} field does not filter. A city is matched with its
 * country when both are given; the year is the stage's year.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TotalsFilter(String city, String country, String sector, CooperationKind kind, Integer year,
                           String occasion) {
}
