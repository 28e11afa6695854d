package io.sidecar.prm.security.personal;

import io.sidecar.prm.events.Contact;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts one personal-data value with its partner's data key, and reveals it again while the key exists. A sealed
 * value reads {@code pd1:<keyId>:<base64(IV ‖ ciphertext ‖ tag)>}: AES-256-GCM, a random 12-byte IV per value, a
 * 128-bit tag, and the key id and partner id as associated data, so a value copied under another key or partner
 * does not verify. A value that cannot be revealed, for whatever reason (key erased, value altered), reads
 * {@link Contact#ERASED}; the reason is not told, and no exception carries a key or a value.
 */
public final class ContactCipher {

    /** The prefix of a sealed value, with the format's version. */
    public static final String PREFIX = "pd1:";

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final DataKeyStore keys;
    private final SecureRandom random = new SecureRandom();

    public ContactCipher(DataKeyStore keys) {
        this.keys = keys;
    }

    /** Whether {@code value} is a sealed value (else it is clear text, stored before encryption, or absent). */
    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** The partner's current key, created on first use. */
    DataKey keyOf(String partnerId) {
        return keys.currentKey(partnerId);
    }

    /** {@code clear} sealed with {@code key}; {@code null} stays {@code null}. */
    String seal(String clear, DataKey key) {
        if (clear == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, iv);
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(IV_BYTES + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
            return PREFIX + key.keyId() + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            // the cause names the algorithm's trouble, never the key or the value
            throw new IllegalStateException("could not encrypt personal data with key " + key.keyId(), e);
        }
    }

    /**
     * The clear value of {@code value}: decrypted while its key exists, {@link Contact#ERASED} once it is gone (or
     * when the value does not verify); a value that is not sealed passes unchanged.
     */
    public String reveal(String value) {
        return reveal(value, null);
    }

    /**
     * Like {@link #reveal(String)}, and a value sealed with a key of another partner than {@code partnerId} (when
     * given) reads {@link Contact#ERASED}.
     */
    public String reveal(String value, String partnerId) {
        return revealer(partnerId).apply(value);
    }

    /**
     * {@link #reveal(String, String)} for the values of one contact: they are sealed with one key, which is looked up
     * once for all of them rather than once per value. Meant for one contact and dropped after it, so that an erasure
     * shows at the next read.
     */
    public UnaryOperator<String> revealer(String partnerId) {
        Map<String, Optional<DataKey>> looked = new HashMap<>(2);
        return value -> {
            if (!isSealed(value)) {
                return value;
            }
            String rest = value.substring(PREFIX.length());
            int colon = rest.lastIndexOf(':');
            if (colon <= 0) {
                return Contact.ERASED;
            }
            Optional<DataKey> key = looked.computeIfAbsent(rest.substring(0, colon), keys::find);
            if (key.isEmpty()
                    || (partnerId != null && !partnerId.equals(key.get().partnerId()))) {
                return Contact.ERASED;
            }
            return open(rest.substring(colon + 1), key.get());
        };
    }

    /** The clear text of {@code sealed} (base64 of IV, ciphertext and tag), or erased when it does not verify. */
    private static String open(String sealed, DataKey key) {
        try {
            byte[] data = Base64.getDecoder().decode(sealed);
            if (data.length < IV_BYTES + TAG_BITS / 8) {
                return Contact.ERASED;
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(data, IV_BYTES));
            byte[] clear = cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES);
            return new String(clear, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException unreadable) {
            return Contact.ERASED;
        }
    }

    private static Cipher cipher(int mode, DataKey key, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, new SecretKeySpec(key.secret(), "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(associatedData(key));
        return cipher;
    }

    /** Binds a value to its key and its partner. */
    private static byte[] associatedData(DataKey key) {
        return (PREFIX + key.keyId() + "\u0000" + key.partnerId()).getBytes(StandardCharsets.UTF_8);
    }
}
