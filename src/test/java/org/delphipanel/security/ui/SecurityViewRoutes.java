package org.delphipanel.security.ui;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import org.delphipanel.base.ui.MainLayout;

/**
 * Registers this package's views with the mocked Vaadin servlet. Karibu's route discovery
 * (ClassGraph without {@code ignoreClassVisibility}) finds only public view classes, and these views
 * are package-private like all views in the project; {@code @Layout} classes are not registered either.
 */
final class SecurityViewRoutes {

    private SecurityViewRoutes() {
    }

    static void register() {
        ApplicationRouteRegistry.getInstance(VaadinService.getCurrent().getContext()).setLayout(MainLayout.class);
        RouteConfiguration routes = RouteConfiguration.forApplicationScope();
        routes.setAnnotatedRoute(UsersView.class);
        routes.setAnnotatedRoute(AcceptInvitationView.class);
        if (!routes.isRouteRegistered(LoginView.class)) {
            routes.setAnnotatedRoute(LoginView.class);
        }
    }
}
