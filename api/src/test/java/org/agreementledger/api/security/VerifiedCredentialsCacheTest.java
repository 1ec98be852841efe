package org.agreementledger.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedCredentialsCacheTest {

    private final AtomicInteger realChecks = new AtomicInteger();
    private final AuthenticationProvider passwordCheck = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication attempt) {
            realChecks.incrementAndGet();
            if (!"right".equals(attempt.getCredentials())) {
                throw new BadCredentialsException("wrong password");
            }
            return UsernamePasswordAuthenticationToken.authenticated(attempt.getName(), null,
                    AuthorityUtils.createAuthorityList("ROLE_REGISTRAR"));
        }

        @Override
        public boolean supports(Class<?> type) {
            return true;
        }
    };
    private Instant now = Instant.parse("2024-08-22T02:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final VerifiedCredentialsCache cache = new VerifiedCredentialsCache(passwordCheck, Duration.ofMinutes(5), clock);

    @Test
    void theSameRightPasswordIsCheckedAgainstItsHashOnlyOnceWhileRemembered() {
        Authentication first = cache.authenticate(attempt("registrar", "right"));
        Authentication second = cache.authenticate(attempt("registrar", "right"));

        assertThat(realChecks).hasValue(1);
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getAuthorities()).isEqualTo(first.getAuthorities());
    }

    @Test
    void aWrongPasswordAfterARightOneIsStillRefused() {
        cache.authenticate(attempt("registrar", "right"));

        assertThatThrownBy(() -> cache.authenticate(attempt("registrar", "wrong")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(realChecks).hasValue(2);
    }

    @Test
    void anotherUserWithTheSamePasswordIsCheckedForItself() {
        cache.authenticate(attempt("registrar", "right"));
        cache.authenticate(attempt("registrar2", "right"));

        assertThat(realChecks).hasValue(2);
    }

    @Test
    void aRememberedPasswordIsCheckedAgainAfterItsTimeToLive() {
        cache.authenticate(attempt("registrar", "right"));
        now = now.plus(Duration.ofMinutes(5));
        cache.authenticate(attempt("registrar", "right"));

        assertThat(realChecks).hasValue(2);
    }

    private static Authentication attempt(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }
}
