package org.delphipanel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.delphipanel.security.Invitation.State;
import org.delphipanel.security.InvitationNotValidException.Reason;
import org.junit.jupiter.api.Test;

class InvitationTest {

    private static final Instant CREATED = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant EXPIRES = CREATED.plus(Duration.ofDays(14));

    private static Invitation anInvitation() {
        return new Invitation(new InvitationId(1), new EmailAddress("ada@example.org"), Role.EXPERT,
                InvitationTokens.hash("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"), new UserId(7), CREATED, EXPIRES,
                null);
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void an_invitation_is_pending_until_the_instant_before_it_expires() {
        assertThat(anInvitation().state(at(CREATED))).isEqualTo(State.PENDING);
        assertThat(anInvitation().state(at(EXPIRES.minusNanos(1)))).isEqualTo(State.PENDING);
    }

    @Test
    void an_invitation_has_expired_at_its_expiry_instant_and_after() {
        assertThat(anInvitation().state(at(EXPIRES))).isEqualTo(State.EXPIRED);
        assertThat(anInvitation().state(at(EXPIRES.plus(Duration.ofDays(300))))).isEqualTo(State.EXPIRED);
    }

    @Test
    void accepting_records_the_clock_instant() {
        Instant now = CREATED.plus(Duration.ofHours(5));
        Invitation accepted = anInvitation().accept(at(now));
        assertThat(accepted.acceptedAt()).isEqualTo(now);
        assertThat(accepted.state(at(now))).isEqualTo(State.ACCEPTED);
    }

    @Test
    void an_accepted_invitation_cannot_be_accepted_again() {
        Invitation accepted = anInvitation().accept(at(CREATED.plusSeconds(60)));
        assertThatThrownBy(() -> accepted.accept(at(CREATED.plusSeconds(120))))
                .isInstanceOfSatisfying(InvitationNotValidException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.ALREADY_USED));
    }

    @Test
    void an_accepted_invitation_stays_accepted_after_its_expiry() {
        Invitation accepted = anInvitation().accept(at(CREATED.plusSeconds(60)));
        assertThat(accepted.state(at(EXPIRES.plusSeconds(1)))).isEqualTo(State.ACCEPTED);
    }

    @Test
    void an_expired_invitation_cannot_be_accepted() {
        assertThatThrownBy(() -> anInvitation().accept(at(EXPIRES)))
                .isInstanceOfSatisfying(InvitationNotValidException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(Reason.EXPIRED);
                    assertThat(refused).hasMessage(InvitationNotValidException.MESSAGE);
                });
    }

    @Test
    void an_invitation_cannot_expire_before_it_is_created() {
        assertThatThrownBy(() -> new Invitation(new InvitationId(1), new EmailAddress("ada@example.org"), Role.EXPERT,
                "00", new UserId(7), CREATED, CREATED, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expires after it is created");
    }
}
