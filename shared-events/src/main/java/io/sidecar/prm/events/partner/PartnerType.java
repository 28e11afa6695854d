package io.sidecar.prm.events.partner;

/** What kind of business a partner does with us. */
public enum PartnerType {
    RESELLER,
    REFERRAL,
    TECHNOLOGY,
    SERVICES,
    DISTRIBUTOR
}
