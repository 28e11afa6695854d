package io.sidecar.prm.query.audit.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sidecar.prm.query.audit.AuditLog;
import io.sidecar.prm.query.audit.AuditPartner;
import io.sidecar.prm.query.web.InvalidQueryException;
import io.sidecar.prm.query.web.UnknownResourceException;
import io.sidecar.prm.security.personal.StoredPayloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A partner's whole history as a download (API.md, "Audit"), with the heads of its hash chains in a trailer. Every
 * refusal (a bad format, no or an unknown partner) is a problem answered before the first byte of the download.
 */
@RestController
@Tag(name = "Audit")
class AuditExportController {

    private static final String PROBLEM = "application/problem+json";

    private final AuditLog log;
    private final ObjectMapper json;
    private final Clock clock;
    private final StoredPayloads payloads;

    AuditExportController(AuditLog log, ObjectMapper json, Clock clock, StoredPayloads payloads) {
        this.log = log;
        this.json = json;
        this.clock = clock;
        this.payloads = payloads;
    }

    @GetMapping("/api/audit/export")
    @Operation(
            summary = "Download a partner's history (its own events and its deals'), oldest first, with the heads"
                    + " of its hash chains in a trailer",
            description = "Streamed: memory does not grow with the history. `jsonl` (default): one JSON object per"
                    + " entry line (the fields of the history endpoint), then a last line `{\"trailer\": true,"
                    + " \"partnerId\", \"entries\", \"exportedAt\", \"heads\": [{aggregateType, aggregateId,"
                    + " sequence, hash}]}`. `csv`: RFC 4180, UTF-8 with a byte-order mark, a header row, the"
                    + " payload column holding the JSON, then a row `#trailer,partnerId,entries,exportedAt` and one"
                    + " row `#head,aggregateType,aggregateId,sequence,hash` per stream. The export holds exactly the"
                    + " entries recorded when it started; one that ends without its trailer is incomplete.")
    @ApiResponse(
            responseCode = "200",
            description = "the download (Content-Disposition: attachment)",
            content = {
                @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string")),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    @ApiResponse(
            responseCode = "400",
            description = "no partnerId, or a format other than jsonl or csv",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "404",
            description = "the audit log has recorded nothing of this partner",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<StreamingResponseBody> export(
            @Parameter(description = "the partner whose history to export (required)") @RequestParam(required = false)
                    String partnerId,
            @Parameter(description = "jsonl (default) or csv") @RequestParam(required = false) String format,
            HttpServletRequest request) {
        ExportFormat chosen = ExportFormat.of(format);
        if (partnerId == null || partnerId.isBlank()) {
            throw new InvalidQueryException("partnerId", "is required: the partner whose history to export");
        }
        String id = partnerId.strip();
        AuditPartner partner = log.partner(id).orElseThrow(() -> new UnknownResourceException("partner", id));
        AuditExport export = new AuditExport(log, partner, chosen, json, clock.instant(), payloads);
        UntimedDownloads.exempt(request);
        return ResponseEntity.ok()
                .contentType(chosen.mediaType())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("partner-" + id + "-history." + chosen.extension())
                                .build()
                                .toString())
                .body(export);
    }
}
