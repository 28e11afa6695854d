package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Thousands of random and mutated requests to every command endpoint: never a 5xx, and a refused request (4xx)
 * stores no event. The endpoints are the running application's own write routes under {@code /api/}, so a new
 * command is fuzzed without touching this test; not {@code /api/webhooks} and {@code /api/users} (subscriptions and
 * users are kept apart from the event store, and fuzzed subscriptions would send deliveries to random addresses), nor
 * {@code /api/admin} (a replay rebuilds every read model and is no command).
 *
 * <p>The event store is counted before and after each refused request. Policies may store events of their own at
 * any time (a won deal can promote its partner a moment later); when the count moved, the new events are checked
 * not to carry the refused request's correlation id.
 */
class CommandFuzzIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final List<String> NOT_COMMANDS = List.of("/api/webhooks", "/api/users", "/api/admin/");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final List<String> FIELDS = List.of(
            "name",
            "type",
            "region",
            "contact",
            "email",
            "phone",
            "website",
            "language",
            "tier",
            "reason",
            "revenueTarget",
            "amount",
            "currency",
            "dealTarget",
            "occurredOn",
            "attendees",
            "summary",
            "sentiment",
            "nextSteps",
            "partnerId",
            "customer",
            "domain",
            "product",
            "expectedCloseDate",
            "fundRequestId",
            "stage",
            "closedOn",
            "days");

    private static Path dataDir;
    private static RunningStandalone app;
    private static PrmClient client;
    private static String partnerId;
    private static String dealId;
    private static List<Route> routes;
    private static final AtomicLong requests = new AtomicLong();

    @BeforeContainer
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("command-fuzz");
        app = RunningStandalone.start(dataDir);
        client = app.client();
        partnerId = client.activePartner("Fuzz Target");
        PrmClient.Response deal = client.post("/api/deals", TestBodies.deal(partnerId, "1000.00"));
        assertThat(deal.status()).as(deal.body()).isEqualTo(201);
        dealId = deal.json().get("id").asText();
        routes = commandRoutes();
        assertThat(routes)
                .as("the command routes, read from the application")
                .contains(new Route("POST", "/api/partners"), new Route("POST", "/api/deals/{id}/approve"))
                .noneMatch(route -> route.pattern().startsWith("/api/webhooks"));
    }

    @AfterContainer
    static void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        FileSystemUtils.deleteRecursively(dataDir);
    }

    /** A write route: its method and path pattern. */
    record Route(String method, String pattern) {}

    /** One request as sent; its {@code toString} is what a failure reports, shrunk. */
    record Attempt(Route route, String path, String body, Map<String, String> headers) {}

    private static List<Route> commandRoutes() {
        RequestMappingHandlerMapping mapping =
                app.bean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        Set<Route> found = new TreeSet<>(Comparator.comparing(Route::pattern).thenComparing(Route::method));
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                for (String pattern : info.getPatternValues()) {
                    if (WRITES.contains(method.name())
                            && pattern.startsWith("/api/")
                            && NOT_COMMANDS.stream().noneMatch(pattern::startsWith)) {
                        found.add(new Route(method.name(), pattern));
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    // ---- the properties ----

    @Property(tries = 800)
    void randomBodiesAreRefusedWithoutAFault(@ForAll("routes") Route route, @ForAll("randomJson") String body) {
        check(new Attempt(route, validPath(route), body, Map.of("Content-Type", "application/json")));
    }

    @Property(tries = 1200)
    void mutatedBodiesAreRefusedWithoutAFault(
            @ForAll("routes") Route route,
            @ForAll("validBodies") String valid,
            @ForAll("mutations") Mutation mutation) {
        check(new Attempt(route, validPath(route), mutation.apply(valid), Map.of("Content-Type", "application/json")));
    }

    @Property(tries = 700)
    void junkHeadersAreRefusedWithoutAFault(
            @ForAll("routes") Route route,
            @ForAll("validBodies") String body,
            @ForAll("headers") Map<String, String> headers) {
        check(new Attempt(route, validPath(route), body, headers));
    }

    @Property(tries = 700)
    void junkPathValuesAreRefusedWithoutAFault(
            @ForAll("routes") Route route, @ForAll("validBodies") String body, @ForAll("pathValues") String value) {
        Matcher variables = VARIABLE.matcher(route.pattern());
        String path = variables.find() ? variables.replaceAll(Matcher.quoteReplacement(value)) : route.pattern();
        check(new Attempt(route, path, body, Map.of("Content-Type", "application/json")));
    }

    // ---- sending and checking ----

    private static void check(Attempt attempt) {
        String correlationId = "fuzz-%08d".formatted(requests.incrementAndGet());
        JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
        long before = app.storedEvents();
        Long lastIndex = jdbc.queryForObject("SELECT COALESCE(MAX(globalIndex), -1) FROM DomainEventEntry", Long.class);
        Map<String, String> headers = new LinkedHashMap<>(attempt.headers());
        headers.put("X-Correlation-Id", correlationId);

        PrmClient.Response response;
        try {
            response = client.send(attempt.route().method(), attempt.path(), attempt.body(), headers);
        } catch (IllegalArgumentException unsendable) {
            // a URI or header the JDK client refuses to send: no request, nothing to check
            Assume.that(false);
            return;
        }

        assertThat(response.status())
                .as("%s answered %s", attempt, response.body())
                .isLessThan(500);
        if (response.status() >= 400 && app.storedEvents() != before) {
            List<String> stored = jdbc.query(
                    "SELECT metaData FROM DomainEventEntry WHERE globalIndex > ?",
                    (row, number) -> new String(row.getBytes(1), StandardCharsets.UTF_8),
                    lastIndex);
            assertThat(stored)
                    .as("%s was refused with %d but stored events", attempt, response.status())
                    .noneMatch(metaData -> metaData.contains(correlationId));
        }
    }

    private static String validPath(Route route) {
        Matcher variables = VARIABLE.matcher(route.pattern());
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            variables.appendReplacement(path, Matcher.quoteReplacement(validValue(route, variables.group(1))));
        }
        variables.appendTail(path);
        return path.toString();
    }

    private static String validValue(Route route, String variable) {
        return switch (variable) {
            case "id" -> route.pattern().startsWith("/api/deals") ? dealId : partnerId;
            case "step" -> PrmClient.ONBOARDING_STEPS.get(0);
            case "period" -> LocalDate.now(ZoneOffset.UTC).getYear() + "-Q3";
            default -> partnerId;
        };
    }

    // ---- what is generated ----

    @Provide
    Arbitrary<Route> routes() {
        return Arbitraries.of(routes);
    }

    @Provide
    Arbitrary<String> validBodies() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return Arbitraries.of(
                TestBodies.partner("Fuzz Partner"),
                TestBodies.partnerSpeaking("Fuzz Speaker", "pt-BR"),
                TestBodies.rename("Fuzz Renamed"),
                TestBodies.profile("FR", "grace@acme.example"),
                TestBodies.tier("GOLD", "Fuzzed"),
                TestBodies.reason("Fuzzed"),
                TestBodies.goal("50000.00", 3),
                TestBodies.checkIn(today, "Fuzzed"),
                TestBodies.deal(partnerId, "fuzz.example", "2000.00"),
                TestBodies.win("1000.00", "USD", today),
                TestBodies.stage("QUALIFIED"),
                TestBodies.extension(30),
                "{}",
                "");
    }

    @Provide
    Arbitrary<String> randomJson() {
        Arbitrary<String> key =
                Arbitraries.oneOf(Arbitraries.of(FIELDS), Arbitraries.strings().ofMaxLength(12));
        Arbitrary<String> object = Combinators.combine(
                        key.list().ofMaxSize(8), junkValues().list().ofMaxSize(8))
                .as((keys, values) -> {
                    StringBuilder json = new StringBuilder("{");
                    for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
                        json.append(i == 0 ? "" : ",")
                                .append(quote(keys.get(i)))
                                .append(':')
                                .append(values.get(i));
                    }
                    return json.append('}').toString();
                });
        return Arbitraries.frequencyOf(
                weighted(6, object),
                weighted(2, junkValues()),
                weighted(1, Arbitraries.strings().ofMaxLength(300)));
    }

    private static Tuple.Tuple2<Integer, Arbitrary<? extends String>> weighted(
            int frequency, Arbitrary<String> arbitrary) {
        return Tuple.of(frequency, arbitrary);
    }

    /** JSON values of every type, and of the right type with the wrong content. */
    static Arbitrary<String> junkValues() {
        Arbitrary<String> fixed = Arbitraries.of(
                "null",
                "true",
                "false",
                "0",
                "-1",
                "-0",
                "1.5",
                "1e400",
                "-1e400",
                "1e-400",
                "99999999999999999999999999999",
                "9223372036854775808",
                "2147483648",
                "[]",
                "{}",
                "[null]",
                "{\"amount\": {}}",
                "{\"amount\": \"1e1000000000\", \"currency\": \"USD\"}",
                "{\"amount\": \"-1E-1000000000\", \"currency\": \"USD\"}",
                "{\"amount\": 1e308, \"currency\": \"USD\"}",
                "\"\"",
                "\" \"",
                "\"2026-02-30\"",
                "\"2026-13-01\"",
                "\"+999999999-12-31\"",
                "\"-999999999-01-01\"",
                "\"yesterday\"",
                "\"1e1000000000\"",
                "\"NaN\"",
                "\"Infinity\"",
                "\"\\u0000\"",
                "\"\\ud800\"",
                "\"GOLD\"",
                "\"gold\"",
                "\"PLATINUM \"",
                "\"QUALIFIED\"",
                "\"POSITIVE\"",
                "\"RESELLER\"",
                "\"DE\"",
                "\"USD\"",
                "[\"a\", 1, null, {}]",
                "\"\u202e\u0301\uFEFF\"",
                "\"😀\"",
                "\"x\\\"y\"");
        Arbitrary<String> texts = Arbitraries.strings().ofMaxLength(60).map(CommandFuzzIT::quote);
        Arbitrary<String> huge =
                Arbitraries.integers().between(1_000, 1_100_000).map(n -> quote("x".repeat(n)));
        Arbitrary<String> numbers = Arbitraries.oneOf(
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf).filter(n -> !n.contains("N") && !n.contains("I")),
                Arbitraries.bigDecimals().map(n -> quote(n.toString())));
        Arbitrary<String> nested = Arbitraries.integers().between(1, 3_000).map(d -> "[".repeat(d) + "]".repeat(d));
        return Arbitraries.frequencyOf(
                weighted(8, fixed), weighted(4, texts), weighted(3, numbers), weighted(1, huge), weighted(1, nested));
    }

    /** One change to a valid body: the kind, where (an index taken modulo what is there), and what goes in. */
    record Mutation(Kind kind, int where, String junk) {

        enum Kind {
            DROP_FIELD,
            REPLACE_VALUE,
            REPLACE_NESTED_VALUE,
            ADD_FIELD,
            DUPLICATE_KEY,
            TRUNCATE,
            CHANGE_CHARACTER,
            WRAP_IN_ARRAY
        }

        String apply(String valid) {
            switch (kind) {
                case TRUNCATE:
                    return valid.substring(0, Math.floorMod(where, valid.length() + 1));
                case CHANGE_CHARACTER:
                    if (valid.isEmpty()) {
                        return junk;
                    }
                    int at = Math.floorMod(where, valid.length());
                    return valid.substring(0, at)
                            + (junk.isEmpty() ? "" : junk.substring(0, 1))
                            + valid.substring(at + 1);
                case WRAP_IN_ARRAY:
                    return "[" + valid + "]";
                case DUPLICATE_KEY:
                    ObjectNode duplicated = object(valid);
                    if (duplicated == null || duplicated.isEmpty()) {
                        return valid + junk;
                    }
                    String first = pick(duplicated.fieldNames());
                    return "{" + quote(first) + ": " + junk + ","
                            + valid.strip().substring(1);
                default:
                    return mutateTree(valid);
            }
        }

        private String mutateTree(String valid) {
            ObjectNode body = object(valid);
            if (body == null) {
                return junk;
            }
            ObjectNode target = body;
            if (kind == Kind.REPLACE_NESTED_VALUE) {
                for (Iterator<JsonNode> values = body.elements(); values.hasNext(); ) {
                    JsonNode value = values.next();
                    if (value instanceof ObjectNode nested) {
                        target = nested;
                    }
                }
            }
            String field =
                    target.isEmpty() ? FIELDS.get(Math.floorMod(where, FIELDS.size())) : pick(target.fieldNames());
            switch (kind) {
                case DROP_FIELD -> target.remove(field);
                case ADD_FIELD ->
                    target.putRawValue(FIELDS.get(Math.floorMod(where, FIELDS.size())) + "_" + where, rawValue());
                default -> target.putRawValue(field, rawValue());
            }
            return body.toString();
        }

        private com.fasterxml.jackson.databind.util.RawValue rawValue() {
            return new com.fasterxml.jackson.databind.util.RawValue(junk);
        }

        private String pick(Iterator<String> names) {
            List<String> all = new ArrayList<>();
            names.forEachRemaining(all::add);
            return all.get(Math.floorMod(where, all.size()));
        }

        private static ObjectNode object(String json) {
            try {
                return JSON.readTree(json) instanceof ObjectNode object ? object : null;
            } catch (JsonProcessingException notJson) {
                return null;
            }
        }
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(
                        Arbitraries.of(Mutation.Kind.class),
                        Arbitraries.integers().between(0, 10_000),
                        junkValues())
                .as(Mutation::new);
    }

    @Provide
    Arbitrary<Map<String, String>> headers() {
        Arbitrary<String> printable = Arbitraries.strings()
                .withCharRange(' ', '~')
                .withCharRange('\u00a0', '\u00ff')
                .ofMaxLength(80)
                .map(String::strip);
        Arbitrary<String> contentTypes = Arbitraries.oneOf(
                Arbitraries.of(
                        "application/json",
                        "application/json; charset=utf-8",
                        "application/json; charset=ISO-8859-1",
                        "application/json; charset=UTF-16",
                        "application/json; charset=nonsense",
                        "application/json;;",
                        "application/json; q=x",
                        "text/plain",
                        "application/xml",
                        "application/x-www-form-urlencoded",
                        "multipart/form-data",
                        "multipart/form-data; boundary=x",
                        "*/*",
                        "application/*",
                        "application/",
                        ";;;",
                        "application/problem+json",
                        "application/merge-patch+json",
                        "application/json, text/plain"),
                printable);
        Arbitrary<String> keys = Arbitraries.oneOf(
                Arbitraries.of("8e03978e-40d5-43e8-bc93-6894a57f9324", "k".repeat(255), "k".repeat(256), "\t", "a b"),
                printable,
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(200).ofMaxLength(400));
        Arbitrary<String> accepts = Arbitraries.oneOf(
                Arbitraries.of(
                        "application/json",
                        "application/problem+json",
                        "text/html",
                        "application/xml",
                        "*/*",
                        "*/*;q=abc",
                        "text/event-stream",
                        "image/png",
                        ""),
                printable);
        return Combinators.combine(contentTypes.injectNull(0.15), keys.injectNull(0.5), accepts.injectNull(0.4))
                .as((contentType, key, accept) -> {
                    Map<String, String> headers = new LinkedHashMap<>();
                    if (contentType != null) {
                        headers.put("Content-Type", contentType);
                    }
                    if (key != null) {
                        headers.put("Idempotency-Key", key);
                    }
                    if (accept != null) {
                        headers.put("Accept", accept);
                    }
                    return headers;
                });
    }

    @Provide
    Arbitrary<String> pathValues() {
        Arbitrary<String> fixed = Arbitraries.of(
                "..",
                ".",
                "%2e%2e",
                "%2F",
                "a%2Fb",
                "..%2F..%2Fapi%2Fusers",
                "%00",
                "%25",
                "%20",
                "+",
                "a;b=c",
                ";jsessionid=x",
                "%C3%A9",
                "%E2%80%AE",
                "%F0%9F%98%80",
                "%FF%FE",
                "null",
                "undefined",
                "0",
                "-1",
                "AGREEMENT_SIGNED",
                "agreement_signed",
                "2026-Q5",
                "2026-Q0",
                "99999-Q1",
                "-2026-Q1",
                "{id}",
                "*");
        Arbitrary<String> unicode =
                Arbitraries.strings().ofMinLength(1).ofMaxLength(40).map(CommandFuzzIT::encode);
        Arbitrary<String> identifiers = Arbitraries.strings()
                .withCharRange('a', 'z')
                .numeric()
                .withChars('-', '_', '.', '~')
                .ofMinLength(1)
                .ofMaxLength(80);
        Arbitrary<String> long_ = Arbitraries.integers().between(200, 9_000).map(n -> "i".repeat(n));
        Arbitrary<String> known =
                Arbitraries.of(Stream.of(partnerId, dealId).toList()).map(id -> id + "/..");
        return Arbitraries.frequencyOf(
                weighted(4, fixed),
                weighted(3, unicode),
                weighted(3, identifiers),
                weighted(1, long_),
                weighted(1, known));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
