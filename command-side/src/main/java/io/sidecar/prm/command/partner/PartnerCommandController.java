package io.sidecar.prm.command.partner;

import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.command.web.CommandSender;
import io.sidecar.prm.events.partner.PartnerType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
    @Operation(
            summary = "Onboard a partner",
            description = "The partner starts in ONBOARDING at tier REGISTERED. Without a language it is contacted"
                    + " in English (en).")
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
                        body.language(),
                        clock.instant()),
                request);
        return ResponseEntity.created(URI.create("/api/partners/" + result.id()))
                .body(result);
    }

    @PatchMapping(path = "/{id}", consumes = "application/json")
    @Operation(
            summary = "Change a partner's profile",
            description = "Absent fields stay as they are; a new name must be free. Nothing changed records nothing.")
    CommandResult updateProfile(@PathVariable String id, @RequestBody ProfileRequest body, HttpServletRequest request) {
        OnboardPartnerRequest.ContactRequest contact = body.contact();
        return sender.send(
                new UpdatePartnerProfileCommand(
                        id,
                        body.name(),
                        body.website(),
                        body.region(),
                        contact == null
                                ? null
                                : new OnboardPartnerCommand.ContactDetails(
                                        contact.name(), contact.email(), contact.phone()),
                        clock.instant()),
                request);
    }

    /**
     * The body of {@code PATCH /api/partners/{id}}: only the fields to change.
     *
     * @param name    a new name
     * @param website a new website
     * @param region  a new region
     * @param contact a new main contact, all of it
     */
    record ProfileRequest(String name, String website, String region, OnboardPartnerRequest.ContactRequest contact) {}

    /**
     * The body of {@code POST /api/partners}.
     *
     * @param name     the partner's name, 1–200 characters, unique among partners not offboarded
     * @param type     RESELLER, REFERRAL, TECHNOLOGY, SERVICES or DISTRIBUTOR
     * @param region   ISO 3166-1 alpha-2 country code
     * @param contact  the main contact
     * @param website  optional http(s) address
     * @param language optional: the language to contact the partner in, a BCP 47 tag ({@code en}, {@code de},
     *                 {@code pt-BR}), at most 35 characters; {@code en} when absent
     */
    record OnboardPartnerRequest(
            String name,
            PartnerType type,
            String region,
            ContactRequest contact,
            String website,

            @Schema(
                    description = "The language to contact the partner in, a BCP 47 tag; en when absent",
                    example = "pt-BR",
                    maxLength = 35)
            String language) {

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
