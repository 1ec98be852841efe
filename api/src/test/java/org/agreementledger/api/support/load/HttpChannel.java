package org.agreementledger.api.support.load;

import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.LedgerClient;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.ledger.domain.OrganisationType;
import org.agreementledger.ledger.domain.Party;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands over HTTP as the configured users. Only Xinjiang University and the Kazakh-British
 * Technical University have signatories, so agreements on this channel are between them; a party
 * without a signatory is signed for by Xinjiang University's, which the API refuses (403).
 */
public class HttpChannel implements CommandChannel {

    private static final Map<String, String> SIGNATORIES = Map.of(
            Agreements.XJU, "signatory-xju",
            Agreements.KBTU, "signatory-kbtu");

    private final LedgerClient client;

    public HttpChannel(LedgerClient client) {
        this.client = client;
    }

    @Override
    public Optional<UUID> propose(Proposal proposal) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Random load over HTTP");
        body.put("kind", proposal.kind().name());
        body.put("sector", proposal.sector());
        body.put("parties", proposal.parties().stream().map(party -> Agreements.party(party.partyId(), party.name(),
                party.organisationType().name(), party.city(), party.country())).toList());
        body.put("value", Map.of("amount", proposal.value().amount().toPlainString(),
                "currency", proposal.value().currency()));
        body.put("occasion", proposal.occasion());
        body.put("proposedOn", proposal.proposedOn().toString());
        Answer answer = client.post("registrar", "/api/agreements", body);
        return accepted(answer) ? Optional.of(UUID.fromString(answer.body().get("agreementId").asText()))
                : Optional.empty();
    }

    @Override
    public boolean sign(UUID agreementId, Party party, LocalDate on) {
        return accepted(client.post(signatoryOf(party), "/api/agreements/" + agreementId + "/signatures",
                Map.of("partyId", party.partyId(), "signedOn", on.toString())));
    }

    @Override
    public boolean decline(UUID agreementId, Party party, LocalDate on) {
        return accepted(client.post(signatoryOf(party), "/api/agreements/" + agreementId + "/declines",
                Map.of("partyId", party.partyId(), "declinedOn", on.toString())));
    }

    @Override
    public boolean withdraw(UUID agreementId, boolean byTheProposer, LocalDate on) {
        return accepted(client.post(byTheProposer ? "registrar" : "registrar2",
                "/api/agreements/" + agreementId + "/withdrawal", Map.of("withdrawnOn", on.toString())));
    }

    @Override
    public boolean certify(UUID agreementId, LocalDate on) {
        return accepted(client.post("certifier", "/api/agreements/" + agreementId + "/certification",
                Map.of("certificateNo", "HTTP-" + agreementId, "certifiedOn", on.toString())));
    }

    @Override
    public boolean revoke(UUID agreementId, LocalDate on) {
        return accepted(client.post("certifier", "/api/agreements/" + agreementId + "/certification/revocation",
                Map.of("revokedOn", on.toString())));
    }

    public static List<Party> parties() {
        return List.of(
                new Party(Agreements.XJU, "Xinjiang University", OrganisationType.UNIVERSITY,
                        "Urumqi", "CN"),
                new Party(Agreements.KBTU, "Kazakh-British Technical University",
                        OrganisationType.UNIVERSITY, "Almaty", "KZ"));
    }

    private static String signatoryOf(Party party) {
        return SIGNATORIES.getOrDefault(party.partyId(), "signatory-xju");
    }

    /** 2xx: accepted; a problem the client caused (403, 409, 422): refused; anything else fails the test. */
    private static boolean accepted(Answer answer) {
        if (answer.status() >= 200 && answer.status() < 300) {
            return true;
        }
        assertThat(answer.status()).as(answer.text()).isIn(403, 409, 422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        return false;
    }
}
