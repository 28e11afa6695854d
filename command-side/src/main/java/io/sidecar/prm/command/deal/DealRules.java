package io.sidecar.prm.command.deal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The configurable figures of deal registration (DOMAIN.md, "Deal").
 *
 * @param reportingCurrency   the one currency deals are registered in, default {@code USD}
 * @param openLimit           open registrations (pending or approved) a partner may hold, default 25
 * @param protectionPeriod    how long an approval protects a deal, default 90 days
 * @param expirySweepInterval how often due protections are looked for, default 10 s
 */
@Validated
@ConfigurationProperties("prm.deals")
public record DealRules(
        @DefaultValue("USD") @NotBlank @Pattern(regexp = "[A-Z]{3}")
        String reportingCurrency,

        @DefaultValue("25") @Positive int openLimit,
        @DefaultValue("90d") @NotNull Duration protectionPeriod,
        @DefaultValue("10s") @NotNull Duration expirySweepInterval) {

    /**
     * The defaults, in the given reporting currency (tests). A factory, not a second constructor: Spring Boot
     * binds a record through its only constructor.
     */
    public static DealRules defaults(String reportingCurrency) {
        return new DealRules(reportingCurrency, 25, Duration.ofDays(90), Duration.ofSeconds(10));
    }
}
