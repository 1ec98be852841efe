package org.agreementledger.api.web.command;

import org.agreementledger.api.problem.ClientRefusal;
import org.agreementledger.api.problem.ProblemCode;

/** A proposal list that is not CSV with a header line, or whose header names a column no proposal has. */
class UnreadableProposalListException extends ClientRefusal {

    UnreadableProposalListException(ProblemCode code, String column, String message) {
        super(code, column, message);
    }
}
