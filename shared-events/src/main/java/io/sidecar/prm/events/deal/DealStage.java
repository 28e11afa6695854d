package io.sidecar.prm.events.deal;

/** The sales stages of an approved deal, forward only: {@code QUALIFIED → PROPOSAL → NEGOTIATION}. */
public enum DealStage {
    QUALIFIED,
    PROPOSAL,
    NEGOTIATION
}
