package io.sidecar.prm.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code prm.security.*}: the bootstrap administrator, bearer tokens, and how failed sign-ins are slowed down.
 *
 * @param adminPassword    the password of {@code admin}, created on the first start with no users
 *                         ({@code PRM_ADMIN_PASSWORD}); when blank, a random one is printed once to the log
 * @param jwt              bearer JWTs, accepted when an issuer or a JWK set is configured
 * @param login            failed sign-ins
 * @param credentialsCache how long a verified user name and password are trusted without hashing them again
 */
@ConfigurationProperties("prm.security")
public record SecurityProperties(
        String adminPassword,
        @DefaultValue Jwt jwt,
        @DefaultValue Login login,
        @DefaultValue("60s") Duration credentialsCache) {

    /**
     * @param issuerUri  the issuer whose discovery document names its keys
     * @param jwkSetUri  or the JWK set itself
     * @param rolesClaim the claim that lists the roles ({@code ADMIN}, {@code MANAGER}, ...)
     */
    public record Jwt(
            String issuerUri,
            String jwkSetUri,
            @DefaultValue("roles") String rolesClaim) {

        boolean enabled() {
            return hasText(issuerUri) || hasText(jwkSetUri);
        }

        private static boolean hasText(String value) {
            return value != null && !value.isBlank();
        }
    }

    /**
     * @param maxFailures failed sign-ins of one user name within {@code window} before it is locked
     * @param window      the window, and how long the lock lasts after the last failure
     */
    public record Login(
            @DefaultValue("10") int maxFailures,
            @DefaultValue("5m") Duration window) {}
}
