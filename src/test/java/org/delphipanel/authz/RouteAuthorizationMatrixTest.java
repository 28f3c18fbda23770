package org.delphipanel.authz;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.delphipanel.authz.AuthzWorld.World;
import org.delphipanel.base.ui.KaribuTest;
import org.delphipanel.security.UserId;
import org.delphipanel.security.UserService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every route of the UI, opened by each kind of caller with this study's ids in its parameters (the
 * studies of {@link AuthzWorld}). The table is the contract and is copied verbatim into
 * docs/authorization.md: ✔ the page opens and shows what the "shows" column names; ✘ it opens but
 * shows none of it (a refusal, or only the caller's own things); ⛔ the view's role annotation refuses
 * the navigation; → login: an anonymous visitor is sent to the login page. A route registered without
 * a row fails the test. On every page anyone but the study's facilitator and an administrator opens,
 * the other expert's open-round rationale must not appear (in the text or in any grid row).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteAuthorizationMatrixTest extends KaribuTest {

    static final String MATRIX = """
            | route | shows | anonymous | expert | other expert | facilitator | other facilitator | admin |
            |---|---|---|---|---|---|---|---|
            | (empty) | this study's card | → login | ✔ | ✘ | ✔ | ✘ | ✔ |
            | account/api-tokens | the token form | → login | ✔ | ✔ | ✔ | ✔ | ✔ |
            | admin/users | the people | → login | ⛔ | ⛔ | ⛔ | ⛔ | ✔ |
            | frameworks | the rubric | → login | ✔ | ✔ | ✔ | ✔ | ✔ |
            | invitation/:token | the invitation form | ✔ | ✔ | ✔ | ✔ | ✔ | ✔ |
            | login | the login form | ✔ | ✔ | ✔ | ✔ | ✔ | ✔ |
            | rate/:studyId | this study's cells | → login | ✔ | ✘ | ⛔ | ⛔ | ⛔ |
            | rate/:studyId/:targetId/:criterionCode | this study's cell | → login | ✔ | ✘ | ⛔ | ⛔ | ⛔ |
            | studies | this study in the list | → login | ⛔ | ⛔ | ✔ | ✘ | ✔ |
            | studies/:studyId([0-9]+)/agreement | this study's agreement | → login | ⛔ | ⛔ | ✔ | ✘ | ✔ |
            | studies/:studyId([0-9]+)/convergence | this study's convergence | → login | ⛔ | ⛔ | ✔ | ✘ | ✔ |
            | studies/:studyId([0-9]+)/results | this study's results | → login | ✔ | ✘ | ✔ | ✘ | ✔ |
            | studies/:studyId([0-9]+)/review | this study's open round | → login | ⛔ | ⛔ | ✔ | ✘ | ✔ |
            | studies/:studyId/export | this study's exports | → login | ✔ | ✘ | ✔ | ✘ | ✔ |
            | studies/:studyId/rules | this study's rules | → login | ✔ | ✘ | ✔ | ✘ | ✔ |
            | studies/:studyId/setup | this study's setup | → login | ⛔ | ⛔ | ✔ | ✘ | ✔ |
            """;

    private static World world;

    @Autowired
    AuthzWorld worlds;

    @Autowired
    UserService users;

    @BeforeAll
    void buildWorld() {
        if (world == null) {
            world = worlds.build();
        }
    }

    /** What the "shows" column means: a text only that content puts on the page. */
    private static Map<String, String> probes(World w) {
        Map<String, String> probes = new LinkedHashMap<>();
        probes.put("this study's card", w.study().name());
        probes.put("the people", "Invite");
        probes.put("the token form", "New token");
        probes.put("the rubric", "saferai-2024 v1");
        probes.put("the invitation form", "Join Delphi Panel");
        probes.put("the login form", "");
        probes.put("this study's cells", w.target().name());
        probes.put("this study's cell", w.target().name());
        probes.put("this study in the list", w.study().name());
        probes.put("this study's agreement", "Round 2 (open)");
        probes.put("this study's convergence", "Closed rounds only");
        probes.put("this study's results", "Computed from the ratings of round 1");
        probes.put("this study's open round", "Progress of round 2");
        probes.put("this study's exports", "consensus.csv");
        probes.put("this study's rules", "Consensus rule");
        probes.put("this study's setup", "Targets & evidence");
        return probes;
    }

    record Row(String route, String shows, Map<Caller, String> expected) {
    }

    static List<Row> rows() {
        List<String> lines = MATRIX.strip().lines().toList();
        List<String> header = cells(lines.get(0));
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            List<String> cells = cells(line);
            Map<Caller, String> expected = new LinkedHashMap<>();
            for (int i = 2; i < header.size(); i++) {
                expected.put(Caller.byColumn(header.get(i)).orElseThrow(), cells.get(i));
            }
            rows.add(new Row(cells.get(0).equals("(empty)") ? "" : cells.get(0), cells.get(1), expected));
        }
        return rows;
    }

    private static List<String> cells(String line) {
        String inner = line.strip().substring(1, line.strip().length() - 1);
        return java.util.Arrays.stream(inner.split("\\|")).map(String::strip).toList();
    }

    @Test
    void every_registered_route_has_a_row() {
        Set<String> registered = new TreeSet<>(RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .map(RouteData::getTemplate).toList());
        Set<String> inTable = new TreeSet<>(rows().stream().map(Row::route).toList());
        assertThat(inTable).isEqualTo(registered);
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void each_caller_reaches_exactly_what_the_table_allows_and_no_expert_sees_the_open_round(Caller caller) {
        World w = world;
        if (caller == Caller.ANONYMOUS) {
            logout();
        } else {
            login(users.findById(new UserId(caller.id(w))).orElseThrow().email(), caller.role);
        }
        Map<String, String> probes = probes(w);
        List<String> mismatches = new ArrayList<>();
        for (Row row : rows()) {
            String path = path(row.route(), w);
            String outcome;
            String text = "";
            try {
                UI.getCurrent().navigate(path);
                String at = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
                text = pageText();
                if (at.equals("login") && !path.equals("login")) {
                    outcome = "→ login";
                } else {
                    outcome = text.contains(probes.get(row.shows())) ? "✔" : "✘";
                }
            } catch (RuntimeException | Error refused) {
                if (String.valueOf(refused.getMessage()).contains("Access is denied")) {
                    outcome = "⛔";
                } else {
                    mismatches.add(path + " as " + caller.column + ": unexpected " + refused);
                    continue;
                }
            }
            if (!outcome.equals(row.expected().get(caller))) {
                mismatches.add(path + " as " + caller.column + ": expected " + row.expected().get(caller) + ", got "
                        + outcome + " at " + UI.getCurrent().getInternals().getActiveViewLocation().getPath() + " — " + text.replaceAll("\\s+", " ").substring(0, Math.min(300, text.length())));
            }
            if (caller != Caller.FACILITATOR && caller != Caller.ADMIN) {
                if (text.contains(AuthzWorld.SECRET)) {
                    mismatches.add(path + " as " + caller.column + " shows another expert's open-round rating");
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void docs_authorization_md_shows_this_table() throws IOException {
        assertThat(Files.readString(Path.of("docs/authorization.md"))).contains(MATRIX.strip());
    }

    private static String path(String template, World w) {
        return template
                .replace(":studyId([0-9]+)", Long.toString(w.study().id().value()))
                .replace(":studyId", Long.toString(w.study().id().value()))
                .replace(":targetId", Long.toString(w.target().id().value()))
                .replace(":criterionCode", w.panel().criterion(0).code())
                .replace(":token", "not-a-real-token");
    }

    /** The page's text and every grid's rows (which are data, not elements). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static String pageText() {
        StringBuilder text = new StringBuilder();
        // the view and its layouts; the UI's own element does not count its router content as text
        UI.getCurrent().getInternals().getActiveRouterTargetsChain()
                .forEach(target -> text.append(target.getElement().getTextRecursively()).append('\n'));
        for (Grid grid : _find(Grid.class)) {
            if (grid instanceof com.vaadin.flow.component.treegrid.TreeGrid) {
                continue; // only the rubric browser has one: criteria, no ratings
            }
            for (int i = 0; i < GridKt._size(grid); i++) {
                Object item = GridKt._get(grid, i);
                for (Object column : grid.getColumns()) {
                    try {
                        text.append('\n').append(GridKt._getFormatted((Grid.Column) column, item));
                    } catch (RuntimeException componentColumn) {
                        // a column of components (buttons) has no text value
                    }
                }
            }
        }
        return text.toString();
    }
}
