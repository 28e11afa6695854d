package io.sidecar.prm.standalone;

import static io.sidecar.prm.standalone.Webhooks.DEAL_RECORDED;
import static io.sidecar.prm.standalone.Webhooks.PARTNER_ONBOARDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The integration event feed ({@code GET /api/events}, API.md "Integrations") over more than 10,000 events: read
 * page by page, with pages of 1000 and of 137, while commands keep arriving, and resumed with its {@code next}
 * across a restart of the product, every stored event is read exactly once and each aggregate's events in their
 * order; a type filter keeps every event of its types and no other; bad parameters are problems.
 *
 * <p>The 10,000 check-ins are appended straight to the event store by four threads at once (10,000 commands over
 * HTTP would take minutes), so that their commits interleave as concurrent commands' do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventFeedIT {

    private static final int PARTNERS = 4;
    private static final int CHECK_INS_EACH = 2_500;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Deals for the same partners again and again: far over the open registrations a partner may hold. */
    private static final String OPEN_LIMIT = "prm.deals.open-limit=100000";

    @TempDir
    static Path dataDir;

    private final String run = "f" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> partners = new ArrayList<>();
    /** Partners without the appended check-ins, that deals are recorded for (a deal loads its partner). */
    private final List<String> dealers = new ArrayList<>();

    private RunningStandalone app;
    private PrmClient client;

    @BeforeAll
    void startAndAppendTenThousandEvents() throws Exception {
        app = RunningStandalone.start(dataDir, OPEN_LIMIT);
        client = app.client();
        for (int i = 0; i < PARTNERS; i++) {
            partners.add(client.activePartner("Feed " + run + " " + i));
        }
        for (int i = 0; i < 2; i++) {
            dealers.add(client.activePartner("Feed " + run + " dealer " + i));
        }
        ExecutorService writers = Executors.newFixedThreadPool(PARTNERS);
        try {
            List<Future<List<String>>> written = new ArrayList<>();
            for (String partner : partners) {
                written.add(writers.submit(
                        () -> AppendedCheckIns.append(app, partner, PrmClient.ACTIVATED_VERSION, CHECK_INS_EACH, 100)));
            }
            for (Future<List<String>> done : written) {
                assertThat(done.get(2, TimeUnit.MINUTES)).hasSize(CHECK_INS_EACH);
            }
        } finally {
            writers.shutdownNow();
        }
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void everyEventIsReadOnceInOrderPageByPageWhileCommandsArriveAndAcrossARestart() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger commands = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        EventFeed.Read byThousand;
        EventFeed.Read by137;
        try {
            List<Future<Void>> writing = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                writing.add(writers.submit(commandsUntil(stop, w, commands)));
            }
            await().atMost(PATIENCE).until(() -> commands.get() >= 5);
            int before = commands.get();
            byThousand = EventFeed.readAll(client, null, 1000);
            by137 = EventFeed.read(client, null, 137, 40);
            assertThat(commands.get())
                    .as("commands answered while the feed was read")
                    .isGreaterThan(before);
            stop.set(true);
            for (Future<Void> done : writing) {
                done.get(1, TimeUnit.MINUTES);
            }
        } finally {
            stop.set(true);
            writers.shutdownNow();
        }
        assertThat(byThousand.events()).hasSizeGreaterThan(PARTNERS * CHECK_INS_EACH);
        assertThat(by137.events()).hasSize(40 * 137);
        assertThat(byThousand.next()).isNotNull();
        assertThat(by137.next()).isNotNull();

        app.close();
        app = RunningStandalone.start(dataDir, OPEN_LIMIT);
        client = app.client();
        List<String> afterRestart = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            afterRestart.add(client.onboard("Feed " + run + " after restart " + i));
        }

        EventFeed.Read restOfThousand = EventFeed.readAll(client, byThousand.next(), 1000);
        EventFeed.Read restOf137 = EventFeed.readAll(client, by137.next(), 137);
        List<StoredEvents.Position> stored = StoredEvents.of(app).positions();
        Map<String, StoredEvents.Position> storedById = IntegrationEventChecks.byId(stored);
        assertThat(stored).hasSizeGreaterThan(PARTNERS * CHECK_INS_EACH);

        List<JsonNode> thousands = concat(byThousand, restOfThousand);
        IntegrationEventChecks.assertEveryStoredEventOnceInStreamOrder(EventFeed.ids(thousands), stored);
        IntegrationEventChecks.assertEveryStoredEventOnceInStreamOrder(EventFeed.ids(concat(by137, restOf137)), stored);
        IntegrationEventChecks.assertMatchesStore(thousands, storedById, EventFeed.types(client));
        assertThat(subjects(restOfThousand.events()))
                .as("partners onboarded after the restart")
                .containsAll(afterRestart);
    }

    @Test
    void aTypeFilterKeepsEveryEventOfItsTypesOnceAndNoOther() {
        for (int i = 0; i < 3; i++) {
            PrmClient.Response deal = client.post(
                    "/api/deals", TestBodies.deal(dealers.get(0), run + "-filter-" + i + ".example", "1200.00"));
            assertThat(deal.status()).as(deal.body()).isEqualTo(201);
        }
        client.onboard("Feed " + run + " filtered");
        List<JsonNode> everything = EventFeed.readAll(client, null, 1000).events();
        List<StoredEvents.Position> stored = StoredEvents.of(app).positions();

        // small pages over 10,000 check-ins: many pages hold nothing and move on
        List<JsonNode> deals =
                EventFeed.readAll(client, null, 50, DEAL_RECORDED).events();
        assertThat(deals).hasSizeGreaterThanOrEqualTo(3);
        assertThat(deals).extracting(event -> event.get("type").asText()).containsOnly(DEAL_RECORDED);
        assertThat(EventFeed.ids(deals)).containsExactlyElementsOf(idsOf(everything, Set.of(DEAL_RECORDED)));
        assertThat(EventFeed.ids(deals)).containsExactlyInAnyOrderElementsOf(storedIds(stored, "DealRecorded"));

        Set<String> both = Set.of(DEAL_RECORDED, PARTNER_ONBOARDED);
        List<String> repeated = EventFeed.readAll(client, null, 137, DEAL_RECORDED, PARTNER_ONBOARDED)
                .ids();
        List<String> commaSeparated = EventFeed.readAll(client, null, 137, DEAL_RECORDED + "," + PARTNER_ONBOARDED)
                .ids();
        assertThat(repeated).containsExactlyElementsOf(idsOf(everything, both));
        assertThat(commaSeparated).containsExactlyElementsOf(repeated);
        List<String> storedOfBoth = Stream.concat(
                        storedIds(stored, "DealRecorded").stream(), storedIds(stored, "PartnerOnboarded").stream())
                .toList();
        assertThat(repeated).containsExactlyInAnyOrderElementsOf(storedOfBoth);
    }

    @Test
    void aPageHoldsAHundredEventsUnlessToldOtherwise() {
        PrmClient.Response page = client.get("/api/events");

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().get("events")).hasSize(100);
        assertThat(EventFeed.text(page.json(), "next")).isNotBlank();
        assertThat(EventFeed.ids(EventFeed.page(client, null, 100).events()))
                .containsExactlyElementsOf(EventFeed.ids(list(page.json().get("events"))));
    }

    static Stream<String> badFeedRequests() {
        return Stream.of(
                "/api/events?after=garbage",
                "/api/events?after=12~x",
                "/api/events?limit=0",
                "/api/events?limit=-1",
                "/api/events?limit=1001",
                "/api/events?limit=x",
                "/api/events?type=unknown",
                "/api/events?type=sidecar.partner.exploded.v1",
                "/api/events?type=" + DEAL_RECORDED + "&type=unknown");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFeedRequests")
    void aBadFeedRequestIsAProblem(String path) {
        PrmClient.Response response = client.get(path);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(400);
        assertThat(EventFeed.text(response.json(), "code")).as(response.body()).isNotBlank();
    }

    /** Records deals and onboards partners over HTTP until told to stop; counts the answers. */
    private Callable<Void> commandsUntil(AtomicBoolean stop, int writer, AtomicInteger answered) {
        return () -> {
            for (int i = 0; !stop.get(); i++) {
                PrmClient.Response response = i % 2 == 0
                        ? client.post("/api/partners", TestBodies.partner("Feed " + run + " w" + writer + "-" + i))
                        : client.post(
                                "/api/deals",
                                TestBodies.deal(
                                        dealers.get(writer), run + "-w" + writer + "-" + i + ".example", "900.00"));
                assertThat(response.status()).as(response.body()).isEqualTo(201);
                answered.incrementAndGet();
            }
            return null;
        };
    }

    private static List<JsonNode> concat(EventFeed.Read first, EventFeed.Read rest) {
        List<JsonNode> all = new ArrayList<>(first.events());
        all.addAll(rest.events());
        return all;
    }

    private static List<String> subjects(List<JsonNode> events) {
        return events.stream().map(event -> event.get("subject").asText()).toList();
    }

    private static List<String> idsOf(List<JsonNode> events, Set<String> types) {
        return EventFeed.ids(events.stream()
                .filter(event -> types.contains(event.get("type").asText()))
                .toList());
    }

    private static List<String> storedIds(List<StoredEvents.Position> stored, String type) {
        return stored.stream()
                .filter(position -> position.type().equals(type))
                .map(StoredEvents.Position::eventId)
                .collect(Collectors.toList());
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
