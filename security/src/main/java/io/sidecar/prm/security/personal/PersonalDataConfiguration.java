package io.sidecar.prm.security.personal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Personal data in the event store (docs/adr/012): the event serializer, Axon's Jackson serializer as
 * {@code axon.serializer.events=jackson} builds it, with contact data sealed by the partners' data keys. Every
 * runtime (command side, query side, standalone) scans this package, so all read and write events alike. The
 * general and message serializers (commands, queries, tokens) stay Axon's own.
 */
@Configuration(proxyBeanMethods = false)
public class PersonalDataConfiguration {

    /** The bean name (and qualifier) Axon's auto-configuration steps back for. */
    public static final String EVENT_SERIALIZER = "eventSerializer";

    @Bean
    ContactCipher contactCipher(DataKeyStore keys) {
        return new ContactCipher(keys);
    }

    @Bean
    StoredPayloads storedPayloads(ContactCipher cipher) {
        return new StoredPayloads(cipher);
    }

    /**
     * As {@code AxonAutoConfiguration} builds a Jackson event serializer (its revision resolver, a
     * {@link ChainingConverter} on the application's class loader, the application's {@link ObjectMapper}, Axon's
     * {@code defaultAxonObjectMapper} when there is one), over a copy of the mapper: the personal-data module must
     * not reach the mapper the HTTP answers and the general serializer write with.
     */
    @Bean(EVENT_SERIALIZER)
    @Qualifier(EVENT_SERIALIZER)
    Serializer eventSerializer(RevisionResolver revisionResolver, ApplicationContext context, ContactCipher cipher) {
        Map<String, ObjectMapper> mappers = context.getBeansOfType(ObjectMapper.class);
        ObjectMapper mapper = mappers.containsKey("defaultAxonObjectMapper")
                ? mappers.get("defaultAxonObjectMapper")
                : mappers.values().stream()
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no ObjectMapper bean for the event serializer"));
        return new PersonalDataSerializer(JacksonSerializer.builder()
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(context.getClassLoader()))
                .objectMapper(mapper.copy().registerModule(new PersonalDataModule(cipher))));
    }
}
