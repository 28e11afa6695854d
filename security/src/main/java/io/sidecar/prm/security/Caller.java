package io.sidecar.prm.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling: the authenticated user of the current request, its roles, and for a {@link Role#PARTNER} user the
 * one partner it is bound to.
 *
 * @param username  the user's name (a JWT's subject)
 * @param roles     its roles
 * @param partnerId the partner a {@code PARTNER} user is bound to, else {@code null}
 */
public record Caller(String username, Set<Role> roles, String partnerId) {

    /** The JWT claim that binds a partner user to its partner. */
    public static final String PARTNER_CLAIM = "partnerId";

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** The caller of the current request, if one is authenticated. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        Object principal = authentication.getPrincipal();
        if (principal instanceof PrmUserDetails user) {
            return Optional.of(user.caller());
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            for (Role role : Role.values()) {
                if (role.authority().equals(authority.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        if (roles.isEmpty()) {
            // an anonymous token, or a token that grants nothing: no caller this product knows
            return Optional.empty();
        }
        // only a partner user is bound to a partner: another role's token naming one is not recorded as acting for it
        String partnerId = principal instanceof Jwt jwt && roles.contains(Role.PARTNER)
                ? jwt.getClaimAsString(PARTNER_CLAIM)
                : null;
        return Optional.of(new Caller(authentication.getName(), roles, partnerId));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * Whether this caller sees only one partner: a {@code PARTNER} without a role that reads every partner's data
     * (ADMIN, MANAGER, AUDITOR). A VIEWER role beside it (a token may carry both) widens nothing.
     */
    public boolean isPartnerBound() {
        return has(Role.PARTNER) && !has(Role.ADMIN) && !has(Role.MANAGER) && !has(Role.AUDITOR);
    }

    /** Whether this caller may see partner {@code id}'s data (a partner user only its own). */
    public boolean maySee(String id) {
        return !isPartnerBound() || (partnerId != null && partnerId.equals(id));
    }

    /** Whether this caller sees contact data: not a {@code VIEWER} only. */
    public boolean seesContactData() {
        return has(Role.ADMIN) || has(Role.MANAGER) || has(Role.AUDITOR) || has(Role.PARTNER);
    }
}
