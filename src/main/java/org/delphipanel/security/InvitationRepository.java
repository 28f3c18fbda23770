package org.delphipanel.security;

import static org.delphipanel.db.Tables.APP_USER;
import static org.delphipanel.db.Tables.INVITATION;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.delphipanel.db.tables.records.InvitationRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** Reads and writes table {@code invitation}. */
@Repository
class InvitationRepository {

    private final DSLContext db;

    InvitationRepository(DSLContext db) {
        this.db = db;
    }

    InvitationId insert(EmailAddress email, Role role, String tokenHash, UserId invitedBy, Instant createdAt,
            Instant expiresAt, @Nullable Long studyId) {
        long id = db.insertInto(INVITATION)
                .set(INVITATION.EMAIL, email.value())
                .set(INVITATION.ROLE, role.name())
                .set(INVITATION.TOKEN_HASH, tokenHash)
                .set(INVITATION.INVITED_BY, invitedBy.value())
                .set(INVITATION.CREATED_AT, utc(createdAt))
                .set(INVITATION.EXPIRES_AT, utc(expiresAt))
                .set(INVITATION.STUDY_ID, studyId)
                .returning(INVITATION.ID)
                .fetchSingle(INVITATION.ID);
        return new InvitationId(id);
    }

    Optional<Invitation> findByTokenHash(String tokenHash) {
        return db.selectFrom(INVITATION)
                .where(INVITATION.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(InvitationRepository::toInvitation);
    }

    /**
     * Records the acceptance; the condition on a missing acceptance makes this the single point where
     * two simultaneous acceptances of one link are told apart: only one of them changes the row.
     */
    boolean markAccepted(InvitationId id, Instant acceptedAt) {
        return db.update(INVITATION)
                .set(INVITATION.ACCEPTED_AT, utc(acceptedAt))
                .where(INVITATION.ID.eq(id.value()))
                .and(INVITATION.ACCEPTED_AT.isNull())
                .execute() == 1;
    }

    /** Invitations neither accepted nor expired at {@code now}, those expiring first at the top. */
    List<PendingInvitation> findPending(Instant now) {
        return findPending(now, DSL.noCondition());
    }

    /** The pending invitations to one study's panel. */
    List<PendingInvitation> findPendingForStudy(Instant now, long studyId) {
        return findPending(now, INVITATION.STUDY_ID.eq(studyId));
    }

    private List<PendingInvitation> findPending(Instant now, Condition condition) {
        return db.select(INVITATION.ID, INVITATION.EMAIL, INVITATION.ROLE, APP_USER.EMAIL, INVITATION.CREATED_AT,
                        INVITATION.EXPIRES_AT)
                .from(INVITATION)
                .join(APP_USER).on(APP_USER.ID.eq(INVITATION.INVITED_BY))
                .where(INVITATION.ACCEPTED_AT.isNull())
                .and(INVITATION.EXPIRES_AT.gt(utc(now)))
                .and(condition)
                .orderBy(INVITATION.EXPIRES_AT, INVITATION.ID)
                .fetch(row -> new PendingInvitation(new InvitationId(row.value1()), row.value2(),
                        Role.valueOf(row.value3()), row.value4(), row.value5().toInstant(), row.value6().toInstant()));
    }

    private static Invitation toInvitation(InvitationRecord row) {
        return new Invitation(new InvitationId(row.getId()), new EmailAddress(row.getEmail()), Role.valueOf(row.getRole()),
                row.getTokenHash(), new UserId(row.getInvitedBy()), row.getCreatedAt().toInstant(),
                row.getExpiresAt().toInstant(), row.getAcceptedAt() == null ? null : row.getAcceptedAt().toInstant(),
                row.getStudyId());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
