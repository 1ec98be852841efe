package org.agreementledger.api.web.signing;

import org.agreementledger.api.openapi.Refuses;
import org.agreementledger.api.problem.ProblemCode;
import org.agreementledger.api.problem.Problems;
import org.agreementledger.api.signing.CertifyingAuthority;
import org.agreementledger.api.signing.SignerKeys;
import org.agreementledger.api.signing.SigningIntents;
import org.agreementledger.ledger.signerkey.SignerKeyStatus;
import org.agreementledger.ledger.signerkey.SignerKeyStatusException;
import org.agreementledger.ledger.signing.KeyApprovalIntent;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The intent an approved key of a party signs to approve another, pending key of the same party
 * (docs/signer-keys.md): a signatory of the party asks for one, naming the approving key, and gets
 * the exact bytes to sign. Each answer is a new intent with its own nonce, never cached.
 */
@RestController
@RequestMapping(path = "/api/parties/{partyId}/signer-keys", produces = {MediaType.APPLICATION_JSON_VALUE,
        MediaType.APPLICATION_PROBLEM_JSON_VALUE})
class KeyApprovalIntentController {

    private final SigningIntents intents;
    private final SignerKeys signerKeys;
    private final CertifyingAuthority authority;

    KeyApprovalIntentController(SigningIntents intents, SignerKeys signerKeys, CertifyingAuthority authority) {
        this.intents = intents;
        this.signerKeys = signerKeys;
        this.authority = authority;
    }

    @GetMapping("/{keyId}/approval-intent")
    @Refuses({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
    public ResponseEntity<Object> intent(@PathVariable String partyId, @PathVariable String keyId,
                                         @RequestParam String approverKeyId, Authentication authentication) {
        InvalidIntentParameterException.requireKeyId("approverKeyId", approverKeyId);
        authority.requireMayActFor(authentication, partyId);
        return signerKeys.findOfParty(partyId, keyId)
                .<ResponseEntity<Object>>map(approved -> {
                    if (approved.status() != SignerKeyStatus.PENDING) {
                        throw new SignerKeyStatusException(approved.status(), "only a pending key can be approved");
                    }
                    KeyApprovalIntent intent = intents.issueKeyApproval(approved, approverKeyId,
                            authentication.getName());
                    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                            .body(IssuedIntent.of(intent.bytes(), intent.digest()));
                })
                .orElseGet(() -> Problems.response(Problems.of(ProblemCode.SIGNER_KEY_NOT_FOUND,
                        "Party " + partyId + " has no key " + keyId)));
    }
}
