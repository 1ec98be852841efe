package org.agreementledger.api.signing;

import org.agreementledger.ledger.signerkey.SignerKeyStatus;

/**
 * A party's key as the ledger's events tell it, with the log positions of its registration,
 * approval and revocation ({@code null} until they happen): a signature counts only between the
 * approval and the revocation.
 */
public record SignerKeyView(String keyId, String partyId, String algorithm, String publicKey, SignerKeyStatus status,
                            String registeredBy, long registeredAt, String approvedBy, Long approvedAt,
                            String revokedBy, Long revokedAt, String revocationReason) {
}
