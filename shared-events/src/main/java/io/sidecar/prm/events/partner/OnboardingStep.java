package io.sidecar.prm.events.partner;

/** The checklist a partner completes before it can be activated. */
public enum OnboardingStep {
    AGREEMENT_SIGNED,
    COMPLIANCE_CHECKED,
    TRAINING_COMPLETED
}
