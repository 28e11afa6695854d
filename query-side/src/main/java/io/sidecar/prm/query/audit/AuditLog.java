package io.sidecar.prm.query.audit;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads what the audit log recorded. Every read is by {@code _id}, never a scan, so a page of a partner's history
 * costs the same for its first event and its ten-thousandth.
 */
@Component
public class AuditLog {

    /** How many entries one read fetches when a whole history is walked. */
    static final int CHUNK = AuditPartner.BLOCK;

    private final MongoTemplate mongo;

    AuditLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** What is recorded of a partner: its history's length, its streams' heads, its blocks' time ranges. */
    public Optional<AuditPartner> partner(String partnerId) {
        return Optional.ofNullable(mongo.findById(partnerId, AuditPartner.class));
    }

    /** Entries {@code from} (inclusive) to {@code to} (exclusive) of a partner's history, oldest first. */
    public List<AuditEntry> entries(String partnerId, long from, long to) {
        if (from >= to) {
            return List.of();
        }
        List<String> pages = LongStream.rangeClosed(from / AuditPage.SIZE, (to - 1) / AuditPage.SIZE)
                .mapToObj(page -> AuditPage.key(partnerId, page * AuditPage.SIZE))
                .toList();
        return pages(pages).filter(e -> e.ordinal() >= from && e.ordinal() < to).toList();
    }

    /** The entries at the given places of a partner's history, oldest first. */
    List<AuditEntry> entries(String partnerId, List<Long> ordinals) {
        Set<Long> wanted = new HashSet<>(ordinals);
        List<String> pages = ordinals.stream()
                .map(ordinal -> AuditPage.key(partnerId, ordinal))
                .distinct()
                .toList();
        return pages(pages).filter(e -> wanted.contains(e.ordinal())).toList();
    }

    private Stream<AuditEntry> pages(List<String> keys) {
        if (keys.isEmpty()) {
            return Stream.empty();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(keys)), AuditPage.class).stream()
                .sorted(Comparator.comparing(AuditPage::id))
                .flatMap(page -> page.entries().stream());
    }

    /** A partner's whole history, oldest first, read a chunk at a time as the stream is consumed. */
    public Stream<AuditEntry> history(String partnerId, long length) {
        return chunked(length, from -> entries(partnerId, from, Math.min(length, from + CHUNK)));
    }

    /** One of a partner's streams as recorded, oldest first. */
    Stream<AuditEntry> stream(AuditPartner partner, AuditPartner.StreamHead head) {
        if (head.aggregateId().equals(partner.id())) {
            return history(partner.id(), partner.entries())
                    .filter(e -> e.aggregateId().equals(partner.id()));
        }
        return chunked(
                head.ordinals().size(),
                from -> entries(partner.id(), head.ordinals().subList((int) from, (int)
                        Math.min(head.ordinals().size(), from + CHUNK))));
    }

    private static Stream<AuditEntry> chunked(long length, LongFunction<List<AuditEntry>> chunk) {
        return LongStream.iterate(0, from -> from < length, from -> from + CHUNK)
                .mapToObj(chunk)
                .flatMap(List::stream);
    }
}
