package org.agreementledger.ledger.event;

import org.axonframework.serialization.Revision;

/** A party registered a public key ({@code publicKey}: base64 of its raw bytes); pending until approved. */
@Revision("1")
public record SignerKeyRegistered(String keyId, String partyId, String algorithm, String publicKey,
                                  String registeredBy) implements SignerKeyEvent {
}
