package org.agreementledger.ledger.signing;

/**
 * A signature made with a party's own key, kept in the event exactly as received and checked
 * before it was written: the key's id, the intent's canonical bytes and the signature over them,
 * both base64url. Whoever holds the log can check it again, offline, against the key's registration.
 */
public record SignerKeySignature(String keyId, String intent, String value) {
}
