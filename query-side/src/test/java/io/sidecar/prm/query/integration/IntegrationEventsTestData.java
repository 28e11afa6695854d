package io.sidecar.prm.query.integration;

import io.sidecar.prm.events.Contact;
import io.sidecar.prm.events.Customer;
import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.PartnerEvent;
import io.sidecar.prm.events.deal.DealApproved;
import io.sidecar.prm.events.deal.DealEvent;
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
import io.sidecar.prm.events.partner.PartnerContactErased;
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
import io.sidecar.prm.events.partner.TierPromotion;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

/**
 * One stored event of each published type, with fixed ids, instants and positions: the examples of
 * docs/integration-events.md are these events through {@link IntegrationEvents}. They tell one partner's story,
 * Northwind Systems, with its deals.
 */
final class IntegrationEventsTestData {

    static final String PARTNER = "3f6c2a9e-5b1d-4c7a-9e08-6d2f4b8a1c53";
    /** The deal that is recorded, approved, advanced, extended and won. */
    static final String DEAL = "b82e4f17-0c3a-4d96-8a5e-71f9c2d04e6b";

    private static final String REJECTED_DEAL = "c4d19a3e-7f25-4b08-9e61-2a8b5f0d3c97";
    private static final String OTHER_PARTNERS_DEAL = "e07b6c2d-91a4-4f3e-b5d8-4c1a9e2f7b60";
    private static final String LOST_DEAL = "5d3a8e1f-2b7c-4a69-8f04-c1e6b9d2a7f3";
    private static final String EXPIRED_DEAL = "8c2f7d0a-4e19-4b5c-a6d3-9f1e0b7c2a84";
    private static final String WITHDRAWN_DEAL = "1b9e4c6a-8d2f-4a73-b0e5-7f3c2d9a1e48";
    private static final Contact ADA = new Contact("Ada Weber", "ada.weber@northwind.example", "+49 30 1234567");

    /**
     * A stored event and the position it was read at.
     *
     * @param type     the public type it is published as
     * @param message  the event as the store delivers it
     * @param position its global position
     */
    record Example(String type, DomainEventMessage<?> message, long position) {}

    /** One example per public type, in the order docs/integration-events.md lists them. */
    static final List<Example> EXAMPLES = List.of(
            example(
                    "sidecar.partner.onboarded.v1",
                    1041,
                    0,
                    new PartnerOnboarded(
                            PARTNER,
                            "Northwind Systems",
                            PartnerType.RESELLER,
                            "DE",
                            ADA,
                            "https://northwind.example",
                            "de",
                            at("2026-01-12T09:00:00Z"))),
            example(
                    "sidecar.partner.onboarding_step_completed.v1",
                    1057,
                    1,
                    new OnboardingStepCompleted(PARTNER, OnboardingStep.AGREEMENT_SIGNED, at("2026-01-14T10:15:00Z"))),
            example("sidecar.partner.activated.v1", 1102, 4, new PartnerActivated(PARTNER, at("2026-01-20T08:30:00Z"))),
            example(
                    "sidecar.partner.goal_set.v1",
                    1103,
                    5,
                    new PartnerGoalSet(PARTNER, "2026-Q2", usd("250000.00"), 5, at("2026-01-20T09:00:00Z"))),
            example(
                    "sidecar.partner.check_in_recorded.v1",
                    1218,
                    6,
                    new CheckInRecorded(
                            PARTNER,
                            "9a1e5c7b-3d2f-4e86-a0b4-58c6d1f3e927",
                            LocalDate.parse("2026-02-03"),
                            List.of("Ada Weber", "Sam Lee"),
                            "Quarterly review: two enterprise opportunities in the pipeline",
                            Sentiment.POSITIVE,
                            List.of("Register the Globex opportunity", "Book sales training for two new reps"),
                            at("2026-02-03T16:45:00Z"))),
            example(
                    "sidecar.partner.profile_updated.v1",
                    1335,
                    7,
                    new PartnerProfileUpdated(
                            PARTNER,
                            null,
                            "https://www.northwind.example",
                            null,
                            new Contact("Lena Fischer", "lena.fischer@northwind.example", null),
                            at("2026-03-02T09:10:00Z"))),
            example(
                    "sidecar.partner.tier_changed.v1",
                    1635,
                    8,
                    new PartnerTierChanged(
                            PARTNER,
                            PartnerTier.REGISTERED,
                            PartnerTier.SILVER,
                            "won revenue over the trailing 12 months, 51250.00 USD, reached the SILVER threshold of"
                                    + " 50000.00 (tier rules version 1)",
                            true,
                            new TierPromotion("1", usd("50000.00"), usd("51250.00"), DEAL),
                            at("2026-04-28T17:05:00Z"))),
            example(
                    "sidecar.partner.suspended.v1",
                    1901,
                    9,
                    new PartnerSuspended(PARTNER, "compliance certificate lapsed", at("2026-06-15T08:00:00Z"))),
            example(
                    "sidecar.partner.reinstated.v1",
                    1977,
                    10,
                    new PartnerReinstated(PARTNER, at("2026-06-29T11:30:00Z"))),
            example(
                    "sidecar.partner.offboarded.v1",
                    2103,
                    11,
                    new PartnerOffboarded(
                            PARTNER, "partnership ended by mutual agreement", at("2026-09-30T16:00:00Z"))),
            example(
                    "sidecar.partner.contact_erased.v1",
                    2188,
                    12,
                    new PartnerContactErased(PARTNER, at("2026-10-30T10:15:00Z"))),
            example(
                    "sidecar.deal.recorded.v1",
                    1260,
                    0,
                    new DealRecorded(
                            DEAL,
                            PARTNER,
                            new Customer("Globex Corporation", "globex.example"),
                            "Sidecar Enterprise",
                            usd("48000.00"),
                            LocalDate.parse("2026-05-29"),
                            null,
                            at("2026-02-10T11:20:00Z"))),
            example(
                    "sidecar.deal.approved.v1",
                    1262,
                    1,
                    new DealApproved(DEAL, PARTNER, at("2026-05-11T14:00:00Z"), at("2026-02-10T14:00:00Z"))),
            example(
                    "sidecar.deal.rejected.v1",
                    1270,
                    1,
                    new DealRejected(
                            REJECTED_DEAL,
                            PARTNER,
                            "channel conflict: another partner holds the open registration " + OTHER_PARTNERS_DEAL
                                    + " for this customer and product, recorded 2026-01-28T15:02:40Z",
                            RejectionKind.CHANNEL_CONFLICT,
                            OTHER_PARTNERS_DEAL,
                            at("2026-01-28T15:02:40Z"),
                            at("2026-02-11T08:05:12Z"))),
            example(
                    "sidecar.deal.stage_advanced.v1",
                    1391,
                    3,
                    new DealStageAdvanced(
                            DEAL, PARTNER, DealStage.QUALIFIED, DealStage.PROPOSAL, at("2026-03-09T13:30:00Z"))),
            example(
                    "sidecar.deal.protection_extended.v1",
                    1587,
                    5,
                    new DealProtectionExtended(
                            DEAL, PARTNER, 30, at("2026-06-10T14:00:00Z"), at("2026-04-20T09:00:00Z"))),
            example(
                    "sidecar.deal.won.v1",
                    1634,
                    6,
                    new DealWon(
                            DEAL, PARTNER, usd("51250.00"), LocalDate.parse("2026-04-28"), at("2026-04-28T17:05:00Z"))),
            example(
                    "sidecar.deal.lost.v1",
                    1702,
                    3,
                    new DealLost(LOST_DEAL, PARTNER, "customer chose a competitor", at("2026-05-06T12:00:00Z"))),
            example(
                    "sidecar.deal.registration_expired.v1",
                    1850,
                    2,
                    new DealRegistrationExpired(
                            EXPIRED_DEAL, PARTNER, at("2026-06-01T10:00:00Z"), at("2026-06-01T10:00:03Z"))),
            example(
                    "sidecar.deal.withdrawn.v1",
                    2104,
                    2,
                    new DealWithdrawn(
                            WITHDRAWN_DEAL,
                            PARTNER,
                            "partner offboarded: partnership ended by mutual agreement",
                            at("2026-09-30T16:00:00Z"))));

    private IntegrationEventsTestData() {}

    /** The example of a public type. */
    static Example exampleOf(String type) {
        return EXAMPLES.stream()
                .filter(example -> example.type().equals(type))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no example of " + type));
    }

    /** A stored event as the store delivers it: {@code Partner} or {@code Deal} stream, id from its position. */
    static DomainEventMessage<?> stored(PartnerEvent event, long sequence, long position) {
        boolean deal = event instanceof DealEvent;
        return new GenericDomainEventMessage<>(
                deal ? "Deal" : "Partner",
                deal ? ((DealEvent) event).dealId() : event.partnerId(),
                sequence,
                event,
                MetaData.emptyInstance(),
                eventId(position),
                event.occurredAt());
    }

    /** The example's event id: a fixed UUID that ends in the position, so that the examples are easy to tell apart. */
    static String eventId(long position) {
        return String.format("6e0f1a2b-7c3d-4e5f-8a9b-%012d", position);
    }

    static Money usd(String amount) {
        return new Money(new BigDecimal(amount), "USD");
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static Example example(String type, long position, long sequence, PartnerEvent event) {
        return new Example(type, stored(event, sequence, position), position);
    }
}
