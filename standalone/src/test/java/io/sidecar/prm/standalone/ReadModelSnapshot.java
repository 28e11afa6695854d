package io.sidecar.prm.standalone;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every document of some read-model collections as raw BSON documents, read through the driver (no mapping to the
 * view types, which could hide a field), so that two states of the read models can be compared field by field.
 *
 * @param collections the documents by collection name, then by {@code _id}
 */
record ReadModelSnapshot(Map<String, Map<String, Document>> collections) {

    /** How many differences {@link #differencesFrom} lists at most, so that a failure stays readable. */
    private static final int LISTED = 20;

    static ReadModelSnapshot of(MongoTemplate mongo, Collection<String> names) {
        Map<String, Map<String, Document>> collections = new TreeMap<>();
        for (String name : names) {
            Map<String, Document> documents = new TreeMap<>();
            for (Document document : mongo.getCollection(name).find()) {
                documents.put(document.get("_id").toString(), document);
            }
            collections.put(name, documents);
        }
        return new ReadModelSnapshot(collections);
    }

    int size(String collection) {
        return collections.get(collection).size();
    }

    /**
     * What differs in this snapshot from an earlier one, one line per difference: the collection, the document's
     * id and the path of the field, with both values; the first {@value #LISTED} and how many there are in all.
     * Field order within a document does not count, the order of array elements does.
     */
    List<String> differencesFrom(ReadModelSnapshot before) {
        List<String> differences = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(before.collections.keySet());
        names.addAll(collections.keySet());
        for (String name : names) {
            Map<String, Document> was = before.collections.getOrDefault(name, Map.of());
            Map<String, Document> is = collections.getOrDefault(name, Map.of());
            TreeSet<String> ids = new TreeSet<>(was.keySet());
            ids.addAll(is.keySet());
            for (String id : ids) {
                compare(name + "/" + id, was.get(id), is.get(id), differences);
            }
        }
        if (differences.size() > LISTED) {
            int all = differences.size();
            differences = new ArrayList<>(differences.subList(0, LISTED));
            differences.add("... " + (all - LISTED) + " more");
        }
        return differences;
    }

    private static void compare(String path, Object was, Object is, List<String> differences) {
        if (was instanceof Map<?, ?> wasMap && is instanceof Map<?, ?> isMap) {
            TreeSet<String> keys = new TreeSet<>();
            wasMap.keySet().forEach(key -> keys.add(key.toString()));
            isMap.keySet().forEach(key -> keys.add(key.toString()));
            for (String key : keys) {
                if (wasMap.containsKey(key) != isMap.containsKey(key)) {
                    differences.add(path + "." + key + ": " + (wasMap.containsKey(key) ? "was " : "is ")
                            + describe(wasMap.containsKey(key) ? wasMap.get(key) : isMap.get(key))
                            + (wasMap.containsKey(key) ? ", now absent" : ", was absent"));
                } else {
                    compare(path + "." + key, wasMap.get(key), isMap.get(key), differences);
                }
            }
        } else if (was instanceof List<?> wasList && is instanceof List<?> isList) {
            if (wasList.size() != isList.size()) {
                differences.add(path + ": " + wasList.size() + " elements before, " + isList.size() + " after: "
                        + describe(wasList) + " / " + describe(isList));
                return;
            }
            for (int i = 0; i < wasList.size(); i++) {
                compare(path + "[" + i + "]", wasList.get(i), isList.get(i), differences);
            }
        } else if (was == null || is == null) {
            if (was != is) {
                differences.add(path + ": "
                        + (was == null ? "absent before, now " + describe(is) : describe(was) + " before, now absent"));
            }
        } else if (!Objects.equals(was, is)) {
            differences.add(path + ": " + describe(was) + " before, " + describe(is) + " after");
        }
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value instanceof Document document ? document.toJson() : String.valueOf(value);
        if (text.length() > 300) {
            text = text.substring(0, 300) + "…";
        }
        return text + " (" + value.getClass().getSimpleName() + ")";
    }
}
