package io.sidecar.prm.query.audit.export;

import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.Callable;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.async.AsyncWebRequest;
import org.springframework.web.context.request.async.CallableProcessingInterceptor;

/**
 * Lifts the asynchronous request timeout ({@code spring.mvc.async.request-timeout}, else the container's 30 s)
 * from the downloads that ask for it. A {@code StreamingResponseBody} runs under that timeout, which would cut an
 * export of a long history off part-way; as with the dashboard's live stream, the download instead lasts as long
 * as it writes, and a client that stops reading is ended by the connector's write timeout.
 */
final class UntimedDownloads implements CallableProcessingInterceptor {

    private static final String UNTIMED = UntimedDownloads.class.getName() + ".untimed";

    /** Marks the request's download as exempt; called by the handler before it returns its body. */
    static void exempt(HttpServletRequest request) {
        request.setAttribute(UNTIMED, Boolean.TRUE);
    }

    /** Runs after the handler and before the container starts the asynchronous part, which takes this timeout. */
    @Override
    public <T> void beforeConcurrentHandling(NativeWebRequest request, Callable<T> task) {
        if (request instanceof AsyncWebRequest async
                && Boolean.TRUE.equals(request.getAttribute(UNTIMED, RequestAttributes.SCOPE_REQUEST))) {
            async.setTimeout(0L);
        }
    }
}
