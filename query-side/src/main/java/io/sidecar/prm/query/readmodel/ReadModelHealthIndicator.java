package io.sidecar.prm.query.readmodel;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Health of the read-model store. Spring Boot's own MongoDB indicator sends {@code hello}, which the embedded
 * wire-protocol server does not know; {@code ping} works on it and on a real MongoDB alike.
 */
public class ReadModelHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    public ReadModelHealthIndicator(MongoTemplate mongo) {
        super("read-model store health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("database", mongo.getDb().getName()).withDetail("ping", answer.get("ok"));
    }
}
