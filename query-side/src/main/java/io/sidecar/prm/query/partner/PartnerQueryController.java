package io.sidecar.prm.query.partner;

import io.sidecar.prm.events.partner.PartnerStatus;
import io.sidecar.prm.events.partner.PartnerTier;
import io.sidecar.prm.events.partner.PartnerType;
import io.sidecar.prm.query.PageOf;
import io.sidecar.prm.query.checkin.CheckInPage;
import io.sidecar.prm.query.checkin.FindCheckInsQuery;
import io.sidecar.prm.query.web.ConsistentRead;
import io.sidecar.prm.query.web.InvalidQueryException;
import io.sidecar.prm.query.web.ListRequest;
import io.sidecar.prm.query.web.ServedFrom;
import io.sidecar.prm.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner reads over HTTP (API.md, "Queries"). A partner user reads only its own partner: another's answers the
 * 404 of an unknown id, and the list holds its own partner alone. A caller that does not see contact data (a
 * {@code VIEWER}) reads a partner with {@code contact: null}.
 */
@RestController
@RequestMapping("/api/partners")
@ServedFrom("partner-summary")
@Tag(name = "Partner queries")
class PartnerQueryController {

    private static final Set<String> SORTABLE =
            Set.of("name", "type", "region", "status", "tier", "onboardedAt", "lastCheckInOn");
    private static final Set<String> CHECK_IN_SORTABLE = Set.of("occurredOn", "recordedAt");

    private final QueryGateway queries;
    private final ConsistentRead consistentRead;
    private final Clock clock;

    PartnerQueryController(QueryGateway queries, ConsistentRead consistentRead, Clock clock) {
        this.queries = queries;
        this.consistentRead = consistentRead;
        this.clock = clock;
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "One partner",
            description = "With minVersion, waits up to 5 s for the read model to "
                    + "apply that version; on time-out answers what it has with a Warning header. Health score and"
                    + " at-risk are computed for today.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PartnerDetails.class)))
    ResponseEntity<?> partner(
            @PathVariable String id,
            @Parameter(description = "the version the caller needs") @RequestParam(required = false) Long minVersion) {
        Optional<Caller> caller = Caller.current();
        boolean contact = caller.map(Caller::seesContactData).orElse(true);
        // another partner's is read as none at all, so that minVersion waits and answers exactly as for an unknown id
        return consistentRead.read(
                "partner",
                id,
                () -> visible(caller, find(id)),
                PartnerView::version,
                minVersion,
                view -> PartnerDetails.of(contact ? view : view.withoutContact(), LocalDate.now(clock)));
    }

    @GetMapping
    @Operation(summary = "Partners, filtered, sorted and paged")
    PageOf<PartnerSummary> partners(
            @RequestParam(required = false) PartnerStatus status,
            @RequestParam(required = false) PartnerTier tier,
            @RequestParam(required = false) PartnerType type,
            @RequestParam(required = false) String region,
            @Parameter(description = "only partners at risk (true) or not at risk (false) today")
                    @RequestParam(required = false)
                    Boolean atRisk,
            @Parameter(description = "name contains, case-insensitive") @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @Parameter(
                            description = "field,asc|desc; fields: name, type, region, status, tier, onboardedAt,"
                                    + " lastCheckInOn")
                    @RequestParam(required = false)
                    String sort) {
        ListRequest list = ListRequest.of(page, size, sort, SORTABLE, "name,asc");
        if (region != null && !region.matches("[A-Za-z]{2}")) {
            throw new InvalidQueryException("region", "must be an ISO 3166-1 alpha-2 country code");
        }
        if (q != null && q.length() > 200) {
            throw new InvalidQueryException("q", "must be at most 200 characters");
        }
        Optional<Caller> partnerUser = Caller.current().filter(Caller::isPartnerBound);
        String only = partnerUser.map(Caller::partnerId).orElse(null);
        if (partnerUser.isPresent() && only == null) {
            return new PageOf<>(List.of(), list.page(), list.size(), 0);
        }
        PartnerPage found = queries.query(
                        new FindPartnersQuery(
                                status,
                                tier,
                                type,
                                region == null ? null : region.toUpperCase(Locale.ROOT),
                                q == null || q.isBlank() ? null : q.strip(),
                                atRisk,
                                LocalDate.now(clock),
                                list.page(),
                                list.size(),
                                list.sortField(),
                                list.descending(),
                                only),
                        ResponseTypes.instanceOf(PartnerPage.class))
                .join();
        return new PageOf<>(found.items(), list.page(), list.size(), found.total());
    }

    @GetMapping("/{id}/check-ins")
    @ServedFrom({"check-ins", "partner-summary"})
    @Operation(summary = "A partner's check-ins, newest first, paged")
    ResponseEntity<?> checkIns(
            @PathVariable String id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @Parameter(description = "field,asc|desc; fields: occurredOn, recordedAt") @RequestParam(required = false)
                    String sort) {
        ListRequest list = ListRequest.of(page, size, sort, CHECK_IN_SORTABLE, "occurredOn,desc");
        PartnerView partner = visible(Caller.current(), find(id));
        if (partner == null) {
            return ConsistentRead.notFound("partner", id);
        }
        CheckInPage found = queries.query(
                        new FindCheckInsQuery(id, list.page(), list.size(), list.sortField(), list.descending()),
                        ResponseTypes.instanceOf(CheckInPage.class))
                .join();
        return ResponseEntity.ok(new PageOf<>(found.items(), list.page(), list.size(), found.total()));
    }

    private PartnerView find(String id) {
        return queries.query(new FindPartnerQuery(id), ResponseTypes.instanceOf(PartnerView.class))
                .join();
    }

    /**
     * The partner if the caller may see it, else {@code null}: to a partner user another partner does not exist.
     * Without a caller (only where no security filter runs, as in a slice test; it authenticates every API call)
     * nothing is scoped.
     */
    private static PartnerView visible(Optional<Caller> caller, PartnerView partner) {
        return partner != null && caller.map(c -> c.maySee(partner.id())).orElse(true) ? partner : null;
    }
}
