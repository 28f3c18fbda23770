package org.delphipanel.api.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.delphipanel.api.ApiScope;
import org.delphipanel.api.ApiToken;
import org.delphipanel.api.ApiTokenService;
import org.delphipanel.api.CreatedApiToken;
import org.delphipanel.base.ui.Times;
import org.delphipanel.security.AppUser;
import org.delphipanel.security.Role;
import org.delphipanel.security.UserService;
import org.delphipanel.study.Study;
import org.delphipanel.study.StudyOverview;
import org.delphipanel.study.StudyService;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * A person's personal API tokens: create one (shown once, to copy), see when each was last used, revoke.
 * Administrators also see everyone's tokens and may revoke any.
 */
@Route("account/api-tokens")
@PageTitle("API tokens | Delphi Panel")
@PermitAll
class ApiTokensView extends VerticalLayout {

    private final transient ApiTokenService tokens;
    private final transient Clock clock;
    private final @Nullable AppUser viewer;
    private final Map<Long, String> studyNames;

    final TextField name = new TextField("Name");
    final DatePicker expiry = new DatePicker("Expires on (optional)");
    final Select<ApiScope> scope = new Select<>();
    final MultiSelectComboBox<Study> studies = new MultiSelectComboBox<>("Only these studies (optional)");
    final Div created = new Div();
    final Grid<ApiToken> ownGrid = new Grid<>();
    final Grid<ApiToken> allGrid = new Grid<>();

    ApiTokensView(ApiTokenService tokens, UserService users, StudyService studyService, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
        this.viewer = users.currentUser().filter(AppUser::enabled).orElse(null);
        addClassName("dp-view");
        setWidthFull();
        add(new H1("API tokens"));
        if (viewer == null) {
            add(new Paragraph("Sign in to manage your API tokens."));
            studyNames = Map.of();
            return;
        }
        List<StudyOverview> visible = viewer.is(Role.ADMIN) ? studyService.allOverviews(viewer.id().value())
                : studyService.overviewsFor(viewer.id().value());
        studyNames = visible.stream().map(StudyOverview::study)
                .collect(Collectors.toMap(s -> s.id().value(), Study::name, (a, b) -> a));
        add(new Paragraph("A token lets a script or another program use the Delphi Panel API as you, with your"
                + " rights in your studies and no more: send it as \"Authorization: Bearer <token>\". Keep it secret"
                + " like a password, give it an expiry date, restrict it to the studies it needs, and revoke it as"
                + " soon as it is no longer needed. The API is described in docs/api.md and at "),
                new Anchor("/api/openapi.json", "/api/openapi.json"));
        add(createForm(visible), created, new H2("Your tokens"), createGrid(ownGrid, false));
        if (viewer.is(Role.ADMIN)) {
            add(new H2("Everyone's tokens (administrators)"), createGrid(allGrid, true));
        }
        refresh();
    }

    private Component createForm(List<StudyOverview> visible) {
        name.setId("token-name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(100);
        name.setHelperText("What will use it, e.g. \"analysis notebook\".");
        expiry.setId("token-expiry");
        expiry.setMin(LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1));
        expiry.setHelperText("The token stops working at 00:00 UTC that day.");
        scope.setId("token-scope");
        scope.setLabel("Scope");
        scope.setItems(ApiScope.values());
        scope.setItemLabelGenerator(ApiScope::label);
        scope.setValue(ApiScope.READ);
        studies.setId("token-studies");
        studies.setItems(visible.stream().map(StudyOverview::study).toList());
        studies.setItemLabelGenerator(Study::name);
        studies.setHelperText("Leave empty for every study you can see.");
        var create = new Button("Create token", e -> create());
        create.setId("token-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new FormLayout(name, expiry, scope, studies, create);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        created.setId("token-created");
        created.getElement().setAttribute("role", "status");
        return new VerticalLayout(new H2("New token"), form);
    }

    /** Creates the token and shows its secret, this once. */
    void create() {
        created.removeAll();
        Instant expiresAt = expiry.getValue() == null ? null : expiry.getValue().atStartOfDay(ZoneOffset.UTC).toInstant();
        try {
            CreatedApiToken token = tokens.create(viewer.id().value(), name.getValue(), expiresAt,
                    studies.getValue().stream().map(Study::id).toList(), scope.getValue());
            created.add(new Paragraph("Token \"" + token.token().name() + "\" created. Copy it now: it is shown only"
                    + " this once and cannot be shown again."));
            var secret = new TextField("Your new API token");
            secret.setId("token-secret");
            secret.setValue(token.secret());
            secret.setReadOnly(true);
            secret.setWidthFull();
            var copy = new Button("Copy token", e -> copy(token.secret()));
            copy.setId("token-copy");
            var row = new HorizontalLayout(secret, copy);
            row.setWidthFull();
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.setFlexGrow(1, secret);
            created.add(row);
            name.clear();
            expiry.clear();
            studies.clear();
            scope.setValue(ApiScope.READ);
            refresh();
        } catch (IllegalArgumentException | AccessDeniedException refused) {
            created.add(new Paragraph("No token was created: " + refused.getMessage()));
        }
    }

    private static void copy(String secret) {
        UI.getCurrent().getPage().executeJs("return navigator.clipboard.writeText($0)", secret).then(
                done -> Notification.show("Token copied."),
                failure -> Notification.show("This browser did not allow copying; select the token and copy it."));
    }

    private Grid<ApiToken> createGrid(Grid<ApiToken> grid, boolean withOwner) {
        grid.setId(withOwner ? "all-tokens" : "own-tokens");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        if (withOwner) {
            grid.addColumn(ApiToken::ownerEmail).setHeader("Owner").setAutoWidth(true);
        }
        grid.addColumn(ApiToken::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(t -> t.hint() + "…").setHeader("Starts with").setAutoWidth(true);
        grid.addColumn(t -> t.scope().label()).setHeader("Scope").setAutoWidth(true);
        grid.addColumn(this::studiesOf).setHeader("Studies").setAutoWidth(true);
        grid.addColumn(t -> Times.dateTime(t.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(t -> t.expiresAt() == null ? "never" : Times.dateTime(t.expiresAt())).setHeader("Expires")
                .setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? "never" : Times.dateTime(t.lastUsedAt())).setHeader("Last used")
                .setAutoWidth(true);
        grid.addColumn(this::status).setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setHeader("").setKey("revoke").setAutoWidth(true);
        return grid;
    }

    String status(ApiToken token) {
        if (token.isRevoked()) {
            return "revoked " + Times.dateTime(token.revokedAt());
        }
        return token.isExpired(clock.instant()) ? "expired" : "active";
    }

    private String studiesOf(ApiToken token) {
        if (!token.isRestricted()) {
            return "all";
        }
        return new TreeSet<>(token.studyIds()).stream()
                .map(id -> studyNames.getOrDefault(id, "study " + id)).collect(Collectors.joining(", "));
    }

    private Component revokeButton(ApiToken token) {
        var revoke = new Button("Revoke", e -> confirmRevoke(token));
        revoke.setId("revoke-" + token.id());
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        revoke.setAriaLabel("Revoke token " + token.name());
        revoke.setVisible(!token.isRevoked());
        return revoke;
    }

    private void confirmRevoke(ApiToken token) {
        var confirm = new ConfirmDialog();
        confirm.setId("revoke-confirm");
        confirm.setHeader("Revoke token \"" + token.name() + "\"?");
        confirm.setText("Programs using it get \"401 Unauthorized\" from now on. This cannot be undone.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Revoke");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> revoke(token));
        confirm.open();
    }

    void revoke(ApiToken token) {
        try {
            tokens.revoke(viewer.id().value(), token.id());
            Notification.show("Token \"" + token.name() + "\" revoked.");
        } catch (IllegalArgumentException | AccessDeniedException refused) {
            Notification.show("Not revoked: " + refused.getMessage());
        }
        refresh();
    }

    private void refresh() {
        if (viewer == null) {
            return;
        }
        ownGrid.setItems(tokens.tokensOf(viewer.id().value()));
        if (viewer.is(Role.ADMIN)) {
            allGrid.setItems(tokens.allTokens(viewer.id().value()));
        }
    }
}
