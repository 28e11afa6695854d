package io.sidecar.prm.query.integration;

import static io.sidecar.prm.query.integration.IntegrationEventsTestData.DEAL;
import static io.sidecar.prm.query.integration.IntegrationEventsTestData.EXAMPLES;
import static io.sidecar.prm.query.integration.IntegrationEventsTestData.PARTNER;
import static io.sidecar.prm.query.integration.IntegrationEventsTestData.eventId;
import static io.sidecar.prm.query.integration.IntegrationEventsTestData.exampleOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.sidecar.prm.events.PartnerEvent;
import io.sidecar.prm.events.partner.PartnerActivated;
import io.sidecar.prm.events.partner.TierPromotion;
import io.sidecar.prm.query.integration.IntegrationEventsTestData.Example;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.util.ClassUtils;

class IntegrationEventsTest {

    private final IntegrationEvents events =
            new IntegrationEvents(Jackson2ObjectMapperBuilder.json().build());

    @Test
    void everyDomainEventIsPublishedWithItsType() {
        Set<Class<?>> domainEvents = domainEventClasses();

        assertThat(EXAMPLES)
                .<Class<?>>extracting(example -> example.message().getPayloadType())
                .as("one example of each domain event")
                .containsExactlyInAnyOrderElementsOf(domainEvents);
        for (Example example : EXAMPLES) {
            assertThat(events.publishes(example.message().getPayload())).isTrue();
            assertThat(events.toCloudEvent(example.message(), example.position())
                            .getType())
                    .as(example.message().getPayloadType().getSimpleName())
                    .isEqualTo(example.type());
        }
    }

    @Test
    void theTypesAreTheTwentyVersionedNamesSorted() {
        assertThat(List.copyOf(events.types())).hasSize(20).isSorted();
        assertThat(events.types())
                .containsExactlyInAnyOrderElementsOf(
                        EXAMPLES.stream().map(Example::type).collect(Collectors.toSet()))
                .allMatch(type -> type.matches("sidecar\\.(partner|deal)\\.[a-z]+(_[a-z]+)*\\.v[1-9][0-9]*"));
    }

    @Test
    void aPayloadThatIsNotADomainEventIsRefused() {
        DomainEventMessage<String> notAnEvent = new GenericDomainEventMessage<>("Partner", PARTNER, 0, "hello");

        assertThat(events.publishes("hello")).isFalse();
        assertThat(events.publishes(null)).isFalse();
        assertThat(events.publishes(new TierPromotion("1", null, null, DEAL))).isFalse();
        assertThatThrownBy(() -> events.toCloudEvent(notAnEvent, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
    }

    @Test
    void aPartnerEventNamesThePartnerAsSourceAndSubject() {
        Example onboarded = exampleOf("sidecar.partner.onboarded.v1");

        CloudEvent event = events.toCloudEvent(onboarded.message(), 1041);

        assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
        assertThat(event.getId())
                .isEqualTo(eventId(1041))
                .isEqualTo(onboarded.message().getIdentifier());
        assertThat(event.getSource()).isEqualTo(URI.create("/sidecar/partners/" + PARTNER));
        assertThat(event.getSubject()).isEqualTo(PARTNER);
        assertThat(event.getTime()).isEqualTo(OffsetDateTime.parse("2026-01-12T09:00:00Z"));
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getExtensionNames()).containsExactly("sequence");
        assertThat(event.getExtension("sequence")).isEqualTo("1041");
    }

    @Test
    void aDealEventNamesItsPartnerAsSourceAndTheDealAsSubject() {
        Example won = exampleOf("sidecar.deal.won.v1");

        CloudEvent event = events.toCloudEvent(won.message(), 1634);

        assertThat(event.getId()).isEqualTo(eventId(1634));
        assertThat(event.getSource()).isEqualTo(URI.create("/sidecar/partners/" + PARTNER));
        assertThat(event.getSubject()).isEqualTo(DEAL);
        assertThat(event.getTime()).isEqualTo(OffsetDateTime.parse("2026-04-28T17:05:00Z"));
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getExtension("sequence")).isEqualTo("1634");
    }

    @Test
    void theTimeIsWhenTheEventHappenedNotWhenItWasStored() {
        PartnerEvent activated = new PartnerActivated(PARTNER, Instant.parse("2026-01-20T08:30:00.123Z"));
        DomainEventMessage<?> storedLater = new GenericDomainEventMessage<>(
                "Partner",
                PARTNER,
                4,
                activated,
                MetaData.emptyInstance(),
                "m-1",
                Instant.parse("2026-01-21T00:00:00Z"));

        CloudEvent event = events.toCloudEvent(storedLater, 7);

        assertThat(event.getTime()).isEqualTo(OffsetDateTime.parse("2026-01-20T08:30:00.123Z"));
        assertThat(event.getTime().getOffset().getTotalSeconds()).isZero();
    }

    @Test
    void theSequenceIsThePositionGivenWhateverItsSize() {
        Example activated = exampleOf("sidecar.partner.activated.v1");

        assertThat(events.toCloudEvent(activated.message(), 5_000_000_000L).getExtension("sequence"))
                .isEqualTo("5000000000");
        assertThat(events.toCloudEvent(activated.message(), 0).getExtension("sequence"))
                .isEqualTo("0");
    }

    /** The records of the published language that are events of a partner's history. */
    private static Set<Class<?>> domainEventClasses() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(PartnerEvent.class));
        return scanner.findCandidateComponents("io.sidecar.prm.events").stream()
                .map(candidate -> ClassUtils.resolveClassName(candidate.getBeanClassName(), null))
                .collect(Collectors.toSet());
    }
}
