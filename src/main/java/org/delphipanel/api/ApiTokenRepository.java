package org.delphipanel.api;

import static org.delphipanel.db.Tables.API_TOKEN;
import static org.delphipanel.db.Tables.API_TOKEN_STUDY;
import static org.delphipanel.db.Tables.APP_USER;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** Reads and writes tables {@code api_token} and {@code api_token_study}. */
@Repository
class ApiTokenRepository {

    /** A token with its stored hash, for authentication only. */
    record Stored(ApiToken token, String tokenHash, boolean ownerEnabled) {
    }

    private final DSLContext db;

    ApiTokenRepository(DSLContext db) {
        this.db = db;
    }

    long insert(long userId, String name, String tokenHash, String hint, ApiScope scope, Instant createdAt,
            @Nullable Instant expiresAt, Collection<Long> studyIds) {
        long id = db.insertInto(API_TOKEN)
                .set(API_TOKEN.USER_ID, userId)
                .set(API_TOKEN.NAME, name)
                .set(API_TOKEN.TOKEN_HASH, tokenHash)
                .set(API_TOKEN.TOKEN_HINT, hint)
                .set(API_TOKEN.SCOPE, scope.name())
                .set(API_TOKEN.CREATED_AT, utc(createdAt))
                .set(API_TOKEN.EXPIRES_AT, expiresAt == null ? null : utc(expiresAt))
                .returning(API_TOKEN.ID)
                .fetchSingle(API_TOKEN.ID);
        for (long studyId : studyIds) {
            db.insertInto(API_TOKEN_STUDY).set(API_TOKEN_STUDY.TOKEN_ID, id).set(API_TOKEN_STUDY.STUDY_ID, studyId)
                    .execute();
        }
        return id;
    }

    Optional<Stored> findByHash(String tokenHash) {
        return db.select(API_TOKEN.asterisk(), APP_USER.EMAIL, APP_USER.ENABLED)
                .from(API_TOKEN)
                .join(APP_USER).on(APP_USER.ID.eq(API_TOKEN.USER_ID))
                .where(API_TOKEN.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(row -> new Stored(toToken(row, studies(List.of(row.get(API_TOKEN.ID))).getOrDefault(
                        row.get(API_TOKEN.ID), Set.of())), row.get(API_TOKEN.TOKEN_HASH), row.get(APP_USER.ENABLED)));
    }

    Optional<ApiToken> findById(long id) {
        return find(API_TOKEN.ID.eq(id)).stream().findFirst();
    }

    /** One person's tokens, newest first. */
    List<ApiToken> findByUser(long userId) {
        return find(API_TOKEN.USER_ID.eq(userId));
    }

    /** Everyone's tokens, newest first. */
    List<ApiToken> findAll() {
        return find(DSL.noCondition());
    }

    boolean revoke(long id, long revokedBy, Instant at) {
        return db.update(API_TOKEN)
                .set(API_TOKEN.REVOKED_AT, utc(at))
                .set(API_TOKEN.REVOKED_BY, revokedBy)
                .where(API_TOKEN.ID.eq(id))
                .and(API_TOKEN.REVOKED_AT.isNull())
                .execute() == 1;
    }

    void touch(long id, Instant at) {
        db.update(API_TOKEN).set(API_TOKEN.LAST_USED_AT, utc(at)).where(API_TOKEN.ID.eq(id)).execute();
    }

    private List<ApiToken> find(Condition condition) {
        var rows = db.select(API_TOKEN.asterisk(), APP_USER.EMAIL)
                .from(API_TOKEN)
                .join(APP_USER).on(APP_USER.ID.eq(API_TOKEN.USER_ID))
                .where(condition)
                .orderBy(API_TOKEN.CREATED_AT.desc(), API_TOKEN.ID.desc())
                .fetch();
        Map<Long, Set<Long>> studies = studies(rows.getValues(API_TOKEN.ID));
        return rows.map(row -> toToken(row, studies.getOrDefault(row.get(API_TOKEN.ID), Set.of())));
    }

    private Map<Long, Set<Long>> studies(Collection<Long> tokenIds) {
        if (tokenIds.isEmpty()) {
            return Map.of();
        }
        return db.select(API_TOKEN_STUDY.TOKEN_ID, API_TOKEN_STUDY.STUDY_ID)
                .from(API_TOKEN_STUDY)
                .where(API_TOKEN_STUDY.TOKEN_ID.in(tokenIds))
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(r -> r.value1(), Collectors.mapping(r -> r.value2(),
                        Collectors.toCollection(HashSet::new))));
    }

    private static ApiToken toToken(Record row, Set<Long> studyIds) {
        return new ApiToken(row.get(API_TOKEN.ID), row.get(API_TOKEN.USER_ID), row.get(APP_USER.EMAIL),
                row.get(API_TOKEN.NAME), row.get(API_TOKEN.TOKEN_HINT), ApiScope.valueOf(row.get(API_TOKEN.SCOPE)),
                studyIds, row.get(API_TOKEN.CREATED_AT).toInstant(), instant(row.get(API_TOKEN.EXPIRES_AT)),
                instant(row.get(API_TOKEN.LAST_USED_AT)), instant(row.get(API_TOKEN.REVOKED_AT)));
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
