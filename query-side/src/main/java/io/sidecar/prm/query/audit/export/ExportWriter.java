package io.sidecar.prm.query.audit.export;

import io.sidecar.prm.query.audit.AuditEntry;
import java.io.IOException;

/** Writes one export in one format: what comes before the entries, each entry, and the trailer at the end. */
interface ExportWriter {

    /** Whatever precedes the first entry (a header row). */
    void begin() throws IOException;

    void entry(AuditEntry entry) throws IOException;

    /** The last line(s): written only after every entry, so that an export without them is known incomplete. */
    void end(ExportTrailer trailer) throws IOException;
}
