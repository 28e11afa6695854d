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
import java.util.function.UnaryOperator;

/**
 * The one place a stored payload (an event's JSON as the event store holds it) is shown with its personal data
 * revealed: clear while the partner's key exists, {@code [erased]} after, never the ciphertext. For the views of the
 * stored form (history, export); the stored form itself, which the audit hash chain covers, is never changed.
 */
public final class StoredPayloads {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** The field a {@code Contact} is stored under in every event and snapshot that carries one. */
    private static final String CONTACT = "contact";

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

    /**
     * Reveals the sealed values of every {@code contact} object in {@code node}: only there does the serializer seal
     * (a {@code Contact}), so a free text that merely looks sealed (a check-in summary starting {@code pd1:}) is shown
     * as written, not as erased.
     */
    private JsonNode reveal(JsonNode node, String partnerId) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (CONTACT.equals(field.getKey()) && field.getValue() instanceof ObjectNode contact) {
                    revealValues(contact, partnerId);
                } else {
                    reveal(field.getValue(), partnerId);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> reveal(element, partnerId));
        }
        return node;
    }

    private void revealValues(ObjectNode contact, String partnerId) {
        UnaryOperator<String> reveal = cipher.revealer(partnerId);
        for (Iterator<Map.Entry<String, JsonNode>> fields = contact.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isTextual()
                    && ContactCipher.isSealed(field.getValue().asText())) {
                field.setValue(TextNode.valueOf(reveal.apply(field.getValue().asText())));
            }
        }
    }
}
