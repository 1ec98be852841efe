package org.agreementledger.api.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * For the tests of what wraps the real password check: a check that accepts the password
 * {@code right} for any user and counts its calls, and a clock the test moves.
 */
final class PasswordCheckDouble implements AuthenticationProvider {

    final AtomicInteger checks = new AtomicInteger();

    @Override
    public Authentication authenticate(Authentication attempt) {
        checks.incrementAndGet();
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

    /** A clock that stands still until the test moves it. */
    static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2024-08-22T02:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
