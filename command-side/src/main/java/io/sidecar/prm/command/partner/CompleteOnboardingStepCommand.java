package io.sidecar.prm.command.partner;

import io.sidecar.prm.events.partner.OnboardingStep;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Mark a step of the onboarding checklist as done.
 *
 * @param partnerId   the partner
 * @param step        the step
 * @param completedAt when, from the application's clock
 */
public record CompleteOnboardingStepCommand(
        @TargetAggregateIdentifier String partnerId,
        @NotNull OnboardingStep step,
        @NotNull Instant completedAt) {}
