package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The partner page's history in Debian's Chromium: the partner's and its deals' events newest first with who did
 * them and their hashes, each opening to its payload; paged 25 at a time; verification in a live region; the
 * download links; the partner as of an instant between its onboarding and its activation; the page reads at laptop
 * and phone widths and passes axe-core's rules (screenshots in {@code target/screenshots}). The packaged product on
 * the real clock, as {@link DashboardBrowserIT} runs it. Skips where chromium and chromium-driver are not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerHistoryBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String ACTOR = "admin";
    /** 5 events to activation and 22 check-ins: a page of 25 and a newest page of 2. */
    private static final int CHECK_INS = 22;

    @TempDir
    static Path dataDir;

    @TempDir
    static Path browserProfile;

    private final String run = "h" + UUID.randomUUID().toString().substring(0, 6);

    private StandaloneProcess app;
    private PrmClient client;
    private HeadlessChromium chromium;
    private WebDriver browser;
    private String base;
    private String partner;
    private String deal;
    /** A whole second after the onboarding and before the activation: the as-of input is to the second. */
    private Instant stillOnboarding;

    private Instant onboardedAt;
    private String busy;

    @BeforeAll
    void start() {
        assumeTrue(HeadlessChromium.installed(), "needs Debian's chromium and chromium-driver in /usr/bin");
        app = StandaloneProcess.start(dataDir, dataDir.resolve("standalone.log"));
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
    void historyShowsThePartnersAndItsDealsEventsNewestFirstWithWhoDidThemAndShortHashes() {
        List<JsonNode> expected = newestFirst(partner);
        open(partner, 7);

        assertThat(chromium.texts("#history tbody td.event summary"))
                .containsExactly(
                        "DealApproved",
                        "DealRecorded",
                        "PartnerActivated",
                        "OnboardingStepCompleted",
                        "OnboardingStepCompleted",
                        "OnboardingStepCompleted",
                        "PartnerOnboarded");
        assertThat(text("history-count")).isEqualTo("Events 7–1 of 7, newest first");
        assertThat(chromium.texts("#history tbody td.actor")).hasSize(7).containsOnly(ACTOR);
        assertThat(chromium.attributes("#history tbody th time", "datetime"))
                .containsExactlyElementsOf(field(expected, "occurredAt"));
        assertThat(chromium.attributes("#history tbody code.hash", "data-hash"))
                .containsExactlyElementsOf(field(expected, "hash"));
        assertThat(chromium.texts("#history tbody code.hash"))
                .containsExactlyElementsOf(field(expected, "hash").stream()
                        .map(hash -> hash.substring(0, 12))
                        .toList());
        String shortDeal = "Deal " + deal.substring(0, 8);
        assertThat(chromium.texts("#history tbody td.stream"))
                .containsExactly(shortDeal, shortDeal, "Partner", "Partner", "Partner", "Partner", "Partner");
        assertThat(browser.findElement(By.cssSelector(".history nav.pager")).isDisplayed())
                .as("one page: no pager")
                .isFalse();
    }

    @Test
    void aRowOpensToItsPayloadAsStoredAndItsCorrelationAndCausation() throws Exception {
        JsonNode recorded = newestFirst(partner).get(1);
        open(partner, 7);

        browser.findElement(By.cssSelector("#history tr[data-type=DealRecorded] summary"))
                .click();
        By payload = By.cssSelector("#history tr[data-type=DealRecorded] pre.payload");
        chromium.waitUpTo(PATIENCE, "the payload shown")
                .until(page -> browser.findElement(payload).isDisplayed());

        assertThat(new ObjectMapper().readTree(browser.findElement(payload).getText()))
                .isEqualTo(recorded.get("payload"));
        assertThat(browser.findElement(payload).getText()).contains("\n  \"").contains(deal);
        assertThat(browser.findElement(By.cssSelector("#history tr[data-type=DealRecorded] dl"))
                        .getText())
                .contains(recorded.get("correlationId").asText())
                .contains(recorded.get("causationId").asText());
    }

    @Test
    void verifyingSaysInALiveRegionHowManyEventsInHowManyStreamsVerified() {
        open(partner, 7);
        assertThat(attribute("verify-result", "aria-live")).isEqualTo("polite");

        browser.findElement(By.id("verify-history")).click();

        chromium.waitUpTo(PATIENCE, "the verdict").until(page -> {
            String state = attribute("verify-result", "data-state");
            return state != null && !state.equals("checking");
        });
        assertThat(attribute("verify-result", "data-state")).isEqualTo("verified");
        assertThat(text("verify-result")).isEqualTo("Verified: 7 events in 2 streams");
    }

    @Test
    void asOfAnInstantBetweenOnboardingAndActivationThePartnerWasOnboardingAndProblemsAreExplained() {
        open(partner, 7);

        asOf(stillOnboarding);
        chromium.waitUpTo(PATIENCE, "the state as of then")
                .until(page -> "ONBOARDING".equals(attribute("as-of-status", "data-value")));
        assertThat(attribute("as-of-version", "data-value")).isEqualTo("1");
        assertThat(new BigDecimal(attribute("as-of-pipeline", "data-value"))).isZero();
        assertThat(chromium.attributes("#as-of-state tbody td:last-child", "data-value")
                        .get(0))
                .as("beside it, now")
                .isEqualTo("ACTIVE");
        assertThat(Instant.parse(browser.findElement(By.cssSelector("#as-of-state caption time"))
                        .getDomAttribute("datetime")))
                .isEqualTo(stillOnboarding);

        asOf(onboardedAt.minusSeconds(30));
        chromium.waitUpTo(PATIENCE, "the not-yet-onboarded problem")
                .until(page -> text("as-of-result").contains("was not onboarded yet"));
        assertThat(attribute("as-of-message", "data-status")).isEqualTo("404");

        asOf(Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS));
        chromium.waitUpTo(PATIENCE, "the future refused")
                .until(page -> text("as-of-result").contains("must not be in the future"));
        assertThat(browser.findElements(By.cssSelector("#alerts .alert"))).isEmpty();
    }

    @Test
    void theHistoryDownloadsLinkToTheExport() {
        open(partner, 7);
        String export = base + "/api/audit/export?partnerId=" + partner + "&format=";
        assertThat(browser.findElement(By.id("export-jsonl")).getDomProperty("href"))
                .isEqualTo(export + "jsonl");
        assertThat(browser.findElement(By.id("export-csv")).getDomProperty("href"))
                .isEqualTo(export + "csv");
        assertThat(text("export-jsonl")).isEqualTo("Download history (JSONL)");
        assertThat(text("export-csv")).isEqualTo("Download history (CSV)");
        assertThat(browser.findElement(By.id("export-csv")).getDomAttribute("download"))
                .isNotNull();
    }

    @Test
    void aLongHistoryPagesBackwards25AtATime() {
        List<JsonNode> expected = newestFirst(busy);
        assertThat(expected).hasSize(5 + CHECK_INS);
        open(busy, 2);
        assertThat(text("history-count")).isEqualTo("Events 27–26 of 27, newest first");
        assertThat(chromium.attributes("#history tbody code.hash", "data-hash"))
                .containsExactlyElementsOf(field(expected.subList(0, 2), "hash"));
        assertThat(attribute("history-newer", "aria-disabled")).isEqualTo("true");

        browser.findElement(By.id("history-older")).click();
        chromium.waitUpTo(PATIENCE, "the older page")
                .until(page -> text("history-count").startsWith("Events 25–1"));
        assertThat(chromium.attributes("#history tbody code.hash", "data-hash"))
                .containsExactlyElementsOf(field(expected.subList(2, 27), "hash"));
        assertThat(chromium.texts(".history nav.pager p")).containsExactly("Page 2 of 2");
        assertThat(attribute("history-older", "aria-disabled")).isEqualTo("true");
        assertThat(chromium.script("return document.activeElement.id"))
                .as("the focus stays on the pager")
                .isEqualTo("history-older");

        browser.findElement(By.id("history-newer")).click();
        chromium.waitUpTo(PATIENCE, "the newest page again")
                .until(page -> text("history-count").startsWith("Events 27–26"));
    }

    @Test
    void theHistoryReadsAtLaptopAndPhoneWidthsAndPassesTheAccessibilityRules() {
        for (int[] size : List.of(new int[] {1280, 900}, new int[] {390, 844})) {
            chromium.viewport(size[0], size[1]);
            open(partner, 7);
            browser.findElement(By.cssSelector("#history tr[data-type=DealRecorded] summary"))
                    .click();
            browser.findElement(By.id("verify-history")).click();
            asOf(stillOnboarding);
            chromium.waitUpTo(PATIENCE, "the verdict and the state as of then")
                    .until(page -> "verified".equals(attribute("verify-result", "data-state"))
                            && !browser.findElements(By.id("as-of-state")).isEmpty());
            chromium.waitUpTo(PATIENCE, "the chart fitted to its box")
                    .until(page -> "true"
                            .equals(chromium.script("return [...document.querySelectorAll('figure.chart"
                                    + " canvas')].every(c => c.getBoundingClientRect().width <= c.parentElement.clientWidth"
                                    + " + 1)")));

            assertThat(chromium.script(
                            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .as("at " + size[0] + " px: only tables scroll sideways, not the page")
                    .isEqualTo("true");
            assertThat(chromium.accessibilityViolations())
                    .as("at " + size[0] + " px: axe-core's WCAG 2.1 A and AA rules")
                    .isEmpty();
            chromium.script("document.getElementById('history-heading').scrollIntoView()");
            chromium.screenshot(SCREENSHOTS, size[0] > 600 ? "partner-history" : "partner-history-390");
        }
    }

    /**
     * Partner "History" (onboarded; a whole second passes; its onboarding completed and activated; a deal recorded
     * and approved) and partner "Busy" (active, then 22 check-ins).
     */
    private void seed() {
        partner = client.onboard("History " + run);
        // the onboarding is stored before its answer arrives: the next whole second is after it
        stillOnboarding = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        await().atMost(Duration.ofSeconds(2)).until(() -> Instant.now().isAfter(stillOnboarding));
        client.activate(partner);
        PrmClient.Response recorded = client.post("/api/deals", TestBodies.deal(partner, run + ".example", "12500.00"));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        deal = recorded.json().get("id").asText();
        assertThat(client.post("/api/deals/" + deal + "/approve").status()).isEqualTo(200);

        busy = client.activePartner("Busy " + run);
        for (int i = 1; i <= CHECK_INS; i++) {
            PrmClient.Response checkIn = client.post(
                    "/api/partners/" + busy + "/check-ins",
                    TestBodies.checkIn(LocalDate.now(ZoneOffset.UTC), "Call " + i));
            assertThat(checkIn.status()).as(checkIn.body()).isEqualTo(200);
        }
        client.awaitCaughtUp(PATIENCE);
        List<JsonNode> history = newestFirst(partner);
        onboardedAt = Instant.parse(history.get(6).get("occurredAt").asText());
        assertThat(onboardedAt).isBefore(stillOnboarding);
        assertThat(Instant.parse(history.get(2).get("occurredAt").asText()))
                .as("activated")
                .isAfter(stillOnboarding);
    }

    /** The partner's history as the API answers it, newest first. */
    private List<JsonNode> newestFirst(String id) {
        PrmClient.Response history = client.get("/api/partners/" + id + "/history?size=200");
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        history.json().get("items").forEach(entries::add);
        Collections.reverse(entries);
        return entries;
    }

    /** Opens the partner's page afresh and waits for its history's first page, {@code rows} events. */
    private void open(String id, int rows) {
        browser.get(base + "/#/none"); // a route change, so that the page starts afresh
        browser.get(base + "/#/partners/" + id);
        chromium.waitUpTo(PATIENCE, rows + " events in the history")
                .until(page -> text("history-count").startsWith("Events")
                        && chromium.texts("#history tbody tr").size() == rows);
    }

    /** Enters {@code instant} as the browser's local time, as a person would read it off a clock, and asks. */
    private void asOf(Instant instant) {
        chromium.script("""
                const d = new Date(arguments[0]);
                const pad = n => String(n).padStart(2, '0');
                document.getElementById('as-of-input').value = d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-'
                    + pad(d.getDate()) + 'T' + pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':'
                    + pad(d.getSeconds());""", instant.toString());
        browser.findElement(By.cssSelector("#as-of-form button[type=submit]")).click();
    }

    private static List<String> field(List<JsonNode> entries, String name) {
        return entries.stream().map(entry -> entry.get(name).asText()).toList();
    }

    private String attribute(String id, String attribute) {
        return browser.findElement(By.id(id)).getDomAttribute(attribute);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText().strip();
    }
}
