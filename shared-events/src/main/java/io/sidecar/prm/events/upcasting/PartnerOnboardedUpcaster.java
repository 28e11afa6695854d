package io.sidecar.prm.events.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sidecar.prm.events.partner.PartnerOnboarded;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads a revision-1 {@link PartnerOnboarded} as revision 2: revision 1 had no {@code language}, and the partners
 * onboarded then were contacted in English ({@link PartnerOnboarded#REVISION_1_LANGUAGE}).
 */
final class PartnerOnboardedUpcaster extends SingleEventUpcaster {

    private static final String TYPE = PartnerOnboarded.class.getName();
    private static final SerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        SerializedType type = representation.getType();
        return TYPE.equals(type.getName()) && "1".equals(type.getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, ObjectNode.class, PartnerOnboardedUpcaster::withLanguage);
    }

    private static ObjectNode withLanguage(ObjectNode revision1) {
        // a copy: the tree handed in belongs to the representation it was read from, which may be read again
        ObjectNode revision2 = revision1.deepCopy();
        // deliberately not the command side's default for a new partner: that default may change, the past may not
        revision2.put("language", PartnerOnboarded.REVISION_1_LANGUAGE);
        return revision2;
    }
}
