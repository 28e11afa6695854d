package io.sidecar.prm.command.partner;

import static io.sidecar.prm.command.support.CommandValidation.strip;

import io.sidecar.prm.command.support.MoneyAmount;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Agree a quarter's goal with a partner; replaces the goal of the same quarter.
 *
 * @param partnerId     the partner
 * @param period        the quarter, {@code YYYY-Qn}
 * @param revenueTarget won revenue aimed at, more than zero, in the reporting currency
 * @param dealTarget    won deals aimed at, optional, more than zero
 * @param setAt         when, from the application's clock
 */
public record SetPartnerGoalCommand(
        @TargetAggregateIdentifier String partnerId,

        @NotBlank @Pattern(regexp = "\\d{4}-Q[1-4]", message = "must be a quarter such as 2026-Q3")
        String period,

        @NotNull @Valid MoneyAmount revenueTarget,
        @Positive @Max(1_000_000) Integer dealTarget,
        @NotNull Instant setAt) {

    /** Surrounding white space is not part of the period. */
    public SetPartnerGoalCommand {
        period = strip(period);
    }
}
