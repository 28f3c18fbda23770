package org.delphipanel.home.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.delphipanel.base.ui.HeadlessChromium;
import org.delphipanel.demo.DemoSeeder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.delphipanel.base.ui.Screenshots;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A real Chromium signs in as the demo facilitator and finds the demo study on the home page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "delphi.demo.enabled=true")
class DemoStudyBrowserTest {

    @LocalServerPort
    int port;

    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void stopBrowser() {
        browser.quit();
    }

    @Test
    void the_demo_facilitator_signs_in_and_sees_the_demo_study() {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        var username = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-text-field[name='username'] > input")));
        username.sendKeys("facilitator@example.org");
        var password = browser.findElement(By.cssSelector("vaadin-password-field[name='password'] > input"));
        password.sendKeys(DemoSeeder.PASSWORD, Keys.ENTER);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), DemoSeeder.STUDY_NAME));
        assertThat(browser.getCurrentUrl()).doesNotContain("/login");
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).contains("Facilitator").contains("Round 3").contains("6 targets").contains("8 experts")
                .contains("facilitator@example.org").contains("Sign out");
        Screenshots.save(browser, "home-facilitator-1280");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), DemoSeeder.STUDY_NAME));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Round 3");
        Screenshots.save(browser, "home-facilitator-phone");
        assertThat(HeadlessChromium.cspViolations(browser)).as("the app under its own Content-Security-Policy").isEmpty();
    }

    @Test
    void the_content_security_policy_is_enforced_and_its_violations_are_seen() {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get("http://localhost:" + port + "/login");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-text-field[name='username'] > input")));
        assertThat(HeadlessChromium.cspViolations(browser)).isEmpty();
        // an image from another origin is refused by img-src 'self' before any network request is made
        ((JavascriptExecutor) browser).executeScript("new Image().src = 'https://images.example.org/pixel.png';");
        wait.until(driver -> !HeadlessChromium.cspViolations(driver).isEmpty());
    }

    @Test
    void a_wrong_password_keeps_the_visitor_on_the_login_page_with_a_message() {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get("http://localhost:" + port + "/login");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-text-field[name='username'] > input")))
                .sendKeys("facilitator@example.org");
        browser.findElement(By.cssSelector("vaadin-password-field[name='password'] > input"))
                .sendKeys("not the password", Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("error"));
        assertThat(browser.getCurrentUrl()).contains("/login");
    }
}
