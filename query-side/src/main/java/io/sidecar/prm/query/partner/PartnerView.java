package io.sidecar.prm.query.partner;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sidecar.prm.events.Contact;
import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.Quarter;
import io.sidecar.prm.events.partner.OnboardingStep;
import io.sidecar.prm.events.partner.PartnerOnboarded;
import io.sidecar.prm.events.partner.PartnerStatus;
import io.sidecar.prm.events.partner.PartnerTier;
import io.sidecar.prm.events.partner.PartnerType;
import io.sidecar.prm.events.partner.Sentiment;
import io.sidecar.prm.query.readmodel.ReadModel;
import io.sidecar.prm.query.readmodel.StreamVersions;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A partner as the API shows it: profile, lifecycle, goals, recent check-ins and the figures the channel team
 * watches. One document per partner in the {@code partners} collection; per-partner figures live here so that
 * reads are by {@code _id}.
 *
 * @param id                  the partner's id
 * @param name                the partner's name
 * @param type                the kind of partner
 * @param region              ISO 3166-1 alpha-2 country code
 * @param contact             the main contact
 * @param website             the website, or {@code null}
 * @param language            the language to contact the partner in, a BCP 47 tag ({@code en}, {@code pt-BR})
 * @param status              lifecycle status
 * @param statusReason        why it is suspended or offboarded, else {@code null}
 * @param tier                current tier
 * @param onboarding          the onboarding checklist: steps done and missing
 * @param goals               the goals per quarter, oldest first, with attainment
 * @param recentCheckIns      the last 10 check-ins, newest first (all of them: {@code GET .../check-ins})
 * @param checkIns            how many check-ins were recorded
 * @param lastCheckInOn       the day of the latest check-in, or {@code null}
 * @param pipeline            sum of the amounts of the partner's approved open deals (pending ones are not in it yet)
 * @param pipelineByStage     the pipeline per stage: {@link #UNSTAGED} (approved, no stage reached yet), then each
 *                            {@code DealStage} in order; every key always present
 * @param wonRevenue          sum of the amounts of the partner's won deals
 * @param wonRevenueByQuarter won revenue and won deals per calendar quarter ({@code YYYY-Qn}) of closing,
 *                            oldest quarter first
 * @param winRate             won ÷ (won + lost), four decimals; {@code null} ("n/a") while no deal was won or lost
 * @param dealsWon            number of won deals
 * @param dealsLost           number of lost deals
 * @param openDeals           number of open deal registrations, pending or approved
 * @param onboardedAt         when the partner was onboarded
 * @param activatedAt         when it was first activated, or {@code null}
 * @param version             the number of events in the partner's own stream
 * @param openDealsById       each open deal's amount, status and stage, for the figures (internal bookkeeping)
 * @param dealVersions        how many events of each of the partner's deals are folded in (for idempotency)
 */
@Document("partners")
public record PartnerView(
        @Id String id,
        String name,
        @Indexed PartnerType type,
        @Indexed String region,
        Contact contact,
        String website,
        String language,
        @Indexed PartnerStatus status,
        String statusReason,
        @Indexed PartnerTier tier,
        Onboarding onboarding,
        List<Goal> goals,
        List<CheckIn> recentCheckIns,
        int checkIns,
        LocalDate lastCheckInOn,
        Money pipeline,
        Map<String, Money> pipelineByStage,
        Money wonRevenue,
        Map<String, QuarterWon> wonRevenueByQuarter,
        BigDecimal winRate,
        int dealsWon,
        int dealsLost,
        int openDeals,
        Instant onboardedAt,
        Instant activatedAt,
        long version,
        @JsonIgnore Map<String, OpenDeal> openDealsById,
        @JsonIgnore StreamVersions dealVersions)
        implements ReadModel {

    /** How many check-ins the partner's document keeps. */
    public static final int RECENT_CHECK_INS = 10;
    /** The {@link #pipelineByStage} key of approved deals that have not reached a stage yet. */
    public static final String UNSTAGED = "UNSTAGED";

    public PartnerView {
        // a document written before PartnerOnboarded had a language was folded from a revision-1 event
        language = language == null ? PartnerOnboarded.REVISION_1_LANGUAGE : language;
        goals = goals == null ? List.of() : List.copyOf(goals);
        recentCheckIns = recentCheckIns == null ? List.of() : List.copyOf(recentCheckIns);
        // insertion order is the funnel's order; the quarters sort by name, which is by time
        pipelineByStage =
                pipelineByStage == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(pipelineByStage));
        wonRevenueByQuarter = wonRevenueByQuarter == null
                ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(wonRevenueByQuarter));
        openDealsById = openDealsById == null ? Map.of() : Map.copyOf(openDealsById);
        dealVersions = dealVersions == null ? StreamVersions.NONE : dealVersions;
    }

    /** This partner without its contact, for a caller that does not see contact data (a {@code VIEWER}). */
    public PartnerView withoutContact() {
        return new PartnerView(
                id,
                name,
                type,
                region,
                null,
                website,
                language,
                status,
                statusReason,
                tier,
                onboarding,
                goals,
                recentCheckIns,
                checkIns,
                lastCheckInOn,
                pipeline,
                pipelineByStage,
                wonRevenue,
                wonRevenueByQuarter,
                winRate,
                dealsWon,
                dealsLost,
                openDeals,
                onboardedAt,
                activatedAt,
                version,
                openDealsById,
                dealVersions);
    }

    /** The goal for a quarter, or {@code null} when none was set. */
    public Goal goalFor(Quarter quarter) {
        String period = quarter.toString();
        return goals.stream()
                .filter(goal -> goal.period().equals(period))
                .findFirst()
                .orElse(null);
    }

    @Override
    public long appliedVersion(String aggregateId) {
        return id.equals(aggregateId) ? version : dealVersions.of(aggregateId);
    }

    /**
     * The onboarding checklist.
     *
     * @param done    the steps done, in checklist order
     * @param missing the steps still to do, in checklist order
     */
    public record Onboarding(List<OnboardingStep> done, List<OnboardingStep> missing) {}

    /**
     * A quarter's goal and how far the partner got.
     *
     * @param period        the quarter, {@code YYYY-Qn}
     * @param revenueTarget the won revenue aimed at
     * @param dealTarget    the won deals aimed at, or {@code null}
     * @param wonRevenue    won revenue of deals closed in the quarter
     * @param dealsWon      deals won in the quarter
     * @param attainment    won revenue ÷ target (1 = the goal met), four decimals
     * @param setAt         when the goal was last set
     */
    public record Goal(
            String period,
            Money revenueTarget,
            Integer dealTarget,
            Money wonRevenue,
            int dealsWon,
            BigDecimal attainment,
            Instant setAt) {}

    /**
     * A check-in as the partner's page lists it.
     *
     * @param checkInId  its id
     * @param occurredOn the day it took place
     * @param attendees  who took part
     * @param summary    what was said
     * @param sentiment  how it went
     * @param nextSteps  what was agreed
     * @param recordedAt when it was written down
     */
    public record CheckIn(
            String checkInId,
            LocalDate occurredOn,
            List<String> attendees,
            String summary,
            Sentiment sentiment,
            List<String> nextSteps,
            Instant recordedAt) {}
}
