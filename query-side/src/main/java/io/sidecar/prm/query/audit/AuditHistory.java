package io.sidecar.prm.query.audit;

import io.sidecar.prm.events.PartnerEvent;
import io.sidecar.prm.query.PageOf;
import io.sidecar.prm.query.web.UnknownResourceException;
import io.sidecar.prm.security.personal.StoredPayloads;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Pages of a partner's or a deal's history, oldest first, personal data revealed ({@link AuditEntry#revealed}). A page is read by key. With a time range only the blocks
 * of the history whose events occurred within it are read (an event's instant need not grow with its position: a
 * back-dated event is recorded after later ones), and of a block wholly inside the range only the page's part.
 */
@Component
class AuditHistory {

    private final AuditLog log;
    private final StoredEvents events;
    private final StoredPayloads payloads;

    AuditHistory(AuditLog log, StoredEvents events, StoredPayloads payloads) {
        this.log = log;
        this.events = events;
        this.payloads = payloads;
    }

    PageOf<AuditEntry> partner(String partnerId, TimeRange range, int page, int size) {
        AuditPartner partner =
                log.partner(partnerId).orElseThrow(() -> new UnknownResourceException("partner", partnerId));
        Page result = new Page((long) page * size, size);
        for (int b = 0; b < partner.blocks().size(); b++) {
            AuditPartner.Block block = partner.blocks().get(b);
            long start = (long) b * AuditPartner.BLOCK;
            long end = Math.min(start + AuditPartner.BLOCK, partner.entries());
            if (range.isAll() || block.within(range.from(), range.to())) {
                result.whole(start, end, (from, to) -> log.entries(partnerId, from, to));
            } else if (block.intersects(range.from(), range.to())) {
                log.entries(partnerId, start, end).stream()
                        .filter(entry -> range.contains(entry.occurredInstant()))
                        .forEach(result::offer);
            }
        }
        return new PageOf<>(revealed(result.items), page, size, result.total);
    }

    /** A deal's history; a deal of a partner {@code visible} refuses is answered as an unknown deal. */
    PageOf<AuditEntry> deal(String dealId, TimeRange range, int page, int size, Predicate<String> visible) {
        String partnerId =
                partnerOf(dealId).filter(visible).orElseThrow(() -> new UnknownResourceException("deal", dealId));
        AuditPartner.StreamHead head = log.partner(partnerId)
                .flatMap(partner -> partner.stream(dealId))
                .orElseThrow(() -> new UnknownResourceException("deal", dealId));
        Page result = new Page((long) page * size, size);
        log.entries(partnerId, head.ordinals()).stream()
                .filter(entry -> range.contains(entry.occurredInstant()))
                .forEach(result::offer);
        return new PageOf<>(revealed(result.items), page, size, result.total);
    }

    /** The entries as history shows them: personal data revealed, never as ciphertext. */
    private List<AuditEntry> revealed(List<AuditEntry> entries) {
        return entries.stream().map(entry -> entry.revealed(payloads)).toList();
    }

    /** The deal's partner, from its first event in the store (deal ids are not partner ids). */
    private Optional<String> partnerOf(String dealId) {
        // read to its end (a deal's stream is short): a half-read stream stays open on Axon Server
        try (Stream<StoredEvent> stream = events.stream(dealId)) {
            return stream.toList().stream()
                    .findFirst()
                    .filter(first -> first.aggregateType().equals("Deal"))
                    .flatMap(events::current)
                    .map(PartnerEvent::partnerId);
        }
    }

    /** Collects one page of matching entries while counting them all. */
    private static final class Page {
        private final long skip;
        private final int size;
        private final List<AuditEntry> items = new ArrayList<>();
        private long total;

        Page(long skip, int size) {
            this.skip = skip;
            this.size = size;
        }

        void offer(AuditEntry entry) {
            if (total >= skip && items.size() < size) {
                items.add(entry);
            }
            total++;
        }

        /** Entries {@code start} to {@code end} all match: only the part on the page is read. */
        void whole(long start, long end, Reader reader) {
            long from = start + Math.max(0, skip - total);
            long to = Math.min(end, from + size - items.size());
            if (from < to) {
                items.addAll(reader.read(from, to));
            }
            total += end - start;
        }

        interface Reader {
            List<AuditEntry> read(long from, long to);
        }
    }

    /**
     * A time range over the instants events occurred at: {@code from} inclusive, {@code to} exclusive, either open.
     */
    record TimeRange(Instant from, Instant to) {

        boolean isAll() {
            return from == null && to == null;
        }

        boolean contains(Instant instant) {
            return (from == null || !instant.isBefore(from)) && (to == null || instant.isBefore(to));
        }
    }
}
