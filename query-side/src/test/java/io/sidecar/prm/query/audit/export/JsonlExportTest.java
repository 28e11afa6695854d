package io.sidecar.prm.query.audit.export;

import static io.sidecar.prm.query.audit.export.ExportTestData.EXPORTED_AT;
import static io.sidecar.prm.query.audit.export.ExportTestData.entry;
import static io.sidecar.prm.query.audit.export.ExportTestData.partner;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sidecar.prm.query.audit.AuditEntry;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** The JSON Lines export: an entry per line as the history shows it, the trailer with the heads as the last line. */
class JsonlExportTest {

    /** Configured as Spring Boot configures the application's: instants as ISO-8601 text. */
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @Test
    void eachEntryIsOneLineWithTheHistorysFieldsAndItsPayloadAsJson() throws IOException {
        List<String> lines = export(List.of(entry(0, "{\"summary\":\"a\\nb — Zoë\",\"n\":1.50}")))
                .lines()
                .toList();

        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(line.fieldNames())
                .toIterable()
                .containsExactly(
                        "position",
                        "aggregateType",
                        "aggregateId",
                        "sequence",
                        "type",
                        "revision",
                        "occurredAt",
                        "recordedAt",
                        "actor",
                        "actorPartnerId",
                        "correlationId",
                        "causationId",
                        "payload",
                        "hash");
        assertThat(line.get("payload").isObject()).isTrue();
        assertThat(line.get("payload").get("summary").asText()).isEqualTo("a\nb — Zoë");
        assertThat(lines.get(0)).as("the payload as stored").contains("\"n\":1.50");
        assertThat(line.get("occurredAt").asText()).isEqualTo("2026-11-20T10:15:30.123Z");
        assertThat(line.get("causationId").isNull()).isTrue();
        assertThat(line.get("actorPartnerId").isNull()).as("not a partner user").isTrue();
    }

    @Test
    void theLastLineIsTheTrailerWithTheCountAndEachStreamsHead() throws IOException {
        List<String> lines = export(ExportTestData.entries(3)).lines().toList();

        assertThat(lines).hasSize(4);
        JsonNode trailer = JSON.readTree(lines.get(3));
        assertThat(trailer.get("trailer").asBoolean()).isTrue();
        assertThat(trailer.get("partnerId").asText()).isEqualTo("p-1");
        assertThat(trailer.get("entries").asLong()).isEqualTo(3);
        assertThat(trailer.get("exportedAt").asText()).isEqualTo("2026-11-26T08:00:00Z");
        assertThat(trailer.get("heads")).hasSize(2);
        JsonNode head = trailer.get("heads").get(0);
        assertThat(head.get("aggregateType").asText()).isEqualTo("Partner");
        assertThat(head.get("aggregateId").asText()).isEqualTo("p-1");
        assertThat(head.get("sequence").asLong()).isEqualTo(2);
        assertThat(head.get("hash").asText())
                .isEqualTo(JSON.readTree(lines.get(2)).get("hash").asText());
        assertThat(trailer.get("heads").get(1).get("aggregateId").asText()).isEqualTo("d-1");
    }

    @Test
    void linesEndWithLineFeedsAndAnIndentedStoredPayloadStaysOnItsLine() throws IOException {
        String jsonl = export(List.of(entry(0, "{\n  \"summary\" : \"x\"\r\n}"), entry(1, "{}")));

        assertThat(jsonl).doesNotContain("\r").endsWith("}\n");
        assertThat(jsonl.lines()).hasSize(3);
        assertThat(JSON.readTree(jsonl.lines().findFirst().orElseThrow())
                        .at("/payload/summary")
                        .asText())
                .isEqualTo("x");
    }

    private static String export(List<AuditEntry> entries) throws IOException {
        StringWriter out = new StringWriter();
        JsonlExport jsonl = new JsonlExport(out, JSON);
        jsonl.begin();
        for (AuditEntry entry : entries) {
            jsonl.entry(entry);
        }
        jsonl.end(ExportTrailer.of(partner(entries.size()), EXPORTED_AT));
        return out.toString();
    }
}
