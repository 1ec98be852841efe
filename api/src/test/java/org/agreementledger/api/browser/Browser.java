package org.agreementledger.api.browser;

import org.agreementledger.api.support.LedgerClient;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A real Chromium, headless, driven through the machine's chromedriver (Debian's chromium and
 * chromium-driver, which .ci/run installs): nothing is downloaded. Screenshots go to
 * {@code target/screenshots}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("LEDGER_TEST_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("LEDGER_TEST_CHROMEDRIVER",
            "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final String origin;

    Browser(int port, String language, Dimension window) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver (.ci/run does)");
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--lang=" + language,
                "--window-size=" + window.getWidth() + "," + window.getHeight());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.origin = "http://localhost:" + port;
    }

    Browser(int port) {
        this(port, "en-GB", new Dimension(1280, 1000));
    }

    void open(String path) {
        driver.get(origin + path);
    }

    void signIn(String user) {
        open("/sign-in.html");
        type(By.id("username"), user);
        type(By.id("password"), LedgerClient.PASSWORDS.get(user));
        driver.findElement(By.id("sign-in")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
    }

    void signOut() {
        click(By.id("sign-out"));
        waitFor(ExpectedConditions.urlContains("/sign-in.html"));
    }

    void type(By field, String text) {
        waitFor(driver -> act(driver, field, element -> {
            element.clear();
            element.sendKeys(text);
        }));
    }

    /**
     * Sets a date field as its picker would (typing into it depends on the browser's language):
     * the value, then the events a person's choice fires.
     */
    void setDate(By field, String isoDate) {
        waitFor(driver -> act(driver, field, element -> this.driver.executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", element, isoDate)));
    }

    void click(By target) {
        waitFor(driver -> act(driver, target, WebElement::click));
    }

    String textOf(By target) {
        return waitFor(driver -> shown(driver, target));
    }

    /** Waits until the element shows the text, and answers all it shows. */
    String waitForText(By target, String text) {
        return waitFor(driver -> {
            String shown = shown(driver, target);
            return shown != null && shown.contains(text) ? shown : null;
        });
    }

    /**
     * The pages draw their parts anew as the ledger moves on: an element found may be gone the
     * moment after, and is then looked for again.
     */
    private static Boolean act(WebDriver driver, By target, Consumer<WebElement> action) {
        try {
            WebElement element = driver.findElement(target);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return null;
            }
            action.accept(element);
            return true;
        } catch (NoSuchElementException | StaleElementReferenceException redrawn) {
            return null;
        }
    }

    private static String shown(WebDriver driver, By target) {
        try {
            WebElement element = driver.findElement(target);
            return element.isDisplayed() ? element.getText() : null;
        } catch (NoSuchElementException | StaleElementReferenceException redrawn) {
            return null;
        }
    }

    /** Waits for the condition; when it does not come, says where the browser is and what it shows. */
    <T> T waitFor(Function<? super WebDriver, T> condition) {
        try {
            // a page that navigates away under a lookup aborts it ("aborted by navigation"): look again
            return new WebDriverWait(driver, PATIENCE).ignoring(WebDriverException.class).until(condition);
        } catch (TimeoutException timeout) {
            throw new TimeoutException("at " + driver.getCurrentUrl() + " the page shows:\n"
                    + driver.findElement(By.tagName("body")).getText(), timeout);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    String currentPath() {
        return driver.getCurrentUrl().substring(origin.length());
    }

    /** Keeps what the page looks like now as target/screenshots/{name}.png. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("could not keep the screenshot " + name, e);
        }
    }

    /** Closes the browser, first printing what its console said: a failed page says why there. */
    @Override
    public void close() {
        try {
            driver.manage().logs().get(LogType.BROWSER).forEach(entry -> System.out.println("browser console: " + entry));
        } finally {
            driver.quit();
        }
    }
}
