package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Integration events held against the event store they come from (read with SQL, {@link StoredEvents}): each
 * stored event once, each aggregate's events in their sequence, and each CloudEvent naming what the store holds.
 */
final class IntegrationEventChecks {

    private IntegrationEventChecks() {}

    static Map<String, StoredEvents.Position> byId(List<StoredEvents.Position> stored) {
        return stored.stream().collect(Collectors.toMap(StoredEvents.Position::eventId, Function.identity()));
    }

    /** No id twice. */
    static void assertNoDuplicates(List<String> ids) {
        Set<String> seen = new HashSet<>();
        Set<String> twice = new LinkedHashSet<>();
        ids.forEach(id -> {
            if (!seen.add(id)) {
                twice.add(id);
            }
        });
        assertThat(twice).as("ids seen more than once").isEmpty();
    }

    /** The ids are exactly the stored events, each once, each aggregate's from its first and without a gap. */
    static void assertEveryStoredEventOnceInStreamOrder(List<String> ids, List<StoredEvents.Position> stored) {
        assertNoDuplicates(ids);
        Set<String> expected = new HashSet<>();
        stored.forEach(position -> expected.add(position.eventId()));
        Set<String> missing = new TreeSet<>(expected);
        ids.forEach(missing::remove);
        Set<String> unknown = new TreeSet<>(ids);
        unknown.removeAll(expected);
        assertThat(missing).as("stored events not read").isEmpty();
        assertThat(unknown).as("events read that the store does not hold").isEmpty();
        assertStreamOrder(ids, byId(stored), true);
    }

    /**
     * Each aggregate's events in ascending sequence; {@code contiguous}: also from its first event and without a
     * gap (for a reader of everything from the beginning).
     */
    static void assertStreamOrder(List<String> ids, Map<String, StoredEvents.Position> stored, boolean contiguous) {
        Map<String, Long> last = new HashMap<>();
        for (String id : ids) {
            StoredEvents.Position position = stored.get(id);
            assertThat(position).as("stored event " + id).isNotNull();
            Long previous = last.put(position.aggregateId(), position.sequence());
            if (contiguous) {
                assertThat(position.sequence())
                        .as("sequence of %s in %s", id, position.aggregateId())
                        .isEqualTo(previous == null ? 0 : previous + 1);
            } else if (previous != null) {
                assertThat(position.sequence())
                        .as("sequence of %s in %s", id, position.aggregateId())
                        .isGreaterThan(previous);
            }
        }
    }

    /**
     * Each event is a well-formed CloudEvent whose subject is its stored aggregate and whose sequence is its global
     * position, and the store's event classes map one to one onto CloudEvent types.
     */
    static void assertMatchesStore(
            Collection<JsonNode> events, Map<String, StoredEvents.Position> stored, Collection<String> types) {
        Map<String, Set<String>> typesByClass = new TreeMap<>();
        for (JsonNode event : events) {
            EventFeed.assertCloudEvent(event, types);
            String id = event.get("id").asText();
            StoredEvents.Position position = stored.get(id);
            assertThat(position).as("stored event " + id).isNotNull();
            assertThat(event.get("subject").asText()).as("subject of " + id).isEqualTo(position.aggregateId());
            assertThat(event.get("sequence").asText())
                    .as("sequence of " + id)
                    .isEqualTo(String.valueOf(position.globalIndex()));
            typesByClass
                    .computeIfAbsent(position.type(), any -> new TreeSet<>())
                    .add(event.get("type").asText());
        }
        typesByClass.forEach((type, names) ->
                assertThat(names).as("CloudEvent types of " + type).hasSize(1));
        List<String> names =
                typesByClass.values().stream().map(set -> set.iterator().next()).toList();
        assertThat(names).as("one CloudEvent type per event class").doesNotHaveDuplicates();
        if (typesByClass.containsKey("PartnerOnboarded")) {
            assertThat(typesByClass.get("PartnerOnboarded")).containsExactly(Webhooks.PARTNER_ONBOARDED);
        }
        if (typesByClass.containsKey("DealRecorded")) {
            assertThat(typesByClass.get("DealRecorded")).containsExactly(Webhooks.DEAL_RECORDED);
        }
    }
}
