package io.sidecar.prm.query.audit.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sidecar.prm.query.web.InvalidQueryException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.MediaType;

/** The formats a partner's history is exported in: the {@code format} query parameter. */
enum ExportFormat {
    /** One JSON object per line (JSON Lines / NDJSON), the trailer the last line. */
    JSONL(MediaType.APPLICATION_NDJSON) {
        @Override
        ExportWriter writer(Writer out, ObjectMapper json) {
            return new JsonlExport(out, json);
        }
    },
    /** RFC 4180 CSV in UTF-8 with a byte-order mark, a header row, the trailer the last rows. */
    CSV(new MediaType("text", "csv", StandardCharsets.UTF_8)) {
        @Override
        ExportWriter writer(Writer out, ObjectMapper json) {
            return new CsvExport(out);
        }
    };

    private final MediaType mediaType;

    ExportFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    /**
     * The format a request names: {@code jsonl} (the default when absent) or {@code csv}, in any case.
     *
     * @throws InvalidQueryException naming {@code format} for anything else
     */
    static ExportFormat of(String format) {
        if (format == null || format.isBlank()) {
            return JSONL;
        }
        for (ExportFormat known : values()) {
            if (known.extension().equals(format.strip().toLowerCase(Locale.ROOT))) {
                return known;
            }
        }
        throw new InvalidQueryException("format", "must be jsonl or csv");
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** The file name extension, which is also the parameter's value. */
    String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A writer of this format onto {@code out}, which it never closes. */
    abstract ExportWriter writer(Writer out, ObjectMapper json);
}
