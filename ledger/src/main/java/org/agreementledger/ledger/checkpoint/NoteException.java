package org.agreementledger.ledger.checkpoint;

/** A signed note that cannot be trusted, saying why. */
public class NoteException extends Exception {

    public NoteException(String reason) {
        super(reason);
    }
}
