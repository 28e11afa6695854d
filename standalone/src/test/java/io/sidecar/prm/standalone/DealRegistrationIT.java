package io.sidecar.prm.standalone;

import static io.sidecar.prm.standalone.PartnerLifecycleIT.assertRefused;
import static io.sidecar.prm.standalone.PartnerLifecycleIT.fieldOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sidecar.prm.events.Quarter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deal registration over HTTP (DOMAIN.md, "Deal"; API.md, "Deals"): channel conflicts rejected with their evidence,
 * duplicates and rule breaks refused without a trace, the open-registration limit, the happy path with the partner's
 * figures following every step, and the deal lists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DealRegistrationIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final String PRODUCT = "Sidecar Enterprise";
    /** Low, so that the limit takes few registrations to reach; every other test keeps its partners below it. */
    private static final int OPEN_LIMIT = 3;

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Static: with one instance per class, JUnit injects instance fields only after {@code @BeforeAll}. */
    @TempDir
    static Path dataDir;

    /** Lower case: it goes into customer domains. */
    private final String run = "r" + UUID.randomUUID().toString().substring(0, 8);

    private final AtomicInteger partners = new AtomicInteger();
    private RunningStandalone app;
    private PrmClient client;

    @BeforeAll
    void start() {
        app = RunningStandalone.start(dataDir, "prm.deals.open-limit=" + OPEN_LIMIT);
        client = app.client();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void anotherPartnersRegistrationOfAHeldCustomerIsRejectedWithTheEvidenceUntilTheHolderCloses() {
        String first = partner("First");
        String second = partner("Second");
        String domain = run + "-conflict.example";

        String held = registered(record(first, "www." + domain.toUpperCase(), PRODUCT, "5000.00"));
        PrmClient.Response conflicting = record(second, "WWW." + domain, PRODUCT, "7000.00");

        assertThat(conflicting.status()).as(conflicting.body()).isEqualTo(201);
        String rejected = conflicting.json().get("id").asText();
        assertThat(conflicting.header("Location")).isEqualTo("/api/deals/" + rejected);
        assertThat(conflicting.json().get("status").asText()).isEqualTo("REJECTED");
        assertThat(conflicting.json().get("conflictingDealId").asText()).isEqualTo(held);
        assertThat(conflicting.json().get("version").asLong())
                .as("recorded, then rejected")
                .isEqualTo(2);

        JsonNode holder = client.dealAt(held, 1);
        assertThat(holder.at("/customer/domain").asText()).as("normalised").isEqualTo(domain);
        JsonNode view = client.dealAt(rejected, 2);
        assertThat(view.get("status").asText()).isEqualTo("REJECTED");
        assertThat(view.at("/rejection/kind").asText()).isEqualTo("CHANNEL_CONFLICT");
        assertThat(view.at("/rejection/conflictingDealId").asText()).isEqualTo(held);
        assertThat(Instant.parse(view.at("/rejection/conflictingRecordedAt").asText()))
                .isEqualTo(Instant.parse(holder.get("recordedAt").asText()));
        assertThat(view.at("/rejection/reason").asText()).contains(held);
        assertThat(fieldOf(view.get("trail"), "event")).containsExactly("DealRecorded", "DealRejected");
        assertThat(fieldOf(view.get("trail"), "status")).containsExactly("PENDING_APPROVAL", "REJECTED");
        awaitPartner(
                second,
                partner -> assertThat(partner.get("openDeals").asInt())
                        .as("a rejected registration is closed")
                        .isZero());

        // another product of the same customer is not held by anyone
        assertThat(registered(record(second, domain, "Sidecar Basic", "100.00")))
                .isNotBlank();

        assertStep(client.post("/api/deals/" + held + "/approve"), 2);
        assertConflict(record(partner("Third"), domain, PRODUCT, "1.00"), held);
        assertStep(client.post("/api/deals/" + held + "/lose", TestBodies.reason("Budget cut")), 3);

        PrmClient.Response free = record(second, domain, PRODUCT, "7000.00");
        String taken = registered(free);
        assertThat(free.json().get("conflictingDealId").isNull()).isTrue();
        // and now the first partner is the one that conflicts
        assertConflict(record(first, domain, PRODUCT, "5000.00"), taken);
    }

    @Test
    void theSamePartnerRegisteringTheSameCustomerAndProductTwiceIsRefusedAndNothingIsStored() {
        String partner = partner("Twice");
        String domain = run + "-twice.example";
        String dealId = registered(record(partner, domain, PRODUCT, "1000.00"));

        assertNothingStored(() -> {
            PrmClient.Response again = record(partner, "www." + domain.toUpperCase(), PRODUCT, "2000.00");
            assertRefused(again, 409, "deal.registration.duplicate");
            assertThat(again.json().get("detail").asText()).contains(dealId);
            assertRefused(record(partner, domain, PRODUCT, "1000.00"), 409, "deal.registration.duplicate");
        });
        // the refusals released nothing: the first registration still holds the customer
        assertConflict(record(partner("Not Twice"), domain, PRODUCT, "1000.00"), dealId);
        awaitPartner(partner, view -> assertThat(view.get("openDeals").asInt()).isEqualTo(1));
    }

    @Test
    void aDealGoesFromRegistrationToWonAndThePartnersFiguresFollowEveryStep() {
        String partner = partner("Happy");
        String quarter = Quarter.of(TODAY).toString();
        assertStep(client.put("/api/partners/" + partner + "/goals/" + quarter, TestBodies.goal("10000", 2)), 6);
        awaitPartner(partner, view -> {
            assertThat(view.get("version").asLong()).isEqualTo(6);
            assertFigures(view, 0, "0.00", "0.00", null);
        });

        String id = registered(record(partner, run + "-happy.example", PRODUCT, "2500.00"));
        JsonNode deal = client.dealAt(id, 1);
        assertThat(deal.get("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(deal.get("stage").isNull()).isTrue();
        assertThat(deal.get("protectedUntil").isNull()).isTrue();
        assertThat(deal.at("/amount/amount").asText()).isEqualTo("2500.00");
        awaitPartner(partner, view -> assertFigures(view, 1, "0.00", "0.00", null));

        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertStep(client.post("/api/deals/" + id + "/approve"), 2);
        Instant after = Instant.now().plusMillis(1);
        deal = client.dealAt(id, 2);
        assertThat(deal.get("status").asText()).isEqualTo("APPROVED");
        assertThat(Instant.parse(deal.get("protectedUntil").asText()))
                .as("protected for the default 90 days")
                .isBetween(before.plus(Duration.ofDays(90)), after.plus(Duration.ofDays(90)));
        awaitPartner(partner, view -> {
            assertFigures(view, 1, "2500.00", "0.00", null);
            assertThat(view.at("/pipelineByStage/UNSTAGED/amount").asText()).isEqualTo("2500.00");
        });

        assertStep(client.post("/api/deals/" + id + "/stage", TestBodies.stage("QUALIFIED")), 3);
        assertThat(client.dealAt(id, 3).get("stage").asText()).isEqualTo("QUALIFIED");
        awaitPartner(partner, view -> {
            assertThat(view.at("/pipelineByStage/UNSTAGED/amount").asText()).isEqualTo("0.00");
            assertThat(view.at("/pipelineByStage/QUALIFIED/amount").asText()).isEqualTo("2500.00");
        });
        assertStep(client.post("/api/deals/" + id + "/stage", TestBodies.stage("PROPOSAL")), 4);
        assertThat(client.dealAt(id, 4).get("stage").asText()).isEqualTo("PROPOSAL");
        awaitPartner(partner, view -> {
            assertThat(view.at("/pipelineByStage/QUALIFIED/amount").asText()).isEqualTo("0.00");
            assertThat(view.at("/pipelineByStage/PROPOSAL/amount").asText()).isEqualTo("2500.00");
            assertFigures(view, 1, "2500.00", "0.00", null);
        });

        assertStep(client.post("/api/deals/" + id + "/win", TestBodies.win("2400.00", "USD", TODAY)), 5);
        deal = client.dealAt(id, 5);
        assertThat(deal.get("status").asText()).isEqualTo("WON");
        assertThat(deal.get("stage").asText()).as("kept once closed").isEqualTo("PROPOSAL");
        assertThat(deal.at("/wonAmount/amount").asText()).isEqualTo("2400.00");
        assertThat(deal.get("closedOn").asText()).isEqualTo(TODAY.toString());
        JsonNode trail = deal.get("trail");
        assertThat(fieldOf(trail, "event"))
                .containsExactly("DealRecorded", "DealApproved", "DealStageAdvanced", "DealStageAdvanced", "DealWon");
        assertThat(fieldOf(trail, "status"))
                .containsExactly("PENDING_APPROVAL", "APPROVED", "APPROVED", "APPROVED", "WON");
        assertThat(fieldOf(trail, "stage")).containsExactly("null", "null", "QUALIFIED", "PROPOSAL", "PROPOSAL");
        awaitPartner(partner, view -> {
            assertFigures(view, 0, "0.00", "2400.00", "1");
            assertThat(view.get("dealsWon").asInt()).isEqualTo(1);
            JsonNode goal = goal(view, quarter);
            assertThat(goal.at("/wonRevenue/amount").asText()).isEqualTo("2400.00");
            assertThat(goal.get("dealsWon").asInt()).isEqualTo(1);
            assertThat(goal.get("attainment").decimalValue()).isEqualByComparingTo("0.24");
        });

        // a second deal, lost: the win rate halves, the won revenue stays
        String lost = registered(record(partner, run + "-lost.example", PRODUCT, "800.00"));
        assertStep(client.post("/api/deals/" + lost + "/approve"), 2);
        awaitPartner(partner, view -> assertFigures(view, 1, "800.00", "2400.00", "1"));
        assertStep(client.post("/api/deals/" + lost + "/lose", TestBodies.reason("Went with a competitor")), 3);
        JsonNode lostView = client.dealAt(lost, 3);
        assertThat(lostView.get("status").asText()).isEqualTo("LOST");
        assertThat(lostView.get("statusReason").asText()).isEqualTo("Went with a competitor");
        awaitPartner(partner, view -> {
            assertFigures(view, 0, "0.00", "2400.00", "0.5");
            assertThat(view.get("dealsLost").asInt()).isEqualTo(1);
            assertThat(goal(view, quarter).get("attainment").decimalValue()).isEqualByComparingTo("0.24");
        });
        assertThat(client.get("/api/partners/" + partner).json().get("version").asLong())
                .as("deal events do not change the partner's own version")
                .isEqualTo(6);
    }

    @Test
    void aCommandTheDealsStateOrItsInputRefusesAnswersAProblemAndStoresNothing() {
        String partner = partner("Refused");
        String pending = registered(record(partner, run + "-pending.example", PRODUCT, "100.00"));
        String won = registered(record(partner, run + "-won.example", PRODUCT, "200.00"));
        assertStep(client.post("/api/deals/" + won + "/approve"), 2);
        assertStep(client.post("/api/deals/" + won + "/win", TestBodies.win("200.00", "USD", TODAY)), 3);
        String approved = registered(record(partner, run + "-approved.example", PRODUCT, "300.00"));
        assertStep(client.post("/api/deals/" + approved + "/approve"), 2);
        assertStep(client.post("/api/deals/" + approved + "/stage", TestBodies.stage("PROPOSAL")), 3);

        assertNothingStored(() -> {
            assertRefused(client.post("/api/deals/" + approved + "/approve"), 409, "deal.not-pending");
            assertRefused(
                    client.post("/api/deals/" + approved + "/reject", TestBodies.reason("Late")),
                    409,
                    "deal.not-pending");
            assertRefused(client.post("/api/deals/" + won + "/approve"), 409, "deal.not-pending");
            assertRefused(
                    client.post("/api/deals/" + approved + "/stage", TestBodies.stage("QUALIFIED")),
                    409,
                    "deal.stage.not-forward");
            assertRefused(
                    client.post("/api/deals/" + approved + "/stage", TestBodies.stage("PROPOSAL")),
                    409,
                    "deal.stage.not-forward");
            assertRefused(
                    client.post("/api/deals/" + pending + "/stage", TestBodies.stage("QUALIFIED")),
                    409,
                    "deal.not-approved");
            assertRefused(
                    client.post("/api/deals/" + pending + "/win", TestBodies.win("100.00", "USD", TODAY)),
                    409,
                    "deal.not-approved");
            assertRefused(
                    client.post("/api/deals/" + pending + "/lose", TestBodies.reason("No")), 409, "deal.not-approved");
            assertRefused(
                    client.post("/api/deals/" + pending + "/extend-protection", TestBodies.extension(10)),
                    409,
                    "deal.not-approved");
            assertRefused(
                    client.post("/api/deals/" + won + "/lose", TestBodies.reason("Changed our mind")),
                    409,
                    "deal.not-approved");
            assertRefused(
                    client.post("/api/deals/" + won + "/win", TestBodies.win("200.00", "USD", TODAY)),
                    409,
                    "deal.not-approved");
            assertInvalid(
                    client.post("/api/deals/" + approved + "/extend-protection", TestBodies.extension(0)), "days");
            assertInvalid(
                    client.post("/api/deals/" + approved + "/extend-protection", TestBodies.extension(181)), "days");
            assertInvalid(
                    client.post("/api/deals/" + approved + "/win", TestBodies.win("300.00", "USD", TODAY.plusDays(1))),
                    "closedOn");
            assertInvalid(
                    client.post("/api/deals/" + approved + "/win", TestBodies.win("300.00", "EUR", TODAY)),
                    "amount.currency");
            assertRefused(client.post("/api/deals/" + UUID.randomUUID() + "/approve"), 404, "deal.unknown");
            assertRefused(
                    client.post("/api/deals/" + UUID.randomUUID() + "/lose", TestBodies.reason("Who?")),
                    404,
                    "deal.unknown");
        });

        // what the rules allow still goes through
        Instant protectedUntil =
                Instant.parse(client.dealAt(approved, 3).get("protectedUntil").asText());
        assertStep(client.post("/api/deals/" + approved + "/extend-protection", TestBodies.extension(180)), 4);
        JsonNode extended = client.dealAt(approved, 4);
        assertThat(Instant.parse(extended.get("protectedUntil").asText()))
                .isEqualTo(protectedUntil.plus(Duration.ofDays(180)));
        assertStep(client.post("/api/deals/" + approved + "/stage", TestBodies.stage("NEGOTIATION")), 5);
        assertStep(client.post("/api/deals/" + pending + "/reject", TestBodies.reason("Not a fit")), 2);
        JsonNode rejected = client.dealAt(pending, 2);
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.at("/rejection/kind").asText()).isEqualTo("MANUAL");
        assertThat(rejected.at("/rejection/reason").asText()).isEqualTo("Not a fit");
        assertThat(rejected.at("/rejection/conflictingDealId").isNull()).isTrue();
    }

    @Test
    void aPartnerHoldsAtMostTheConfiguredNumberOfOpenRegistrations() {
        String partner = partner("Busy");
        List<String> open = new ArrayList<>();
        for (int i = 1; i <= OPEN_LIMIT; i++) {
            open.add(registered(record(partner, run + "-busy" + i + ".example", PRODUCT, "100.00")));
        }
        assertStep(client.post("/api/deals/" + open.get(0) + "/approve"), 2);
        String fourth = run + "-busy4.example";

        assertNothingStored(() -> {
            PrmClient.Response refused = record(partner, fourth, PRODUCT, "100.00");
            assertRefused(refused, 409, "deal.open-limit");
            assertThat(refused.json().get("detail").asText()).contains(String.valueOf(OPEN_LIMIT));
        });
        // the refused registration holds nothing: another partner registers that customer without a conflict
        assertThat(registered(record(partner("Bystander"), fourth, PRODUCT, "100.00")))
                .isNotBlank();

        assertStep(client.post("/api/deals/" + open.get(0) + "/lose", TestBodies.reason("Lost")), 3);
        assertThat(registered(record(partner, run + "-busy5.example", PRODUCT, "100.00")))
                .isNotBlank();
        assertNothingStored(() ->
                assertRefused(record(partner, run + "-busy6.example", PRODUCT, "100.00"), 409, "deal.open-limit"));
        assertStep(client.post("/api/deals/" + open.get(1) + "/reject", TestBodies.reason("Duplicate")), 2);
        assertThat(registered(record(partner, run + "-busy6.example", PRODUCT, "100.00")))
                .isNotBlank();
        awaitPartner(partner, view -> assertThat(view.get("openDeals").asInt()).isEqualTo(OPEN_LIMIT));
    }

    @Test
    void concurrentRegistrationsDoNotTakeAPartnerOverItsLimit() throws Exception {
        String partner = partner("Rush");
        int attempts = 4 * OPEN_LIMIT;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        List<Callable<Integer>> registrations = IntStream.range(0, attempts)
                .mapToObj(
                        i -> (Callable<Integer>) () -> record(partner, run + "-rush" + i + ".example", PRODUCT, "1.00")
                                .status())
                .toList();
        long before = app.storedEvents();
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> answered : pool.invokeAll(registrations)) {
                statuses.add(answered.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(OPEN_LIMIT);
        assertThat(statuses).filteredOn(status -> status != 201).containsOnly(409);
        assertThat(app.storedEvents() - before).isEqualTo(OPEN_LIMIT);
    }

    @Test
    void dealsAreListedByStatusPartnerAndStage() {
        String seller = partner("Lister");
        String other = partner("Other Lister");
        String pending = registered(record(seller, run + "-list1.example", PRODUCT, "10.00"));
        String qualified = registered(record(seller, run + "-list2.example", PRODUCT, "20.00"));
        assertStep(client.post("/api/deals/" + qualified + "/approve"), 2);
        assertStep(client.post("/api/deals/" + qualified + "/stage", TestBodies.stage("QUALIFIED")), 3);
        String won = registered(record(seller, run + "-list3.example", PRODUCT, "30.00"));
        assertStep(client.post("/api/deals/" + won + "/approve"), 2);
        assertStep(client.post("/api/deals/" + won + "/stage", TestBodies.stage("PROPOSAL")), 3);
        assertStep(client.post("/api/deals/" + won + "/win", TestBodies.win("30.00", "USD", TODAY)), 4);
        String elsewhere = registered(record(other, run + "-list4.example", PRODUCT, "40.00"));
        assertStep(client.post("/api/deals/" + elsewhere + "/approve"), 2);
        assertStep(client.post("/api/deals/" + elsewhere + "/stage", TestBodies.stage("QUALIFIED")), 3);
        // the lists read the same documents: once each deal shows its last version, they show it too
        client.dealAt(pending, 1);
        client.dealAt(qualified, 3);
        client.dealAt(won, 4);
        client.dealAt(elsewhere, 3);

        assertThat(ids("/api/deals?partnerId=" + seller)).as("newest first").containsExactly(won, qualified, pending);
        assertThat(ids("/api/deals?partnerId=" + seller + "&status=APPROVED")).containsExactly(qualified);
        assertThat(ids("/api/deals?partnerId=" + seller + "&status=WON")).containsExactly(won);
        assertThat(ids("/api/deals?partnerId=" + seller + "&stage=QUALIFIED")).containsExactly(qualified);
        assertThat(ids("/api/deals?partnerId=" + seller + "&status=APPROVED&stage=PROPOSAL"))
                .isEmpty();
        assertThat(ids("/api/deals?status=APPROVED&stage=QUALIFIED&size=200"))
                .contains(qualified, elsewhere)
                .doesNotContain(pending, won);
        assertThat(ids("/api/deals?status=PENDING_APPROVAL&size=200"))
                .contains(pending)
                .doesNotContain(qualified, won, elsewhere);

        String sellers = "/api/partners/" + seller + "/deals";
        assertThat(ids(sellers)).containsExactly(won, qualified, pending);
        assertThat(ids(sellers + "?sort=recordedAt,asc")).containsExactly(pending, qualified, won);
        assertThat(ids(sellers + "?status=PENDING_APPROVAL")).containsExactly(pending);
        assertThat(ids(sellers + "?stage=PROPOSAL")).containsExactly(won);
        assertThat(ids("/api/partners/" + other + "/deals")).containsExactly(elsewhere);
        JsonNode page = client.get(sellers + "?size=2&page=1").json();
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(fieldOf(page.get("items"), "id")).containsExactly(pending);
        JsonNode listed = client.get(sellers + "?status=WON").json().at("/items/0");
        assertThat(listed.get("partnerId").asText()).isEqualTo(seller);
        assertThat(listed.at("/wonAmount/amount").asText()).isEqualTo("30.00");

        assertRefused(client.get("/api/partners/" + UUID.randomUUID() + "/deals"), 404, "partner.unknown");
        assertRefused(client.get("/api/deals?status=OPEN"), 400, "validation.failed");
        assertRefused(client.get("/api/deals?stage=CLOSING"), 400, "validation.failed");
    }

    @Test
    void tenWinsOfTenCentsAddUpToExactlyOneDollar() {
        String partner = partner("Penny");
        for (int i = 0; i < 10; i++) {
            String id = registered(record(partner, run + "-penny" + i + ".example", PRODUCT, "0.10"));
            assertStep(client.post("/api/deals/" + id + "/approve"), 2);
            assertStep(client.post("/api/deals/" + id + "/win", TestBodies.win("0.10", "USD", TODAY)), 3);
        }
        awaitPartner(partner, view -> {
            assertThat(view.get("dealsWon").asInt()).isEqualTo(10);
            assertThat(view.at("/wonRevenue/amount").isTextual()).isTrue();
            assertThat(view.at("/wonRevenue/amount").asText()).isEqualTo("1.00");
        });
    }

    /** The command side's lookup database is lost (or new) beside an existing event store (ADR 004). */
    @Nested
    class WhenTheLookupDatabaseIsLost {

        @TempDir
        Path lostDataDir;

        @Test
        void openRegistrationsStillHoldTheirCustomersAndCountTowardsTheLimit() throws Exception {
            String holder;
            String held;
            String full;
            String domain = run + "-lost-lookup.example";
            try (RunningStandalone first = RunningStandalone.start(lostDataDir, "prm.deals.open-limit=2")) {
                PrmClient firstClient = first.client();
                holder = firstClient.activePartner(run + " Holder");
                held = registered(
                        firstClient.post("/api/deals", TestBodies.dealFor(holder, domain, PRODUCT, "100.00")));
                assertStep(firstClient.post("/api/deals/" + held + "/approve"), 2);
                full = firstClient.activePartner(run + " Full");
                for (int i = 1; i <= 2; i++) {
                    registered(firstClient.post(
                            "/api/deals", TestBodies.dealFor(full, run + "-full" + i + ".example", PRODUCT, "1.00")));
                }
            }
            Files.delete(lostDataDir.resolve("lookups.mv.db"));

            try (RunningStandalone second = RunningStandalone.start(lostDataDir, "prm.deals.open-limit=2")) {
                PrmClient secondClient = second.client();
                String rival = secondClient.activePartner(run + " Rival");
                assertConflict(
                        secondClient.post("/api/deals", TestBodies.dealFor(rival, domain, PRODUCT, "100.00")), held);
                assertRefused(
                        secondClient.post(
                                "/api/deals", TestBodies.dealFor(full, run + "-full3.example", PRODUCT, "1.00")),
                        409,
                        "deal.open-limit");
            }
        }
    }

    private String partner(String name) {
        return client.activePartner(run + " " + name + " " + partners.incrementAndGet());
    }

    private PrmClient.Response record(String partnerId, String domain, String product, String amount) {
        return client.post("/api/deals", TestBodies.dealFor(partnerId, domain, product, amount));
    }

    /** Asserts a registration waiting for approval; answers its id. */
    private static String registered(PrmClient.Response recorded) {
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().get("status").asText()).as(recorded.body()).isEqualTo("PENDING_APPROVAL");
        assertThat(recorded.json().get("version").asLong()).isEqualTo(1);
        String id = recorded.json().get("id").asText();
        assertThat(recorded.header("Location")).isEqualTo("/api/deals/" + id);
        return id;
    }

    private static void assertConflict(PrmClient.Response recorded, String holder) {
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().get("status").asText()).as(recorded.body()).isEqualTo("REJECTED");
        assertThat(recorded.json().get("conflictingDealId").asText()).isEqualTo(holder);
    }

    private static void assertStep(PrmClient.Response answer, long version) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("version").asLong()).as(answer.body()).isEqualTo(version);
    }

    private static void assertInvalid(PrmClient.Response answer, String field) {
        assertRefused(answer, 400, "validation.failed");
        assertThat(fieldOf(answer.json().get("errors"), "field"))
                .as(answer.body())
                .contains(field);
    }

    /** Pipeline and won revenue as strings; the win rate as a number, or {@code null} for "n/a". */
    private static void assertFigures(JsonNode view, int openDeals, String pipeline, String won, String winRate) {
        assertThat(view.get("openDeals").asInt()).as("openDeals").isEqualTo(openDeals);
        assertThat(view.at("/pipeline/amount").asText()).as("pipeline").isEqualTo(pipeline);
        assertThat(view.at("/wonRevenue/amount").asText()).as("wonRevenue").isEqualTo(won);
        if (winRate == null) {
            assertThat(view.get("winRate").isNull()).as("winRate n/a").isTrue();
        } else {
            assertThat(view.get("winRate").decimalValue()).as("winRate").isEqualByComparingTo(new BigDecimal(winRate));
        }
    }

    private static JsonNode goal(JsonNode view, String period) {
        for (JsonNode goal : view.get("goals")) {
            if (goal.get("period").asText().equals(period)) {
                return goal;
            }
        }
        throw new AssertionError("no goal for " + period + " in " + view);
    }

    /** Deal events reach the partner's page eventually and do not change its version: awaited, not read at one. */
    private void awaitPartner(String id, Consumer<JsonNode> expectation) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            PrmClient.Response read = client.get("/api/partners/" + id);
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            expectation.accept(read.json());
        });
    }

    private List<String> ids(String path) {
        PrmClient.Response found = client.get(path);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return fieldOf(found.json().get("items"), "id");
    }

    private void assertNothingStored(Runnable commands) {
        long before = app.storedEvents();
        commands.run();
        assertThat(app.storedEvents()).as("events stored").isEqualTo(before);
    }
}
