package io.sidecar.prm.query.audit;

import io.sidecar.prm.query.PageOf;
import io.sidecar.prm.query.web.InvalidQueryException;
import io.sidecar.prm.query.web.ListRequest;
import io.sidecar.prm.query.web.UnknownResourceException;
import io.sidecar.prm.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * History and verification for auditors (API.md, "Audit"): what the audit log recorded, and whether the event
 * store still holds exactly that.
 */
@RestController
@Tag(name = "Audit")
class AuditController {

    private final AuditHistory history;
    private final AuditVerification verification;

    private final TaskExecutor executor;

    AuditController(
            AuditHistory history,
            AuditVerification verification,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.history = history;
        this.verification = verification;
        this.executor = executor;
    }

    @GetMapping("/api/partners/{id}/history")
    @Operation(
            summary = "A partner's history: its events and its deals', oldest first",
            description = "Each entry as the event store holds it (payload and revision as stored; contact data"
                    + " decrypted, or [erased]), with who did it,"
                    + " in which request, because of what, and its hash in its stream's chain. from (inclusive) and"
                    + " to (exclusive) select by the instant the event occurred at.")
    PageOf<AuditEntry> partnerHistory(
            @PathVariable String id,
            @Parameter(description = "ISO-8601 instant") @RequestParam(required = false) String from,
            @Parameter(description = "ISO-8601 instant") @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        ListRequest list = ListRequest.of(page, size, null, Set.of("position"), "position");
        AuditHistory.TimeRange range = range(from, to);
        if (!maySee(id)) {
            // to a partner user another partner's history does not exist
            throw new UnknownResourceException("partner", id);
        }
        return history.partner(id, range, list.page(), list.size());
    }

    @GetMapping("/api/deals/{id}/history")
    @Operation(summary = "A deal's history, oldest first", description = "The same entries as a partner's history.")
    PageOf<AuditEntry> dealHistory(
            @PathVariable String id,
            @Parameter(description = "ISO-8601 instant") @RequestParam(required = false) String from,
            @Parameter(description = "ISO-8601 instant") @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        ListRequest list = ListRequest.of(page, size, null, Set.of("position"), "position");
        return history.deal(id, range(from, to), list.page(), list.size(), AuditController::maySee);
    }

    @GetMapping("/api/audit/verify")
    @Operation(
            summary = "Recomputes the hash chains from the event store and compares them with the recorded ones",
            description = "For one partner (its stream and its deals'), or without partnerId for the whole store.")
    AuditVerification.Result verify(@RequestParam(required = false) String partnerId) {
        return partnerId == null ? verification.everything() : verification.partner(partnerId);
    }

    @GetMapping(path = "/api/audit/verify", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Verifies the whole store, streaming its progress",
            description = "Server-Sent Events: `progress` about once a second ({eventsRead, position, head}), then"
                    + " one `result` with the same body as the JSON answer.")
    SseEmitter verifyStreaming(@RequestParam(required = false) String partnerId) {
        // one partner answers fast, and an unknown one is refused before the stream starts
        AuditVerification.Result partner = partnerId == null ? null : verification.partner(partnerId);
        SseEmitter emitter = new SseEmitter(0L);
        executor.execute(() -> {
            try {
                AuditVerification.Result result = partner != null
                        ? partner
                        : verification.everything(progress -> send(emitter, "progress", progress));
                send(emitter, "result", result);
                emitter.complete();
            } catch (RuntimeException | Error e) {
                emitter.completeWithError(e);
                if (e instanceof Error error) {
                    throw error;
                }
            }
        });
        return emitter;
    }

    /**
     * Whether the caller may see this partner's history (a partner user its own only). Without a caller (only where
     * no security filter runs; it authenticates every API call) nothing is scoped.
     */
    private static boolean maySee(String partnerId) {
        return Caller.current().map(caller -> caller.maySee(partnerId)).orElse(true);
    }

    private static void send(SseEmitter emitter, String name, Object data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException e) {
            throw new UncheckedIOException("the client went away", e);
        }
    }

    private static AuditHistory.TimeRange range(String from, String to) {
        AuditHistory.TimeRange range = new AuditHistory.TimeRange(instant("from", from), instant("to", to));
        if (range.from() != null && range.to() != null && !range.from().isBefore(range.to())) {
            throw new InvalidQueryException("to", "must be after from");
        }
        return range;
    }

    private static Instant instant(String parameter, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException(parameter, "must be an ISO-8601 instant such as 2026-01-31T09:00:00Z");
        }
    }
}
