package org.agreementledger.api.security;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The identity provider's decoder, with what the ledger requires of a token besides a valid
 * signature: an expiry (a token that never expires is refused), and a subject that can stand as the
 * actor of every event (1 to 255 characters, no control characters, well-formed Unicode). A decoder
 * that cannot reach the provider raises a {@link JwtException}, which Spring Security reports as an
 * authentication service failure: a 503, not a 401 and not a 500.
 */
final class CheckedBearerTokens implements JwtDecoder {

    static final int MAX_SUBJECT_LENGTH = 255;

    private final JwtDecoder provider;

    CheckedBearerTokens(JwtDecoder provider) {
        this.provider = provider;
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt;
        try {
            jwt = provider.decode(token);
        } catch (JwtException decodedOrRefused) {
            throw decodedOrRefused;
        } catch (RuntimeException providerUnreachable) {
            // e.g. the issuer's configuration could not be fetched to build the decoder
            throw new JwtException("The identity provider cannot be reached", providerUnreachable);
        }
        if (jwt.getExpiresAt() == null) {
            throw new BadJwtException("The token has no expiry (exp)");
        }
        String subject = jwt.getSubject();
        if (subject == null || subject.isEmpty() || subject.length() > MAX_SUBJECT_LENGTH
                || subject.codePoints().anyMatch(point -> Character.isISOControl(point)
                || Character.getType(point) == Character.SURROGATE)) {
            throw new BadJwtException("The token's subject (sub) must be 1 to " + MAX_SUBJECT_LENGTH
                    + " characters without control characters");
        }
        return jwt;
    }
}
