package io.sidecar.prm.command.partner;

import io.sidecar.prm.command.support.CommandRefusedException;
import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.command.support.FieldError;
import io.sidecar.prm.command.support.MoneyAmount;
import io.sidecar.prm.command.web.CommandSender;
import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.partner.OnboardingStep;
import io.sidecar.prm.events.partner.PartnerTier;
import io.sidecar.prm.events.partner.Sentiment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partner's life after onboarding over HTTP (API.md, "Partners"): checklist, activation, tier, goals,
 * check-ins, suspension, offboarding, erasure of its contact data. Each answers 200 with the partner's new version.
 */
@RestController
@RequestMapping("/api/partners/{id}")
@Tag(name = "Partner commands")
class PartnerLifecycleController {

    private final CommandSender sender;
    private final Clock clock;

    PartnerLifecycleController(CommandSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    @PostMapping("/onboarding-steps/{step}")
    @Operation(summary = "Complete an onboarding step", description = "Completing a done step changes nothing.")
    CommandResult completeStep(@PathVariable String id, @PathVariable String step, HttpServletRequest request) {
        return sender.send(new CompleteOnboardingStepCommand(id, onboardingStep(step), clock.instant()), request);
    }

    @PostMapping("/activate")
    @Operation(summary = "Activate a partner", description = "Only from ONBOARDING, with every step done.")
    CommandResult activate(@PathVariable String id, HttpServletRequest request) {
        return sender.send(new ActivatePartnerCommand(id, clock.instant()), request);
    }

    @PostMapping(path = "/tier", consumes = "application/json")
    @Operation(summary = "Change an active partner's tier")
    CommandResult changeTier(@PathVariable String id, @RequestBody TierRequest body, HttpServletRequest request) {
        return sender.send(new ChangePartnerTierCommand(id, body.tier(), body.reason(), clock.instant()), request);
    }

    @PutMapping(path = "/goals/{period}", consumes = "application/json")
    @Operation(summary = "Set the goal of a quarter (YYYY-Qn)", description = "Replaces that quarter's goal.")
    CommandResult setGoal(
            @PathVariable String id,
            @PathVariable String period,
            @RequestBody GoalRequest body,
            HttpServletRequest request) {
        Money target = body.revenueTarget();
        return sender.send(
                new SetPartnerGoalCommand(
                        id,
                        period,
                        target == null ? null : new MoneyAmount(target.amount(), target.currency()),
                        body.dealTarget(),
                        clock.instant()),
                request);
    }

    @PostMapping(path = "/check-ins", consumes = "application/json")
    @Operation(summary = "Record a check-in", description = "Answers the partner's version and the check-in's id.")
    RecordedCheckIn recordCheckIn(
            @PathVariable String id, @RequestBody CheckInRequest body, HttpServletRequest request) {
        String checkInId = UUID.randomUUID().toString();
        CommandResult result = sender.send(
                new RecordCheckInCommand(
                        id,
                        checkInId,
                        body.occurredOn(),
                        body.attendees(),
                        body.summary(),
                        body.sentiment(),
                        body.nextSteps(),
                        clock.instant()),
                request);
        return new RecordedCheckIn(result.id(), result.version(), checkInId);
    }

    @PostMapping(path = "/suspend", consumes = "application/json")
    @Operation(summary = "Suspend an active partner")
    CommandResult suspend(@PathVariable String id, @RequestBody ReasonRequest body, HttpServletRequest request) {
        return sender.send(new SuspendPartnerCommand(id, body.reason(), clock.instant()), request);
    }

    @PostMapping("/reinstate")
    @Operation(summary = "Reinstate a suspended partner")
    CommandResult reinstate(@PathVariable String id, HttpServletRequest request) {
        return sender.send(new ReinstatePartnerCommand(id, clock.instant()), request);
    }

    @PostMapping(path = "/offboard", consumes = "application/json")
    @Operation(summary = "Offboard a partner (final)", description = "Frees its name; its open deals are withdrawn.")
    CommandResult offboard(@PathVariable String id, @RequestBody ReasonRequest body, HttpServletRequest request) {
        return sender.send(new OffboardPartnerCommand(id, body.reason(), clock.instant()), request);
    }

    @PostMapping("/erase-contact")
    @Operation(
            summary = "Erase the partner's contact data (GDPR)",
            description = "Deletes the partner's data key: the contact's name, email and phone read [erased] in every"
                    + " view, export, feed and rebuild from then on. 409 when it is erased already.")
    CommandResult eraseContact(@PathVariable String id, HttpServletRequest request) {
        return sender.send(new EraseContactDataCommand(id, clock.instant()), request);
    }

    private static OnboardingStep onboardingStep(String step) {
        try {
            return OnboardingStep.valueOf(step.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw CommandRefusedException.invalid(
                    List.of(new FieldError("step", "must be one of " + Arrays.toString(OnboardingStep.values()))));
        }
    }

    /** The body of {@code POST /api/partners/{id}/tier}: the new tier and why. */
    record TierRequest(PartnerTier tier, String reason) {}

    /** The body of {@code PUT /api/partners/{id}/goals/{period}}: the revenue target and, optionally, deals. */
    record GoalRequest(Money revenueTarget, Integer dealTarget) {}

    /** The body of {@code POST /api/partners/{id}/check-ins}. */
    record CheckInRequest(
            LocalDate occurredOn,
            List<String> attendees,
            String summary,
            Sentiment sentiment,
            List<String> nextSteps) {}

    /** A body that gives a reason. */
    record ReasonRequest(String reason) {}

    /**
     * The answer to a recorded check-in.
     *
     * @param id        the partner
     * @param version   the partner's version after it
     * @param checkInId the new check-in's id
     */
    record RecordedCheckIn(String id, long version, String checkInId) {}
}
