package org.agreementledger.api.security;

import org.agreementledger.api.problem.ClientRefusal;
import org.agreementledger.api.problem.ProblemCode;

/** A signatory acts only for the party it is bound to (signs, declines, holds its keys), the certifier for the certifying authority. */
public class PartyNotYoursException extends ClientRefusal {

    private PartyNotYoursException(String actor, String partyId) {
        super(ProblemCode.PARTY_NOT_YOURS, null, "'" + actor + "' may not act for party '" + partyId + "'");
    }

    /** The refusal of an actor that may not act for the signer. */
    public static PartyNotYoursException of(String actor, String signerId) {
        return new PartyNotYoursException(actor, signerId);
    }

    /** Refuses an actor that may not act for the party. */
    public static void requireMayActFor(Actor actor, String partyId) {
        if (!actor.mayActFor(partyId)) {
            throw new PartyNotYoursException(actor.name(), partyId);
        }
    }
}
