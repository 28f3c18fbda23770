package org.delphipanel.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import java.util.Map;
import java.util.Set;
import org.delphipanel.security.Role;
import org.delphipanel.security.UserService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each role reaches exactly its views, and an anonymous visitor is sent to the login page. The
 * table below is the contract; a new view must be added to it.
 */
class ViewAccessTest extends KaribuTest {

    /** Route → the roles that may open it. */
    private static final Map<String, Set<Role>> ALLOWED = Map.of(
            "", Set.of(Role.ADMIN, Role.FACILITATOR, Role.EXPERT),
            "frameworks", Set.of(Role.ADMIN, Role.FACILITATOR, Role.EXPERT),
            "admin/users", Set.of(Role.ADMIN),
            "studies", Set.of(Role.ADMIN, Role.FACILITATOR));

    @Autowired
    UserService users;

    @ParameterizedTest
    @EnumSource(Role.class)
    void each_role_opens_exactly_the_views_it_is_allowed(Role role) {
        String email = role.name().toLowerCase() + "-" + System.nanoTime() + "@example.org";
        users.createUser(email, "Someone", role, "correct horse battery staple");
        login(email, role.name());
        ALLOWED.forEach((route, roles) -> {
            if (roles.contains(role)) {
                UI.getCurrent().navigate(route);
                assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                        .as(role + " opens '" + route + "'").isEqualTo(route);
            } else {
                assertThatThrownBy(() -> UI.getCurrent().navigate(route))
                        .as(role + " is refused '" + route + "'")
                        .hasMessageContaining("Access is denied");
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "frameworks", "admin/users", "studies", "studies/1/setup", "studies/1/results",
            "rate/1"})
    void an_anonymous_visitor_is_sent_to_the_login_page(String route) {
        logout();
        UI.getCurrent().navigate(route);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("login");
        assertThat(_find(LoginForm.class)).hasSize(1);
    }

}
