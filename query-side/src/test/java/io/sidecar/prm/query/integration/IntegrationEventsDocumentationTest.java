package io.sidecar.prm.query.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sidecar.prm.query.integration.IntegrationEventsTestData.Example;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Keeps docs/integration-events.md true: each type has its section, its example is exactly what the product writes
 * for the same stored event, and its field table lists exactly the fields of its data.
 */
class IntegrationEventsDocumentationTest {

    private static final String DOC = "docs/integration-events.md";
    private static final Pattern HEADING = Pattern.compile("(?m)^### `([^`]+)`\\s*$");
    private static final Pattern EXAMPLE = Pattern.compile("(?s)```json\\n(.*?)\\n```");
    private static final Pattern TABLE_FIELD = Pattern.compile("(?m)^\\| `([A-Za-z]+)` \\|");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, String> sections;

    private final IntegrationEvents events =
            new IntegrationEvents(Jackson2ObjectMapperBuilder.json().build());

    @BeforeAll
    static void readTheDoc() throws IOException {
        sections = sectionsByType(Files.readString(locate(DOC)));
    }

    @Test
    void everyTypeHasOneSectionAndNoOtherTypeHasOne() {
        assertThat(sections.keySet()).containsExactlyInAnyOrderElementsOf(events.types());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theExampleIsWhatTheProductWrites(String type, Example example) throws IOException {
        JsonNode written = JSON.readTree(events.toJson(events.toCloudEvent(example.message(), example.position())));

        assertThat(written)
                .as("what the product writes, against the example in " + DOC)
                .isEqualTo(documentedExample(type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theFieldTableListsTheFieldsOfTheData(String type, Example example) throws IOException {
        JsonNode written = JSON.readTree(events.toJson(events.toCloudEvent(example.message(), example.position())));
        Set<String> fields = new LinkedHashSet<>();
        written.get("data").fieldNames().forEachRemaining(fields::add);
        Set<String> tabled = new LinkedHashSet<>();
        Matcher row = TABLE_FIELD.matcher(sections.get(type));
        while (row.find()) {
            tabled.add(row.group(1));
        }

        assertThat(tabled).containsExactlyElementsOf(fields);
    }

    static Stream<Object[]> examples() {
        return IntegrationEventsTestData.EXAMPLES.stream().map(example -> new Object[] {example.type(), example});
    }

    private static JsonNode documentedExample(String type) throws IOException {
        String section = sections.get(type);
        assertThat(section).as("the section of " + type + " in " + DOC).isNotNull();
        Matcher example = EXAMPLE.matcher(section);
        assertThat(example.find()).as("a ```json example under " + type).isTrue();
        return JSON.readTree(example.group(1));
    }

    /** Each type's section: from its {@code ### `type`} heading to the next heading. */
    private static Map<String, String> sectionsByType(String markdown) {
        Map<String, String> sections = new LinkedHashMap<>();
        Matcher heading = HEADING.matcher(markdown);
        boolean found = heading.find();
        while (found) {
            String type = heading.group(1);
            int start = heading.end();
            found = heading.find();
            String body = markdown.substring(start, found ? heading.start() : markdown.length());
            int otherHeading = body.indexOf("\n#");
            String previous = sections.put(type, otherHeading < 0 ? body : body.substring(0, otherHeading));
            assertThat(previous).as("one section of " + type).isNull();
        }
        return sections;
    }

    /** The file at {@code relative} in the project's root, found from the working directory upwards. */
    private static Path locate(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException(
                relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
