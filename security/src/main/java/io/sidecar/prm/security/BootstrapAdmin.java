package io.sidecar.prm.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On a start with no users, creates {@code admin} with the password of {@code PRM_ADMIN_PASSWORD}
 * ({@code prm.security.admin-password}), or with a random one printed once to the log. Never again after: the
 * variable does not reset a password.
 */
@Component
class BootstrapAdmin implements SmartInitializingSingleton {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final UserStore users;
    private final PasswordEncoder encoder;
    private final SecurityProperties properties;
    private final Clock clock;

    BootstrapAdmin(UserStore users, PasswordEncoder encoder, SecurityProperties properties, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!users.isEmpty()) {
            return;
        }
        String given = properties.adminPassword();
        boolean generated = given == null || given.isBlank();
        String password = generated ? randomPassword() : given;
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > UserController.BCRYPT_MAX_BYTES) {
            throw new IllegalStateException("PRM_ADMIN_PASSWORD is longer than bcrypt takes: at most "
                    + UserController.BCRYPT_MAX_BYTES + " bytes in UTF-8");
        }
        boolean created = users.create(new StoredUser(
                USERNAME, encoder.encode(password), List.of(Role.ADMIN), null, clock.instant(), "bootstrap"));
        if (!created) {
            return; // another instance created it first
        }
        if (generated) {
            // the one place a password is ever written out: API.md asks for it, once, on the first start
            log.warn(
                    "No users existed: created user '{}' with the generated password {} (shown only now; set"
                            + " PRM_ADMIN_PASSWORD to choose it)",
                    USERNAME,
                    password);
        } else {
            log.info("No users existed: created user '{}' with the password of PRM_ADMIN_PASSWORD", USERNAME);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
