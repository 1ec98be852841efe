package org.agreementledger.ledger.event;

import org.axonframework.serialization.Revision;

/** A party's key is revoked: no signature by it is accepted from this point of the log on. */
@Revision("1")
public record SignerKeyRevoked(String keyId, String partyId, String revokedBy, String reason)
        implements SignerKeyEvent {
}
