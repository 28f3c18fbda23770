package org.delphipanel.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * The frame around every signed-in view: the product name, a side navigation built from the
 * views' {@code @Menu} annotations (filtered by the viewer's roles) and a sign-out button.
 */
@Layout
@AnonymousAllowed
public final class MainLayout extends AppLayout {

    private final transient AuthenticationContext authenticationContext;

    MainLayout(AuthenticationContext authenticationContext) {
        this.authenticationContext = authenticationContext;
        setPrimarySection(Section.DRAWER);
        addToNavbar(new DrawerToggle(), createHeader());
        addToDrawer(createBrand(), createSideNav());
    }

    private HorizontalLayout createHeader() {
        var header = new HorizontalLayout();
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.addClassName("dp-header");
        var spacer = new Div();
        header.add(spacer);
        header.setFlexGrow(1, spacer);
        authenticationContext.getPrincipalName().ifPresent(name -> {
            var user = new Span(name);
            user.addClassName("dp-user");
            // by path, not by class: base.ui must not depend on a feature's views
            var tokens = new Anchor("account/api-tokens", "API tokens");
            tokens.setId("nav-api-tokens");
            tokens.addClassName("dp-account-link");
            var signOut = new Button("Sign out", event -> authenticationContext.logout());
            signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            header.add(user, tokens, signOut);
        });
        return header;
    }

    private Div createBrand() {
        var brand = new Div(new Span("Delphi Panel"));
        brand.addClassName("dp-brand");
        return brand;
    }

    private SideNav createSideNav() {
        var nav = new SideNav();
        nav.setLabel("Main navigation");
        nav.addClassName("dp-nav");
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(createSideNavItem(entry)));
        return nav;
    }

    private static SideNavItem createSideNavItem(MenuEntry entry) {
        var item = new SideNavItem(entry.title(), entry.path());
        item.setMatchNested(true);
        if (entry.icon() != null) {
            item.setPrefixComponent(new Icon(entry.icon()));
        }
        return item;
    }
}
