package io.sidecar.prm.command.partner;

import io.sidecar.prm.command.lookup.Claims;
import io.sidecar.prm.events.partner.PartnerOffboarded;
import io.sidecar.prm.events.partner.PartnerOnboarded;
import io.sidecar.prm.events.partner.PartnerProfileUpdated;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the partner-name lookup from the events, the source of truth: at start when the lookup table is new
 * (a new or lost lookup database beside an existing event store), and on demand.
 */
@Component
class PartnerNameRebuild implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PartnerNameRebuild.class);
    private static final Set<Class<?>> NAMING =
            Set.of(PartnerOnboarded.class, PartnerProfileUpdated.class, PartnerOffboarded.class);

    private final Claims claims;
    private final EventStore eventStore;

    PartnerNameRebuild(Claims claims, EventStore eventStore) {
        this.claims = claims;
        this.eventStore = eventStore;
        if (claims.createdNow()) {
            // created before the web server takes requests: none may claim a name the events already give away
            claims.holdClaimsForRebuild();
        }
    }

    @Override
    public void run(ApplicationArguments arguments) throws Exception {
        if (claims.createdNow()) {
            try {
                rebuild();
            } finally {
                claims.rebuildDone();
            }
        }
    }

    /** Replaces every partner-name claim with the names the events give partners not offboarded. */
    int rebuild() throws Exception {
        // in the order of each partner's latest naming event, so that the later of two holders keeps a name
        Map<String, String> keyByPartner = new LinkedHashMap<>();
        try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
            while (events.hasNextAvailable()) {
                TrackedEventMessage<?> event = events.nextAvailable();
                if (NAMING.contains(event.getPayloadType())) {
                    fold(keyByPartner, event.getPayload());
                }
            }
        }
        Map<String, String> ownerByKey = new HashMap<>();
        keyByPartner.forEach((partnerId, key) -> {
            String other = ownerByKey.put(key, partnerId);
            if (other != null) {
                log.warn(
                        "Partners {} and {} both hold the name '{}' in the events; {} keeps it",
                        other,
                        partnerId,
                        key,
                        partnerId);
            }
        });
        claims.replaceAll(PartnerNames.SCOPE, ownerByKey);
        log.info("Rebuilt the partner-name lookup from the events: {} names", ownerByKey.size());
        return ownerByKey.size();
    }

    private static void fold(Map<String, String> keyByPartner, Object event) {
        if (event instanceof PartnerOnboarded onboarded) {
            keyByPartner.put(onboarded.partnerId(), PartnerNames.key(onboarded.name()));
        } else if (event instanceof PartnerProfileUpdated updated && updated.name() != null) {
            keyByPartner.remove(updated.partnerId());
            keyByPartner.put(updated.partnerId(), PartnerNames.key(updated.name()));
        } else if (event instanceof PartnerOffboarded offboarded) {
            keyByPartner.remove(offboarded.partnerId());
        }
    }
}
