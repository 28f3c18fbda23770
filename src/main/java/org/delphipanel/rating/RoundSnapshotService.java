package org.delphipanel.rating;

import java.util.Optional;
import org.delphipanel.study.Round;
import org.delphipanel.study.RoundId;
import org.delphipanel.study.StudyService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the snapshots stored when rounds closed. A snapshot exists only for a closed round, so
 * reading one never reveals anything of an open round.
 */
@Service
@Transactional(readOnly = true)
public class RoundSnapshotService {

    private final RoundSnapshotRepository repository;
    private final StudyService studies;

    RoundSnapshotService(RoundSnapshotRepository repository, StudyService studies) {
        this.repository = repository;
        this.studies = studies;
    }

    /** The stored snapshot of a closed round, for anyone on the study's panel; empty while it is open. */
    public Optional<RoundSnapshot> snapshot(long userId, RoundId roundId) {
        Round round = studies.round(roundId);
        if (studies.panelist(round.studyId(), userId).isEmpty()) {
            throw new AccessDeniedException("you are not on the panel of this study");
        }
        if (!round.isClosed()) {
            return Optional.empty();
        }
        return repository.find(roundId);
    }
}
