package io.sidecar.prm.query.integration.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sidecar.prm.query.integration.EventFeed;
import io.sidecar.prm.query.readmodel.ReadModelDurability;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Webhook subscriptions and their deliveries, on a dispatcher and a worker pool of their own. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookConfiguration {

    @Bean
    WebhookStore webhookStore(MongoTemplate mongo, ObjectProvider<ReadModelDurability> durability) {
        return new WebhookStore(mongo, durability.getIfAvailable(() -> ReadModelDurability.IMMEDIATE));
    }

    @Bean
    WebhookUrls webhookUrls(WebhookProperties properties) {
        return new WebhookUrls(properties.allowLinkLocal());
    }

    @Bean
    WebhookDispatcher webhookDispatcher(
            WebhookStore store,
            EventFeed feed,
            WebhookUrls urls,
            WebhookProperties properties,
            Clock clock,
            ObjectProvider<MeterRegistry> meters) {
        return new WebhookDispatcher(
                store,
                feed,
                new WebhookSender(urls, properties.timeout(), clock),
                properties,
                clock,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
