package org.delphipanel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final String ALICE = "alice@example.org";
    private static final String HOME = "192.0.2.10";
    private static final String ELSEWHERE = "198.51.100.7";

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock, 5, 20, Duration.ofMinutes(15));

    private void fail(String name, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(name, address);
        }
    }

    @Test
    void four_failures_leave_the_account_open_and_the_fifth_locks_it_for_the_lockout() {
        fail(ALICE, HOME, 4);
        assertThat(throttle.lockedFor(ALICE, HOME)).isEmpty();
        fail(ALICE, HOME, 1);
        assertThat(throttle.lockedFor(ALICE, HOME)).contains(Duration.ofMinutes(15));
        // the lock is on the name, from any address
        assertThat(throttle.lockedFor(ALICE, ELSEWHERE)).contains(Duration.ofMinutes(15));
    }

    @Test
    void the_lock_counts_down_from_the_last_failure_and_ends_after_the_lockout() {
        fail(ALICE, HOME, 5);
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.lockedFor(ALICE, HOME)).contains(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(throttle.lockedFor(ALICE, HOME)).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.lockedFor(ALICE, HOME)).isEmpty();
    }

    @Test
    void after_a_lock_has_ended_counting_starts_again_from_one() {
        fail(ALICE, HOME, 5);
        clock.advance(Duration.ofMinutes(15));
        fail(ALICE, HOME, 4);
        assertThat(throttle.lockedFor(ALICE, HOME)).isEmpty();
        fail(ALICE, HOME, 1);
        assertThat(throttle.lockedFor(ALICE, HOME)).isPresent();
    }

    @Test
    void failures_spread_over_more_than_the_lockout_do_not_add_up() {
        for (int i = 0; i < 10; i++) {
            fail(ALICE, HOME, 1);
            clock.advance(Duration.ofMinutes(16));
        }
        assertThat(throttle.lockedFor(ALICE, HOME)).isEmpty();
    }

    @Test
    void a_success_clears_the_failures_of_the_name() {
        fail(ALICE, HOME, 4);
        throttle.recordSuccess(ALICE);
        fail(ALICE, HOME, 4);
        assertThat(throttle.lockedFor(ALICE, HOME)).isEmpty();
    }

    @Test
    void names_are_counted_in_any_letter_case_and_without_surrounding_blanks() {
        fail("Alice@Example.org", HOME, 2);
        fail(" ALICE@EXAMPLE.ORG ", HOME, 3);
        assertThat(throttle.lockedFor(ALICE, HOME)).isPresent();
        throttle.recordSuccess("ALICE@example.org");
        assertThat(throttle.lockedFor(ALICE, ELSEWHERE)).isEmpty();
    }

    @Test
    void an_address_guessing_at_many_names_is_locked_after_its_own_limit_whatever_the_name() {
        for (int i = 0; i < 19; i++) {
            fail("user" + i + "@example.org", HOME, 1);
        }
        assertThat(throttle.lockedFor(ALICE, HOME)).isEmpty();
        fail("user19@example.org", HOME, 1);
        assertThat(throttle.lockedFor(ALICE, HOME)).contains(Duration.ofMinutes(15));
        // the same names from another address are not locked: no name reached its own limit
        assertThat(throttle.lockedFor("user1@example.org", ELSEWHERE)).isEmpty();
    }

    @Test
    void a_success_does_not_clear_the_failures_of_the_address() {
        for (int i = 0; i < 20; i++) {
            fail("user" + i + "@example.org", HOME, 1);
        }
        throttle.recordSuccess(ALICE);
        assertThat(throttle.lockedFor(ALICE, HOME)).isPresent();
    }

    @Test
    void a_flood_of_distinct_names_does_not_grow_the_table_without_bound() {
        for (int i = 0; i < LoginThrottle.MAX_KEYS + 10; i++) {
            throttle.recordFailure("n" + i, HOME);
        }
        // the table was cleared when full; the flooding address starts counting again
        assertThat(throttle.lockedFor("n" + (LoginThrottle.MAX_KEYS + 9), HOME)).isEmpty();
    }

    @Test
    void limits_and_lockout_must_be_positive() {
        assertThatThrownBy(() -> new LoginThrottle(clock, 0, 20, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginThrottle(clock, 5, 20, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
