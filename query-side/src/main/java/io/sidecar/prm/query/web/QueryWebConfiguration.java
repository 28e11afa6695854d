package io.sidecar.prm.query.web;

import io.sidecar.prm.query.readmodel.ProjectionStatus;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The query API's web wiring: answers from a read model being rebuilt say so. */
@Configuration(proxyBeanMethods = false)
class QueryWebConfiguration {

    @Bean
    ProjectionStatus projectionStatus(EventProcessingConfiguration processing) {
        return new ProjectionStatus(processing);
    }

    /** {@link ReplayWarning}, a response body advice found by scanning, also looks before the query runs. */
    @Bean
    WebMvcConfigurer replayWarnings(ReplayWarning replayWarning) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(replayWarning).addPathPatterns("/api/**");
            }
        };
    }
}
