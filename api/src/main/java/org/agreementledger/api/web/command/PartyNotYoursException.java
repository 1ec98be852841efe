package org.agreementledger.api.web.command;

/** A signatory signs or declines only for the party it is bound to. */
public class PartyNotYoursException extends RuntimeException {

    public PartyNotYoursException(String actor, String partyId) {
        super("'" + actor + "' may not act for party '" + partyId + "'");
    }
}
