package org.delphipanel.base.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Starts Debian's Chromium headless through its ChromeDriver, at fixed paths, so Selenium never tries
 * to download a browser (the machines reach only package registries).
 */
public final class HeadlessChromium {

    public static final String BROWSER = "/usr/bin/chromium";
    public static final String DRIVER = "/usr/bin/chromedriver";

    private HeadlessChromium() {
    }

    public static ChromeDriver start() {
        if (!Files.isExecutable(Path.of(BROWSER)) || !Files.isExecutable(Path.of(DRIVER))) {
            throw new IllegalStateException("real-browser tests need " + BROWSER + " and " + DRIVER
                    + " (Debian: apt-get install chromium chromium-driver; .ci/run does this)");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("delphi-chromium");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a Chromium profile folder", e);
        }
        var options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile);
        // keep the console, so tests can check it for Content-Security-Policy violations
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(DRIVER).toFile()).build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return driver;
    }

    /**
     * The console messages since the last call that report a Content-Security-Policy violation
     * (Chromium writes "Refused to ... because it violates the following Content Security Policy
     * directive"). Reading the console empties it.
     */
    public static List<String> cspViolations(WebDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }
}
