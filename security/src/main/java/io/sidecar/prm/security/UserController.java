package io.sidecar.prm.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The users the system holds (ADMIN): create, list, delete. Passwords go in once and never come out. */
@RestController
class UserController {

    /** What bcrypt hashes of a password. */
    static final int BCRYPT_MAX_BYTES = 72;

    private final UserStore users;
    private final PasswordEncoder encoder;
    private final PasswordCheck passwords;
    private final Clock clock;

    UserController(UserStore users, PasswordEncoder encoder, PasswordCheck passwords, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * A new user.
     *
     * @param username  3 to 64 of a-z, 0-9, '.', '_', '-', '@'
     * @param password  12 to 128 characters
     * @param roles     one or more roles
     * @param partnerId the partner of a PARTNER user (required for PARTNER, refused otherwise)
     */
    record NewUser(
            @NotNull @Pattern(regexp = "[a-z0-9._@-]{3,64}", message = "3 to 64 of a-z, 0-9, '.', '_', '-', '@'")
            String username,

            @NotNull @Size(min = 12, max = 72, message = "12 to 72 characters (at most 72 bytes in UTF-8)")
            String password,

            @NotEmpty List<@NotNull Role> roles,
            @Size(max = 64) String partnerId) {

        @Override
        public String toString() {
            return "NewUser[" + username + " " + roles + " " + partnerId + "]";
        }
    }

    /** A user as listed: never its password or hash. */
    record UserView(String username, List<Role> roles, String partnerId, Instant createdAt, String createdBy) {

        static UserView of(StoredUser user) {
            return new UserView(user.username(), user.roles(), user.partnerId(), user.createdAt(), user.createdBy());
        }
    }

    @PostMapping("/api/users")
    ResponseEntity<UserView> create(@Valid @RequestBody NewUser user) {
        if (user.password().getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
            // bcrypt reads 72 bytes: a longer password would be refused by the encoder, or cut short
            throw new UserRefused(
                    HttpStatus.BAD_REQUEST, "user.password-too-long", "password", "at most 72 bytes in UTF-8");
        }
        boolean partner = user.roles().contains(Role.PARTNER);
        boolean hasPartnerId = user.partnerId() != null && !user.partnerId().isBlank();
        if (partner != hasPartnerId) {
            throw new UserRefused(
                    HttpStatus.BAD_REQUEST,
                    "user.partner-id",
                    partner
                            ? "a PARTNER user needs the partnerId it is bound to"
                            : "only a PARTNER user is bound to a partnerId");
        }
        if (partner && user.roles().size() > 1) {
            throw new UserRefused(HttpStatus.BAD_REQUEST, "user.partner-roles", "a PARTNER user has no other role");
        }
        StoredUser stored = new StoredUser(
                user.username(),
                encoder.encode(user.password()),
                List.copyOf(EnumSet.copyOf(user.roles())),
                hasPartnerId ? user.partnerId() : null,
                clock.instant(),
                Caller.current().map(Caller::username).orElse(null));
        if (!users.create(stored)) {
            throw new UserRefused(HttpStatus.CONFLICT, "user.exists", "a user named " + user.username() + " exists");
        }
        return ResponseEntity.created(URI.create("/api/users/" + user.username()))
                .body(UserView.of(stored));
    }

    @GetMapping("/api/users")
    List<UserView> list() {
        return users.all().stream().map(UserView::of).toList();
    }

    @DeleteMapping("/api/users/{username}")
    ResponseEntity<Void> delete(@PathVariable String username) {
        StoredUser user = users.find(username)
                .orElseThrow(() -> new UserRefused(HttpStatus.NOT_FOUND, "user.unknown", "no user named " + username));
        if (user.roles().contains(Role.ADMIN) && users.countWithRole(Role.ADMIN) <= 1) {
            throw new UserRefused(HttpStatus.CONFLICT, "user.last-admin", "the last ADMIN cannot be deleted");
        }
        users.delete(username);
        passwords.forget(username);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(UserRefused.class)
    ResponseEntity<ProblemDetail> refused(UserRefused refused) {
        ProblemDetail problem = Problems.of(refused.status, refused.code, refused.getMessage());
        if (refused.field != null) {
            problem.setProperty("errors", List.of(Map.of("field", refused.field, "message", refused.getMessage())));
        }
        return ResponseEntity.status(refused.status).body(problem);
    }

    static final class UserRefused extends RuntimeException {
        private final HttpStatus status;
        private final String code;
        private final String field;

        UserRefused(HttpStatus status, String code, String detail) {
            this(status, code, null, detail);
        }

        UserRefused(HttpStatus status, String code, String field, String detail) {
            super(detail, null, false, false);
            this.status = status;
            this.code = code;
            this.field = field;
        }
    }
}
