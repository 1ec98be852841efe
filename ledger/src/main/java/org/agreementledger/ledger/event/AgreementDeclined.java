package org.agreementledger.ledger.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.agreementledger.ledger.signing.SignerKeySignature;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A party declined, which ends the agreement. {@code signature}, as for {@link AgreementSigned}, is
 * the party's own key's over the intent to decline; without one, the stored form is revision 1's.
 */
@Revision("2")
public record AgreementDeclined(UUID agreementId, String partyId, LocalDate declinedOn, String reason,
                                @JsonInclude(JsonInclude.Include.NON_NULL) SignerKeySignature signature)
        implements AgreementEvent, SignedAct {

    /** A decline by an authenticated request only. */
    public AgreementDeclined(UUID agreementId, String partyId, LocalDate declinedOn, String reason) {
        this(agreementId, partyId, declinedOn, reason, null);
    }

    @Override
    public LocalDate businessDate() {
        return declinedOn;
    }
}
