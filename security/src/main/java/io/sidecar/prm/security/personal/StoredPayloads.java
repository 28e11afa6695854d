package io.sidecar.prm.security.personal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The one place a stored payload (an event's JSON as the event store holds it) is shown with its personal data
 * revealed: clear while the partner's key exists, {@code [erased]} after, never the ciphertext. For the views of the
 * stored form (history, export); the stored form itself, which the audit hash chain covers, is never changed.
 */
public final class StoredPayloads {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final ContactCipher cipher;

    public StoredPayloads(ContactCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * {@code payload} with every sealed value revealed, or unchanged when it holds none.
     *
     * @param partnerId the partner whose history the payload belongs to: a value sealed for another reads erased
     */
    public String reveal(String payload, String partnerId) {
        if (payload == null || !payload.contains(ContactCipher.PREFIX)) {
            return payload;
        }
        try {
            JsonNode tree = JSON.readTree(payload);
            return JSON.writeValueAsString(reveal(tree, partnerId));
        } catch (JsonProcessingException notJson) {
            // an altered payload is shown as it is stored: verification names it; only the sealed values are hidden
            return payload;
        }
    }

    private JsonNode reveal(JsonNode node, String partnerId) {
        if (node.isTextual() && ContactCipher.isSealed(node.asText())) {
            return TextNode.valueOf(cipher.reveal(node.asText(), partnerId));
        }
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(reveal(field.getValue(), partnerId));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, reveal(array.get(i), partnerId));
            }
        }
        return node;
    }
}
