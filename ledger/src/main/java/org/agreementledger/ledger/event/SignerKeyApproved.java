package org.agreementledger.ledger.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.agreementledger.ledger.signing.SignerKeySignature;
import org.axonframework.serialization.Revision;

/**
 * A party's key became usable: signatures by it are accepted from this point of the log on. It was
 * approved by the certifier, or, with {@code signature}, by another approved key of the same party
 * signing a {@link org.agreementledger.ledger.signing.KeyApprovalIntent}, kept as received; without
 * one, the stored form is revision 1's.
 */
@Revision("2")
public record SignerKeyApproved(String keyId, String partyId, String approvedBy,
                                @JsonInclude(JsonInclude.Include.NON_NULL) SignerKeySignature signature)
        implements SignerKeyEvent {

    /** An approval by the certifier. */
    public SignerKeyApproved(String keyId, String partyId, String approvedBy) {
        this(keyId, partyId, approvedBy, null);
    }
}
