package org.agreementledger.api.web.command;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.agreementledger.api.command.AppendedPosition;
import org.agreementledger.api.command.LedgerCommands;
import org.agreementledger.api.openapi.Refuses;
import org.agreementledger.api.problem.ProblemCode;
import org.agreementledger.api.problem.Problems;
import org.agreementledger.api.security.LedgerRole;
import org.agreementledger.api.signing.CertifyingAuthority;
import org.agreementledger.api.signing.Passkeys;
import org.agreementledger.api.signing.Passkeys.RegisteredPasskey;
import org.agreementledger.api.signing.SignatureCheck;
import org.agreementledger.api.signing.SignatureRefusedException;
import org.agreementledger.api.signing.SignerKeyView;
import org.agreementledger.api.signing.SignerKeys;
import org.agreementledger.api.web.idempotency.IdempotentCommandRunner;
import org.agreementledger.ledger.command.ApproveSignerKey;
import org.agreementledger.ledger.command.RegisterSignerKey;
import org.agreementledger.ledger.command.RevokeSignerKey;
import org.agreementledger.ledger.signerkey.InvalidSignerKeyException;
import org.agreementledger.ledger.signerkey.SignerKeyStatus;
import org.agreementledger.ledger.signing.Ed25519PublicKey;
import org.agreementledger.ledger.signing.PasskeyPublicKey;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * A party's signer keys (docs/signer-keys.md): a signatory registers a key of its party's, pending
 * until the certifier approves it, or another approved key of the party's does; a signatory of the
 * party or the certifier revokes it. The certifying authority's keys are registered the same way, by
 * the certifier, under the authority's id. Each is an
 * event in the ledger like any other.
 */
@RestController
@RequestMapping(path = "/api/parties/{partyId}/signer-keys", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
class SignerKeyCommandController {

    private final LedgerCommands commands;
    private final IdempotentCommandRunner runner;
    private final SignerKeys signerKeys;
    private final AppendedPosition appended;
    private final SignatureCheck signatureCheck;
    private final CertifyingAuthority authority;
    private final Passkeys passkeys;

    SignerKeyCommandController(LedgerCommands commands, IdempotentCommandRunner runner, SignerKeys signerKeys,
                               AppendedPosition appended, SignatureCheck signatureCheck,
                               CertifyingAuthority authority, Passkeys passkeys) {
        this.passkeys = passkeys;
        this.commands = commands;
        this.runner = runner;
        this.signerKeys = signerKeys;
        this.appended = appended;
        this.signatureCheck = signatureCheck;
        this.authority = authority;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "registered, pending approval: the key's id and status")
    @Refuses(HttpStatus.CONFLICT)
    public ResponseEntity<Object> register(@PathVariable String partyId, @Valid @RequestBody SignerKeyRequest body,
                                           CommandContext context, Authentication authentication) {
        authority.requireMayActFor(authentication, partyId);
        String actor = context.actor().name();
        return runner.run(actor, context.idempotencyKey(), context.identity(body), () -> {
            RegisterSignerKey registration = registrationOf(partyId, body, actor);
            String keyId = registration.keyId();
            if (signerKeys.find(keyId).isPresent()) {
                return Problems.response(Problems.of(ProblemCode.SIGNER_KEY_EXISTS,
                        "The key " + keyId + " is registered already"));
            }
            commands.send(registration, actor, context.correlationId());
            return ResponseEntity.created(URI.create("/api/parties/" + partyId + "/signer-keys/" + keyId))
                    .body(new SignerKeyAccepted(keyId, partyId, SignerKeyStatus.PENDING, context.correlationId(),
                            appended.ofLastEvent()));
        });
    }

    /**
     * By the certifier, with no body; or by a signatory of the party with {@code signature}: another
     * approved key of the party's signature over an intent to approve this key, checked at the door.
     */
    @PostMapping(path = "/{keyId}/approval", consumes = MediaType.ALL_VALUE)
    @Refuses({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
    public ResponseEntity<Object> approve(@PathVariable String partyId, @PathVariable String keyId,
                                          @Valid @RequestBody(required = false) SignerKeyApprovalRequest body,
                                          CommandContext context, Authentication authentication) {
        SignerKeySignatureRequest signature = body == null ? null : body.signature();
        if (signature == null && !LedgerRole.CERTIFIER.heldBy(authentication)) {
            throw new SignatureRefusedException(ProblemCode.SIGNER_KEY_REQUIRED, "only the certifier approves a key"
                    + " without a signature; a signatory of the party approves one with the signature of another"
                    + " approved key of the party's over an approval intent");
        }
        if (signature != null) {
            authority.requireMayActFor(authentication, partyId);
        }
        return runOnKey(partyId, keyId, context, body == null ? "" : body, approved -> {
            if (signature == null && authority.is(partyId) && signerKeys.ofParty(partyId).stream()
                    .anyMatch(key -> key.status() == SignerKeyStatus.APPROVED)) {
                throw new SignatureRefusedException(ProblemCode.SIGNER_KEY_REQUIRED, "the certifying authority has an"
                        + " approved key: its next keys are approved with one of its keys, so that its account alone"
                        + " cannot add one");
            }
            return new ApproveSignerKey(keyId, partyId, context.actor().name(), signature == null ? null
                    : signatureCheck.checkKeyApproval(approved, signature.toSignature()));
        });
    }

    @PostMapping("/{keyId}/revocation")
    @Refuses({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
    public ResponseEntity<Object> revoke(@PathVariable String partyId, @PathVariable String keyId,
                                         @Valid @RequestBody SignerKeyRevocationRequest body, CommandContext context,
                                         Authentication authentication) {
        if (!LedgerRole.CERTIFIER.heldBy(authentication)) {
            // a signatory revokes its own party's keys; the certifier any
            authority.requireMayActFor(authentication, partyId);
        }
        return runOnKey(partyId, keyId, context, body, key -> {
            signerKeys.lock(keyId); // not while a signature by the key is being checked and written
            return new RevokeSignerKey(keyId, partyId, context.actor().name(), body.reason());
        });
    }

    /** Runs the command made for the party's key, once it is found. */
    private ResponseEntity<Object> runOnKey(String partyId, String keyId, CommandContext context, Object body,
                                            Function<SignerKeyView, Object> command) {
        String actor = context.actor().name();
        return runner.run(actor, context.idempotencyKey(), context.identity(body), () -> {
            Optional<SignerKeyView> key = signerKeys.findOfParty(partyId, keyId);
            if (key.isEmpty()) {
                return Problems.response(Problems.of(ProblemCode.SIGNER_KEY_NOT_FOUND,
                        "Party " + partyId + " has no key " + keyId));
            }
            SignerKeyStatus status = commands.send(command.apply(key.get()), actor, context.correlationId());
            return ResponseEntity.ok(new SignerKeyAccepted(keyId, partyId, status, context.correlationId(),
                    appended.ofLastEvent()));
        });
    }

    /**
     * The registration a request asks for: a passkey's, once its registration ceremony verified; an
     * Ed25519 key's under the id its bytes give it (one that is no Ed25519 key is refused as the
     * aggregate would).
     */
    private RegisterSignerKey registrationOf(String partyId, SignerKeyRequest body, String actor) {
        if (PasskeyPublicKey.ALGORITHM.equals(body.algorithm())) {
            RegisteredPasskey passkey = passkeys.verifyRegistration(partyId, body.clientDataJSON(),
                    body.attestationObject());
            return new RegisterSignerKey(passkey.keyId(), partyId, PasskeyPublicKey.ALGORITHM, passkey.publicKey(),
                    actor, passkey.credentialId(), passkey.rpId());
        }
        try {
            String keyId = Ed25519PublicKey.fromRaw(Base64.getDecoder().decode(String.valueOf(body.publicKey()))).keyId();
            return new RegisterSignerKey(keyId, partyId, body.algorithm(), body.publicKey(), actor);
        } catch (IllegalArgumentException notAKey) {
            throw InvalidSignerKeyException.notAnEd25519Key(notAKey);
        }
    }
}
