package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The comparison {@link ReplayEquivalenceIT} relies on: it finds every kind of difference and names its path. */
class ReadModelSnapshotTest {

    @Test
    void equalDocumentsInAnotherFieldOrderHaveNoDifference() {
        ReadModelSnapshot before = snapshot(partner().append("tier", "GOLD"));
        Document reordered = new Document("tier", "GOLD");
        partner().forEach(reordered::append);

        assertThat(snapshot(reordered).differencesFrom(before)).isEmpty();
    }

    @Test
    void aChangedNestedValueIsNamedByItsPath() {
        Document changed = partner();
        changed.get("pipeline", Document.class).put("amount", "100.01");

        assertThat(snapshot(changed).differencesFrom(snapshot(partner())))
                .containsExactly("partners/p-1.pipeline.amount: 100.00 (String) before, 100.01 (String) after");
    }

    @Test
    void aValueOfAnotherTypeIsADifference() {
        Document changed = partner().append("version", 3);

        assertThat(snapshot(changed).differencesFrom(snapshot(partner().append("version", 3L))))
                .containsExactly("partners/p-1.version: 3 (Long) before, 3 (Integer) after");
    }

    @Test
    void listElementsAreComparedInOrder() {
        Document swapped = partner().append("checkIns", List.of("c-2", "c-1"));

        assertThat(snapshot(swapped).differencesFrom(snapshot(partner().append("checkIns", List.of("c-1", "c-2")))))
                .containsExactly(
                        "partners/p-1.checkIns[0]: c-1 (String) before, c-2 (String) after",
                        "partners/p-1.checkIns[1]: c-2 (String) before, c-1 (String) after");
    }

    @Test
    void missingAndAddedFieldsAndDocumentsAreDifferences() {
        Document withoutName = partner();
        withoutName.remove("name");
        Document withReason = partner().append("statusReason", null);
        ReadModelSnapshot before =
                new ReadModelSnapshot(Map.of("partners", Map.of("p-1", partner(), "p-2", partner())));

        ReadModelSnapshot after =
                new ReadModelSnapshot(Map.of("partners", Map.of("p-1", withoutName, "p-3", withReason)));

        assertThat(after.differencesFrom(before))
                .hasSize(3)
                .anySatisfy(line -> assertThat(line).startsWith("partners/p-1.name: was Acme (String), now absent"))
                .anySatisfy(
                        line -> assertThat(line).startsWith("partners/p-2: {").endsWith("before, now absent"))
                .anySatisfy(line -> assertThat(line).startsWith("partners/p-3: absent before, now {"));
    }

    private static Document partner() {
        return new Document("_id", "p-1")
                .append("name", "Acme")
                .append("pipeline", new Document("amount", "100.00").append("currency", "USD"))
                .append("onboardedAt", new Date(1_767_600_000_000L));
    }

    private static ReadModelSnapshot snapshot(Document partner) {
        return new ReadModelSnapshot(Map.of("partners", Map.of("p-1", partner)));
    }
}
