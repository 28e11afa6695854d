package io.sidecar.prm.query.integration;

import static io.sidecar.prm.query.integration.IntegrationEventsTestData.DEAL;
import static io.sidecar.prm.query.integration.IntegrationEventsTestData.EXAMPLES;
import static io.sidecar.prm.query.integration.IntegrationEventsTestData.PARTNER;
import static io.sidecar.prm.query.integration.IntegrationEventsTestData.exampleOf;
import static io.sidecar.prm.query.integration.IntegrationEventsTestData.stored;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import io.sidecar.prm.events.Contact;
import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.deal.DealWon;
import io.sidecar.prm.events.partner.PartnerOnboarded;
import io.sidecar.prm.events.partner.PartnerType;
import io.sidecar.prm.query.integration.IntegrationEventsTestData.Example;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

class IntegrationEventsJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final IntegrationEvents events =
            new IntegrationEvents(Jackson2ObjectMapperBuilder.json().build());

    @Test
    void moneyIsAnExactDecimalStringWithItsCurrency() throws IOException {
        DealWon won = new DealWon(
                DEAL,
                PARTNER,
                new Money(new BigDecimal("1E+3"), "USD"),
                LocalDate.parse("2026-04-28"),
                Instant.parse("2026-04-28T17:05:00Z"));

        assertThat(data(exampleOf("sidecar.deal.won.v1")).get("amount"))
                .isEqualTo(JSON.readTree("{\"amount\": \"51250.00\", \"currency\": \"USD\"}"));
        assertThat(data(stored(won, 6, 1634), 1634).get("amount").get("amount").textValue())
                .isEqualTo("1000");
    }

    @Test
    void datesAreDaysAndInstantsAreUtcStrings() {
        JsonNode won = data(exampleOf("sidecar.deal.won.v1"));

        assertThat(won.get("closedOn").textValue()).isEqualTo("2026-04-28");
        assertThat(won.get("wonAt").textValue()).isEqualTo("2026-04-28T17:05:00Z");
    }

    @Test
    void theDataIsTheSameWhateverTheApplicationsMapperIsSetTo() {
        ObjectMapper bare = new ObjectMapper();
        ObjectMapper odd = Jackson2ObjectMapperBuilder.json()
                .featuresToEnable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .featuresToEnable(SerializationFeature.WRITE_ENUMS_USING_INDEX)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .build();

        for (ObjectMapper mapper : new ObjectMapper[] {bare, odd}) {
            IntegrationEvents other = new IntegrationEvents(mapper);
            for (Example example : EXAMPLES) {
                assertThat(json(other, example)).as(example.type()).isEqualTo(json(events, example));
            }
        }
    }

    @Test
    void enumsAreWrittenByName() {
        assertThat(data(exampleOf("sidecar.partner.onboarded.v1")).get("type").textValue())
                .isEqualTo("RESELLER");
        assertThat(data(exampleOf("sidecar.deal.rejected.v1")).get("kind").textValue())
                .isEqualTo("CHANNEL_CONFLICT");
        JsonNode advanced = data(exampleOf("sidecar.deal.stage_advanced.v1"));
        assertThat(advanced.get("from").textValue()).isEqualTo("QUALIFIED");
        assertThat(advanced.get("to").textValue()).isEqualTo("PROPOSAL");
    }

    @Test
    void anAbsentValueIsNullNotAMissingField() {
        JsonNode recorded = data(exampleOf("sidecar.deal.recorded.v1"));
        JsonNode updated = data(exampleOf("sidecar.partner.profile_updated.v1"));

        assertThat(recorded.get("fundRequestId").isNull()).isTrue();
        assertThat(updated.get("name").isNull()).isTrue();
        assertThat(updated.get("contact").get("phone").isNull()).isTrue();
    }

    @Test
    void theStructuredFormCarriesTheDataAsAnObjectInUtf8() throws IOException {
        PartnerOnboarded onboarded = new PartnerOnboarded(
                PARTNER,
                "Müller & Søn",
                PartnerType.SERVICES,
                "DK",
                new Contact("Åse Nørgaard", "ase@muller.example", null),
                null,
                "da",
                Instant.parse("2026-01-12T09:00:00Z"));
        CloudEvent event = events.toCloudEvent(stored(onboarded, 0, 1041), 1041);

        byte[] json = events.toJson(event);

        JsonNode tree = JSON.readTree(new String(json, StandardCharsets.UTF_8));
        assertThat(tree.has("data_base64")).isFalse();
        assertThat(tree.get("data").isObject()).isTrue();
        assertThat(tree.get("data").get("name").textValue()).isEqualTo("Müller & Søn");
        assertThat(tree.get("data").get("contact").get("name").textValue()).isEqualTo("Åse Nørgaard");
        assertThat(tree.get("sequence").isTextual()).isTrue();
        CloudEvent read = new JsonFormat().deserialize(json);
        assertThat(read.getId()).isEqualTo(event.getId());
        assertThat(read.getType()).isEqualTo("sidecar.partner.onboarded.v1");
        assertThat(read.getExtension("sequence")).isEqualTo("1041");
        assertThat(JSON.readTree(read.getData().toBytes())).isEqualTo(tree.get("data"));
    }

    private JsonNode data(Example example) {
        return data(example.message(), example.position());
    }

    private JsonNode data(DomainEventMessage<?> message, long position) {
        return tree(events.toJson(events.toCloudEvent(message, position))).get("data");
    }

    private static JsonNode json(IntegrationEvents mapper, Example example) {
        return tree(mapper.toJson(mapper.toCloudEvent(example.message(), example.position())));
    }

    private static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
