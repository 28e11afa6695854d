package io.sidecar.prm.query.web;

import io.sidecar.prm.query.readmodel.ProjectionStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.AnnotatedElement;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Marks every answer of an endpoint whose read model is being rebuilt (API.md, "Operations"): the read model
 * serves what it has rebuilt so far, and says so, rather than passing a half-built view off as the truth. Asked
 * twice, when the request arrives and again once the answer is known, so that a replay starting while the query
 * runs is not missed either.
 */
@ControllerAdvice
public class ReplayWarning implements HandlerInterceptor, ResponseBodyAdvice<Object> {

    /** The {@code Warning} header value (RFC 7234 warn-code 110, "Response is Stale"). */
    public static final String REPLAYING = "110 - \"replaying\"";

    private static final String WARNED = ReplayWarning.class.getName() + ".warned";

    private final ProjectionStatus projections;

    public ReplayWarning(ProjectionStatus projections) {
        this.projections = projections;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method
                && replaying(servedFrom(method.getMethod(), method.getBeanType()))) {
            response.addHeader(HttpHeaders.WARNING, REPLAYING);
            request.setAttribute(WARNED, true);
        }
        return true;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return servedFrom(returnType.getMethod(), returnType.getContainingClass()) != null;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        boolean warned = request instanceof ServletServerHttpRequest servlet
                && servlet.getServletRequest().getAttribute(WARNED) != null;
        if (!warned && replaying(servedFrom(returnType.getMethod(), returnType.getContainingClass()))) {
            response.getHeaders().add(HttpHeaders.WARNING, REPLAYING);
        }
        return body;
    }

    private boolean replaying(ServedFrom servedFrom) {
        return servedFrom != null && projections.replaying(servedFrom.value());
    }

    private static ServedFrom servedFrom(AnnotatedElement method, Class<?> type) {
        ServedFrom onMethod =
                method == null ? null : AnnotatedElementUtils.findMergedAnnotation(method, ServedFrom.class);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(type, ServedFrom.class);
    }
}
