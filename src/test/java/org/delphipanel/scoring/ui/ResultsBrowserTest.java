package org.delphipanel.scoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.delphipanel.base.ui.HeadlessChromium;
import org.delphipanel.base.ui.Screenshots;
import org.delphipanel.demo.DemoSeeder;
import org.delphipanel.scoring.ActingAs;
import org.delphipanel.scoring.ResultsService;
import org.delphipanel.scoring.StudyResults;
import org.delphipanel.security.UserService;
import org.delphipanel.study.Study;
import org.delphipanel.study.StudyService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real Chromium signs in as the demo facilitator, computes the demo study's results (from round 2,
 * the latest closed round; round 3 is open) and reads the overall scores and ranges the service stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "delphi.demo.enabled=true")
class ResultsBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    ResultsService results;
    @Autowired
    StudyService studies;
    @Autowired
    UserService users;

    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void stopBrowser() {
        browser.quit();
        ActingAs.nobody();
    }

    @Test
    void the_facilitator_computes_the_demo_results_and_reads_the_stored_overall_scores_and_ranges() {
        long facilitator = users.findByEmail("facilitator@example.org").orElseThrow().id().value();
        Study demo = studies.overviewsFor(facilitator).getFirst().study();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get("http://localhost:" + port + "/login");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-text-field[name='username'] > input")))
                .sendKeys("facilitator@example.org");
        browser.findElement(By.cssSelector("vaadin-password-field[name='password'] > input"))
                .sendKeys(DemoSeeder.PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), DemoSeeder.STUDY_NAME));

        browser.get("http://localhost:" + port + "/studies/" + demo.id().value() + "/results");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "latest closed round, round 2"));
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-button[contains(., 'Compute results from round 2')]"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-node='overall']")));

        ActingAs.user("facilitator@example.org", "FACILITATOR");
        StudyResults stored = results.results(demo.id()).orElseThrow();
        assertThat(stored.roundNumber()).isEqualTo(2);
        assertThat(browser.findElement(By.tagName("body")).getText())
                .contains("Computed from the ratings of round 2 (the latest closed round when computed)");
        WebElement overall = browser.findElement(By.cssSelector("tr[data-node='overall']"));
        for (StudyResults.TargetScores target : stored.targets()) {
            StudyResults.NodeScore score = target.overall();
            String expected = Format.two(score.score()) + " [" + Format.two(score.lower()) + ", "
                    + Format.two(score.upper()) + "] " + score.band();
            String shown = overall.findElement(By.cssSelector("td[data-column='" + target.target() + "']")).getText();
            assertThat(shown).as(target.target()).isEqualTo(expected);
        }
        WebElement forest = browser.findElement(By.cssSelector("svg[role='img']"));
        assertThat(forest.findElement(By.tagName("title")).getAttribute("textContent"))
                .isEqualTo("Overall scores with confidence ranges (round 2)");
        assertThat(forest.findElements(By.tagName("circle"))).hasSize(stored.targets().size());
        assertThat(browser.findElements(By.xpath("//a[contains(., 'Download PNG')]"))).isNotEmpty();
        Screenshots.save(browser, "results-facilitator-1280");

        browser.get("http://localhost:" + port + "/studies/" + demo.id().value() + "/review");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Most contested cells"));
        WebElement heatmap = browser.findElement(By.cssSelector("svg[role='img']"));
        assertThat(heatmap.findElement(By.tagName("title")).getAttribute("textContent"))
                .isEqualTo("Disagreement by cell, round 3 (IQR)");
        new org.openqa.selenium.interactions.Actions(browser).scrollToElement(heatmap).perform();
        Screenshots.save(browser, "review-heatmap-1280");
    }
}
