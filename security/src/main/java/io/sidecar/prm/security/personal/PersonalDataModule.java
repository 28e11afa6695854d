package io.sidecar.prm.security.personal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.sidecar.prm.events.Contact;
import java.io.IOException;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The Jackson module of the event serializer only: writes a {@link Contact}'s fields sealed with the data key of the
 * partner being written ({@link #writingFor}), and reads them revealed. A contact written outside
 * {@link #writingFor} is refused rather than written in clear.
 */
final class PersonalDataModule extends SimpleModule {

    private static final ThreadLocal<String> OWNER = new ThreadLocal<>();

    PersonalDataModule(ContactCipher cipher) {
        super("sidecar-personal-data");
        addSerializer(Contact.class, new SealingSerializer(cipher));
        addDeserializer(Contact.class, new RevealingDeserializer(cipher));
    }

    /** Runs {@code write} with {@code partnerId} as the partner whose key seals the contacts it writes. */
    static <T> T writingFor(String partnerId, Supplier<T> write) {
        String outer = OWNER.get();
        OWNER.set(partnerId);
        try {
            return write.get();
        } finally {
            if (outer == null) {
                OWNER.remove();
            } else {
                OWNER.set(outer);
            }
        }
    }

    private static final class SealingSerializer extends StdSerializer<Contact> {

        private final transient ContactCipher cipher;

        SealingSerializer(ContactCipher cipher) {
            super(Contact.class);
            this.cipher = cipher;
        }

        @Override
        public void serialize(Contact contact, JsonGenerator out, SerializerProvider provider) throws IOException {
            String partnerId = OWNER.get();
            if (partnerId == null) {
                throw new IllegalStateException("contact data is written only for a known partner (an event of"
                        + " its history or its snapshot), never in clear; this write names no partner");
            }
            // an erased contact (in a snapshot taken after the erasure) has nothing to seal: no key is created for it
            boolean personal = isPersonal(contact.name()) || isPersonal(contact.email()) || isPersonal(contact.phone());
            DataKey key = personal ? cipher.keyOf(partnerId) : null;
            out.writeStartObject(contact);
            out.writeStringField("name", seal(contact.name(), key));
            out.writeStringField("email", seal(contact.email(), key));
            out.writeStringField("phone", seal(contact.phone(), key));
            out.writeEndObject();
        }

        private String seal(String value, DataKey key) {
            return isPersonal(value) ? cipher.seal(value, key) : value;
        }

        private static boolean isPersonal(String value) {
            return value != null && !value.equals(Contact.ERASED);
        }
    }

    private static final class RevealingDeserializer extends StdDeserializer<Contact> {

        private final transient ContactCipher cipher;

        RevealingDeserializer(ContactCipher cipher) {
            super(Contact.class);
            this.cipher = cipher;
        }

        @Override
        public Contact deserialize(JsonParser in, DeserializationContext context) throws IOException {
            JsonNode node = in.readValueAsTree();
            UnaryOperator<String> reveal = cipher.revealer(null);
            return new Contact(field(node, "name", reveal), field(node, "email", reveal), field(node, "phone", reveal));
        }

        private static String field(JsonNode node, String name, UnaryOperator<String> reveal) {
            JsonNode value = node.get(name);
            return value == null || value.isNull() ? null : reveal.apply(value.asText());
        }
    }
}
