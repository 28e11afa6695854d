package io.sidecar.prm.query.audit;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads what the audit log recorded. Every read is by key ({@code _id} or the unique stream key), never a scan, so a
 * page of a partner's history costs the same for its first event and its ten-thousandth.
 */
@Component
public class AuditLog {

    /** How many entries one read fetches when a whole history is walked. */
    static final int CHUNK = 500;

    private final MongoTemplate mongo;

    AuditLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** What is recorded of a partner: its history's length and its streams' heads. */
    public Optional<AuditPartner> partner(String partnerId) {
        return Optional.ofNullable(mongo.findById(partnerId, AuditPartner.class));
    }

    /** The partner whose history holds the given aggregate's stream, once its first event is recorded. */
    public Optional<String> partnerOf(String aggregateId) {
        AuditEntry first = mongo.findOne(
                Query.query(Criteria.where("stream").is(AuditEntry.streamKey(aggregateId, 0))), AuditEntry.class);
        return Optional.ofNullable(first).map(AuditEntry::partnerId);
    }

    /** Entries {@code from} (inclusive) to {@code to} (exclusive) of a partner's history, oldest first. */
    public List<AuditEntry> entries(String partnerId, long from, long to) {
        return byKeys(
                "_id",
                LongStream.range(from, to)
                        .mapToObj(n -> AuditEntry.key(partnerId, n))
                        .toList());
    }

    /** Events {@code from} (inclusive) to {@code to} (exclusive) of one aggregate's stream, oldest first. */
    public List<AuditEntry> streamEntries(String aggregateId, long from, long to) {
        return byKeys(
                "stream",
                LongStream.range(from, to)
                        .mapToObj(n -> AuditEntry.streamKey(aggregateId, n))
                        .toList());
    }

    /** A partner's whole history, oldest first, read a chunk at a time as the stream is consumed. */
    public Stream<AuditEntry> history(String partnerId, long length) {
        return chunked(length, from -> entries(partnerId, from, Math.min(length, from + CHUNK)));
    }

    /** One aggregate's recorded stream, oldest first, read a chunk at a time. */
    public Stream<AuditEntry> stream(String aggregateId, long length) {
        return chunked(length, from -> streamEntries(aggregateId, from, Math.min(length, from + CHUNK)));
    }

    private List<AuditEntry> byKeys(String field, List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where(field).in(keys)), AuditEntry.class).stream()
                .sorted(Comparator.comparing(field.equals("_id") ? AuditEntry::id : AuditEntry::stream))
                .toList();
    }

    private static Stream<AuditEntry> chunked(long length, LongFunction<List<AuditEntry>> chunk) {
        return LongStream.iterate(0, from -> from < length, from -> from + CHUNK)
                .mapToObj(chunk)
                .flatMap(List::stream);
    }
}
