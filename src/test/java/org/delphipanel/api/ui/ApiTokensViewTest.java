package org.delphipanel.api.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.delphipanel.api.ApiScope;
import org.delphipanel.api.ApiToken;
import org.delphipanel.api.ApiTokenService;
import org.delphipanel.base.ui.KaribuTest;
import org.delphipanel.security.AppUser;
import org.delphipanel.security.Role;
import org.delphipanel.study.StudyTestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class ApiTokensViewTest extends KaribuTest {

    @Autowired
    ApiTokenService tokens;
    @Autowired
    StudyTestData data;
    @Autowired
    JdbcTemplate jdbc;

    @SuppressWarnings("unchecked")
    private static Grid<ApiToken> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    private void open(AppUser user) {
        login(user.email(), user.role().name());
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("account/api-tokens");
        NavigatorKt.expectView(ApiTokensView.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void creating_a_token_shows_it_once_and_stores_only_its_hash() throws Exception {
        AppUser expert = data.aUser(Role.EXPERT, "view-token");
        open(expert);
        _get(TextField.class, spec -> spec.withId("token-name")).setValue("notebook");
        _get(Select.class, spec -> spec.withId("token-scope")).setValue(ApiScope.WRITE);
        _click(_get(Button.class, spec -> spec.withId("token-create")));

        String secret = _get(TextField.class, spec -> spec.withId("token-secret")).getValue();
        assertThat(secret).matches("dpat_[A-Za-z0-9_-]{43}");
        Grid<ApiToken> own = grid("own-tokens");
        assertThat(GridKt._size(own)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(own, 0)).startsWith("notebook", secret.substring(0, 9) + "…",
                "Read, rate and import", "all");
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        assertThat(jdbc.queryForObject("select count(*) from api_token where token_hash = ? and user_id = ?",
                Integer.class, hash, expert.id().value())).isEqualTo(1);

        // shown once: opening the page again lists the token but never its secret
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("account/api-tokens");
        _assertNone(TextField.class, spec -> spec.withId("token-secret"));
        assertThat(GridKt._size(grid("own-tokens"))).isEqualTo(1);
    }

    @Test
    void a_token_is_revoked_after_confirming() {
        AppUser expert = data.aUser(Role.EXPERT, "view-revoke");
        ApiToken token = tokens.create(expert.id().value(), "to revoke", null, List.of(), ApiScope.READ).token();
        open(expert);
        Grid<ApiToken> own = grid("own-tokens");
        assertThat(GridKt._getFormattedRow(own, 0)).contains("active");
        _click((Button) GridKt._getCellComponent(own, 0, "revoke"));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("revoke-confirm")));

        assertThat(tokens.tokensOf(expert.id().value())).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(token.id());
            assertThat(t.isRevoked()).isTrue();
        });
        assertThat(GridKt._getFormattedRow(grid("own-tokens"), 0).stream().anyMatch(c -> c.startsWith("revoked")))
                .isTrue();
        assertThat(GridKt._getCellComponent(grid("own-tokens"), 0, "revoke").isVisible()).isFalse();
    }

    @Test
    void an_empty_name_creates_nothing_and_says_why() {
        AppUser expert = data.aUser(Role.EXPERT, "view-empty");
        open(expert);
        _click(_get(Button.class, spec -> spec.withId("token-create")));
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("token-created")).getElement()
                .getTextRecursively()).contains("No token was created").contains("name");
        assertThat(tokens.tokensOf(expert.id().value())).isEmpty();
    }

    @Test
    void administrators_see_everyones_tokens_and_others_do_not() {
        AppUser owner = data.aUser(Role.FACILITATOR, "view-owner");
        AppUser admin = data.aUser(Role.ADMIN, "view-admin");
        ApiToken token = tokens.create(owner.id().value(), "facilitator script", null, List.of(), ApiScope.READ)
                .token();
        open(owner);
        _assertNone(Grid.class, spec -> spec.withId("all-tokens"));
        open(admin);
        Grid<ApiToken> all = grid("all-tokens");
        assertThat(java.util.stream.IntStream.range(0, GridKt._size(all)).mapToObj(i -> GridKt._get(all, i))
                .anyMatch(t -> t.id() == token.id() && t.ownerEmail().equals(owner.email()))).isTrue();
    }
}
