package io.sidecar.prm.security;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A user as the {@code users} collection holds it: a bcrypt hash, never the password.
 *
 * @param username     the user name, the document's id
 * @param passwordHash bcrypt
 * @param roles        its roles
 * @param partnerId    the partner a {@code PARTNER} user is bound to
 * @param createdAt    when it was created
 * @param createdBy    who created it
 */
@Document("users")
record StoredUser(
        @Id String username,
        String passwordHash,
        List<Role> roles,
        String partnerId,
        Instant createdAt,
        String createdBy) {

    Caller caller() {
        return new Caller(username, roles.isEmpty() ? java.util.Set.of() : java.util.EnumSet.copyOf(roles), partnerId);
    }
}
