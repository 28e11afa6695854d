package io.sidecar.prm.command.partner;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The configurable figures of the partner side ({@code prm.partners.*}).
 *
 * @param snapshotThreshold a snapshot of a partner every this many events, default 100
 */
@Validated
@ConfigurationProperties("prm.partners")
public record PartnerRules(@DefaultValue("100") @Positive int snapshotThreshold) {}
