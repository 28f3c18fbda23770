package org.delphipanel.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotFoundError;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.InternalServerError;
import java.util.stream.Collectors;
import org.delphipanel.security.AppUser;
import org.delphipanel.security.Role;
import org.delphipanel.security.SecurityTestData;
import org.delphipanel.security.UserService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Malformed ids in addresses (letters, negative, zero, beyond a long, unknown): every view answers
 * with Vaadin's not-found page or a page of its own that says so, never with the internal-error page.
 * The role is one that may open the view, so it is the parameters that are tested, not access rules.
 * (The scoring views' routes take digits only, so letters never reach them.)
 */
class RouteParametersBadInputTest extends KaribuTest {

    @Autowired
    UserService users;

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource(textBlock = """
            studies/abc/setup, FACILITATOR
            studies/-1/setup, FACILITATOR
            studies/0/setup, FACILITATOR
            studies/99999999999999999999/setup, FACILITATOR
            studies/987654321/setup, FACILITATOR
            studies/abc/rules, EXPERT
            studies/99999999999999999999/rules, EXPERT
            studies/987654321/rules, EXPERT
            studies/abc/export, FACILITATOR
            studies/99999999999999999999/export, FACILITATOR
            studies/987654321/export, FACILITATOR
            studies/99999999999999999999/results, FACILITATOR
            studies/987654321/results, FACILITATOR
            studies/987654321/review, FACILITATOR
            studies/987654321/agreement, FACILITATOR
            studies/987654321/convergence, FACILITATOR
            rate/abc, EXPERT
            rate/99999999999999999999, EXPERT
            rate/987654321, EXPERT
            rate/abc/1/1.1, EXPERT
            rate/1/99999999999999999999/1.1, EXPERT
            rate/987654321/1/1.1, EXPERT
            rate/1/abc/%3Cscript%3E, EXPERT
            invitation/not-a-token, EXPERT
            invitation/%00%0A, EXPERT
            """)
    void a_malformed_or_unknown_id_gets_a_page_that_says_so(String path, String role) {
        AppUser user = users.createUser(SecurityTestData.uniqueEmail("routes"), "Route User", Role.valueOf(role),
                SecurityTestData.PASSWORD);
        login(user.email(), role);
        try {
            UI.getCurrent().navigate(path);
        } catch (NotFoundError vaadinsNotFoundPage) {
            return;
        }
        assertThat(_find(InternalServerError.class)).as(path).isEmpty();
        String page = UI.getCurrent().getChildren().map(Component::getElement)
                .map(element -> element.getTextRecursively()).collect(Collectors.joining(" ")).toLowerCase();
        assertThat(page).as(path).containsAnyOf("not found", "no such", "cannot be used", "not a member",
                "there is no", "no study");
    }
}
