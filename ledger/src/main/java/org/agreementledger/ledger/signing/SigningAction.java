package org.agreementledger.ledger.signing;

import java.util.Arrays;
import java.util.Optional;

/** What a signing intent commits its signer to, as the intent names it. */
public enum SigningAction {
    SIGN("sign"),
    DECLINE("decline"),
    CERTIFY("certify"),
    REVOKE("revoke");

    private final String name;

    SigningAction(String name) {
        this.name = name;
    }

    /** Whether it is a party's act (signing, declining), rather than the certifying authority's. */
    public boolean isPartys() {
        return this == SIGN || this == DECLINE;
    }

    /** The action's name in an intent. */
    public String intentName() {
        return name;
    }

    public static Optional<SigningAction> named(String name) {
        return Arrays.stream(values()).filter(action -> action.name.equals(name)).findFirst();
    }
}
