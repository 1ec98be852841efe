package org.agreementledger.api.security;

import org.agreementledger.api.security.LoginThrottle.LoginLockedException;
import org.junit.jupiter.api.Test;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginThrottleTest {

    private final AtomicInteger realChecks = new AtomicInteger();
    private Instant now = Instant.parse("2024-08-22T02:00:00Z");
    private final Clock clock = new Clock() {
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
    };
    private final LoginThrottle throttle = new LoginThrottle(new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication attempt) {
            realChecks.incrementAndGet();
            if (!"right".equals(attempt.getCredentials())) {
                throw new BadCredentialsException("wrong password");
            }
            return UsernamePasswordAuthenticationToken.authenticated(attempt.getName(), null,
                    AuthorityUtils.createAuthorityList("ROLE_ANALYST"));
        }

        @Override
        public boolean supports(Class<?> type) {
            return true;
        }
    }, clock);

    private Authentication login(String user, String password) {
        return throttle.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password));
    }

    private void failTimes(String user, int times) {
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> login(user, "wrong")).isInstanceOf(BadCredentialsException.class);
        }
    }

    @Test
    void fourWrongPasswordsLeaveTheUserFreeToLogIn() {
        failTimes("analyst", LoginThrottle.FAILURES_BEFORE_LOCK - 1);

        assertThat(login("analyst", "right").isAuthenticated()).isTrue();
    }

    @Test
    void theFifthWrongPasswordLocksTheUserOutEvenWithTheRightOneWithoutCheckingIt() {
        failTimes("analyst", LoginThrottle.FAILURES_BEFORE_LOCK);
        int checksBefore = realChecks.get();

        assertThatThrownBy(() -> login("analyst", "right")).isInstanceOf(LoginLockedException.class)
                .satisfies(locked -> assertThat(((LoginLockedException) locked).retryAfterSeconds())
                        .isEqualTo(LoginThrottle.FIRST_LOCK.toSeconds()));
        assertThat(realChecks.get()).isEqualTo(checksBefore);
    }

    @Test
    void otherUsersAreNotSlowed() {
        failTimes("intruder-target", LoginThrottle.FAILURES_BEFORE_LOCK);

        assertThat(login("analyst", "right").isAuthenticated()).isTrue();
    }

    @Test
    void theLockEndsAndTheNextOneLastsTwiceAsLong() {
        failTimes("analyst", LoginThrottle.FAILURES_BEFORE_LOCK);
        now = now.plus(LoginThrottle.FIRST_LOCK);
        failTimes("analyst", LoginThrottle.FAILURES_BEFORE_LOCK);

        now = now.plus(LoginThrottle.FIRST_LOCK).minusSeconds(1);
        assertThatThrownBy(() -> login("analyst", "right")).isInstanceOf(LoginLockedException.class);
        now = now.plus(LoginThrottle.FIRST_LOCK).plusSeconds(1);
        assertThat(login("analyst", "right").isAuthenticated()).isTrue();
    }

    @Test
    void locksNeverExceedTheLongest() {
        for (int lock = 0; lock < 12; lock++) {
            failTimes("analyst", LoginThrottle.FAILURES_BEFORE_LOCK);
            now = now.plus(LoginThrottle.LONGEST_LOCK);
        }
        failTimes("analyst", LoginThrottle.FAILURES_BEFORE_LOCK);

        assertThatThrownBy(() -> login("analyst", "right")).isInstanceOf(LoginLockedException.class)
                .satisfies(locked -> assertThat(Duration.ofSeconds(((LoginLockedException) locked).retryAfterSeconds()))
                        .isEqualTo(LoginThrottle.LONGEST_LOCK));
    }

    @Test
    void aRightPasswordClearsTheCount() {
        failTimes("analyst", LoginThrottle.FAILURES_BEFORE_LOCK - 1);
        login("analyst", "right");
        failTimes("analyst", LoginThrottle.FAILURES_BEFORE_LOCK - 1);

        assertThat(login("analyst", "right").isAuthenticated()).isTrue();
    }
}
