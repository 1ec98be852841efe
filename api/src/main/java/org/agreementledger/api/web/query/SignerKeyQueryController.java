package org.agreementledger.api.web.query;

import org.agreementledger.api.signing.SignerKeyView;
import org.agreementledger.api.signing.SignerKeys;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Every key ever registered in a party's name, with its status and the log positions of its events,
 * for anyone signed in: a party watches for keys it did not register.
 */
@RestController
@RequestMapping(path = "/api/parties/{partyId}/signer-keys", produces = {MediaType.APPLICATION_JSON_VALUE,
        MediaType.APPLICATION_PROBLEM_JSON_VALUE})
class SignerKeyQueryController {

    private final SignerKeys signerKeys;

    SignerKeyQueryController(SignerKeys signerKeys) {
        this.signerKeys = signerKeys;
    }

    @GetMapping
    public List<SignerKeyView> keys(@PathVariable String partyId) {
        return signerKeys.ofParty(partyId);
    }
}
