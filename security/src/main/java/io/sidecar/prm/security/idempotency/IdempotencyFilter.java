package io.sidecar.prm.security.idempotency;

import io.sidecar.prm.security.Caller;
import io.sidecar.prm.security.Problems;
import io.sidecar.prm.security.request.RequestBodyLimit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on the API's writes (API.md, "Commands"): the same caller, key and request within
 * {@code prm.security.idempotency.ttl} answer the stored first answer with {@code Idempotent-Replayed: true} and
 * execute nothing; the key with another request is a 422 problem, and while the first request still runs a 409.
 * Answers below 500 are stored; after a 5xx or a failure the key is released so that the client may retry.
 *
 * <p>Runs after Spring Security: keys belong to the signed-in caller, and a request that is not allowed never
 * reaches it. Not for {@code /api/webhooks} (the answer carries the subscription's secret, which is shown once and
 * must not be kept a second time in clear) nor {@code /api/users} (the body carries a password, whose plain SHA-256
 * would be kept beside the user's name).
 */
@Component
@Order(IdempotencyFilter.ORDER)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    /** Right after Spring Security's filter chain (Boot's {@code SecurityProperties.DEFAULT_FILTER_ORDER}, -100). */
    static final int ORDER = -90;

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final List<String> EXCLUDED = List.of("/api/webhooks", "/api/users");

    private final IdempotencyKeys keys;
    private final Clock clock;

    IdempotencyFilter(IdempotencyKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getHeader(HEADER) == null
                || !WRITES.contains(request.getMethod())
                || !path.startsWith("/api/")
                || EXCLUDED.stream().anyMatch(excluded -> path.equals(excluded) || path.startsWith(excluded + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> given = Collections.list(request.getHeaders(HEADER));
        if (given.size() != 1 || !Idempotency.isValidKey(given.get(0))) {
            problem(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "idempotency.key-invalid",
                    "an Idempotency-Key is one value of" + " 1 to " + Idempotency.MAX_KEY_LENGTH
                            + " characters without control characters");
            return;
        }
        Optional<Caller> caller = Caller.current();
        if (caller.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (RequestBodyLimit.TooLarge tooLarge) {
            Problems.write(response, RequestBodyLimit.problem());
            return;
        }
        String id = Idempotency.id(caller.get().username(), given.get(0));
        String fingerprint = Idempotency.fingerprint(
                request.getMethod(), request.getRequestURI(), request.getQueryString(), request.getContentType(), body);
        Optional<StoredKey> claim = keys.claim(id, fingerprint);
        if (claim.isEmpty()) {
            Optional<StoredKey> existing = keys.find(id);
            if (existing.isEmpty()) {
                // released while we looked: the first request failed, this one may run
                claim = keys.claim(id, fingerprint);
            } else {
                switch (Idempotency.decide(existing.get(), fingerprint, clock.instant(), keys.ttl())) {
                    case REPLAY -> {
                        replay(existing.get(), response);
                        return;
                    }
                    case KEY_REUSED -> {
                        problem(
                                response,
                                HttpStatus.UNPROCESSABLE_ENTITY,
                                "idempotency.key-reused",
                                "this Idempotency-Key was used with another request; use a new key");
                        return;
                    }
                    case IN_FLIGHT -> {}
                    case EXPIRED -> claim = keys.takeOver(existing.get(), fingerprint);
                }
            }
        }
        if (claim.isEmpty()) {
            problem(
                    response,
                    HttpStatus.CONFLICT,
                    "idempotency.in-flight",
                    "a request with this Idempotency-Key is still running; ask again when it has answered");
            return;
        }
        execute(new CachedBodyRequest(request, body), response, chain, claim.get());
    }

    private void execute(HttpServletRequest request, HttpServletResponse response, FilterChain chain, StoredKey claim)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(request, answer);
            stored = store(request, answer, claim);
        } finally {
            if (!stored) {
                keys.release(claim);
            }
        }
        answer.copyBodyToResponse();
    }

    /** Stores an answer below 500 that has a body (an error page comes later, from a dispatch of its own). */
    private boolean store(HttpServletRequest request, ContentCachingResponseWrapper answer, StoredKey claim) {
        int status = answer.getStatus();
        if (status >= 500 || request.isAsyncStarted() || (status >= 400 && answer.getContentSize() == 0)) {
            return false;
        }
        try {
            keys.complete(
                    claim,
                    status,
                    answer.getContentType(),
                    answer.getHeader(HttpHeaders.LOCATION),
                    new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8));
            return true;
        } catch (RuntimeException failed) {
            log.warn("the answer to idempotency key {} could not be stored; the key is released", claim.id(), failed);
            return false;
        }
    }

    private static void replay(StoredKey stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        response.setHeader(REPLAYED, "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.body() != null) {
            byte[] body = stored.body().getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        Problems.write(response, Problems.of(status, code, detail));
    }
}
