package io.sidecar.prm.command.partner;

import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.partner.PartnerTier;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The tier policy's promotion of a partner whose trailing won revenue crossed a threshold; the partner decides
 * (only an ACTIVE partner below that tier is promoted).
 *
 * @param partnerId       the partner
 * @param tier            the tier the threshold gives
 * @param ruleSetVersion  the version of the thresholds applied
 * @param threshold       the threshold crossed
 * @param trailingRevenue the won revenue over the trailing 12 months, the deal included
 * @param dealId          the won deal that crossed it
 * @param promotedAt      when
 */
public record PromotePartnerCommand(
        @TargetAggregateIdentifier String partnerId,
        PartnerTier tier,
        String ruleSetVersion,
        Money threshold,
        Money trailingRevenue,
        String dealId,
        Instant promotedAt) {}
