package io.sidecar.prm.command.deal;

import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.command.support.MoneyAmount;
import io.sidecar.prm.command.web.CommandSender;
import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.deal.DealStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deal commands over HTTP (API.md, "Deals").
 */
@RestController
@RequestMapping("/api/deals")
@Tag(name = "Deal commands")
class DealCommandController {

    private final CommandSender sender;
    private final Clock clock;

    DealCommandController(CommandSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Register a deal for a partner", description = "The registration waits for approval.")
    ResponseEntity<RecordedDeal> record(@RequestBody RecordDealRequest body, HttpServletRequest request) {
        RecordDealRequest.CustomerRequest customer = body.customer();
        Money amount = body.amount();
        CommandResult result = sender.send(
                new RecordDealCommand(
                        UUID.randomUUID().toString(),
                        body.partnerId(),
                        customer == null
                                ? null
                                : new RecordDealCommand.CustomerDetails(customer.name(), customer.domain()),
                        body.product(),
                        amount == null ? null : new MoneyAmount(amount.amount(), amount.currency()),
                        body.expectedCloseDate(),
                        body.fundRequestId(),
                        clock.instant()),
                request);
        return ResponseEntity.created(URI.create("/api/deals/" + result.id()))
                .body(new RecordedDeal(result.id(), result.version(), DealStatus.PENDING_APPROVAL));
    }

    /**
     * The body of {@code POST /api/deals}.
     *
     * @param partnerId         the registering partner
     * @param customer          the end customer
     * @param product           what is sold
     * @param amount            the expected value, in the reporting currency
     * @param expectedCloseDate today up to two years ahead
     * @param fundRequestId     optional MDF request
     */
    record RecordDealRequest(
            String partnerId,
            CustomerRequest customer,
            String product,
            Money amount,
            LocalDate expectedCloseDate,
            String fundRequestId) {

        /**
         * The end customer.
         *
         * @param name   1–200 characters
         * @param domain internet domain, such as example.com
         */
        record CustomerRequest(String name, String domain) {}
    }

    /**
     * The answer to a registration.
     *
     * @param id      the deal's id
     * @param version the number of events in the deal's stream
     * @param status  the registration's status after the command
     */
    record RecordedDeal(String id, long version, DealStatus status) {}
}
