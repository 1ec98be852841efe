package org.agreementledger.api.web.signing;

import org.agreementledger.api.problem.ClientRefusal;
import org.agreementledger.api.problem.ProblemCode;
import org.agreementledger.ledger.signing.SigningIntent;

/** A signing intent asked for with a parameter the ledger cannot put in one. */
class InvalidIntentParameterException extends ClientRefusal {

    InvalidIntentParameterException(String parameter, String message) {
        super(ProblemCode.INVALID_PARAMETER, parameter, message);
    }

    /** Refuses a key id of another form than an intent may name. */
    static void requireKeyId(String parameter, String keyId) {
        if (!SigningIntent.KEY_ID.matcher(keyId).matches()) {
            throw new InvalidIntentParameterException(parameter,
                    "a key id is 1 to 200 printable ASCII characters without spaces");
        }
    }
}
