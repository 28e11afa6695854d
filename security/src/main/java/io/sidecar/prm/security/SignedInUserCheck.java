package io.sidecar.prm.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user signed in earlier (a session of the login form, or a password verified a moment ago) acts only while the
 * system still holds it as it was: deleted, or created again with other roles or another partner, its session ends
 * and the request goes on unauthenticated (401, or the login form). One read by id per request.
 */
final class SignedInUserCheck extends OncePerRequestFilter {

    private final UserStore users;

    SignedInUserCheck(UserStore users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PrmUserDetails signedIn) {
            boolean current = users.find(signedIn.getUsername())
                    .map(StoredUser::caller)
                    .filter(signedIn.caller()::equals)
                    .isPresent();
            if (!current) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
        }
        chain.doFilter(request, response);
    }
}
