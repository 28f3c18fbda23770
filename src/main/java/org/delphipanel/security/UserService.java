package org.delphipanel.security;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.delphipanel.audit.AuditLog;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accounts: creating them, finding them, switching them on and off, and telling who is signed in.
 * Passwords are kept only as hashes from the application's {@link PasswordEncoder} (bcrypt).
 */
@Service
public class UserService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog auditLog;
    private final Clock clock;

    UserService(UserRepository users, PasswordEncoder passwordEncoder, AuditLog auditLog, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Creates an enabled account that can sign in at once. No permission check: this is for the
     * application itself (demo data, tests); people get accounts through invitations.
     *
     * @throws IllegalArgumentException for a malformed e-mail address, an empty name or a password
     *     that breaks the {@link PasswordPolicy}
     * @throws DuplicateEmailException if the address already has an account
     */
    @Transactional
    public AppUser createUser(String email, String displayName, Role role, String rawPassword) {
        EmailAddress address = EmailAddress.of(email);
        String name = DisplayNames.check(displayName);
        PasswordPolicy.check(rawPassword);
        return insert(address, name, role, passwordEncoder.encode(rawPassword));
    }

    /** An account that cannot sign in until an invitation sets its password (the first administrator). */
    AppUser createWithoutPassword(EmailAddress email, String displayName, Role role) {
        return insert(email, DisplayNames.check(displayName), role, null);
    }

    private AppUser insert(EmailAddress email, String displayName, Role role, @Nullable String passwordHash) {
        if (users.findByEmail(email).isPresent()) {
            throw new DuplicateEmailException(email.value());
        }
        UserId id;
        try {
            id = users.insert(email, displayName, role, passwordHash, clock.instant());
        } catch (DuplicateKeyException raceLost) {
            throw new DuplicateEmailException(email.value());
        }
        var user = new AppUser(id, email.value(), displayName, role, true);
        auditLog.record(actor(), "user.created", "user", id.toString(), null, describe(user));
        return user;
    }

    /** The account for an address, ignoring case; empty for unknown or malformed addresses. */
    @Transactional(readOnly = true)
    public Optional<AppUser> findByEmail(String email) {
        return parse(email).flatMap(users::findByEmail).map(UserRepository.StoredUser::user);
    }

    @Transactional(readOnly = true)
    public Optional<AppUser> findById(UserId id) {
        return users.findById(id).map(UserRepository.StoredUser::user);
    }

    /** All accounts, by e-mail address. */
    @Transactional(readOnly = true)
    public List<AppUser> list() {
        return users.findAll().stream().map(UserRepository.StoredUser::user).toList();
    }

    /** All accounts with their creation time and whether they have a password yet, by e-mail address. */
    @Transactional(readOnly = true)
    public List<UserListing> directory() {
        return users.findAll().stream().map(UserRepository.StoredUser::listing).toList();
    }

    /**
     * Lets an account sign in again, or stops it from signing in (its data stays). Only administrators
     * may do this, and not to themselves, so that nobody locks the last door from the inside.
     */
    @Transactional
    public AppUser setEnabled(UserId id, boolean enabled) {
        AppUser admin = currentUser()
                .filter(user -> user.is(Role.ADMIN) && user.enabled())
                .orElseThrow(() -> new AccessDeniedException("Only an administrator can enable or disable accounts."));
        AppUser before = findById(id).orElseThrow(() -> new IllegalArgumentException("There is no user with id " + id + "."));
        if (before.id().equals(admin.id()) && !enabled) {
            throw new IllegalArgumentException("You cannot disable your own account.");
        }
        if (before.enabled() == enabled) {
            return before;
        }
        users.setEnabled(id, enabled);
        var after = new AppUser(before.id(), before.email(), before.displayName(), before.role(), enabled);
        auditLog.record(admin.email(), enabled ? "user.enabled" : "user.disabled", "user", id.toString(),
                describe(before), describe(after));
        return after;
    }

    /**
     * The account of whoever is signed in on this thread, found by the authentication's name (the
     * e-mail address), so it works whatever principal type the login produced.
     */
    @Transactional(readOnly = true)
    public Optional<AppUser> currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return findByEmail(authentication.getName());
    }

    /** The signed-in account, or an access refusal naming what was attempted. */
    public AppUser requireCurrentUser(String attempted) {
        return currentUser().filter(AppUser::enabled)
                .orElseThrow(() -> new AccessDeniedException("Sign in to " + attempted + "."));
    }

    Optional<UserRepository.StoredUser> findStored(EmailAddress email) {
        return users.findByEmail(email);
    }

    /** Whether at least one enabled administrator with a password exists. */
    @Transactional(readOnly = true)
    public boolean hasUsableAdmin() {
        return users.countUsableAdmins() > 0;
    }

    /** Gives a password to an account that has none; false if it got one meanwhile. */
    boolean completeAccount(UserId id, String displayName, String rawPassword) {
        return users.completeAccount(id, displayName, passwordEncoder.encode(rawPassword));
    }

    /** The audit actor for the current thread: the signed-in e-mail, or the application itself. */
    String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return AuditLog.SYSTEM_ACTOR;
        }
        return authentication.getName();
    }

    static String describe(AppUser user) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("email", user.email());
        state.put("displayName", user.displayName());
        state.put("role", user.role().name());
        state.put("enabled", user.enabled());
        return JSON.writeValueAsString(state);
    }

    private static Optional<EmailAddress> parse(String email) {
        try {
            return Optional.of(EmailAddress.of(email));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
