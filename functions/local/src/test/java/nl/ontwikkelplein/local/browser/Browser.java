package nl.ontwikkelplein.local.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A headless Chromium for tests: the Debian {@code chromium} and {@code chromium-driver} packages,
 * never a downloaded browser. Selenium Manager is never asked for anything: the driver executable
 * and the browser binary are both given explicitly, which is the case in which Selenium skips it.
 *
 * <p>When either is missing, {@link #requireInstalled()} skips the test with a message saying how
 * to install them (so {@code mvn verify} passes with only a JDK and Maven), or fails it when
 * {@code ONTWIKKELPLEIN_REQUIRE_BROWSER=1} (as in CI, see {@code .ci/run}), so that a CI machine
 * without a browser cannot pass by skipping. {@code ONTWIKKELPLEIN_CHROMIUM} and
 * {@code ONTWIKKELPLEIN_CHROMEDRIVER} point the tests at another Chromium and ChromeDriver.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(setting("ONTWIKKELPLEIN_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(setting("ONTWIKKELPLEIN_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final String REQUIRE = "ONTWIKKELPLEIN_REQUIRE_BROWSER";
    static final String HOW_TO_INSTALL = "install them with: sudo apt-get install chromium chromium-driver"
            + " (or set ONTWIKKELPLEIN_CHROMIUM and ONTWIKKELPLEIN_CHROMEDRIVER to a Chromium and its matching ChromeDriver)";

    /*
     * The tests use WebDriver only, never the DevTools protocol, so Selenium's warning that it has no
     * CDP implementation for this Chromium version is noise. Loggers are held here: java.util.logging
     * keeps only weak references, and a collected logger forgets its level.
     */
    private static final List<Logger> QUIET = List.of(
            Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
            Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

    static {
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
    }

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    private static String setting(String env, String fallback) {
        String value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Why the browser tests cannot run here, or empty when Chromium and ChromeDriver are present. */
    static Optional<String> missing() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) missing.add("Chromium (" + CHROMIUM + ")");
        if (!Files.isExecutable(CHROMEDRIVER)) missing.add("ChromeDriver (" + CHROMEDRIVER + ")");
        if (missing.isEmpty()) return Optional.empty();
        return Optional.of("Browser tests need " + String.join(" and ", missing) + ", which "
                + (missing.size() == 1 ? "is" : "are") + " missing; " + HOW_TO_INSTALL);
    }

    static boolean required() {
        String value = System.getenv(REQUIRE);
        return "1".equals(value) || "true".equalsIgnoreCase(value);
    }

    /** For @BeforeAll: fails when the browser is missing and ONTWIKKELPLEIN_REQUIRE_BROWSER=1; says once that tests will be skipped otherwise. */
    static void failIfMissingAndRequired() {
        Optional<String> missing = missing();
        if (missing.isEmpty()) return;
        if (required()) Assertions.fail(missing.get() + ". Failing rather than skipping because " + REQUIRE + "=1.");
        System.out.println("[browser tests skipped] " + missing.get() + ". Set " + REQUIRE + "=1 to fail instead.");
    }

    /** For @BeforeEach: skips the test, with the reason, when the browser is missing (fails when required). */
    static void requireInstalled() {
        Optional<String> missing = missing();
        if (missing.isEmpty()) return;
        if (required()) Assertions.fail(missing.get() + ". Failing rather than skipping because " + REQUIRE + "=1.");
        Assumptions.abort(missing.get() + ". Skipped (set " + REQUIRE + "=1 to fail instead).");
    }

    /** A fresh headless browser with its own profile and a window of the given CSS-pixel size. */
    static Browser start(int width, int height, boolean javaScript) {
        requireInstalled();
        // Belt and braces: the explicit paths below already keep Selenium Manager out.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        // No OpenTelemetry tracing of WebDriver calls: nothing reads it, and the stack in this JVM
        // (S3Proxy) brings its own OpenTelemetry version.
        System.setProperty("webdriver.remote.enableTracing", "false");
        Path profile;
        try {
            profile = Files.createTempDirectory("ontwikkelplein-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--lang=nl-NL", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("intl.accept_languages", "nl-NL,nl");
        if (!javaScript) prefs.put("profile.managed_default_content_settings.javascript", 2);
        options.setExperimentalOption("prefs", prefs);
        // Console messages, to catch what the Content-Security-Policy blocked.
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20)).scriptTimeout(Duration.ofSeconds(20));
        Browser browser = new Browser(driver, profile);
        if (javaScript) browser.fitViewport(width, height);
        return browser;
    }

    /**
     * Makes the viewport (not the window) the given size: headless windows can include a few pixels
     * of browser frame, and the mobile checks are about the CSS viewport.
     */
    void fitViewport(int width, int height) {
        for (int attempt = 0; attempt < 3; attempt++) {
            long innerWidth = number("return window.innerWidth");
            long innerHeight = number("return window.innerHeight");
            if (innerWidth == width && innerHeight == height) return;
            Dimension window = driver.manage().window().getSize();
            driver.manage().window().setSize(new Dimension(
                    (int) (window.width + width - innerWidth), (int) (window.height + height - innerHeight)));
        }
    }

    /** Console messages since the last call (Chromium reports blocked content here). */
    List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    long number(String script, Object... args) {
        return ((Number) ((JavascriptExecutor) driver).executeScript(script, args)).longValue();
    }

    /**
     * Clicks something that loads another page (a link, a submit button) and waits until the old
     * page is gone, so what is read next is the new page, also on a busy machine.
     */
    void clickAndWait(org.openqa.selenium.WebElement element) {
        org.openqa.selenium.WebElement page = driver.findElement(org.openqa.selenium.By.tagName("html"));
        element.click();
        // Chromium reports a node of a page that is gone either as stale or as "does not belong to the document".
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** A screenshot of the whole page (the window is made as tall as the page) in target/browser/. */
    Path screenshot(String name) {
        Dimension before = driver.manage().window().getSize();
        long innerHeight = number("return window.innerHeight");
        long pageHeight = number("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)");
        try {
            if (pageHeight > innerHeight) {
                driver.manage().window().setSize(new Dimension(before.width, (int) (before.height + pageHeight - innerHeight)));
            }
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = Path.of("target", "browser", name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return target.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp directory left behind is harmless
            }
        }
    }
}
