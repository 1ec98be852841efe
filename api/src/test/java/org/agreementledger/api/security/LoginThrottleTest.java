package org.agreementledger.api.security;

import org.agreementledger.api.security.LoginThrottle.LoginLockedException;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginThrottleTest {

    private final PasswordCheckDouble passwordCheck = new PasswordCheckDouble();
    private final PasswordCheckDouble.MovableClock clock = new PasswordCheckDouble.MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(passwordCheck, clock);

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
        int checksBefore = passwordCheck.checks.get();

        assertThatThrownBy(() -> login("analyst", "right")).isInstanceOf(LoginLockedException.class)
                .satisfies(locked -> assertThat(((LoginLockedException) locked).retryAfterSeconds())
                        .isEqualTo(LoginThrottle.FIRST_LOCK.toSeconds()));
        assertThat(passwordCheck.checks.get()).isEqualTo(checksBefore);
    }

    @Test
    void otherUsersAreNotSlowed() {
        failTimes("intruder-target", LoginThrottle.FAILURES_BEFORE_LOCK);

        assertThat(login("analyst", "right").isAuthenticated()).isTrue();
    }

    @Test
    void theLockEndsAndTheNextOneLastsTwiceAsLong() {
        failTimes("analyst", LoginThrottle.FAILURES_BEFORE_LOCK);
        clock.move(LoginThrottle.FIRST_LOCK);
        failTimes("analyst", LoginThrottle.FAILURES_BEFORE_LOCK);

        clock.move(LoginThrottle.FIRST_LOCK.minusSeconds(1));
        assertThatThrownBy(() -> login("analyst", "right")).isInstanceOf(LoginLockedException.class);
        clock.move(LoginThrottle.FIRST_LOCK.plusSeconds(1));
        assertThat(login("analyst", "right").isAuthenticated()).isTrue();
    }

    @Test
    void locksNeverExceedTheLongest() {
        for (int lock = 0; lock < 12; lock++) {
            failTimes("analyst", LoginThrottle.FAILURES_BEFORE_LOCK);
            clock.move(LoginThrottle.LONGEST_LOCK);
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
