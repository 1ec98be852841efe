package org.agreementledger.ledger.audit;

import org.agreementledger.ledger.event.SignedAct;
import org.agreementledger.ledger.event.SignerKeyApproved;
import org.agreementledger.ledger.signing.AgreementTerms;
import org.agreementledger.ledger.signing.KeyApprovalIntent;
import org.agreementledger.ledger.signing.SignatureAssurance;
import org.agreementledger.ledger.signing.SignerKeySignature;
import org.agreementledger.ledger.signing.SigningIntent;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks, offline, every signed act in a certificate whose events and key events were checked
 * already: a signature by a signer's own key holds when its intent is for this agreement's terms,
 * this act, party (for a party's act), date and key, in this log; the key is the signer's (the
 * intent's party), approved before the act and not revoked before it, by the certifier or by
 * another key of the signer's that held then; and the signature verifies over the intent's exact
 * bytes. An act without one is an account's. For the certifying authority's acts the verdict names
 * the signer the intent names, for the reader to compare with the authority they know.
 */
final class CertifiedSignatures {

    /** Approvals by approved keys form a chain back to a certifier's approval; deeper is refused. */
    private static final int MAX_APPROVAL_DEPTH = 16;
    private static final String CERTIFYING_AUTHORITY = "the certifying authority";

    private final String agreementId;
    private final String origin;
    private final AgreementTerms terms;
    private final Map<String, CertifiedKey> keys;

    /**
     * @param terms the terms of the agreement's proposal in the certificate; null when it has none that reads
     */
    CertifiedSignatures(String agreementId, String origin, AgreementTerms terms, Map<String, CertifiedKey> keys) {
        this.agreementId = agreementId;
        this.origin = origin;
        this.terms = terms;
        this.keys = keys;
    }

    /** A verdict on each party's act among the events, in chain order. */
    List<SignatureVerdict> verdicts(List<LoggedEvent> events) {
        List<SignatureVerdict> verdicts = new ArrayList<>();
        for (LoggedEvent logged : events) {
            AuditEvent event = logged.event();
            Optional<SignedAct> act = event.signedAct();
            if (act.isPresent()) {
                verdicts.add(verdictOn(logged, act.get()));
            } else if (recordsASignedAct(event)) {
                verdicts.add(new SignatureVerdict(event.sequenceNumber(), event.type(), "?", event.businessDate(),
                        null, null, false, "its payload does not read as " + event.type()));
            }
        }
        return verdicts;
    }

    private SignatureVerdict verdictOn(LoggedEvent logged, SignedAct act) {
        AuditEvent event = logged.event();
        String action = SignedAct.actionOf(act).intentName();
        SignerKeySignature signature = act.signature();
        if (signature == null) {
            return new SignatureVerdict(event.sequenceNumber(), action,
                    SignedAct.partyOf(act).orElse(CERTIFYING_AUTHORITY), event.businessDate(),
                    SignatureAssurance.ACCOUNT, null, true, "an authenticated request by '" + event.actor()
                    + "' only, with no key of the signer's: whoever ran the ledger or its sign-in could have made it");
        }
        Optional<String> problem = problemWith(logged, act, signature);
        String signer = SignedAct.partyOf(act).or(() -> signerNamedIn(signature)).orElse(CERTIFYING_AUTHORITY);
        return new SignatureVerdict(event.sequenceNumber(), action, signer, event.businessDate(),
                SignatureAssurance.SIGNER_KEY, signature.keyId(), problem.isEmpty(),
                problem.orElseGet(() -> "the signer's key " + describe(keys.get(signature.keyId()))
                        + ", signed the intent before leaf " + logged.leafIndex() + ": the signature verifies"));
    }

    /** The signer an intent names, if it reads as one. */
    private static Optional<String> signerNamedIn(SignerKeySignature signature) {
        try {
            return Optional.of(SigningIntent.parse(Base64.getUrlDecoder().decode(signature.intent())).partyId());
        } catch (IllegalArgumentException notAnIntent) {
            return Optional.empty();
        }
    }

    private Optional<String> problemWith(LoggedEvent logged, SignedAct act, SignerKeySignature signature) {
        byte[] bytes;
        SigningIntent intent;
        try {
            bytes = Base64.getUrlDecoder().decode(signature.intent());
            intent = SigningIntent.parse(bytes);
        } catch (IllegalArgumentException notAnIntent) {
            return Optional.of("the intent signed is not one the ledger issues: " + notAnIntent.getMessage());
        }
        AuditEvent event = logged.event();
        if (!intent.agreementId().toString().equals(agreementId) || !intent.isFor(intent.agreementId(),
                SignedAct.actionOf(act), SignedAct.partyOf(act).orElse(intent.partyId()), event.businessDate(),
                signature.keyId())) {
            return Optional.of("the intent is " + intent.describe() + ", not this act");
        }
        String termsHash = terms == null ? null : terms.hash();
        if (!intent.termsHash().equals(termsHash)) {
            return Optional.of("the intent is over terms " + intent.termsHash() + ", not this agreement's proposal ("
                    + termsHash + ")");
        }
        if (SignedAct.partyOf(act).isEmpty() && terms.partyIds().contains(intent.partyId())) {
            return Optional.of("the certifying authority's act is signed for " + intent.partyId()
                    + ", a party of the agreement");
        }
        if (!intent.origin().equals(origin)) {
            return Optional.of("the intent is for the log " + intent.origin() + ", not " + origin);
        }
        if (recordedAfter(event.recordedAt(), intent.expiresAt())) {
            return Optional.of("the act was recorded at " + event.recordedAt() + ", after its intent lapsed at "
                    + intent.expiresAt());
        }
        return problemWithKey(signature.keyId(), intent.partyId(), logged.leafIndex(), 0)
                .or(() -> keys.get(signature.keyId()).signatureProblem(bytes, signature));
    }

    /** Why the key could not sign for the party at the leaf, if it could not. */
    private Optional<String> problemWithKey(String keyId, String partyId, long leaf, int depth) {
        CertifiedKey key = keys.get(keyId);
        if (key == null) {
            return Optional.of("the certificate holds no events of key " + keyId);
        }
        if (!key.partyId().equals(partyId)) {
            return Optional.of("key " + keyId + " is party " + key.partyId() + "'s, not " + partyId + "'s");
        }
        if (!key.idMatchesItsKey()) {
            return Optional.of("key " + keyId + " was registered with a public key of another id");
        }
        if (key.approvedAt() == null || key.approvedAt() >= leaf) {
            return Optional.of("key " + keyId + " was " + (key.approvedAt() == null ? "never approved"
                    : "approved at leaf " + key.approvedAt()) + ", not before leaf " + leaf);
        }
        if (key.revokedAt() != null && key.revokedAt() < leaf) {
            return Optional.of("key " + keyId + " was revoked at leaf " + key.revokedAt() + ", before leaf " + leaf);
        }
        return problemWithApproval(key, depth);
    }

    /** Why the key's approval does not hold, if it does not: an approving key must have held at the approval. */
    private Optional<String> problemWithApproval(CertifiedKey key, int depth) {
        SignerKeySignature approving = key.approval().signature();
        if (approving == null) {
            return Optional.empty();
        }
        if (depth >= MAX_APPROVAL_DEPTH) {
            return Optional.of("key " + key.keyId() + " was approved through more than " + MAX_APPROVAL_DEPTH
                    + " keys in a row");
        }
        byte[] bytes;
        KeyApprovalIntent intent;
        try {
            bytes = Base64.getUrlDecoder().decode(approving.intent());
            intent = KeyApprovalIntent.parse(bytes);
        } catch (IllegalArgumentException notAnIntent) {
            return Optional.of("key " + key.keyId() + "'s approval signs no approval intent: " + notAnIntent.getMessage());
        }
        if (!intent.approvedKeyId().equals(key.keyId()) || !intent.approvedPublicKey().equals(key.publicKey())
                || !intent.partyId().equals(key.partyId()) || !intent.keyId().equals(approving.keyId())
                || !intent.origin().equals(origin)) {
            return Optional.of("key " + key.keyId() + "'s approval signs an intent to approve " + intent.approvedKeyId()
                    + " of " + intent.partyId() + " with " + intent.keyId() + " in " + intent.origin());
        }
        if (recordedAfter(key.approvalRecordedAt(), intent.expiresAt())) {
            return Optional.of("key " + key.keyId() + " was approved at " + key.approvalRecordedAt()
                    + ", after its approval intent lapsed at " + intent.expiresAt());
        }
        return problemWithKey(approving.keyId(), key.partyId(), key.approvedAt(), depth + 1)
                .or(() -> keys.get(approving.keyId()).signatureProblem(bytes, approving)
                        .map(problem -> "key " + key.keyId() + "'s approval does not hold: " + problem));
    }

    /** Whether the event's payload type is one of the signed acts, whether or not its payload reads. */
    private static boolean recordsASignedAct(AuditEvent event) {
        try {
            return SignedAct.class.isAssignableFrom(Class.forName(String.valueOf(event.payloadType())));
        } catch (ClassNotFoundException | LinkageError unknown) {
            return false;
        }
    }

    private static boolean recordedAfter(String recordedAt, Instant instant) {
        try {
            return Instant.parse(String.valueOf(recordedAt)).isAfter(instant);
        } catch (DateTimeParseException unreadable) {
            return true;
        }
    }

    private String describe(CertifiedKey key) {
        SignerKeyApproved approval = key.approval();
        String approvedBy = approval.signature() == null ? "by the certifier's account '" + approval.approvedBy() + "'"
                : "with the signer's key " + approval.signature().keyId();
        return key.keyId() + ", registered at leaf " + key.registeredAt() + " and approved at leaf " + key.approvedAt()
                + " " + approvedBy + (key.revokedAt() == null ? "" : ", revoked later at leaf " + key.revokedAt());
    }
}
