package io.sidecar.prm.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulated channel team sends: partners onboarded, taken through their checklist, activated and given a
 * goal; then deals registered for them and check-ins recorded with them (about ten commands per onboarding).
 * Later issues add their commands here.
 */
final class Workload {

    static final List<String> REGIONS = List.of("DE", "US", "GB", "FR", "NL", "SE", "ES", "IT", "JP", "BR");
    static final List<String> TYPES = List.of("RESELLER", "REFERRAL", "TECHNOLOGY", "SERVICES", "DISTRIBUTOR");
    static final List<String> PRODUCTS =
            List.of("Sidecar Enterprise", "Sidecar Team", "Sidecar Analytics", "Sidecar Edge", "Sidecar Support");

    /** The mix, as the report names it. */
    static final String MIX = "per partner: onboard, 3 steps, activate, goal; then deals 4 : 1 check-ins";

    static final List<String> STEPS = List.of("AGREEMENT_SIGNED", "COMPLIANCE_CHECKED", "TRAINING_COMPLETED");

    private final String run;
    /** The product's default limit of open registrations per partner (DOMAIN.md): the load never crosses it. */
    static final int OPEN_LIMIT = 25;

    private final List<String> partners = new ArrayList<>();
    private final Map<String, Integer> deals = new HashMap<>();
    private final AtomicLong names = new AtomicLong();

    /** @param run a word that keeps this run's partner names apart from any other run's */
    Workload(String run) {
        this.run = run;
    }

    synchronized void partnerCreated(String id) {
        partners.add(id);
    }

    /** A partner recorded so far, chosen at random, or {@code null} before the first. */
    synchronized String anyPartner() {
        return partners.isEmpty()
                ? null
                : partners.get(ThreadLocalRandom.current().nextInt(partners.size()));
    }

    /**
     * A partner to register a deal for, chosen at random among those with fewer than {@link #OPEN_LIMIT} deals
     * (none is ever closed), and counted; {@code null} when a few picks found none.
     */
    synchronized String partnerForDeal() {
        for (int pick = 0; pick < 8 && !partners.isEmpty(); pick++) {
            String partner = partners.get(ThreadLocalRandom.current().nextInt(partners.size()));
            if (deals.getOrDefault(partner, 0) < OPEN_LIMIT) {
                deals.merge(partner, 1, Integer::sum);
                return partner;
            }
        }
        return null;
    }

    synchronized int partnerCount() {
        return partners.size();
    }

    /** An onboarding with a name no other onboarding of this run has. */
    String onboardBody() {
        long n = names.incrementAndGet();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return """
                {"name": "Bench Partner %s-%d", "type": "%s", "region": "%s",
                 "contact": {"name": "Contact %d", "email": "contact%d@partner%d.example", "phone": "+49 30 %07d"},
                 "website": "https://partner%d.example"}""".formatted(
                        run,
                        n,
                        TYPES.get(random.nextInt(TYPES.size())),
                        REGIONS.get(random.nextInt(REGIONS.size())),
                        n,
                        n,
                        n,
                        n % 10_000_000,
                        n);
    }

    static String dealBody(String partnerId) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return """
                {"partnerId": "%s", "customer": {"name": "Customer %d", "domain": "customer%d.example"},
                 "product": "%s", "amount": {"amount": "%d.%02d", "currency": "USD"},
                 "expectedCloseDate": "%s"}""".formatted(
                        partnerId,
                        random.nextInt(1_000_000),
                        random.nextInt(1_000_000_000),
                        PRODUCTS.get(random.nextInt(PRODUCTS.size())),
                        1_000 + random.nextInt(250_000),
                        random.nextInt(100),
                        LocalDate.now(ZoneOffset.UTC).plusDays(30 + random.nextInt(300)));
    }

    static String checkInBody() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return """
                {"occurredOn": "%s", "attendees": ["Channel Manager", "Partner Lead"],
                 "summary": "Pipeline review %d", "sentiment": "%s", "nextSteps": ["Follow up"]}""".formatted(
                        LocalDate.now(ZoneOffset.UTC).minusDays(random.nextInt(60)),
                        random.nextInt(1_000_000),
                        List.of("POSITIVE", "NEUTRAL", "NEGATIVE").get(random.nextInt(3)));
    }

    static String goalBody() {
        return """
                {"revenueTarget": {"amount": "%d.00", "currency": "USD"}, "dealTarget": %d}""".formatted(50_000 + ThreadLocalRandom.current().nextInt(500_000), 5);
    }

    static String currentQuarter() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
    }
}
