package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bearer JWTs, verified against a JWK set (served here by a JDK HTTP server), beside HTTP Basic: the {@code roles}
 * claim decides what a token may do, its subject is the acting user in history, and a partner token's
 * {@code partnerId} claim binds it to its partner; a token signed by another key, or expired, is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwtBearerIT {

    @TempDir
    static Path dataDir;

    private HttpServer issuer;
    private RSAKey key;
    private RunningStandalone app;
    private PrmClient admin;
    private String partnerA;
    private String partnerB;

    @BeforeAll
    void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("sidecar-test").generate();
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        issuer.start();
        app = RunningStandalone.start(
                dataDir,
                "prm.security.jwt.jwk-set-uri=http://127.0.0.1:"
                        + issuer.getAddress().getPort() + "/jwks");
        admin = app.client();
        partnerA = admin.activePartner("Token A");
        partnerB = admin.activePartner("Token B");
    }

    @AfterAll
    void stop() {
        app.close();
        issuer.stop(0);
    }

    @Test
    void aViewerTokenReadsTheDashboardAndMayNotOnboard() throws Exception {
        String viewer =
                token("viewer-7", List.of("VIEWER"), null, key, Instant.now().plusSeconds(300));

        assertThat(get("/api/dashboard", viewer).status()).isEqualTo(200);
        PrmClient.Response refused = post("/api/partners", TestBodies.partner("Viewer Made"), viewer);
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aManagerTokenOnboardsAndItsSubjectIsTheActorInHistory() throws Exception {
        String manager =
                token("manager-42", List.of("MANAGER"), null, key, Instant.now().plusSeconds(300));

        PrmClient.Response onboarded = post("/api/partners", TestBodies.partner("Token Onboarded"), manager);

        assertThat(onboarded.status()).as(onboarded.body()).isEqualTo(201);
        JsonNode entry =
                firstHistoryEntry("/api/partners/" + onboarded.json().get("id").asText() + "/history");
        assertThat(entry.get("type").asText()).isEqualTo("PartnerOnboarded");
        assertThat(entry.get("actor").asText()).isEqualTo("manager-42");
        assertThat(entry.get("actorPartnerId").isNull()).isTrue();
    }

    @Test
    void aTokenSignedByAnotherKeyOrExpiredIsA401() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("sidecar-test").generate();
        String forged =
                token("admin", List.of("ADMIN"), null, stranger, Instant.now().plusSeconds(300));
        String expired =
                token("admin", List.of("ADMIN"), null, key, Instant.now().minusSeconds(600));

        for (String refused : List.of(forged, expired, "not-a-jwt")) {
            PrmClient.Response answer = get("/api/partners", refused);
            assertThat(answer.status()).as(answer.body()).isEqualTo(401);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.raw().headers().allValues("WWW-Authenticate")).anyMatch(c -> c.startsWith("Bearer"));
        }
        assertThat(get(
                                "/api/partners",
                                token(
                                        "admin",
                                        List.of("ADMIN"),
                                        null,
                                        key,
                                        Instant.now().plusSeconds(300)))
                        .status())
                .as("the same token, signed by the right key and in time")
                .isEqualTo(200);
    }

    @Test
    void aPartnerTokenIsBoundToThePartnerItsClaimNames() throws Exception {
        String partner = token(
                "partner-a-1", List.of("PARTNER"), partnerA, key, Instant.now().plusSeconds(300));

        assertThat(get("/api/partners/" + partnerA, partner).status()).isEqualTo(200);
        assertThat(get("/api/partners/" + partnerB, partner).status()).isEqualTo(404);
        List<String> listed = new ArrayList<>();
        get("/api/partners", partner)
                .json()
                .get("items")
                .forEach(item -> listed.add(item.get("id").asText()));
        assertThat(listed).containsExactly(partnerA);
        long before = app.storedEvents();
        assertThat(post("/api/deals", TestBodies.deal(partnerB, "b.example", "10.00"), partner)
                        .status())
                .isEqualTo(404);
        assertThat(app.storedEvents()).isEqualTo(before);
        PrmClient.Response dashboard = get("/api/dashboard", partner);
        assertThat(dashboard.status()).as(dashboard.body()).isEqualTo(200);
        assertThat(dashboard.json().at("/partners/total").asInt())
                .as("its own partner only")
                .isEqualTo(1);

        PrmClient.Response recorded = post("/api/deals", TestBodies.deal(partnerA, "a.example", "10.00"), partner);

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        JsonNode entry =
                firstHistoryEntry("/api/deals/" + recorded.json().get("id").asText() + "/history");
        assertThat(entry.get("actor").asText()).isEqualTo("partner-a-1");
        assertThat(entry.get("actorPartnerId").asText()).isEqualTo(partnerA);
    }

    @Test
    void aViewerRoleBesideThePartnerRoleWidensNothing() throws Exception {
        String both = token(
                "partner-a-2",
                List.of("PARTNER", "VIEWER"),
                partnerA,
                key,
                Instant.now().plusSeconds(300));

        assertThat(get("/api/partners/" + partnerA, both).status()).isEqualTo(200);
        assertThat(get("/api/partners/" + partnerB, both).status()).isEqualTo(404);
        assertThat(get("/api/partners/" + partnerB + "/history", both).status()).isEqualTo(404);
        long before = app.storedEvents();
        assertThat(post("/api/deals", TestBodies.deal(partnerB, "b2.example", "10.00"), both)
                        .status())
                .isEqualTo(404);
        assertThat(app.storedEvents()).isEqualTo(before);
    }

    @Test
    void aPartnerTokenWithoutAPartnerClaimSeesNoPartner() throws Exception {
        String unbound =
                token("partner-x", List.of("PARTNER"), null, key, Instant.now().plusSeconds(300));

        assertThat(get("/api/partners/" + partnerA, unbound).status()).isEqualTo(404);
        assertThat(get("/api/partners", unbound).json().get("total").asLong()).isZero();
        assertThat(get("/api/deals", unbound).json().get("total").asLong()).isZero();
        PrmClient.Response dashboard = get("/api/dashboard", unbound);
        assertThat(dashboard.status()).as(dashboard.body()).isEqualTo(200);
        assertThat(dashboard.json().at("/partners/total").asInt()).isZero();
        assertThat(dashboard.json().at("/pipeline/total/amount").decimalValue()).isZero();
        assertThat(dashboard.json().get("topPartners")).isEmpty();
    }

    @Test
    void basicStillWorksBesideBearerTokens() {
        assertThat(admin.get("/api/partners").status()).isEqualTo(200);
        PrmClient.Response anonymous = admin.anonymous().get("/api/partners");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.raw().headers().allValues("WWW-Authenticate"))
                .anyMatch(challenge -> challenge.startsWith("Basic"))
                .anyMatch(challenge -> challenge.startsWith("Bearer"));
    }

    @Test
    void theOpenApiDocumentOffersBasicOrABearerToken() {
        JsonNode api = admin.get("/v3/api-docs").json();

        assertThat(api.at("/components/securitySchemes/bearer/bearerFormat").asText())
                .isEqualTo("JWT");
        assertThat(api.at("/paths/~1api~1partners/get/security").toString())
                .isEqualTo("[{\"basic\":[]},{\"bearer\":[]}]");
    }

    private JsonNode firstHistoryEntry(String path) {
        // history is read by an administrator (Basic): the audit log records events as it sees them
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> admin.get(path),
                        read -> read.status() == 200 && read.json().get("total").asLong() > 0)
                .json()
                .get("items")
                .get(0);
    }

    private PrmClient.Response get(String path, String token) {
        return admin.get(path, Map.of("Authorization", "Bearer " + token));
    }

    private PrmClient.Response post(String path, String body, String token) {
        return admin.send(
                "POST", path, body, Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token));
    }

    private static String token(String subject, List<String> roles, String partnerId, RSAKey signer, Instant expiry)
            throws JOSEException {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("roles", roles)
                .issueTime(Date.from(expiry.minusSeconds(600)))
                .expirationTime(Date.from(expiry));
        if (partnerId != null) {
            claims.claim("partnerId", partnerId);
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(signer.getKeyID())
                        .build(),
                claims.build());
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }
}
