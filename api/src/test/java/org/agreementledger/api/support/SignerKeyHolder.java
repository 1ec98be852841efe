package org.agreementledger.api.support;

import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.ledger.signing.Ed25519PublicKey;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A party's signatory holding an Ed25519 key of the party's own, made in the test with the JDK, and
 * using it over HTTP as an API client would: registers it, has the certifier approve it, asks for
 * intents and signs them.
 */
public final class SignerKeyHolder {

    private final LedgerClient client;
    private final String signatory;
    private final String partyId;
    private final KeyPair keys;
    private final Ed25519PublicKey key;

    public SignerKeyHolder(LedgerClient client, String signatory, String partyId) {
        this.client = client;
        this.signatory = signatory;
        this.partyId = partyId;
        try {
            this.keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(unavailable);
        }
        this.key = Ed25519PublicKey.of(keys.getPublic());
    }

    public String keyId() {
        return key.keyId();
    }

    /** The party's key registry: {@code /api/parties/{partyId}/signer-keys}. */
    public String registry() {
        return "/api/parties/" + partyId + "/signer-keys";
    }

    /** Registered by the party's signatory, pending. */
    public SignerKeyHolder registered() {
        Answer registered = client.post(signatory, registry(), Map.of("algorithm", "Ed25519",
                "publicKey", Base64.getEncoder().encodeToString(key.raw())));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        return this;
    }

    /** Registered, and approved by the certifier. */
    public SignerKeyHolder approved() {
        registered();
        Answer approved = client.post("certifier", registry() + "/" + keyId() + "/approval", Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        return this;
    }

    /** A new intent issued to the party's signatory for this key, base64url as issued. */
    public String intent(String agreementId, String action, String date) {
        Answer issued = client.get(signatory, "/api/agreements/" + agreementId + "/signing-intent?partyId=" + partyId
                + "&action=" + action + "&date=" + date + "&keyId=" + keyId());
        assertThat(issued.status()).as(issued.text()).isEqualTo(200);
        return issued.body().get("intent").asText();
    }

    /** A new intent for this key to approve another, pending key of the party's, base64url as issued. */
    public String approvalIntentFor(String pendingKeyId) {
        Answer issued = client.get(signatory, registry() + "/" + pendingKeyId + "/approval-intent?approverKeyId="
                + keyId());
        assertThat(issued.status()).as(issued.text()).isEqualTo(200);
        return issued.body().get("intent").asText();
    }

    /** This key's Ed25519 signature over the intent's bytes, base64url. */
    public String sign(String intent) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(keys.getPrivate());
            signature.update(Base64.getUrlDecoder().decode(intent));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }

    /** A request's {@code signature} object: this key's id, the intent and the given value. */
    public Map<String, Object> signature(String intent, String value) {
        Map<String, Object> signature = new HashMap<>();
        signature.put("keyId", keyId());
        signature.put("intent", intent);
        signature.put("value", value);
        return signature;
    }

    /** A request's {@code signature} object with this key's own signature of the intent. */
    public Map<String, Object> signatureOf(String intent) {
        return signature(intent, sign(intent));
    }
}
