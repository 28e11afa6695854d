package io.sidecar.prm.security;

import static io.sidecar.prm.security.Role.ADMIN;
import static io.sidecar.prm.security.Role.AUDITOR;
import static io.sidecar.prm.security.Role.MANAGER;
import static io.sidecar.prm.security.Role.PARTNER;
import static io.sidecar.prm.security.Role.VIEWER;

import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * Which roles may call which route: the one place the decision is made. A route of {@code /api/**} that is not
 * listed is refused to everyone (403), so a new endpoint is closed until someone decides; the role matrix test
 * fails until then as well. {@link Role#ADMIN} may call everything. A {@link Role#PARTNER} user passes here only for
 * the routes it may use at all; which partner's data it gets is decided by the handler ({@link Caller#maySee}).
 */
public final class ApiAccess {

    /** One decision: {@code method} calls of paths matching {@code pattern} by any of {@code roles}. */
    public record Rule(HttpMethod method, String pattern, List<Role> roles) {

        Rule(HttpMethod method, String pattern, Role... roles) {
            this(method, pattern, List.copyOf(Arrays.asList(roles)));
        }

        String[] authorities() {
            return roles.stream().map(Role::name).toArray(String[]::new);
        }
    }

    private static final HttpMethod GET = HttpMethod.GET;
    private static final HttpMethod POST = HttpMethod.POST;
    private static final HttpMethod PUT = HttpMethod.PUT;
    private static final HttpMethod PATCH = HttpMethod.PATCH;
    private static final HttpMethod DELETE = HttpMethod.DELETE;

    /** The decisions, in the order they are tried; the first whose method and pattern match decides. */
    public static final List<Rule> RULES = List.of(
            // users and operations
            new Rule(POST, "/api/users", ADMIN),
            new Rule(GET, "/api/users", ADMIN),
            new Rule(DELETE, "/api/users/*", ADMIN),
            new Rule(GET, "/api/admin/processors", ADMIN),
            new Rule(POST, "/api/admin/processors/*/replay", ADMIN),
            // integrations: the feed carries contact data, so not VIEWER; webhooks are the administrator's
            new Rule(GET, "/api/events", ADMIN, MANAGER, AUDITOR),
            new Rule(GET, "/api/events/types", ADMIN, MANAGER, AUDITOR),
            new Rule(GET, "/api/events/stream", ADMIN, MANAGER, AUDITOR),
            new Rule(POST, "/api/webhooks", ADMIN),
            new Rule(GET, "/api/webhooks", ADMIN),
            new Rule(GET, "/api/webhooks/*", ADMIN),
            new Rule(DELETE, "/api/webhooks/*", ADMIN),
            new Rule(GET, "/api/webhooks/*/deliveries", ADMIN),
            new Rule(POST, "/api/webhooks/*/deliveries/*/retry", ADMIN),
            // audit; a partner user reads its own partner's and deals' history
            new Rule(GET, "/api/partners/*/history", ADMIN, AUDITOR, PARTNER),
            new Rule(GET, "/api/deals/*/history", ADMIN, AUDITOR, PARTNER),
            new Rule(GET, "/api/partners/*/state", ADMIN, AUDITOR),
            new Rule(GET, "/api/audit/verify", ADMIN, AUDITOR),
            new Rule(GET, "/api/audit/export", ADMIN, AUDITOR),
            // personal data
            new Rule(POST, "/api/partners/*/erase-contact", ADMIN),
            // partner commands
            new Rule(POST, "/api/partners", ADMIN, MANAGER),
            new Rule(PATCH, "/api/partners/*", ADMIN, MANAGER),
            new Rule(POST, "/api/partners/*/onboarding-steps/*", ADMIN, MANAGER),
            new Rule(POST, "/api/partners/*/activate", ADMIN, MANAGER),
            new Rule(POST, "/api/partners/*/tier", ADMIN, MANAGER),
            new Rule(PUT, "/api/partners/*/goals/*", ADMIN, MANAGER),
            new Rule(POST, "/api/partners/*/check-ins", ADMIN, MANAGER),
            new Rule(POST, "/api/partners/*/suspend", ADMIN, MANAGER),
            new Rule(POST, "/api/partners/*/reinstate", ADMIN, MANAGER),
            new Rule(POST, "/api/partners/*/offboard", ADMIN, MANAGER),
            // deal commands; a partner user records deals for itself
            new Rule(POST, "/api/deals", ADMIN, MANAGER, PARTNER),
            new Rule(POST, "/api/deals/*/approve", ADMIN, MANAGER),
            new Rule(POST, "/api/deals/*/reject", ADMIN, MANAGER),
            new Rule(POST, "/api/deals/*/stage", ADMIN, MANAGER),
            new Rule(POST, "/api/deals/*/win", ADMIN, MANAGER),
            new Rule(POST, "/api/deals/*/lose", ADMIN, MANAGER),
            new Rule(POST, "/api/deals/*/extend-protection", ADMIN, MANAGER),
            // reads
            new Rule(GET, "/api/partners", ADMIN, MANAGER, AUDITOR, VIEWER, PARTNER),
            new Rule(GET, "/api/partners/*", ADMIN, MANAGER, AUDITOR, VIEWER, PARTNER),
            new Rule(GET, "/api/partners/*/check-ins", ADMIN, MANAGER, AUDITOR, VIEWER, PARTNER),
            new Rule(GET, "/api/partners/*/deals", ADMIN, MANAGER, AUDITOR, VIEWER, PARTNER),
            new Rule(GET, "/api/deals", ADMIN, MANAGER, AUDITOR, VIEWER, PARTNER),
            new Rule(GET, "/api/deals/*", ADMIN, MANAGER, AUDITOR, VIEWER, PARTNER),
            // the dashboard: a partner user gets its own partner's figures only
            new Rule(GET, "/api/dashboard", ADMIN, MANAGER, AUDITOR, VIEWER, PARTNER),
            new Rule(GET, "/api/dashboard/stream", ADMIN, MANAGER, AUDITOR, VIEWER, PARTNER),
            new Rule(GET, "/api/dashboard/leaderboard", ADMIN, MANAGER, AUDITOR, VIEWER, PARTNER));

    private ApiAccess() {}
}
