package org.agreementledger.api.security;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How a person may sign in here, for the sign-in page to offer: the form (when users are configured,
 * as in the embedded default) and the organisation's identity provider (when one is, as in production).
 */
@RestController
class SignInOptionsController {

    static final String PATH = "/sign-in/options";

    /** @param identityProvider where to go to sign in through the identity provider; null when there is none */
    record SignInOptions(boolean form, String identityProvider) {
    }

    private final SignInOptions options;

    SignInOptionsController(LedgerSecurityProperties properties,
                            ObjectProvider<ClientRegistrationRepository> identityProvider) {
        this.options = new SignInOptions(!properties.users().isEmpty(),
                identityProvider.getIfAvailable() == null ? null : IdentityProviderSignIn.START);
    }

    /** Open to everyone: the sign-in page asks before anyone has signed in. */
    @SecurityRequirements
    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public SignInOptions options() {
        return options;
    }
}
