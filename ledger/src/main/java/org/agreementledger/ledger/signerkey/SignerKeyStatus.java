package org.agreementledger.ledger.signerkey;

/** Where a party's key stands: registered and waiting for approval, usable, or revoked for good. */
public enum SignerKeyStatus {
    PENDING,
    APPROVED,
    REVOKED
}
