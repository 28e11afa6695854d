package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The integration event feed ({@code GET /api/events}) read the way a consumer reads it: page after page, passing
 * each page's {@code next} back as {@code after}.
 */
final class EventFeed {

    /** More pages than any test reads; a feed that never ends fails instead of running forever. */
    private static final int MAX_PAGES = 10_000;

    private EventFeed() {}

    /** What was read: the events in the feed's order and the cursor to continue from. */
    record Read(List<JsonNode> events, String next) {

        List<String> ids() {
            return EventFeed.ids(events);
        }
    }

    /** One page; {@code after} null for the first event, {@code types} none for every type. */
    static Read page(PrmClient client, String after, int limit, String... types) {
        PrmClient.Response page = client.get(path(after, limit, types));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        page.json().get("events").forEach(events::add);
        JsonNode next = page.json().get("next");
        return new Read(events, next == null || next.isNull() ? null : next.asText());
    }

    /** Every event after the cursor, to the end of the feed. */
    static Read readAll(PrmClient client, String after, int limit, String... types) {
        return read(client, after, limit, MAX_PAGES, types);
    }

    /** At most {@code pages} pages after the cursor, fewer when the feed ends before. */
    static Read read(PrmClient client, String after, int limit, int pages, String... types) {
        List<JsonNode> events = new ArrayList<>();
        String cursor = after;
        for (int read = 0; read < pages; read++) {
            Read page = page(client, cursor, limit, types);
            assertThat(page.events().size()).isLessThanOrEqualTo(limit);
            events.addAll(page.events());
            boolean moved = !Objects.equals(page.next(), cursor);
            cursor = page.next();
            // an empty page whose cursor moved on is a filtered page, not the end
            if (page.events().isEmpty() && !moved) {
                return new Read(events, cursor);
            }
            if (read == MAX_PAGES - 1) {
                throw new AssertionError("the feed did not end after " + MAX_PAGES + " pages");
            }
        }
        return new Read(events, cursor);
    }

    /** The cursor after the last event the feed holds now. */
    static String end(PrmClient client) {
        return readAll(client, null, 1000).next();
    }

    /** The event types the feed knows ({@code GET /api/events/types}). */
    static List<String> types(PrmClient client) {
        PrmClient.Response types = client.get("/api/events/types");
        assertThat(types.status()).as(types.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        types.json().forEach(type -> names.add(type.asText()));
        return names;
    }

    static String path(String after, int limit, String... types) {
        StringBuilder path = new StringBuilder("/api/events?limit=").append(limit);
        if (after != null) {
            path.append("&after=").append(encode(after));
        }
        for (String type : types) {
            path.append("&type=").append(encode(type));
        }
        return path.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A field's text; null when the field is absent or JSON null (where {@code asText()} would say "null"). */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static List<String> ids(Collection<JsonNode> events) {
        return events.stream().map(event -> event.get("id").asText()).toList();
    }

    /** Asserts that an integration event is a structured CloudEvent 1.0 as the contract describes it. */
    static void assertCloudEvent(JsonNode event, Collection<String> knownTypes) {
        Supplier<String> what = event::toString;
        assertThat(event.path("specversion").asText()).as(what).isEqualTo("1.0");
        assertThat(text(event, "id")).as(what).isNotBlank();
        assertThat(event.path("type").asText()).as(what).isIn(knownTypes);
        assertThat(text(event, "subject")).as(what).isNotBlank();
        assertThat(event.path("datacontenttype").asText()).as(what).isEqualTo("application/json");
        assertThat(event.path("sequence").isTextual()).as(what).isTrue();
        assertThat(event.path("sequence").asText()).as(what).matches("\\d+");
        assertThat(Instant.parse(event.path("time").asText())).as(what).isNotNull();
        assertThat(event.path("data").isObject()).as(what).isTrue();
        String partnerId = event.path("data").path("partnerId").asText();
        assertThat(partnerId).as(what).isNotBlank();
        assertThat(event.path("source").asText()).as(what).isEqualTo("/sidecar/partners/" + partnerId);
    }
}
