package io.sidecar.prm.security.request;

import io.sidecar.prm.security.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies of at most 1 MiB (API.md, "Errors"): a larger {@code Content-Length} answers a 413 problem at once;
 * a body of unknown length (chunked) is counted while it is read and fails with {@link TooLarge} as soon as it passes
 * the limit, which the problem handlers of both sides answer with the same 413 ({@link #exceeded}).
 *
 * <p>Runs before authentication: a body that is too large is refused before anything (the login form included)
 * reads it, and the refusal tells nothing about users or routes.
 */
@Component
@Order(RequestBodyLimit.ORDER)
public class RequestBodyLimit extends OncePerRequestFilter {

    /** The largest body accepted, in bytes: 1 MiB. */
    public static final long MAX_BYTES = 1024 * 1024;

    /** After the correlation id is set ({@code HIGHEST_PRECEDENCE}), before Spring Security (-100). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            Problems.write(response, problem());
            return;
        }
        chain.doFilter(new Limited(request), response);
    }

    /** Whether {@code failure}, or one of its causes, is a body that passed the limit while it was read. */
    public static boolean exceeded(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TooLarge) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    /** The 413 problem of a body over the limit. */
    public static ProblemDetail problem() {
        return Problems.of(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "request.too-large",
                "the request body is larger than " + MAX_BYTES + " bytes (1 MiB)");
    }

    /** Thrown by the body's stream once more than {@link #MAX_BYTES} have been read. */
    public static final class TooLarge extends IOException {
        TooLarge() {
            super("request body larger than " + MAX_BYTES + " bytes");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private ServletInputStream limited;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new CountingStream(super.getInputStream());
            }
            return limited;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return BodyReaders.reader(getInputStream(), getCharacterEncoding());
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream body;
        private long read;

        CountingStream(ServletInputStream body) {
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            int next = body.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > MAX_BYTES) {
                throw new TooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
