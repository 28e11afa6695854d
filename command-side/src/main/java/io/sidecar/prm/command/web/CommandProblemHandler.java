package io.sidecar.prm.command.web;

import io.sidecar.prm.command.support.CommandRefusal;
import io.sidecar.prm.command.support.CommandRefusedException;
import java.net.URI;
import java.util.Optional;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.distributed.CommandDispatchException;
import org.axonframework.common.AxonException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns a refused command into an RFC 9457 problem: 400 for invalid input (every field named), 404 for an unknown
 * id, 409 for a rule of the domain, each with a stable {@code code}. Nothing was stored. And 503 when no handler
 * can be reached.
 */
@RestControllerAdvice(basePackages = "io.sidecar.prm.command")
class CommandProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(CommandProblemHandler.class);

    @ExceptionHandler(CommandRefusedException.class)
    ResponseEntity<ProblemDetail> refused(CommandRefusedException refused) {
        return problem(refused.refusal());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> failed(CommandExecutionException failed) {
        Optional<CommandRefusal> refusal =
                failed.getDetails().filter(CommandRefusal.class::isInstance).map(CommandRefusal.class::cast);
        if (refusal.isPresent()) {
            return problem(refusal.get());
        }
        log.error("command failed", failed);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "the command could not be completed; nothing was stored");
        return ResponseEntity.internalServerError().body(problem);
    }

    /** The command bus cannot reach a handler (in the distributed mode: Axon Server is down or has none). */
    @ExceptionHandler({NoHandlerForCommandException.class, CommandDispatchException.class, AxonServerException.class})
    ResponseEntity<ProblemDetail> unavailable(RuntimeException unavailable) {
        log.warn("command not dispatched: {}", unavailable.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "commands cannot be processed right now; try again shortly");
        problem.setProperty("code", "commands.unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
    }

    /** Anything else Axon or the store threw: a 500 problem; whether the command was stored is unknown. */
    @ExceptionHandler(AxonException.class)
    ResponseEntity<ProblemDetail> failedUnexpectedly(RuntimeException failure) {
        log.error("command failed", failure);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "the command could not be completed because of a fault on our side");
        problem.setProperty("code", "commands.failed");
        return ResponseEntity.internalServerError().body(problem);
    }

    static ResponseEntity<ProblemDetail> problem(CommandRefusal refusal) {
        HttpStatus status = switch (refusal.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case RULE -> HttpStatus.CONFLICT;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refusal.message());
        problem.setType(URI.create("https://sidecar-prm.io/problems/" + refusal.code()));
        problem.setProperty("code", refusal.code());
        refusal.facts().forEach(problem::setProperty);
        if (!refusal.errors().isEmpty()) {
            problem.setProperty("errors", refusal.errors());
        }
        return ResponseEntity.status(status).body(problem);
    }
}
