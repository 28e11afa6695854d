package io.sidecar.prm.query.integration;

import io.sidecar.prm.events.PartnerEvent;
import io.sidecar.prm.events.deal.DealApproved;
import io.sidecar.prm.events.deal.DealLost;
import io.sidecar.prm.events.deal.DealProtectionExtended;
import io.sidecar.prm.events.deal.DealRecorded;
import io.sidecar.prm.events.deal.DealRegistrationExpired;
import io.sidecar.prm.events.deal.DealRejected;
import io.sidecar.prm.events.deal.DealStageAdvanced;
import io.sidecar.prm.events.deal.DealWithdrawn;
import io.sidecar.prm.events.deal.DealWon;
import io.sidecar.prm.events.partner.CheckInRecorded;
import io.sidecar.prm.events.partner.OnboardingStepCompleted;
import io.sidecar.prm.events.partner.PartnerActivated;
import io.sidecar.prm.events.partner.PartnerContactErased;
import io.sidecar.prm.events.partner.PartnerGoalSet;
import io.sidecar.prm.events.partner.PartnerOffboarded;
import io.sidecar.prm.events.partner.PartnerOnboarded;
import io.sidecar.prm.events.partner.PartnerProfileUpdated;
import io.sidecar.prm.events.partner.PartnerReinstated;
import io.sidecar.prm.events.partner.PartnerSuspended;
import io.sidecar.prm.events.partner.PartnerTierChanged;
import java.util.List;
import java.util.function.Function;

/**
 * Every published type, written out: a public type name is a promise to consumers, so it is not derived from a
 * class name that a refactoring may change. A breaking change to a data shape adds a {@code .v2} entry beside the
 * {@code .v1} one (docs/integration-events.md, "Versioning").
 */
final class PublicTypes {

    static final List<PublicType<?>> ALL = List.of(
            type(PartnerOnboarded.class, "sidecar.partner.onboarded.v1", PartnerData.Onboarded::of),
            type(
                    OnboardingStepCompleted.class,
                    "sidecar.partner.onboarding_step_completed.v1",
                    PartnerData.OnboardingStepDone::of),
            type(PartnerActivated.class, "sidecar.partner.activated.v1", PartnerData.Activated::of),
            type(PartnerGoalSet.class, "sidecar.partner.goal_set.v1", PartnerData.GoalSet::of),
            type(CheckInRecorded.class, "sidecar.partner.check_in_recorded.v1", PartnerData.CheckIn::of),
            type(PartnerProfileUpdated.class, "sidecar.partner.profile_updated.v1", PartnerData.ProfileUpdated::of),
            type(PartnerTierChanged.class, "sidecar.partner.tier_changed.v1", PartnerData.TierChanged::of),
            type(PartnerSuspended.class, "sidecar.partner.suspended.v1", PartnerData.Suspended::of),
            type(PartnerReinstated.class, "sidecar.partner.reinstated.v1", PartnerData.Reinstated::of),
            type(PartnerOffboarded.class, "sidecar.partner.offboarded.v1", PartnerData.Offboarded::of),
            type(PartnerContactErased.class, "sidecar.partner.contact_erased.v1", PartnerData.ContactErased::of),
            type(DealRecorded.class, "sidecar.deal.recorded.v1", DealData.Recorded::of),
            type(DealApproved.class, "sidecar.deal.approved.v1", DealData.Approved::of),
            type(DealRejected.class, "sidecar.deal.rejected.v1", DealData.Rejected::of),
            type(DealStageAdvanced.class, "sidecar.deal.stage_advanced.v1", DealData.StageAdvanced::of),
            type(DealProtectionExtended.class, "sidecar.deal.protection_extended.v1", DealData.ProtectionExtended::of),
            type(DealWon.class, "sidecar.deal.won.v1", DealData.Won::of),
            type(DealLost.class, "sidecar.deal.lost.v1", DealData.Lost::of),
            type(DealRegistrationExpired.class, "sidecar.deal.registration_expired.v1", DealData.Expired::of),
            type(DealWithdrawn.class, "sidecar.deal.withdrawn.v1", DealData.Withdrawn::of));

    private PublicTypes() {}

    private static <E extends PartnerEvent> PublicType<E> type(Class<E> eventClass, String name, Function<E, ?> data) {
        return new PublicType<>(eventClass, name, data);
    }
}
