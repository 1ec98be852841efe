package org.agreementledger.api.web.session;

import org.agreementledger.api.security.Actor;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Who is signed in, with which roles and for which party: what the web app shows and offers. */
@RestController
public class SignedInUserController {

    private static final String ROLE_PREFIX = "ROLE_";

    /** @param partyId the party a signatory signs for; null for every other role */
    public record SignedInUser(String username, List<String> roles, String partyId) {
    }

    @GetMapping(path = "/api/me", produces = MediaType.APPLICATION_JSON_VALUE)
    public SignedInUser me(Authentication authentication) {
        Actor actor = Actor.of(authentication);
        List<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .sorted()
                .toList();
        return new SignedInUser(actor.name(), roles, actor.partyId().orElse(null));
    }
}
