package org.agreementledger.ledger.signing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/**
 * How much a recorded act shows that the party meant it: {@link #SIGNER_KEY}, signed with a key only
 * the party holds and checked before the event was written; {@link #ACCOUNT}, an authenticated
 * request by the party's signatory only, which whoever runs the ledger or its identity provider
 * could also have made. {@link org.agreementledger.ledger.event.SignedAct#assuranceOf} reads it
 * from a recorded event.
 */
public enum SignatureAssurance {
    SIGNER_KEY("signer-key"),
    ACCOUNT("account");

    private final String name;

    SignatureAssurance(String name) {
        this.name = name;
    }

    @JsonCreator
    public static SignatureAssurance named(String name) {
        return Arrays.stream(values()).filter(level -> level.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no assurance level '" + name + "': "
                        + Arrays.stream(values()).map(SignatureAssurance::levelName).toList()));
    }

    @JsonValue
    public String levelName() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
