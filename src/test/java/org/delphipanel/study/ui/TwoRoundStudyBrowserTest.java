package org.delphipanel.study.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.delphipanel.base.ui.HeadlessChromium;
import org.delphipanel.base.ui.Screenshots;
import org.delphipanel.security.Role;
import org.delphipanel.security.UserService;
import org.delphipanel.study.StudyRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A whole two-round Delphi study in a real Chromium, from an empty database (the test configuration
 * turns the demo off): the only thing created outside the browser is the facilitator's account. The
 * facilitator creates the study on the SaferAI rubric, adds two targets and invites two experts, who
 * join through the links shown; both rate every cell of round 1; the facilitator closes it and opens
 * round 2; an expert reads the panel's feedback, checked against statistics computed here from the
 * grades this test typed, and revises a grade.
 */
// Vaadin's development tools (a "development mode" popover over the top-right corner, where "Sign out"
// is) exist only in development mode, never in a production build
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.devmode.devTools.enabled=false")
class TwoRoundStudyBrowserTest {

    private static final String FACILITATOR = "fran.facilitator@example.org";
    private static final String FACILITATOR_PASSWORD = "facilitator passphrase 2025";
    private static final List<Expert> EXPERTS = List.of(
            new Expert("ada.expert@example.org", "Ada Example", "ada's long passphrase"),
            new Expert("bo.expert@example.org", "Bo Example", "bo's longer passphrase"));

    private static final String STUDY = "Frontier AI risk management 2025";
    private static final String QUESTION = "How mature is this developer's risk management on this criterion?";
    private static final String RUBRIC = "SaferAI risk management maturity rating (2024)";
    private static final String RUBRIC_VERSION = "saferai-2024 v1";
    private static final List<String> TARGETS = List.of("Aurora Labs", "Borealis AI");
    private static final String EVIDENCE = "Aurora Labs frontier safety policy";
    private static final int CRITERIA = 7;

    /**
     * The grades each expert types, by target and by criterion in the rubric's order. Most cells lie
     * within one grade of each other (consensus under the default rule); two cells are far apart, so
     * they are rated again in round 2.
     */
    private static final String[][][] GRADES = {
            {{"1.0", "2.0", "3.0", "2.5", "1.5", "3.5", "2.0"}, {"4.0", "3.0", "2.2", "1.0", "0.5", "4.5", "3.3"}},
            {{"4.0", "2.5", "3.0", "2.0", "2.5", "3.0", "2.2"}, {"3.5", "3.0", "2.8", "1.4", "1.0", "1.0", "3.0"}}};

    /** The revised grade of the first expert on the first contested cell: below the panel's lower quartile. */
    private static final String REVISED = "1.5";

    private record Expert(String email, String name, String password) {
    }

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    private Browser browser;
    private final List<String> invitationPaths = new ArrayList<>();
    private List<String> criteria = List.of();

    @BeforeEach
    void start() {
        users.createUser(FACILITATOR, "Fran Facilitator", Role.FACILITATOR, FACILITATOR_PASSWORD);
        browser = new Browser(port);
    }

    @AfterEach
    void stop() {
        browser.close();
    }

    @Test
    void a_facilitator_and_two_invited_experts_run_two_rounds_and_an_expert_revises_after_the_feedback() {
        try {
            createStudyWithTargetsAndInvitations();
            for (int e = 0; e < EXPERTS.size(); e++) {
                acceptInvitation(e);
            }
            openRoundOne();
            for (int e = 0; e < EXPERTS.size(); e++) {
                rateRoundOne(e);
            }
            closeRoundOneAndOpenRoundTwo();
            readFeedbackAndRevise();
            // every page above ran under the application's Content-Security-Policy
            assertThat(HeadlessChromium.cspViolations(browser.driver)).isEmpty();
        } catch (RuntimeException | AssertionError failure) {
            // what the browser showed when the step failed, beside the screenshots of the steps before
            Screenshots.save(browser.driver, "two-rounds-failed");
            throw failure;
        }
    }

    private void createStudyWithTargetsAndInvitations() {
        browser.signIn(FACILITATOR, FACILITATOR_PASSWORD);
        assertThat(browser.pageText()).contains("You are not on the panel of any study yet.");

        browser.navigate("Studies");
        browser.waitForText(By.tagName("h1"), "Studies");
        assertThat(browser.text("new-study-framework")).contains(RUBRIC);
        browser.type("new-study-name", STUDY);
        browser.type("new-study-question", QUESTION);
        browser.screenshot("two-rounds-01-new-study");
        browser.click("new-study-create");
        browser.waitForUrl("/setup");
        browser.waitForText(By.tagName("h1"), STUDY);
        assertThat(browser.text("setup-state")).isEqualTo("In setup · No round yet");
        assertThat(browser.text("details-framework")).contains(RUBRIC).contains(RUBRIC_VERSION + ", " + CRITERIA + " criteria");

        browser.tab(StudySetupView.RULES);
        assertThat(browser.value("rules-consensus")).isEqualTo(StudyRules.DEFAULT_CONSENSUS_RULE);

        browser.tab(StudySetupView.TARGETS);
        for (String target : TARGETS) {
            browser.click("target-add");
            browser.type("target-name", target);
            browser.type("target-website", "https://" + target.toLowerCase().replace(' ', '-') + ".example");
            browser.click("target-save");
            browser.waitForGridText("targets-grid", target);
        }
        browser.click(By.cssSelector("vaadin-button[aria-label='Show the evidence for " + TARGETS.get(0) + "']"));
        browser.click("evidence-add");
        browser.type("evidence-title", EVIDENCE);
        browser.type("evidence-url", "https://aurora-labs.example/safety-policy");
        browser.type("evidence-excerpt", "Capability thresholds trigger a pause of training runs.");
        browser.click("evidence-save");
        browser.waitForGridText("evidence-grid", EVIDENCE);
        assertThat(browser.gridText("targets-grid")).contains(TARGETS.get(0) + " | https://aurora-labs.example | 1")
                .contains(TARGETS.get(1) + " | https://borealis-ai.example | 0");
        browser.screenshot("two-rounds-02-targets");

        browser.tab(StudySetupView.PANEL);
        for (Expert expert : EXPERTS) {
            browser.type("invite-email", expert.email());
            browser.click("invite-create");
            browser.waitForText("invite-result", "Invitation for " + expert.email());
            String link = browser.value("invitation-link");
            // the link starts with delphi.public-url (the default port 8080 here); its path is what matters
            String path = URI.create(link).getPath();
            assertThat(path).startsWith("/invitation/");
            invitationPaths.add(path);
            browser.waitForGridText("invitations-grid", expert.email());
        }
        browser.screenshot("two-rounds-03-invitations");

        browser.tab(StudySetupView.ROUNDS);
        browser.click("round-open");
        browser.waitForText("rounds-error", "it has no experts");
        browser.signOut();
    }

    private void acceptInvitation(int e) {
        Expert expert = EXPERTS.get(e);
        browser.open(invitationPaths.get(e));
        browser.waitForText("invitation-message", "This invitation is for " + expert.email() + ", who will join as expert");
        browser.type("invitation-name", expert.name());
        browser.type("invitation-password", expert.password());
        browser.type("invitation-confirmation", expert.password());
        if (e == 0) {
            browser.screenshot("two-rounds-04-accept-invitation");
        }
        browser.click("invitation-accept");
        browser.waitForUrl("/login");
        browser.waitForText("login-note", "Your account is ready.");
    }

    private void openRoundOne() {
        browser.signIn(FACILITATOR, FACILITATOR_PASSWORD);
        String card = browser.text(By.className("dp-card"));
        assertThat(card).contains(STUDY).contains("Facilitator · " + RUBRIC_VERSION).contains("2 targets · 2 experts")
                .contains("No round opened yet");
        browser.clickLink("Set up and run " + STUDY);
        browser.waitForText(By.tagName("h1"), STUDY);

        browser.tab(StudySetupView.PANEL);
        String panel = browser.gridText("panel-grid");
        assertThat(panel).contains("Expert 1 | " + EXPERTS.get(0).name() + " | " + EXPERTS.get(0).email())
                .contains("Expert 2 | " + EXPERTS.get(1).name() + " | " + EXPERTS.get(1).email())
                .contains("Facilitator 1 | Fran Facilitator");
        assertThat(browser.gridText("invitations-grid")).doesNotContain(EXPERTS.get(0).email());

        browser.tab(StudySetupView.ROUNDS);
        browser.click("round-open");
        browser.waitForText("setup-state", "Running · Round 1, open");
        browser.waitForGridText("progress-grid", "Expert 1 | " + EXPERTS.get(0).name() + " | Rated 0 of 14 | Not submitted");
        assertThat(browser.gridText("progress-grid"))
                .contains("Expert 2 | " + EXPERTS.get(1).name() + " | Rated 0 of 14 | Not submitted");
        browser.screenshot("two-rounds-05-round-1-open");
        browser.signOut();
    }

    private void rateRoundOne(int e) {
        Expert expert = EXPERTS.get(e);
        browser.signIn(expert.email(), expert.password());
        assertThat(browser.text(By.className("dp-card"))).contains("Expert · " + RUBRIC_VERSION)
                .contains("Round 1 of at most 3: open").contains("0 of 14 cells rated");
        assertThat(browser.text(By.className("dp-attention")))
                .contains(STUDY + ": round 1 is open and 14 of your 14 cells are not rated yet.");

        browser.clickLink("Rules of " + STUDY);
        browser.waitForText("rules-state", "Running · Round 1, open");
        assertThat(browser.text("rules-list")).contains(StudyRules.DEFAULT_CONSENSUS_RULE)
                .contains("Required from round 2 when a rating lies more than 1");
        assertThat(browser.text("rules-question")).isEqualTo("Question: " + QUESTION);

        browser.navigate("Home");
        browser.clickLink("Open your ratings for " + STUDY);
        browser.waitForText("round-progress", "0 of 14 cells rated");
        criteria = browser.texts(By.cssSelector("table th[scope='col']")).stream().skip(1).toList();
        assertThat(criteria).hasSize(CRITERIA);
        if (e == 0) {
            browser.screenshot("two-rounds-06-overview-round-1");
        }

        int rated = 0;
        for (int t = 0; t < TARGETS.size(); t++) {
            for (int c = 0; c < CRITERIA; c++) {
                browser.reveal(cellLink(t, c)).click();
                browser.waitForText(By.tagName("h1"), TARGETS.get(t) + ": " + criteria.get(c));
                assertThat(browser.pageText()).contains("Round 1 · no deadline set").contains("Levels of this criterion");
                assertThat(browser.all(By.id("feedback"))).as("no feedback in round 1").isEmpty();
                if (t == 0 && c == 0) {
                    assertThat(browser.pageText()).contains("Evidence on " + TARGETS.get(0)).contains(EVIDENCE);
                }
                if (!consensus(t, c)) {
                    // the rationale goes first: once the server has it, it says a grade is still missing
                    browser.type("rationale", rationale(e, t, c));
                    browser.waitForText("save-status", "enter a grade first");
                    browser.choose("High");
                }
                browser.typeAndTab("grade", GRADES[e][t][c]);
                browser.waitForText("save-status", "Saved at");
                assertThat(browser.text("cell-status")).isEqualTo("Status: Rated");
                assertThat(new BigDecimal(browser.driver.findElement(By.id("grade-slider")).getDomProperty("value")))
                        .isEqualByComparingTo(GRADES[e][t][c]);
                if (e == 0 && t == 0 && c == 0) {
                    Rectangle evidence = browser.driver.findElement(By.tagName("vaadin-checkbox-group")).getRect();
                    Rectangle status = browser.driver.findElement(By.id("save-status")).getRect();
                    assertThat(status.getY()).as("the save status has a line of its own, below the evidence choices")
                            .isGreaterThanOrEqualTo(evidence.getY() + evidence.getHeight());
                    browser.scrollTo("cell-status");
                    browser.screenshot("two-rounds-07-cell-round-1");
                }
                browser.clickLink("Back to your cells");
                browser.waitForText("round-progress", ++rated + " of 14 cells rated");
            }
        }
        assertThat(browser.text("missing-cells")).isEqualTo("Every cell of this round is rated.");
        browser.button("Submit round").click();
        browser.waitForText("submit-status", "Round 1 submitted: 14 of 14 cells rated.");
        browser.signOut();
    }

    private void closeRoundOneAndOpenRoundTwo() {
        browser.signIn(FACILITATOR, FACILITATOR_PASSWORD);
        assertThat(browser.text(By.className("dp-card"))).contains("Round 1 of at most 3: open")
                .contains("2 of 2 experts submitted");
        browser.clickLink("Set up and run " + STUDY);
        browser.waitForText(By.tagName("h1"), STUDY);
        browser.tab(StudySetupView.ROUNDS);
        String progress = browser.gridText("progress-grid");
        assertThat(progress).contains("Expert 1 | " + EXPERTS.get(0).name() + " | Rated 14 of 14 | Submitted")
                .contains("Expert 2 | " + EXPERTS.get(1).name() + " | Rated 14 of 14 | Submitted");

        browser.click("round-close");
        browser.click(By.cssSelector("vaadin-confirm-dialog#close-confirm vaadin-button[slot='confirm-button']"));
        browser.waitForText("setup-state", "Running · Round 1, closed");
        browser.waitForText("round-open", "Open round 2");
        browser.click("round-open");
        browser.waitForText("setup-state", "Running · Round 2, open");
        assertThat(browser.gridText("rounds-grid")).contains("Round 1 | Closed").contains("Round 2 | Open");
        browser.screenshot("two-rounds-08-round-2-open");
        browser.signOut();
    }

    private void readFeedbackAndRevise() {
        Expert expert = EXPERTS.get(0);
        int contested = 0;
        for (int t = 0; t < TARGETS.size(); t++) {
            for (int c = 0; c < CRITERIA; c++) {
                contested += consensus(t, c) ? 0 : 1;
            }
        }
        assertThat(contested).as("cells rated again in round 2").isEqualTo(2);

        browser.signIn(expert.email(), expert.password());
        assertThat(browser.text(By.className("dp-card"))).contains("Round 2 of at most 3: open")
                .contains("0 of " + contested + " cells rated");
        browser.clickLink("Open your ratings for " + STUDY);
        browser.waitForText("round-progress", "Round 2");
        assertThat(browser.text("round-progress")).contains("0 of " + contested + " cells rated");
        for (int t = 0; t < TARGETS.size(); t++) {
            for (int c = 0; c < CRITERIA; c++) {
                assertThat(cellLink(t, c).getDomAttribute("aria-label")).as("cell %d/%d", t, c)
                        .endsWith(consensus(t, c) ? ": Settled" : ": Not rated");
            }
        }
        browser.screenshot("two-rounds-09-overview-round-2");

        // a settled cell shows its result and cannot be rated again
        browser.reveal(cellLink(0, 1)).click();
        browser.waitForText("feedback", "This cell is settled: it is not rated again.");
        assertThat(browser.text("save-status")).isEqualTo("This cell is settled and is not rated again.");
        browser.clickLink("Back to your cells");
        browser.waitForText("round-progress", "Round 2");

        int t = 0;
        int c = 0;
        assertThat(consensus(t, c)).isFalse();
        browser.reveal(cellLink(t, c)).click();
        browser.waitForText(By.tagName("h1"), TARGETS.get(t) + ": " + criteria.get(c));
        String feedback = browser.text("feedback");
        assertThat(feedback).contains("Panel feedback from round 1")
                .contains("Your rating in round 1: " + GRADES[0][t][c] + " (confidence high).")
                .contains("Your rationale: " + rationale(0, t, c))
                .contains("No consensus yet")
                .contains("Rationales from round 1 (anonymous, in random order)")
                .contains(rationale(1, t, c));
        for (Expert other : EXPERTS) {
            assertThat(feedback).as("anonymised").doesNotContain(other.name()).doesNotContain(other.email());
        }

        double[] panel = grades(t, c);
        Matcher shown = Pattern.compile("Panel of (\\d+): median (\\S+), interquartile range (\\S+) \\(from (\\S+) to"
                + " (\\S+), quantile type 7\\)").matcher(feedback);
        assertThat(shown.find()).as("the panel's statistics in: " + feedback).isTrue();
        double q1 = typeSevenQuantile(panel, 0.25);
        double median = typeSevenQuantile(panel, 0.5);
        double q3 = typeSevenQuantile(panel, 0.75);
        assertThat(Integer.parseInt(shown.group(1))).isEqualTo(panel.length);
        assertShown(shown.group(2), median);
        assertShown(shown.group(3), q3 - q1);
        assertShown(shown.group(4), q1);
        assertShown(shown.group(5), q3);
        // numpy cross-check: np.percentile([1.0, 4.0], [25, 50, 75], method='linear') -> [1.75, 2.5, 3.25]
        assertThat(List.of(q1, median, q3)).containsExactly(1.75, 2.5, 3.25);
        browser.scrollTo("feedback");
        browser.screenshot("two-rounds-10-feedback");

        browser.typeAndTab("grade", REVISED);
        browser.waitForText("save-status", "Saved at");
        double revised = Double.parseDouble(REVISED);
        boolean asked = revised < q1 || revised > q3 || Math.abs(revised - median) > 1;
        assertThat(asked).as("the revised grade lies outside the interquartile range").isTrue();
        browser.waitForText("cell-status", "Needs rationale");
        assertThat(browser.text("cell-status")).contains("Please add a rationale: your grade lies outside the panel's"
                + " interquartile range of round 1 (" + twoDecimals(q1) + " to " + twoDecimals(q3) + ").");
        browser.type("rationale", "Revised after reading the panel: the published thresholds lack any trigger.");
        browser.waitForText("cell-status", "Status: Rated");
        assertThat(browser.text("cell-status")).contains("yours is saved");
        assertThat(browser.text("save-status")).startsWith("Saved at");
        browser.screenshot("two-rounds-11-revised");

        browser.clickLink("Back to your cells");
        browser.waitForText("round-progress", "1 of " + contested + " cells rated");
        assertThat(cellLink(t, c).getDomAttribute("aria-label")).endsWith(": Rated, " + REVISED);
    }

    private WebElement cellLink(int target, int criterion) {
        WebElement row = browser.driver.findElement(By.xpath("//table//tbody/tr[th[normalize-space()='"
                + TARGETS.get(target) + "']]"));
        return row.findElements(By.cssSelector("td a")).get(criterion);
    }

    private static String rationale(int expert, int target, int criterion) {
        return expert == 0
                ? "Only a blog post describes how " + TARGETS.get(target) + " handles criterion " + (criterion + 1) + "."
                : TARGETS.get(target) + " publishes quarterly red-team results for criterion " + (criterion + 1) + ".";
    }

    private static double[] grades(int target, int criterion) {
        double[] values = new double[EXPERTS.size()];
        for (int e = 0; e < values.length; e++) {
            values[e] = Double.parseDouble(GRADES[e][target][criterion]);
        }
        return values;
    }

    /**
     * The study's default consensus rule, {@code iqr<=1 and within(1)>=0.7} (asserted on the Rules tab
     * above), computed here independently of the statistics core.
     */
    private static boolean consensus(int target, int criterion) {
        double[] values = grades(target, criterion);
        double median = typeSevenQuantile(values, 0.5);
        double iqr = typeSevenQuantile(values, 0.75) - typeSevenQuantile(values, 0.25);
        long within = Arrays.stream(values).filter(v -> Math.abs(v - median) <= 1 + 1e-9).count();
        return iqr <= 1 + 1e-9 && within >= 0.7 * values.length;
    }

    /**
     * Hyndman and Fan (1996) definition 7, R's default and numpy's 'linear': with the values sorted,
     * h = (n - 1) p and the quantile is x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
     * Hyndman, R. J. and Fan, Y. (1996), Sample quantiles in statistical packages, The American
     * Statistician 50(4), 361-365, doi:10.1080/00031305.1996.10473566.
     */
    private static double typeSevenQuantile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double h = (sorted.length - 1) * p;
        int low = (int) Math.floor(h);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }

    /** The views show statistics to two decimals, half up, without trailing zeros. */
    private static String twoDecimals(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static void assertShown(String shown, double computed) {
        assertThat(new BigDecimal(shown)).isEqualByComparingTo(BigDecimal.valueOf(computed).setScale(2, RoundingMode.HALF_UP));
    }
}
