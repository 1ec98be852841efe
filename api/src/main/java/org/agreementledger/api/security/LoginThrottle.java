package org.agreementledger.api.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wrong passwords are throttled per user name: after {@value #FAILURES_BEFORE_LOCK} in a row, that
 * name is locked out for a while (each further lock twice as long, up to {@link #LONGEST_LOCK}),
 * answered 429 with Retry-After, whatever password comes; other users are not slowed. A correct
 * password clears the count. The names tracked are bounded, oldest first out.
 */
final class LoginThrottle implements AuthenticationProvider {

    static final int FAILURES_BEFORE_LOCK = 5;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    private static final int NAMES_TRACKED = 10_000;

    private final AuthenticationProvider passwordCheck;
    private final Clock clock;
    private final Map<String, Failures> failuresByName = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > NAMES_TRACKED;
        }
    };

    LoginThrottle(AuthenticationProvider passwordCheck, Clock clock) {
        this.passwordCheck = passwordCheck;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = authentication.getName();
        Instant now = clock.instant();
        synchronized (failuresByName) {
            Failures failures = failuresByName.get(name);
            if (failures != null && failures.lockedUntil() != null && now.isBefore(failures.lockedUntil())) {
                throw new LoginLockedException(Duration.between(now, failures.lockedUntil()));
            }
        }
        try {
            Authentication authenticated = passwordCheck.authenticate(authentication);
            synchronized (failuresByName) {
                failuresByName.remove(name);
            }
            return authenticated;
        } catch (BadCredentialsException wrong) {
            synchronized (failuresByName) {
                failuresByName.put(name, failuresByName.getOrDefault(name, Failures.NONE).after(now));
            }
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwordCheck.supports(authentication);
    }

    /** Wrong passwords in a row, and the lock they earned. */
    private record Failures(int inARow, int locks, Instant lockedUntil) {

        static final Failures NONE = new Failures(0, 0, null);

        Failures after(Instant now) {
            if (inARow + 1 < FAILURES_BEFORE_LOCK) {
                return new Failures(inARow + 1, locks, null);
            }
            Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(locks, 10));
            return new Failures(0, locks + 1, now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock));
        }
    }

    /** The user name is locked out for a while: answered 429 with Retry-After. */
    static final class LoginLockedException extends AuthenticationException {

        private final Duration retryAfter;

        LoginLockedException(Duration retryAfter) {
            super("Too many wrong passwords for this user; try again in " + Math.max(1, retryAfter.toSeconds())
                    + " seconds.");
            this.retryAfter = retryAfter;
        }

        long retryAfterSeconds() {
            return Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
        }
    }
}
