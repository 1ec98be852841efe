package org.agreementledger.api.web.command;

import org.agreementledger.api.problem.ClientRefusal;
import org.agreementledger.api.problem.ProblemCode;

/** A signatory signs or declines only for the party it is bound to. */
public class PartyNotYoursException extends ClientRefusal {

    public PartyNotYoursException(String actor, String partyId) {
        super(ProblemCode.PARTY_NOT_YOURS, null, "'" + actor + "' may not act for party '" + partyId + "'");
    }
}
