package io.sidecar.prm.query.audit.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sidecar.prm.query.audit.AuditEntry;
import io.sidecar.prm.query.audit.AuditLog;
import io.sidecar.prm.query.audit.AuditPartner;
import io.sidecar.prm.security.personal.StoredPayloads;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.stream.Stream;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * One partner's history written out as it is read, a chunk of entries at a time, so that the memory it takes does
 * not grow with the history. It exports exactly the entries of the {@link AuditPartner} taken when the request
 * came, whose heads the trailer shows: events recorded while it runs belong to the next export. Payloads are
 * written with their personal data revealed ({@link AuditEntry#revealed}), never as ciphertext.
 */
final class AuditExport implements StreamingResponseBody {

    /** Entries between flushes: the client sees steady progress, and a dead client is noticed within a chunk. */
    static final int FLUSH_EVERY = 500;

    private static final int BUFFER_CHARS = 64 * 1024;

    private final AuditLog log;
    private final AuditPartner partner;
    private final ExportFormat format;
    private final ObjectMapper json;
    private final Instant exportedAt;
    private final StoredPayloads payloads;

    AuditExport(
            AuditLog log,
            AuditPartner partner,
            ExportFormat format,
            ObjectMapper json,
            Instant exportedAt,
            StoredPayloads payloads) {
        this.log = log;
        this.partner = partner;
        this.format = format;
        this.json = json;
        this.exportedAt = exportedAt;
        this.payloads = payloads;
    }

    /**
     * @throws IllegalStateException when entries the snapshot counts are missing (the audit log reads what it
     *                               finds): the export then ends without its trailer, which is how a reader knows
     *                               it is incomplete (its status line went out with the first byte)
     */
    @Override
    public void writeTo(OutputStream body) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8), BUFFER_CHARS);
        ExportWriter export = format.writer(out, json);
        export.begin();
        long written = 0;
        try (Stream<AuditEntry> history = log.history(partner.id(), partner.entries())) {
            for (Iterator<AuditEntry> entries = history.iterator(); entries.hasNext(); ) {
                export.entry(entries.next().revealed(payloads));
                written++;
                if (written % FLUSH_EVERY == 0) {
                    out.flush();
                }
            }
        }
        if (written != partner.entries()) {
            throw new IllegalStateException("the audit log of partner " + partner.id() + " holds " + written
                    + " of the " + partner.entries() + " entries it counts; the export stopped before its trailer");
        }
        export.end(ExportTrailer.of(partner, exportedAt));
        out.flush();
    }
}
