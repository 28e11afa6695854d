package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sidecar.prm.command.app.CommandSideApplication;
import io.sidecar.prm.query.app.QuerySideApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The distributed mode end to end: a real Axon Server and a real MongoDB (replica set) in containers, the command
 * side and the query side as two Spring applications (one JVM, separate contexts, each with its own
 * configuration file {@code command-side.yml} / {@code query-side.yml}), and a write on the one read back from the
 * other over HTTP. Needs Docker; skipped where there is none.
 */
@Testcontainers(disabledWithoutDocker = true)
class DistributedModeIT {

    /** The same image and settings as docker-compose.yml; another image with -Dprm.it.axonserver-image=... */
    private static final String AXON_SERVER_IMAGE =
            System.getProperty("prm.it.axonserver-image", "axoniq/axonserver:2025.2.0");

    /** Starts with --replSet and initiates the set; its URL connects directly to the one member. */
    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer(DockerImageName.parse("mongo:7"));

    @Container
    static final GenericContainer<?> AXON_SERVER = new GenericContainer<>(DockerImageName.parse(AXON_SERVER_IMAGE))
            .withExposedPorts(8024, 8124)
            .withEnv("AXONIQ_AXONSERVER_NAME", "axonserver")
            .withEnv("AXONIQ_AXONSERVER_STANDALONE", "true")
            .withEnv("AXONIQ_AXONSERVER_STANDALONE_DCB", "false")
            .withEnv("AXONIQ_AXONSERVER_DEVMODE_ENABLED", "true")
            .waitingFor(Wait.forHttp("/actuator/health")
                    .forPort(8024)
                    .forStatusCode(200)
                    .withStartupTimeout(Duration.ofMinutes(3)));

    /**
     * Auto-configurations that the standalone module's test class path brings in and that the two applications'
     * own executable jars do not have: the embedded mode's H2 (which would give Axon a JDBC token store and
     * transaction manager) and, for the command side, MongoDB.
     */
    private static final String NOT_IN_COMMAND_SIDE_JAR = String.join(
            ",",
            "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
            "org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration",
            "org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration",
            "org.springframework.boot.autoconfigure.data.mongo.MongoRepositoriesAutoConfiguration");

    private static final String NOT_IN_QUERY_SIDE_JAR =
            "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration";

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    private URI commandSide;
    private URI querySide;

    @BeforeEach
    void startBothSides(@TempDir Path dataDir) {
        // Axon Server may answer its health check before its standalone initialisation has created the `default`
        // context, and the query side's processors do not start (nor does its context) while they cannot read
        // that context's event stream
        URI contextList = URI.create(
                "http://" + AXON_SERVER.getHost() + ":" + AXON_SERVER.getMappedPort(8024) + "/v1/public/context");
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            HttpResponse<String> contexts = http.send(
                    HttpRequest.newBuilder(contextList)
                            .header("Accept", "application/json")
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(contexts.statusCode()).isEqualTo(200);
            assertThat(contexts.body()).contains("\"default\"");
        });
        String axonServer = AXON_SERVER.getHost() + ":" + AXON_SERVER.getMappedPort(8124);
        // Command-line arguments, not SpringApplicationBuilder.properties(): those are default properties, which
        // the configuration files override (server.port would stay 8081/8082).
        commandSide = start(
                new SpringApplicationBuilder(CommandSideApplication.class)
                        .properties("spring.config.name=command-side"),
                "--server.port=0",
                "--axon.axonserver.servers=" + axonServer,
                // both applications share this JVM, whose name is Axon Server's default client id for each
                "--axon.axonserver.client-id=command-side-it",
                // standalone's DataDirectory post-processor runs for every application on this class path
                "--prm.data-dir=" + dataDir.resolve("command-side"),
                // the name lookup beside it, not in ./command-data of the working directory
                "--prm.lookups.url=jdbc:h2:file:"
                        + dataDir.resolve("command-side").resolve("lookups"),
                "--spring.autoconfigure.exclude=" + NOT_IN_COMMAND_SIDE_JAR);
        querySide = start(
                new SpringApplicationBuilder(QuerySideApplication.class).properties("spring.config.name=query-side"),
                "--server.port=0",
                "--axon.axonserver.servers=" + axonServer,
                "--axon.axonserver.client-id=query-side-it",
                "--spring.data.mongodb.uri=" + MONGO.getReplicaSetUrl("prm"),
                "--prm.data-dir=" + dataDir.resolve("query-side"),
                "--spring.autoconfigure.exclude=" + NOT_IN_QUERY_SIDE_JAR);
    }

    @AfterEach
    void stopBothSides() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).close();
        }
        contexts.clear();
    }

    @Test
    void aPartnerAndADealWrittenOnTheCommandSideAreReadOnTheQuerySide() throws Exception {
        // both report UP only once connected to Axon Server (and, the query side, MongoDB answering)
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(get(commandSide, "/actuator/health").statusCode()).isEqualTo(200);
            assertThat(get(querySide, "/actuator/health").statusCode()).isEqualTo(200);
        });

        HttpResponse<String> onboarded = post(commandSide, "/api/partners", """
                {"name":"Acme","type":"RESELLER","region":"DE",
                 "contact":{"name":"Ada","email":"ada@acme.example"}}""");
        assertThat(onboarded.statusCode()).as(onboarded.body()).isEqualTo(201);
        JsonNode partner = json.readTree(onboarded.body());
        String partnerId = partner.path("id").asText();
        assertThat(partnerId).isNotBlank();
        assertThat(partner.path("version").asLong()).isEqualTo(1);
        // deals are registered only for an ACTIVE partner
        for (String step : PrmClient.ONBOARDING_STEPS) {
            HttpResponse<String> completed =
                    post(commandSide, "/api/partners/" + partnerId + "/onboarding-steps/" + step, "");
            assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
        }
        HttpResponse<String> activated = post(commandSide, "/api/partners/" + partnerId + "/activate", "");
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);

        LocalDate closeDate = LocalDate.now(ZoneOffset.UTC).plusDays(30);
        String deal = """
                {"partnerId":"%s","customer":{"name":"Globex","domain":"globex.example"},"product":"Sidecar",
                 "amount":{"amount":"1000.00","currency":"USD"},"expectedCloseDate":"%s"}""";
        HttpResponse<String> recorded = post(commandSide, "/api/deals", deal.formatted(partnerId, closeDate));
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        String dealId = json.readTree(recorded.body()).path("id").asText();
        assertThat(dealId).isNotBlank();
        // the pipeline counts approved deals only
        HttpResponse<String> approved = post(commandSide, "/api/deals/" + dealId + "/approve", "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        // the events travel command side -> Axon Server -> query side's processors -> MongoDB
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            HttpResponse<String> read =
                    get(querySide, "/api/partners/" + partnerId + "?minVersion=" + PrmClient.ACTIVATED_VERSION);
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            JsonNode view = json.readTree(read.body());
            assertThat(view.path("name").asText()).isEqualTo("Acme");
            assertThat(view.path("pipeline").path("amount").asText()).isEqualTo("1000.00");
        });
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            HttpResponse<String> read = get(querySide, "/api/deals/" + dealId + "?minVersion=2");
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertThat(json.readTree(read.body()).path("partnerId").asText()).isEqualTo(partnerId);
        });
    }

    @Test
    void refusalsCrossAxonServerAsProblems() throws Exception {
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(
                        () -> assertThat(get(commandSide, "/actuator/health").statusCode())
                                .isEqualTo(200));

        HttpResponse<String> invalid = post(commandSide, "/api/partners", """
                {"name":"Acme","type":"RESELLER","region":"XX","contact":{"name":"Ada","email":"not-an-email"}}""");
        assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        List<String> fields = new ArrayList<>();
        json.readTree(invalid.body())
                .path("errors")
                .forEach(error -> fields.add(error.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("region", "contact.email");

        String deal = """
                {"partnerId":"no-such-partner","customer":{"name":"Globex","domain":"globex.example"},
                 "product":"Sidecar","amount":{"amount":"1000.00","currency":"USD"},"expectedCloseDate":"%s"}""";
        HttpResponse<String> unknownPartner = post(
                commandSide,
                "/api/deals",
                deal.formatted(LocalDate.now(ZoneOffset.UTC).plusDays(30)));
        assertThat(unknownPartner.statusCode()).as(unknownPartner.body()).isEqualTo(404);
        assertThat(json.readTree(unknownPartner.body()).path("code").asText()).isEqualTo("partner.unknown");
    }

    @Test
    void eachSideRegistersTheUpcastersOfThePublishedLanguageOnItsOwn() {
        assertThat(contexts).hasSize(2);
        for (ConfigurableApplicationContext context : contexts) {
            assertThat(context.getBeansOfType(EventUpcaster.class))
                    .as(context.getId())
                    .containsOnlyKeys("prmEventUpcasters");
        }
    }

    private URI start(SpringApplicationBuilder application, String... args) {
        ConfigurableApplicationContext context = application.run(args);
        contexts.add(context);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return URI.create("http://localhost:" + port);
    }

    private HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI base, String path, String body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
