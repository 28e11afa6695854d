package io.sidecar.prm.command.partner;

import static io.sidecar.prm.command.support.CommandValidation.languageTag;
import static io.sidecar.prm.command.support.CommandValidation.strip;
import static io.sidecar.prm.command.support.CommandValidation.stripToNull;

import io.sidecar.prm.events.partner.PartnerType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Locale;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Onboard a new partner.
 *
 * @param partnerId   the id the new partner gets (chosen by the caller's web layer)
 * @param name        1–200 characters
 * @param type        the kind of partner
 * @param region      ISO 3166-1 alpha-2 country code
 * @param contact     the main contact
 * @param website     optional http(s) address
 * @param language    the language to contact the partner in, a BCP 47 tag of at most 35 characters; absent or
 *                    blank is {@value #DEFAULT_LANGUAGE}; recorded in its canonical form ({@code pt-br} as
 *                    {@code pt-BR})
 * @param onboardedAt when, from the application's clock
 */
public record OnboardPartnerCommand(
        @TargetAggregateIdentifier String partnerId,
        @NotBlank @Size(max = 200) String name,
        @NotNull PartnerType type,

        @NotBlank @Size(min = 2, max = 2, message = "must be an ISO 3166-1 alpha-2 country code")
        String region,

        @NotNull @Valid ContactDetails contact,

        @Size(max = 2048) @Pattern(regexp = "(?i)https?://[^\\s/$.?#][^\\s]*", message = "must be an http(s) URL")
        String website,

        @Size(max = 35) String language,
        @NotNull Instant onboardedAt) {

    /** The language of a partner onboarded without one. */
    public static final String DEFAULT_LANGUAGE = "en";

    /**
     * Surrounding white space is not part of any field; a region is upper case; a blank website is none; a blank
     * language is the default one, and a language tag is in its canonical case.
     */
    public OnboardPartnerCommand {
        name = strip(name);
        region = region == null ? null : region.strip().toUpperCase(Locale.ROOT);
        website = stripToNull(website);
        language = language == null || language.isBlank() ? DEFAULT_LANGUAGE : languageTag(language.strip());
    }

    /**
     * A contact as given on a command.
     *
     * @param name  1–200 characters
     * @param email a valid address
     * @param phone optional; digits, spaces and {@code + ( ) - . /}
     */
    public record ContactDetails(
            @NotBlank @Size(max = 200) String name,

            @NotBlank @Size(max = 254) @Email(regexp = ".+@[^@]+\\.[^@]+", message = "must be a valid email address")
            String email,

            @Size(max = 40) @Pattern(regexp = "\\+?[0-9 ()./-]{3,40}", message = "must be a phone number")
            String phone) {

        /** Surrounding white space is not part of any field; a blank phone is none. */
        public ContactDetails {
            name = strip(name);
            email = strip(email);
            phone = stripToNull(phone);
        }
    }
}
