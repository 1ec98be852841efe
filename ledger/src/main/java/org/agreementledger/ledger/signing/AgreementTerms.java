package org.agreementledger.ledger.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agreementledger.ledger.chain.CanonicalJson;
import org.agreementledger.ledger.chain.EventHasher;

import java.util.ArrayList;
import java.util.List;

/**
 * What a party agrees to: the terms fields of the agreement's proposal, taken from the proposal's
 * payload as stored (amounts as the decimal text they were written with), in canonical JSON. Its
 * SHA-256 is what every signing intent names, so that a signer can compare it with their own copy
 * and an offline verifier can recompute it from the payload bytes a certificate carries. Terms
 * never change after the proposal: no command amends them.
 */
public final class AgreementTerms {

    /** The proposal's fields that are its terms; its id and its proposer are not. */
    public static final List<String> FIELDS = List.of("title", "kind", "sector", "parties", "value", "occasion",
            "proposedOn");

    private final ObjectNode terms;

    private AgreementTerms(ObjectNode terms) {
        this.terms = terms;
    }

    /** The terms of an {@code AgreementProposed} payload as stored. */
    public static AgreementTerms ofStoredProposal(byte[] storedProposal) {
        JsonNode proposal = CanonicalJson.parse(storedProposal);
        ObjectNode terms = JsonNodeFactory.instance.objectNode();
        for (String field : FIELDS) {
            JsonNode value = proposal.get(field);
            if (value == null) {
                throw new IllegalArgumentException("the proposal has no " + field);
            }
            terms.set(field, value);
        }
        return new AgreementTerms(terms);
    }

    public String canonicalJson() {
        return CanonicalJson.write(terms);
    }

    /** The SHA-256 of the terms' canonical JSON, in lower-case hex. */
    public String hash() {
        return EventHasher.sha256(canonicalJson());
    }

    /** The ids of the parties the terms list, in their order. */
    public List<String> partyIds() {
        List<String> ids = new ArrayList<>();
        terms.get("parties").forEach(party -> ids.add(CanonicalJson.textField(party, "partyId")));
        return ids;
    }
}
