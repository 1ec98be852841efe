package org.agreementledger.ledger.audit;

import org.agreementledger.ledger.signing.SignatureAssurance;

import java.time.LocalDate;

/**
 * What a certificate's verifier found of one signed act in it: who acted, at which assurance
 * level, with which key, and whether the signature holds.
 *
 * @param sequenceNumber the act's event in the agreement's chain
 * @param action         {@code sign}, {@code decline}, {@code certify} or {@code revoke}
 * @param signer         the party that acted, or the certifying authority (as its intent names it)
 * @param keyId          the key that signed it; null at assurance {@code account}
 * @param valid          false only for a signature by a key that does not hold
 * @param detail         what was checked, or why it does not hold
 */
public record SignatureVerdict(long sequenceNumber, String action, String signer, LocalDate date,
                               SignatureAssurance assurance, String keyId, boolean valid, String detail) {

    /** The verdict as the verifier prints it, one line. */
    public String line() {
        return "event " + sequenceNumber + ": " + action + " by " + signer + " on " + date + ", " + assurance
                + (keyId == null ? "" : " " + keyId) + ": " + (valid ? "" : "DOES NOT HOLD: ") + detail;
    }
}
