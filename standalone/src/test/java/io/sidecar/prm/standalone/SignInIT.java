package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Signing in (API.md, "Security"): wrong or missing credentials are 401 problems with a challenge; ten failed
 * sign-ins of a name lock it, whatever password comes next, while other names sign in; the users' endpoint answers
 * bad input as problems naming the field, and passwords never come back, nor reach the log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class SignInIT {

    private static final String GRACE_PASSWORD = "grace-password-1";
    private static final String ADA_PASSWORD = "ada-password-12";
    private static final String WRONG_PASSWORD = "not-the-password";

    @TempDir
    static Path dataDir;

    private RunningStandalone app;
    private PrmClient admin;

    @BeforeAll
    void start() {
        app = RunningStandalone.start(dataDir);
        admin = app.client();
        createUser("grace", GRACE_PASSWORD);
        createUser("ada", ADA_PASSWORD);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void tenFailedSignInsLockTheNameEvenForTheRightPasswordWhileOthersSignIn() {
        createUser("locked.out", "locked-out-password");
        for (int i = 0; i < 10; i++) {
            PrmClient.Response failed =
                    admin.as("locked.out", WRONG_PASSWORD + i).get("/api/dashboard");
            assertThat(failed.status()).as("attempt " + (i + 1)).isEqualTo(401);
        }

        PrmClient.Response locked =
                admin.as("locked.out", "locked-out-password").get("/api/dashboard");

        assertThat(locked.status()).isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 300L);
        assertThat(locked.header("Content-Type")).startsWith("application/problem+json");
        assertThat(locked.json().path("code").asText()).isEqualTo("auth.locked");
        assertThat(admin.as("ada", ADA_PASSWORD).get("/api/dashboard").status()).isEqualTo(200);
    }

    @Test
    void wrongCredentialsAreAProblemWithAChallenge() {
        PrmClient.Response wrong = admin.as("grace", WRONG_PASSWORD).get("/api/partners");
        PrmClient.Response unknown = admin.as("nobody", WRONG_PASSWORD).get("/api/partners");

        for (PrmClient.Response refused : List.of(wrong, unknown)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).startsWith("Basic realm=");
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().path("code").asText()).isEqualTo("auth.required");
        }
        assertThat(admin.as("grace", GRACE_PASSWORD).get("/api/partners").status())
                .isEqualTo(200);
    }

    @Test
    void noCredentialsAreAProblem() {
        PrmClient.Response anonymous = admin.anonymous().post("/api/partners", TestBodies.partner("Nobody's"));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic realm=");
        assertThat(anonymous.json().path("status").asInt()).isEqualTo(401);
        assertThat(anonymous.json().path("type").asText()).endsWith("/auth.required");
    }

    @Test
    void invalidUsersAreProblemsNamingTheField() {
        PrmClient.Response badName = newUser("A B!", "long-enough-password", "\"MANAGER\"", null);
        PrmClient.Response shortPassword = newUser("shorty", "short", "\"MANAGER\"", null);

        assertThat(fields(badName)).containsExactly("username");
        assertThat(fields(shortPassword)).containsExactly("password");
        assertThat(newUser(null, null, null, null).json().path("errors").size()).isEqualTo(3);
    }

    @Test
    void aPasswordLongerThanBcryptTakesIsAProblemNotAFault() {
        // 72 characters are accepted; 73, or 40 characters of two bytes each (80 bytes), are more than bcrypt reads
        assertThat(newUser("seventy.two", "p".repeat(72), "\"MANAGER\"", null).status())
                .isEqualTo(201);
        assertThat(fields(newUser("seventy.three", "p".repeat(73), "\"MANAGER\"", null)))
                .containsExactly("password");
        assertThat(fields(newUser("two.bytes", "é".repeat(40), "\"MANAGER\"", null)))
                .containsExactly("password");
    }

    @Test
    void aDeletedUserIsRefusedAtOnceThoughItsPasswordWasJustVerified() {
        createUser("leaving", "leaving-password-1");
        PrmClient leaving = admin.as("leaving", "leaving-password-1");
        assertThat(leaving.get("/api/partners").status()).isEqualTo(200);

        assertThat(admin.delete("/api/users/leaving").status()).isEqualTo(204);

        // within prm.security.credentials-cache of the verification above
        assertThat(leaving.get("/api/partners").status()).isEqualTo(401);
        // and one created again under the name with another role acts with that role, not the first one's
        assertThat(newUser("leaving", "leaving-password-1", "\"VIEWER\"", null).status())
                .isEqualTo(201);
        assertThat(leaving.post("/api/partners", TestBodies.partner("Not For A Viewer"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aDeletedUsersLoginSessionEnds() throws Exception {
        createUser("session.user", "session-password-1");
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String base = "http://127.0.0.1:" + app.port();
        String loginPage = browser.send(
                        HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as(loginPage).isTrue();
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=session.user&password=session-password-1"
                                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        HttpRequest read = HttpRequest.newBuilder(URI.create(base + "/api/partners"))
                .header("X-Requested-With", "fetch")
                .build();
        assertThat(browser.send(read, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);

        assertThat(admin.delete("/api/users/session.user").status()).isEqualTo(204);

        assertThat(browser.send(read, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aWriteAnotherSiteCouldMakeABrowserSendIsRefusedAndStoresNothing() {
        String partner = admin.activePartner("Cross Site Target");
        long before = app.storedEvents();

        PrmClient.Response fromAnotherSite = admin.post(
                "/api/partners/" + partner + "/suspend",
                TestBodies.reason("forged"),
                Map.of("Content-Type", "application/json", "Sec-Fetch-Site", "cross-site"));
        PrmClient.Response asAForm = admin.post(
                "/api/partners/" + partner + "/suspend",
                "reason=forged",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        PrmClient.Response asPlainText =
                admin.post("/api/partners/" + partner + "/offboard", "{}", Map.of("Content-Type", "text/plain"));

        assertThat(fromAnotherSite.status()).isEqualTo(403);
        assertThat(fromAnotherSite.json().path("code").asText()).isEqualTo("request.cross-site");
        assertThat(asAForm.status()).isEqualTo(415);
        assertThat(asPlainText.status()).isEqualTo(415);
        assertThat(app.storedEvents()).isEqualTo(before);
        // the page's own requests (same-origin) and scripts (no such header) are not affected
        assertThat(admin.post(
                                "/api/partners/" + partner + "/suspend",
                                TestBodies.reason("late payments"),
                                Map.of("Content-Type", "application/json", "Sec-Fetch-Site", "same-origin"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aPartnerUserNeedsItsPartner() {
        PrmClient.Response unbound = newUser("partner.user", "long-enough-password", "\"PARTNER\"", null);

        assertThat(unbound.status()).isEqualTo(400);
        assertThat(unbound.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unbound.json().path("code").asText()).isEqualTo("user.partner-id");
    }

    @Test
    void aUserNameIsTakenOnce() {
        PrmClient.Response again = newUser("grace", "another-long-password", "\"AUDITOR\"", null);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asText()).isEqualTo("user.exists");
    }

    @Test
    void theLastAdministratorStays() {
        PrmClient.Response deleted = admin.delete("/api/users/admin");

        assertThat(deleted.status()).isEqualTo(409);
        assertThat(deleted.header("Content-Type")).startsWith("application/problem+json");
        assertThat(deleted.json().path("code").asText()).isEqualTo("user.last-admin");
        assertThat(admin.get("/api/users").status()).isEqualTo(200);
    }

    @Test
    void passwordsNeverComeBackNorReachTheLog(CapturedOutput output) {
        createUser("secretive", "secretive-password-9");
        admin.as("secretive", "secretive-wrong-guess").get("/api/partners");

        PrmClient.Response users = admin.get("/api/users");

        assertThat(users.status()).isEqualTo(200);
        assertThat(users.body()).contains("\"secretive\"", "\"grace\"");
        for (String password : List.of(
                "secretive-password-9", "secretive-wrong-guess", GRACE_PASSWORD, ADA_PASSWORD, WRONG_PASSWORD)) {
            assertThat(users.body()).doesNotContain(password);
            assertThat(output.getAll()).doesNotContain(password);
        }
        assertThat(users.body()).doesNotContain("$2a$").doesNotContain("passwordHash");
        for (JsonNode user : users.json()) {
            assertThat(user.has("password")).isFalse();
        }
    }

    private void createUser(String username, String password) {
        PrmClient.Response created = newUser(username, password, "\"MANAGER\"", null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private PrmClient.Response newUser(String username, String password, String role, String partnerId) {
        return admin.post("/api/users", """
                {"username": %s, "password": %s, "roles": [%s], "partnerId": %s}""".formatted(
                        quoted(username), quoted(password), role == null ? "" : role, quoted(partnerId)));
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    private static List<String> fields(PrmClient.Response problem) {
        assertThat(problem.status()).as(problem.body()).isEqualTo(400);
        assertThat(problem.header("Content-Type")).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        problem.json().path("errors").forEach(error -> {
            assertThat(error.path("message").asText()).isNotBlank();
            fields.add(error.path("field").asText());
        });
        return fields;
    }
}
