package io.sidecar.prm.query.deal;

import io.sidecar.prm.query.web.ConsistentRead;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deal reads over HTTP (API.md, "Queries").
 */
@RestController
@RequestMapping("/api/deals")
@Tag(name = "Deal queries")
class DealQueryController {

    private final QueryGateway queries;
    private final ConsistentRead consistentRead;

    DealQueryController(QueryGateway queries, ConsistentRead consistentRead) {
        this.queries = queries;
        this.consistentRead = consistentRead;
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "One deal",
            description = "With minVersion, waits up to 5 s for the read model to apply "
                    + "that version; on time-out answers what it has with a Warning header.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DealView.class)))
    ResponseEntity<?> deal(@PathVariable String id, @RequestParam(required = false) Long minVersion) {
        return consistentRead.read(
                "deal",
                id,
                () -> queries.query(new FindDealQuery(id), ResponseTypes.instanceOf(DealView.class))
                        .join(),
                DealView::version,
                minVersion);
    }
}
