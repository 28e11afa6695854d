package io.sidecar.prm.command.partner;

import io.sidecar.prm.events.partner.PartnerTier;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The automatic tier policy's thresholds (DOMAIN.md): trailing-12-month won revenue, in the reporting currency,
 * that promotes a partner ({@code prm.tier-policy.*}).
 *
 * @param version  the rule set's version, named in every automatic promotion; change it with the thresholds
 * @param silver   revenue for SILVER, default 100,000
 * @param gold     revenue for GOLD, default 500,000
 * @param platinum revenue for PLATINUM, default 2,000,000
 */
@Validated
@ConfigurationProperties("prm.tier-policy")
public record TierPolicyRules(
        @DefaultValue("1") @NotBlank String version,
        @DefaultValue("100000") @NotNull BigDecimal silver,
        @DefaultValue("500000") @NotNull BigDecimal gold,
        @DefaultValue("2000000") @NotNull BigDecimal platinum) {

    /**
     * A tier and the threshold that gives it.
     *
     * @param tier      the tier
     * @param threshold the trailing revenue it takes
     */
    public record Step(PartnerTier tier, BigDecimal threshold) {}

    /** The highest tier whose threshold {@code trailingRevenue} reaches, if any. */
    public Optional<Step> highestReachedBy(BigDecimal trailingRevenue) {
        if (trailingRevenue.compareTo(platinum) >= 0) {
            return Optional.of(new Step(PartnerTier.PLATINUM, platinum));
        }
        if (trailingRevenue.compareTo(gold) >= 0) {
            return Optional.of(new Step(PartnerTier.GOLD, gold));
        }
        if (trailingRevenue.compareTo(silver) >= 0) {
            return Optional.of(new Step(PartnerTier.SILVER, silver));
        }
        return Optional.empty();
    }
}
