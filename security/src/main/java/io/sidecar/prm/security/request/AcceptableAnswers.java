package io.sidecar.prm.security.request;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A write under {@code /api/} whose {@code Accept} takes no JSON is refused (406) before its handler runs: otherwise
 * the command would be executed and stored, and only its answer refused, and the client would believe it failed.
 */
@Configuration(proxyBeanMethods = false)
class AcceptableAnswers implements WebMvcConfigurer, HandlerInterceptor {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final List<MediaType> ANSWERS =
            List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (!(handler instanceof HandlerMethod) || !WRITES.contains(request.getMethod())) {
            return true;
        }
        List<String> accept = Collections.list(request.getHeaders("Accept"));
        if (accept.isEmpty()) {
            return true;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException unreadable) {
            throw new HttpMediaTypeNotAcceptableException("the Accept header cannot be read: " + accept);
        }
        boolean json = accepted.isEmpty()
                || accepted.stream()
                        .filter(type -> type.getQualityValue() > 0)
                        .anyMatch(type -> ANSWERS.stream().anyMatch(type::isCompatibleWith));
        if (!json) {
            throw new HttpMediaTypeNotAcceptableException(ANSWERS);
        }
        return true;
    }
}
