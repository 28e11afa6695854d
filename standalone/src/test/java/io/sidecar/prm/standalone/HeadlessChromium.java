package io.sidecar.prm.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven through Debian's chromedriver, both from the system ({@code apt-get install chromium
 * chromium-driver}): nothing is downloaded at run time, Selenium Manager does not run (the driver's path is given).
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /** Starts the browser with a fresh profile in {@code profile} and its driver's log in {@code driverLog}. */
    static HeadlessChromium start(Path profile, Path driverLog) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(driverLog.toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=1280,900",
                "--lang=en-US",
                "--hide-scrollbars",
                // charts draw at once, so that screenshots show them finished
                "--force-prefers-reduced-motion");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US"));
        return new HeadlessChromium(new ChromeDriver(service, options));
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * Signs in through the product's login form at {@code base}/login, as a person would, and waits until the form
     * has sent the browser on.
     */
    void signIn(String base, String username, String password) {
        driver.get(base + "/login");
        driver.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
        driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
        driver.findElement(org.openqa.selenium.By.cssSelector("button[type=submit]"))
                .click();
        waitUpTo(Duration.ofSeconds(10), "signed in")
                .until(browser -> !browser.getCurrentUrl().contains("/login"));
    }

    /** A wait for {@code what} (named in the failure), polling every 50 ms for up to {@code timeout}. */
    WebDriverWait waitUpTo(Duration timeout, String what) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.pollingEvery(Duration.ofMillis(50));
        wait.withMessage(() -> what + " (" + driver.getCurrentUrl() + ")");
        // the pages re-render parts of themselves: an element read as it is replaced is read again
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Emulates a screen {@code width} × {@code height} CSS pixels wide (a phone below 600), whatever the window. */
    void viewport(int width, int height) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /**
     * Saves what the viewport shows as {@code name}.png and the whole page as {@code name}-full.png into
     * {@code directory}.
     */
    void screenshot(Path directory, String name) {
        try {
            Files.createDirectories(directory);
            Files.write(directory.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Map<String, Object> full = driver.executeCdpCommand(
                    "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
            Files.write(
                    directory.resolve(name + "-full.png"), Base64.getDecoder().decode((String) full.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs Deque's axe-core rules for WCAG 2.1 A and AA on the page as it is and answers each violation as
     * {@code rule (impact): the elements}; none is a page with no violation that axe can detect.
     */
    List<String> accessibilityViolations() {
        if (!"object".equals(script("return typeof window.axe"))) {
            driver.executeScript(AXE.get());
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object violations = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                    .then(result => done(result.violations.map(v => v.id + ' (' + v.impact + '): '
                        + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', '))))
                    .catch(error => done(['axe failed: ' + error]));""");
        return ((List<?>) violations).stream().map(Object::toString).toList();
    }

    /** axe.min.js, from the axe-core Selenium jar (test scope; its Java API is not used). */
    private static final Supplier<String> AXE = memoize(() -> {
        try (InputStream in = HeadlessChromium.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    });

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        AtomicReference<T> value = new AtomicReference<>();
        return () -> value.updateAndGet(v -> v == null ? supplier.get() : v);
    }

    /** Runs a script in the page and answers its result as a string ({@code null} stays null). */
    String script(String script, Object... arguments) {
        Object result = driver.executeScript(script, arguments);
        return result == null ? null : result.toString();
    }

    /** The visible texts of the elements {@code cssSelector} selects, read at one instant (no stale elements). */
    List<String> texts(String cssSelector) {
        Object texts = driver.executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.innerText.trim())", cssSelector);
        return ((List<?>) texts).stream().map(Object::toString).toList();
    }

    /** The {@code attribute} of each element {@code cssSelector} selects, read at one instant. */
    List<String> attributes(String cssSelector, String attribute) {
        Object values = driver.executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.getAttribute(arguments[1]))",
                cssSelector,
                attribute);
        return ((List<?>) values).stream().map(String::valueOf).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
