package org.delphipanel.security;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gets the first administrator in without any default password: when no administrator can sign in
 * and {@code delphi.admin.email} (environment variable {@code DELPHI_ADMIN_EMAIL}) names an address,
 * each start-up creates a fresh one-time invitation for it and writes the link to the log once.
 *
 * <p>The invitation table needs an inviter, so the administrator's account is created first, without
 * a password, and invites itself; accepting the link sets the password.
 */
@Component
class FirstAdminInvitation {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdminInvitation.class);

    private final UserService userService;
    private final InvitationService invitationService;
    private final TransactionTemplate transaction;
    private final String adminEmail;

    FirstAdminInvitation(UserService userService, InvitationService invitationService,
            PlatformTransactionManager transactionManager, @Value("${delphi.admin.email:}") String adminEmail) {
        this.userService = userService;
        this.invitationService = invitationService;
        this.transaction = new TransactionTemplate(transactionManager);
        this.adminEmail = adminEmail;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onApplicationReady() {
        inviteIfNoAdmin().ifPresent(link -> LOG.warn(
                "No administrator can sign in yet. Open this one-time link to set the password of {} "
                        + "(valid until {}): {}", link.email(), link.expiresAt(), link.url()));
    }

    /** Creates the invitation if it is needed and possible; empty otherwise. */
    Optional<InvitationLink> inviteIfNoAdmin() {
        if (adminEmail.isBlank()) {
            return Optional.empty();
        }
        EmailAddress email = EmailAddress.of(adminEmail);
        return transaction.execute(status -> {
            if (userService.hasUsableAdmin()) {
                return Optional.empty();
            }
            Optional<UserRepository.StoredUser> existing = userService.findStored(email);
            if (existing.isPresent()
                    && (existing.get().hasPassword() || !existing.get().user().is(Role.ADMIN))) {
                LOG.warn("delphi.admin.email is {}, but that account exists and is not an administrator waiting "
                        + "for a password; no invitation was created. Enable an administrator by other means.", email);
                return Optional.empty();
            }
            UserId adminId = existing.map(found -> found.user().id())
                    .orElseGet(() -> userService.createWithoutPassword(email, "Administrator", Role.ADMIN).id());
            return Optional.of(invitationService.inviteAsSystem(email, Role.ADMIN, adminId));
        });
    }
}
