package io.sidecar.prm.query.audit.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.sidecar.prm.query.audit.AuditEntry;
import java.io.IOException;
import java.io.Writer;

/**
 * JSON Lines: each entry as the history endpoint shows it (payload as JSON, not as a string), one per line, then
 * the {@link ExportTrailer} as the last line. Lines end with LF.
 */
final class JsonlExport implements ExportWriter {

    private final Writer out;
    private final ObjectWriter json;

    JsonlExport(Writer out, ObjectMapper json) {
        this.out = out;
        this.json = json.writer();
    }

    @Override
    public void begin() {
        // JSON Lines has no header
    }

    @Override
    public void entry(AuditEntry entry) throws IOException {
        line(json.writeValueAsString(entry));
    }

    @Override
    public void end(ExportTrailer trailer) throws IOException {
        line(json.writeValueAsString(trailer));
    }

    private void line(String value) throws IOException {
        out.write(oneLine(value));
        out.write('\n');
    }

    /**
     * The value on one line. Jackson escapes line breaks inside strings, so a raw one can only be whitespace
     * between tokens of a stored payload written with indentation (the payload is copied as stored), where a
     * space means the same.
     */
    static String oneLine(String json) {
        if (json.indexOf('\n') < 0 && json.indexOf('\r') < 0) {
            return json;
        }
        return json.replace('\r', ' ').replace('\n', ' ');
    }
}
