package io.sidecar.prm.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.sidecar.prm.events.Contact;
import io.sidecar.prm.events.Customer;
import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.deal.DealStatus;
import io.sidecar.prm.events.partner.OnboardingStep;
import io.sidecar.prm.events.partner.PartnerStatus;
import io.sidecar.prm.events.partner.PartnerTier;
import io.sidecar.prm.events.partner.PartnerType;
import io.sidecar.prm.query.deal.DealView;
import io.sidecar.prm.query.partner.PartnerPage;
import io.sidecar.prm.query.partner.PartnerView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * Query responses cross Axon Server in the distributed mode: they must survive Axon's Jackson serializer with the
 * application's Jackson settings.
 */
class QueryResponseSerializationTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS))
            .build();

    private static final PartnerView PARTNER = new PartnerView(
            "p-1",
            "Acme",
            PartnerType.RESELLER,
            "DE",
            new Contact("Ada", "ada@acme.example", null),
            null,
            PartnerStatus.ONBOARDING,
            null,
            PartnerTier.REGISTERED,
            new PartnerView.Onboarding(List.of(), List.of(OnboardingStep.values())),
            List.of(),
            List.of(),
            0,
            null,
            new Money(new BigDecimal("10.00"), "USD"),
            Money.zero("USD"),
            1,
            Instant.parse("2026-01-01T00:00:00Z"),
            null,
            1,
            Map.of("d-1", 1L));

    @Test
    void aPartnerPageSurvivesTheTripWithoutItsInternalBookkeeping() {
        PartnerPage page = roundTrip(new PartnerPage(List.of(PARTNER), 1), PartnerPage.class);

        PartnerView view = page.items().get(0);
        assertThat(view.name()).isEqualTo("Acme");
        assertThat(view.pipeline()).isEqualTo(PARTNER.pipeline());
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.dealVersions()).isEmpty();
        assertThat(page.total()).isEqualTo(1);
    }

    @Test
    void aDealSurvivesTheTrip() {
        DealView deal = new DealView(
                "d-1",
                "p-1",
                new Customer("Globex", "globex.example"),
                "Sidecar",
                new Money(new BigDecimal("10.00"), "USD"),
                LocalDate.parse("2026-06-30"),
                null,
                DealStatus.PENDING_APPROVAL,
                Instant.parse("2026-01-02T00:00:00Z"),
                1);

        assertThat(roundTrip(deal, DealView.class)).isEqualTo(deal);
    }

    private <T> T roundTrip(T value, Class<T> type) {
        SerializedObject<byte[]> serialized = serializer.serialize(value, byte[].class);
        return serializer.deserialize(serialized);
    }
}
