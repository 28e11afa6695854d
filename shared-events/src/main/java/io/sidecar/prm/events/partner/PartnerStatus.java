package io.sidecar.prm.events.partner;

/**
 * Where a partner is in its lifecycle: {@code ONBOARDING → ACTIVE ⇄ SUSPENDED}, any of them {@code → OFFBOARDED}.
 */
public enum PartnerStatus {
    ONBOARDING,
    ACTIVE,
    SUSPENDED,
    OFFBOARDED
}
