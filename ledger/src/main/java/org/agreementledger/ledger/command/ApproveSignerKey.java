package org.agreementledger.ledger.command;

import org.agreementledger.ledger.signing.SignerKeySignature;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A pending key of a party becomes usable: by the certifier ({@code signature} null), or by another
 * approved key of the party's, whose signature of the approval intent was checked at the door.
 */
public record ApproveSignerKey(@TargetAggregateIdentifier String keyId, String partyId, String approvedBy,
                               SignerKeySignature signature) {

    /** An approval by the certifier. */
    public ApproveSignerKey(String keyId, String partyId, String approvedBy) {
        this(keyId, partyId, approvedBy, null);
    }
}
