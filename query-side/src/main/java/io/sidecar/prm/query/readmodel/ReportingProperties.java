package io.sidecar.prm.query.readmodel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The figures' currency as the read side sees it: the same property the command side enforces on every deal.
 *
 * @param reportingCurrency the currency figures are summed in, default {@code USD}
 */
@ConfigurationProperties("prm.deals")
public record ReportingProperties(@DefaultValue("USD") String reportingCurrency) {}
