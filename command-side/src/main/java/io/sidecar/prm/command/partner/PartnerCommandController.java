package io.sidecar.prm.command.partner;

import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.command.web.CommandSender;
import io.sidecar.prm.events.partner.PartnerType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner commands over HTTP (API.md, "Partners").
 */
@RestController
@RequestMapping("/api/partners")
@Tag(name = "Partner commands")
class PartnerCommandController {

    private final CommandSender sender;
    private final Clock clock;

    PartnerCommandController(CommandSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Onboard a partner", description = "The partner starts in ONBOARDING at tier REGISTERED.")
    ResponseEntity<CommandResult> onboard(@RequestBody OnboardPartnerRequest body, HttpServletRequest request) {
        OnboardPartnerRequest.ContactRequest contact = body.contact();
        CommandResult result = sender.send(
                new OnboardPartnerCommand(
                        UUID.randomUUID().toString(),
                        body.name(),
                        body.type(),
                        body.region(),
                        contact == null
                                ? null
                                : new OnboardPartnerCommand.ContactDetails(
                                        contact.name(), contact.email(), contact.phone()),
                        body.website(),
                        clock.instant()),
                request);
        return ResponseEntity.created(URI.create("/api/partners/" + result.id()))
                .body(result);
    }

    /**
     * The body of {@code POST /api/partners}.
     *
     * @param name    the partner's name, 1–200 characters, unique among partners not offboarded
     * @param type    RESELLER, REFERRAL, TECHNOLOGY, SERVICES or DISTRIBUTOR
     * @param region  ISO 3166-1 alpha-2 country code
     * @param contact the main contact
     * @param website optional http(s) address
     */
    record OnboardPartnerRequest(String name, PartnerType type, String region, ContactRequest contact, String website) {

        /**
         * A contact.
         *
         * @param name  1–200 characters
         * @param email a valid address
         * @param phone optional
         */
        record ContactRequest(String name, String email, String phone) {}
    }
}
