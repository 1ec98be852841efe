package org.agreementledger.projections.agreement;

import org.agreementledger.ledger.domain.AgreementStatus;
import org.agreementledger.ledger.domain.CooperationKind;

/**
 * Which agreements to list; a {@code null} field does not filter. City and country match when any
 * party is there; the year is the proposal's year.
 *
 * @param partyId             agreements this party is a party to
 * @param awaitingSignatureOf proposed agreements this party has yet to sign: a signatory's to-do list
 * @param words               text the title or a party's name holds, in any case
 */
public record AgreementFilter(String city, String country, String sector, CooperationKind kind, Integer year,
                              AgreementStatus status, String occasion, String partyId, String awaitingSignatureOf,
                              String words) {
}
