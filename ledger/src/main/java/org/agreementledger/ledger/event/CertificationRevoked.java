package org.agreementledger.ledger.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.agreementledger.ledger.signing.SignerKeySignature;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The certifying authority revoked an agreement's certification. {@code signature}, as for
 * {@link AgreementCertified}, is the authority's own key's over the intent to revoke; without one,
 * the stored form is revision 1's.
 */
@Revision("2")
public record CertificationRevoked(UUID agreementId, String certificateNo, LocalDate revokedOn, String reason,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) SignerKeySignature signature)
        implements AgreementEvent, SignedAct {

    /** A revocation by an authenticated request only. */
    public CertificationRevoked(UUID agreementId, String certificateNo, LocalDate revokedOn, String reason) {
        this(agreementId, certificateNo, revokedOn, reason, null);
    }

    @Override
    public LocalDate businessDate() {
        return revokedOn;
    }
}
