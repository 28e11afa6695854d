package io.sidecar.prm.query.asof;

import io.sidecar.prm.query.partner.PartnerDetails;
import io.sidecar.prm.query.web.ConsistentRead;
import io.sidecar.prm.query.web.InvalidQueryException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partner's state as of an instant over HTTP (API.md, "Audit").
 */
@RestController
@RequestMapping("/api/partners")
@Tag(name = "Audit")
class PartnerStateController {

    private final AsOfState states;
    private final Clock clock;

    PartnerStateController(AsOfState states, Clock clock) {
        this.states = states;
        this.clock = clock;
    }

    @GetMapping("/{id}/state")
    @Operation(
            summary = "A partner as it was at an instant",
            description = "Rebuilt from the event store (not from the read model) with the live projection's fold:"
                    + " the answer GET /api/partners/{id} gave at that instant, health score and at-risk computed"
                    + " for that instant's day (UTC). Each of its streams counts up to its first event after asOf. 404 for"
                    + " an unknown partner and for an instant before its onboarding (the problem names when it was"
                    + " onboarded); 400 for an asOf that is missing, not an ISO-8601 instant, or in the future (the"
                    + " future is not history yet). Waits for the audit log, which indexes the partner's deals, to"
                    + " catch up (up to prm.query.min-version-wait, 5 s); if it has not, answers what it has with"
                    + " Warning: 110 - \"stale\".")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PartnerDetails.class)))
    ResponseEntity<?> state(
            @PathVariable String id,
            @Parameter(description = "the instant, ISO-8601 UTC, e.g. 2026-05-01T12:00:00Z")
                    @RequestParam(required = false)
                    String asOf) {
        Instant instant = instant(asOf);
        Optional<AsOfState.Answer> found = states.of(id, instant);
        if (found.isEmpty()) {
            return ConsistentRead.notFound("partner", id);
        }
        AsOfState.Answer answer = found.get();
        if (answer.details() == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(notOnboardedYet(id, instant, answer));
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (!answer.complete()) {
            ok.header(HttpHeaders.WARNING, ConsistentRead.STALE);
        }
        return ok.body(answer.details());
    }

    private Instant instant(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            throw new InvalidQueryException("asOf", "is required: an ISO-8601 instant such as 2026-05-01T12:00:00Z");
        }
        Instant instant;
        try {
            instant = Instant.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException("asOf", "must be an ISO-8601 instant such as 2026-05-01T12:00:00Z");
        }
        Instant now = clock.instant();
        if (instant.isAfter(now)) {
            // the state at a future instant is not known yet: an answer now could be contradicted by what happens
            throw new InvalidQueryException("asOf", "must not be in the future (it is now " + now + ")");
        }
        return instant;
    }

    private static ProblemDetail notOnboardedYet(String id, Instant asOf, AsOfState.Answer answer) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND,
                "partner " + id + " was not onboarded yet at " + asOf + "; it was onboarded at "
                        + answer.onboardedAt());
        problem.setProperty("code", "partner.not-onboarded-yet");
        problem.setProperty("onboardedAt", answer.onboardedAt());
        return problem;
    }
}
