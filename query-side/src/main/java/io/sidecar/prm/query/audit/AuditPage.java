package io.sidecar.prm.query.audit;

import io.sidecar.prm.query.readmodel.ReadModel;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * {@link #SIZE} consecutive entries of a partner's history: one document in {@code audit_log}, keyed
 * {@code partnerId/page}. Why pages and not a document per event: the embedded store pays several key comparisons
 * (each a Java serialization) per document written, and a page takes a whole batch of one partner's events in one
 * write, while a live event rewrites a page of at most {@link #SIZE} entries.
 *
 * @param id      {@code partnerId/page}
 * @param entries the page's entries, oldest first
 */
@Document("audit_log")
public record AuditPage(@Id String id, List<AuditEntry> entries) implements ReadModel {

    /** Entries per page. */
    static final int SIZE = 32;

    public AuditPage {
        entries = List.copyOf(entries);
    }

    /** The id of the page holding the given place of a partner's history. */
    static String key(String partnerId, long ordinal) {
        return partnerId + "/" + String.format("%010d", ordinal / SIZE);
    }

    /** An empty page for the given place of a partner's history. */
    static AuditPage empty(String partnerId, long ordinal) {
        return new AuditPage(key(partnerId, ordinal), List.of());
    }

    /**
     * This page with the entry at its place, replacing what was there (an entry written before a crash, whose
     * partner record was not).
     */
    AuditPage with(AuditEntry entry) {
        List<AuditEntry> next =
                new ArrayList<>(entries.subList(0, (int) Math.min(entries.size(), entry.ordinal() % SIZE)));
        next.add(entry);
        return new AuditPage(id, next);
    }

    /** Idempotency is the {@link AuditPartner} record's: its stream heads say what is recorded. */
    @Override
    public long appliedVersion(String aggregateId) {
        return 0;
    }
}
