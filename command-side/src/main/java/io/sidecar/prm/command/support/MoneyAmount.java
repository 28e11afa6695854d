package io.sidecar.prm.command.support;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/**
 * A money amount as given on a command (deal amounts, revenue targets).
 *
 * @param amount   more than zero, at most 10^12, at most two decimals
 * @param currency an ISO 4217 code
 */
public record MoneyAmount(
        @NotNull @Positive @Digits(integer = 13, fraction = 2, message = "must have at most 2 decimals")
        BigDecimal amount,

        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code such as USD")
        String currency) {}
