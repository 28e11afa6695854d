package io.sidecar.prm.security.personal;

import static org.assertj.core.api.Assertions.assertThat;

import io.sidecar.prm.events.Contact;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ContactCipherTest {

    private final InMemoryDataKeyStore keys = new InMemoryDataKeyStore();
    private final ContactCipher cipher = new ContactCipher(keys);

    @Test
    void aSealedValueRevealsTheClearOneWhileTheKeyExists() {
        String sealed = cipher.seal("ada.weber@northwind.example", keys.currentKey("p1"));

        assertThat(sealed)
                .startsWith("pd1:" + keys.currentKey("p1").keyId() + ":")
                .doesNotContain("ada");
        assertThat(cipher.reveal(sealed)).isEqualTo("ada.weber@northwind.example");
        assertThat(cipher.reveal(sealed, "p1")).isEqualTo("ada.weber@northwind.example");
    }

    @Test
    void theSameValueSealsDifferentlyEachTime() {
        DataKey key = keys.currentKey("p1");

        assertThat(cipher.seal("Ada Weber", key)).isNotEqualTo(cipher.seal("Ada Weber", key));
    }

    @Test
    void aValueWhoseKeyIsErasedReadsErased() {
        String sealed = cipher.seal("Ada Weber", keys.currentKey("p1"));

        keys.erase("p1");

        assertThat(cipher.reveal(sealed)).isEqualTo(Contact.ERASED);
    }

    @Test
    void aNewKeyAfterAnErasureDoesNotRevealWhatTheOldOneSealed() {
        String sealed = cipher.seal("Ada Weber", keys.currentKey("p1"));
        keys.erase("p1");
        keys.currentKey("p1");

        assertThat(cipher.reveal(sealed)).isEqualTo(Contact.ERASED);
    }

    @Test
    void anAlteredCiphertextReadsErased() {
        String sealed = cipher.seal("Ada Weber", keys.currentKey("p1"));
        int colon = sealed.lastIndexOf(':');
        byte[] data = Base64.getDecoder().decode(sealed.substring(colon + 1));
        data[data.length - 1] ^= 1;
        String altered = sealed.substring(0, colon + 1) + Base64.getEncoder().encodeToString(data);

        assertThat(cipher.reveal(altered)).isEqualTo(Contact.ERASED);
        assertThat(cipher.reveal(sealed.substring(0, colon + 1) + "not base64!"))
                .isEqualTo(Contact.ERASED);
        assertThat(cipher.reveal("pd1:")).isEqualTo(Contact.ERASED);
    }

    @Test
    void aValueCopiedUnderAnotherPartnersKeyIdReadsErased() {
        String sealed = cipher.seal("Ada Weber", keys.currentKey("p1"));
        String other = keys.currentKey("p2").keyId();
        String moved = "pd1:" + other + sealed.substring(sealed.lastIndexOf(':'));

        assertThat(cipher.reveal(moved)).isEqualTo(Contact.ERASED);
        assertThat(cipher.reveal(sealed, "p2"))
                .as("shown in another partner's history")
                .isEqualTo(Contact.ERASED);
    }

    @Test
    void aClearValueStoredBeforeEncryptionPassesUnchanged() {
        assertThat(cipher.reveal("Ada Weber")).isEqualTo("Ada Weber");
        assertThat(cipher.reveal(null)).isNull();
        assertThat(cipher.seal(null, keys.currentKey("p1"))).isNull();
    }

    @Test
    void aKeyNeverShowsItsBytes() {
        DataKey key = keys.currentKey("p1");
        String bytes = Base64.getEncoder().encodeToString(key.secret());

        assertThat(key.toString()).contains(key.keyId()).doesNotContain(bytes).contains("<hidden>");
    }
}
