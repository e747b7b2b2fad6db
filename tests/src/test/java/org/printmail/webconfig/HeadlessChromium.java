package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.printmail.i18n.Language;

/**
 * Debian's headless Chromium driven by its chromedriver, both at fixed paths so Selenium Manager
 * never looks for (or downloads) anything.
 *
 * <p>TLS: Chromium trusts exactly the TEST-ONLY localhost key, by its SPKI hash
 * ({@code --ignore-certificate-errors-spki-list}); every other certificate error still fails.
 * That is narrower than {@code --ignore-certificate-errors}, and needs no NSS database tooling.
 *
 * <p>Missing browser: the test fails under CI ({@code CI=true}) and is skipped locally.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Under the tests module (the tests run in the repository root). */
    static final Path SCREENSHOTS = Path.of("tests/target/screenshots");

    final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profileDir;

    private HeadlessChromium(ChromeDriver driver, ChromeDriverService service, Path profileDir) {
        this.driver = driver;
        this.service = service;
        this.profileDir = profileDir;
    }

    static HeadlessChromium start() throws IOException { return start(null); }

    /**
     * A browser whose user speaks {@code language}: its UI language ({@code --lang}) and the
     * {@code Accept-Language} it sends ({@code intl.accept_languages}); null keeps Chromium's own.
     */
    static HeadlessChromium start(Language language) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "Chromium or chromedriver missing (apt-get install chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why + "; browser test skipped outside CI");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = Files.createTempDirectory("webconfig-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update",
                "--disable-sync", "--window-size=1280,1400", "--user-data-dir=" + profile,
                "--ignore-certificate-errors-spki-list=" + testKeySpkiHash());
        if (language != null) {
            options.addArguments("--lang=" + language.tag());
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language.tag()));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return new HeadlessChromium(driver, service, profile);
    }

    /** base64(SHA-256(SubjectPublicKeyInfo)) of the TEST-ONLY localhost certificate. */
    private static String testKeySpkiHash() {
        try (InputStream in = Files.newInputStream(WebConfigRig.KEYSTORE)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, WebConfigRig.KEYSTORE_PASSWORD.toCharArray());
            Certificate cert = ks.getCertificate(ks.aliases().nextElement());
            byte[] spki = cert.getPublicKey().getEncoded();
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the test certificate", e);
        }
    }

    WebDriverWait waitUpTo(int seconds) { return new WebDriverWait(driver,
            Duration.ofSeconds(seconds)); }

    WebElement waitFor(By by) { return waitUpTo(15).until(ExpectedConditions.visibilityOfElementLocated(by)); }

    void type(By by, String text) {
        WebElement e = waitFor(by);
        e.clear();
        e.sendKeys(text);
    }

    void click(By by) { waitUpTo(15).until(ExpectedConditions.elementToBeClickable(by)).click(); }

    /** Whether any injected script ran: the payloads set {@code window.__xss}. */
    boolean scriptRan() {
        return ((JavascriptExecutor) driver).executeScript("return typeof window.__xss !== 'undefined';") == Boolean.TRUE;
    }

    /** Saves the window as {@code tests/target/screenshots/<name>.png}; the name may hold a folder. */
    void screenshot(String name) throws IOException {
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    /**
     * The page's visible text without its isolated values ({@code bdi}), scripts, styles and
     * parts marked as another language (the switch's language names): what is left must all be
     * words of the page's language.
     */
    String textOutsideIsolates() {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "var b = document.body.cloneNode(true);"
                        + "b.querySelectorAll('bdi, script, style, [lang]').forEach(function (e) { e.remove(); });"
                        + "document.body.appendChild(b); b.style.display = 'block';"
                        + "var t = document.title + '\\n' + b.innerText; b.remove(); return t;");
    }

    void logIn(String base, String password) {
        driver.get(base + "login");
        type(By.id("password"), password);
        click(By.id("login-button"));
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (var files = Files.walk(profileDir)) {
                List<Path> all = files.sorted(java.util.Comparator.reverseOrder()).toList();
                all.forEach(p -> p.toFile().delete());
            }
        }
    }
}
