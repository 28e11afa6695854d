package io.sidecar.prm.events.partner;

/** Partner tiers, lowest first: {@code REGISTERED < SILVER < GOLD < PLATINUM}. */
public enum PartnerTier {
    REGISTERED,
    SILVER,
    GOLD,
    PLATINUM
}
