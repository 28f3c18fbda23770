package org.delphipanel.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.delphipanel.audit.AuditLog;
import org.delphipanel.security.InvitationNotValidException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Invitations: the only way a person gets an account. An administrator may invite anyone; a
 * facilitator may invite experts. The link works once, until it expires ({@code delphi.invitation.ttl},
 * 14 days by default).
 */
@Service
public class InvitationService {

    private static final Logger LOG = LoggerFactory.getLogger(InvitationService.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final InvitationRepository invitations;
    private final UserService userService;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration timeToLive;
    private final String publicUrl;
    private final ObjectProvider<InvitedStudies> invitedStudies;
    private final SecureRandom random = new SecureRandom();

    InvitationService(InvitationRepository invitations, UserService userService, AuditLog auditLog,
            ApplicationEventPublisher events, Clock clock,
            @Value("${delphi.invitation.ttl:14d}") Duration timeToLive,
            @Value("${delphi.public-url:http://localhost:8080}") String publicUrl,
            ObjectProvider<InvitedStudies> invitedStudies) {
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("delphi.invitation.ttl must be positive, got " + timeToLive);
        }
        this.invitations = invitations;
        this.userService = userService;
        this.auditLog = auditLog;
        this.events = events;
        this.clock = clock;
        this.timeToLive = timeToLive;
        this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
        this.invitedStudies = invitedStudies;
    }

    /** How long a new invitation stays valid. */
    public Duration timeToLive() {
        return timeToLive;
    }

    /**
     * Creates an invitation from the signed-in person.
     *
     * @throws AccessDeniedException if that person may not invite someone with this role
     * @throws IllegalArgumentException for a malformed address, or one already registered with another role
     * @throws DuplicateEmailException if the address already has an account with a password
     */
    @Transactional
    public InvitationLink invite(String email, @Nullable Role role) {
        if (role == null) {
            throw new IllegalArgumentException("Choose the role the invited person will have.");
        }
        AppUser inviter = userService.requireCurrentUser("invite people");
        if (!inviter.role().mayInvite(role)) {
            throw new AccessDeniedException(
                    inviter.role().label() + "s cannot invite " + role.label().toLowerCase() + "s.");
        }
        return create(EmailAddress.of(email), role, inviter.id(), inviter.email(), null);
    }

    /**
     * Creates an invitation from the signed-in person to the panel of one study. This service does not
     * know studies: the caller (the study feature) checks that the inviter may manage that study; on
     * acceptance, {@link InvitationAccepted} carries the study id to whoever puts people on panels.
     *
     * @throws AccessDeniedException if the signed-in person may not invite someone with this role
     * @throws IllegalArgumentException for a malformed address, or one already registered with another role
     * @throws DuplicateEmailException if the address already has an account with a password
     */
    @Transactional
    public InvitationLink inviteToStudy(String email, Role role, long studyId) {
        AppUser inviter = userService.requireCurrentUser("invite people");
        if (!inviter.role().mayInvite(role)) {
            throw new AccessDeniedException(
                    inviter.role().label() + "s cannot invite " + role.label().toLowerCase() + "s.");
        }
        return create(EmailAddress.of(email), role, inviter.id(), inviter.email(), studyId);
    }

    /** Creates an invitation on the application's own behalf (the first administrator). */
    @Transactional
    InvitationLink inviteAsSystem(EmailAddress email, Role role, UserId inviter) {
        return create(email, role, inviter, AuditLog.SYSTEM_ACTOR, null);
    }

    private InvitationLink create(EmailAddress email, Role role, UserId inviterId, String actor,
            @Nullable Long studyId) {
        userService.findStored(email).ifPresent(existing -> {
            if (existing.hasPassword()) {
                throw new DuplicateEmailException(email.value());
            }
            if (existing.user().role() != role) {
                throw new IllegalArgumentException(email + " is already registered as "
                        + existing.user().role().label().toLowerCase() + "; invite them with that role.");
            }
        });
        String token = InvitationTokens.newToken(random);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(timeToLive);
        InvitationId id = invitations.insert(email, role, InvitationTokens.hash(token), inviterId, now, expiresAt,
                studyId);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("email", email.value());
        state.put("role", role.name());
        state.put("expiresAt", expiresAt.toString());
        if (studyId != null) {
            state.put("studyId", studyId);
        }
        auditLog.record(actor, "invitation.created", "invitation", id.toString(), null, JSON.writeValueAsString(state));
        String path = "/invitation/" + token;
        return new InvitationLink(id, email.value(), role, expiresAt, path, publicUrl + path);
    }

    /**
     * Shows whom a link invites, without using it up.
     *
     * @throws InvitationNotValidException for an unknown, expired or used link
     */
    @Transactional(readOnly = true)
    public InvitationPreview preview(String token) {
        Invitation invitation = usable(token);
        Long studyId = invitation.studyId();
        InvitedStudies names = invitedStudies.getIfAvailable();
        String studyName = studyId == null || names == null ? null : names.name(studyId).orElse(null);
        return new InvitationPreview(invitation.email().value(), invitation.role(), invitation.expiresAt(), studyName);
    }

    /**
     * Uses a link: creates the invited account (or gives the waiting account its password), marks
     * the invitation accepted and publishes {@link InvitationAccepted}, all in one transaction.
     *
     * @throws InvitationNotValidException for an unknown, expired or used link (checked first)
     * @throws IllegalArgumentException for an empty name or a password that breaks the {@link PasswordPolicy}
     *     or does not match its confirmation; the link stays usable
     */
    @Transactional
    public AppUser accept(String token, String displayName, String password, String confirmation) {
        Invitation invitation = usable(token);
        String name = DisplayNames.check(displayName);
        PasswordPolicy.check(password, confirmation);
        Invitation accepted = invitation.accept(clock);

        AppUser user = userService.findStored(invitation.email())
                .map(existing -> {
                    if (existing.hasPassword() || !userService.completeAccount(existing.user().id(), name, password)) {
                        // someone else finished this account with another invitation meanwhile
                        throw new InvitationNotValidException(Reason.ALREADY_USED);
                    }
                    return new AppUser(existing.user().id(), existing.user().email(), name, existing.user().role(),
                            existing.user().enabled());
                })
                .orElseGet(() -> userService.createUser(invitation.email().value(), name, invitation.role(), password));
        if (!invitations.markAccepted(accepted.id(), accepted.acceptedAt())) {
            throw new InvitationNotValidException(Reason.ALREADY_USED);
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("email", user.email());
        state.put("role", user.role().name());
        state.put("userId", user.id().value());
        auditLog.record(user.email(), "invitation.accepted", "invitation", invitation.id().toString(), null,
                JSON.writeValueAsString(state));
        events.publishEvent(new InvitationAccepted(invitation.id(), user, invitation.studyId()));
        return user;
    }

    /** Invitations neither accepted nor expired, those expiring first at the top. */
    @Transactional(readOnly = true)
    public List<PendingInvitation> pending() {
        return invitations.findPending(clock.instant());
    }

    /**
     * The pending invitations to one study's panel. No permission check here: the study feature,
     * which knows who manages the study, decides who may see them.
     */
    @Transactional(readOnly = true)
    public List<PendingInvitation> pendingForStudy(long studyId) {
        return invitations.findPendingForStudy(clock.instant(), studyId);
    }

    private Invitation usable(String token) {
        if (token == null || !InvitationTokens.isWellFormed(token)) {
            LOG.debug("Refused a malformed invitation token");
            throw new InvitationNotValidException(Reason.UNKNOWN);
        }
        Invitation invitation = invitations.findByTokenHash(InvitationTokens.hash(token))
                .filter(found -> InvitationTokens.matches(token, found.tokenHash()))
                .orElseThrow(() -> new InvitationNotValidException(Reason.UNKNOWN));
        return switch (invitation.state(clock)) {
            case PENDING -> invitation;
            case ACCEPTED -> throw new InvitationNotValidException(Reason.ALREADY_USED);
            case EXPIRED -> throw new InvitationNotValidException(Reason.EXPIRED);
        };
    }
}
