package org.delphipanel.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.delphipanel.security.Role;
import org.delphipanel.security.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The side navigation lists only what the signed-in role may open; the header names the user. */
class MainLayoutTest extends KaribuTest {

    @Autowired
    UserService users;

    private List<String> menu() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }

    private void signIn(Role role) {
        String email = role.name().toLowerCase() + "-" + System.nanoTime() + "@example.org";
        users.createUser(email, "Someone", role, "correct horse battery staple");
        login(email, role.name());
        UI.getCurrent().navigate("");
    }

    @Test
    void an_expert_sees_home_and_rubrics_but_not_people() {
        signIn(Role.EXPERT);
        assertThat(menu()).contains("Home", "Rubrics").doesNotContain("People");
    }

    @Test
    void an_administrator_also_sees_people() {
        signIn(Role.ADMIN);
        assertThat(menu()).contains("Home", "Rubrics", "People");
    }

    @Test
    void the_header_offers_sign_out() {
        signIn(Role.FACILITATOR);
        assertThat(_find(Button.class)).extracting(Button::getText).contains("Sign out");
    }
}
