// Passkeys (WebAuthn) for a signer's own signatures (docs/signer-keys.md): registering one with the
// options the ledger issues, and signing an intent with it, its SHA-256 as the challenge.
import { api } from './app.js';

function bytes(base64url) {
  const text = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}

function base64url(buffer) {
  return btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function hexBytes(hex) {
  return Uint8Array.from(hex.match(/../g), (pair) => parseInt(pair, 16));
}

export function passkeysSupported() {
  return Boolean(window.PublicKeyCredential && navigator.credentials);
}

/** Makes a passkey for the signer and registers it: answers the ledger's answer (201 with its key id, or a problem). */
export async function registerPasskey(signerId) {
  const options = await api(`/api/parties/${encodeURIComponent(signerId)}/signer-keys/passkey-options`);
  if (!options.ok) return options;
  const publicKey = {
    ...options.data,
    challenge: bytes(options.data.challenge),
    user: { ...options.data.user, id: bytes(options.data.user.id) },
    excludeCredentials: options.data.excludeCredentials.map((credential) => ({ ...credential, id: bytes(credential.id) })),
  };
  const credential = await navigator.credentials.create({ publicKey });
  return api(`/api/parties/${encodeURIComponent(signerId)}/signer-keys`, {
    method: 'POST',
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    body: {
      algorithm: 'WebAuthn',
      clientDataJSON: base64url(credential.response.clientDataJSON),
      attestationObject: base64url(credential.response.attestationObject),
    },
  });
}

/**
 * The `signature` object of a command signed with the passkey: the intent the ledger issued, and
 * the passkey's assertion over its SHA-256 (the intent's digest), the user verified.
 */
export async function signWithPasskey(issued, key) {
  const assertion = await navigator.credentials.get({
    publicKey: {
      challenge: hexBytes(issued.digest),
      rpId: key.rpId,
      allowCredentials: [{ type: 'public-key', id: bytes(key.credentialId) }],
      userVerification: 'required',
    },
  });
  return {
    keyId: key.keyId,
    intent: issued.intent,
    authenticatorData: base64url(assertion.response.authenticatorData),
    clientDataJSON: base64url(assertion.response.clientDataJSON),
    value: base64url(assertion.response.signature),
  };
}
