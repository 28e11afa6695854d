package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sidecar.prm.events.Quarter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The web dashboard in Debian's Chromium against the packaged product: the portfolio draws its charts from real
 * figures and follows a command within 2 s without a reload; the partner list filters through its form with the
 * filters in the address; a partner's page shows its profile, checklist, goals, check-ins and deals; API problems
 * are shown, not swallowed; the pages read at laptop and phone widths (screenshots in {@code target/screenshots}).
 * Skips where chromium and chromium-driver are not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final String QUARTER = Quarter.of(TODAY).toString();
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The promise: the open dashboard shows a command's effect within 2 s. */
    private static final Duration LIVE_BUDGET = Duration.ofSeconds(2);

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path dataDir;

    @TempDir
    static Path browserProfile;

    /** Lower case: it goes into customer domains. */
    private final String run = "b" + UUID.randomUUID().toString().substring(0, 6);

    private StandaloneProcess app;
    private PrmClient client;
    private HeadlessChromium chromium;
    private WebDriver browser;
    private String base;
    private String alpha;
    private String beta;

    @BeforeAll
    void start() {
        assumeTrue(HeadlessChromium.installed(), "needs Debian's chromium and chromium-driver in /usr/bin");
        app = StandaloneProcess.start(
                dataDir,
                dataDir.resolve("standalone.log"),
                "--prm.demo-data=true",
                "--prm.demo.partners=30",
                "--prm.demo.deals=600",
                // the demo's deals left past their protection expire at once, not during the live check
                "--prm.deals.expiry-sweep-interval=1s");
        client = app.client();
        base = "http://127.0.0.1:" + app.port();
        seed();
        chromium = HeadlessChromium.start(browserProfile, dataDir.resolve("chromedriver.log"));
        browser = chromium.driver();
        chromium.signIn(base, "admin", PrmClient.ADMIN_PASSWORD);
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (chromium != null) {
            chromium.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void portfolioDrawsItsChartsAndShowsACommandWithin2SecondsWithoutReloading() {
        BigDecimal pipeline = quietPipeline();
        browser.get(base + "/");
        awaitCharts();
        String loadId = chromium.script("return window.__loadId");
        chromium.waitUpTo(PATIENCE, "the pipeline tile showing the dashboard's pipeline")
                .until(page -> amount(attribute("kpi-pipeline", "data-value")).compareTo(pipeline) == 0);
        chromium.waitUpTo(PATIENCE, "the live badge")
                .until(page -> "live".equals(attribute("live-status", "data-state")));
        assertThat(text("kpi-pipeline")).matches("\\$[\\d,]+");
        int renders = Integer.parseInt(attribute("main", "data-updated"));

        String deal = registered(client.post("/api/deals", TestBodies.deal(beta, run + "-live.example", "4321.50")));
        assertThat(client.post("/api/deals/" + deal + "/approve").status()).isEqualTo(200);
        long approvedAt = System.nanoTime();
        BigDecimal expected = pipeline.add(new BigDecimal("4321.50"));
        chromium.waitUpTo(Duration.ofSeconds(5), "the approved deal in the pipeline tile")
                .until(page -> amount(attribute("kpi-pipeline", "data-value")).compareTo(expected) == 0);
        Duration took = Duration.ofNanos(System.nanoTime() - approvedAt);

        assertThat(took).as("from the approval's answer to the open page").isLessThanOrEqualTo(LIVE_BUDGET);
        assertThat(chromium.script("return window.__loadId"))
                .as("the same page, not reloaded")
                .isEqualTo(loadId);
        assertThat(Integer.parseInt(attribute("main", "data-updated"))).isGreaterThan(renders);
        assertThat(browser.findElements(By.cssSelector("#alerts .alert"))).isEmpty();
    }

    @Test
    void partnerListFiltersThroughItsFormKeepsTheFiltersInTheAddressAndSorts() {
        browser.get(base + "/#/partners");
        chromium.waitUpTo(PATIENCE, "the partner list")
                .until(page -> text("result-count").startsWith("Showing"));

        browser.findElement(By.id("f-q")).sendKeys(run);
        new Select(browser.findElement(By.id("f-status"))).selectByValue("ACTIVE");
        browser.findElement(By.cssSelector("#partner-filters button[type=submit]"))
                .click();

        chromium.waitUpTo(PATIENCE, "the filtered list")
                .until(page -> names().equals(List.of(name("Alpha"), name("Beta"))));
        assertThat(browser.getCurrentUrl()).contains("q=" + run).contains("status=ACTIVE");
        assertThat(text("result-count")).isEqualTo("Showing 1–2 of 2 partners");
        assertThat(chromium.texts("#partners-table tbody td:nth-child(4)")).containsOnly("Active");

        browser.findElement(By.xpath("//th/button[text()='Name']")).click();
        chromium.waitUpTo(PATIENCE, "the list sorted by name, descending")
                .until(page -> names().equals(List.of(name("Beta"), name("Alpha"))));
        assertThat(browser.getCurrentUrl()).contains("sort=name%2Cdesc");

        browser.get(base + "/#/partners?status=ONBOARDING&q=" + run);
        chromium.waitUpTo(PATIENCE, "the onboarding partner").until(page -> names().equals(List.of(name("Gamma"))));
        assertThat(new Select(browser.findElement(By.id("f-status")))
                        .getFirstSelectedOption()
                        .getText())
                .as("the address's filters shown in the form")
                .isEqualTo("Onboarding");
    }

    @Test
    void partnerPageShowsProfileChecklistGoalsCheckInsAndDeals() {
        browser.get(base + "/#/partners?q=" + run + "&status=ACTIVE");
        chromium.waitUpTo(PATIENCE, "Alpha in the list").until(page -> names().contains(name("Alpha")));
        browser.findElement(By.linkText(name("Alpha"))).click();

        chromium.waitUpTo(PATIENCE, "Alpha's two deals")
                .until(page -> chromium.texts("#deals tbody tr").size() == 2);
        assertThat(text("partner-name")).isEqualTo(name("Alpha"));
        assertThat(browser.getCurrentUrl()).endsWith("#/partners/" + alpha);
        assertThat(browser.getTitle()).startsWith(name("Alpha"));
        assertThat(browser.findElements(By.cssSelector("#onboarding li.done"))).hasSize(3);
        assertThat(amount(attribute("partner-pipeline", "data-value"))).isEqualByComparingTo("25000");
        assertThat(amount(attribute("partner-won-revenue", "data-value"))).isEqualByComparingTo("38000");
        assertThat(attribute("partner-pipeline-chart", "data-points")).isEqualTo("1");
        List<String> goals = chromium.texts("#goals tbody tr");
        assertThat(goals).hasSize(1);
        assertThat(goals.get(0)).startsWith(QUARTER).contains("38%");
        assertThat(text("checkins")).contains("Browser review of the quarter");
        assertThat(String.join("\n", chromium.texts("#deals tbody tr")))
                .contains("Proposal")
                .contains("Won")
                .contains("$38,000.00");
        assertThat(browser.findElements(By.cssSelector("#alerts .alert"))).isEmpty();
    }

    @Test
    void apiProblemsAreShownInTheAlertRegion() {
        browser.get(base + "/#/partners/no-such-partner");
        chromium.waitUpTo(PATIENCE, "the 404 problem")
                .until(page ->
                        !browser.findElements(By.cssSelector("#alerts .alert")).isEmpty());
        assertThat(text("alerts")).contains("404");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Partner not found");

        browser.get(base + "/#/partners?region=D3");
        chromium.waitUpTo(PATIENCE, "the 400 problem")
                .until(page -> text("alerts").contains("400"));
        assertThat(text("alerts")).contains("region");
        assertThat(text("result-count")).isEqualTo("The partners could not be loaded.");
    }

    @Test
    void pagesReadAtLaptopAndPhoneWidthsAndPassTheAccessibilityRules() {
        List<Map.Entry<String, String>> pages = List.of(
                Map.entry("portfolio", "/#/"),
                Map.entry("partners", "/#/partners?status=ACTIVE"),
                Map.entry("partner", "/#/partners/" + alpha));
        for (int[] size : List.of(new int[] {1280, 900}, new int[] {390, 844})) {
            chromium.viewport(size[0], size[1]);
            for (Map.Entry<String, String> page : pages) {
                browser.get(base + "/#/none"); // a route change, so that each page starts afresh
                browser.get(base + page.getValue());
                awaitReady(page.getKey());
                chromium.waitUpTo(PATIENCE, "the charts fitted to their boxes")
                        .until(driver -> "true".equals(chromium.script(CHARTS_FIT)));
                assertThat(chromium.script(
                                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                        .as(page.getKey() + " at " + size[0] + " px: only tables scroll sideways, not the page")
                        .isEqualTo("true");
                assertThat(chromium.accessibilityViolations())
                        .as(page.getKey() + " at " + size[0] + " px: axe-core's WCAG 2.1 A and AA rules")
                        .isEmpty();
                chromium.screenshot(SCREENSHOTS, page.getKey() + "-" + size[0]);
            }
            boolean phone = size[0] < 600;
            assertThat(browser.findElement(By.id("site-nav")).isDisplayed())
                    .as("the navigation collapses on a phone")
                    .isEqualTo(!phone);
            if (phone) {
                browser.findElement(By.cssSelector(".nav-toggle")).click();
                assertThat(browser.findElement(By.id("site-nav")).isDisplayed()).isTrue();
            }
        }
    }

    private static final String CHARTS_FIT = "return [...document.querySelectorAll('figure.chart canvas')]"
            + ".every(c => c.getBoundingClientRect().width <= c.parentElement.clientWidth + 1)";

    private void awaitReady(String page) {
        switch (page) {
            case "portfolio" -> awaitCharts();
            case "partners" ->
                chromium.waitUpTo(PATIENCE, "the partner list")
                        .until(p -> text("result-count").startsWith("Showing"));
            default ->
                // the history too, so that the accessibility rules and the widths judge its table with rows
                chromium.waitUpTo(PATIENCE, "the partner's deals and history")
                        .until(p -> !chromium.texts("#deals tbody tr").isEmpty()
                                && text("history-count").startsWith("Events"));
        }
    }

    /** Every chart of the portfolio drawn (a Chart.js chart on its canvas) with at least one non-empty point. */
    private void awaitCharts() {
        chromium.waitUpTo(PATIENCE, "the charts drawn with data").until(page -> {
            List<String> points = browser.findElements(By.cssSelector("main figure.chart")).stream()
                    .map(figure -> figure.getDomAttribute("data-points"))
                    .toList();
            return points.size() == 3
                    && points.stream().allMatch(p -> Integer.parseInt(p) > 0)
                    && "true"
                            .equals(chromium.script("return [...document.querySelectorAll('figure.chart canvas')]"
                                    + ".every(c => window.Chart && Chart.getChart(c) !== undefined)"));
        });
    }

    /** Waits until the dashboard stops changing (demo data being loaded), then answers its pipeline. */
    private BigDecimal quietPipeline() {
        AtomicReference<String> last = new AtomicReference<>("");
        AtomicInteger unchanged = new AtomicInteger();
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    JsonNode dashboard = dashboard();
                    String now = dashboard.at("/pipeline/total/amount").asText() + "|"
                            + dashboard.at("/wonRevenue/total/amount").asText() + "|"
                            + dashboard.at("/partners/total").asText();
                    if (!now.equals(last.getAndSet(now))) {
                        unchanged.set(0);
                        return false;
                    }
                    // the same figures three seconds running: more than one expiry sweep went by
                    return unchanged.incrementAndGet() >= 3;
                });
        return new BigDecimal(dashboard().at("/pipeline/total/amount").asText());
    }

    private JsonNode dashboard() {
        PrmClient.Response read = client.get("/api/dashboard");
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        return read.json();
    }

    /**
     * Three partners of this run: Alpha (active, a goal, a check-in, one deal in the pipeline at PROPOSAL, one won),
     * Beta (active, one deal in the pipeline) and Gamma (still onboarding).
     */
    private void seed() {
        alpha = onboard("Alpha", "RESELLER", "DE");
        client.activate(alpha);
        beta = onboard("Beta", "REFERRAL", "US");
        client.activate(beta);
        onboard("Gamma", "SERVICES", "FR");
        assertThat(client.put("/api/partners/" + alpha + "/goals/" + QUARTER, TestBodies.goal("100000", 4))
                        .status())
                .isEqualTo(200);
        assertThat(client.post(
                                "/api/partners/" + alpha + "/check-ins",
                                TestBodies.checkIn(TODAY, "Browser review of the quarter"))
                        .status())
                .isEqualTo(200);
        String open = approved(alpha, "open", "25000.00");
        assertThat(client.post("/api/deals/" + open + "/stage", TestBodies.stage("PROPOSAL"))
                        .status())
                .isEqualTo(200);
        String won = approved(alpha, "won", "40000.00");
        assertThat(client.post("/api/deals/" + won + "/win", TestBodies.win("38000.00", "USD", TODAY))
                        .status())
                .isEqualTo(200);
        approved(beta, "beta", "10000.00");
        awaitPartner(alpha, view -> {
            assertThat(amount(view.at("/pipeline/amount").asText())).isEqualByComparingTo("25000");
            assertThat(amount(view.at("/wonRevenue/amount").asText())).isEqualByComparingTo("38000");
            assertThat(view.get("checkIns").asInt()).isEqualTo(1);
        });
        awaitPartner(
                beta,
                view -> assertThat(amount(view.at("/pipeline/amount").asText())).isEqualByComparingTo("10000"));
    }

    private String onboard(String suffix, String type, String region) {
        PrmClient.Response onboarded = client.post("/api/partners", TestBodies.partner(name(suffix), type, region));
        assertThat(onboarded.status()).as(onboarded.body()).isEqualTo(201);
        return onboarded.json().get("id").asText();
    }

    private String approved(String partner, String customer, String amount) {
        String deal = registered(
                client.post("/api/deals", TestBodies.deal(partner, run + "-" + customer + ".example", amount)));
        assertThat(client.post("/api/deals/" + deal + "/approve").status()).isEqualTo(200);
        return deal;
    }

    private static String registered(PrmClient.Response recorded) {
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().get("status").asText()).isEqualTo("PENDING_APPROVAL");
        return recorded.json().get("id").asText();
    }

    private void awaitPartner(String id, Consumer<JsonNode> expectation) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            PrmClient.Response read = client.get("/api/partners/" + id);
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            expectation.accept(read.json());
        });
    }

    private String name(String suffix) {
        return "Browser " + suffix + " " + run;
    }

    private List<String> names() {
        return chromium.texts("#partners-table tbody th");
    }

    private String attribute(String id, String attribute) {
        return browser.findElement(By.id(id)).getDomAttribute(attribute);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText().strip();
    }

    private static BigDecimal amount(String raw) {
        return raw == null || raw.isBlank() ? BigDecimal.ONE.negate() : new BigDecimal(raw); // -1: nothing shown yet
    }
}
