package org.agreementledger.api.web.signing;

import org.agreementledger.api.signing.CertifyingAuthority;
import org.agreementledger.api.signing.Passkeys;
import org.agreementledger.api.signing.SignerKeyView;
import org.agreementledger.api.signing.SignerKeys;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * The options a browser makes a passkey with, for a signer (docs/signer-keys.md): a signatory asks
 * for its own party's, the certifier for the certifying authority's. Each answer carries a new
 * single-use challenge, never cached.
 */
@RestController
@RequestMapping(path = "/api/parties/{partyId}/signer-keys", produces = {MediaType.APPLICATION_JSON_VALUE,
        MediaType.APPLICATION_PROBLEM_JSON_VALUE})
class PasskeyOptionsController {

    private final Passkeys passkeys;
    private final SignerKeys signerKeys;
    private final CertifyingAuthority authority;

    PasskeyOptionsController(Passkeys passkeys, SignerKeys signerKeys, CertifyingAuthority authority) {
        this.passkeys = passkeys;
        this.signerKeys = signerKeys;
        this.authority = authority;
    }

    @GetMapping("/passkey-options")
    public ResponseEntity<Map<String, Object>> options(@PathVariable String partyId, Authentication authentication) {
        authority.requireMayActFor(authentication, partyId);
        List<String> existing = signerKeys.ofParty(partyId).stream().filter(SignerKeyView::isPasskey)
                .map(SignerKeyView::credentialId).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(passkeys.registrationOptions(partyId, authentication.getName(), existing));
    }
}
