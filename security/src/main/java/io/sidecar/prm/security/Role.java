package io.sidecar.prm.security;

/**
 * What a user may do (API.md, "Security"): {@code ADMIN} everything; {@code MANAGER} partner and deal commands and
 * the reads; {@code AUDITOR} the reads, history, state as of, verification and export, no command; {@code VIEWER}
 * the dashboard and lists without contact data; {@code PARTNER} its own partner and deals, bound to one partner.
 */
public enum Role {
    ADMIN,
    MANAGER,
    AUDITOR,
    VIEWER,
    PARTNER;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
