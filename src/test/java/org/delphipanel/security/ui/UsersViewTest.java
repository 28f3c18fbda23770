package org.delphipanel.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.delphipanel.security.SecurityTestData.PASSWORD;
import static org.delphipanel.security.SecurityTestData.uniqueEmail;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.stream.IntStream;
import org.delphipanel.base.ui.KaribuTest;
import org.delphipanel.security.AppUser;
import org.delphipanel.security.MutableClock;
import org.delphipanel.security.PendingInvitation;
import org.delphipanel.security.Role;
import org.delphipanel.security.TestClockConfiguration;
import org.delphipanel.security.UserListing;
import org.delphipanel.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

@Import(TestClockConfiguration.class)
class UsersViewTest extends KaribuTest {

    @Autowired
    UserService users;

    @Autowired
    MutableClock clock;

    AppUser admin;

    @BeforeEach
    void setUp() {
        clock.reset();
        admin = users.createUser(uniqueEmail("view-admin"), "View Admin", Role.ADMIN, PASSWORD);
    }

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    private static <T> int rowOf(Grid<T> grid, java.util.function.Predicate<T> match) {
        return IntStream.range(0, GridKt._size(grid)).filter(row -> match.test(GridKt._get(grid, row))).findFirst()
                .orElseThrow(() -> new AssertionError("no such row"));
    }

    @Test
    void an_administrator_sees_the_people_page_with_every_account() {
        AppUser expert = users.createUser(uniqueEmail("view-expert"), "View Expert", Role.EXPERT, PASSWORD);
        login(admin.email(), "ADMIN");
        UI.getCurrent().navigate("admin/users");
        NavigatorKt.expectView(UsersView.class);

        Grid<UserListing> accounts = grid("users-grid");
        List<String> expertRow = GridKt._getFormattedRow(accounts, rowOf(accounts, l -> l.user().equals(expert)));
        assertThat(expertRow).startsWith(expert.email(), "View Expert", "Expert", "Enabled", "2026-03-02 09:00 UTC");
    }

    @Test
    void an_administrator_creates_an_invitation_and_sees_its_link_once() {
        String invited = uniqueEmail("view-invited");
        login(admin.email(), "ADMIN");
        UI.getCurrent().navigate("admin/users");

        _get(EmailField.class, spec -> spec.withId("invite-email")).setValue(invited);
        _get(Select.class, spec -> spec.withId("invite-role")).setValue(Role.FACILITATOR);
        _click(_get(Button.class, spec -> spec.withId("invite-create")));

        String link = _get(TextField.class, spec -> spec.withId("invitation-link")).getValue();
        assertThat(link).matches("http://localhost:8080/invitation/[A-Za-z0-9_-]{43}");
        Grid<PendingInvitation> pending = grid("pending-grid");
        assertThat(GridKt._getFormattedRow(pending, rowOf(pending, p -> p.email().equals(invited))))
                .containsExactly(invited, "Facilitator", admin.email(), "2026-03-16 09:00 UTC");
    }

    @Test
    void an_invalid_address_is_marked_on_the_field() {
        login(admin.email(), "ADMIN");
        UI.getCurrent().navigate("admin/users");
        EmailField email = _get(EmailField.class, spec -> spec.withId("invite-email"));
        email.setValue("not an address");
        _click(_get(Button.class, spec -> spec.withId("invite-create")));
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).contains("is not a valid e-mail address");
        _assertNone(TextField.class, spec -> spec.withId("invitation-link"));
    }

    @Test
    void an_administrator_disables_an_account_from_the_grid() {
        AppUser expert = users.createUser(uniqueEmail("view-disable"), "To Disable", Role.EXPERT, PASSWORD);
        login(admin.email(), "ADMIN");
        UI.getCurrent().navigate("admin/users");
        Grid<UserListing> accounts = grid("users-grid");

        Button toggle = (Button) GridKt._getCellComponent(accounts, rowOf(accounts, l -> l.user().equals(expert)),
                "action");
        assertThat(toggle.getText()).isEqualTo("Disable");
        assertThat(toggle.getAriaLabel()).contains("Disable " + expert.email());
        _click(toggle);

        assertThat(users.findById(expert.id())).get().extracting(AppUser::enabled).isEqualTo(false);
        assertThat(GridKt._getFormattedRow(accounts, rowOf(accounts, l -> l.user().id().equals(expert.id()))))
                .contains("Disabled");
    }

    @Test
    void the_side_navigation_offers_people_to_an_administrator() {
        login(admin.email(), "ADMIN");
        UI.getCurrent().navigate("admin/users");
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel, SideNavItem::getPath)
                .contains(tuple("People", "admin/users"));
    }

    // Signed-in people without the role meet Vaadin's access-denied error; in Karibu that error view
    // is MockRouteAccessDeniedError, which throws instead of rendering the not-found page.
    @Test
    void an_expert_is_refused_the_people_page() {
        login(uniqueEmail("view-expert"), "EXPERT");
        assertThatThrownBy(() -> UI.getCurrent().navigate("admin/users"))
                .isInstanceOf(MockAccessDeniedException.class)
                .hasCauseInstanceOf(AccessDeniedException.class);
        _assertNone(UsersView.class);
    }

    @Test
    void a_facilitator_is_refused_the_people_page() {
        login(uniqueEmail("view-facilitator"), "FACILITATOR");
        assertThatThrownBy(() -> UI.getCurrent().navigate("admin/users"))
                .isInstanceOf(MockAccessDeniedException.class)
                .hasCauseInstanceOf(AccessDeniedException.class);
        _assertNone(UsersView.class);
    }
}
