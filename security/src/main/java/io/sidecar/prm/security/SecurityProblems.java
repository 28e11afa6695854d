package io.sidecar.prm.security;

import io.sidecar.prm.security.request.RequestBodyLimit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Bad input to the security module's own endpoints ({@code /api/users}) as RFC 9457 problems like everywhere else:
 * invalid fields with {@code errors: [{field, message}]}, a body that is not JSON a 400, one over 1 MiB a 413.
 */
@RestControllerAdvice(basePackages = "io.sidecar.prm.security")
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityProblems {

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException invalid) {
        List<Map<String, String>> errors = invalid.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(org.springframework.validation.FieldError::getField))
                .map(error -> Map.of(
                        "field",
                        error.getField(),
                        "message",
                        error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage()))
                .toList();
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                "validation.failed",
                "the request has invalid fields: "
                        + String.join(
                                ", ",
                                errors.stream().map(error -> error.get("field")).toList()));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException unreadable) {
        if (RequestBodyLimit.exceeded(unreadable)) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(RequestBodyLimit.problem());
        }
        return ResponseEntity.badRequest()
                .body(Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "request.malformed",
                        "the request body is missing, not JSON, or has a field of the wrong type"));
    }
}
