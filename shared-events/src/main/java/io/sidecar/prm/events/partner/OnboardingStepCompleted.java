package io.sidecar.prm.events.partner;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sidecar.prm.events.PartnerEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A step of the onboarding checklist was completed (completing a done step records nothing).
 *
 * @param partnerId   the partner
 * @param step        the step now done
 * @param completedAt when
 */
@Revision("1")
public record OnboardingStepCompleted(String partnerId, OnboardingStep step, Instant completedAt)
        implements PartnerEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return completedAt;
    }
}
