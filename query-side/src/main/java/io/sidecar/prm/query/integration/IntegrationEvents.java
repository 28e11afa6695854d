package io.sidecar.prm.query.integration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import io.sidecar.prm.events.PartnerEvent;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * The public integration events: turns a stored domain event into the CloudEvents 1.0 event that the event feed and
 * the webhooks publish, and writes it in structured JSON mode. The envelope, the types and every data shape are
 * documented in docs/integration-events.md, whose examples are this class's output.
 */
public class IntegrationEvents {

    /** The extension attribute that carries the event's global position in the event store. */
    static final String SEQUENCE = "sequence";

    private static final String DATA_CONTENT_TYPE = "application/json";
    private static final JsonFormat FORMAT = new JsonFormat();

    private final ObjectMapper dataMapper;
    private final Map<Class<?>, PublicType<?>> byEventClass;
    private final SortedSet<String> types;

    /**
     * @param objectMapper the application's mapper; the data is written by a copy of it that writes dates and
     *                     instants as ISO-8601 strings and every field, {@code null} ones included, whatever the
     *                     application's settings
     */
    public IntegrationEvents(ObjectMapper objectMapper) {
        this.dataMapper = objectMapper
                .copy()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_ENUMS_USING_INDEX)
                .disable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
                .setDefaultPropertyInclusion(JsonInclude.Include.ALWAYS)
                .setPropertyNamingStrategy(PropertyNamingStrategies.LOWER_CAMEL_CASE);
        this.byEventClass = PublicTypes.ALL.stream()
                .collect(Collectors.toUnmodifiableMap(PublicType::eventClass, Function.identity()));
        this.types = Collections.unmodifiableSortedSet(
                PublicTypes.ALL.stream().map(PublicType::name).collect(Collectors.toCollection(TreeSet::new)));
        if (types.size() != PublicTypes.ALL.size()) {
            throw new IllegalStateException("two event classes share a public type name: " + PublicTypes.ALL);
        }
    }

    /** Every public type name, sorted. */
    public Set<String> types() {
        return types;
    }

    /** Whether {@code payload} is a domain event that is published as an integration event. */
    public boolean publishes(Object payload) {
        return payload != null && byEventClass.containsKey(payload.getClass());
    }

    /**
     * The integration event of a stored domain event.
     *
     * @param message  the domain event as the event store delivers it: its identifier becomes the {@code id}, its
     *                 aggregate identifier the {@code subject}
     * @param position the event's global position in the event store, published as the {@code sequence} extension
     * @throws IllegalArgumentException for a payload that is not published ({@link #publishes(Object)})
     */
    public CloudEvent toCloudEvent(DomainEventMessage<?> message, long position) {
        Object payload = message.getPayload();
        PublicType<?> type = payload == null ? null : byEventClass.get(payload.getClass());
        if (type == null) {
            throw new IllegalArgumentException("not published as an integration event: "
                    + message.getPayloadType().getName() + " (message " + message.getIdentifier() + ")");
        }
        PartnerEvent event = type.eventClass().cast(payload);
        return CloudEventBuilder.v1()
                .withId(message.getIdentifier())
                .withSource(sourceOf(event.partnerId()))
                .withType(type.name())
                .withSubject(message.getAggregateIdentifier())
                .withTime(event.occurredAt().atOffset(ZoneOffset.UTC))
                .withData(DATA_CONTENT_TYPE, JsonCloudEventData.wrap(dataMapper.valueToTree(type.dataOf(payload))))
                .withExtension(SEQUENCE, Long.toString(position))
                .build();
    }

    /** The event in structured mode ({@code application/cloudevents+json}), UTF-8. */
    public byte[] toJson(CloudEvent event) {
        return FORMAT.serialize(event);
    }

    private static URI sourceOf(String partnerId) {
        try {
            // the multi-argument constructor quotes what an id might hold that a URI path may not
            return new URI(null, null, "/sidecar/partners/" + partnerId, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("no source URI for partner " + partnerId, e);
        }
    }
}
