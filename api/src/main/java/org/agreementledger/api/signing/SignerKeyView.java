package org.agreementledger.api.signing;

import org.agreementledger.ledger.signerkey.SignerKeyStatus;

/**
 * A party's key as the ledger's events tell it, with the log positions of its registration,
 * approval and revocation ({@code null} until they happen): a signature counts only between the
 * approval and the revocation. {@code approvedWithKey} is the party's other key that approved it, if
 * one did; the certifier approves without.
 */
public record SignerKeyView(String keyId, String partyId, String algorithm, String publicKey, SignerKeyStatus status,
                            String registeredBy, long registeredAt, String approvedBy, String approvedWithKey,
                            Long approvedAt, String revokedBy, Long revokedAt, String revocationReason) {
}
