package io.sidecar.prm.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Says in the OpenAPI document ({@code /v3/api-docs}) how every {@code /api} operation is authenticated: HTTP Basic,
 * or a bearer JWT when one is configured. A customizer, not an {@code OpenAPI} bean, so that the standalone
 * application, which holds both sides, has it once.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(OpenApiCustomizer.class)
class SecurityOpenApi {

    static final String BASIC = "basic";
    static final String BEARER = "bearer";

    @Bean
    OpenApiCustomizer prmSecuritySchemes(SecurityProperties properties) {
        boolean bearer = properties.jwt().enabled();
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components);
            components.addSecuritySchemes(
                    BASIC,
                    new SecurityScheme()
                            .type(SecurityScheme.Type.HTTP)
                            .scheme("basic")
                            .description("a user the system holds (POST /api/users)"));
            SecurityRequirement requirement = new SecurityRequirement().addList(BASIC);
            SecurityRequirement bearerRequirement = null;
            if (bearer) {
                components.addSecuritySchemes(
                        BEARER,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description("a JWT of the configured issuer; its roles claim carries the roles"));
                bearerRequirement = new SecurityRequirement().addList(BEARER);
            }
            SecurityRequirement orBearer = bearerRequirement;
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    item.readOperations().forEach(operation -> {
                        // alternatives: either scheme authenticates
                        operation.setSecurity(new ArrayList<>());
                        operation.addSecurityItem(requirement);
                        if (orBearer != null) {
                            operation.addSecurityItem(orBearer);
                        }
                    });
                }
            });
        };
    }
}
