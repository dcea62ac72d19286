package org.workhealth.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Journeys in Debian's Chromium, driven by Playwright, with axe-core checking every page for
 * WCAG 2.2 AA. Skipped when Chromium is not installed, unless {@code -Dbrowser.required=true}
 * (as in CI), when its absence fails the run.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = BrowserTest.SESSIONS_IN_DATABASE)
public abstract class BrowserTest {

    /** Journeys run with sessions in the database, as the service does (the build leaves them out for MockMvc). */
    static final String SESSIONS_IN_DATABASE = "spring.autoconfigure.exclude=";

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launchBrowser() {
        boolean required = Boolean.getBoolean("browser.required");
        if (!Files.isExecutable(CHROMIUM)) {
            if (required) {
                throw new IllegalStateException("Browser tests are required but " + CHROMIUM + " is missing");
            }
            Assumptions.abort("Chromium is not installed at " + CHROMIUM + ": browser tests skipped");
        }
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync")));
    }

    @AfterAll
    static void closeBrowser() {
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext();
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void open(String path) {
        page.navigate(url(path));
        assertAccessible();
    }

    /**
     * Zero axe-core violations against WCAG 2.2 AA on the page as it is now; its title starts with its h1;
     * and it reflows: nothing makes the page scroll sideways at 320 CSS px (WCAG 1.4.10) or at the
     * usual 1280, wide tables scrolling inside their own region instead.
     */
    protected void assertAccessible() {
        // A journey may check a page it has just asked for: wait until it has arrived, heading and all.
        page.waitForLoadState();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("h1")).hasCount(1);
        org.workhealth.PageTitles.problem(page.title(), page.locator("h1").allTextContents())
                .ifPresent(problem -> assertThat(problem).as(page.url()).isEmpty());
        assertReflows(1280, 720);
        assertReflows(320, 256);
        page.setViewportSize(1280, 720);
        // Legacy mode runs axe.run in the page itself: the same rules and results for pages without cross-origin
        // iframes (ours have none), without the default's extra browser page per check, opened to inject axe again
        // and merge the frames' partial results.
        AxeResults results = new AxeBuilder(page).withTags(WCAG_22_AA).setLegacyMode(true).analyze();
        List<Rule> violations = results.getViolations();
        assertThat(violations).as(() -> page.url() + " has accessibility violations:\n" + violations.stream()
                .map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream().map(n -> n.getHtml())
                        .collect(Collectors.joining(" | ")))
                .collect(Collectors.joining("\n"))).isEmpty();
    }

    /** The first elements reaching past the viewport's right edge, outside scrolling regions: what to fix. */
    private static final String WIDE_ELEMENTS = """
            width => Array.from(document.querySelectorAll('body *'))
                .filter(e => e.getBoundingClientRect().right > width + 1 && !e.parentElement.closest('.app-table-scroll'))
                .slice(-3).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)
                    + ' ' + e.outerHTML.slice(0, 120)).join(' | ')
            """;

    private void assertReflows(int width, int height) {
        page.setViewportSize(width, height);
        Object scrollWidth = page.evaluate("document.documentElement.scrollWidth");
        // scrollWidth is a whole number rounded up from sub-pixel layout: text a fraction of a pixel past the
        // edge (font metrics differ between machines) reads as one pixel more, and scrolls nothing a reader sees.
        assertThat(((Number) scrollWidth).intValue()).as(() -> page.url() + " scrolls sideways at " + width
                + " CSS px, past the edge: " + page.evaluate(WIDE_ELEMENTS, width)).isLessThanOrEqualTo(width + 1);
    }

    /** Follows a link or presses a button by its accessible name, waits for the next page and checks it with axe. */
    protected void click(com.microsoft.playwright.options.AriaRole role, String name) {
        // Wait for the next page, so that axe checks it and not the one being left.
        page.waitForNavigation(() -> page.getByRole(role, new Page.GetByRoleOptions().setName(name)).first().click());
        assertAccessible();
    }

    /** The bytes of the file a link downloads. */
    protected byte[] download(String link) {
        com.microsoft.playwright.Download download = page.waitForDownload(() -> page.getByRole(
                com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName(link)).first()
                .click());
        try {
            return java.nio.file.Files.readAllBytes(download.path());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Signs out by dropping the session, and signs in as someone else. */
    protected void switchTo(String email) {
        context.clearCookies();
        signIn(email, org.workhealth.SignIn.DEMO_PASSWORD);
    }

    protected void signIn(String email, String password) {
        open("/sign-in");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.waitForNavigation(() -> page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click());
        assertAccessible();
    }
}
