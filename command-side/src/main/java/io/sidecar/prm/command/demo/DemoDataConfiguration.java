package io.sidecar.prm.command.demo;

import io.sidecar.prm.command.deal.DealRules;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Demo data, only with {@code prm.demo-data=true}: an empty store is seeded at start ({@code prm.demo.*}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "prm.demo-data", havingValue = "true")
@EnableConfigurationProperties(DemoDataProperties.class)
class DemoDataConfiguration {

    @Bean
    DemoDataSeeder demoDataSeeder(
            DemoDataProperties properties,
            DealRules rules,
            CommandGateway commandGateway,
            TransactionManager transactionManager,
            EventProcessingConfiguration eventProcessing,
            ListableBeanFactory beans,
            EventStore eventStore,
            Clock clock) {
        return new DemoDataSeeder(
                new DemoPlanner(properties, rules),
                new DemoRunner(commandGateway, transactionManager, properties.threads()),
                () -> ProjectionPause.stop(eventProcessing, beans),
                eventStore,
                clock);
    }
}
