package io.sidecar.prm.standalone;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sidecar.prm.events.Contact;
import io.sidecar.prm.events.Customer;
import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.PrmMetadata;
import io.sidecar.prm.events.deal.DealRecorded;
import io.sidecar.prm.events.partner.CheckInRecorded;
import io.sidecar.prm.events.partner.OnboardingStep;
import io.sidecar.prm.events.partner.OnboardingStepCompleted;
import io.sidecar.prm.events.partner.PartnerActivated;
import io.sidecar.prm.events.partner.PartnerOnboarded;
import io.sidecar.prm.events.partner.PartnerType;
import io.sidecar.prm.events.partner.Sentiment;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * One partner with a very long history, written straight into a new data directory's event store before the
 * product first starts (the command path takes about 50 commands/s; this about a hundred times that): onboarded,
 * its checklist done, activated, then check-ins of about 1 KB each, with {@value #DEALS} deals recorded along the
 * way. Real events (the product's classes, metadata and serialized form) appended through Axon's JDBC engine, so
 * the product's processors, the audit log among them, read them as they read their own.
 */
final class LongHistory {

    static final int DEALS = 3;
    private static final int BATCH = 500;
    private static final String SCHEMA = "db/event-store-h2.sql";

    /** What was written: the partner, and each stream's id and length (the partner's first). */
    record Written(String partnerId, Map<String, Long> streams, long events) {}

    private LongHistory() {}

    static Written write(Path dataDir, int events) throws SQLException, IOException {
        String partnerId = UUID.randomUUID().toString();
        Map<String, Long> streams = new LinkedHashMap<>();
        streams.put(partnerId, 0L);
        String url = "jdbc:h2:file:" + dataDir.resolve("events") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(schema());
            }
            JdbcEventStorageEngine engine = engine(connection);
            List<DomainEventMessage<?>> batch = new ArrayList<>(BATCH);
            for (int n = 0; n < events; n++) {
                batch.add(event(partnerId, n, events, streams));
                if (batch.size() == BATCH) {
                    engine.appendEvents(batch);
                    batch.clear();
                }
            }
            engine.appendEvents(batch);
        }
        return new Written(partnerId, streams, events);
    }

    /** The n-th event of the partner's history: its own first five, deals spread over it, check-ins between. */
    private static DomainEventMessage<?> event(String partnerId, int n, int events, Map<String, Long> streams) {
        Instant now = Instant.now();
        Object payload;
        String aggregateId = partnerId;
        if (n == 0) {
            payload = new PartnerOnboarded(
                    partnerId,
                    "Long History " + partnerId.substring(0, 8),
                    PartnerType.RESELLER,
                    "DE",
                    new Contact("Zoë Müller", "zoe@long-history.example", null),
                    "https://long-history.example",
                    "de",
                    now);
        } else if (n <= OnboardingStep.values().length) {
            payload = new OnboardingStepCompleted(partnerId, OnboardingStep.values()[n - 1], now);
        } else if (n == OnboardingStep.values().length + 1) {
            payload = new PartnerActivated(partnerId, now);
        } else if (n % (events / (DEALS + 1)) == 0 && streams.size() <= DEALS) {
            aggregateId = UUID.randomUUID().toString();
            payload = new DealRecorded(
                    aggregateId,
                    partnerId,
                    new Customer("Customer " + n, "customer-" + n + ".example"),
                    "Sidecar Enterprise",
                    new Money(new BigDecimal("25000.00"), "USD"),
                    LocalDate.now().plusDays(60),
                    null,
                    now);
        } else {
            payload = checkIn(partnerId, n, now);
        }
        long sequence = streams.merge(aggregateId, 1L, Long::sum) - 1;
        String type = aggregateId.equals(partnerId) ? "Partner" : "Deal";
        return new GenericDomainEventMessage<>(
                type,
                aggregateId,
                sequence,
                payload,
                Map.of(PrmMetadata.ACTOR, "long-history-loader", PrmMetadata.CORRELATION_ID, "long-history-" + n));
    }

    /** About 1 KB stored: a summary of some 700 characters, three attendees, three next steps. */
    private static CheckInRecorded checkIn(String partnerId, int n, Instant now) {
        String summary =
                ("Check-in " + n + ": pipeline reviewed, enablement plan agreed, renewals discussed. ").repeat(8);
        return new CheckInRecorded(
                partnerId,
                "check-in-" + n,
                LocalDate.of(2026, 1, 1).plusDays(n % 300),
                List.of("Zoë Müller", "Sam Channel", "Ada Lovelace"),
                summary,
                Sentiment.values()[n % Sentiment.values().length],
                List.of("Send the price list", "Book the training for the new sales team", "Review in a month"),
                now);
    }

    private static JdbcEventStorageEngine engine(Connection connection) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
        // as the product serializes: Spring Boot's mapper settings (ISO dates, not timestamps)
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(JsonMapper.builder()
                        .findAndAddModules()
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .build())
                .build();
        return JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(new SpringTransactionManager(new DataSourceTransactionManager(dataSource)))
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
    }

    /** The product's own event-store schema, from its resources. */
    private static String schema() throws IOException {
        try (InputStream in = LongHistory.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
