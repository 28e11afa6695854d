package io.sidecar.prm.query.integration;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The public data of the partner events ({@code sidecar.partner.*.v1}), as docs/integration-events.md documents
 * them. A field is renamed or removed only in a new version of its type.
 */
final class PartnerData {

    private PartnerData() {}

    record Onboarded(
            String partnerId,
            String name,
            PartnerType type,
            String region,
            PublicContact contact,
            String website,
            String language,
            Instant onboardedAt) {
        static Onboarded of(PartnerOnboarded e) {
            return new Onboarded(
                    e.partnerId(),
                    e.name(),
                    e.type(),
                    e.region(),
                    PublicContact.of(e.contact()),
                    e.website(),
                    e.language(),
                    e.onboardedAt());
        }
    }

    record OnboardingStepDone(String partnerId, OnboardingStep step, Instant completedAt) {
        static OnboardingStepDone of(OnboardingStepCompleted e) {
            return new OnboardingStepDone(e.partnerId(), e.step(), e.completedAt());
        }
    }

    record Activated(String partnerId, Instant activatedAt) {
        static Activated of(PartnerActivated e) {
            return new Activated(e.partnerId(), e.activatedAt());
        }
    }

    record TierChanged(
            String partnerId,
            PartnerTier from,
            PartnerTier to,
            String reason,
            boolean automatic,
            Promotion promotion,
            Instant changedAt) {
        static TierChanged of(PartnerTierChanged e) {
            return new TierChanged(
                    e.partnerId(),
                    e.from(),
                    e.to(),
                    e.reason(),
                    e.automatic(),
                    Promotion.of(e.promotion()),
                    e.changedAt());
        }
    }

    /** Why the tier policy promoted a partner. */
    record Promotion(String ruleSetVersion, PublicMoney threshold, PublicMoney trailingRevenue, String dealId) {
        static Promotion of(TierPromotion promotion) {
            return promotion == null
                    ? null
                    : new Promotion(
                            promotion.ruleSetVersion(),
                            PublicMoney.of(promotion.threshold()),
                            PublicMoney.of(promotion.trailingRevenue()),
                            promotion.dealId());
        }
    }

    record GoalSet(String partnerId, String period, PublicMoney revenueTarget, Integer dealTarget, Instant setAt) {
        static GoalSet of(PartnerGoalSet e) {
            return new GoalSet(e.partnerId(), e.period(), PublicMoney.of(e.revenueTarget()), e.dealTarget(), e.setAt());
        }
    }

    record CheckIn(
            String partnerId,
            String checkInId,
            LocalDate occurredOn,
            List<String> attendees,
            String summary,
            Sentiment sentiment,
            List<String> nextSteps,
            Instant recordedAt) {
        static CheckIn of(CheckInRecorded e) {
            return new CheckIn(
                    e.partnerId(),
                    e.checkInId(),
                    e.occurredOn(),
                    e.attendees(),
                    e.summary(),
                    e.sentiment(),
                    e.nextSteps(),
                    e.recordedAt());
        }
    }

    record ProfileUpdated(
            String partnerId, String name, String website, String region, PublicContact contact, Instant updatedAt) {
        static ProfileUpdated of(PartnerProfileUpdated e) {
            return new ProfileUpdated(
                    e.partnerId(), e.name(), e.website(), e.region(), PublicContact.of(e.contact()), e.updatedAt());
        }
    }

    /** The partner's contact data was erased: from now on its contact reads {@code [erased]} in every event. */
    record ContactErased(String partnerId, Instant erasedAt) {
        static ContactErased of(PartnerContactErased e) {
            return new ContactErased(e.partnerId(), e.erasedAt());
        }
    }

    record Suspended(String partnerId, String reason, Instant suspendedAt) {
        static Suspended of(PartnerSuspended e) {
            return new Suspended(e.partnerId(), e.reason(), e.suspendedAt());
        }
    }

    record Reinstated(String partnerId, Instant reinstatedAt) {
        static Reinstated of(PartnerReinstated e) {
            return new Reinstated(e.partnerId(), e.reinstatedAt());
        }
    }

    record Offboarded(String partnerId, String reason, Instant offboardedAt) {
        static Offboarded of(PartnerOffboarded e) {
            return new Offboarded(e.partnerId(), e.reason(), e.offboardedAt());
        }
    }
}
