package io.sidecar.prm.command.deal;

import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.command.support.MoneyAmount;
import io.sidecar.prm.command.web.CommandSender;
import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.deal.DealStage;
import io.sidecar.prm.events.deal.DealStatus;
import io.sidecar.prm.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deal commands over HTTP (API.md, "Deals"). A partner user records deals for its own partner only: a deal for
 * another is refused exactly as one for a partner that does not exist (400 for bad fields first, then 404).
 */
@RestController
@RequestMapping("/api/deals")
@Tag(name = "Deal commands")
class DealCommandController {

    private final CommandSender sender;
    private final DealRules rules;
    private final Clock clock;

    DealCommandController(CommandSender sender, DealRules rules, Clock clock) {
        this.sender = sender;
        this.rules = rules;
        this.clock = clock;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Register a deal for a partner", description = "The registration waits for approval.")
    ResponseEntity<Registration> record(@RequestBody RecordDealRequest body, HttpServletRequest request) {
        RecordDealRequest.CustomerRequest customer = body.customer();
        Money amount = body.amount();
        RecordDealCommand command = new RecordDealCommand(
                UUID.randomUUID().toString(),
                body.partnerId(),
                customer == null ? null : new RecordDealCommand.CustomerDetails(customer.name(), customer.domain()),
                body.product(),
                amount == null ? null : new MoneyAmount(amount.amount(), amount.currency()),
                body.expectedCloseDate(),
                body.fundRequestId(),
                clock.instant());
        if (!Caller.current().map(caller -> caller.maySee(command.partnerId())).orElse(true)) {
            // in the handler's order, so that nothing tells another partner from one that does not exist
            Deal.validate(command, rules);
            throw DealCommandHandler.unknownPartner(command.partnerId());
        }
        RecordedDeal recorded = sender.sendFor(command, request);
        CommandResult result = recorded.result();
        return ResponseEntity.created(URI.create("/api/deals/" + result.id()))
                .body(new Registration(result.id(), result.version(), recorded.status(), recorded.conflictingDealId()));
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve a pending registration", description = "Protected for prm.deals.protection-period.")
    CommandResult approve(@PathVariable String id, HttpServletRequest request) {
        return sender.send(new DealCommands.ApproveDealCommand(id, clock.instant()), request);
    }

    @PostMapping(path = "/{id}/reject", consumes = "application/json")
    @Operation(summary = "Reject a pending registration")
    CommandResult reject(@PathVariable String id, @RequestBody ReasonRequest body, HttpServletRequest request) {
        return sender.send(new DealCommands.RejectDealCommand(id, body.reason(), clock.instant()), request);
    }

    @PostMapping(path = "/{id}/stage", consumes = "application/json")
    @Operation(summary = "Move an approved deal forward: QUALIFIED, PROPOSAL, NEGOTIATION")
    CommandResult stage(@PathVariable String id, @RequestBody StageRequest body, HttpServletRequest request) {
        return sender.send(new DealCommands.AdvanceDealStageCommand(id, body.stage(), clock.instant()), request);
    }

    @PostMapping(path = "/{id}/win", consumes = "application/json")
    @Operation(summary = "Record an approved deal as won", description = "closedOn not in the future.")
    CommandResult win(@PathVariable String id, @RequestBody WinRequest body, HttpServletRequest request) {
        Money amount = body.amount();
        return sender.send(
                new DealCommands.WinDealCommand(
                        id,
                        amount == null ? null : new MoneyAmount(amount.amount(), amount.currency()),
                        body.closedOn(),
                        clock.instant()),
                request);
    }

    @PostMapping(path = "/{id}/lose", consumes = "application/json")
    @Operation(summary = "Record an approved deal as lost")
    CommandResult lose(@PathVariable String id, @RequestBody ReasonRequest body, HttpServletRequest request) {
        return sender.send(new DealCommands.LoseDealCommand(id, body.reason(), clock.instant()), request);
    }

    @PostMapping(path = "/{id}/extend-protection", consumes = "application/json")
    @Operation(summary = "Extend an approved deal's protection by 1–180 days")
    CommandResult extend(@PathVariable String id, @RequestBody ExtendRequest body, HttpServletRequest request) {
        return sender.send(new DealCommands.ExtendProtectionCommand(id, body.days(), clock.instant()), request);
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
     * @param id                the deal's id
     * @param version           the number of events in the deal's stream
     * @param status            {@code PENDING_APPROVAL}, or {@code REJECTED} for a channel conflict
     * @param conflictingDealId for a channel conflict, the registration that holds the customer and product
     */
    record Registration(String id, long version, DealStatus status, String conflictingDealId) {}

    /** A body that gives a reason. */
    record ReasonRequest(String reason) {}

    /** The body of {@code POST /api/deals/{id}/stage}. */
    record StageRequest(DealStage stage) {}

    /** The body of {@code POST /api/deals/{id}/win}: the amount won and the day it closed. */
    record WinRequest(Money amount, LocalDate closedOn) {}

    /** The body of {@code POST /api/deals/{id}/extend-protection}: 1–180 days. */
    record ExtendRequest(Integer days) {}
}
