package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A webhook subscription made on an idle product survives {@code kill -9} once the embedded read-model store has
 * written its file after it (a checkpoint, within about a second): it is still there, with its secret, and delivers
 * what is recorded next.
 */
class WebhookCrashIT {

    @TempDir
    Path dataDir;

    private final Path logs = Path.of("target", "webhook-crash-it-logs", String.valueOf(System.currentTimeMillis()));

    @Test
    void aSubscriptionSurvivesKillNineAndDeliversSignedWithItsSecret() throws Exception {
        Files.createDirectories(logs);
        Path readModels = dataDir.resolve("read-models.mv.db");
        Webhooks.Subscription subscription;
        try (WebhookReceiver receiver = WebhookReceiver.start(WebhookReceiver.Behaviour.healthy())) {
            try (StandaloneProcess app = StandaloneProcess.start(
                    dataDir, logs.resolve("1-before-kill.log"), "--prm.webhooks.poll-interval=50ms")) {
                PrmClient client = app.client();
                client.onboard("Crash Webhooks");
                await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(readModels));
                // the projections are done; the next write of the file comes after the subscription
                FileTime idle = await().atMost(Duration.ofSeconds(30))
                        .until(() -> Files.getLastModifiedTime(readModels), time -> stillFor(readModels, time));
                subscription = Webhooks.subscribe(client, receiver.url());
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> Files.getLastModifiedTime(readModels).compareTo(idle) > 0);
                app.kill();
            }
            try (StandaloneProcess app = StandaloneProcess.start(
                    dataDir, logs.resolve("2-after-kill.log"), "--prm.webhooks.poll-interval=50ms")) {
                PrmClient client = app.client();
                assertThat(client.get("/api/webhooks/" + subscription.id()).status())
                        .isEqualTo(200);
                String partner = client.onboard("Crash Webhooks After");

                await().atMost(Duration.ofSeconds(30))
                        .until(() -> !receiver.requests().isEmpty());
                WebhookReceiver.Request delivered = receiver.requests().get(0);
                assertThat(StandardWebhooksSignature.verifies(subscription.secret(), delivered))
                        .as("signed with the secret given before the crash")
                        .isTrue();
                assertThat(delivered.body()).contains(partner);
                app.stop(Duration.ofSeconds(60));
            }
        }
    }

    /** Whether the file was last written at that time, a checkpoint interval ago or more. */
    private static boolean stillFor(Path file, FileTime time) {
        try {
            return Files.getLastModifiedTime(file).equals(time)
                    && time.toMillis()
                            < System.currentTimeMillis() - Duration.ofSeconds(2).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
