package io.sidecar.prm.command.partner;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erase the partner's contact data (GDPR, DOMAIN.md "Personal data"): its data key is deleted, so the contact reads
 * {@code [erased]} everywhere from then on.
 *
 * @param partnerId the partner
 * @param erasedAt  when, from the application's clock
 */
public record EraseContactDataCommand(
        @TargetAggregateIdentifier String partnerId,
        @NotNull Instant erasedAt) {}
