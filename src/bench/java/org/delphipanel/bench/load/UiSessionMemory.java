package org.delphipanel.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.delphipanel.base.ui.HeadlessChromium;
import org.delphipanel.demo.DemoSeeder;
import org.delphipanel.reliability.AppDatabase;
import org.delphipanel.reliability.PackagedApp;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Heap per Vaadin UI session of the packaged app. Starts the jar on a new H2 file database with the
 * demo seeded, and for each session a new headless Chromium (its own cookies, so its own HTTP session)
 * opens the demo study's rating overview as a demo expert: redirected to the login page, signs in, lands
 * on the overview. The browser then quits; its session and UIs stay on the server (session timeout 30
 * min, UIs until their heartbeats are missed), which is what an open tab costs. Live heap is read with
 * {@code jcmd GC.class_histogram} (a full GC first) after two warm-up sessions and again after
 * {@code N} more; the difference divided by N is the heap per session. Arguments: [sessions, default 20]
 * [jar, default target/delphi-panel.jar].
 */
public final class UiSessionMemory {

    private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)\\s*$");

    private UiSessionMemory() {
    }

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path jar = Path.of(args.length > 1 ? args[1] : "target/delphi-panel.jar");
        Path work = Files.createDirectories(Path.of("target", "load", "ui-memory-" + System.currentTimeMillis()));
        AppDatabase database = AppDatabase.h2File(work.resolve("h2"));
        try (PackagedApp app = PackagedApp.start(jar, database.jarArguments(Map.of("delphi.demo.enabled", "true")),
                work.resolve("app.log"), Duration.ofMinutes(3))) {
            for (int i = 0; i < 2; i++) {
                openSession(app, i);
            }
            Histogram before = histogram(app.pid());
            System.out.println("before: " + before);
            long started = System.nanoTime();
            for (int i = 0; i < sessions; i++) {
                openSession(app, 2 + i);
            }
            System.out.printf(Locale.ROOT, "%d sessions opened in %.1f s%n", sessions, (System.nanoTime() - started) / 1e9);
            Histogram after = histogram(app.pid());
            System.out.println("after:  " + after);
            System.out.printf(Locale.ROOT, "RESULT heap per UI session: %.0f KB (%d sessions; live heap %+.1f MB;"
                    + " UI instances %+d, HTTP sessions %+d)%n", (after.liveBytes - before.liveBytes) / 1024.0 / sessions,
                    sessions, (after.liveBytes - before.liveBytes) / 1048576.0, after.uis - before.uis,
                    after.httpSessions - before.httpSessions);
        }
    }

    /** A new browser signs in as one of the demo experts and opens the demo study's rating overview. */
    private static void openSession(PackagedApp app, int index) {
        WebDriver browser = HeadlessChromium.start();
        try {
            var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            browser.get(app.baseUrl() + "/rate/1");
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-text-field[name='username'] > input")))
                    .sendKeys("expert" + (index % 8 + 1) + "@example.org");
            browser.findElement(By.cssSelector("vaadin-password-field[name='password'] > input"))
                    .sendKeys(DemoSeeder.PASSWORD, Keys.ENTER);
            wait.until(ExpectedConditions.urlContains("/rate/1"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Submit round"));
        } finally {
            browser.quit();
        }
    }

    private record Histogram(long liveBytes, long uis, long httpSessions) {
    }

    private static Histogram histogram(long pid) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        // the histogram runs a full GC first; a second pass settles what the first one freed late
        run(List.of(jcmd, Long.toString(pid), "GC.run"));
        String output = run(List.of(jcmd, Long.toString(pid), "GC.class_histogram"));
        Matcher total = TOTAL.matcher(output);
        if (!total.find()) {
            throw new IllegalStateException("no total in the histogram:\n" + output);
        }
        return new Histogram(Long.parseLong(total.group(2)), instances(output, "com.vaadin.flow.component.UI"),
                instances(output, "org.apache.catalina.session.StandardSession"));
    }

    private static long instances(String histogram, String className) {
        Matcher line = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+" + Pattern.quote(className) + "(\\s.*)?$")
                .matcher(histogram);
        return line.find() ? Long.parseLong(line.group(1)) : 0;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command + " failed:\n" + output);
        }
        return output;
    }
}
