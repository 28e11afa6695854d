package io.sidecar.prm.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Where two JSON documents differ, as JSON pointers with both values: a readable failure for whole documents. */
final class JsonDifferences {

    private JsonDifferences() {}

    /** Every place where {@code actual} differs from {@code expected}, {@code "/path: expected ≠ actual"}. */
    static List<String> between(JsonNode expected, JsonNode actual) {
        List<String> found = new ArrayList<>();
        collect("", expected, actual, found);
        return found;
    }

    private static void collect(String at, JsonNode expected, JsonNode actual, List<String> found) {
        if (expected != null && actual != null && expected.isObject() && actual.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> collect(at + "/" + name, expected.get(name), actual.get(name), found));
        } else if (expected != null && actual != null && expected.isArray() && actual.isArray()) {
            for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
                collect(at + "/" + i, expected.get(i), actual.get(i), found);
            }
        } else if (expected == null ? actual != null : !expected.equals(actual)) {
            found.add(at + ": " + expected + " ≠ " + actual);
        }
    }
}
