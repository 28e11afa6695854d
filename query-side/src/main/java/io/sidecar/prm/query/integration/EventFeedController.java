package io.sidecar.prm.query.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sidecar.prm.query.web.InvalidQueryException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The event feed: pages with a cursor, and the same events as a live stream. */
@RestController
@Tag(name = "Integrations")
class EventFeedController {

    static final int MAX_LIMIT = 1000;

    private final EventFeed feed;
    private final EventStreams streams;
    private final ObjectMapper json;

    EventFeedController(EventFeed feed, EventStreams streams, ObjectMapper json) {
        this.feed = feed;
        this.streams = streams;
        this.json = json;
    }

    @GetMapping("/api/events")
    @Operation(
            summary = "Integration events (CloudEvents 1.0) in the event store's order, a page at a time",
            description = "Pass `next` back as `after` to continue: every event comes once, in order, across restarts."
                    + " A page can hold fewer than `limit` events, even none with a `next` that moved on, when the"
                    + " store has no more yet or a type filter skipped many. The types are in docs/integration-events.md"
                    + " and at /api/events/types.")
    FeedResponse events(
            @Parameter(description = "the `next` of the previous page; absent for the first event")
                    @RequestParam(required = false)
                    String after,
            @Parameter(description = "at most this many events, 1..1000, default 100")
                    @RequestParam(defaultValue = "100")
                    int limit,
            @Parameter(description = "only these types (repeat the parameter, or separate with commas)")
                    @RequestParam(required = false)
                    List<String> type) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Set<String> types = types(type);
        checkCursor("after", after);
        EventFeed.FeedPage page = feed.read(after, limit, types);
        return new FeedResponse(page.events().stream().map(event -> tree(event)).toList(), page.next());
    }

    @GetMapping("/api/events/types")
    @Operation(summary = "Every integration event type the feed and the webhooks publish")
    Set<String> types() {
        return feed.types();
    }

    @GetMapping(value = "/api/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Integration events as Server-Sent Events, live",
            description = "Each event's `id:` is its cursor: an EventSource that reconnects sends it back as"
                    + " `Last-Event-ID` (which wins over `after`) and resumes without gap or repeat. A `:heartbeat`"
                    + " comment keeps an idle stream open through proxies.")
    SseEmitter stream(
            @RequestParam(required = false) String after,
            @RequestParam(required = false) List<String> type,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        Set<String> types = types(type);
        boolean resuming = lastEventId != null && !lastEventId.isBlank();
        String from = resuming ? lastEventId.strip() : after;
        try {
            feed.check(from);
        } catch (IllegalArgumentException malformed) {
            throw resuming
                    ? InvalidQueryException.field("Last-Event-ID", "header " + malformed.getMessage())
                    : new InvalidQueryException("after", malformed.getMessage());
        }
        return streams.open(from, types);
    }

    private JsonNode tree(EventFeed.FeedEvent event) {
        try {
            return json.readTree(feed.events().toJson(event.event()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checkCursor(String parameter, String cursor) {
        try {
            feed.check(cursor);
        } catch (IllegalArgumentException malformed) {
            throw new InvalidQueryException(parameter, malformed.getMessage());
        }
    }

    private Set<String> types(List<String> requested) {
        Set<String> types = new LinkedHashSet<>();
        if (requested == null) {
            return types;
        }
        for (String one : requested) {
            Arrays.stream(one.split(","))
                    .map(String::strip)
                    .filter(t -> !t.isEmpty())
                    .forEach(types::add);
        }
        for (String one : types) {
            if (!feed.types().contains(one)) {
                String shown = one.length() > 100 ? one.substring(0, 100) + "…" : one;
                throw new InvalidQueryException("type", "is not an event type: " + shown + " (see /api/events/types)");
            }
        }
        return types;
    }

    /**
     * A page of the feed.
     *
     * @param events CloudEvents in structured JSON
     * @param next   the cursor to pass as {@code after} next time
     */
    record FeedResponse(List<JsonNode> events, String next) {}
}
