package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A few thousand events of every kind the HTTP API can cause, written by parallel clients: each client takes its
 * partners through their whole lives (onboarding, activation, tier, goals, check-ins, profile, suspension and
 * reinstatement, offboarding) and their deals through every outcome (won, lost after an extension, rejected, left
 * open, left pending), and registers each partner's customer again for the next partner: a channel conflict.
 */
final class MixedLoad {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final String PRODUCT = "Sidecar Enterprise";
    private static final String[] TYPES = {"RESELLER", "REFERRAL", "TECHNOLOGY", "SERVICES", "DISTRIBUTOR"};
    private static final String[] REGIONS = {"DE", "FR", "US", "GB", "JP"};
    private static final String[] SENTIMENTS = {"POSITIVE", "NEUTRAL", "NEGATIVE"};

    private final int clients;
    private final int partnersPerClient;

    MixedLoad(int clients, int partnersPerClient) {
        this.clients = clients;
        this.partnersPerClient = partnersPerClient;
    }

    /** Runs the load against the application and answers how many partners, deals and check-ins it created. */
    Totals run(RunningStandalone app) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Totals>> runs = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                runs.add(pool.submit(() -> new Client(app.client(), client).run()));
            }
            Totals all = new Totals(0, 0, 0);
            for (Future<Totals> run : runs) {
                all = all.plus(run.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * What a load created.
     *
     * @param partners  partners onboarded
     * @param deals     deals recorded (conflicting registrations included)
     * @param checkIns  check-ins recorded
     */
    record Totals(int partners, int deals, int checkIns) {

        Totals plus(Totals other) {
            return new Totals(partners + other.partners, deals + other.deals, checkIns + other.checkIns);
        }
    }

    /** One client's partners, one after the other. */
    private final class Client {

        private final PrmClient http;
        private final int number;
        private final List<String> partners = new ArrayList<>();
        private int deals;
        private int checkIns;

        Client(PrmClient http, int number) {
            this.http = http;
            this.number = number;
        }

        Totals run() {
            String previousPendingDomain = null;
            for (int i = 0; i < partnersPerClient; i++) {
                int n = number * partnersPerClient + i;
                String partner = onboard(n);
                partners.add(partner);
                http.activate(partner);
                profileAndRelationship(partner, n);
                String pendingDomain = deals(partner, n);
                if (previousPendingDomain != null) {
                    conflict(partner, previousPendingDomain);
                }
                previousPendingDomain = pendingDomain;
                ok(http.post("/api/partners/" + partner + "/suspend", TestBodies.reason("Audit " + n)));
                ok(http.post("/api/partners/" + partner + "/reinstate"));
            }
            // last, so that each partner's pending registration was still open when the next one conflicted with it
            for (int i = 0; i < partners.size(); i += 3) {
                ok(http.post("/api/partners/" + partners.get(i) + "/offboard", TestBodies.reason("Ended " + i)));
            }
            return new Totals(partners.size(), deals, checkIns);
        }

        private String onboard(int n) {
            String name = "Replay " + number + "-" + n;
            String body = TestBodies.partner(name, TYPES[n % TYPES.length], REGIONS[(n + 1) % REGIONS.length]);
            PrmClient.Response onboarded = http.post("/api/partners", body);
            assertThat(onboarded.status()).as(onboarded.body()).isEqualTo(201);
            return onboarded.json().get("id").asText();
        }

        private void profileAndRelationship(String partner, int n) {
            String path = "/api/partners/" + partner;
            ok(http.post(path + "/tier", TestBodies.tier(n % 2 == 0 ? "SILVER" : "GOLD", "Review " + n)));
            String thisYear = path + "/goals/" + TODAY.getYear() + "-Q" + (1 + n % 4);
            ok(http.put(thisYear, TestBodies.goal((n + 1) + "000.00", 3)));
            ok(http.put(path + "/goals/" + (TODAY.getYear() + 1) + "-Q1", TestBodies.goal("250000", 1 + n % 5)));
            if (n % 3 == 0) {
                ok(http.put(thisYear, TestBodies.goal("1500.75", 1)));
            }
            // every seventh partner has more check-ins than its document keeps, some of them on the same day
            int count = n % 7 == 0 ? 13 : 3;
            for (int k = 0; k < count; k++) {
                String body = TestBodies.checkIn(TODAY.minusDays(1 + (k * 5L) % 11), "Call " + k + " of " + n)
                        .replace("POSITIVE", SENTIMENTS[(n + k) % SENTIMENTS.length]);
                ok(http.post(path + "/check-ins", body));
                checkIns++;
            }
            String region = REGIONS[n % REGIONS.length];
            ok(http.patch(path, TestBodies.profile(region, "partner-" + n + "@example.org")));
            if (n % 2 == 1) {
                ok(http.patch(path, TestBodies.rename("Replay renamed " + number + "-" + n)));
            }
        }

        /** Five deals, one per outcome; answers the customer domain of the one left pending. */
        private String deals(String partner, int n) {
            String won = record(partner, domain(n, "won"), (1000 + n) + ".50");
            step(won, "approve", null);
            step(won, "stage", TestBodies.stage("QUALIFIED"));
            step(won, "stage", TestBodies.stage("PROPOSAL"));
            // every fifth win crosses the gold threshold: the tier policy promotes the silver ones still active
            String amount = n % 5 == 0 ? "600000.00" : (900 + n) + ".25";
            step(won, "win", TestBodies.win(amount, "USD", TODAY.minusDays((n * 23L) % 400)));

            String lost = record(partner, domain(n, "lost"), "2500.00");
            step(lost, "approve", null);
            step(lost, "extend-protection", TestBodies.extension(1 + n % 30));
            step(lost, "lose", TestBodies.reason("Went with a competitor"));

            String rejected = record(partner, domain(n, "rejected"), "99.99");
            step(rejected, "reject", TestBodies.reason("Not qualified"));

            String open = record(partner, domain(n, "open"), "7300.10");
            step(open, "approve", null);
            step(open, "stage", TestBodies.stage("NEGOTIATION"));

            String pending = domain(n, "pending");
            record(partner, pending, "410.00");
            return pending;
        }

        private void conflict(String partner, String heldDomain) {
            PrmClient.Response recorded =
                    http.post("/api/deals", TestBodies.dealFor(partner, heldDomain, PRODUCT, "5.00"));
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
            assertThat(recorded.json().get("status").asText()).isEqualTo("REJECTED");
            deals++;
        }

        private String record(String partner, String domain, String amount) {
            PrmClient.Response recorded = http.post("/api/deals", TestBodies.dealFor(partner, domain, PRODUCT, amount));
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
            assertThat(recorded.json().get("status").asText()).isEqualTo("PENDING_APPROVAL");
            deals++;
            return recorded.json().get("id").asText();
        }

        private void step(String deal, String action, String body) {
            String path = "/api/deals/" + deal + "/" + action;
            ok(body == null ? http.post(path) : http.post(path, body));
        }

        private String domain(int n, String outcome) {
            return outcome + "-" + n + ".replay.example";
        }

        private void ok(PrmClient.Response response) {
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }
    }
}
