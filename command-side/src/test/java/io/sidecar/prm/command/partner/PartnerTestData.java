package io.sidecar.prm.command.partner;

import io.sidecar.prm.command.deal.DealRules;
import io.sidecar.prm.command.lookup.Claims;
import io.sidecar.prm.command.support.MoneyAmount;
import io.sidecar.prm.events.Contact;
import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.deal.DealWon;
import io.sidecar.prm.events.partner.CheckInRecorded;
import io.sidecar.prm.events.partner.OnboardingStep;
import io.sidecar.prm.events.partner.OnboardingStepCompleted;
import io.sidecar.prm.events.partner.PartnerActivated;
import io.sidecar.prm.events.partner.PartnerGoalSet;
import io.sidecar.prm.events.partner.PartnerOffboarded;
import io.sidecar.prm.events.partner.PartnerOnboarded;
import io.sidecar.prm.events.partner.PartnerProfileUpdated;
import io.sidecar.prm.events.partner.PartnerReinstated;
import io.sidecar.prm.events.partner.PartnerStatus;
import io.sidecar.prm.events.partner.PartnerSuspended;
import io.sidecar.prm.events.partner.PartnerTier;
import io.sidecar.prm.events.partner.PartnerTierChanged;
import io.sidecar.prm.events.partner.PartnerType;
import io.sidecar.prm.events.partner.Sentiment;
import io.sidecar.prm.events.partner.TierPromotion;
import io.sidecar.prm.security.personal.DataKeyStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.mockito.Mockito;

/**
 * One valid partner, as commands and as the events they record, plus builders for the variants the tests need. Each
 * action happens at a fixed instant of its own, in this order: onboarding, the onboarding steps, activation, a tier
 * change, a goal, a check-in, a profile update, a suspension, a reinstatement, an offboarding.
 */
final class PartnerTestData {

    static final String PARTNER_ID = "partner-acme";
    static final Instant ONBOARDED_AT = Instant.parse("2025-03-10T09:15:00Z");
    static final String NAME = "Acme Resellers GmbH";
    static final PartnerType TYPE = PartnerType.RESELLER;
    static final String REGION = "DE";
    static final String CONTACT_NAME = "Jane Doe";
    static final String CONTACT_EMAIL = "jane.doe@acme.example";
    static final String CONTACT_PHONE = "+49 (30) 1234-567";
    static final String WEBSITE = "https://acme.example";
    static final String LANGUAGE = "de";
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_WEBSITE_LENGTH = 2048;
    static final int MAX_LANGUAGE_LENGTH = 35;
    /** A well-formed language tag (language, region, variant, private use) of {@link #MAX_LANGUAGE_LENGTH}. */
    static final String LONGEST_LANGUAGE = "de-CH-1996-x-abcdefgh-abcdefgh-abcd";

    /** A partner no event was ever recorded for. */
    static final String UNKNOWN_PARTNER_ID = "partner-nobody";

    /** Another partner, holding {@link #OTHER_NAME} in the name lookup. */
    static final String OTHER_PARTNER_ID = "partner-initech";

    static final String OTHER_NAME = "Initech Partners";

    static final Instant STEP_COMPLETED_AT = Instant.parse("2025-03-12T10:00:00Z");
    static final Instant ACTIVATED_AT = Instant.parse("2025-03-14T08:30:00Z");
    static final Instant TIER_CHANGED_AT = Instant.parse("2025-04-01T12:00:00Z");
    static final Instant GOAL_SET_AT = Instant.parse("2025-04-02T14:45:00Z");

    /** Late in the UTC day: in Berlin it is already the next day, which is still the future for a check-in. */
    static final Instant CHECK_IN_RECORDED_AT = Instant.parse("2025-05-20T23:30:00Z");

    /** The UTC date of {@link #CHECK_IN_RECORDED_AT}: "today" for a check-in. */
    static final LocalDate CHECK_IN_RECORDING_DAY = LocalDate.of(2025, 5, 20);

    static final Instant PROFILE_UPDATED_AT = Instant.parse("2025-05-21T11:00:00Z");
    static final Instant SUSPENDED_AT = Instant.parse("2025-06-01T09:00:00Z");
    static final Instant REINSTATED_AT = Instant.parse("2025-06-15T09:00:00Z");
    static final Instant OFFBOARDED_AT = Instant.parse("2025-07-01T16:00:00Z");
    static final Instant CONTACT_ERASED_AT = Instant.parse("2025-08-01T10:00:00Z");

    static final String TIER_REASON = "Certified two sales engineers";
    static final int MAX_REASON_LENGTH = 500;

    static final String GOAL_PERIOD = "2025-Q3";
    static final BigDecimal REVENUE_TARGET = new BigDecimal("250000.00");
    static final String REPORTING_CURRENCY = "USD";
    static final Integer DEAL_TARGET = 12;

    static final String CHECK_IN_ID = "check-in-1";
    static final LocalDate CHECK_IN_DAY = CHECK_IN_RECORDING_DAY.minusDays(1);
    static final List<String> ATTENDEES = List.of("Jane Doe", "Sam Seller");
    static final String SUMMARY = "Reviewed the Q2 pipeline; two deals close in June.";
    static final Sentiment SENTIMENT = Sentiment.POSITIVE;
    static final List<String> NEXT_STEPS = List.of("Send the Q3 price list", "Book a demo for Globex");
    static final int MAX_ATTENDEES = 20;
    static final int MAX_SUMMARY_LENGTH = 2000;
    static final int MAX_NEXT_STEPS = 20;

    static final String NEW_NAME = "Acme Channel Partners GmbH";
    static final String NEW_WEBSITE = "https://partners.acme.example";
    static final String NEW_REGION = "AT";
    static final Contact NEW_CONTACT = new Contact("Max Muster", "max.muster@acme.example", "+43 1 234 567");

    static final String SUSPENSION_REASON = "Compliance review pending";
    static final String OFFBOARDING_REASON = "Partnership ended by mutual agreement";

    /** The automatic tier policy's thresholds: the defaults, under a rule set version of their own. */
    static final String TIER_RULES_VERSION = "2025-1";

    static final BigDecimal SILVER_THRESHOLD = new BigDecimal("100000");
    static final BigDecimal GOLD_THRESHOLD = new BigDecimal("500000");
    static final BigDecimal PLATINUM_THRESHOLD = new BigDecimal("2000000");

    /** The won deal that takes the partner across a threshold. */
    static final String WINNING_DEAL_ID = "deal-globex-1";

    /** When that deal was won, late in the UTC day of {@link #WON_DAY}: the promotion carries this time. */
    static final Instant PROMOTED_AT = Instant.parse("2025-05-15T22:30:00Z");

    static final LocalDate WON_DAY = LocalDate.of(2025, 5, 15);

    private PartnerTestData() {}

    /** A fixture of the Partner aggregate with the real command handler ({@link #handler}). */
    static FixtureConfiguration<Partner> fixture() {
        AggregateTestFixture<Partner> fixture = new AggregateTestFixture<>(Partner.class);
        fixture.registerAnnotatedCommandHandler(handler(fixture.getRepository()));
        return fixture;
    }

    /**
     * The partner command handler on a fixture's repository, with the real name lookup on a private in-memory H2
     * database.
     */
    static PartnerCommandHandler handler(Repository<Partner> repository) {
        return handler(repository, claims());
    }

    /** The partner command handler on a fixture's repository, with the name lookup {@code claims}. */
    static PartnerCommandHandler handler(Repository<Partner> repository, Claims claims) {
        return handler(repository, claims, Mockito.mock(DataKeyStore.class));
    }

    /** The partner command handler with the data keys {@code keys}, to see which it erases. */
    static PartnerCommandHandler handler(Repository<Partner> repository, Claims claims, DataKeyStore keys) {
        return new PartnerCommandHandler(
                repository,
                new PartnerNames(claims, repository),
                DealRules.defaults(REPORTING_CURRENCY),
                new ErasedContactKeys(keys));
    }

    /**
     * A name lookup on a private in-memory H2 database. Its clock stands still, so a claim it has not seen confirmed
     * stays in flight: it blocks its name without the lookup asking the event store about the holder.
     */
    static Claims claims() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:claims-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return new Claims(database, Clock.fixed(ONBOARDED_AT, ZoneOffset.UTC), Duration.ofSeconds(30));
    }

    /** The events that bring the partner into {@code status}; an offboarded partner had been active. */
    static List<Object> history(PartnerStatus status) {
        List<Object> events = new ArrayList<>();
        events.add(partnerOnboarded());
        if (status == PartnerStatus.ONBOARDING) {
            return events;
        }
        events.addAll(allStepsCompleted());
        events.add(partnerActivated());
        switch (status) {
            case SUSPENDED -> events.add(partnerSuspended());
            case OFFBOARDED -> events.add(partnerOffboarded());
            default -> {
                // ACTIVE: nothing more
            }
        }
        return events;
    }

    /** {@link #history} followed by {@code more}. */
    static List<Object> history(PartnerStatus status, Object... more) {
        List<Object> events = history(status);
        events.addAll(Arrays.asList(more));
        return events;
    }

    static CompleteOnboardingStepCommand completeStep(OnboardingStep step) {
        return new CompleteOnboardingStepCommand(PARTNER_ID, step, STEP_COMPLETED_AT);
    }

    static OnboardingStepCompleted stepCompleted(OnboardingStep step) {
        return new OnboardingStepCompleted(PARTNER_ID, step, STEP_COMPLETED_AT);
    }

    /** Every onboarding step completed, in checklist order. */
    static List<Object> allStepsCompleted() {
        return Arrays.stream(OnboardingStep.values())
                .map(step -> (Object) stepCompleted(step))
                .toList();
    }

    static ActivatePartnerCommand activatePartner() {
        return new ActivatePartnerCommand(PARTNER_ID, ACTIVATED_AT);
    }

    static PartnerActivated partnerActivated() {
        return new PartnerActivated(PARTNER_ID, ACTIVATED_AT);
    }

    static ChangePartnerTierCommand changeTier(PartnerTier tier) {
        return changeTier(tier, TIER_REASON);
    }

    static ChangePartnerTierCommand changeTier(PartnerTier tier, String reason) {
        return new ChangePartnerTierCommand(PARTNER_ID, tier, reason, TIER_CHANGED_AT);
    }

    /** A manager's tier change, as recorded. */
    static PartnerTierChanged tierChanged(PartnerTier from, PartnerTier to) {
        return new PartnerTierChanged(PARTNER_ID, from, to, TIER_REASON, false, null, TIER_CHANGED_AT);
    }

    /** The tier policy's rules the tests run under. */
    static TierPolicyRules tierPolicyRules() {
        return new TierPolicyRules(TIER_RULES_VERSION, SILVER_THRESHOLD, GOLD_THRESHOLD, PLATINUM_THRESHOLD);
    }

    /** An amount in the reporting currency, exactly as written (its scale counts). */
    static Money usd(String amount) {
        return new Money(new BigDecimal(amount), REPORTING_CURRENCY);
    }

    /** The policy's promotion for {@link #WINNING_DEAL_ID}, won at {@link #PROMOTED_AT}. */
    static PromotePartnerCommand promotePartner(PartnerTier tier, String threshold, String trailingRevenue) {
        return new PromotePartnerCommand(
                PARTNER_ID,
                tier,
                TIER_RULES_VERSION,
                usd(threshold),
                usd(trailingRevenue),
                WINNING_DEAL_ID,
                PROMOTED_AT);
    }

    /** The promotion the policy asks for once {@code won} took the trailing revenue to a threshold. */
    static PromotePartnerCommand promotePartner(
            PartnerTier tier, String threshold, String trailingRevenue, DealWon won) {
        return new PromotePartnerCommand(
                won.partnerId(),
                tier,
                TIER_RULES_VERSION,
                usd(threshold),
                usd(trailingRevenue),
                won.dealId(),
                won.wonAt());
    }

    /** An automatic promotion, as {@link #promotePartner(PartnerTier, String, String)} records it. */
    static PartnerTierChanged tierPromoted(PartnerTier from, PartnerTier to, String threshold, String trailingRevenue) {
        return tierPromoted(from, to, threshold, trailingRevenue, WINNING_DEAL_ID);
    }

    /** An automatic promotion caused by the win of {@code dealId}. */
    static PartnerTierChanged tierPromoted(
            PartnerTier from, PartnerTier to, String threshold, String trailingRevenue, String dealId) {
        return new PartnerTierChanged(
                PARTNER_ID,
                from,
                to,
                "won revenue over the trailing 12 months, " + trailingRevenue + " " + REPORTING_CURRENCY
                        + ", reached the " + to + " threshold of " + threshold + " (tier rules version "
                        + TIER_RULES_VERSION + ")",
                true,
                new TierPromotion(TIER_RULES_VERSION, usd(threshold), usd(trailingRevenue), dealId),
                PROMOTED_AT);
    }

    /** A deal of the partner won for {@code amount}, closed on {@code closedOn} and recorded that evening. */
    static DealWon dealWon(String dealId, String amount, LocalDate closedOn) {
        return dealWon(PARTNER_ID, dealId, amount, closedOn);
    }

    /** A deal of {@code partnerId} won for {@code amount}, closed on {@code closedOn}. */
    static DealWon dealWon(String partnerId, String dealId, String amount, LocalDate closedOn) {
        return new DealWon(
                dealId,
                partnerId,
                usd(amount),
                closedOn,
                closedOn.atTime(22, 30).toInstant(ZoneOffset.UTC));
    }

    /** A builder that starts from the valid goal. */
    static SetGoal setGoal() {
        return new SetGoal();
    }

    /** The event the valid goal records. */
    static PartnerGoalSet partnerGoalSet() {
        return partnerGoalSet(GOAL_PERIOD, REVENUE_TARGET, DEAL_TARGET);
    }

    static PartnerGoalSet partnerGoalSet(String period, BigDecimal revenueTarget, Integer dealTarget) {
        return new PartnerGoalSet(
                PARTNER_ID, period, new Money(revenueTarget, REPORTING_CURRENCY), dealTarget, GOAL_SET_AT);
    }

    /** A builder that starts from the valid check-in. */
    static RecordCheckIn recordCheckIn() {
        return new RecordCheckIn();
    }

    /** The event the valid check-in records. */
    static CheckInRecorded checkInRecorded() {
        return checkInRecorded(CHECK_IN_DAY, ATTENDEES, SUMMARY, NEXT_STEPS);
    }

    static CheckInRecorded checkInRecorded(
            LocalDate occurredOn, List<String> attendees, String summary, List<String> nextSteps) {
        return new CheckInRecorded(
                PARTNER_ID, CHECK_IN_ID, occurredOn, attendees, summary, SENTIMENT, nextSteps, CHECK_IN_RECORDED_AT);
    }

    /** A builder that starts from a profile update that changes nothing (every field absent). */
    static UpdateProfile updateProfile() {
        return new UpdateProfile();
    }

    /** A profile update as recorded: the changed fields, {@code null} for the others. */
    static PartnerProfileUpdated profileUpdated(String name, String website, String region, Contact contact) {
        return new PartnerProfileUpdated(PARTNER_ID, name, website, region, contact, PROFILE_UPDATED_AT);
    }

    /** A contact as given on a command. */
    static OnboardPartnerCommand.ContactDetails contactDetails(Contact contact) {
        return new OnboardPartnerCommand.ContactDetails(contact.name(), contact.email(), contact.phone());
    }

    static SuspendPartnerCommand suspendPartner() {
        return suspendPartner(SUSPENSION_REASON);
    }

    static SuspendPartnerCommand suspendPartner(String reason) {
        return new SuspendPartnerCommand(PARTNER_ID, reason, SUSPENDED_AT);
    }

    static PartnerSuspended partnerSuspended() {
        return new PartnerSuspended(PARTNER_ID, SUSPENSION_REASON, SUSPENDED_AT);
    }

    static ReinstatePartnerCommand reinstatePartner() {
        return new ReinstatePartnerCommand(PARTNER_ID, REINSTATED_AT);
    }

    static PartnerReinstated partnerReinstated() {
        return new PartnerReinstated(PARTNER_ID, REINSTATED_AT);
    }

    static OffboardPartnerCommand offboardPartner() {
        return offboardPartner(OFFBOARDING_REASON);
    }

    static OffboardPartnerCommand offboardPartner(String reason) {
        return new OffboardPartnerCommand(PARTNER_ID, reason, OFFBOARDED_AT);
    }

    static PartnerOffboarded partnerOffboarded() {
        return new PartnerOffboarded(PARTNER_ID, OFFBOARDING_REASON, OFFBOARDED_AT);
    }

    /** One valid command of every kind that acts on an existing partner, addressed to {@code partnerId}. */
    static List<Object> commandsOnAnExistingPartner(String partnerId) {
        return List.of(
                new CompleteOnboardingStepCommand(partnerId, OnboardingStep.AGREEMENT_SIGNED, STEP_COMPLETED_AT),
                new ActivatePartnerCommand(partnerId, ACTIVATED_AT),
                new ChangePartnerTierCommand(partnerId, PartnerTier.GOLD, TIER_REASON, TIER_CHANGED_AT),
                setGoal().partnerId(partnerId).build(),
                recordCheckIn().partnerId(partnerId).build(),
                updateProfile().partnerId(partnerId).region(NEW_REGION).build(),
                new SuspendPartnerCommand(partnerId, SUSPENSION_REASON, SUSPENDED_AT),
                new ReinstatePartnerCommand(partnerId, REINSTATED_AT),
                new OffboardPartnerCommand(partnerId, OFFBOARDING_REASON, OFFBOARDED_AT),
                new EraseContactDataCommand(partnerId, CONTACT_ERASED_AT));
    }

    /** A builder that starts from the valid command. */
    static OnboardPartner onboardPartner() {
        return new OnboardPartner();
    }

    /** The event the valid command records. */
    static PartnerOnboarded partnerOnboarded() {
        return partnerOnboarded(LANGUAGE);
    }

    /** The event the valid command records with another language. */
    static PartnerOnboarded partnerOnboarded(String language) {
        return new PartnerOnboarded(
                PARTNER_ID,
                NAME,
                TYPE,
                REGION,
                new Contact(CONTACT_NAME, CONTACT_EMAIL, CONTACT_PHONE),
                WEBSITE,
                language,
                ONBOARDED_AT);
    }

    /** Text of the given length, for length limits. */
    static String text(int length) {
        return "a".repeat(length);
    }

    /** {@code count} distinct, valid list items, for list size limits. */
    static List<String> items(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "Item " + i).toList();
    }

    /** Builds {@link OnboardPartnerCommand}s: the valid one, or one with a few fields changed. */
    static final class OnboardPartner {

        private String name = NAME;
        private PartnerType type = TYPE;
        private String region = REGION;
        private boolean withContact = true;
        private String contactName = CONTACT_NAME;
        private String contactEmail = CONTACT_EMAIL;
        private String contactPhone = CONTACT_PHONE;
        private String website = WEBSITE;
        private String language = LANGUAGE;

        OnboardPartner name(String value) {
            name = value;
            return this;
        }

        OnboardPartner type(PartnerType value) {
            type = value;
            return this;
        }

        OnboardPartner region(String value) {
            region = value;
            return this;
        }

        OnboardPartner withoutContact() {
            withContact = false;
            return this;
        }

        OnboardPartner contactName(String value) {
            contactName = value;
            return this;
        }

        OnboardPartner contactEmail(String value) {
            contactEmail = value;
            return this;
        }

        OnboardPartner contactPhone(String value) {
            contactPhone = value;
            return this;
        }

        OnboardPartner website(String value) {
            website = value;
            return this;
        }

        OnboardPartner language(String value) {
            language = value;
            return this;
        }

        OnboardPartnerCommand build() {
            OnboardPartnerCommand.ContactDetails contact = withContact
                    ? new OnboardPartnerCommand.ContactDetails(contactName, contactEmail, contactPhone)
                    : null;
            return new OnboardPartnerCommand(PARTNER_ID, name, type, region, contact, website, language, ONBOARDED_AT);
        }
    }

    /** Builds {@link SetPartnerGoalCommand}s: the valid one, or one with a few fields changed. */
    static final class SetGoal {

        private String partnerId = PARTNER_ID;
        private String period = GOAL_PERIOD;
        private boolean withRevenueTarget = true;
        private BigDecimal amount = REVENUE_TARGET;
        private String currency = REPORTING_CURRENCY;
        private Integer dealTarget = DEAL_TARGET;

        SetGoal partnerId(String value) {
            partnerId = value;
            return this;
        }

        SetGoal period(String value) {
            period = value;
            return this;
        }

        SetGoal withoutRevenueTarget() {
            withRevenueTarget = false;
            return this;
        }

        SetGoal amount(String value) {
            amount = value == null ? null : new BigDecimal(value);
            return this;
        }

        SetGoal currency(String value) {
            currency = value;
            return this;
        }

        SetGoal dealTarget(Integer value) {
            dealTarget = value;
            return this;
        }

        SetPartnerGoalCommand build() {
            MoneyAmount revenueTarget = withRevenueTarget ? new MoneyAmount(amount, currency) : null;
            return new SetPartnerGoalCommand(partnerId, period, revenueTarget, dealTarget, GOAL_SET_AT);
        }
    }

    /** Builds {@link RecordCheckInCommand}s: the valid one, or one with a few fields changed. */
    static final class RecordCheckIn {

        private String partnerId = PARTNER_ID;
        private LocalDate occurredOn = CHECK_IN_DAY;
        private List<String> attendees = ATTENDEES;
        private String summary = SUMMARY;
        private Sentiment sentiment = SENTIMENT;
        private List<String> nextSteps = NEXT_STEPS;

        RecordCheckIn partnerId(String value) {
            partnerId = value;
            return this;
        }

        RecordCheckIn occurredOn(LocalDate value) {
            occurredOn = value;
            return this;
        }

        RecordCheckIn attendees(List<String> value) {
            attendees = value;
            return this;
        }

        RecordCheckIn summary(String value) {
            summary = value;
            return this;
        }

        RecordCheckIn sentiment(Sentiment value) {
            sentiment = value;
            return this;
        }

        RecordCheckIn nextSteps(List<String> value) {
            nextSteps = value;
            return this;
        }

        RecordCheckInCommand build() {
            return new RecordCheckInCommand(
                    partnerId, CHECK_IN_ID, occurredOn, attendees, summary, sentiment, nextSteps, CHECK_IN_RECORDED_AT);
        }
    }

    /** Builds {@link UpdatePartnerProfileCommand}s; a field not set is absent ({@code null}), so it stays as it is. */
    static final class UpdateProfile {

        private String partnerId = PARTNER_ID;
        private String name;
        private String website;
        private String region;
        private OnboardPartnerCommand.ContactDetails contact;

        UpdateProfile partnerId(String value) {
            partnerId = value;
            return this;
        }

        UpdateProfile name(String value) {
            name = value;
            return this;
        }

        UpdateProfile website(String value) {
            website = value;
            return this;
        }

        UpdateProfile region(String value) {
            region = value;
            return this;
        }

        UpdateProfile contact(Contact value) {
            contact = contactDetails(value);
            return this;
        }

        UpdateProfile contact(OnboardPartnerCommand.ContactDetails value) {
            contact = value;
            return this;
        }

        UpdatePartnerProfileCommand build() {
            return new UpdatePartnerProfileCommand(partnerId, name, website, region, contact, PROFILE_UPDATED_AT);
        }
    }
}
