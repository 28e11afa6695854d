package io.sidecar.prm.security.request;

import io.sidecar.prm.security.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's writes are not CSRF-token protected (clients send credentials with every call), so a write another site
 * could make a browser send is refused before anything else looks at it: one whose browser says it comes from
 * another site ({@code Sec-Fetch-Site}), and one with a content type an HTML form or a no-CORS request can send
 * (form, multipart, plain text). A browser that has cached HTTP Basic credentials for this host sends them along
 * with such a request whatever the cookie's SameSite says; a script (curl, a client library) sends neither header.
 */
@Component
@Order(RequestBodyLimit.ORDER + 1)
public class CrossSiteWrites extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> FORM_TYPES =
            Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return READS.contains(request.getMethod()) || !path.startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !OWN_SITE.contains(site.trim().toLowerCase(Locale.ROOT))) {
            Problems.write(
                    response,
                    Problems.of(
                            HttpStatus.FORBIDDEN,
                            "request.cross-site",
                            "a write sent by a page of another site is refused"));
            return;
        }
        String type = request.getContentType();
        if (type != null) {
            String mediaType = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (FORM_TYPES.contains(mediaType)) {
                Problems.write(
                        response,
                        Problems.of(
                                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                                "request.content-type",
                                "the API takes JSON (application/json), not " + mediaType));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
