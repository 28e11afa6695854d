package io.sidecar.prm.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The event store's rows as an auditor reads them with SQL: payload and metadata as the JSON they are stored as.
 */
final class StoredEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    private StoredEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The event store of an application running in the test's JVM. */
    static StoredEvents of(RunningStandalone app) {
        return new StoredEvents(app.bean(JdbcTemplate.class));
    }

    /** The event store file of a data directory whose process is stopped (H2 lets one process open it). */
    static StoredEvents inDataDir(Path dataDir) {
        return new StoredEvents(
                new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:file:" + dataDir.resolve("events"), "sa", "")));
    }

    /** How many events of each type (the payload's simple class name) the store holds. */
    Map<String, Long> countsByType() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("SELECT payloadType, COUNT(*) FROM DomainEventEntry GROUP BY payloadType", row -> {
            String type = row.getString(1);
            counts.put(type.substring(type.lastIndexOf('.') + 1), row.getLong(2));
        });
        return counts;
    }

    /** How many events the store holds. */
    long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        return count == null ? 0 : count;
    }

    /** Every stored event's place, in the order of the store's global index (not its payload). */
    List<Position> positions() {
        return jdbc.query(
                "SELECT globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, payloadType"
                        + " FROM DomainEventEntry ORDER BY globalIndex",
                (row, number) -> new Position(
                        row.getLong(1),
                        row.getString(2),
                        row.getString(3),
                        row.getLong(4),
                        row.getString(5).substring(row.getString(5).lastIndexOf('.') + 1)));
    }

    /** An aggregate's events of one type (the payload's simple class name), oldest first. */
    List<Row> of(String aggregateId, String type) {
        return jdbc
                .query(
                        "SELECT aggregateIdentifier, sequenceNumber, eventIdentifier, payloadType, payload, metaData"
                                + " FROM DomainEventEntry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber",
                        (row, number) -> new Row(
                                row.getString(1),
                                row.getLong(2),
                                row.getString(3),
                                row.getString(4).substring(row.getString(4).lastIndexOf('.') + 1),
                                json(row.getBytes(5)),
                                json(row.getBytes(6))),
                        aggregateId)
                .stream()
                .filter(event -> event.type().equals(type))
                .toList();
    }

    /** The only event of that type in the aggregate's stream; fails when there is none or more than one. */
    Row single(String aggregateId, String type) {
        List<Row> found = of(aggregateId, type);
        if (found.size() != 1) {
            throw new AssertionError(aggregateId + " holds " + found.size() + " " + type + " events, not 1");
        }
        return found.get(0);
    }

    private static JsonNode json(byte[] stored) {
        try {
            return JSON.readTree(stored == null ? "null" : new String(stored, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One stored event.
     *
     * @param aggregateId the stream it belongs to
     * @param sequence    its place in the stream
     * @param eventId     its identifier ({@code eventIdentifier}), what a caused event names as its cause
     * @param type        the payload's simple class name
     * @param payload     the payload as stored
     * @param metaData    the metadata as stored
     */
    record Row(String aggregateId, long sequence, String eventId, String type, JsonNode payload, JsonNode metaData) {}

    /**
     * Where one stored event is.
     *
     * @param globalIndex its global position in the store
     * @param eventId     its identifier, the integration event's {@code id}
     * @param aggregateId the stream it belongs to
     * @param sequence    its place in the stream
     * @param type        the payload's simple class name
     */
    record Position(long globalIndex, String eventId, String aggregateId, long sequence, String type) {}
}
