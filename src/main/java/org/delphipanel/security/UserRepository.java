package org.delphipanel.security;

import static org.delphipanel.db.Tables.APP_USER;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.delphipanel.db.tables.records.AppUserRecord;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** Reads and writes table {@code app_user}. E-mail addresses arrive here already normalized. */
@Repository
class UserRepository {

    /** A user row with the parts that never leave this package. */
    record StoredUser(AppUser user, @Nullable String passwordHash, Instant createdAt) {

        boolean hasPassword() {
            return passwordHash != null;
        }

        UserListing listing() {
            return new UserListing(user, createdAt, hasPassword());
        }
    }

    private final DSLContext db;

    UserRepository(DSLContext db) {
        this.db = db;
    }

    UserId insert(EmailAddress email, String displayName, Role role, @Nullable String passwordHash, Instant createdAt) {
        long id = db.insertInto(APP_USER)
                .set(APP_USER.EMAIL, email.value())
                .set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.ROLE, role.name())
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.ENABLED, true)
                .set(APP_USER.CREATED_AT, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC))
                .returning(APP_USER.ID)
                .fetchSingle(APP_USER.ID);
        return new UserId(id);
    }

    Optional<StoredUser> findByEmail(EmailAddress email) {
        return db.selectFrom(APP_USER).where(APP_USER.EMAIL.eq(email.value())).fetchOptional(UserRepository::toStored);
    }

    Optional<StoredUser> findById(UserId id) {
        return db.selectFrom(APP_USER).where(APP_USER.ID.eq(id.value())).fetchOptional(UserRepository::toStored);
    }

    List<StoredUser> findAll() {
        return db.selectFrom(APP_USER).orderBy(APP_USER.EMAIL).fetch(UserRepository::toStored);
    }

    boolean setEnabled(UserId id, boolean enabled) {
        return db.update(APP_USER).set(APP_USER.ENABLED, enabled).where(APP_USER.ID.eq(id.value())).execute() == 1;
    }

    /**
     * Gives a password (and the chosen name) to an account that has none; the condition on the
     * missing password makes a second, concurrent acceptance change nothing.
     */
    boolean completeAccount(UserId id, String displayName, String passwordHash) {
        return db.update(APP_USER)
                .set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .where(APP_USER.ID.eq(id.value()))
                .and(APP_USER.PASSWORD_HASH.isNull())
                .execute() == 1;
    }

    /** Counts administrators who can actually sign in: enabled and with a password. */
    int countUsableAdmins() {
        return db.fetchCount(APP_USER, APP_USER.ROLE.eq(Role.ADMIN.name())
                .and(APP_USER.ENABLED.isTrue())
                .and(APP_USER.PASSWORD_HASH.isNotNull()));
    }

    private static StoredUser toStored(AppUserRecord row) {
        var user = new AppUser(new UserId(row.getId()), row.getEmail(), row.getDisplayName(),
                Role.valueOf(row.getRole()), row.getEnabled());
        return new StoredUser(user, row.getPasswordHash(), row.getCreatedAt().toInstant());
    }
}
