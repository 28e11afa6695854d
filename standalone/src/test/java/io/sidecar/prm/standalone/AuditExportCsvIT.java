package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit export as CSV, of a partner whose name, contact and check-in hold commas, quotes, line breaks and
 * non-ASCII text (made through the command path): a CSV parser reads every field back as the JSON Lines export of
 * the same history has it; and the export's refusals, answered as problems. (The long history: {@link
 * AuditExportIT}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditExportCsvIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXPORT = "/api/audit/export?partnerId=";

    @TempDir
    static Path dataDir;

    private RunningStandalone app;
    private PrmClient client;

    @BeforeAll
    void start() {
        app = RunningStandalone.start(dataDir);
        client = app.client();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void csvOfAwkwardTextReadsBackWithACsvParserFieldForFieldAsTheJsonLines() throws Exception {
        String name = "Zoë \"Zee\" Müller, Ltd — 東京\r\nBranch, \"North\"";
        String contact = "Müller, Zoë \"Z\"\nsecond line";
        String summary = "Agreed: \"Q1\", then Q2,\r\nnext\rthen — 東京";
        String partnerId = awkwardPartner(name, contact, summary);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            PrmClient.Response exported = client.get(EXPORT + partnerId);
            return exported.status() == 200
                    && exported.body().contains("\"trailer\":true,\"partnerId\":\"" + partnerId + "\",\"entries\":3,");
        });

        List<JsonNode> jsonl = client.get(EXPORT + partnerId)
                .body()
                .lines()
                .map(AuditExportCsvIT::json)
                .toList();
        HttpResponse<byte[]> csv = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + EXPORT + partnerId + "&format=csv"))
                                .header("Authorization", PrmClient.ADMIN_AUTHORIZATION)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).contains("text/csv;charset=UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"partner-" + partnerId + "-history.csv\"");
        assertThat(csv.body()).as("UTF-8 byte-order mark").startsWith(0xEF, 0xBB, 0xBF);
        List<CSVRecord> rows;
        try (CSVParser parser = CSVParser.parse(
                new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            rows = parser.getRecords();
        }
        assertThat(rows).hasSize(1 + 3 + 2);
        List<String> columns = rows.get(0).toList();
        for (int n = 0; n < 3; n++) {
            CSVRecord row = rows.get(1 + n);
            JsonNode entry = jsonl.get(n);
            assertThat(row.size()).isEqualTo(columns.size());
            for (int c = 0; c < columns.size(); c++) {
                JsonNode expected = entry.get(columns.get(c));
                if (columns.get(c).equals("payload")) {
                    assertThat(json(row.get(c))).as("payload of entry " + n).isEqualTo(expected);
                } else {
                    assertThat(row.get(c))
                            .as(columns.get(c) + " of entry " + n)
                            .isEqualTo(expected.isNull() ? "" : expected.asText());
                }
            }
        }
        JsonNode onboarded = json(rows.get(1).get(columns.indexOf("payload")));
        assertThat(onboarded.get("name").asText()).isEqualTo(name);
        assertThat(onboarded.at("/contact/name").asText()).isEqualTo(contact);
        assertThat(json(rows.get(2).get(columns.indexOf("payload")))
                        .get("summary")
                        .asText())
                .isEqualTo(summary);
        assertThat(json(rows.get(3).get(columns.indexOf("payload"))).get("name").asText())
                .isEqualTo(name + " — renamed, \"again\"");
        assertThat(rows.get(4).toList()).startsWith("#trailer", partnerId, "3");
        assertThat(rows.get(5).toList())
                .startsWith(
                        "#head",
                        "Partner",
                        partnerId,
                        "2",
                        jsonl.get(2).get("hash").asText())
                .hasSize(columns.size());
    }

    @Test
    void anUnknownPartnerOrFormatIsAProblemNotADownload() {
        PrmClient.Response unknown = client.get(EXPORT + "no-such-partner");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.header("Content-Disposition")).isNull();

        PrmClient.Response badFormat = client.get(EXPORT + client.onboard("Format Refused") + "&format=xlsx");
        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(badFormat.json().at("/errors/0/field").asText()).isEqualTo("format");

        assertThat(client.get("/v3/api-docs")
                        .json()
                        .at("/paths/~1api~1audit~1export/get")
                        .isObject())
                .isTrue();
    }

    /** A partner through the command path: onboarded, a check-in recorded, renamed. */
    private String awkwardPartner(String name, String contact, String summary) {
        ObjectNode onboard = JSON.createObjectNode()
                .put("name", name)
                .put("type", "RESELLER")
                .put("region", "JP");
        onboard.putObject("contact").put("name", contact).put("email", "zoe@zee.example");
        PrmClient.Response onboarded = client.post("/api/partners", onboard.toString());
        assertThat(onboarded.status()).as(onboarded.body()).isEqualTo(201);
        String partnerId = onboarded.json().get("id").asText();
        ObjectNode checkIn = JSON.createObjectNode()
                .put("occurredOn", "2026-11-20")
                .put("summary", summary)
                .put("sentiment", "POSITIVE");
        checkIn.putArray("attendees").add(contact).add("Sam, \"Channel\"");
        checkIn.putArray("nextSteps").add("Send the deck,\nthen call");
        PrmClient.Response checkedIn = client.post("/api/partners/" + partnerId + "/check-ins", checkIn.toString());
        assertThat(checkedIn.status()).as(checkedIn.body()).isBetween(200, 201);
        PrmClient.Response renamed = client.patch(
                "/api/partners/" + partnerId,
                JSON.createObjectNode()
                        .put("name", name + " — renamed, \"again\"")
                        .toString());
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        return partnerId;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + app.port();
    }
}
