package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sidecar.prm.standalone.WebhookReceiver.Behaviour;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook delivery survives a restart (API.md, "Integrations": in order, at least once): a backlog of
 * {@value #BACKLOG} events is being delivered to a slow receiver when the product is stopped; started again on the
 * same data, it delivers the rest. Every event arrives, the first arrivals are in the feed's order, and the only
 * event that may arrive twice is the one in flight at the stop, never one out of turn.
 */
class WebhookRestartIT {

    private static final int BACKLOG = 150;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String[] CONFIG = {"prm.webhooks.retry-schedule=100ms,200ms", "prm.webhooks.poll-interval=50ms"
    };

    @TempDir
    Path dataDir;

    @Test
    void aBacklogIsDeliveredCompletelyAndInOrderAcrossARestart() {
        List<String> expected;
        Webhooks.Subscription subscription;
        List<String> atStop;
        // 50 ms an answer: the backlog takes at least 7.5 s, far more than the wait for the first 30
        try (WebhookReceiver receiver = WebhookReceiver.start(Behaviour.slow(Duration.ofMillis(50)))) {
            try (RunningStandalone app = RunningStandalone.start(dataDir, CONFIG)) {
                PrmClient client = app.client();
                String partner = client.activePartner("Restart Webhooks");
                String mark = EventFeed.end(client);
                subscription = Webhooks.subscribe(client, receiver.url());
                // the backlog at once, straight into the event store
                AppendedCheckIns.append(app, partner, PrmClient.ACTIVATED_VERSION, BACKLOG, 50);
                expected = EventFeed.readAll(client, mark, 1000).ids();
                assertThat(expected).hasSize(BACKLOG);

                await().atMost(PATIENCE).until(() -> receiver.acknowledged().size() >= 30);
            }
            atStop = receiver.arrivals();
            assertThat(receiver.firstArrivals())
                    .as("events that had arrived when the product stopped")
                    .hasSizeLessThan(BACKLOG);
            String inFlight = atStop.get(atStop.size() - 1);

            receiver.behave(Behaviour.healthy());
            try (RunningStandalone app = RunningStandalone.start(dataDir, CONFIG)) {
                PrmClient client = app.client();
                await().atMost(PATIENCE)
                        .untilAsserted(
                                () -> assertThat(receiver.firstArrivals()).containsExactlyElementsOf(expected));
                await().atMost(PATIENCE)
                        .untilAsserted(() -> assertThat(Webhooks.count(client, subscription.id(), "delivered"))
                                .isEqualTo(BACKLOG));
                assertThat(Webhooks.deliveries(client, subscription.id(), "pending"))
                        .isEmpty();
                assertThat(Webhooks.deliveries(client, subscription.id(), "failed"))
                        .isEmpty();
            }

            List<String> arrivals = receiver.arrivals();
            Set<String> received = new HashSet<>();
            int next = 0;
            int repeats = 0;
            for (int i = 0; i < arrivals.size(); i++) {
                String id = arrivals.get(i);
                if (received.contains(id)) {
                    assertThat(id)
                            .as("arrival %d, sent again: only the event in flight at the stop may be", i + 1)
                            .isEqualTo(inFlight);
                    repeats++;
                    continue;
                }
                assertThat(id)
                        .as("arrival %d: the next event not yet received", i + 1)
                        .isEqualTo(expected.get(next));
                received.add(id);
                next++;
            }
            assertThat(next).isEqualTo(BACKLOG);
            System.out.printf(
                    "WebhookRestartIT: %d of %d events had arrived before the stop; %d sent again after it%n",
                    new HashSet<>(atStop).size(), BACKLOG, repeats);
            receiver.requests()
                    .forEach(request -> assertThat(StandardWebhooksSignature.verifies(subscription.secret(), request))
                            .as("signature of arrival %d", request.arrival())
                            .isTrue());
        }
    }
}
