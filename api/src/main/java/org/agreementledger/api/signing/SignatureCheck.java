package org.agreementledger.api.signing;

import org.agreementledger.api.problem.ProblemCode;
import org.agreementledger.ledger.signerkey.SignerKeyStatus;
import org.agreementledger.ledger.signing.AgreementTerms;
import org.agreementledger.ledger.signing.Ed25519PublicKey;
import org.agreementledger.ledger.signing.SignerKeySignature;
import org.agreementledger.ledger.signing.SigningAction;
import org.agreementledger.ledger.signing.SigningIntent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The check at the door of a signature by a party's own key, in the transaction of the command it
 * comes with, before any event is written: the intent is one the ledger issued, unexpired and
 * unused, for this agreement's terms as recorded, this action, party and date, and this key; the key
 * is the party's, approved and not revoked; the signature verifies over the intent's exact bytes.
 * The intent is then marked used, in the same transaction: a command refused afterwards leaves it
 * unused. Each failure is its own refusal.
 */
@Component
public class SignatureCheck {

    private final JdbcTemplate jdbc;
    private final SignerKeys signerKeys;
    private final AgreementTermsOnRecord terms;
    private final Clock clock;

    SignatureCheck(JdbcTemplate jdbc, SignerKeys signerKeys, AgreementTermsOnRecord terms, Clock clock) {
        this.jdbc = jdbc;
        this.signerKeys = signerKeys;
        this.terms = terms;
        this.clock = clock;
    }

    /** The signature as the event keeps it, once every check passed. */
    public SignerKeySignature check(UUID agreementId, SigningAction action, String partyId, LocalDate date,
                                    String keyId, String encodedIntent, String encodedValue) {
        byte[] bytes = decode(encodedIntent, ProblemCode.INTENT_MISMATCH, "the intent is not base64url");
        SigningIntent intent;
        try {
            intent = SigningIntent.parse(bytes);
        } catch (IllegalArgumentException notAnIntent) {
            throw refused(ProblemCode.INTENT_MISMATCH, "not an intent as the ledger issues them: "
                    + notAnIntent.getMessage());
        }
        List<Map<String, Object>> issued = jdbc.queryForList("""
                SELECT intent, used_at IS NOT NULL AS used, expires_at < ? AS lapsed
                FROM signing_intent WHERE nonce = ? FOR UPDATE""",
                Timestamp.from(clock.instant()), intent.nonce());
        if (issued.isEmpty() || !Arrays.equals((byte[]) issued.get(0).get("intent"), bytes)) {
            throw refused(ProblemCode.INTENT_MISMATCH, "the ledger issued no such intent");
        }
        if (Boolean.TRUE.equals(issued.get(0).get("used"))) {
            throw refused(ProblemCode.INTENT_REPLAYED, "the intent was used already: ask for a new one");
        }
        if (Boolean.TRUE.equals(issued.get(0).get("lapsed"))) {
            throw refused(ProblemCode.INTENT_EXPIRED, "the intent lapsed at " + intent.expiresAt()
                    + ": ask for a new one");
        }
        requireIntentFor(intent, agreementId, action, partyId, date, keyId);
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
        byte[] value = decode(encodedValue, ProblemCode.SIGNATURE_INVALID, "the signature is not base64url");
        if (!Ed25519PublicKey.fromRaw(Base64.getDecoder().decode(key.publicKey())).verifies(bytes, value)) {
            throw refused(ProblemCode.SIGNATURE_INVALID, "the signature is not key " + keyId + "'s over the intent");
        }
        jdbc.update("UPDATE signing_intent SET used_at = now() WHERE nonce = ?", intent.nonce());
        return new SignerKeySignature(keyId, encodedIntent, encodedValue);
    }

    private void requireIntentFor(SigningIntent intent, UUID agreementId, SigningAction action, String partyId,
                                  LocalDate date, String keyId) {
        String recordedTerms = terms.of(agreementId).map(AgreementTerms::hash).orElse(null);
        if (!intent.agreementId().equals(agreementId) || intent.action() != action
                || !intent.partyId().equals(partyId) || !intent.date().equals(date) || !intent.keyId().equals(keyId)
                || !intent.termsHash().equals(recordedTerms)) {
            throw refused(ProblemCode.INTENT_MISMATCH, "the intent is for " + intent.action().intentName()
                    + " agreement " + intent.agreementId() + " by " + intent.partyId() + " on " + intent.date()
                    + " with " + intent.keyId() + " over terms " + intent.termsHash() + ", not this command");
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
