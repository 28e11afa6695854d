package io.sidecar.prm.events.partner;

import io.sidecar.prm.events.Money;

/**
 * Why the automatic tier policy promoted a partner, so an auditor can see why it holds its tier.
 *
 * @param ruleSetVersion  the version of the tier thresholds applied
 * @param threshold       the threshold crossed
 * @param trailingRevenue the partner's won revenue over the trailing 12 months, the crossing deal included
 * @param dealId          the won deal that crossed it
 */
public record TierPromotion(String ruleSetVersion, Money threshold, Money trailingRevenue, String dealId) {}
