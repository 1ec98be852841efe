package org.agreementledger.ledger.merkle;

/** A proof that does not hold, saying why. */
public class ProofException extends Exception {

    public ProofException(String reason) {
        super(reason);
    }
}
