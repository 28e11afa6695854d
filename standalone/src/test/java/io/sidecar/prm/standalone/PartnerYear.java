package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A partner's year over HTTP, on a clock the test moves: onboarding, goals, check-ins, deals recorded, approved,
 * staged, won (the tier policy promotes), lost, rejected for a channel conflict, expired by the sweep, extended and
 * withdrawn by the offboarding policy, a profile update, a suspension and a manager's tier change. Each step runs at
 * its own instant (with the nanoseconds a system clock has), and what the partner's page showed right after it is
 * kept once every processor, policies included, has caught up.
 */
final class PartnerYear {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final PrmClient client;
    private final MovableClock clock;
    private final String run;
    private final int year;
    private final List<Step> steps = new ArrayList<>();
    private String partner;
    private String wonDeal;

    private PartnerYear(PrmClient client, MovableClock clock, String run) {
        this.client = client;
        this.clock = clock;
        this.run = run;
        // next year, so that the clock only moves on
        this.year = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).getYear() + 1;
    }

    /**
     * What the partner's page showed right after a step.
     *
     * @param what  the step
     * @param at    the clock's time during the step
     * @param shown {@code GET /api/partners/{id}} once every processor had caught up
     */
    record Step(String what, Instant at, JsonNode shown) {
        @Override
        public String toString() {
            return what + " at " + at;
        }
    }

    /** Lives the year; {@code run} keeps names and customer domains apart from other tests' (lower case). */
    static PartnerYear live(PrmClient client, MovableClock clock, String run) {
        PartnerYear year = new PartnerYear(client, clock, run);
        year.firstQuarter();
        year.rest();
        return year;
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }

    String partner() {
        return partner;
    }

    /** A deal of the partner's, for a read that asks for it as if it were a partner. */
    String wonDeal() {
        return wonDeal;
    }

    private void firstQuarter() {
        // another partner holds a customer that the partner registers too
        clock.set(at(1, 2, 9));
        String rival = client.activePartner(run + " Rival");
        assertThat(client.post("/api/deals", deal(rival, "initech", "80000.00")).status())
                .isEqualTo(201);

        clock.set(at(1, 6, 9));
        partner = client.onboard(run + " Acme");
        record("onboarded", () -> {});
        String page = "/api/partners/" + partner;
        step("agreement signed", at(1, 6, 11), () -> client.post(page + "/onboarding-steps/AGREEMENT_SIGNED"));
        step("compliance checked", at(1, 8, 9), () -> client.post(page + "/onboarding-steps/COMPLIANCE_CHECKED"));
        step("training completed", at(1, 8, 16), () -> client.post(page + "/onboarding-steps/TRAINING_COMPLETED"));
        step("activated", at(1, 9, 10), () -> client.post(page + "/activate"));
        step("Q1 goal set", at(1, 10, 10), () -> client.put(page + "/goals/" + year + "-Q1", goal("150000", 3)));
        step("first check-in", at(1, 14, 15), () -> client.post(page + "/check-ins", checkIn(1, 13, "Kick-off")));
        String a = id(step("deal A recorded", at(1, 20, 10), () -> client.post("/api/deals", deal("a", "120000"))));
        step("deal A approved", at(1, 21, 10), () -> client.post("/api/deals/" + a + "/approve"));
        String b = id(step("deal B recorded", at(1, 22, 10), () -> client.post("/api/deals", deal("b", "30000"))));
        // protected until 23 April and never closed: it expires below
        step("deal B approved", at(1, 23, 10), () -> client.post("/api/deals/" + b + "/approve"));
        step("deal A at proposal", at(2, 3, 10), () -> client.post("/api/deals/" + a + "/stage", stage("PROPOSAL")));
        PrmClient.Response conflicting = step(
                "conflicting deal recorded and rejected",
                at(2, 10, 10),
                () -> client.post("/api/deals", deal("initech", "50000")));
        assertThat(conflicting.json().get("status").asText()).isEqualTo("REJECTED");
        step("second check-in", at(2, 17, 15), () -> client.post(page + "/check-ins", checkIn(2, 16, "Pipeline")));
        // over the SILVER threshold: the tier policy promotes the partner, at the win's instant
        step(
                "deal A won, partner promoted",
                at(3, 3, 14),
                () -> client.post("/api/deals/" + a + "/win", TestBodies.win("125000.00", "USD", day(3, 3))),
                () -> awaitPartner(view -> "SILVER".equals(view.path("tier").asText())));
        wonDeal = a;
        String c = id(step("deal C recorded", at(3, 10, 10), () -> client.post("/api/deals", deal("c", "40000"))));
        step("deal C approved", at(3, 11, 10), () -> client.post("/api/deals/" + c + "/approve"));
        step("deal C lost", at(3, 25, 10), () -> client.post("/api/deals/" + c + "/lose", reason("Budget cut")));
        // the sweep expires deal B at the clock's time, which stands still until it has
        clock.set(at(4, 24, 10));
        record("deal B expired", () -> awaitDeal(b, "EXPIRED"));
    }

    private void rest() {
        String page = "/api/partners/" + partner;
        step("Q2 goal set", at(4, 25, 10), () -> client.put(page + "/goals/" + year + "-Q2", goal("200000", 2)));
        step("profile updated", at(4, 29, 10), () -> client.patch(page, TestBodies.profile("FR", "grace@a.example")));
        step("suspended", at(5, 5, 10), () -> client.post(page + "/suspend", reason("Compliance review")));
        step("reinstated", at(5, 19, 10), () -> client.post(page + "/reinstate"));
        String d = id(step("deal D recorded", at(6, 2, 10), () -> client.post("/api/deals", deal("d", "60000"))));
        step("deal D approved", at(6, 3, 10), () -> client.post("/api/deals/" + d + "/approve"));
        step("third check-in", at(7, 1, 15), () -> client.post(page + "/check-ins", checkIn(6, 30, "Half-year")));
        step("GOLD by a manager", at(7, 15, 10), () -> client.post(page + "/tier", tier("GOLD")));
        step(
                "deal D protection extended",
                at(7, 20, 10),
                () -> client.post("/api/deals/" + d + "/extend-protection", TestBodies.extension(30)));
        // the withdrawal policy withdraws deal D at the offboarding's instant
        step(
                "offboarded, deal D withdrawn",
                at(8, 4, 10),
                () -> client.post(page + "/offboard", reason("Partnership ended")),
                () -> awaitDeal(d, "WITHDRAWN"));
        step("offboarded, a day later", at(8, 5, 10), () -> client.get(page));
    }

    private PrmClient.Response step(String what, Instant at, Supplier<PrmClient.Response> action) {
        return step(what, at, action, () -> {});
    }

    private PrmClient.Response step(String what, Instant at, Supplier<PrmClient.Response> action, Runnable effect) {
        clock.set(at);
        PrmClient.Response answer = action.get();
        assertThat(answer.status()).as(what + ": " + answer.body()).isBetween(200, 201);
        record(what, effect);
        return answer;
    }

    /** Waits for the step's effect and for every processor, then keeps what the partner's page shows. */
    private void record(String what, Runnable effect) {
        effect.run();
        client.awaitCaughtUp(PATIENCE);
        PrmClient.Response shown = client.get("/api/partners/" + partner);
        assertThat(shown.status()).as(what + ": " + shown.body()).isEqualTo(200);
        assertThat(shown.header("Warning")).as(what).isNull();
        steps.add(new Step(what, clock.instant(), shown.json()));
    }

    private void awaitDeal(String id, String status) {
        await().atMost(PATIENCE)
                .until(
                        () -> client.get("/api/deals/" + id)
                                .json()
                                .path("status")
                                .asText(),
                        status::equals);
    }

    private void awaitPartner(Predicate<JsonNode> shown) {
        await().atMost(PATIENCE)
                .until(() -> client.get("/api/partners/" + partner).json(), shown);
    }

    private String deal(String customer, String amount) {
        return deal(partner, customer, amount + ".00");
    }

    private String deal(String partnerId, String customer, String amount) {
        String closing = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                .plusDays(60)
                .toString();
        return TestBodies.deal(partnerId, run + "-" + customer + ".example", "Sidecar Enterprise", amount, closing);
    }

    private static String goal(String target, int deals) {
        return TestBodies.goal(target, deals);
    }

    private String checkIn(int month, int day, String summary) {
        return TestBodies.checkIn(day(month, day), summary);
    }

    private static String stage(String stage) {
        return TestBodies.stage(stage);
    }

    private static String reason(String reason) {
        return TestBodies.reason(reason);
    }

    private static String tier(String tier) {
        return TestBodies.tier(tier, "Strategic account");
    }

    private static String id(PrmClient.Response created) {
        return created.json().get("id").asText();
    }

    private LocalDate day(int month, int day) {
        return LocalDate.of(year, month, day);
    }

    /** An instant of the year, at a quarter past the hour with the nanoseconds a system clock has. */
    private Instant at(int month, int day, int hour) {
        return LocalDateTime.of(year, month, day, hour, 15, 30, 123_456_789).toInstant(ZoneOffset.UTC);
    }
}
