package io.sidecar.prm.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every route but health and the login page is authenticated: HTTP Basic against the users the system holds, a
 * session from the login form for the web page, and bearer JWTs when an issuer or JWK set is configured. Which roles
 * may call what is {@link ApiAccess}. Refusals are RFC 9457 problems: 401 without (valid) credentials, 429 while a
 * name is locked after failed sign-ins, 403 for a role that may not.
 */
@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    static final String REALM = "Sidecar PRM";
    private static final RequestMatcher API = request ->
            request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    SecurityFilterChain prmSecurity(
            HttpSecurity http,
            PasswordCheck passwords,
            UserStore users,
            LoginThrottle throttle,
            SecurityProperties properties,
            Clock clock)
            throws Exception {
        AuthenticationEntryPoint problem =
                new ProblemEntryPoint(throttle, clock, properties.jwt().enabled());
        // a manager of its own, without Boot's global one as parent: that holds the same PasswordCheck, and would
        // check every failed password a second time, counting it twice towards the lock
        http.authenticationManager(new ProviderManager(passwords))
                .addFilterBefore(new SignedInUserCheck(users), AuthorizationFilter.class)
                .authorizeHttpRequests(SecurityConfiguration::authorize)
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(problem))
                .formLogin(form -> form.permitAll())
                .logout(logout -> logout.permitAll())
                // /api/** is called with credentials on every request (Basic, bearer) or by the web page, which
                // only reads; the session cookie is SameSite=Strict (application configuration)
                .csrf(csrf -> csrf.ignoringRequestMatchers(API))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(problem, API)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(forbidden()));
        if (properties.jwt().enabled()) {
            JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
            roles.setAuthoritiesClaimName(properties.jwt().rolesClaim());
            roles.setAuthorityPrefix("ROLE_");
            JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
            converter.setJwtGrantedAuthoritiesConverter(roles);
            // the acting user recorded in history is the token's subject, whatever else the issuer puts in it
            converter.setPrincipalClaimName(JwtClaimNames.SUB);
            JwtAuthenticationProvider bearer = new JwtAuthenticationProvider(jwtDecoder(properties.jwt()));
            bearer.setJwtAuthenticationConverter(converter);
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(problem)
                    .accessDeniedHandler(forbidden())
                    // a manager of the bearer token's own: the chain's (above) knows passwords only
                    .jwt(jwt -> jwt.authenticationManager(new ProviderManager(bearer))));
        }
        return http.build();
    }

    /**
     * Bearer tokens, verified against the configured JWK set, or the issuer's keys (its discovery document is read at
     * the first token, so the product starts while the issuer is down).
     */
    private static JwtDecoder jwtDecoder(SecurityProperties.Jwt jwt) {
        boolean issuer = jwt.issuerUri() != null && !jwt.issuerUri().isBlank();
        if (jwt.jwkSetUri() != null && !jwt.jwkSetUri().isBlank()) {
            NimbusJwtDecoder decoder =
                    NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
            // with both set, the keys come from the JWK set and the tokens must still name the issuer
            decoder.setJwtValidator(
                    issuer ? JwtValidators.createDefaultWithIssuer(jwt.issuerUri()) : JwtValidators.createDefault());
            return decoder;
        }
        JwtDecoder discovered = new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(jwt.issuerUri()));
        return token -> {
            try {
                return discovered.decode(token);
            } catch (JwtDecoderInitializationException unreachable) {
                // the issuer's discovery document cannot be read now: the token cannot be verified, a 401 (not a
                // fault of ours, a 500); the next token tries again
                throw new BadJwtException("the token's issuer cannot be reached to verify it", unreachable);
            }
        };
    }

    private static void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/actuator/health", "/actuator/health/**", "/login", "/error", "/favicon.ico")
                .permitAll();
        for (ApiAccess.Rule rule : ApiAccess.RULES) {
            routes.requestMatchers(rule.method(), rule.pattern()).hasAnyRole(rule.authorities());
        }
        routes.requestMatchers("/api/**").denyAll();
        routes.requestMatchers("/actuator/**").hasRole(Role.ADMIN.name());
        routes.anyRequest().authenticated();
    }

    private static AccessDeniedHandler forbidden() {
        return (request, response, denied) -> Problems.write(
                response,
                Problems.of(
                        HttpStatus.FORBIDDEN,
                        "access.forbidden",
                        "your role may not call " + request.getMethod() + " " + request.getRequestURI()));
    }

    /** 401 with a challenge, or 429 with {@code Retry-After} while the name is locked. */
    private record ProblemEntryPoint(LoginThrottle throttle, Clock clock, boolean bearer)
            implements AuthenticationEntryPoint {

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
                throws IOException {
            if (failure instanceof LockedException) {
                long seconds = Math.max(
                        1, Duration.between(clock.instant(), lockEnd(request)).toSeconds());
                response.setHeader("Retry-After", Long.toString(seconds));
                Problems.write(
                        response,
                        Problems.of(
                                HttpStatus.TOO_MANY_REQUESTS,
                                "auth.locked",
                                "too many failed sign-ins for this user name; try again in " + seconds + " s"));
                return;
            }
            // the web page asks with X-Requested-With: a challenge would make the browser show its own dialog
            if (request.getHeader("X-Requested-With") == null) {
                response.addHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
                if (bearer) {
                    response.addHeader("WWW-Authenticate", "Bearer");
                }
            }
            Problems.write(
                    response,
                    Problems.of(
                            HttpStatus.UNAUTHORIZED,
                            "auth.required",
                            "sign in: HTTP Basic with a user name and password"
                                    + (bearer ? ", or a bearer token" : "")));
        }

        private Instant lockEnd(HttpServletRequest request) {
            String username = BasicUser.of(request);
            return username == null
                    ? clock.instant()
                    : throttle.lockedUntil(username).orElse(clock.instant());
        }
    }
}
