package io.sidecar.prm.security;

import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The users the system holds, in MongoDB ({@code users}), by user name. */
@Component
public class UserStore {

    private final MongoTemplate mongo;
    private final DurableWrites durable;

    UserStore(MongoTemplate mongo, ObjectProvider<DurableWrites> durable) {
        this.mongo = mongo;
        this.durable = durable.getIfAvailable(() -> DurableWrites.IMMEDIATE);
    }

    Optional<StoredUser> find(String username) {
        return Optional.ofNullable(mongo.findById(username, StoredUser.class));
    }

    /** Stores a new user; answers false when one by that name exists. */
    boolean create(StoredUser user) {
        try {
            durable.run(() -> mongo.insert(user));
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    List<StoredUser> all() {
        return mongo.find(new Query().with(Sort.by("_id")), StoredUser.class);
    }

    boolean isEmpty() {
        return mongo.estimatedCount(StoredUser.class) == 0;
    }

    long countWithRole(Role role) {
        return mongo.count(Query.query(Criteria.where("roles").is(role)), StoredUser.class);
    }

    boolean delete(String username) {
        return durable.run(() -> mongo.remove(Query.query(Criteria.where("_id").is(username)), StoredUser.class)
                        .getDeletedCount())
                > 0;
    }
}
