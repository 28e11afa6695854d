package io.sidecar.prm.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sidecar.prm.events.Contact;
import io.sidecar.prm.events.Customer;
import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.PrmMetadata;
import io.sidecar.prm.events.deal.DealRecorded;
import io.sidecar.prm.events.partner.OnboardingStep;
import io.sidecar.prm.events.partner.OnboardingStepCompleted;
import io.sidecar.prm.events.partner.PartnerActivated;
import io.sidecar.prm.events.partner.PartnerOnboarded;
import io.sidecar.prm.events.partner.PartnerType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Fills a stopped product's event store fast: real events (the product's own event classes, metadata and
 * serializer settings) appended through Axon's JDBC storage engine, 500 per transaction, into the H2 file the
 * product created. What it skips is the command path, which the write rows measure.
 */
final class BulkLoader {

    private static final int BATCH = 500;
    private static final String SCHEMA = "BOOT-INF/classes/db/event-store-h2.sql";

    private BulkLoader() {}

    /** A loaded store: its partners and their deals (for the sanity checks) and how many events it holds. */
    record Loaded(List<String> partnerIds, int dealsPerPartner, long events, double seconds) {}

    /**
     * A new store in an empty data directory: the event tables made by the product's own schema script (read from
     * its jar), then the events: {@code partners} partners onboarded, through their checklist and activated (five
     * events each), each followed by {@code dealsPerPartner} recorded deals. The product's next start builds every
     * projection from the first event.
     */
    static Loaded createAndLoad(Path productJar, Path dataDir, int partners, int dealsPerPartner)
            throws SQLException, IOException {
        Files.createDirectories(dataDir);
        String url = "jdbc:h2:file:" + dataDir.resolve("events") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(schema(productJar));
            }
            SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
            JacksonSerializer serializer =
                    JacksonSerializer.builder().objectMapper(productMapper()).build();
            JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                    .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                    .transactionManager(new SpringTransactionManager(new DataSourceTransactionManager(dataSource)))
                    .eventSerializer(serializer)
                    .snapshotSerializer(serializer)
                    .build();
            long start = System.nanoTime();
            List<String> partnerIds = new ArrayList<>(partners);
            List<DomainEventMessage<?>> batch = new ArrayList<>(BATCH);
            long events = 0;
            for (int p = 0; p < partners; p++) {
                String partnerId = UUID.randomUUID().toString();
                partnerIds.add(partnerId);
                batch.add(message("Partner", partnerId, 0, onboarded(partnerId, p)));
                long sequence = 1;
                for (OnboardingStep step : OnboardingStep.values()) {
                    batch.add(message(
                            "Partner",
                            partnerId,
                            sequence++,
                            new OnboardingStepCompleted(partnerId, step, Instant.now())));
                }
                batch.add(message("Partner", partnerId, sequence, new PartnerActivated(partnerId, Instant.now())));
                for (int d = 0; d < dealsPerPartner; d++) {
                    String dealId = UUID.randomUUID().toString();
                    batch.add(message("Deal", dealId, 0, recorded(dealId, partnerId)));
                }
                if (batch.size() >= BATCH) {
                    engine.appendEvents(batch);
                    events += batch.size();
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                engine.appendEvents(batch);
                events += batch.size();
            }
            return new Loaded(partnerIds, dealsPerPartner, events, (System.nanoTime() - start) / 1e9);
        }
    }

    private static String schema(Path productJar) throws IOException {
        try (ZipFile jar = new ZipFile(productJar.toFile())) {
            ZipEntry script = jar.getEntry(SCHEMA);
            if (script == null) {
                throw new IllegalStateException(productJar + " has no " + SCHEMA);
            }
            try (InputStream in = jar.getInputStream(script)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    /** Serialized as the product serializes: Spring Boot's mapper settings (ISO dates, not timestamps). */
    private static ObjectMapper productMapper() {
        return JsonMapper.builder()
                .findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    private static DomainEventMessage<?> message(String type, String aggregateId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(
                type,
                aggregateId,
                sequence,
                payload,
                Map.of(
                        PrmMetadata.ACTOR,
                        "bench-loader",
                        PrmMetadata.CORRELATION_ID,
                        UUID.randomUUID().toString()));
    }

    private static PartnerOnboarded onboarded(String partnerId, int n) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new PartnerOnboarded(
                partnerId,
                "Loaded Partner " + n,
                PartnerType.values()[random.nextInt(PartnerType.values().length)],
                Workload.REGIONS.get(random.nextInt(Workload.REGIONS.size())),
                new Contact("Contact " + n, "contact" + n + "@partner" + n + ".example", null),
                "https://partner" + n + ".example",
                "en",
                Instant.now());
    }

    private static DealRecorded recorded(String dealId, String partnerId) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new DealRecorded(
                dealId,
                partnerId,
                new Customer("Customer", "customer" + random.nextInt(1_000_000_000) + ".example"),
                Workload.PRODUCTS.get(random.nextInt(Workload.PRODUCTS.size())),
                new Money(BigDecimal.valueOf(100_000 + random.nextInt(25_000_000), 2), "USD"),
                LocalDate.now().plusDays(30 + random.nextInt(300)),
                null,
                Instant.now());
    }
}
