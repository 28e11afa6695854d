package io.sidecar.prm.command.partner;

import static io.sidecar.prm.command.support.CommandValidation.strip;
import static io.sidecar.prm.command.support.CommandValidation.stripToNull;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Locale;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Change a partner's profile. Absent ({@code null}) fields stay as they are; given fields are validated as on
 * onboarding.
 *
 * @param partnerId the partner
 * @param name      a new name, 1–200 characters, unique among partners not offboarded
 * @param website   a new http(s) address; blank is the same as absent
 * @param region    a new ISO 3166-1 alpha-2 country code
 * @param contact   a new main contact (all of it)
 * @param updatedAt when, from the application's clock
 */
public record UpdatePartnerProfileCommand(
        @TargetAggregateIdentifier String partnerId,
        @Size(min = 1, max = 200) String name,

        @Size(max = 2048) @Pattern(regexp = "(?i)https?://[^\\s/$.?#][^\\s]*", message = "must be an http(s) URL")
        String website,

        @Size(min = 2, max = 2, message = "must be an ISO 3166-1 alpha-2 country code")
        String region,

        @Valid OnboardPartnerCommand.ContactDetails contact,
        @NotNull Instant updatedAt) {

    /** Surrounding white space is not part of any field; a region is upper case. */
    public UpdatePartnerProfileCommand {
        name = strip(name);
        website = stripToNull(website);
        region = region == null ? null : region.strip().toUpperCase(Locale.ROOT);
    }
}
