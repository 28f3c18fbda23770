package org.delphipanel.study.ui;

import java.time.Duration;
import java.util.List;
import org.delphipanel.base.ui.HeadlessChromium;
import org.delphipanel.base.ui.Screenshots;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium driven the way a person uses Delphi Panel: by the labels and ids on the page,
 * waiting for what the page shows after each step rather than for a fixed time.
 */
final class Browser implements AutoCloseable {

    /** True when no Vaadin client has a request to the server in flight. */
    private static final String VAADIN_IDLE = """
            const flow = window.Vaadin && window.Vaadin.Flow;
            if (!flow || !flow.clients) { return false; }
            return Object.values(flow.clients).every(c => typeof c.isActive !== 'function' || !c.isActive());
            """;

    private static final String GRID_TEXT = """
            return Array.from(arguments[0].querySelectorAll('vaadin-grid-cell-content'))
                .map(cell => cell.textContent.trim()).filter(text => text.length > 0).join(' | ');
            """;

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /** Most steps take a server round trip of a few milliseconds: look often. */
    private static final Duration POLL = Duration.ofMillis(50);

    final ChromeDriver driver;
    private final String base;

    Browser(int port) {
        this.driver = HeadlessChromium.start();
        this.base = "http://localhost:" + port;
    }

    /**
     * A new wait each time (a wait keeps the message it was given), looking again when Vaadin has
     * replaced an element it had found.
     */
    private FluentWait<WebDriver> await() {
        return new WebDriverWait(driver, PATIENCE, POLL).ignoring(StaleElementReferenceException.class);
    }

    @Override
    public void close() {
        driver.quit();
    }

    void open(String path) {
        driver.get(base + (path.startsWith("/") ? path : "/" + path));
        waitForVaadin();
    }

    void signIn(String email, String password) {
        open("/login");
        await().until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-text-field[name='username'] > input")))
                .sendKeys(email);
        driver.findElement(By.cssSelector("vaadin-password-field[name='password'] > input"))
                .sendKeys(password, Keys.ENTER);
        waitForText(By.tagName("h1"), "Your studies");
        waitForText(By.className("dp-user"), email);
    }

    void signOut() {
        button("Sign out").click();
        await().until(ExpectedConditions.urlContains("/login"));
        await().until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-text-field[name='username'] > input")));
    }

    /** Types into the Vaadin text field, text area, number field or password field with this id, replacing its text. */
    void type(String fieldId, String text) {
        WebElement input = clickable(By.cssSelector("#" + fieldId + " input, #" + fieldId + " textarea"));
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }

    /** Types and leaves the field with Tab, which commits the value the way a keyboard user does. */
    void typeAndTab(String fieldId, String text) {
        type(fieldId, text);
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
    }

    String value(String fieldId) {
        return await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + fieldId + " input")))
                .getDomProperty("value");
    }

    void click(String id) {
        click(By.id(id));
    }

    void click(By locator) {
        clickable(locator).click();
    }

    /** The element, scrolled into view first: Selenium counts an element scrolled out of the layout as invisible. */
    private WebElement clickable(By locator) {
        reveal(await().until(ExpectedConditions.presenceOfElementLocated(locator)));
        return await().until(ExpectedConditions.elementToBeClickable(locator));
    }

    /**
     * Scrolls the element to the middle of the window first: ChromeDriver scrolls only as far as the
     * window's edge, where the app layout's fixed top bar can cover the element.
     */
    WebElement reveal(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", element);
        return element;
    }

    WebElement button(String text) {
        return clickable(By.xpath("//vaadin-button[normalize-space()=" + literal(text) + "]"));
    }

    /** Follows an entry of the side navigation. */
    void navigate(String menuEntry) {
        click(By.xpath("//vaadin-side-nav-item[normalize-space()=" + literal(menuEntry) + "]"));
        waitForVaadin();
    }

    /** Scrolls so that the element with this id is at the top, below the app layout's bar, for a screenshot. */
    void scrollTo(String id) {
        WebElement element = await().until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        driver.executeScript("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -70)", element);
    }

    /** By its text in the DOM: By.linkText reads the visible text, empty while the link is scrolled away. */
    void clickLink(String text) {
        click(By.xpath("//a[normalize-space()=" + literal(text) + "]"));
    }

    void tab(String label) {
        click(By.xpath("//vaadin-tab[normalize-space()=" + literal(label) + "]"));
        waitForVaadin();
    }

    /** Clicks the radio button labelled {@code label}. */
    void choose(String label) {
        click(By.xpath("//vaadin-radio-button[.//label[normalize-space()=" + literal(label) + "]]"));
    }

    /**
     * The element's text as rendered (innerText): hidden parts left out, but regardless of where the
     * window is scrolled, which Selenium's getText takes into account. White space is collapsed.
     */
    String text(By locator) {
        return innerText(await().until(ExpectedConditions.presenceOfElementLocated(locator)));
    }

    String text(String id) {
        return text(By.id(id));
    }

    List<String> texts(By locator) {
        return driver.findElements(locator).stream().map(this::innerText).toList();
    }

    String pageText() {
        return innerText(driver.findElement(By.tagName("body")));
    }

    /** innerText with each run of white space as one space: inline-flex badges and grid cells break lines. */
    private String innerText(WebElement element) {
        return String.valueOf(driver.executeScript("return arguments[0].innerText", element)).replaceAll("\\s+", " ")
                .strip();
    }

    void waitForText(By locator, String text) {
        await().withMessage(() -> "waiting for '" + text + "' in " + locator + "; the page shows:\n" + pageText())
                .until((ExpectedCondition<Boolean>) d -> d.findElements(locator).stream()
                        .anyMatch(element -> innerText(element).contains(text)));
    }

    void waitForText(String id, String text) {
        waitForText(By.id(id), text);
    }

    /** The texts of a Vaadin grid's cells, which live in its light DOM, joined by " | ". */
    String gridText(String gridId) {
        WebElement grid = await().until(ExpectedConditions.presenceOfElementLocated(By.id(gridId)));
        return String.valueOf(driver.executeScript(GRID_TEXT, grid));
    }

    void waitForGridText(String gridId, String text) {
        await().withMessage(() -> "waiting for '" + text + "' in grid " + gridId + ", which shows: " + gridText(gridId))
                .until((ExpectedCondition<Boolean>) d -> gridText(gridId).contains(text));
    }

    void waitForUrl(String fragment) {
        await().until(ExpectedConditions.urlContains(fragment));
        waitForVaadin();
    }

    void waitForVaadin() {
        await().until((ExpectedCondition<Boolean>) d -> Boolean.TRUE.equals(driver.executeScript(VAADIN_IDLE)));
    }

    List<WebElement> all(By locator) {
        return driver.findElements(locator);
    }

    void screenshot(String name) {
        waitForVaadin();
        Screenshots.save(driver, name);
    }

    /** An XPath string literal for text that may hold an apostrophe. */
    private static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "',\"'\",'") + "')";
    }
}
