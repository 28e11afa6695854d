package io.sidecar.prm.command.demo;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How much demo data {@code prm.demo-data=true} seeds ({@code prm.demo.*}). The same seed, sizes and day give the
 * same partners, deals and history.
 *
 * @param partners partners to onboard, default 200
 * @param deals    deal registrations, channel conflicts included, default 5000
 * @param seed     the random seed; a fixed default so that two runs look alike
 * @param threads  partners seeded at once, default 4; one partner's commands always go in order on one thread
 */
@Validated
@ConfigurationProperties("prm.demo")
record DemoDataProperties(
        @DefaultValue("200") @Positive @Max(100_000) int partners,

        @DefaultValue("5000") @PositiveOrZero @Max(10_000_000)
        int deals,

        @DefaultValue("20240229") long seed,
        @DefaultValue("4") @Positive @Max(64) int threads) {}
