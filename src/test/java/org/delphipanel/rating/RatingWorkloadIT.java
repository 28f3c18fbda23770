package org.delphipanel.rating;

import static org.assertj.core.api.Assertions.assertThat;

import org.delphipanel.rating.RatingTestData.Panel;
import org.delphipanel.study.ExpertProgress;
import org.delphipanel.study.RationalePolicy;
import org.delphipanel.study.StudyService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The facilitator's progress counts what each expert is asked for, as the expert sees it. */
@SpringBootTest
class RatingWorkloadIT {

    @Autowired
    RatingTestData data;

    @Autowired
    StudyService studies;

    @Test
    void cells_settled_in_an_earlier_round_are_not_counted_as_work_left() {
        // consensus cells are not carried into round 2
        Panel first = data.anOpenRound(RatingTestData.rules(RationalePolicy.NEVER, false, false), 2, 1);
        for (int criterion = 0; criterion < 7; criterion++) {
            data.rate(first, 0, 0, criterion, "2.0", null);
            // the experts agree everywhere except on criterion 0 (2.0 against 5.0: IQR 2.25 > 1)
            data.rate(first, 1, 0, criterion, criterion == 0 ? "5.0" : "2.0", null);
        }
        assertThat(studies.progress(first.facilitatorId(), first.round().id()))
                .extracting(ExpertProgress::rated, ExpertProgress::cells)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(7, 7));

        Panel second = data.nextRound(first);
        assertThat(studies.progress(second.facilitatorId(), second.round().id()))
                .extracting(ExpertProgress::rated, ExpertProgress::cells)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(0, 1));

        data.rate(second, 0, 0, 0, "3.0", null);
        assertThat(studies.progress(second.facilitatorId(), second.round().id()))
                .extracting(ExpertProgress::rated)
                .containsExactly(1, 0);
    }
}
