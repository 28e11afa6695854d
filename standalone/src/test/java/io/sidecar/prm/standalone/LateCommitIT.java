package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An event whose transaction took its position in the event store before another's but commits after it (what two
 * commands committing at once can do on the embedded store): the feed, read in between, gives the other event and a
 * cursor that still waits for the first; read again after the commit, it gives the first. A webhook subscription
 * created in between receives it too: it was recorded after the subscription.
 */
class LateCommitIT {

    @TempDir
    Path dataDir;

    @Test
    void anEventCommittedAfterOneThatOvertookItIsStillReadOnceByTheFeedAndDelivered() throws Exception {
        ExecutorService lateThread = Executors.newSingleThreadExecutor();
        try (RunningStandalone app = RunningStandalone.start(dataDir, "prm.webhooks.poll-interval=50ms");
                WebhookReceiver receiver = WebhookReceiver.start(WebhookReceiver.Behaviour.healthy())) {
            PrmClient client = app.client();
            String partner = client.activePartner("Late Commit");
            String mark = EventFeed.end(client);
            TransactionManager transactions = app.bean(TransactionManager.class);
            EventStorageEngine engine = app.bean(EventStorageEngine.class);
            DomainEventMessage<?> late = AppendedCheckIns.checkIn(partner, PrmClient.ACTIVATED_VERSION, 0);

            // the check-in takes its position, and its transaction stays open
            Transaction open = lateThread
                    .submit(() -> {
                        Transaction transaction = transactions.startTransaction();
                        engine.appendEvents(late);
                        return transaction;
                    })
                    .get(30, TimeUnit.SECONDS);
            String overtaker = client.onboard("Late Commit Overtaker");
            Webhooks.Subscription subscription = Webhooks.subscribe(client, receiver.url());

            EventFeed.Read before = EventFeed.readAll(client, mark, 100);
            assertThat(EventFeed.ids(before.events())).doesNotContain(late.getIdentifier());
            assertThat(before.events())
                    .extracting(event -> event.get("subject").asText())
                    .containsOnly(overtaker);
            assertThat(before.next())
                    .as("a cursor that waits for the open transaction's position")
                    .contains("~");

            lateThread.submit(open::commit).get(30, TimeUnit.SECONDS);

            // the store's reader polls for what was committed behind its back (this commit went past Axon's event
            // store, as a command's never does): the next pages have it once it has looked again
            EventFeed.Read after = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> EventFeed.readAll(client, before.next(), 100),
                            read -> !read.events().isEmpty());
            assertThat(after.ids()).containsExactly(late.getIdentifier());
            long lateSequence =
                    Long.parseLong(after.events().get(0).get("sequence").asText());
            long overtakerSequence =
                    Long.parseLong(before.events().get(0).get("sequence").asText());
            assertThat(lateSequence)
                    .as("its own position, below the overtaker's")
                    .isLessThan(overtakerSequence);
            assertThat(EventFeed.readAll(client, after.next(), 100).events()).isEmpty();

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(receiver.firstArrivals()).containsExactly(late.getIdentifier()));
            assertThat(Webhooks.deliveries(client, subscription.id(), "delivered"))
                    .hasSize(1);
        } finally {
            lateThread.shutdownNow();
        }
    }
}
