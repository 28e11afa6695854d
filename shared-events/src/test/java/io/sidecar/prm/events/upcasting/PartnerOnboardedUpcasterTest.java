package io.sidecar.prm.events.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sidecar.prm.events.Contact;
import io.sidecar.prm.events.partner.PartnerActivated;
import io.sidecar.prm.events.partner.PartnerOnboarded;
import io.sidecar.prm.events.partner.PartnerType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/**
 * {@link PartnerOnboarded} revision 1, as it was stored ({@code fixtures/PartnerOnboarded-revision-1.json}: the
 * JSON the application's serializer wrote for the revision-1 record), read through {@link PrmEventUpcasters}.
 */
class PartnerOnboardedUpcasterTest {

    private static final String REVISION_1_FIXTURE = "/fixtures/PartnerOnboarded-revision-1.json";

    /** The application's settings (application.yml, Spring Boot's defaults): ISO instants, nulls written. */
    private final ObjectMapper mapper = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final JacksonSerializer serializer =
            JacksonSerializer.builder().objectMapper(mapper).build();
    private final PrmEventUpcasters upcasters = new PrmEventUpcasters();

    @Test
    void theFixtureIsTheRevision1ShapeWithoutALanguage() throws IOException {
        assertThat(mapper.readTree(revision1Fixture()).fieldNames())
                .toIterable()
                .containsExactly("partnerId", "name", "type", "region", "contact", "website", "onboardedAt");
    }

    @Test
    void aStoredRevision1EventIsReadAsRevision2WithLanguageEnAndEveryOtherFieldIntact() throws IOException {
        IntermediateEventRepresentation upcast =
                single(upcasters.upcast(Stream.of(stored(PartnerOnboarded.class.getName(), "1", revision1Fixture()))));

        assertThat(upcast.getType().getName()).isEqualTo(PartnerOnboarded.class.getName());
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat((Object) serializer.deserialize(upcast.getData()))
                .isEqualTo(new PartnerOnboarded(
                        "6f1c2a4e-8b3d-4f7a-9c21-5e0d7b9a3c18",
                        "Nordlicht Systems GmbH",
                        PartnerType.RESELLER,
                        "DE",
                        new Contact("Jana Köhler", "jana.koehler@nordlicht.example", "+49 40 555 0123"),
                        "https://nordlicht.example",
                        "en",
                        Instant.parse("2025-03-10T09:15:42.318204Z")));
    }

    @Test
    void aRevision2EventPassesThroughUntouched() {
        PartnerOnboarded revision2 = new PartnerOnboarded(
                "p-2",
                "Lusitano Parceiros",
                PartnerType.SERVICES,
                "BR",
                new Contact("Rita Alves", "rita@lusitano.example", null),
                null,
                "pt-BR",
                Instant.parse("2026-01-05T10:00:00Z"));
        SerializedObject<byte[]> serialized = serializer.serialize(revision2, byte[].class);
        IntermediateEventRepresentation stored = stored(PartnerOnboarded.class.getName(), "2", serialized.getData());

        IntermediateEventRepresentation read = single(upcasters.upcast(Stream.of(stored)));

        assertThat(read).isSameAs(stored);
        assertThat((Object) serializer.deserialize(read.getData())).isEqualTo(revision2);
    }

    @Test
    void anEventOfAnotherTypeIsNotTouched() {
        PartnerActivated activated = new PartnerActivated("p-3", Instant.parse("2026-01-06T08:00:00Z"));
        IntermediateEventRepresentation stored = stored(
                PartnerActivated.class.getName(),
                "1",
                serializer.serialize(activated, byte[].class).getData());

        IntermediateEventRepresentation read = single(upcasters.upcast(Stream.of(stored)));

        assertThat(read).isSameAs(stored);
        assertThat((Object) serializer.deserialize(read.getData())).isEqualTo(activated);
    }

    /** A row of the event store as the JDBC storage engine hands it to the upcasters: payload and metadata bytes. */
    private IntermediateEventRepresentation stored(String type, String revision, byte[] payload) {
        byte[] metaData = "{\"actor\":\"admin\",\"correlationId\":\"c-1\",\"causationId\":\"c-1\"}"
                .getBytes(StandardCharsets.UTF_8);
        return new InitialEventRepresentation(
                new GenericDomainEventEntry<>(
                        "Partner",
                        "p-1",
                        0,
                        UUID.randomUUID().toString(),
                        "2025-03-10T09:15:42.318Z",
                        type,
                        revision,
                        payload,
                        metaData),
                serializer);
    }

    private static IntermediateEventRepresentation single(Stream<IntermediateEventRepresentation> read) {
        List<IntermediateEventRepresentation> all = read.toList();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static byte[] revision1Fixture() throws IOException {
        try (InputStream in = PartnerOnboardedUpcasterTest.class.getResourceAsStream(REVISION_1_FIXTURE)) {
            assertThat(in).as(REVISION_1_FIXTURE).isNotNull();
            return in.readAllBytes();
        }
    }
}
