package io.sidecar.prm.command.partner;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.sidecar.prm.command.support.CommandRefusedException;
import io.sidecar.prm.events.Contact;
import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.PersonalDataOwner;
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
import io.sidecar.prm.events.partner.PartnerStatus;
import io.sidecar.prm.events.partner.PartnerSuspended;
import io.sidecar.prm.events.partner.PartnerTier;
import io.sidecar.prm.events.partner.PartnerTierChanged;
import io.sidecar.prm.events.partner.TierPromotion;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A partner: a reseller, referral partner or other firm that sells with us. Decides the partner commands of
 * DOMAIN.md ("Partner") and keeps only the state those decisions need. Commands arrive validated
 * ({@link PartnerCommandHandler}); what is refused here is refused by a rule, with a stable code.
 */
@Aggregate(snapshotTriggerDefinition = "partnerSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE)
public class Partner implements PersonalDataOwner {

    @AggregateIdentifier
    private String partnerId;

    private String name;
    private String region;
    private String website;
    private Contact contact;
    private boolean contactErased;
    private PartnerStatus status;
    private PartnerTier tier;
    private Set<OnboardingStep> stepsDone = EnumSet.noneOf(OnboardingStep.class);
    /** The won deals that promoted this partner: a deal promotes once, even when its win is handled again. */
    private Set<String> promotingDeals = new HashSet<>();

    protected Partner() {
        // for Axon: rebuilt from events or a snapshot
    }

    private Partner(OnboardPartnerCommand command) {
        OnboardPartnerCommand.ContactDetails given = command.contact();
        apply(new PartnerOnboarded(
                command.partnerId(),
                command.name(),
                command.type(),
                command.region(),
                new Contact(given.name(), given.email(), given.phone()),
                command.website(),
                command.language(),
                command.onboardedAt()));
    }

    static Partner onboard(OnboardPartnerCommand command) {
        return new Partner(command);
    }

    /** The partner whose data key seals the contact in this partner's snapshot. */
    @Override
    public String partnerId() {
        return partnerId;
    }

    PartnerStatus status() {
        return status;
    }

    String name() {
        return name;
    }

    void completeStep(CompleteOnboardingStepCommand command) {
        refuseIfOffboarded("complete an onboarding step");
        if (!stepsDone.contains(command.step())) {
            apply(new OnboardingStepCompleted(partnerId, command.step(), command.completedAt()));
        }
    }

    void activate(ActivatePartnerCommand command) {
        if (status != PartnerStatus.ONBOARDING) {
            throw CommandRefusedException.rule(
                    "partner.activation.not-onboarding",
                    "only a partner in ONBOARDING can be activated; this one is " + status);
        }
        List<String> missing = Arrays.stream(OnboardingStep.values())
                .filter(step -> !stepsDone.contains(step))
                .map(Enum::name)
                .toList();
        if (!missing.isEmpty()) {
            throw CommandRefusedException.rule(
                    "partner.activation.steps-missing",
                    "a partner is activated only when every onboarding step is done; missing: "
                            + String.join(", ", missing),
                    Map.of("missingSteps", missing));
        }
        apply(new PartnerActivated(partnerId, command.activatedAt()));
    }

    void changeTier(ChangePartnerTierCommand command) {
        if (status != PartnerStatus.ACTIVE) {
            throw CommandRefusedException.rule(
                    "partner.tier.not-active", "only an ACTIVE partner's tier can change; this one is " + status);
        }
        if (command.tier() != tier) {
            apply(new PartnerTierChanged(
                    partnerId, tier, command.tier(), command.reason(), false, null, command.changedAt()));
        }
    }

    /**
     * The tier policy's promotion: only upwards, only for an ACTIVE partner, and once per won deal (the policy
     * handles a win again when it is replayed; a manager's change of tier since then stands); otherwise nothing
     * happens.
     */
    void promote(PromotePartnerCommand command) {
        if (status != PartnerStatus.ACTIVE
                || tier.compareTo(command.tier()) >= 0
                || (promotingDeals != null && promotingDeals.contains(command.dealId()))) {
            return;
        }
        apply(new PartnerTierChanged(
                partnerId,
                tier,
                command.tier(),
                "won revenue over the trailing 12 months, "
                        + command.trailingRevenue().amount() + " "
                        + command.trailingRevenue().currency() + ", reached the " + command.tier() + " threshold of "
                        + command.threshold().amount() + " (tier rules version " + command.ruleSetVersion() + ")",
                true,
                new TierPromotion(
                        command.ruleSetVersion(), command.threshold(), command.trailingRevenue(), command.dealId()),
                command.promotedAt()));
    }

    void setGoal(SetPartnerGoalCommand command) {
        refuseIfOffboarded("set a goal for");
        apply(new PartnerGoalSet(
                partnerId,
                command.period(),
                new Money(
                        command.revenueTarget().amount().setScale(2, RoundingMode.UNNECESSARY),
                        command.revenueTarget().currency()),
                command.dealTarget(),
                command.setAt()));
    }

    void recordCheckIn(RecordCheckInCommand command) {
        refuseIfOffboarded("record a check-in with");
        apply(new CheckInRecorded(
                partnerId,
                command.checkInId(),
                command.occurredOn(),
                command.attendees(),
                command.summary(),
                command.sentiment(),
                command.nextSteps(),
                command.recordedAt()));
    }

    /** Records the changed fields only; a profile that would not change records nothing. */
    void updateProfile(UpdatePartnerProfileCommand command) {
        refuseIfOffboarded("update the profile of");
        OnboardPartnerCommand.ContactDetails given = command.contact();
        Contact newContact = given == null ? null : new Contact(given.name(), given.email(), given.phone());
        String newName = changed(name, command.name());
        String newWebsite = changed(website, command.website());
        String newRegion = changed(region, command.region());
        Contact changedContact = changed(contact, newContact);
        if (newName != null || newWebsite != null || newRegion != null || changedContact != null) {
            apply(new PartnerProfileUpdated(
                    partnerId, newName, newWebsite, newRegion, changedContact, command.updatedAt()));
        }
    }

    /** Whether this partner holds the name with the lookup key {@code key}: its current name, not offboarded. */
    boolean isNamed(String key) {
        return status != PartnerStatus.OFFBOARDED && PartnerNames.key(name).equals(key);
    }

    void suspend(SuspendPartnerCommand command) {
        if (status != PartnerStatus.ACTIVE) {
            throw CommandRefusedException.rule(
                    "partner.suspension.not-active", "only an ACTIVE partner can be suspended; this one is " + status);
        }
        apply(new PartnerSuspended(partnerId, command.reason(), command.suspendedAt()));
    }

    void reinstate(ReinstatePartnerCommand command) {
        if (status != PartnerStatus.SUSPENDED) {
            throw CommandRefusedException.rule(
                    "partner.reinstatement.not-suspended",
                    "only a SUSPENDED partner can be reinstated; this one is " + status);
        }
        apply(new PartnerReinstated(partnerId, command.reinstatedAt()));
    }

    void offboard(OffboardPartnerCommand command) {
        refuseIfOffboarded("offboard");
        apply(new PartnerOffboarded(partnerId, command.reason(), command.offboardedAt()));
    }

    /** Erases the contact data, also of an offboarded partner (erasure is owed whatever the partnership's state). */
    void eraseContact(EraseContactDataCommand command) {
        if (contactErased) {
            throw CommandRefusedException.rule(
                    "partner.contact-already-erased",
                    "the contact data of this partner is erased already; a new contact given since would be erased"
                            + " again, but none was given");
        }
        apply(new PartnerContactErased(partnerId, command.erasedAt()));
    }

    void refuseIfOffboarded(String action) {
        if (status == PartnerStatus.OFFBOARDED) {
            throw CommandRefusedException.rule(
                    "partner.offboarded", "cannot " + action + " an offboarded partner: offboarding is final");
        }
    }

    private static <T> T changed(T current, T given) {
        return given == null || Objects.equals(current, given) ? null : given;
    }

    @EventSourcingHandler
    void on(PartnerOnboarded event) {
        partnerId = event.partnerId();
        name = event.name();
        region = event.region();
        website = event.website();
        contact = event.contact();
        status = PartnerStatus.ONBOARDING;
        tier = PartnerTier.REGISTERED;
    }

    @EventSourcingHandler
    void on(OnboardingStepCompleted event) {
        stepsDone.add(event.step());
    }

    @EventSourcingHandler
    void on(PartnerActivated event) {
        status = PartnerStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(PartnerTierChanged event) {
        tier = event.to();
        if (event.promotion() != null && event.promotion().dealId() != null) {
            if (promotingDeals == null) {
                promotingDeals = new HashSet<>(); // a snapshot taken before the field existed
            }
            promotingDeals.add(event.promotion().dealId());
        }
    }

    @EventSourcingHandler
    void on(PartnerProfileUpdated event) {
        name = event.name() == null ? name : event.name();
        website = event.website() == null ? website : event.website();
        region = event.region() == null ? region : event.region();
        if (event.contact() != null) {
            contact = event.contact();
            contactErased = false;
        }
    }

    @EventSourcingHandler
    void on(PartnerContactErased event) {
        contact = contact == null ? null : contact.erased();
        contactErased = true;
    }

    @EventSourcingHandler
    void on(PartnerSuspended event) {
        status = PartnerStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(PartnerReinstated event) {
        status = PartnerStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(PartnerOffboarded event) {
        status = PartnerStatus.OFFBOARDED;
    }
}
