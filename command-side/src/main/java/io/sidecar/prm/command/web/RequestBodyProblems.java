package io.sidecar.prm.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.sidecar.prm.command.support.FieldError;
import io.sidecar.prm.security.request.RequestBodyLimit;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a request body that cannot be read (not JSON, or a field of the wrong type) with a 400 problem that
 * names the field, before any command exists; a body that passed 1 MiB while it was read with a 413 problem.
 */
@RestControllerAdvice(basePackages = "io.sidecar.prm.command")
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyProblems {

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException unreadable) {
        if (RequestBodyLimit.exceeded(unreadable)) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(RequestBodyLimit.problem());
        }
        return ResponseEntity.badRequest().body(invalid(unreadable));
    }

    private static ProblemDetail invalid(HttpMessageNotReadableException unreadable) {
        Throwable cause = unreadable.getCause();
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            String message = message(mapping);
            problem.setType(URI.create("https://sidecar-prm.io/problems/validation.failed"));
            problem.setDetail("the request body has an invalid field: " + field + " " + message);
            problem.setProperty("code", "validation.failed");
            problem.setProperty("errors", List.of(new FieldError(field, message)));
        } else if (cause instanceof JsonProcessingException json && json.getLocation() != null) {
            problem.setType(URI.create("https://sidecar-prm.io/problems/request.malformed"));
            problem.setDetail("the request body is not valid JSON (line "
                    + json.getLocation().getLineNr() + ", column "
                    + json.getLocation().getColumnNr() + ")");
            problem.setProperty("code", "request.malformed");
        } else {
            problem.setType(URI.create("https://sidecar-prm.io/problems/request.malformed"));
            problem.setDetail("the request body is missing or is not a JSON object");
            problem.setProperty("code", "request.malformed");
        }
        return problem;
    }

    private static String message(JsonMappingException mapping) {
        if (mapping instanceof InvalidFormatException format
                && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants());
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + describe(mismatch.getTargetType());
        }
        return "has an invalid value";
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "String" -> "a string";
            case "BigDecimal" -> "a decimal number, such as \"1234.50\"";
            case "LocalDate" -> "a date, YYYY-MM-DD";
            case "Instant" -> "an ISO-8601 instant";
            case "Integer", "int", "Long", "long" -> "a whole number";
            default -> type.isRecord() || !type.getName().startsWith("java") ? "a JSON object" : type.getSimpleName();
        };
    }
}
