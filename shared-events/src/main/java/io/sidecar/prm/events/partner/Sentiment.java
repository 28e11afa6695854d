package io.sidecar.prm.events.partner;

/** How a check-in went. */
public enum Sentiment {
    POSITIVE,
    NEUTRAL,
    NEGATIVE
}
