package org.agreementledger.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedCredentialsCacheTest {

    private final PasswordCheckDouble passwordCheck = new PasswordCheckDouble();
    private final AtomicInteger realChecks = passwordCheck.checks;
    private final PasswordCheckDouble.MovableClock clock = new PasswordCheckDouble.MovableClock();
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
        clock.move(Duration.ofMinutes(5));
        cache.authenticate(attempt("registrar", "right"));

        assertThat(realChecks).hasValue(2);
    }

    private static Authentication attempt(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }
}
