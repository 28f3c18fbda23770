package org.delphipanel.framework.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.delphipanel.base.ui.HeadlessChromium;
import org.delphipanel.framework.FrameworkService;
import org.delphipanel.security.Role;
import org.delphipanel.security.UserService;
import org.delphipanel.study.StudyTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real Chromium uploads a rubric file over HTTP (the upload request carries the session's login to
 * the service's role check, which Karibu cannot show) and downloads the stored file back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.devmode.devTools.enabled=false")
// the imported rubric would stay in the shared context's database and become the first choice of the new-study
// form that TwoRoundStudyBrowserTest fills in; a context of its own keeps it away from the other browser tests
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RubricImportBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    FrameworkService frameworks;

    @TempDir
    Path folder;

    private ChromeDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void stopBrowser() {
        browser.quit();
    }

    @Test
    void a_facilitator_uploads_a_rubric_file_and_downloads_it_back() throws IOException {
        String tag = StudyTestData.uniqueTag();
        String email = "browser-rubric-" + tag + "@example.org";
        users.createUser(email, "Rubric author " + tag, Role.FACILITATOR, StudyTestData.PASSWORD);
        String code = "browser-" + tag;
        String source;
        try (InputStream in = getClass().getResourceAsStream("/org/delphipanel/framework/three-level.yaml")) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("code: test-three-level", "code: " + code);
        }
        Path file = Files.writeString(folder.resolve("three-level.yaml"), source);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        browser.get("http://localhost:" + port + "/login");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-text-field[name='username'] > input")))
                .sendKeys(email);
        browser.findElement(By.cssSelector("vaadin-password-field[name='password'] > input"))
                .sendKeys(StudyTestData.PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Your studies"));
        browser.get("http://localhost:" + port + "/frameworks");
        WebElement upload = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rubric-upload")));
        // the file input of vaadin-upload is its own, hidden element: find it wherever this version keeps it
        WebElement input = wait.until(driver -> (WebElement) ((JavascriptExecutor) driver).executeScript(
                "const u = arguments[0]; return u.querySelector('input[type=file]')"
                        + " || (u.shadowRoot && u.shadowRoot.querySelector('input[type=file]'));", upload));
        input.sendKeys(file.toString());

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rubric-import-result"),
                "Imported Three-level test rubric version 2."));
        assertThat(frameworks.latest(code)).isPresent();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), code + " v2"));

        String href = browser.findElement(By.id("rubric-source-download")).getDomAttribute("href");
        Object downloaded = browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + " fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));", href);
        assertThat(downloaded).isEqualTo(source);
    }
}
