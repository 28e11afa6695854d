package io.sidecar.prm.query.deal;

import io.sidecar.prm.events.deal.DealStage;
import io.sidecar.prm.events.deal.DealStatus;
import io.sidecar.prm.query.PageOf;
import io.sidecar.prm.query.partner.FindPartnerQuery;
import io.sidecar.prm.query.partner.PartnerView;
import io.sidecar.prm.query.web.ConsistentRead;
import io.sidecar.prm.query.web.ListRequest;
import io.sidecar.prm.query.web.ServedFrom;
import io.sidecar.prm.query.web.UnknownResourceException;
import io.sidecar.prm.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deal reads over HTTP (API.md, "Queries"): one deal, all deals, and one partner's deals. A partner user reads
 * only its own partner's deals: another's deal, or another partner's list, answers the 404 of an unknown id; the list
 * of all deals holds its own only, and filtered by another partner it is empty.
 */
@RestController
@RequestMapping("/api")
@ServedFrom("deals")
@Tag(name = "Deal queries")
class DealQueryController {

    private static final Set<String> SORTABLE =
            Set.of("recordedAt", "expectedCloseDate", "status", "stage", "protectedUntil", "closedOn");
    private static final String PROBLEM = "application/problem+json";
    private static final String DEFAULT_SORT = "recordedAt,desc";
    private static final String SORT_HELP = "field,asc|desc (default recordedAt,desc); fields: recordedAt, "
            + "expectedCloseDate, status, stage, protectedUntil, closedOn (status and stage sort by name)";

    private final QueryGateway queries;
    private final ConsistentRead consistentRead;

    DealQueryController(QueryGateway queries, ConsistentRead consistentRead) {
        this.queries = queries;
        this.consistentRead = consistentRead;
    }

    @GetMapping("/deals/{id}")
    @Operation(
            summary = "One deal, with its status trail",
            description = "With minVersion, waits up to 5 s for the read model to apply "
                    + "that version; on time-out answers what it has with a Warning header.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DealView.class)))
    @ApiResponse(
            responseCode = "404",
            description = "no deal with this id",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<?> deal(
            @PathVariable String id,
            @Parameter(description = "the version the caller needs") @RequestParam(required = false) Long minVersion) {
        return consistentRead.read(
                "deal",
                id,
                () -> visible(queries.query(new FindDealQuery(id), ResponseTypes.instanceOf(DealView.class))
                        .join()),
                DealView::version,
                minVersion);
    }

    @GetMapping("/deals")
    @Operation(summary = "Deals, filtered, sorted and paged; newest registration first by default")
    @ApiResponse(responseCode = "200", description = "a page of deals")
    @ApiResponse(
            responseCode = "400",
            description = "an unknown status or stage, or a page, size or sort out of range",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    PageOf<DealView> deals(
            @Parameter(description = "only deals in this status") @RequestParam(required = false) DealStatus status,
            @Parameter(description = "only this partner's deals") @RequestParam(required = false) String partnerId,
            @Parameter(description = "only deals at this stage") @RequestParam(required = false) DealStage stage,
            @Parameter(description = "0-based page") @RequestParam(required = false) Integer page,
            @Parameter(description = "1-200, default 50") @RequestParam(required = false) Integer size,
            @Parameter(description = SORT_HELP) @RequestParam(required = false) String sort) {
        ListRequest list = ListRequest.of(page, size, sort, SORTABLE, DEFAULT_SORT);
        String asked = partnerId == null || partnerId.isBlank() ? null : partnerId.strip();
        Optional<Caller> partnerUser = Caller.current().filter(Caller::isPartnerBound);
        if (partnerUser.isPresent()) {
            String own = partnerUser.get().partnerId();
            if (own == null || (asked != null && !asked.equals(own))) {
                // the filter narrows what the caller sees; another partner's deals are none of them
                return new PageOf<>(List.of(), list.page(), list.size(), 0);
            }
            asked = own;
        }
        return find(asked, status, stage, list);
    }

    @GetMapping("/partners/{id}/deals")
    @ServedFrom({"deals", "partner-summary"})
    @Operation(summary = "A partner's deals, filtered, sorted and paged; newest registration first by default")
    @ApiResponse(responseCode = "200", description = "a page of the partner's deals")
    @ApiResponse(
            responseCode = "400",
            description = "an unknown status or stage, or a page, size or sort out of range",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "404",
            description = "no partner with this id",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    PageOf<DealView> partnerDeals(
            @PathVariable String id,
            @Parameter(description = "only deals in this status") @RequestParam(required = false) DealStatus status,
            @Parameter(description = "only deals at this stage") @RequestParam(required = false) DealStage stage,
            @Parameter(description = "0-based page") @RequestParam(required = false) Integer page,
            @Parameter(description = "1-200, default 50") @RequestParam(required = false) Integer size,
            @Parameter(description = SORT_HELP) @RequestParam(required = false) String sort) {
        ListRequest list = ListRequest.of(page, size, sort, SORTABLE, DEFAULT_SORT);
        PartnerView partner = queries.query(new FindPartnerQuery(id), ResponseTypes.instanceOf(PartnerView.class))
                .join();
        if (partner == null || !maySee(id)) {
            throw new UnknownResourceException("partner", id);
        }
        return find(id, status, stage, list);
    }

    private PageOf<DealView> find(String partnerId, DealStatus status, DealStage stage, ListRequest list) {
        DealPage found = queries.query(
                        new FindDealsQuery(
                                partnerId,
                                status,
                                stage,
                                list.page(),
                                list.size(),
                                list.sortField(),
                                list.descending()),
                        ResponseTypes.instanceOf(DealPage.class))
                .join();
        return new PageOf<>(found.items(), list.page(), list.size(), found.total());
    }

    /** The deal if the caller may see its partner, else {@code null}, as if there were none. */
    private static DealView visible(DealView deal) {
        return deal != null && maySee(deal.partnerId()) ? deal : null;
    }

    /**
     * Whether the caller may see this partner's data. Without a caller (only where no security filter runs, as in a
     * slice test; it authenticates every API call) nothing is scoped.
     */
    private static boolean maySee(String partnerId) {
        return Caller.current().map(caller -> caller.maySee(partnerId)).orElse(true);
    }
}
