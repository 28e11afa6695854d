package io.sidecar.prm.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password against the {@link UserStore}'s bcrypt hash (HTTP Basic and the login form).
 * A bcrypt check costs tens of milliseconds by design, too much for every call of a script, so a name and password
 * verified once are trusted for {@code prm.security.credentials-cache}: what is kept is an HMAC of them under a key
 * that lives only in this process's memory, never the password. Deleting a user forgets it at once (in this
 * process). A locked name ({@link LoginThrottle}) is refused before any check.
 */
@Component
public class PasswordCheck implements AuthenticationProvider {

    private final UserStore users;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final Duration trust;
    private final byte[] cacheKey = new byte[32];
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final ReentrantLock[] stripes = new ReentrantLock[64];
    /** Compared against when the user does not exist, so that an unknown name costs as much as a wrong password. */
    private final String absentHash;

    PasswordCheck(
            UserStore users,
            PasswordEncoder encoder,
            LoginThrottle throttle,
            SecurityProperties properties,
            Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.throttle = throttle;
        this.clock = clock;
        this.trust = properties.credentialsCache();
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
        SecureRandom random = new SecureRandom();
        random.nextBytes(cacheKey);
        byte[] nobody = new byte[16];
        random.nextBytes(nobody);
        this.absentHash = encoder.encode(java.util.HexFormat.of().formatHex(nobody));
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null
                ? ""
                : authentication.getCredentials().toString();
        byte[] fingerprint = fingerprint(username, password);
        // one check at a time per user name: attempts sent at once are counted one after the other, so they cannot
        // all slip in before the lock; and once one has verified the password, the others find it verified
        ReentrantLock stripe = stripes[Math.floorMod(username.hashCode(), stripes.length)];
        stripe.lock();
        try {
            if (throttle.lockedUntil(username).isPresent()) {
                throw new LockedException("too many failed sign-ins");
            }
            Verified known = verified.get(username);
            if (known != null
                    && known.until().isAfter(clock.instant())
                    && MessageDigest.isEqual(known.fingerprint(), fingerprint)) {
                return signedIn(known.user(), authentication);
            }
            StoredUser user = users.find(username).orElse(null);
            if (user == null) {
                encoder.matches(password, absentHash);
                throttle.failed(username);
                throw new BadCredentialsException("bad credentials");
            }
            if (!encoder.matches(password, user.passwordHash())) {
                throttle.failed(username);
                throw new BadCredentialsException("bad credentials");
            }
            throttle.succeeded(username);
            PrmUserDetails details = new PrmUserDetails(user.caller());
            verified.put(
                    username, new Verified(fingerprint, details, clock.instant().plus(trust)));
            return signedIn(details, authentication);
        } finally {
            stripe.unlock();
        }
    }

    /** Forgets what was verified of {@code username}: it was deleted. */
    void forget(String username) {
        verified.remove(username);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static Authentication signedIn(PrmUserDetails user, Authentication request) {
        UsernamePasswordAuthenticationToken token =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        token.setDetails(request.getDetails());
        return token;
    }

    private byte[] fingerprint(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cacheKey, "HmacSHA256"));
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    private record Verified(byte[] fingerprint, PrmUserDetails user, Instant until) {}
}
