package io.sidecar.prm.query.audit.export;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The export's web wiring: its download is not cut off by the asynchronous request timeout. */
@Configuration(proxyBeanMethods = false)
class AuditExportConfiguration {

    @Bean
    WebMvcConfigurer untimedDownloads() {
        return new WebMvcConfigurer() {
            @Override
            public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
                configurer.registerCallableInterceptors(new UntimedDownloads());
            }
        };
    }
}
