package io.sidecar.prm.events.deal;

/**
 * Where a deal registration is: {@code PENDING_APPROVAL → APPROVED → WON | LOST | EXPIRED},
 * {@code PENDING_APPROVAL → REJECTED}, and any open state {@code → WITHDRAWN}.
 */
public enum DealStatus {
    PENDING_APPROVAL,
    APPROVED,
    WON,
    LOST,
    EXPIRED,
    REJECTED,
    WITHDRAWN;

    /** Whether the registration still holds its place (pending or approved). */
    public boolean isOpen() {
        return this == PENDING_APPROVAL || this == APPROVED;
    }
}
