package org.delphipanel.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per sign-in name and per client address, and pauses sign-in for a key once
 * it has failed too often. A key is locked when it has {@code maxFailures} failures, the last one
 * less than {@code lockout} ago; the lock ends {@code lockout} after the last failure, and the next
 * failure after that starts counting from one again. Attempts refused during a lock are not counted,
 * so a lock cannot be made longer by hammering it.
 *
 * <p>The name is counted whether or not an account exists for it, so the lock (and its message) tells
 * nobody which addresses have accounts. Kept in memory, per application instance: a restart forgets
 * the counts, which is acceptable for slowing down guessing. At most {@link #MAX_KEYS} keys are kept;
 * when full, expired entries are dropped first, and if that is not enough the table is cleared rather
 * than growing without bound (a flood of distinct names must not exhaust the heap).
 *
 * <p>Thread-safe.
 */
public final class LoginThrottle {

    static final int MAX_KEYS = 100_000;
    /** Longer names are cut before counting; e-mail addresses are at most 254 characters. */
    private static final int MAX_NAME_LENGTH = 320;

    private record Failures(int count, Instant last) {
    }

    private final Clock clock;
    private final int maxFailuresPerAccount;
    private final int maxFailuresPerAddress;
    private final Duration lockout;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, int maxFailuresPerAccount, int maxFailuresPerAddress, Duration lockout) {
        if (maxFailuresPerAccount < 1 || maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("the failure limits must be at least 1");
        }
        if (lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("the lockout must be positive, not " + lockout);
        }
        this.clock = clock;
        this.maxFailuresPerAccount = maxFailuresPerAccount;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.lockout = lockout;
    }

    public Duration lockout() {
        return lockout;
    }

    /**
     * How long sign-in stays paused for this name or this address (the longer of the two), or empty
     * when an attempt may go ahead.
     */
    public Optional<Duration> lockedFor(String name, String address) {
        Instant now = clock.instant();
        Duration remaining = longer(remaining(accountKey(name), maxFailuresPerAccount, now),
                remaining(addressKey(address), maxFailuresPerAddress, now));
        return remaining.isZero() ? Optional.empty() : Optional.of(remaining);
    }

    public void recordFailure(String name, String address) {
        Instant now = clock.instant();
        makeRoom(now);
        failures.merge(accountKey(name), new Failures(1, now), (old, fresh) -> next(old, now));
        failures.merge(addressKey(address), new Failures(1, now), (old, fresh) -> next(old, now));
    }

    /**
     * A successful sign-in clears the failures of its name. The address keeps its count: one valid
     * account must not let its holder reset the limit that slows down guessing at other accounts.
     */
    public void recordSuccess(String name) {
        failures.remove(accountKey(name));
    }

    private Failures next(Failures old, Instant now) {
        return expired(old, now) ? new Failures(1, now) : new Failures(old.count() + 1, now);
    }

    private Duration remaining(String key, int max, Instant now) {
        Failures entry = failures.get(key);
        if (entry == null || entry.count() < max || expired(entry, now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, entry.last().plus(lockout));
    }

    private boolean expired(Failures entry, Instant now) {
        return !now.isBefore(entry.last().plus(lockout));
    }

    private void makeRoom(Instant now) {
        if (failures.size() < MAX_KEYS) {
            return;
        }
        failures.values().removeIf(entry -> expired(entry, now));
        if (failures.size() >= MAX_KEYS) {
            failures.clear();
        }
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String accountKey(String name) {
        String normal = name.strip().toLowerCase(Locale.ROOT);
        return "name:" + (normal.length() > MAX_NAME_LENGTH ? normal.substring(0, MAX_NAME_LENGTH) : normal);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
