package io.sidecar.prm.query.partner;

import static io.sidecar.prm.query.DealTestData.PARTNER;
import static io.sidecar.prm.query.DealTestData.RECORDED_AT;
import static io.sidecar.prm.query.DealTestData.approved;
import static io.sidecar.prm.query.DealTestData.conflicting;
import static io.sidecar.prm.query.DealTestData.expired;
import static io.sidecar.prm.query.DealTestData.extended;
import static io.sidecar.prm.query.DealTestData.lost;
import static io.sidecar.prm.query.DealTestData.recorded;
import static io.sidecar.prm.query.DealTestData.rejected;
import static io.sidecar.prm.query.DealTestData.staged;
import static io.sidecar.prm.query.DealTestData.usd;
import static io.sidecar.prm.query.DealTestData.withdrawn;
import static io.sidecar.prm.query.DealTestData.won;
import static io.sidecar.prm.query.EventStreams.messages;
import static io.sidecar.prm.query.EventStreams.nameOf;
import static io.sidecar.prm.query.PartnerTestData.onboarded;
import static org.assertj.core.api.Assertions.assertThat;

import io.sidecar.prm.events.PartnerEvent;
import io.sidecar.prm.events.deal.DealStage;
import io.sidecar.prm.events.partner.CheckInRecorded;
import io.sidecar.prm.events.partner.OnboardingStep;
import io.sidecar.prm.events.partner.OnboardingStepCompleted;
import io.sidecar.prm.events.partner.PartnerActivated;
import io.sidecar.prm.events.partner.PartnerGoalSet;
import io.sidecar.prm.events.partner.PartnerOffboarded;
import io.sidecar.prm.events.partner.PartnerProfileUpdated;
import io.sidecar.prm.events.partner.PartnerReinstated;
import io.sidecar.prm.events.partner.PartnerStatus;
import io.sidecar.prm.events.partner.PartnerSuspended;
import io.sidecar.prm.events.partner.PartnerTier;
import io.sidecar.prm.events.partner.PartnerTierChanged;
import io.sidecar.prm.events.partner.Sentiment;
import io.sidecar.prm.query.readmodel.EmbeddedReadModels;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The partner-summary projection is idempotent (ADR 003): an event delivered again, within its batch or in a later
 * one (a batch redone after a crash), leaves the partner's document as it was, for every event type it folds.
 */
class PartnerProjectionTest {

    private static final Instant AT = RECORDED_AT.plusSeconds(3600);
    private static final LocalDate DAY = LocalDate.parse("2026-02-03");

    /** One partner's whole life, every event type the projection folds, its deals' events among its own. */
    private static final List<DomainEventMessage<?>> HISTORY = messages(
            onboarded(PARTNER),
            new OnboardingStepCompleted(PARTNER, OnboardingStep.AGREEMENT_SIGNED, AT),
            new OnboardingStepCompleted(PARTNER, OnboardingStep.COMPLIANCE_CHECKED, AT),
            new OnboardingStepCompleted(PARTNER, OnboardingStep.TRAINING_COMPLETED, AT),
            new PartnerActivated(PARTNER, AT),
            new PartnerTierChanged(PARTNER, PartnerTier.REGISTERED, PartnerTier.SILVER, "Review", false, null, AT),
            new PartnerGoalSet(PARTNER, "2026-Q1", usd("1000.00"), 2, AT),
            new CheckInRecorded(
                    PARTNER, "c-1", DAY, List.of("Ada"), "Kick-off", Sentiment.POSITIVE, List.of("Send deck"), AT),
            new PartnerProfileUpdated(PARTNER, "Acme Global", null, "FR", null, AT),
            recorded("d-1", "100.00"),
            approved("d-1"),
            staged("d-1", null, DealStage.QUALIFIED),
            extended("d-1", 30),
            won("d-1", "120.00", DAY),
            recorded("d-2", "50.00"),
            approved("d-2"),
            lost("d-2", "Budget cut"),
            recorded("d-3", "70.00"),
            rejected("d-3", "Not qualified"),
            recorded("d-4", "80.00"),
            conflicting("d-4", "d-0", RECORDED_AT.minusSeconds(60)),
            recorded("d-5", "90.00"),
            approved("d-5"),
            expired("d-5"),
            new PartnerSuspended(PARTNER, "Audit", AT),
            new PartnerReinstated(PARTNER, AT),
            recorded("d-6", "60.00"),
            new PartnerOffboarded(PARTNER, "Partnership ended", AT),
            withdrawn("d-6"));

    private final EmbeddedReadModels models = new EmbeddedReadModels();
    private final PartnerViewFold fold = new PartnerViewFold("USD");
    private final PartnerProjection projection = new PartnerProjection(models.store(), fold);

    @AfterEach
    void stop() {
        models.close();
    }

    @Test
    void everyEventDeliveredAgainLeavesTheSameDocument() {
        PartnerView once = null;
        for (DomainEventMessage<?> message : HISTORY) {
            once = fold.apply(once, message.getPayload(), message.getSequenceNumber());

            models.inOneBatch(() -> {
                deliver(message);
                deliver(message);
            });
            models.inOneBatch(() -> deliver(message));

            assertThat(document())
                    .as("after %s, delivered twice in a batch and again in the next", nameOf(message))
                    .usingRecursiveComparison()
                    .isEqualTo(once);
        }
        PartnerView last = document();
        assertThat(last.version()).isEqualTo(12);
        assertThat(last.checkIns()).isEqualTo(1);
        assertThat(last.dealsWon()).isEqualTo(1);
        assertThat(last.dealsLost()).isEqualTo(1);
        assertThat(last.wonRevenue()).isEqualTo(usd("120.00"));
        assertThat(last.openDeals()).isZero();
        assertThat(last.status()).isEqualTo(PartnerStatus.OFFBOARDED);
    }

    @Test
    void aBatchDeliveredAgainAfterACrashLeavesTheSameDocument() {
        List<DomainEventMessage<?>> first = HISTORY.subList(0, 10);
        List<DomainEventMessage<?>> second = HISTORY.subList(10, HISTORY.size());
        models.inOneBatch(() -> first.forEach(this::deliver));
        models.inOneBatch(() -> second.forEach(this::deliver));
        PartnerView once = document();

        // stopped before storing the second batch's token: the processor delivers that batch again
        models.inOneBatch(() -> second.forEach(this::deliver));

        assertThat(document()).usingRecursiveComparison().isEqualTo(once);
        assertThat(once.appliedVersion("d-1")).isEqualTo(5);
        assertThat(once.wonRevenue()).isEqualTo(usd("120.00"));
        assertThat(once.goals().get(0).wonRevenue()).isEqualTo(usd("120.00"));
        assertThat(once.checkIns()).isEqualTo(1);
    }

    private void deliver(DomainEventMessage<?> message) {
        projection.on((PartnerEvent) message.getPayload(), message);
    }

    private PartnerView document() {
        return models.mongo().findById(PARTNER, PartnerView.class);
    }
}
