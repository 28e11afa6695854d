package io.sidecar.prm.command.deal;

import io.sidecar.prm.command.lookup.Claims;
import io.sidecar.prm.events.deal.DealApproved;
import io.sidecar.prm.events.deal.DealEvent;
import io.sidecar.prm.events.deal.DealLost;
import io.sidecar.prm.events.deal.DealProtectionExtended;
import io.sidecar.prm.events.deal.DealRecorded;
import io.sidecar.prm.events.deal.DealRegistrationExpired;
import io.sidecar.prm.events.deal.DealRejected;
import io.sidecar.prm.events.deal.DealWithdrawn;
import io.sidecar.prm.events.deal.DealWon;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Rebuilds deal registration's lookups from the events when the lookup database is new (lost, or first used
 * beside an existing event store): the open registrations by customer and product and by partner, the
 * protections the expiry sweep reads, and the won deals the tier policy sums. Claims wait while it runs.
 */
@Component
class DealLookupRebuild implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DealLookupRebuild.class);

    private final Claims claims;
    private final DealProtections protections;
    private final WonDeals wonDeals;
    private final EventStore eventStore;

    DealLookupRebuild(Claims claims, DealProtections protections, WonDeals wonDeals, EventStore eventStore) {
        this.claims = claims;
        this.protections = protections;
        this.wonDeals = wonDeals;
        this.eventStore = eventStore;
        if (claims.createdNow()) {
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

    /** An open deal as the events leave it. */
    private record Open(String partnerId, String key, Instant protectedUntil) {}

    void rebuild() throws Exception {
        Map<String, Open> open = new LinkedHashMap<>();
        int won = 0;
        try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
            while (events.hasNextAvailable()) {
                TrackedEventMessage<?> event = events.nextAvailable();
                if (!DealRecorded.class
                        .getPackage()
                        .equals(event.getPayloadType().getPackage())) {
                    continue;
                }
                Object payload = event.getPayload();
                if (payload instanceof DealRecorded recorded) {
                    open.put(
                            recorded.dealId(),
                            new Open(
                                    recorded.partnerId(),
                                    Deal.registrationKey(recorded.customer().domain(), recorded.product()),
                                    null));
                } else if (payload instanceof DealApproved approved) {
                    open.computeIfPresent(approved.dealId(), (id, deal) -> withEnd(deal, approved.protectedUntil()));
                } else if (payload instanceof DealProtectionExtended extended) {
                    open.computeIfPresent(extended.dealId(), (id, deal) -> withEnd(deal, extended.protectedUntil()));
                } else if (payload instanceof DealWon dealWon) {
                    open.remove(dealWon.dealId());
                    wonDeals.add(dealWon);
                    won++;
                } else if (payload instanceof DealRejected
                        || payload instanceof DealLost
                        || payload instanceof DealRegistrationExpired
                        || payload instanceof DealWithdrawn) {
                    open.remove(((DealEvent) payload).dealId());
                }
            }
        }
        Map<String, String> byKey = new HashMap<>();
        Map<String, String> byPartner = new HashMap<>();
        open.forEach((dealId, deal) -> {
            byKey.put(deal.key(), dealId);
            byPartner.put(deal.partnerId() + "/" + dealId, dealId);
            if (deal.protectedUntil() != null) {
                protections.protect(dealId, deal.protectedUntil());
            }
        });
        claims.replaceAll(DealCommandHandler.REGISTRATIONS, byKey);
        claims.replaceAll(DealCommandHandler.OPEN_DEALS, byPartner);
        log.info("Rebuilt the deal lookups from the events: {} open registrations, {} won deals", open.size(), won);
    }

    private static Open withEnd(Open deal, Instant end) {
        return new Open(deal.partnerId(), deal.key(), end);
    }
}
