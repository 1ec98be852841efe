package org.agreementledger.api.signing;

import org.agreementledger.api.problem.ProblemCode;
import org.agreementledger.ledger.signerkey.SignerKeyStatus;
import org.agreementledger.ledger.signing.AgreementTerms;
import org.agreementledger.ledger.signing.Ed25519PublicKey;
import org.agreementledger.ledger.signing.KeyApprovalIntent;
import org.agreementledger.ledger.signing.SignatureAssurance;
import org.agreementledger.ledger.signing.SignerKeySignature;
import org.agreementledger.ledger.signing.SigningAction;
import org.agreementledger.ledger.signing.SigningIntent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The check at the door of a signature by a party's own key, in the transaction of the command it
 * comes with, before any event is written: the intent is one the ledger issued, unexpired and
 * unused, for this agreement's terms as recorded, this action, party and date, and this key; the key
 * is the party's, approved and not revoked; the signature verifies over the intent's exact bytes.
 * The intent is then marked used, in the same transaction: a command refused afterwards leaves it
 * unused. Each failure is its own refusal. Acts without such a signature pass only where the
 * deployment accepts assurance {@code account} ({@code ledger.signatures.accepted-assurance}).
 */
@Component
public class SignatureCheck {

    private final JdbcTemplate jdbc;
    private final SignerKeys signerKeys;
    private final AgreementTermsOnRecord terms;
    private final Clock clock;
    private final Set<SignatureAssurance> accepted;
    private final Passkeys passkeys;

    SignatureCheck(JdbcTemplate jdbc, SignerKeys signerKeys, AgreementTermsOnRecord terms, Clock clock,
                   @Value("${ledger.signatures.accepted-assurance}") List<String> accepted, Passkeys passkeys) {
        this.passkeys = passkeys;
        this.jdbc = jdbc;
        this.signerKeys = signerKeys;
        this.terms = terms;
        this.clock = clock;
        this.accepted = accepted.stream().map(String::strip).map(SignatureAssurance::named)
                .collect(Collectors.toUnmodifiableSet());
        if (!this.accepted.contains(SignatureAssurance.SIGNER_KEY)) {
            // a signature by the signer's own key is always the better proof: no deployment refuses it
            throw new IllegalStateException("ledger.signatures.accepted-assurance must accept signer-key, and names "
                    + this.accepted);
        }
    }

    /**
     * An act by an authenticated request only (assurance {@code account}), refused where this
     * deployment accepts only signatures by a party's own key.
     */
    public void requireAccountLevelAccepted(SigningAction action) {
        if (!accepted.contains(SignatureAssurance.ACCOUNT)) {
            throw refused(ProblemCode.SIGNER_KEY_REQUIRED, "this ledger records '" + action.intentName()
                    + "' only with a signature by the signer's own key: ask for a signing intent and send your"
                    + " key's signature of it as 'signature'");
        }
    }

    /** The signature as received, for the event to keep, once every check passed. */
    public SignerKeySignature check(UUID agreementId, SigningAction action, String partyId, LocalDate date,
                                    SignerKeySignature received) {
        byte[] bytes = decode(received.intent(), ProblemCode.INTENT_MISMATCH, "the intent is not base64url");
        SigningIntent intent = parsed(() -> SigningIntent.parse(bytes));
        requireIssuedAndUnused(intent.nonce(), bytes, intent.expiresAt());
        requireIntentFor(intent, agreementId, action, partyId, date, received.keyId());
        requireSignedByUsableKey(partyId, received, bytes);
        markUsed(intent.nonce());
        return received;
    }

    /**
     * The signature, as the approval keeps it, of a party's approved key ({@code keyId}) over an
     * intent to approve exactly the given pending key of the party's, once every check passed.
     */
    public SignerKeySignature checkKeyApproval(SignerKeyView approved, SignerKeySignature received) {
        String keyId = received.keyId();
        byte[] bytes = decode(received.intent(), ProblemCode.INTENT_MISMATCH, "the intent is not base64url");
        KeyApprovalIntent intent = parsed(() -> KeyApprovalIntent.parse(bytes));
        requireIssuedAndUnused(intent.nonce(), bytes, intent.expiresAt());
        if (!intent.partyId().equals(approved.partyId()) || !intent.keyId().equals(keyId)
                || !intent.approvedKeyId().equals(approved.keyId())
                || !intent.approvedPublicKey().equals(approved.publicKey())) {
            throw refused(ProblemCode.INTENT_MISMATCH, "the intent is for " + intent.keyId() + " to approve "
                    + intent.approvedKeyId() + " of party " + intent.partyId() + ", not this approval");
        }
        requireSignedByUsableKey(approved.partyId(), received, bytes);
        markUsed(intent.nonce());
        return received;
    }

    private static <T> T parsed(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException notAnIntent) {
            throw refused(ProblemCode.INTENT_MISMATCH, "not an intent as the ledger issues them: "
                    + notAnIntent.getMessage());
        }
    }

    /** The intent is one the ledger issued, byte for byte, not used and not lapsed; its row stays locked. */
    private void requireIssuedAndUnused(String nonce, byte[] bytes, Instant expiresAt) {
        List<Map<String, Object>> issued = jdbc.queryForList("""
                SELECT intent, used_at IS NOT NULL AS used, expires_at < ? AS lapsed
                FROM signing_intent WHERE nonce = ? FOR UPDATE""",
                Timestamp.from(clock.instant()), nonce);
        if (issued.isEmpty() || !Arrays.equals((byte[]) issued.get(0).get("intent"), bytes)) {
            throw refused(ProblemCode.INTENT_MISMATCH, "the ledger issued no such intent");
        }
        if (Boolean.TRUE.equals(issued.get(0).get("used"))) {
            throw refused(ProblemCode.INTENT_REPLAYED, "the intent was used already: ask for a new one");
        }
        if (Boolean.TRUE.equals(issued.get(0).get("lapsed"))) {
            throw refused(ProblemCode.INTENT_EXPIRED, "the intent lapsed at " + expiresAt + ": ask for a new one");
        }
    }

    /**
     * The key is the party's, approved and not revoked, under the lock its revocation takes too, and
     * the signature is its own over the bytes: an Ed25519 key's over them, a passkey's assertion over
     * their SHA-256.
     */
    private void requireSignedByUsableKey(String partyId, SignerKeySignature received, byte[] bytes) {
        String keyId = received.keyId();
        signerKeys.lock(keyId);
        SignerKeyView key = signerKeys.findOfParty(partyId, keyId)
                .orElseThrow(() -> refused(ProblemCode.SIGNER_KEY_UNKNOWN,
                        "party " + partyId + " has no key " + keyId));
        if (key.status() == SignerKeyStatus.PENDING) {
            throw refused(ProblemCode.SIGNER_KEY_NOT_APPROVED, "the key " + keyId + " is not approved yet");
        }
        if (key.status() == SignerKeyStatus.REVOKED) {
            throw refused(ProblemCode.SIGNER_KEY_REVOKED, "the key " + keyId + " is revoked");
        }
        if (key.isPasskey() != received.byPasskey()) {
            throw refused(ProblemCode.SIGNATURE_INVALID, key.isPasskey()
                    ? "the key " + keyId + " is a passkey: send its assertion's authenticatorData and clientDataJSON"
                    : "the key " + keyId + " is an Ed25519 key, not a passkey");
        }
        if (key.isPasskey()) {
            passkeys.assertionProblem(key, bytes, received.authenticatorData(), received.clientDataJSON(),
                    received.value()).ifPresent(problem -> {
                        throw refused(ProblemCode.SIGNATURE_INVALID, problem);
                    });
            return;
        }
        byte[] value = decode(received.value(), ProblemCode.SIGNATURE_INVALID, "the signature is not base64url");
        if (!Ed25519PublicKey.fromRaw(Base64.getDecoder().decode(key.publicKey())).verifies(bytes, value)) {
            throw refused(ProblemCode.SIGNATURE_INVALID, "the signature is not key " + keyId + "'s over the intent");
        }
    }

    private void markUsed(String nonce) {
        jdbc.update("UPDATE signing_intent SET used_at = now() WHERE nonce = ?", nonce);
    }

    private void requireIntentFor(SigningIntent intent, UUID agreementId, SigningAction action, String partyId,
                                  LocalDate date, String keyId) {
        String recordedTerms = terms.of(agreementId).map(AgreementTerms::hash).orElse(null);
        if (!intent.isFor(agreementId, action, partyId, date, keyId) || !intent.termsHash().equals(recordedTerms)) {
            throw refused(ProblemCode.INTENT_MISMATCH, "the intent is " + intent.describe() + ", not this command");
        }
    }

    private static byte[] decode(String base64url, ProblemCode code, String message) {
        try {
            return Base64.getUrlDecoder().decode(base64url);
        } catch (IllegalArgumentException notBase64) {
            throw refused(code, message);
        }
    }

    private static SignatureRefusedException refused(ProblemCode code, String message) {
        return new SignatureRefusedException(code, message);
    }
}
