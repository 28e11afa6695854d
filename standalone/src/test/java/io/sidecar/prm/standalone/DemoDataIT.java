package io.sidecar.prm.standalone;

import static io.sidecar.prm.standalone.PartnerLifecycleIT.fieldOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --prm.demo-data=true} on the packaged product: an empty store is seeded through the command path with a
 * story of the last two years (partners in every status, deals won, lost, rejected, open, channel conflicts), and
 * a restart with the same option seeds nothing more.
 */
class DemoDataIT {

    private static final String[] SMALL_DEMO = {"--prm.demo-data=true", "--prm.demo.partners=20", "--prm.demo.deals=300"
    };
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @TempDir
    Path dataDir;
    /** The processes' logs stay in the build directory, for a person to read when this test fails. */
    private final Path logs = Path.of("target", "demo-data-it-logs", String.valueOf(System.currentTimeMillis()));

    @Test
    void anEmptyStoreIsSeededWithAStoryOfTwoYearsAndARestartSeedsNothingMore() throws Exception {
        Files.createDirectories(logs);
        Path firstLog = logs.resolve("1-seed.log");
        String partner;
        try (StandaloneProcess app = StandaloneProcess.start(dataDir, firstLog, SMALL_DEMO)) {
            awaitLine(firstLog, "demo data: 20 partners, 300 deals");
            assertThat(Files.readString(firstLog)).doesNotContain(" refused (");
            PrmClient client = app.client();
            awaitCaughtUp(client);

            assertThat(total(client, "/api/partners?size=1")).isEqualTo(20);
            partner = items(client, "/api/partners?size=1").get(0).get("id").asText();
            assertThat(total(client, "/api/partners?status=ACTIVE&size=1")).isGreaterThanOrEqualTo(15);
            for (String status : List.of("ONBOARDING", "SUSPENDED", "OFFBOARDED")) {
                assertThat(total(client, "/api/partners?status=" + status + "&size=1"))
                        .as(status)
                        .isPositive();
            }
            assertThat(total(client, "/api/deals?size=1")).isEqualTo(300);
            for (String status : List.of("PENDING_APPROVAL", "APPROVED", "WON", "LOST", "REJECTED")) {
                assertThat(total(client, "/api/deals?status=" + status + "&size=1"))
                        .as(status)
                        .isPositive();
            }
            assertWinsSpreadOverTwoYearsWithTheirWholeHistory(client);
            assertConflictsNameAnOpenRegistrationOfAnotherPartner(client);
            // the expiry sweep expires what the story left approved past its protection
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(items(client, "/api/deals?status=APPROVED&size=200"))
                            .allSatisfy(deal -> assertThat(Instant.parse(
                                            deal.get("protectedUntil").asText()))
                                    .isAfter(Instant.now())));
            awaitCaughtUp(client);
            app.stop(PATIENCE);
        }
        StoredEvents seeded = StoredEvents.inDataDir(dataDir);
        long events = seeded.count();
        assertThat(seeded.single(partner, "PartnerOnboarded")
                        .metaData()
                        .get("actor")
                        .asText())
                .isEqualTo("system:demo-data");

        Path secondLog = logs.resolve("2-restart.log");
        try (StandaloneProcess app = StandaloneProcess.start(dataDir, secondLog, SMALL_DEMO)) {
            awaitLine(secondLog, "demo data: skipped");
            PrmClient client = app.client();
            awaitCaughtUp(client);
            assertThat(total(client, "/api/partners?size=1")).isEqualTo(20);
            assertThat(total(client, "/api/deals?size=1")).isEqualTo(300);
            app.stop(PATIENCE);
        }
        assertThat(StoredEvents.inDataDir(dataDir).count()).isEqualTo(events);
    }

    private static void assertWinsSpreadOverTwoYearsWithTheirWholeHistory(PrmClient client) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<JsonNode> wins = items(client, "/api/deals?status=WON&size=200&sort=closedOn,asc");
        assertThat(LocalDate.parse(wins.get(0).get("closedOn").asText())).isBefore(today.minusYears(1));
        assertThat(LocalDate.parse(wins.get(wins.size() - 1).get("closedOn").asText()))
                .isAfter(today.minusDays(92));

        JsonNode won =
                client.get("/api/deals/" + wins.get(0).get("id").asText()).json();
        List<String> events = fieldOf(won.get("trail"), "event");
        assertThat(events).startsWith("DealRecorded", "DealApproved").endsWith("DealWon");
        List<Instant> times = new ArrayList<>();
        won.get("trail")
                .forEach(entry -> times.add(Instant.parse(entry.get("at").asText())));
        assertThat(times).isSorted().allMatch(at -> at.isBefore(Instant.now().minus(Duration.ofDays(365))));
    }

    private static void assertConflictsNameAnOpenRegistrationOfAnotherPartner(PrmClient client) {
        List<JsonNode> conflicts = items(client, "/api/deals?status=REJECTED&size=200").stream()
                .filter(deal -> "CHANNEL_CONFLICT"
                        .equals(deal.path("rejection").path("kind").asText()))
                .toList();
        assertThat(conflicts).hasSize(3).allSatisfy(conflict -> {
            JsonNode holder = client.get("/api/deals/"
                            + conflict.get("rejection").get("conflictingDealId").asText())
                    .json();
            assertThat(holder.get("status").asText()).isIn("PENDING_APPROVAL", "APPROVED");
            assertThat(holder.get("partnerId").asText())
                    .isNotEqualTo(conflict.get("partnerId").asText());
        });
    }

    private static long total(PrmClient client, String path) {
        PrmClient.Response answer = client.get(path);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("total").asLong();
    }

    private static List<JsonNode> items(PrmClient client, String path) {
        List<JsonNode> items = new ArrayList<>();
        client.get(path).json().get("items").forEach(items::add);
        return items;
    }

    private static void awaitLine(Path log, String line) {
        await().atMost(PATIENCE).until(() -> read(log).contains(line));
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static void awaitCaughtUp(PrmClient client) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (JsonNode processor : client.get("/api/admin/processors").json()) {
                assertThat(processor.get("running").asBoolean()).isTrue();
                assertThat(processor.get("lag").asLong())
                        .as(processor.get("name").asText())
                        .isZero();
            }
        });
    }
}
