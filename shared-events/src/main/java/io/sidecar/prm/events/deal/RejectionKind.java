package io.sidecar.prm.events.deal;

/** Why a registration was rejected. */
public enum RejectionKind {
    /** A manager rejected it. */
    MANUAL,
    /** Another partner holds an open registration for the same customer and product. */
    CHANNEL_CONFLICT
}
