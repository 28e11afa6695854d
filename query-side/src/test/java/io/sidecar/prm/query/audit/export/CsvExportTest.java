package io.sidecar.prm.query.audit.export;

import static io.sidecar.prm.query.audit.export.ExportTestData.EXPORTED_AT;
import static io.sidecar.prm.query.audit.export.ExportTestData.entry;
import static io.sidecar.prm.query.audit.export.ExportTestData.partner;
import static org.assertj.core.api.Assertions.assertThat;

import io.sidecar.prm.query.audit.AuditEntry;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The CSV export: RFC 4180 quoting, UTF-8 with a byte-order mark, a header row, the trailer rows. */
class CsvExportTest {

    private static final String AWKWARD = "Zoë \"Zee\" Müller, Ltd — 東京\r\nsecond line\nthird, \"quoted\"\rend";

    @Test
    void startsWithAByteOrderMarkThenTheHeaderRowEndedByCrLf() throws IOException {
        String csv = export(List.of());

        assertThat(csv.charAt(0)).isEqualTo('\uFEFF');
        assertThat(csv.getBytes(StandardCharsets.UTF_8)).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(csv.substring(1))
                .startsWith("position,aggregateType,aggregateId,sequence,type,revision,occurredAt,recordedAt,actor,"
                        + "actorPartnerId,correlationId,causationId,payload,hash\r\n");
    }

    @Test
    void aFieldWithACommaAQuoteOrALineBreakIsQuotedWithItsQuotesDoubled() throws IOException {
        String csv = export(List.of(entry(0, "{\"note\":\"b,c\"}", AWKWARD)));

        assertThat(csv)
                .contains("\r\n100,Partner,p-1,0,CheckInRecorded,1,2026-11-20T10:15:30.123Z,2026-11-20T10:15:30.128Z,"
                        + "\"Zoë \"\"Zee\"\" Müller, Ltd — 東京\r\nsecond line\nthird, \"\"quoted\"\"\rend\",,"
                        + "corr-0,,"
                        + "\"{\"\"note\"\":\"\"b,c\"\"}\","
                        + ExportTestData.hash(0) + "\r\n");
    }

    @Test
    void everyFieldReadsBackWithARealCsvParser() throws IOException {
        String payload = "{\"summary\":\"line one\\nline two, \\\"quoted\\\" — Zoë 東京\"}";
        AuditEntry awkward = entry(1, payload, AWKWARD);
        AuditEntry plain = entry(0, "{\"n\":0}");

        List<CSVRecord> rows = parse(export(List.of(plain, awkward)));

        assertThat(rows.get(0).values()).containsExactlyElementsOf(CsvExport.COLUMNS);
        CSVRecord read = rows.get(2);
        assertThat(read.size()).isEqualTo(CsvExport.COLUMNS.size());
        assertThat(read.values())
                .containsExactly(
                        "101",
                        "Partner",
                        "p-1",
                        "1",
                        "CheckInRecorded",
                        "1",
                        "2026-11-20T10:15:31.123Z",
                        "2026-11-20T10:15:31.128Z",
                        AWKWARD,
                        "p-1",
                        "corr-1",
                        "cause-1",
                        payload,
                        awkward.hash());
        assertThat(rows.get(1).get(CsvExport.COLUMNS.indexOf("causationId")))
                .as("no value: an empty cell")
                .isEmpty();
    }

    @Test
    void theTrailerRowsCarryTheCountAndEachStreamsHeadAsWideAsTheHeader() throws IOException {
        List<CSVRecord> rows = parse(export(ExportTestData.entries(3)));

        assertThat(rows).hasSize(1 + 3 + 1 + 2);
        assertThat(rows.get(4).values())
                .startsWith("#trailer", "p-1", "3", "2026-11-26T08:00:00Z")
                .hasSize(CsvExport.COLUMNS.size());
        assertThat(rows.get(5).values())
                .startsWith("#head", "Partner", "p-1", "2", ExportTestData.hash(2))
                .hasSize(CsvExport.COLUMNS.size());
        assertThat(rows.get(6).values()).startsWith("#head", "Deal", "d-1", "1", "d".repeat(64));
    }

    private static String export(List<AuditEntry> entries) throws IOException {
        StringWriter out = new StringWriter();
        CsvExport csv = new CsvExport(out);
        csv.begin();
        for (AuditEntry entry : entries) {
            csv.entry(entry);
        }
        if (!entries.isEmpty()) {
            csv.end(ExportTrailer.of(partner(entries.size()), EXPORTED_AT));
        }
        return out.toString();
    }

    /** As an auditor's script reads it: the byte-order mark dropped, every row (the header's too) a record. */
    private static List<CSVRecord> parse(String csv) throws IOException {
        assertThat(csv).startsWith("\uFEFF");
        try (CSVParser parser = CSVParser.parse(new StringReader(csv.substring(1)), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }
}
