package org.agreementledger.api.signing;

import org.agreementledger.ledger.domain.UnknownPartyException;
import org.agreementledger.ledger.signing.AgreementTerms;
import org.agreementledger.ledger.signing.KeyApprovalIntent;
import org.agreementledger.ledger.signing.SigningAction;
import org.agreementledger.ledger.signing.SigningIntent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues signing intents: each names the agreement's terms as recorded, the action, the party, the
 * business date and the signer's key (or, to approve a key, the approved key and the approving one),
 * with a fresh nonce (128 random bits) that expires after {@code ledger.signatures.intent-validity}. The intent's exact bytes are kept with its nonce, for
 * the signature to be checked against; {@link OutstandingIssuance} bounds them per account and
 * forgets them a day after they lapse.
 */
@Component
public class SigningIntents {

    private static final int NONCE_BYTES = 16;
    private static final String KEY_APPROVAL = "approve-key";

    private final JdbcTemplate jdbc;
    private final AgreementTermsOnRecord terms;
    private final Clock clock;
    private final String origin;
    private final Duration validity;
    private final SecureRandom random = new SecureRandom();
    private final OutstandingIssuance outstanding;

    SigningIntents(JdbcTemplate jdbc, AgreementTermsOnRecord terms, Clock clock, OutstandingIssuance outstanding,
                   @Value("${ledger.log.origin}") String origin,
                   @Value("${ledger.signatures.intent-validity}") Duration validity) {
        this.jdbc = jdbc;
        this.outstanding = outstanding;
        this.terms = terms;
        this.clock = clock;
        this.origin = origin;
        this.validity = validity;
    }

    /**
     * A new intent for a signer to act on an agreement with a key; empty if there is no such
     * agreement. To sign or decline, the signer must be one of the agreement's parties.
     */
    public Optional<SigningIntent> issue(UUID agreementId, SigningAction action, String partyId, LocalDate date,
                                         String keyId, String issuedTo) {
        Optional<AgreementTerms> recorded = terms.of(agreementId);
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        if (action.isPartys() && !recorded.get().partyIds().contains(partyId)) {
            throw new UnknownPartyException(partyId);
        }
        SigningIntent intent = new SigningIntent(origin, agreementId, recorded.get().hash(), action, partyId, date,
                keyId, newNonce(), clock.instant().plus(validity));
        keep(intent.nonce(), agreementId, partyId, action.intentName(), keyId, intent.bytes(), issuedTo,
                intent.expiresAt());
        return Optional.of(intent);
    }

    /** A new intent for a party's approved key ({@code keyId}) to approve another, pending key of the party's. */
    public KeyApprovalIntent issueKeyApproval(SignerKeyView approved, String keyId, String issuedTo) {
        KeyApprovalIntent intent = new KeyApprovalIntent(origin, approved.partyId(), keyId, approved.keyId(),
                approved.publicKey(), newNonce(), clock.instant().plus(validity));
        keep(intent.nonce(), null, approved.partyId(), KEY_APPROVAL, keyId, intent.bytes(), issuedTo,
                intent.expiresAt());
        return intent;
    }

    private String newNonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    }

    private void keep(String nonce, UUID agreementId, String partyId, String action, String keyId, byte[] bytes,
                      String issuedTo, Instant expiresAt) {
        outstanding.requireRoomFor(issuedTo);
        jdbc.update("""
                INSERT INTO signing_intent (nonce, agreement_id, party_id, action, key_id, intent, issued_to, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", nonce, agreementId, partyId, action, keyId, bytes, issuedTo,
                Timestamp.from(expiresAt));
    }
}
