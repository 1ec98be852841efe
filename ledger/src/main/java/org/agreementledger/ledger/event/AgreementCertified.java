package org.agreementledger.ledger.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.agreementledger.ledger.signing.SignerKeySignature;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The certifying authority certified a fully signed agreement. {@code signature}, as for
 * {@link AgreementSigned}, is the authority's own key's over the intent to certify; without one, the
 * stored form is revision 1's.
 */
@Revision("2")
public record AgreementCertified(UUID agreementId, String certificateNo, LocalDate certifiedOn,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) SignerKeySignature signature)
        implements AgreementEvent, SignedAct {

    /** A certification by an authenticated request only. */
    public AgreementCertified(UUID agreementId, String certificateNo, LocalDate certifiedOn) {
        this(agreementId, certificateNo, certifiedOn, null);
    }

    @Override
    public LocalDate businessDate() {
        return certifiedOn;
    }
}
