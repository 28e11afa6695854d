package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partner's contact is stored sealed with a data key kept in the read-model file of the embedded store, which
 * otherwise persists only at checkpoints. The key must be durable before the event that needs it: partners onboarded
 * just before {@code kill -9} still show their contact after the restart, not {@code [erased]}.
 */
class ContactKeyCrashIT {

    private static final int PARTNERS = 5;

    @TempDir
    Path dataDir;

    private final Path logs =
            Path.of("target", "contact-key-crash-it-logs", String.valueOf(System.currentTimeMillis()));

    @Test
    void contactsOnboardedJustBeforeKillNineAreReadableAfterTheRestart() throws Exception {
        Files.createDirectories(logs);
        List<String> ids = new ArrayList<>();
        try (StandaloneProcess app = StandaloneProcess.start(dataDir, logs.resolve("1-before-kill.log"))) {
            PrmClient client = app.client();
            for (int i = 0; i < PARTNERS; i++) {
                ids.add(client.onboard("Crash Partner " + i));
            }
            // at once after the last answer: no checkpoint of the read-model file has come since
            app.kill();
        }
        try (StandaloneProcess app = StandaloneProcess.start(dataDir, logs.resolve("2-after-kill.log"))) {
            PrmClient client = app.client();
            for (String id : ids) {
                JsonNode partner = client.partnerAt(id, 1);
                assertThat(partner.at("/contact/email").asText())
                        .as("partner %s's contact after the restart", id)
                        .isNotEqualTo("[erased]")
                        .contains("@");
            }
        }
    }
}
