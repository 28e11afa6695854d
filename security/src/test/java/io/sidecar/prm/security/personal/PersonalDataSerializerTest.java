package io.sidecar.prm.security.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sidecar.prm.events.Contact;
import io.sidecar.prm.events.PersonalDataOwner;
import io.sidecar.prm.events.partner.PartnerOnboarded;
import io.sidecar.prm.events.partner.PartnerProfileUpdated;
import io.sidecar.prm.events.partner.PartnerType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

class PersonalDataSerializerTest {

    private static final Contact ADA = new Contact("Ada Weber", "ada.weber@northwind.example", "+49 30 1234567");
    private static final PartnerOnboarded ONBOARDED = new PartnerOnboarded(
            "p1", "Northwind", PartnerType.RESELLER, "DE", ADA, null, "de", Instant.parse("2026-01-12T09:00:00Z"));

    private final InMemoryDataKeyStore keys = new InMemoryDataKeyStore();
    private final PersonalDataSerializer serializer = new PersonalDataSerializer(JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new PersonalDataModule(new ContactCipher(keys)))));

    @Test
    void anEventIsStoredWithItsContactSealedAndReadBackInClear() {
        SerializedObject<byte[]> stored = serializer.serialize(ONBOARDED, byte[].class);

        assertThat(text(stored))
                .contains("\"name\":\"Northwind\"", "\"contact\":{\"name\":\"pd1:")
                .doesNotContain("Ada", "ada.weber", "1234567");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(ONBOARDED);
    }

    @Test
    void anAbsentPhoneStaysAbsent() {
        PartnerProfileUpdated updated = new PartnerProfileUpdated(
                "p1", null, null, null, new Contact("Lena", "lena@northwind.example", null), Instant.now());

        SerializedObject<byte[]> stored = serializer.serialize(updated, byte[].class);

        assertThat(text(stored)).contains("\"phone\":null");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(updated);
    }

    @Test
    void afterTheKeyIsErasedTheContactReadsErased() {
        SerializedObject<byte[]> stored = serializer.serialize(ONBOARDED, byte[].class);

        keys.erase("p1");

        PartnerOnboarded read = serializer.deserialize(stored);
        assertThat(read.contact()).isEqualTo(new Contact(Contact.ERASED, Contact.ERASED, Contact.ERASED));
        assertThat(read.name()).isEqualTo("Northwind");
    }

    @Test
    void aTamperedCiphertextReadsErased() {
        String json = text(serializer.serialize(ONBOARDED, byte[].class));
        int at = json.indexOf("pd1:");
        int end = json.indexOf('"', at);
        char last = json.charAt(end - 2);
        String tampered = json.substring(0, end - 2) + (last == 'A' ? 'B' : 'A') + json.substring(end - 1);

        PartnerOnboarded read = serializer.deserialize(stored(tampered));

        assertThat(read.contact().name()).isEqualTo(Contact.ERASED);
        assertThat(read.contact().email()).isEqualTo(ADA.email());
    }

    @Test
    void aContactStoredInClearBeforeEncryptionIsReadAsItIs() {
        String legacy = "{\"partnerId\":\"p1\",\"name\":\"Northwind\",\"type\":\"RESELLER\",\"region\":\"DE\","
                + "\"contact\":{\"name\":\"Ada Weber\",\"email\":\"ada.weber@northwind.example\","
                + "\"phone\":\"+49 30 1234567\"},\"website\":null,\"language\":\"de\","
                + "\"onboardedAt\":\"2026-01-12T09:00:00Z\"}";

        PartnerOnboarded read = serializer.deserialize(stored(legacy));

        assertThat(read.contact()).isEqualTo(ADA);
    }

    @Test
    void aContactForNoKnownPartnerIsRefusedNotWrittenInClear() {
        assertThatThrownBy(() -> serializer.serialize(new Holder(ADA), byte[].class))
                .hasStackTraceContaining("only for a known partner")
                .satisfies(refused -> assertThat(refused.toString()).doesNotContain("Ada"));
        assertThat(keys.holdsKeyOf("p1")).isFalse();
    }

    @Test
    void aSnapshotThatNamesItsPartnerIsSealedWithThatPartnersKey() {
        Snapshot snapshot = new Snapshot("p2", ADA);

        SerializedObject<byte[]> stored = serializer.serialize(snapshot, byte[].class);

        assertThat(text(stored))
                .doesNotContain("Ada")
                .contains("pd1:" + keys.currentKey("p2").keyId());
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(snapshot);
    }

    @Test
    void anErasedContactIsWrittenWithoutCreatingAKey() {
        Snapshot erased = new Snapshot("p3", ADA.erased());

        SerializedObject<byte[]> stored = serializer.serialize(erased, byte[].class);

        assertThat(text(stored)).contains("\"name\":\"[erased]\"");
        assertThat(keys.holdsKeyOf("p3")).isFalse();
    }

    private static String text(SerializedObject<byte[]> stored) {
        return new String(stored.getData(), StandardCharsets.UTF_8);
    }

    private static SerializedObject<byte[]> stored(String json) {
        return new SimpleSerializedObject<>(
                json.getBytes(StandardCharsets.UTF_8), byte[].class, PartnerOnboarded.class.getName(), "2");
    }

    record Holder(Contact contact) {}

    record Snapshot(String partnerId, Contact contact) implements PersonalDataOwner {}
}
