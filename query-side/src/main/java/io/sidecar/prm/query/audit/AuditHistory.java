package io.sidecar.prm.query.audit;

import io.sidecar.prm.query.PageOf;
import io.sidecar.prm.query.web.UnknownResourceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Pages of a partner's or a deal's history, oldest first. Without a time range a page is read by key; with one the
 * history is walked a chunk at a time (an event's instant need not grow with its position: a back-dated
 * registration is recorded after later events), keeping only the page asked for.
 */
@Component
class AuditHistory {

    private final AuditLog log;

    AuditHistory(AuditLog log) {
        this.log = log;
    }

    PageOf<AuditEntry> partner(String partnerId, TimeRange range, int page, int size) {
        AuditPartner partner =
                log.partner(partnerId).orElseThrow(() -> new UnknownResourceException("partner", partnerId));
        if (range.isAll()) {
            long from = Math.min((long) page * size, partner.entries());
            long to = Math.min(from + size, partner.entries());
            return new PageOf<>(log.entries(partnerId, from, to), page, size, partner.entries());
        }
        return filtered(log.history(partnerId, partner.entries()), range, page, size);
    }

    PageOf<AuditEntry> deal(String dealId, TimeRange range, int page, int size) {
        long length = log.partnerOf(dealId)
                .flatMap(log::partner)
                .flatMap(partner -> partner.stream(dealId))
                .map(AuditPartner.StreamHead::events)
                .orElseThrow(() -> new UnknownResourceException("deal", dealId));
        if (range.isAll()) {
            long from = Math.min((long) page * size, length);
            long to = Math.min(from + size, length);
            return new PageOf<>(log.streamEntries(dealId, from, to), page, size, length);
        }
        return filtered(log.stream(dealId, length), range, page, size);
    }

    private static PageOf<AuditEntry> filtered(Stream<AuditEntry> entries, TimeRange range, int page, int size) {
        long skip = (long) page * size;
        List<AuditEntry> items = new ArrayList<>();
        long total = 0;
        for (AuditEntry entry : (Iterable<AuditEntry>) entries::iterator) {
            if (range.contains(entry.occurredAt())) {
                if (total >= skip && items.size() < size) {
                    items.add(entry);
                }
                total++;
            }
        }
        return new PageOf<>(items, page, size, total);
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
