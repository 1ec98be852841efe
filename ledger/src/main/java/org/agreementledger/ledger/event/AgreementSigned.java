package org.agreementledger.ledger.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.agreementledger.ledger.signing.SignerKeySignature;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A party signed. {@code signature} is the party's own key's signature of the intent it was shown
 * (assurance {@code signer-key}); without one, the signature is an authenticated request by the
 * party's signatory (assurance {@code account}), and the stored form is revision 1's.
 */
@Revision("2")
public record AgreementSigned(UUID agreementId, String partyId, LocalDate signedOn,
                              @JsonInclude(JsonInclude.Include.NON_NULL) SignerKeySignature signature)
        implements AgreementEvent, SignedAct {

    /** A signature by an authenticated request only. */
    public AgreementSigned(UUID agreementId, String partyId, LocalDate signedOn) {
        this(agreementId, partyId, signedOn, null);
    }

    @Override
    public LocalDate businessDate() {
        return signedOn;
    }
}
