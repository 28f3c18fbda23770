package org.delphipanel.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void administrators_may_invite_every_role() {
        assertThat(Role.values()).allMatch(Role.ADMIN::mayInvite);
    }

    @Test
    void facilitators_may_invite_experts_only() {
        assertThat(Role.FACILITATOR.mayInvite(Role.EXPERT)).isTrue();
        assertThat(Role.FACILITATOR.mayInvite(Role.FACILITATOR)).isFalse();
        assertThat(Role.FACILITATOR.mayInvite(Role.ADMIN)).isFalse();
    }

    @Test
    void experts_may_invite_nobody() {
        assertThat(Role.values()).noneMatch(Role.EXPERT::mayInvite);
    }

    @Test
    void authorities_carry_spring_security_role_prefix() {
        assertThat(Role.FACILITATOR.authority()).isEqualTo("ROLE_FACILITATOR");
    }
}
