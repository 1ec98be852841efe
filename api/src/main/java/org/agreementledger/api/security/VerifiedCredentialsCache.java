package org.agreementledger.api.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic sends the password with every request, and checking it against a bcrypt hash costs
 * tens of milliseconds of CPU each time. This remembers, for a short while, a keyed HMAC of the
 * credentials that last passed the real check, so a client's next requests are verified in
 * microseconds. The key is random per process and never leaves it; a wrong password always goes
 * to the real check; only successful logins are remembered, so the cache is bounded by the users.
 */
class VerifiedCredentialsCache implements AuthenticationProvider {

    private final AuthenticationProvider passwordCheck;
    private final Duration timeToLive;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Verified> verifiedByUser = new ConcurrentHashMap<>();

    VerifiedCredentialsCache(AuthenticationProvider passwordCheck, Duration timeToLive, Clock clock) {
        this.passwordCheck = passwordCheck;
        this.timeToLive = timeToLive;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        byte[] fingerprint = fingerprint(username, String.valueOf(authentication.getCredentials()));
        Verified verified = verifiedByUser.get(username);
        Instant now = clock.instant();
        if (verified != null && verified.until().isAfter(now) && MessageDigest.isEqual(verified.fingerprint(), fingerprint)) {
            return verified.authentication();
        }
        Authentication authenticated = passwordCheck.authenticate(authentication);
        verifiedByUser.put(username, new Verified(fingerprint, authenticated, now.plus(timeToLive)));
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private byte[] fingerprint(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((username + '\u0000' + password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    private record Verified(byte[] fingerprint, Authentication authentication, Instant until) {
    }
}
