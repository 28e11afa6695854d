package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Server-Sent Events client for the tests: opens a stream, parses its lines as the HTML specification says (an
 * {@code id:} and {@code data:} lines make an event, a blank line dispatches it, a line starting with a colon is a
 * comment) and queues events and comments for the test to take. {@link #close()} drops the connection, as a
 * consumer's crash or a network failure would.
 */
final class SseConnection implements AutoCloseable {

    /** One dispatched event: the last {@code id:} seen (the stream's cursor) and its data lines joined. */
    record Event(String id, String data) {}

    private final HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final StringBuilder data = new StringBuilder();
    private volatile Flow.Subscription subscription;
    private volatile boolean ended;
    private String lastId;
    private boolean hasData;

    private SseConnection(HttpResponse<Flow.Publisher<List<ByteBuffer>>> response) {
        this.response = response;
    }

    /** Opens {@code path} with {@code Accept: text/event-stream} and the given headers; fails unless it is a 200. */
    static SseConnection open(int port, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/event-stream")
                .header("Authorization", PrmClient.ADMIN_AUTHORIZATION)
                .GET();
        headers.forEach(request::header);
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
        try {
            response = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofPublisher());
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        SseConnection connection = new SseConnection(response);
        response.body().subscribe(connection.new Lines());
        try {
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as(path)
                    .startsWith("text/event-stream");
        } catch (AssertionError notAStream) {
            connection.close();
            throw notAStream;
        }
        return connection;
    }

    /** The next {@code count} events, failing when they do not all arrive within {@code patience}. */
    List<Event> take(int count, Duration patience) {
        List<Event> taken = new ArrayList<>();
        long deadline = System.nanoTime() + patience.toNanos();
        while (taken.size() < count) {
            Event next = poll(deadline - System.nanoTime());
            if (next == null) {
                throw new AssertionError("only " + taken.size() + " of " + count + " events within " + patience
                        + (ended ? " (the stream ended)" : ""));
            }
            taken.add(next);
        }
        return taken;
    }

    /** Waits for a comment line with this text (after the colon), ignoring others; fails after {@code patience}. */
    void awaitComment(String text, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        List<String> others = new ArrayList<>();
        try {
            while (true) {
                String comment = comments.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (comment == null) {
                    throw new AssertionError("no comment \"" + text + "\" within " + patience + "; other comments: "
                            + others + (ended ? " (the stream ended)" : ""));
                }
                if (comment.equals(text)) {
                    return;
                }
                others.add(comment);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the server ended the stream (or the connection failed). */
    boolean ended() {
        return ended;
    }

    private Event poll(long nanos) {
        try {
            return events.poll(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Drops the connection; events still in flight are lost, as they are for a consumer that crashed. */
    @Override
    public void close() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        ended = true;
    }

    private void onLine(String text) {
        if (text.isEmpty()) {
            if (hasData) {
                events.add(new Event(lastId, data.toString()));
            }
            data.setLength(0);
            hasData = false;
            return;
        }
        if (text.startsWith(":")) {
            comments.add(text.substring(1).trim());
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "id" -> lastId = value;
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            default -> {
                // event, retry: not used by the product's stream
            }
        }
    }

    /** Splits the body into lines (LF, CRLF or CR) and hands them to the parser. */
    private final class Lines implements Flow.Subscriber<List<ByteBuffer>> {

        private boolean afterCarriageReturn;

        @Override
        public void onSubscribe(Flow.Subscription given) {
            subscription = given;
            if (ended) {
                given.cancel();
                return;
            }
            given.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                while (buffer.hasRemaining()) {
                    byte next = buffer.get();
                    if (next == '\n' && afterCarriageReturn) {
                        afterCarriageReturn = false;
                        continue;
                    }
                    afterCarriageReturn = next == '\r';
                    if (next == '\n' || next == '\r') {
                        onLine(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else {
                        line.write(next);
                    }
                }
            }
        }

        @Override
        public void onError(Throwable failure) {
            ended = true;
        }

        @Override
        public void onComplete() {
            ended = true;
        }
    }
}
