package io.sidecar.prm.query.asof;

import static io.sidecar.prm.query.DealTestData.PARTNER;
import static io.sidecar.prm.query.DealTestData.usd;
import static io.sidecar.prm.query.EventStreams.messages;
import static org.assertj.core.api.Assertions.assertThat;

import io.sidecar.prm.events.Contact;
import io.sidecar.prm.events.Customer;
import io.sidecar.prm.events.PartnerEvent;
import io.sidecar.prm.events.deal.DealApproved;
import io.sidecar.prm.events.deal.DealLost;
import io.sidecar.prm.events.deal.DealProtectionExtended;
import io.sidecar.prm.events.deal.DealRecorded;
import io.sidecar.prm.events.deal.DealRegistrationExpired;
import io.sidecar.prm.events.deal.DealRejected;
import io.sidecar.prm.events.deal.DealStage;
import io.sidecar.prm.events.deal.DealStageAdvanced;
import io.sidecar.prm.events.deal.DealWithdrawn;
import io.sidecar.prm.events.deal.DealWon;
import io.sidecar.prm.events.deal.RejectionKind;
import io.sidecar.prm.events.partner.CheckInRecorded;
import io.sidecar.prm.events.partner.OnboardingStep;
import io.sidecar.prm.events.partner.OnboardingStepCompleted;
import io.sidecar.prm.events.partner.PartnerActivated;
import io.sidecar.prm.events.partner.PartnerGoalSet;
import io.sidecar.prm.events.partner.PartnerOffboarded;
import io.sidecar.prm.events.partner.PartnerOnboarded;
import io.sidecar.prm.events.partner.PartnerProfileUpdated;
import io.sidecar.prm.events.partner.PartnerReinstated;
import io.sidecar.prm.events.partner.PartnerSuspended;
import io.sidecar.prm.events.partner.PartnerTier;
import io.sidecar.prm.events.partner.PartnerTierChanged;
import io.sidecar.prm.events.partner.PartnerType;
import io.sidecar.prm.events.partner.Sentiment;
import io.sidecar.prm.query.partner.PartnerView;
import io.sidecar.prm.query.partner.PartnerViewFold;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

/**
 * The as-of fold takes a partner's streams one after the other and still gets the view that the live projection
 * folds in the store's global order: whatever the interleaving, as long as each stream stays in sequence.
 */
class PartnerHistoryTest {

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    private final PartnerViewFold fold = new PartnerViewFold("USD");
    private final Clock clock = new Clock();

    @Test
    void foldingStreamAfterStreamGivesTheViewOfTheGlobalOrderAfterEveryEvent() {
        List<DomainEventMessage<?>> global = messages(life());
        for (int n = 1; n <= global.size(); n++) {
            List<DomainEventMessage<?>> prefix = global.subList(0, n);
            assertThat(history(prefix).fold(fold)).as("after %d events", n).isEqualTo(inOrder(prefix));
        }
    }

    @Test
    void everyInterleavingThatKeepsEachStreamInSequenceGivesTheSameView() {
        List<DomainEventMessage<?>> global = messages(life());
        PartnerView live = inOrder(global);
        Random random = new Random(20260105L);
        for (int round = 0; round < 500; round++) {
            List<DomainEventMessage<?>> shuffled = interleaved(history(global), random);
            assertThat(inOrder(shuffled)).as("interleaving %d", round).isEqualTo(live);
        }
        // the history exercises what could depend on the order: goals and wins of the same quarter either way round
        assertThat(live.wonRevenue()).isEqualTo(usd("4000.00"));
        assertThat(live.goals())
                .extracting(PartnerView.Goal::wonRevenue)
                .containsExactly(usd("3000.00"), usd("1000.00"));
        assertThat(live.recentCheckIns()).hasSize(PartnerView.RECENT_CHECK_INS);
        assertThat(live.dealsLost()).isEqualTo(1);
        assertThat(live.openDeals()).isZero();
    }

    @Test
    void theHistoryUpToAnInstantKeepsEveryEventAtOrBeforeItAndCutsEachStreamAtItsFirstEventAfterIt() {
        List<DomainEventMessage<?>> global = messages(life());
        PartnerHistory whole = history(global);
        for (DomainEventMessage<?> message : global) {
            Instant at = ((PartnerEvent) message.getPayload()).occurredAt();
            List<DomainEventMessage<?>> upToIt = global.stream()
                    .filter(each ->
                            !((PartnerEvent) each.getPayload()).occurredAt().isAfter(at))
                    .toList();
            assertThat(whole.upTo(at).fold(fold)).isEqualTo(inOrder(upToIt));
        }
        assertThat(whole.upTo(START.minusNanos(1)).fold(fold)).isNull();
    }

    @Test
    void aStreamWhoseClockWentBackIsCutAtItsFirstLaterEventNotFilteredAroundIt() {
        Instant early = START.plusSeconds(60);
        Instant late = START.plusSeconds(120);
        PartnerHistory history = history(messages(
                onboarded(START),
                new OnboardingStepCompleted(PARTNER, OnboardingStep.AGREEMENT_SIGNED, late),
                new OnboardingStepCompleted(PARTNER, OnboardingStep.COMPLIANCE_CHECKED, early)));

        PartnerView asOfEarly = history.upTo(early).fold(fold);

        assertThat(asOfEarly.version()).isEqualTo(1);
        assertThat(asOfEarly.onboarding().done()).isEmpty();
    }

    /**
     * A partner's life with every event type its fold knows, its deals' events among its own, in the order they
     * happened: a policy's event at the instant of the event that caused it.
     */
    private PartnerEvent[] life() {
        List<PartnerEvent> events = new ArrayList<>(List.of(
                onboarded(START),
                new OnboardingStepCompleted(PARTNER, OnboardingStep.AGREEMENT_SIGNED, clock.next()),
                new OnboardingStepCompleted(PARTNER, OnboardingStep.TRAINING_COMPLETED, clock.next()),
                new OnboardingStepCompleted(PARTNER, OnboardingStep.COMPLIANCE_CHECKED, clock.next()),
                new PartnerActivated(PARTNER, clock.next())));
        for (int i = 0; i < PartnerView.RECENT_CHECK_INS + 2; i++) {
            // the days repeat, so the newest first order also needs the instants
            events.add(new CheckInRecorded(
                    PARTNER,
                    "c-" + i,
                    LocalDate.parse("2026-01-05").plusDays(i % 5),
                    List.of("Ada"),
                    "Call " + i,
                    Sentiment.NEUTRAL,
                    List.of(),
                    clock.next()));
        }
        events.addAll(List.of(
                recorded("d-1", "1000.00"),
                new PartnerGoalSet(PARTNER, "2026-Q1", usd("5000.00"), 3, clock.next()),
                approved("d-1"),
                recorded("d-2", "2000.00"),
                new DealStageAdvanced("d-1", PARTNER, null, DealStage.QUALIFIED, clock.next()),
                approved("d-2"),
                new DealWon("d-1", PARTNER, usd("1000.00"), LocalDate.parse("2026-02-10"), clock.next()),
                new PartnerTierChanged(
                        PARTNER, PartnerTier.REGISTERED, PartnerTier.SILVER, "Rule 1", true, null, clock.now),
                recorded("d-3", "500.00"),
                new DealRejected("d-3", PARTNER, "No fit", RejectionKind.MANUAL, null, null, clock.next()),
                new DealProtectionExtended("d-2", PARTNER, 30, clock.now.plus(Duration.ofDays(120)), clock.next()),
                new PartnerSuspended(PARTNER, "Review", clock.next()),
                new DealWon("d-2", PARTNER, usd("2000.00"), LocalDate.parse("2026-03-20"), clock.next()),
                new PartnerReinstated(PARTNER, clock.next()),
                recorded("d-4", "700.00"),
                recorded("d-5", "1000.00"),
                approved("d-4"),
                approved("d-5"),
                new DealLost("d-4", PARTNER, "Budget", clock.next()),
                new DealWon("d-5", PARTNER, usd("1000.00"), LocalDate.parse("2026-04-02"), clock.next()),
                // a goal set after wins of its quarter starts with them
                new PartnerGoalSet(PARTNER, "2026-Q2", usd("4000.00"), null, clock.next()),
                new PartnerProfileUpdated(
                        PARTNER, "Acme Global", null, "FR", new Contact("Grace", "g@acme.example", null), clock.next()),
                recorded("d-6", "300.00"),
                approved("d-6"),
                new DealRegistrationExpired("d-6", PARTNER, clock.now, clock.next()),
                new PartnerGoalSet(PARTNER, "2026-Q1", usd("6000.00"), 4, clock.next()),
                recorded("d-7", "400.00"),
                new PartnerOffboarded(PARTNER, "Ended", clock.next()),
                new DealWithdrawn("d-7", PARTNER, "partner offboarded: Ended", clock.now)));
        return events.toArray(PartnerEvent[]::new);
    }

    private PartnerView inOrder(List<DomainEventMessage<?>> messages) {
        PartnerView view = null;
        for (DomainEventMessage<?> message : messages) {
            view = fold.apply(view, message.getPayload(), message.getSequenceNumber());
        }
        return view;
    }

    /** The messages by stream, the partner's first, each stream in sequence. */
    private static PartnerHistory history(List<DomainEventMessage<?>> messages) {
        Map<String, List<HistoryEvent>> streams = new LinkedHashMap<>();
        streams.put(PARTNER, new ArrayList<>());
        for (DomainEventMessage<?> message : messages) {
            streams.computeIfAbsent(message.getAggregateIdentifier(), id -> new ArrayList<>())
                    .add(new HistoryEvent((PartnerEvent) message.getPayload(), message.getSequenceNumber()));
        }
        return new PartnerHistory(START, new ArrayList<>(streams.values()));
    }

    /**
     * A random interleaving of the streams, each kept in sequence, the partner's onboarding first: every interleaving
     * equally likely, so a deal's last event lands anywhere among the partner's, not mostly early.
     */
    private static List<DomainEventMessage<?>> interleaved(PartnerHistory history, Random random) {
        List<List<HistoryEvent>> left = new ArrayList<>();
        history.streams().forEach(stream -> left.add(new ArrayList<>(stream)));
        List<DomainEventMessage<?>> out = new ArrayList<>();
        out.add(message(left.get(0).remove(0)));
        int remaining = left.stream().mapToInt(List::size).sum();
        for (; remaining > 0; remaining--) {
            int pick = random.nextInt(remaining);
            List<HistoryEvent> stream = left.get(0);
            for (List<HistoryEvent> each : left) {
                stream = each;
                if (pick < each.size()) {
                    break;
                }
                pick -= each.size();
            }
            out.add(message(stream.remove(0)));
        }
        return out;
    }

    /** A message as the fold reads it: the payload and its sequence number in its stream. */
    private static DomainEventMessage<?> message(HistoryEvent event) {
        return new GenericDomainEventMessage<>("Any", "any", event.sequence(), event.event());
    }

    private static PartnerOnboarded onboarded(Instant at) {
        return new PartnerOnboarded(
                PARTNER,
                "Acme",
                PartnerType.RESELLER,
                "DE",
                new Contact("Ada", "ada@acme.example", null),
                null,
                "de",
                at);
    }

    private DealRecorded recorded(String dealId, String amount) {
        return new DealRecorded(
                dealId,
                PARTNER,
                new Customer("Globex", dealId + ".example"),
                "Sidecar",
                usd(amount),
                LocalDate.parse("2026-06-30"),
                null,
                clock.next());
    }

    private DealApproved approved(String dealId) {
        return new DealApproved(dealId, PARTNER, clock.now.plus(Duration.ofDays(90)), clock.next());
    }

    /** Instants an hour apart, from {@link #START}. */
    private static final class Clock {
        private Instant now = START;

        Instant next() {
            now = now.plus(Duration.ofHours(1));
            return now;
        }
    }
}
