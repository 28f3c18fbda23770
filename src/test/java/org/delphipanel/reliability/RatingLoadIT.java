package org.delphipanel.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.delphipanel.audit.AuditEntry;
import org.delphipanel.audit.AuditLog;
import org.delphipanel.rating.Rating;
import org.delphipanel.rating.RatingService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The load benchmark's code in a small, bounded form (20 experts x 10 saves, no think time, so all
 * twenty save at once): no save may fail and every acknowledged save must be stored as acknowledged,
 * with its audit trail. No timing is asserted; the figures are the benchmark's (docs/performance.md).
 */
@SpringBootTest
class RatingLoadIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    RatingService ratings;

    @Autowired
    AuditLog auditLog;

    @Test
    void twenty_experts_saving_at_once_lose_nothing_and_see_no_conflict() throws Exception {
        LoadPanel panel = new LoadPanels(context).create(20, 2);
        var settings = new RatingLoad.Settings(10, Duration.ZERO, Duration.ZERO, Duration.ofMinutes(2), 7);

        LoadReport report = RatingLoad.run(panel, settings, new ServiceClient(context, panel));

        assertThat(report.errors()).isEmpty();
        assertThat(report.acknowledged()).isEqualTo(200);
        Map<Long, Map<String, Rating>> stored = new HashMap<>();
        for (LoadPanel.Expert expert : panel.experts()) {
            Map<String, Rating> own = new HashMap<>();
            ratings.myRatings(expert.userId(), panel.roundId())
                    .forEach(r -> own.put(r.targetId().value() + "/" + r.criterionId(), r));
            stored.put(expert.userId(), own);
        }
        assertThat(report.problems((expert, cell) -> {
            Rating r = stored.get(expert.userId()).get(cell.targetId().value() + "/" + cell.criterionId());
            return r == null ? null : new LoadReport.Stored(r.grade(), r.version());
        })).isEmpty();
        List<Rating> all = stored.values().stream().flatMap(m -> m.values().stream()).toList();
        assertThat(all).hasSize(report.acknowledgedCells());
        // every version of every rating has its audit entry: one creation, then one per change
        for (Rating rating : all) {
            List<AuditEntry> trail = auditLog.forEntity("rating", Long.toString(rating.id()));
            assertThat(trail).extracting(AuditEntry::action).first().isEqualTo("rating.created");
            assertThat(trail).hasSize(rating.version() + 1);
        }
    }
}
