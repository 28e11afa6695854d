package io.sidecar.prm.query;

import io.sidecar.prm.events.PartnerEvent;
import io.sidecar.prm.events.deal.DealEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/** Events as a processor delivers them: each in its aggregate's stream, with that stream's next sequence number. */
public final class EventStreams {

    private EventStreams() {}

    /** The events in the order given, a deal's in the deal's stream, a partner's own in the partner's. */
    public static List<DomainEventMessage<?>> messages(PartnerEvent... events) {
        Map<String, Long> next = new HashMap<>();
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (PartnerEvent event : events) {
            boolean deal = event instanceof DealEvent;
            String stream = deal ? ((DealEvent) event).dealId() : event.partnerId();
            long sequence = next.merge(stream, 1L, Long::sum) - 1;
            messages.add(new GenericDomainEventMessage<>(deal ? "Deal" : "Partner", stream, sequence, event));
        }
        return messages;
    }

    /** The simple name of a message's payload type, for assertion descriptions. */
    public static String nameOf(DomainEventMessage<?> message) {
        return message.getPayloadType().getSimpleName() + " #" + message.getSequenceNumber() + " of "
                + message.getAggregateIdentifier();
    }
}
