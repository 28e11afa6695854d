package io.sidecar.prm.query.web;

import io.sidecar.prm.query.readmodel.ProjectionStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Marks every answer of an endpoint whose read model is being rebuilt (API.md, "Operations"): the read model
 * serves what it has rebuilt so far, and says so, rather than passing a half-built view off as the truth.
 */
public class ReplayWarning implements HandlerInterceptor {

    /** The {@code Warning} header value (RFC 7234 warn-code 110, "Response is Stale"). */
    public static final String REPLAYING = "110 - \"replaying\"";

    private final ProjectionStatus projections;

    public ReplayWarning(ProjectionStatus projections) {
        this.projections = projections;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            ServedFrom servedFrom = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), ServedFrom.class);
            if (servedFrom == null) {
                servedFrom = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), ServedFrom.class);
            }
            if (servedFrom != null && projections.replaying(servedFrom.value())) {
                response.addHeader(HttpHeaders.WARNING, REPLAYING);
            }
        }
        return true;
    }
}
