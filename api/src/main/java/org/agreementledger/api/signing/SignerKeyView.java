package org.agreementledger.api.signing;

import org.agreementledger.ledger.signerkey.SignerKeyStatus;

/**
 * A party's key as the ledger's events tell it, with the log positions of its registration,
 * approval and revocation ({@code null} until they happen): a signature counts only between the
 * approval and the revocation. A passkey has its {@code credentialId} and relying party {@code rpId}. {@code approvedWithKey} is the party's other key that approved it, if
 * one did; the certifier approves without.
 */
public record SignerKeyView(String keyId, String partyId, String algorithm, String publicKey, String credentialId,
                            String rpId, SignerKeyStatus status, String registeredBy, long registeredAt,
                            String approvedBy, String approvedWithKey, Long approvedAt, String revokedBy,
                            Long revokedAt, String revocationReason) {

    /** Whether it is a passkey (WebAuthn), rather than an Ed25519 key. */
    public boolean isPasskey() {
        return credentialId != null;
    }
}
