package io.sidecar.prm.standalone;

import static io.sidecar.prm.security.Role.ADMIN;
import static io.sidecar.prm.security.Role.AUDITOR;
import static io.sidecar.prm.security.Role.MANAGER;
import static io.sidecar.prm.security.Role.PARTNER;
import static io.sidecar.prm.security.Role.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sidecar.prm.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the application maps, called anonymously and by each role, against this test's own table of who may
 * call what (written from API.md, "Security", not read from the application): anonymous 401, a role not allowed 403,
 * an allowed role the route's success, and a partner user on another partner's ids 404. A route the application maps
 * that the table has no decision for fails the test, and so does a decision for a route that does not exist.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    private static final String PASSWORD = "matrix-password-1";
    private static final String STREAM = " (text/event-stream)";
    private static final Set<Role> READERS = EnumSet.of(ADMIN, MANAGER, AUDITOR, VIEWER, PARTNER);
    private static final Set<Role> COMMANDERS = EnumSet.of(ADMIN, MANAGER);
    private static final Set<Role> AUDIT = EnumSet.of(ADMIN, AUDITOR);
    private static final Set<Role> FEED = EnumSet.of(ADMIN, MANAGER, AUDITOR);

    /**
     * Routes an allowed role cannot practically be given a 2xx for here: asserted "neither 401 nor 403, and no 5xx".
     */
    private static final Map<String, String> NOT_2XX = Map.of(
            "POST /api/webhooks/{id}/deliveries/{deliveryId}/retry",
            "needs a delivery parked as failed, which takes the whole retry schedule; answers 404 for an unknown one");

    @TempDir
    static Path dataDir;

    private RunningStandalone app;
    private PrmClient admin;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger unique = new AtomicInteger();

    private Ids partnerA;
    private Ids partnerB;
    private String webhookId;

    /** A partner and one of its deals: the path values of a call. */
    private record Ids(String partner, String deal) {}

    /** One HTTP call: {@code stream} calls are answered with Server-Sent Events and only their status is read. */
    private record Call(String method, String path, String body, boolean stream) {

        static Call get(String path) {
            return new Call("GET", path, null, false);
        }

        static Call post(String path, String body) {
            return new Call("POST", path, body, false);
        }
    }

    /**
     * The decision for one route.
     *
     * @param roles   who may call it
     * @param success what an allowed call answers
     * @param scoped  whether a partner user calling it about another partner gets 404
     * @param call    the call about a partner (and its deal), for refused callers and the scope check
     * @param fresh   a call an allowed role makes, with fresh fixtures where the call changes them
     */
    private record Route(
            Set<Role> roles, int success, boolean scoped, Function<Ids, Call> call, Supplier<Call> fresh) {}

    @BeforeAll
    void start() {
        app = RunningStandalone.start(dataDir);
        admin = app.client();
        String a = admin.activePartner("Matrix A");
        String b = admin.activePartner("Matrix B");
        partnerA = new Ids(a, recordDeal(a));
        partnerB = new Ids(b, recordDeal(b));
        for (Role role : Role.values()) {
            String partnerId = role == PARTNER ? ", \"partnerId\": \"" + a + "\"" : "";
            PrmClient.Response created =
                    admin.post("/api/users", """
                    {"username": "%s", "password": "%s", "roles": ["%s"]%s}""".formatted(username(role), PASSWORD, role, partnerId));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        webhookId = newWebhook();
        admin.awaitCaughtUp(Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void everyMappedRouteHasADecisionAndEveryDecisionARoute() {
        Set<String> mapped = mappedApiRoutes();
        Set<String> decided = routes().keySet();

        assertThat(new TreeSet<>(minus(mapped, decided)))
                .as("routes the application maps without a decision in this table: decide who may call them")
                .isEmpty();
        assertThat(new TreeSet<>(minus(decided, mapped)))
                .as("decisions for routes the application does not map")
                .isEmpty();
    }

    @Test
    void everyRouteAnswersEachCallerAsDecided() {
        Map<String, Route> routes = routes();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Route> entry : routes.entrySet()) {
            String key = entry.getKey();
            Route route = entry.getValue();
            check(failures, key, "anonymous", send(null, route.call().apply(partnerA)), 401);
            for (Role role : Role.values()) {
                if (!route.roles().contains(role)) {
                    check(failures, key, role.name(), send(role, route.call().apply(partnerA)), 403);
                    continue;
                }
                Answer answer = send(role, route.fresh().get());
                if (NOT_2XX.containsKey(key)) {
                    if (answer.status() == 401 || answer.status() == 403 || answer.status() >= 500) {
                        failures.add(key + " as " + role + ": " + answer);
                    }
                } else {
                    check(failures, key, role.name(), answer, route.success());
                }
                if (role == PARTNER && route.scoped()) {
                    check(
                            failures,
                            key,
                            "PARTNER of A about B",
                            send(role, route.call().apply(partnerB)),
                            404);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void pagesOutsideTheApiAnswerAsDecided() {
        List<String> failures = new ArrayList<>();
        // health is open; the login page is open; the rest needs a signed-in user, and metrics an administrator
        for (String open : List.of("/actuator/health", "/login")) {
            check(failures, open, "anonymous", send(null, Call.get(open)), 200);
            for (Role role : Role.values()) {
                check(failures, open, role.name(), send(role, Call.get(open)), 200);
            }
        }
        for (String page : List.of("/", "/v3/api-docs", "/actuator/prometheus")) {
            Answer anonymous = send(null, Call.get(page));
            if (anonymous.status() != 302 || !anonymous.location().endsWith("/login")) {
                failures.add(page + " anonymously: expected a redirect to the login page, got " + anonymous);
            }
            for (Role role : Role.values()) {
                boolean allowed = !page.startsWith("/actuator") || role == ADMIN;
                Answer answer = send(role, Call.get(page));
                if (allowed ? answer.status() != 200 : answer.status() != 403) {
                    failures.add(page + " as " + role + ": expected " + (allowed ? 200 : 403) + ", got " + answer);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theOpenApiDocumentSaysEveryApiOperationNeedsCredentials() {
        JsonNode api = admin.get("/v3/api-docs").json();

        assertThat(api.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
        List<String> open = new ArrayList<>();
        api.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                    JsonNode security = operation.getValue().get("security");
                    if (path.getKey().startsWith("/api/") && (security == null || security.isEmpty())) {
                        open.add(operation.getKey() + " " + path.getKey());
                    }
                }));
        assertThat(open)
                .as("operations the document shows without a security requirement")
                .isEmpty();
    }

    /** The decisions, written from API.md; calls that change state come last, the processor replay very last. */
    private Map<String, Route> routes() {
        Map<String, Route> routes = new LinkedHashMap<>();
        // reads: every role, a partner user only its own partner's
        read(routes, "GET /api/partners", READERS, false, ids -> Call.get("/api/partners"));
        read(routes, "GET /api/partners/{id}", READERS, true, ids -> Call.get("/api/partners/" + ids.partner()));
        read(
                routes,
                "GET /api/partners/{id}/check-ins",
                READERS,
                true,
                ids -> Call.get("/api/partners/" + ids.partner() + "/check-ins"));
        read(
                routes,
                "GET /api/partners/{id}/deals",
                READERS,
                true,
                ids -> Call.get("/api/partners/" + ids.partner() + "/deals"));
        read(routes, "GET /api/deals", READERS, false, ids -> Call.get("/api/deals"));
        read(routes, "GET /api/deals/{id}", READERS, true, ids -> Call.get("/api/deals/" + ids.deal()));
        // the dashboard: every role, a partner user its own partner's figures (PartnerScopingIT)
        read(routes, "GET /api/dashboard", READERS, false, ids -> Call.get("/api/dashboard"));
        read(
                routes,
                "GET /api/dashboard/leaderboard",
                READERS,
                false,
                ids -> Call.get("/api/dashboard/leaderboard?limit=5"));
        read(routes, "GET /api/dashboard/stream" + STREAM, READERS, false, ids -> stream("/api/dashboard/stream"));
        // audit: auditors and administrators; a partner user its own history
        Set<Role> history = EnumSet.of(ADMIN, AUDITOR, PARTNER);
        read(
                routes,
                "GET /api/partners/{id}/history",
                history,
                true,
                ids -> Call.get("/api/partners/" + ids.partner() + "/history"));
        read(
                routes,
                "GET /api/deals/{id}/history",
                history,
                true,
                ids -> Call.get("/api/deals/" + ids.deal() + "/history"));
        read(
                routes,
                "GET /api/partners/{id}/state",
                AUDIT,
                false,
                ids -> Call.get("/api/partners/" + ids.partner() + "/state?asOf=" + Instant.now()));
        read(
                routes,
                "GET /api/audit/verify",
                AUDIT,
                false,
                ids -> Call.get("/api/audit/verify?partnerId=" + ids.partner()));
        read(routes, "GET /api/audit/verify" + STREAM, AUDIT, false, ids -> stream("/api/audit/verify"));
        read(
                routes,
                "GET /api/audit/export",
                AUDIT,
                false,
                ids -> Call.get("/api/audit/export?partnerId=" + ids.partner()));
        // the integration feed carries contact data: not for viewers nor partner users
        read(routes, "GET /api/events", FEED, false, ids -> Call.get("/api/events?limit=5"));
        read(routes, "GET /api/events/types", FEED, false, ids -> Call.get("/api/events/types"));
        read(routes, "GET /api/events/stream" + STREAM, FEED, false, ids -> stream("/api/events/stream"));
        // administration
        Set<Role> adminOnly = EnumSet.of(ADMIN);
        read(routes, "GET /api/users", adminOnly, false, ids -> Call.get("/api/users"));
        read(routes, "GET /api/admin/processors", adminOnly, false, ids -> Call.get("/api/admin/processors"));
        read(routes, "GET /api/webhooks", adminOnly, false, ids -> Call.get("/api/webhooks"));
        read(routes, "GET /api/webhooks/{id}", adminOnly, false, ids -> Call.get("/api/webhooks/" + webhookId));
        read(
                routes,
                "GET /api/webhooks/{id}/deliveries",
                adminOnly,
                false,
                ids -> Call.get("/api/webhooks/" + webhookId + "/deliveries"));
        command(
                routes,
                "POST /api/users",
                adminOnly,
                201,
                ids -> newUser("matrix-user-" + next()),
                () -> newUser("matrix-user-" + next()));
        command(
                routes,
                "DELETE /api/users/{username}",
                adminOnly,
                204,
                ids -> delete("/api/users/" + username(VIEWER)),
                () -> delete("/api/users/" + newUsername()));
        command(routes, "POST /api/webhooks", adminOnly, 201, ids -> webhook(), AccessMatrixIT::webhook);
        command(
                routes,
                "DELETE /api/webhooks/{id}",
                adminOnly,
                204,
                ids -> delete("/api/webhooks/" + webhookId),
                () -> delete("/api/webhooks/" + newWebhook()));
        command(
                routes,
                "POST /api/webhooks/{id}/deliveries/{deliveryId}/retry",
                adminOnly,
                200,
                ids -> Call.post("/api/webhooks/" + webhookId + "/deliveries/no-such-delivery/retry", null),
                () -> Call.post("/api/webhooks/" + webhookId + "/deliveries/no-such-delivery/retry", null));
        // partner commands: managers and administrators
        String p = "/api/partners/";
        command(
                routes,
                "POST /api/partners",
                COMMANDERS,
                201,
                ids -> Call.post("/api/partners", TestBodies.partner("Refused " + next())),
                () -> Call.post("/api/partners", TestBodies.partner("Matrix " + next())));
        command(
                routes,
                "PATCH /api/partners/{id}",
                COMMANDERS,
                200,
                ids -> patch(p + ids.partner(), TestBodies.rename("Refused " + next())),
                () -> patch(p + onboarded(), TestBodies.rename("Matrix " + next())));
        command(
                routes,
                "POST /api/partners/{id}/onboarding-steps/{step}",
                COMMANDERS,
                200,
                ids -> Call.post(p + ids.partner() + "/onboarding-steps/AGREEMENT_SIGNED", null),
                () -> Call.post(p + onboarded() + "/onboarding-steps/AGREEMENT_SIGNED", null));
        command(
                routes,
                "POST /api/partners/{id}/activate",
                COMMANDERS,
                200,
                ids -> Call.post(p + ids.partner() + "/activate", null),
                () -> Call.post(p + readyToActivate() + "/activate", null));
        command(
                routes,
                "POST /api/partners/{id}/tier",
                COMMANDERS,
                200,
                ids -> Call.post(p + ids.partner() + "/tier", TestBodies.tier("GOLD", "refused")),
                () -> Call.post(p + active() + "/tier", TestBodies.tier("GOLD", "strategic")));
        command(
                routes,
                "PUT /api/partners/{id}/goals/{period}",
                COMMANDERS,
                200,
                ids -> put(p + ids.partner() + "/goals/" + quarter(), TestBodies.goal("1000.00", 1)),
                () -> put(p + active() + "/goals/" + quarter(), TestBodies.goal("1000.00", 1)));
        command(
                routes,
                "POST /api/partners/{id}/check-ins",
                COMMANDERS,
                200,
                ids -> Call.post(p + ids.partner() + "/check-ins", checkIn()),
                () -> Call.post(p + active() + "/check-ins", checkIn()));
        command(
                routes,
                "POST /api/partners/{id}/suspend",
                COMMANDERS,
                200,
                ids -> Call.post(p + ids.partner() + "/suspend", TestBodies.reason("refused")),
                () -> Call.post(p + active() + "/suspend", TestBodies.reason("payments late")));
        command(
                routes,
                "POST /api/partners/{id}/reinstate",
                COMMANDERS,
                200,
                ids -> Call.post(p + ids.partner() + "/reinstate", null),
                () -> Call.post(p + suspended() + "/reinstate", null));
        command(
                routes,
                "POST /api/partners/{id}/offboard",
                COMMANDERS,
                200,
                ids -> Call.post(p + ids.partner() + "/offboard", TestBodies.reason("refused")),
                () -> Call.post(p + active() + "/offboard", TestBodies.reason("contract ended")));
        // personal data: the administrator alone erases a contact
        command(
                routes,
                "POST /api/partners/{id}/erase-contact",
                EnumSet.of(ADMIN),
                200,
                ids -> Call.post(p + ids.partner() + "/erase-contact", null),
                () -> Call.post(p + active() + "/erase-contact", null));
        // deal commands: managers and administrators; a partner user records deals for itself
        Set<Role> recorders = EnumSet.of(ADMIN, MANAGER, PARTNER);
        routes.put(
                "POST /api/deals",
                new Route(
                        recorders,
                        201,
                        true,
                        ids -> Call.post("/api/deals", dealBody(ids.partner())),
                        () -> Call.post("/api/deals", dealBody(partnerA.partner()))));
        String d = "/api/deals/";
        command(
                routes,
                "POST /api/deals/{id}/approve",
                COMMANDERS,
                200,
                ids -> Call.post(d + ids.deal() + "/approve", null),
                () -> Call.post(d + pendingDeal() + "/approve", null));
        command(
                routes,
                "POST /api/deals/{id}/reject",
                COMMANDERS,
                200,
                ids -> Call.post(d + ids.deal() + "/reject", TestBodies.reason("refused")),
                () -> Call.post(d + pendingDeal() + "/reject", TestBodies.reason("duplicate")));
        command(
                routes,
                "POST /api/deals/{id}/stage",
                COMMANDERS,
                200,
                ids -> Call.post(d + ids.deal() + "/stage", TestBodies.stage("QUALIFIED")),
                () -> Call.post(d + approvedDeal() + "/stage", TestBodies.stage("QUALIFIED")));
        command(
                routes,
                "POST /api/deals/{id}/win",
                COMMANDERS,
                200,
                ids -> Call.post(d + ids.deal() + "/win", win()),
                () -> Call.post(d + approvedDeal() + "/win", win()));
        command(
                routes,
                "POST /api/deals/{id}/lose",
                COMMANDERS,
                200,
                ids -> Call.post(d + ids.deal() + "/lose", TestBodies.reason("refused")),
                () -> Call.post(d + approvedDeal() + "/lose", TestBodies.reason("budget cut")));
        command(
                routes,
                "POST /api/deals/{id}/extend-protection",
                COMMANDERS,
                200,
                ids -> Call.post(d + ids.deal() + "/extend-protection", TestBodies.extension(10)),
                () -> Call.post(d + approvedDeal() + "/extend-protection", TestBodies.extension(10)));
        // last: a replay rebuilds a read model (the smallest) while the reads above are done
        command(
                routes,
                "POST /api/admin/processors/{name}/replay",
                adminOnly,
                202,
                ids -> Call.post("/api/admin/processors/check-ins/replay", null),
                () -> Call.post("/api/admin/processors/check-ins/replay", null));
        return routes;
    }

    private void read(
            Map<String, Route> routes, String key, Set<Role> roles, boolean scoped, Function<Ids, Call> call) {
        assertThat(routes.put(key, new Route(roles, 200, scoped, call, () -> call.apply(partnerA))))
                .as(key + " decided twice")
                .isNull();
    }

    private static void command(
            Map<String, Route> routes,
            String key,
            Set<Role> roles,
            int success,
            Function<Ids, Call> call,
            Supplier<Call> fresh) {
        assertThat(routes.put(key, new Route(roles, success, false, call, fresh)))
                .as(key + " decided twice")
                .isNull();
    }

    /** Each {@code /api} route the running application maps, as {@code METHOD pattern}, streams marked. */
    private Set<String> mappedApiRoutes() {
        RequestMappingHandlerMapping mapping =
                app.beansOf(RequestMappingHandlerMapping.class).get("requestMappingHandlerMapping");
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<String> patterns = info.getPathPatternsCondition() != null
                    ? info.getPathPatternsCondition().getPatternValues()
                    : info.getPatternValues();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            boolean stream = info.getProducesCondition().getProducibleMediaTypes().stream()
                    .anyMatch(MediaType.TEXT_EVENT_STREAM::equalsTypeAndSubtype);
            for (String pattern : patterns) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                if (methods.isEmpty()) {
                    routes.add("ANY " + pattern);
                }
                for (RequestMethod method : methods) {
                    routes.add(method + " " + pattern + (stream ? STREAM : ""));
                }
            }
        }
        return routes;
    }

    // ---- calls

    private void check(List<String> failures, String key, String caller, Answer answer, int expected) {
        if (answer.status() != expected) {
            failures.add(key + " as " + caller + ": expected " + expected + ", got " + answer);
            return;
        }
        if (expected >= 400) {
            if (!answer.contentType().startsWith("application/problem+json")) {
                failures.add(key + " as " + caller + ": not a problem: " + answer);
            }
            if (expected == 401 && answer.challenge() == null) {
                failures.add(key + " as " + caller + ": 401 without WWW-Authenticate");
            }
        }
    }

    /** A status line, headers and, for a finished answer, its body; a stream is closed once its status is read. */
    private record Answer(int status, String contentType, String challenge, String location, String body) {
        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    private Answer send(Role role, Call call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + call.path()))
                .timeout(Duration.ofSeconds(30))
                .method(
                        call.method(),
                        call.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(call.body()));
        if (call.body() != null) {
            request.header("Content-Type", "application/json");
        }
        if (call.stream()) {
            request.header("Accept", "text/event-stream");
        }
        if (role != null) {
            request.header("Authorization", PrmClient.basic(username(role), PASSWORD));
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = response.body()) {
                // a stream that answered 200 runs until closed: its status is what is asked
                body = call.stream() && response.statusCode() == 200
                        ? "(stream)"
                        : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("WWW-Authenticate").orElse(null),
                    response.headers().firstValue("Location").orElse(""),
                    body.length() > 300 ? body.substring(0, 300) : body);
        } catch (IOException e) {
            throw new UncheckedIOException(call.method() + " " + call.path(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Call stream(String path) {
        return new Call("GET", path, null, true);
    }

    private static Call put(String path, String body) {
        return new Call("PUT", path, body, false);
    }

    private static Call patch(String path, String body) {
        return new Call("PATCH", path, body, false);
    }

    private static Call delete(String path) {
        return new Call("DELETE", path, null, false);
    }

    // ---- fixtures, made by the administrator

    private static String username(Role role) {
        return "matrix-" + role.name().toLowerCase(java.util.Locale.ROOT);
    }

    private int next() {
        return unique.incrementAndGet();
    }

    private Call newUser(String username) {
        return Call.post("/api/users", """
                {"username": "%s", "password": "%s", "roles": ["VIEWER"]}""".formatted(username, PASSWORD));
    }

    private String newUsername() {
        String username = "matrix-doomed-" + next();
        PrmClient.Response created = admin.post("/api/users", newUser(username).body());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }

    private static Call webhook() {
        return Call.post("/api/webhooks", """
                {"url": "http://127.0.0.1:9/matrix", "eventTypes": []}""");
    }

    private String newWebhook() {
        PrmClient.Response created = admin.post("/api/webhooks", webhook().body());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private String onboarded() {
        return admin.onboard("Fixture " + next());
    }

    private String readyToActivate() {
        String id = onboarded();
        for (String step : PrmClient.ONBOARDING_STEPS) {
            assertThat(admin.post("/api/partners/" + id + "/onboarding-steps/" + step)
                            .status())
                    .isEqualTo(200);
        }
        return id;
    }

    private String active() {
        return admin.activePartner("Fixture " + next());
    }

    private String suspended() {
        String id = active();
        assertThat(admin.post("/api/partners/" + id + "/suspend", TestBodies.reason("late"))
                        .status())
                .isEqualTo(200);
        return id;
    }

    private String dealBody(String partnerId) {
        return TestBodies.deal(partnerId, "customer-" + next() + ".example", "5000.00");
    }

    private String recordDeal(String partnerId) {
        PrmClient.Response recorded = admin.post("/api/deals", dealBody(partnerId));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        return recorded.json().get("id").asText();
    }

    /** A pending deal of a partner of its own, so that no partner reaches the open-registration limit. */
    private String pendingDeal() {
        return recordDeal(active());
    }

    private String approvedDeal() {
        String id = pendingDeal();
        assertThat(admin.post("/api/deals/" + id + "/approve").status()).isEqualTo(200);
        return id;
    }

    private static String quarter() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
    }

    private static String checkIn() {
        return TestBodies.checkIn(LocalDate.now(ZoneOffset.UTC).minusDays(1), "quarterly review");
    }

    private static String win() {
        return TestBodies.win("5000.00", "USD", LocalDate.now(ZoneOffset.UTC));
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> rest = new TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }
}
