package org.agreementledger.ledger.event;

import org.axonframework.serialization.Revision;

/** A party's key became usable: signatures by it are accepted from this point of the log on. */
@Revision("1")
public record SignerKeyApproved(String keyId, String partyId, String approvedBy) implements SignerKeyEvent {
}
