package org.delphipanel.export.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.delphipanel.base.ui.KaribuTest;
import org.delphipanel.export.RatingsImportService;
import org.delphipanel.rating.RatingService;
import org.delphipanel.study.StudyTestData;
import org.delphipanel.study.StudyTestData.Fixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bad files through the ratings upload of the export page: the page lists the problem with its line,
 * and the round's ratings are unchanged. RatingsImportBadInputIT covers the same files at the service.
 */
class ExportViewBadInputTest extends KaribuTest {

    @Autowired
    StudyTestData data;
    @Autowired
    RatingService ratings;

    private Fixture fixture;

    @BeforeEach
    void anOpenRound() {
        fixture = data.anOpenRound(1, 1);
    }

    private int stored() {
        return ratings.roundRatings(fixture.facilitatorId(), fixture.round().id()).size();
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("Latin-1", "target,criterion,expert,value,rationale\nA,1.1,Expert 1,2,Größe\n"
                        .getBytes(StandardCharsets.ISO_8859_1), "line 2: the file is not UTF-8 text"),
                Arguments.of("UTF-16", "target,criterion,expert,value\n".getBytes(StandardCharsets.UTF_16),
                        "line 1: the file is UTF-16 text"),
                Arguments.of("empty", new byte[0], "line 1: the file is empty"),
                Arguments.of("header only", "target,criterion,expert,value\n".getBytes(StandardCharsets.UTF_8),
                        "line 1: the file has a header but no ratings"),
                Arguments.of("over 5 MiB", new byte[RatingsImportService.MAX_BYTES + 1],
                        "at most 5242880 (5 MiB) are taken"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void a_bad_upload_is_listed_with_its_line_and_nothing_is_imported(String what, byte[] file, String message) {
        int before = stored();
        login(data.email(fixture.facilitatorId()), "FACILITATOR");
        UI.getCurrent().navigate("studies/" + fixture.study().id().value() + "/export");
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("ratings-upload")), "ratings.csv", "text/csv", file);
        assertThat(UI.getCurrent().getCurrentView().getElement().getTextRecursively())
                .contains("Nothing was imported").contains(message);
        assertThat(stored()).isEqualTo(before);
    }
}
