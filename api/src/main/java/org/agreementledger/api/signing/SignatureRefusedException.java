package org.agreementledger.api.signing;

import org.agreementledger.api.problem.ClientRefusal;
import org.agreementledger.api.problem.ProblemCode;

/** A signature by a party's key that the ledger does not accept: nothing is written. */
public class SignatureRefusedException extends ClientRefusal {

    public SignatureRefusedException(ProblemCode code, String message) {
        super(code, "signature", message);
    }
}
