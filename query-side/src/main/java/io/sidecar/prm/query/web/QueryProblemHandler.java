package io.sidecar.prm.query.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.sidecar.prm.security.request.RequestBodyLimit;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.axonframework.common.AxonException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Answers unusable query parameters with a 400 problem that names the parameter, and an unknown parent resource
 * of a list with a 404 problem.
 */
@RestControllerAdvice(basePackages = "io.sidecar.prm.query")
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(QueryProblemHandler.class);

    @ExceptionHandler(InvalidQueryException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ProblemDetail invalid(InvalidQueryException invalid) {
        return problem(invalid.kind(), invalid.parameter(), invalid.getMessage());
    }

    /**
     * A request body (the query side takes few: a webhook subscription) that is not JSON, or has a field of the wrong
     * type: a 400 problem naming the field when there is one; one that passed 1 MiB while it was read, a 413.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException unreadable) {
        if (RequestBodyLimit.exceeded(unreadable)) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(RequestBodyLimit.problem());
        }
        return ResponseEntity.badRequest().body(invalidBody(unreadable));
    }

    private static ProblemDetail invalidBody(HttpMessageNotReadableException unreadable) {
        if (unreadable.getCause() instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            return problem("field", field, "has a value of the wrong type");
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "the request body is missing or is not a JSON object");
        problem.setType(URI.create("https://sidecar-prm.io/problems/request.malformed"));
        problem.setProperty("code", "request.malformed");
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException mismatch) {
        Class<?> type = mismatch.getRequiredType();
        String message = type != null && type.isEnum()
                ? "must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                : "must be "
                        + (type == null ? "valid" : "a " + type.getSimpleName().toLowerCase());
        return problem(mismatch.getName(), message);
    }

    @ExceptionHandler(UnknownResourceException.class)
    ResponseEntity<?> unknown(UnknownResourceException unknown) {
        return ConsistentRead.notFound(unknown.what(), unknown.id());
    }

    /** The read side could not answer (a store or the query bus failed): a problem, never a bare error page. */
    @ExceptionHandler({AxonException.class, CompletionException.class, DataAccessException.class})
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    ProblemDetail unavailable(RuntimeException failure) {
        log.error("query failed", failure);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "the read models cannot be reached right now; try again shortly");
        problem.setProperty("code", "queries.unavailable");
        return problem;
    }

    private static ProblemDetail problem(String parameter, String message) {
        return problem("query parameter", parameter, message);
    }

    private static ProblemDetail problem(String kind, String parameter, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "invalid " + kind + " " + parameter + ": " + message);
        problem.setType(URI.create("https://sidecar-prm.io/problems/validation.failed"));
        problem.setProperty("code", "validation.failed");
        problem.setProperty("errors", List.of(Map.of("field", parameter, "message", message)));
        return problem;
    }
}
