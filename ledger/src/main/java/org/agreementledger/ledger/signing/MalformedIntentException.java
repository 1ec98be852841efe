package org.agreementledger.ledger.signing;

/** Bytes offered as a signing intent that are not one, exactly as the ledger issues them. */
public class MalformedIntentException extends IllegalArgumentException {

    public MalformedIntentException(String message) {
        super(message);
    }
}
