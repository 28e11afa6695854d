package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sidecar.prm.events.Customer;
import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.PartnerEvent;
import io.sidecar.prm.events.PrmMetadata;
import io.sidecar.prm.events.deal.DealApproved;
import io.sidecar.prm.events.deal.DealLost;
import io.sidecar.prm.events.deal.DealRecorded;
import io.sidecar.prm.events.deal.DealStage;
import io.sidecar.prm.events.deal.DealStageAdvanced;
import io.sidecar.prm.events.deal.DealWon;
import io.sidecar.prm.events.partner.CheckInRecorded;
import io.sidecar.prm.events.partner.Sentiment;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partner with a long history, 1,000 events in its own stream and its {@value #DEALS} deals', rebuilt as of any
 * instant. The events after its activation are appended straight to the event store, shaped as its commands would
 * have stored them: through HTTP they would take minutes. The latency of the as-of reads is printed, not asserted: a
 * measurement for the record, taken on a shared machine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsOfLongHistoryIT {

    private static final int CHECK_INS = 300;
    private static final int DEALS = 139;
    private static final int READS = 21;

    /** Static: with one instance per class, JUnit injects instance fields only after {@code @BeforeAll}. */
    @TempDir
    static Path dataDir;

    private final MovableClock clock = new MovableClock(Instant.now());
    private final List<PartnerEvent> appended = new ArrayList<>();
    private RunningStandalone app;
    private PrmClient client;
    private String partner;

    @BeforeAll
    void aPartnerWithAThousandEvents() {
        app = RunningStandalone.start(dataDir, clock);
        client = app.client();
        partner = client.activePartner("Long History " + UUID.randomUUID());
        List<DomainEventMessage<?>> messages = history(clock.instant());
        EventStore store = app.bean(EventStore.class);
        for (int from = 0; from < messages.size(); from += 100) {
            store.publish(messages.subList(from, Math.min(messages.size(), from + 100)));
        }
        clock.set(appended.get(appended.size() - 1).occurredAt().plusSeconds(60));
        client.awaitCaughtUp(Duration.ofSeconds(120));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void asOfNowThePartnerIsItsLivePage() {
        JsonNode live = client.partnerAt(partner, PrmClient.ACTIVATED_VERSION + CHECK_INS);

        assertThat(JsonDifferences.between(live, state(clock.instant()))).isEmpty();
    }

    /** Also the measurement: each read timed beside a live read of the partner, printed for the record. */
    @Test
    void asOfInstantsAcrossItsHistoryThePartnerCountsTheEventsUpToEach() {
        Instant first = appended.get(0).occurredAt();
        Duration span = Duration.between(first, clock.instant());
        state(clock.instant()); // warm-up
        long[] asOfReads = new long[READS];
        long[] liveReads = new long[READS];
        for (int i = 0; i < READS; i++) {
            Instant at = first.plus(span.multipliedBy(i).dividedBy(READS - 1));
            long start = System.nanoTime();
            JsonNode then = state(at);
            asOfReads[i] = System.nanoTime() - start;
            start = System.nanoTime();
            assertThat(client.get("/api/partners/" + partner).status()).isEqualTo(200);
            liveReads[i] = System.nanoTime() - start;

            List<PartnerEvent> upToThen = appended.stream()
                    .filter(event -> !event.occurredAt().isAfter(at))
                    .toList();
            long checkIns = count(upToThen, CheckInRecorded.class);
            long closed = count(upToThen, DealWon.class) + count(upToThen, DealLost.class);
            assertThat(then.get("checkIns").asLong()).as("at %s", at).isEqualTo(checkIns);
            assertThat(then.get("version").asLong()).isEqualTo(PrmClient.ACTIVATED_VERSION + checkIns);
            assertThat(then.get("dealsWon").asLong()).isEqualTo(count(upToThen, DealWon.class));
            assertThat(then.get("dealsLost").asLong()).isEqualTo(count(upToThen, DealLost.class));
            assertThat(then.get("openDeals").asLong()).isEqualTo(count(upToThen, DealRecorded.class) - closed);
        }
        System.out.printf(
                "As-of reads of a partner with %d events in %d streams: %s; its live reads: %s%n",
                PrmClient.ACTIVATED_VERSION + appended.size(), DEALS + 1, summary(asOfReads), summary(liveReads));
    }

    private static long count(List<PartnerEvent> events, Class<? extends PartnerEvent> type) {
        return events.stream().filter(type::isInstance).count();
    }

    private JsonNode state(Instant asOf) {
        PrmClient.Response answer = client.get("/api/partners/" + partner + "/state?asOf=" + asOf);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.header("Warning")).isNull();
        return answer.json();
    }

    /** Check-ins and deals taking turns, a minute apart, each deal recorded, approved, staged twice, then closed. */
    private List<DomainEventMessage<?>> history(Instant after) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        Instant at = after;
        long partnerSequence = PrmClient.ACTIVATED_VERSION;
        int checkIns = 0;
        for (int deal = 0; deal < DEALS; deal++) {
            int due = (int) ((long) CHECK_INS * (deal + 1) / DEALS);
            for (; checkIns < due; checkIns++) {
                at = at.plusSeconds(60);
                messages.add(message("Partner", partner, partnerSequence++, checkIn(checkIns, at)));
            }
            String dealId = UUID.randomUUID().toString();
            List<PartnerEvent> life = dealLife(deal, dealId, at);
            for (int sequence = 0; sequence < life.size(); sequence++) {
                messages.add(message("Deal", dealId, sequence, life.get(sequence)));
            }
            at = life.get(life.size() - 1).occurredAt();
        }
        return messages;
    }

    private CheckInRecorded checkIn(int n, Instant at) {
        return new CheckInRecorded(
                partner,
                UUID.randomUUID().toString(),
                LocalDate.ofInstant(at, ZoneOffset.UTC),
                List.of("Ada Lovelace"),
                "Call " + n,
                Sentiment.values()[n % 3],
                List.of("Follow up"),
                at);
    }

    /** Small amounts: the won revenue stays below every tier threshold, so no policy adds events. */
    private List<PartnerEvent> dealLife(int n, String dealId, Instant start) {
        Money amount = new Money(new BigDecimal(500 + n).setScale(2), "USD");
        Instant[] at = new Instant[5];
        for (int i = 0; i < at.length; i++) {
            at[i] = start.plusSeconds(60L * (i + 1));
        }
        Customer customer = new Customer("Customer " + n, "customer-" + n + ".example");
        LocalDate closing = LocalDate.ofInstant(start, ZoneOffset.UTC).plusDays(60);
        return List.of(
                new DealRecorded(dealId, partner, customer, "Sidecar", amount, closing, null, at[0]),
                new DealApproved(dealId, partner, at[1].plus(Duration.ofDays(90)), at[1]),
                new DealStageAdvanced(dealId, partner, null, DealStage.QUALIFIED, at[2]),
                new DealStageAdvanced(dealId, partner, DealStage.QUALIFIED, DealStage.PROPOSAL, at[3]),
                n % 2 == 0
                        ? new DealWon(dealId, partner, amount, LocalDate.ofInstant(at[4], ZoneOffset.UTC), at[4])
                        : new DealLost(dealId, partner, "Lost to a competitor", at[4]));
    }

    private DomainEventMessage<?> message(String type, String aggregateId, long sequence, PartnerEvent event) {
        appended.add(event);
        return new GenericDomainEventMessage<>(
                type, aggregateId, sequence, event, Map.of(PrmMetadata.ACTOR, "as-of-long-history"));
    }

    private static String summary(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int p95 = (int) Math.ceil(0.95 * sorted.length) - 1;
        return String.format(
                "median %.1f ms, p95 %.1f ms, max %.1f ms (%d reads)",
                sorted[sorted.length / 2] / 1e6, sorted[p95] / 1e6, sorted[sorted.length - 1] / 1e6, sorted.length);
    }
}
