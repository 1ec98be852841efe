package org.agreementledger.api.web.signing;

import org.agreementledger.api.problem.ClientRefusal;
import org.agreementledger.api.problem.ProblemCode;

/** A signing intent asked for with a parameter the ledger cannot put in one. */
class InvalidIntentParameterException extends ClientRefusal {

    InvalidIntentParameterException(String parameter, String message) {
        super(ProblemCode.INVALID_PARAMETER, parameter, message);
    }
}
