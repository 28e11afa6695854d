package io.sidecar.prm.query.audit.export;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.sidecar.prm.query.audit.AuditEntry;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV (Commons CSV): CRLF after every row, a field quoted when it holds a comma, a quote, CR or LF (or
 * starts with a character a reader could take for a comment), its quotes doubled. UTF-8 after a byte-order mark,
 * without which Excel reads the file in the machine's code page and garbles every non-ASCII letter. A header row
 * names the {@link #COLUMNS}; the payload column holds the stored JSON. The trailer is the last rows, every row as
 * wide as the header so that a spreadsheet opens the whole file as one table:
 *
 * <pre>
 * #trailer,&lt;partnerId&gt;,&lt;entries&gt;,&lt;exportedAt&gt;,,…
 * #head,&lt;aggregateType&gt;,&lt;aggregateId&gt;,&lt;sequence&gt;,&lt;hash&gt;,,…   (one per stream)
 * </pre>
 */
final class CsvExport implements ExportWriter {

    /** U+FEFF, written first: the byte-order mark ({@code EF BB BF} in UTF-8). */
    static final char BYTE_ORDER_MARK = '\uFEFF';

    /** The history entry's fields, in the order its JSON has them: one declaration serves both formats. */
    static final List<String> COLUMNS =
            List.of(AuditEntry.class.getAnnotation(JsonPropertyOrder.class).value());

    static final String TRAILER = "#trailer";
    static final String HEAD = "#head";

    private final Writer out;
    private final CSVPrinter csv;

    CsvExport(Writer out) {
        this.out = out;
        try {
            this.csv = new CSVPrinter(out, CSVFormat.RFC4180);
        } catch (IOException e) {
            throw new IllegalStateException("RFC 4180 has no header to write", e);
        }
    }

    @Override
    public void begin() throws IOException {
        out.write(BYTE_ORDER_MARK);
        csv.printRecord(COLUMNS);
    }

    @Override
    public void entry(AuditEntry entry) throws IOException {
        csv.printRecord(
                entry.position(),
                entry.aggregateType(),
                entry.aggregateId(),
                entry.sequence(),
                entry.type(),
                entry.revision(),
                entry.occurredAt(),
                entry.recordedAt(),
                entry.actor(),
                entry.actorPartnerId(),
                entry.correlationId(),
                entry.causationId(),
                entry.payload(),
                entry.hash());
    }

    @Override
    public void end(ExportTrailer trailer) throws IOException {
        row(TRAILER, trailer.partnerId(), trailer.entries(), trailer.exportedAt());
        for (ExportTrailer.Head head : trailer.heads()) {
            row(HEAD, head.aggregateType(), head.aggregateId(), head.sequence(), head.hash());
        }
    }

    private void row(Object... values) throws IOException {
        csv.printRecord((Object[]) Arrays.copyOf(values, COLUMNS.size()));
    }
}
