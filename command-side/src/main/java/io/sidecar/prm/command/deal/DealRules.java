package io.sidecar.prm.command.deal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The configurable figures of deal registration (DOMAIN.md, "Deal").
 *
 * @param reportingCurrency the one currency deals are registered in, default {@code USD}
 */
@Validated
@ConfigurationProperties("prm.deals")
public record DealRules(
        @NotBlank @Pattern(regexp = "[A-Z]{3}") String reportingCurrency) {

    public DealRules {
        reportingCurrency = reportingCurrency == null ? "USD" : reportingCurrency;
    }
}
