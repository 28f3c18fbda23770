package org.delphipanel.rating.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Duration;
import java.util.List;
import org.delphipanel.base.ui.HeadlessChromium;
import org.delphipanel.demo.DemoSeeder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real Chromium signs in as a demo expert, opens the rating overview of round 3 and a cell with the
 * feedback of round 2, runs axe-core on both and rates the cell with the keyboard alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "delphi.demo.enabled=true")
class RatingAccessibilityBrowserTest {

    @LocalServerPort
    int port;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() {
        browser.quit();
    }

    private void signIn(String email) {
        browser.get("http://localhost:" + port + "/login");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-text-field[name='username'] > input")))
                .sendKeys(email);
        browser.findElement(By.cssSelector("vaadin-password-field[name='password'] > input"))
                .sendKeys(DemoSeeder.PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), DemoSeeder.STUDY_NAME));
    }

    /** Serious and critical axe-core violations, each as "rule: target, ...", so a failure says where. */
    private List<String> seriousViolations() {
        // Vaadin's development tools (Copilot) exist only in dev mode, never in a production build
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .exclude("copilot-main")
                .exclude("vaadin-dev-tools")
                .analyze(browser);
        assertThat(results.getPasses()).as("axe-core ran and checked something").isNotEmpty();
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(RatingAccessibilityBrowserTest::describe)
                .toList();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes().stream()
                .map(node -> String.valueOf(node.getTarget())).limit(5).toList();
    }

    @Test
    void the_rating_and_feedback_views_pass_axe_and_a_cell_is_rated_with_the_keyboard() {
        signIn("expert1@example.org");
        browser.findElement(By.partialLinkText("Open your ratings")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("round-progress")));
        assertThat(browser.findElement(By.id("round-progress")).getText())
                .contains("Round 3").contains("closes").containsPattern("\\d+ of 42 cells rated");
        assertThat(browser.findElements(By.cssSelector("table th[scope='col']"))).hasSize(8);
        assertThat(seriousViolations()).as("overview").isEmpty();

        browser.findElement(By.cssSelector("table tbody td a")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("feedback")));
        assertThat(browser.findElement(By.id("feedback")).getText())
                .contains("Panel feedback from round 2").contains("median").contains("interquartile range")
                .contains("anonymous, in random order");
        assertThat(seriousViolations()).as("cell view with feedback").isEmpty();

        WebElement gradeInput = browser.findElement(By.cssSelector("#grade input"));
        JavascriptExecutor js = browser;
        js.executeScript("arguments[0].focus()", browser.findElement(By.id("feedback")).findElement(By.tagName("h2")));
        boolean reached = false;
        for (int press = 0; press < 80 && !reached; press++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            reached = gradeInput.equals(browser.switchTo().activeElement());
        }
        assertThat(reached).as("the grade field is reachable with Tab").isTrue();
        new Actions(browser).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys("3.7").sendKeys(Keys.TAB)
                .perform();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-status"), "Saved at"));
        assertThat(browser.findElement(By.id("save-status")).getAttribute("aria-live")).isEqualTo("polite");
        assertThat(browser.findElement(By.id("grade-slider")).getAttribute("value")).isEqualTo("3.7");
    }
}
